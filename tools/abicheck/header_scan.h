/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A small scanner for kernel-style ABI headers: the names of #defines
 * (object- and function-like), enum constants, and the members of each
 * top-level struct with anonymous unions/structs flattened.  It finds
 * names only; their values come from compiling a probe (abicheck.c).
 */
#ifndef ABICHECK_HEADER_SCAN_H
#define ABICHECK_HEADER_SCAN_H

#include <stdbool.h>
#include <stddef.h>

struct hs_macro {
	char *name;
	bool function_like;	/* NAME(x) */
	int nparams;
	unsigned int line;
};

struct hs_member {
	char *name;
	bool is_array;
	bool is_padding;	/* padding*, pad*, sizer*, reserved* */
	unsigned int line;
};

struct hs_struct {
	char *name;
	unsigned int line;
	size_t nmembers;
	struct hs_member *members;
};

struct hs_header {
	size_t nmacros, nenums, nstructs;
	struct hs_macro *macros;
	char **enums;
	struct hs_struct *structs;
};

/* Returns 0, or -1 with a message in err (cannot read the file). */
int hs_scan_file(const char *path, struct hs_header *h, char *err, size_t errlen);
int hs_scan_text(const char *text, struct hs_header *h);
void hs_free(struct hs_header *h);

const struct hs_macro *hs_macro_find(const struct hs_header *h, const char *name);
const struct hs_struct *hs_struct_find(const struct hs_header *h, const char *name);
const struct hs_member *hs_member_find(const struct hs_struct *s, const char *name);
bool hs_enum_has(const struct hs_header *h, const char *name);

#endif
