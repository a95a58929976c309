/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * `cca-double abi-check`: a Linux host's RMI headers (definitions and
 * command wrappers) against a profile description.
 */
#ifndef ABICHECK_H
#define ABICHECK_H

#include <stdbool.h>
#include <stdio.h>

#include <cca-double/abi.h>

/* Each run of the compiler and of the probe it builds: wall-clock seconds
 * (--timeout), address space. */
#define ABICHECK_TIMEOUT_S 60
#define ABICHECK_MAX_TIMEOUT_S 3600
#define ABICHECK_MEM_LIMIT_MB 1024

struct abicheck_options {
	const char *cc;			/* compiler for the probe, split at blanks; NULL = "cc" */
	unsigned int timeout;		/* seconds per run; 0 = ABICHECK_TIMEOUT_S */
	const char *mock_include;	/* the project's kernel/include */
	bool verbose;			/* list every pair, and names only one side has */
};

struct abicheck_result {
	unsigned int matched, mismatches, missing, extra;
	unsigned int renamed;		/* absent name + extra name with the same value */
	unsigned int notes;		/* differences that are not ABI mismatches */
	unsigned int wrappers;		/* commands whose wrapper was compared */
	bool has_version;		/* RMI_ABI_MAJOR/MINOR_VERSION evaluated */
	unsigned int major, minor;
};

/* The headers, scanned and merged into one input. */
struct abicheck_input;

/*
 * Scans the headers.  Returns 0, or -1 with a message naming the file in
 * err (unreadable, empty, unparsable, or no RMI definitions at all).
 */
int abicheck_load(const char *const *headers, unsigned int n, struct abicheck_input **in,
		  char *err, size_t errlen);
void abicheck_input_free(struct abicheck_input *in);

/*
 * Compares the input with profile p, writing the report to out.  Returns 0
 * when the comparison ran (see res->mismatches), -1 when the probe could
 * not be built or run (the message is on out).
 */
int abicheck_run(const struct abi_profile *p, const struct abicheck_input *in,
		 const struct abicheck_options *opt, FILE *out, struct abicheck_result *res);

/*
 * --profile auto: the profile the input matches best.  The version macros
 * narrow the choice to the profiles of that revision; among those, the
 * most names that agree less those that disagree wins.  why says so in one
 * line.  NULL (with why) if no profile could be compared.
 */
const struct abi_profile *abicheck_choose(const struct abicheck_input *in,
					  const struct abicheck_options *opt, char *why,
					  size_t len);

/* The subcommand: cca-double abi-check --profile P HEADER... */
int abicheck_main(int argc, char **argv);

#endif
