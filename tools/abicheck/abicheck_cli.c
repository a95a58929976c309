// SPDX-License-Identifier: BSD-3-Clause
/* Command line of `cca-double abi-check`. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abicheck.h"
#include "cli.h"	/* compiled into the CLI: cli_mock_include_dir() */

static void usage(FILE *f)
{
	fprintf(f,
		"usage: cca-double abi-check --profile PROFILE [options] HEADER...\n"
		"\n"
		"Reads the HEADERs as one input - a kernel's RMI definitions and its command\n"
		"wrappers: asm/rmi_smc.h + asm/rmi_cmds.h (v12, v14), or\n"
		"linux/arm-smccc-rmi.h + linux/arm-rmi-cmds.h (after v14) - compiles them with\n"
		"the project's mock <linux/arm-smccc.h> and compares every FID, status code,\n"
		"enum value, bit field, struct size, field offset and field size with the\n"
		"profile's description (spec/PROFILE.yaml); then each command wrapper's\n"
		"arguments, results read back and Stateful RMI Operation handling.\n"
		"\n"
		"  -p, --profile P     a profile name, or auto: chosen from the headers\n"
		"  -v, --verbose       list every pair, and names only one side has\n"
		"      --cc CC         compiler for the probe, split at blanks (default: $CC or cc)\n"
		"      --include DIR   mock kernel headers (default: %s)\n"
		"      --timeout S     seconds each compile and probe run may take (default: %d);\n"
		"                      each also gets %d MiB of address space\n"
		"  -h, --help          this text\n"
		"\n"
		"Exit status: 0 no mismatch, 1 mismatches found, 2 usage, header or probe error.\n",
		cli_mock_include_dir(), ABICHECK_TIMEOUT_S, ABICHECK_MEM_LIMIT_MB);
}

static void list_profiles(FILE *f)
{
	fprintf(f, "known:");
	for (unsigned int i = 0; i < abi_nprofiles; i++)
		fprintf(f, " %s", abi_profiles[i]->name);
	fprintf(f, " auto");
}

int abicheck_main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "profile", required_argument, NULL, 'p' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "cc", required_argument, NULL, 'c' },
		{ "include", required_argument, NULL, 'I' },
		{ "timeout", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct abicheck_options o = { .cc = getenv("CC"), .mock_include = cli_mock_include_dir() };
	const struct abi_profile *p = NULL;
	struct abicheck_input *in;
	struct abicheck_result r;
	const char *pname = NULL;
	char err[2048];
	unsigned long secs;
	char *end;
	int c;

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
		case 't':
			errno = 0;
			secs = strtoul(optarg, &end, 10);
			if (errno || end == optarg || *end || optarg[0] == '-' || !secs ||
			    secs > ABICHECK_MAX_TIMEOUT_S) {
				fprintf(stderr, "abi-check: --timeout '%s': expected seconds, 1 to %d\n",
					optarg, ABICHECK_MAX_TIMEOUT_S);
				return 2;
			}
			o.timeout = (unsigned int)secs;
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
	if (strcmp(pname, "auto")) {
		p = abi_profile_find(pname);
		if (!p) {
			fprintf(stderr, "abi-check: unknown profile '%s' (", pname);
			list_profiles(stderr);
			fprintf(stderr, ")\n");
			return 2;
		}
	}
	if (abicheck_load((const char *const *)&argv[optind], (unsigned int)(argc - optind), &in,
			  err, sizeof(err))) {
		fprintf(stderr, "abi-check: %s\n", err);
		return 2;
	}
	if (!p) {
		p = abicheck_choose(in, &o, err, sizeof(err));
		if (!p) {
			fprintf(stderr, "abi-check: --profile auto: %s\n", err);
			abicheck_input_free(in);
			return 2;
		}
		printf("abi-check: --profile auto chose %s: %s\n", p->name, err);
	}
	c = abicheck_run(p, in, &o, stdout, &r);
	abicheck_input_free(in);
	if (c)
		return 2;
	return r.mismatches ? 1 : 0;
}
