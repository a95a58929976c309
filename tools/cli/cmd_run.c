// SPDX-License-Identifier: BSD-3-Clause
/* cca-double run: scenarios as one KTAP document. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kunit/runner.h>

#include "cli.h"
#include "scn_kunit.h"

static void usage(FILE *f)
{
	fprintf(f,
		"usage: cca-double run [options] [FILE|DIR...]\n"
		"\n"
		"Runs YAML scenarios against the fake RMM (and, for host-level steps, the\n"
		"host realm code of this build: the reference code, or in an upstream build\n"
		"the tree's) and prints one KTAP document: a suite per scenario folder, a\n"
		"case per scenario and profile, then a line \"N passed, N failed, N skipped\".\n"
		"In an upstream build the first lines after \"KTAP version 1\" say which tree,\n"
		"files and profile, and the profile defaults to the tree's.\n"
		"Without FILE or DIR it runs the bundled library (%s).\n"
		"\n"
		"  -p, --profile P     run on profile P only (a spec/<P>.yaml: `cca-double help`\n"
		"                      lists them); scenarios for another profile are skipped\n"
		"  -f, --filter GLOB   only suite.case names matching GLOB (repeatable); a\n"
		"                      GLOB without '@' also matches every case@profile\n"
		"  -t, --trace FILE    append every RMI/RSI call to FILE\n"
		"      --junit FILE    also write the results as JUnit XML to FILE (a testcase\n"
		"                      per case, failures with the scenario's file:line:col)\n"
		"      --timeout N     seconds per scenario (default 60)\n"
		"  -l, --list          list the cases, run nothing\n"
		"  -v, --verbose       each case also prints its description and every RMI/RSI\n"
		"                      call it made (the trace lines) as KTAP diagnostics\n"
		"      --no-fork       run in-process (debugging; a crash ends the run)\n"
		"      --reference     the reference host code (an upstream build's own)\n"
		"  -h, --help          this text\n"
		"\n"
		"Exit status: 0 all passed, 1 a scenario failed (or nothing ran), 2 usage or a\n"
		"file that does not load (named in its failing case).\n",
		cli_scenario_dir());
}

int run_main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "profile", required_argument, NULL, 'p' },
		{ "filter", required_argument, NULL, 'f' },
		{ "trace", required_argument, NULL, 't' },
		{ "timeout", required_argument, NULL, 'T' },
		{ "junit", required_argument, NULL, 'U' },
		{ "list", no_argument, NULL, 'l' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "no-fork", no_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	/* "GLOB@*" for each --filter GLOB without '@' (see -f). */
	static char any_profile[KUNIT_MAX_FILTERS][256];
	struct kunit_run_options ko = { .timeout_s = 60 };
	unsigned int load_errors = 0;
	struct scn_suite_opts so = { .load_errors = &load_errors };
	struct kunit_suite **suites = NULL;
	const char *defaults[] = { cli_scenario_dir() };
	int c, n, status;

	optind = 1;
	while ((c = getopt_long(argc, argv, "p:f:t:lvh", opts, NULL)) != -1) {
		switch (c) {
		case 'p':
			so.profile = optarg;
			break;
		case 'f':
			/*
			 * A scenario on several profiles is one case per profile,
			 * "name@profile": a glob without '@' matches them all.
			 */
			if (ko.nr_filters + (strchr(optarg, '@') ? 1 : 2) > KUNIT_MAX_FILTERS) {
				fprintf(stderr, "run: at most %d filters\n", KUNIT_MAX_FILTERS / 2);
				return 2;
			}
			ko.filters[ko.nr_filters++] = optarg;
			if (!strchr(optarg, '@')) {
				char *g = any_profile[ko.nr_filters];

				if ((size_t)snprintf(g, sizeof(any_profile[0]), "%s@*", optarg) >=
				    sizeof(any_profile[0])) {
					fprintf(stderr, "run: a filter is at most %zu characters\n",
						sizeof(any_profile[0]) - 3);
					return 2;
				}
				ko.filters[ko.nr_filters++] = g;
			}
			break;
		case 't':
			so.trace_path = optarg;
			break;
		case 'T':
			if (!cli_parse_seconds("run", "--timeout", optarg, &ko.timeout_s))
				return 2;
			break;
		case 'U':
			ko.junit_path = optarg;
			break;
		case 'v':
			so.verbose = true;
			break;
		case 'l':
			ko.list_only = true;
			break;
		case 'n':
			ko.no_fork = true;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (!so.profile)
		so.profile = cli_default_profile();
	if (so.profile && !cli_profile_known(so.profile))
		return 2;
	if (cli_banner() && !ko.list_only && kunit_add_header(cli_banner()))
		return 2;
	const struct cli_output outs[2] = { { "--trace", so.trace_path }, { "--junit", ko.junit_path } };

	/* Before either is truncated: not an input, nor a scenario file in an input folder. */
	if (!cli_outputs_ok("run", outs, 2, optind < argc ? (const char *const *)argv + optind : defaults,
			    optind < argc ? (size_t)(argc - optind) : 1))
		return 2;
	/*
	 * Started afresh here (the cases append to the trace; the executor
	 * writes the JUnit file later), so that an error names this command.
	 */
	for (size_t i = 0; i < 2; i++) {
		FILE *f = outs[i].path ? fopen(outs[i].path, "w") : NULL;

		if (outs[i].path && !f) {
			fprintf(stderr, "run: %s %s: %s\n", outs[i].opt, outs[i].path, strerror(errno));
			return 2;
		}
		if (f)
			fclose(f);
	}
	cli_register_host();
	if (optind < argc)
		n = scn_build_suites((const char *const *)argv + optind, (size_t)(argc - optind), &so,
				     &suites);
	else
		n = scn_build_suites(defaults, 1, &so, &suites);
	if (n < 0)
		return 2;
	status = kunit_run_suites(suites, (size_t)n, &ko, NULL);
	scn_free_suites(suites, (size_t)n);
	/* A file that did not load is a load error (2), reported as its failing case too. */
	return load_errors && status ? 2 : status;
}
