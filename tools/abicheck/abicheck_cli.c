// SPDX-License-Identifier: BSD-3-Clause
/* Command line of `cca-double abi-check`. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abicheck.h"

#ifndef CCA_MOCK_INCLUDE_DIR
#define CCA_MOCK_INCLUDE_DIR "kernel/include"
#endif

static void usage(FILE *f)
{
	fprintf(f,
		"usage: cca-double abi-check --profile PROFILE [options] HEADER...\n"
		"\n"
		"Compiles each HEADER (a kernel's arch/arm64/include/asm/rmi_smc.h) with the\n"
		"project's mock <linux/arm-smccc.h> and compares every FID, status code, enum\n"
		"value, bit field, struct size, field offset and field size it defines with the\n"
		"profile's description (spec/PROFILE.yaml).\n"
		"\n"
		"  -p, --profile P     1.0 or 2.0-bet1 (required)\n"
		"  -v, --verbose       also list names only one side has\n"
		"      --cc CC         compiler for the probe (default: $CC or cc)\n"
		"      --include DIR   mock kernel headers (default: %s)\n"
		"  -h, --help          this text\n"
		"\n"
		"Exit status: 0 no mismatch, 1 mismatches found, 2 usage or probe error.\n",
		CCA_MOCK_INCLUDE_DIR);
}

int abicheck_main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "profile", required_argument, NULL, 'p' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "cc", required_argument, NULL, 'c' },
		{ "include", required_argument, NULL, 'I' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct abicheck_options o = { .cc = getenv("CC"), .mock_include = CCA_MOCK_INCLUDE_DIR };
	const struct abi_profile *p = NULL;
	const char *pname = NULL;
	int c, status = 0;

	optind = 1;
	while ((c = getopt_long(argc, argv, "p:vh", opts, NULL)) != -1) {
		switch (c) {
		case 'p':
			pname = optarg;
			break;
		case 'v':
			o.verbose = true;
			break;
		case 'c':
			o.cc = optarg;
			break;
		case 'I':
			o.mock_include = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (!pname || optind >= argc) {
		fprintf(stderr, "abi-check: %s\n", !pname ? "--profile is required" : "no header given");
		usage(stderr);
		return 2;
	}
	p = abi_profile_find(pname);
	if (!p) {
		fprintf(stderr, "abi-check: unknown profile '%s' (known:", pname);
		for (unsigned int i = 0; i < abi_nprofiles; i++)
			fprintf(stderr, " %s", abi_profiles[i]->name);
		fprintf(stderr, ")\n");
		return 2;
	}
	for (int i = optind; i < argc; i++) {
		struct abicheck_result r;

		if (abicheck_header(p, argv[i], &o, stdout, &r))
			return 2;
		if (r.mismatches)
			status = 1;
	}
	return status;
}
