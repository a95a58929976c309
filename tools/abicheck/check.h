/* SPDX-License-Identifier: BSD-3-Clause */
/* abi-check internals shared by its files (abicheck.c, probe.c, command_check.c). */
#ifndef ABICHECK_CHECK_H
#define ABICHECK_CHECK_H

#include <stdint.h>

#define MAX_FAMILY_RENAMES 16

#include "abicheck.h"
#include "header_scan.h"
#include "wrapper_scan.h"

struct abicheck_input {
	struct hs_header h;
	struct ws_wrapper *wrappers;
	size_t nwrappers;
};

enum item_kind {
	IK_VALUE,	/* macro or enum constant == value */
	IK_MASK,	/* object-like macro == mask */
	IK_EXTRACT,	/* function-like macro: bits it reacts to == mask */
	IK_STRUCT_SIZE,
	IK_FIELD,	/* offset and size of a struct member */
};

enum item_group { IG_COMMAND, IG_ENUM, IG_CONSTANT, IG_BITFIELD, IG_STRUCT, IG_VERSION };

struct item {
	enum item_kind kind;
	enum item_group group;
	char what[160];		/* "command DATA_CREATE", "struct rec_exit.imm" */
	char name[128];		/* header name (macro, or member) */
	char sname[64];		/* struct name for IK_STRUCT_SIZE / IK_FIELD */
	char prefix[64];	/* a renamed header name starts with this */
	int64_t value;		/* expected value / mask / size / offset */
	uint32_t min_size, window;	/* IK_FIELD: spec bytes, room before next field */
	uint64_t forbid;		/* IK_EXTRACT: bits of other fields */
	const struct abi_command *cmd;	/* IG_COMMAND */
	bool present;		/* found in the header */
	bool hidden;		/* a header name the profile lacks, evaluated to find renames */
	bool evaluable;		/* the probe compiled it */
	unsigned int file, line;	/* where the header defines it */
	uint64_t got, got_size;
	bool has_got;
	long pair;		/* absent item: its renamed hidden item; hidden: the absent one; -1 */
};

struct check {
	const struct abi_profile *p;
	const struct abicheck_options *opt;
	const struct abicheck_input *in;
	const struct hs_header *h;
	struct item *items;
	size_t n, cap;
	FILE *out;
	struct abicheck_result res;
	/* Renamed name families learnt from renames: {old prefix, new prefix}. */
	unsigned int nsubst;
	char subst[MAX_FAMILY_RENAMES][2][64];
};

void report(struct check *c, const char *tag, const char *what, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/*
 * Evaluates the items with it->hidden == hidden by compiling and running a
 * probe that includes the headers defining them.  Returns 0, or -1 with a
 * message in err.
 */
int probe_items(struct check *c, bool hidden, char *err, size_t errlen);

/* Is the getter that reacts to bits `got` right for item it (IK_EXTRACT)? */
bool extract_ok(const struct item *it, uint64_t got);

/* The wrappers against the spec's commands (command_check.c). */
void check_commands(struct check *c);

#endif
