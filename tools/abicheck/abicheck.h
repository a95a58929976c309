/* SPDX-License-Identifier: BSD-3-Clause */
/* `cca-double abi-check`: a kernel rmi_smc.h against a profile description. */
#ifndef ABICHECK_H
#define ABICHECK_H

#include <stdbool.h>
#include <stdio.h>

#include <cca-double/abi.h>

struct abicheck_options {
	const char *cc;			/* compiler for the probe; NULL = "cc" */
	const char *mock_include;	/* the project's kernel/include */
	bool verbose;			/* list absent and extra names too */
};

struct abicheck_result {
	unsigned int matched, mismatches, missing, extra;
};

/* Returns 0 when the comparison ran (see res->mismatches), -1 on errors. */
int abicheck_header(const struct abi_profile *p, const char *header,
		    const struct abicheck_options *opt, FILE *out, struct abicheck_result *res);

/* The subcommand: cca-double abi-check --profile P HEADER... */
int abicheck_main(int argc, char **argv);

#endif
