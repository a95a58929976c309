// SPDX-License-Identifier: BSD-3-Clause
/* cca-double kunit: the realm KUnit suites against the host realm code of this build. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static void usage(FILE *f)
{
	fprintf(f,
		"usage: cca-double kunit [kunit options]\n"
		"\n"
		"Runs the realm KUnit suites (kernel/tests: lifecycle, populate, teardown, REC\n"
		"exits, quarantine, SRO) against the host realm code of this build and the\n"
		"fake RMM: the reference code, or in an upstream build (-DKERNEL_SRC) the\n"
		"tree's own files on the tree's profile.  Prints one KTAP version 1 document\n"
		"that tools/testing/kunit/kunit.py parse accepts, then \"N passed, N failed,\n"
		"N skipped\".  In an upstream build its first lines after \"KTAP version 1\"\n"
		"say which tree, files and profile, and a failure kernel/README.md explains\n"
		"(kernel/upstream/known/<series>.txt, while the tree still has that code) is\n"
		"marked \"# <suite.case>: known: <reason>\" and still counts as failed.\n"
		"Options are the KUnit runner's:\n"
		"\n"
		"  --filter GLOB           suite.case glob (repeatable)\n"
		"  kunit.filter_glob=GLOB  the kernel's syntax\n"
		"  --list                  list suite.case names\n"
		"  --timeout N             seconds per case (default 300)\n"
		"  --junit FILE            also write the results as JUnit XML to FILE\n"
		"  --no-fork               run cases in-process (debugging)\n"
		"  --known FILE            more known failures (suite.case[.param] # reason)\n"
		"  --reference             the reference host code (an upstream build's own)\n"
		"\n"
		"The binary is %s.\n", CCA_REALM_KUNIT);
}

int kunit_cmd_main(int argc, char **argv)
{
	char *args[256];
	int n = 0;

	if (argc > 1 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		usage(stdout);
		return 0;
	}
	if (argc > 250) {
		usage(stderr);
		return 2;
	}
	args[n++] = CCA_REALM_KUNIT;
	for (int i = 1; i < argc; i++)
		args[n++] = argv[i];
	args[n] = NULL;
	fflush(NULL);
	execv(CCA_REALM_KUNIT, args);
	fprintf(stderr, "cca-double kunit: cannot run %s: %s\n", CCA_REALM_KUNIT, strerror(errno));
	return 2;
}
