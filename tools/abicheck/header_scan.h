/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A small scanner for kernel-style ABI headers: the names of #defines
 * (object- and function-like), enum constants, the members of each
 * top-level struct with anonymous unions/structs flattened, and the
 * functions defined in the header (their parameters and body tokens, for
 * wrapper_scan.c).  It finds names only; their values come from compiling
 * a probe (probe.c).  Several files scan into one hs_header: every record
 * says which file it came from.
 */
#ifndef ABICHECK_HEADER_SCAN_H
#define ABICHECK_HEADER_SCAN_H

#include <stdbool.h>
#include <stddef.h>

#define HS_MAX_PARAMS 16
/*
 * Bounds on what one input (all its files) may hold; beyond them the input
 * is rejected with file:line:col, not scanned for minutes or out of the
 * stack.  An RMI header has a few hundred names, structures nested three
 * deep and wrappers of a hundred tokens each.
 */
#define HS_MAX_NESTING 64		/* braces inside a struct */
#define HS_MAX_NAMES 20000		/* #defines, enum constants, structs, members, functions */
#define HS_MAX_BODY_TOKENS 8192		/* tokens in one function body */
#define HS_MAX_TOKENS 262144		/* tokens in all function bodies */

struct hs_macro {
	char *name;
	bool function_like;	/* NAME(x) */
	int nparams;
	unsigned int file, line;
};

struct hs_enum_const {
	char *name;
	unsigned int file, line;
};

struct hs_member {
	char *name;
	bool is_array;
	bool is_padding;	/* padding*, pad*, sizer*, reserved* */
	unsigned int line;
};

struct hs_struct {
	char *name;
	unsigned int file, line;
	size_t nmembers, cap_members;
	struct hs_member *members;
};

enum hs_tok_kind { HS_END, HS_IDENT, HS_NUMBER, HS_PUNCT, HS_STRING };

struct hs_token {
	enum hs_tok_kind kind;
	char text[128];		/* HS_PUNCT: one character; HS_STRING: empty */
	unsigned int line, col;
};

struct hs_param {
	char *name;		/* NULL for an unnamed parameter or `void` */
	char *type;		/* the tokens before the name, space-separated */
};

/* A function defined (with a body) at the top level of a header. */
struct hs_function {
	char *name;
	unsigned int file, line;
	unsigned int nparams;
	struct hs_param params[HS_MAX_PARAMS];
	size_t ntoks;
	struct hs_token *toks;	/* the body, without its outer braces */
};

struct hs_header {
	size_t nfiles;
	char **files;		/* paths as given */
	size_t nmacros, nenums, nstructs, nfunctions;
	size_t cap_macros, cap_enums, cap_structs, cap_functions;
	size_t nnames, ntokens;	/* against HS_MAX_NAMES, HS_MAX_TOKENS */
	struct hs_macro *macros;
	struct hs_enum_const *enums;
	struct hs_struct *structs;
	struct hs_function *functions;
};

/*
 * Scans one more file into h (zero h before the first).  Returns 0, or -1
 * with "path: what" or "path:line:col: what" in err: unreadable, empty, not
 * text, an unterminated comment or string, unbalanced braces, an integer
 * constant wider than 64 bits, or more than the HS_MAX_* bounds above.
 */
int hs_scan_file(const char *path, struct hs_header *h, char *err, size_t errlen);
/* The same for text in memory, recorded as file `name`. */
int hs_scan_text(const char *name, const char *text, struct hs_header *h, char *err,
		 size_t errlen);
void hs_free(struct hs_header *h);

const struct hs_macro *hs_macro_find(const struct hs_header *h, const char *name);
const struct hs_struct *hs_struct_find(const struct hs_header *h, const char *name);
const struct hs_member *hs_member_find(const struct hs_struct *s, const char *name);
const struct hs_enum_const *hs_enum_find(const struct hs_header *h, const char *name);
bool hs_enum_has(const struct hs_header *h, const char *name);
/* Base name of file `i`, for messages. */
const char *hs_file_base(const struct hs_header *h, unsigned int i);

#endif
