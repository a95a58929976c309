// SPDX-License-Identifier: BSD-3-Clause
/* cca-double trace: run one scenario and print every RMI/RSI call it made. */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <cca-double/scenario.h>

#include "cli.h"
#include "fuzz_seed.h"

static void usage(FILE *f)
{
	fprintf(f,
		"usage: cca-double trace [options] SCENARIO\n"
		"\n"
		"Runs one scenario in-process and prints its trace: one line per RMI/RSI call\n"
		"with the command, named arguments, status and named outputs, granules shown\n"
		"by their scenario names; a REC_ENTER line ends with the exit the host got\n"
		"(exit=REASON and its fields: esr/ec/far/hpfar, imm, psci=FUNCTION and its\n"
		"arguments, ripas_base/ripas_top/ripas_value, ...).  The lines can be pasted\n"
		"into `expect: trace:`, where a word `...` stands for any words.\n"
		"\n"
		"  -p, --profile P     profile to run on (default: the first the scenario names)\n"
		"  -o, --output FILE   write the trace to FILE instead of standard output\n"
		"      --fuzz-seed F   also write the RMI calls to F in the fuzz targets'\n"
		"                      call-stream encoding (fake-rmm/fuzz/README.md)\n"
		"  -h, --help          this text\n"
		"\n"
		"Exit status: 0 the scenario passed, 1 it failed (the trace is printed anyway),\n"
		"2 usage or load error.\n");
}

int trace_main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "profile", required_argument, NULL, 'p' },
		{ "output", required_argument, NULL, 'o' },
		{ "fuzz-seed", required_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct scenario_run_opts ro = { 0 };
	struct scenario_result res;
	const char *profile = NULL, *out = NULL, *seed_path = NULL;
	struct fuzz_seed *seed = NULL;
	struct scenario *s;
	char err[2048];
	bool write_failed = false;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "p:o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'p': profile = optarg; break;
		case 'o': out = optarg; break;
		case 'F': seed_path = optarg; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 2;
		}
	}
	if (optind != argc - 1) {
		usage(stderr);
		return 2;
	}
	if (profile && !cli_profile_known(profile))
		return 2;
	/* Before the scenario is loaded and the outputs opened (truncated). */
	if (!cli_outputs_ok("trace", (const struct cli_output[]){ { "--output", out },
								   { "--fuzz-seed", seed_path } },
			    2, (const char *const *)argv + optind, 1))
		return 2;
	cli_register_host();
	s = scenario_load(argv[optind], err, sizeof(err));
	if (!s) {
		fprintf(stderr, "%s\n", err);
		return 2;
	}
	if (!profile)
		profile = scenario_profile(s, 0);
	if (!scenario_runs_on(s, profile)) {
		fprintf(stderr, "%s does not run on profile %s\n", argv[optind], profile);
		scenario_free(s);
		return 2;
	}
	ro.trace_out = out ? fopen(out, "w") : stdout;
	if (!ro.trace_out) {
		fprintf(stderr, "trace: --output %s: %s\n", out, strerror(errno));
		scenario_free(s);
		return 2;
	}
	if (seed_path && !(seed = fuzz_seed_open(seed_path))) {
		if (out)
			fclose(ro.trace_out);
		scenario_free(s);
		return 2;
	}
	if (seed) {
		ro.on_rmi_call = fuzz_seed_call;
		ro.on_rmi_call_ctx = seed;
	}
	scenario_run(s, profile, &ro, &res);
	/* A trace that did not reach its file (a full disk) is an error, not a pass. */
	if (out && (ferror(ro.trace_out) | fclose(ro.trace_out))) {
		fprintf(stderr, "trace: --output %s: %s\n", out, strerror(errno ? errno : EIO));
		write_failed = true;
	}
	if (seed) {
		unsigned long calls, bytes, words;

		if (fuzz_seed_close(seed, &calls, &bytes, &words))
			res.passed = false;
		else
			fprintf(stderr, "fuzz seed: %lu RMI calls, %lu page words, %lu bytes\n", calls,
				words, bytes);
	}
	if (!res.passed)
		fprintf(stderr, "FAILED: %s\n", res.failure);
	else
		fprintf(stderr, "passed: %llu RMI calls, %llu granules left, %llu pages leaked\n",
			(unsigned long long)res.rmi_calls, (unsigned long long)res.leaked_granules,
			(unsigned long long)res.leaked_pages);
	scenario_result_free(&res);
	scenario_free(s);
	return write_failed ? 2 : res.passed ? 0 : 1;
}
