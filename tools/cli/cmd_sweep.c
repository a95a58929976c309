// SPDX-License-Identifier: BSD-3-Clause
/* cca-double sweep: inject a failure at every RMI call of scenarios. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "scn_sweep.h"

static void usage(FILE *f)
{
	fprintf(f,
		"usage: cca-double sweep [options] FILE...\n"
		"\n"
		"Runs each scenario once clean and records its RMI calls, then reruns it once\n"
		"per call and per error status the spec lets that command return, with that\n"
		"failure injected there, each run in its own process with a timeout.  Reports\n"
		"per run: crash, hang, GPF, WARNs, leaked granules/pages, pages the host\n"
		"quarantined after RMI failures (kept on purpose: not leaks), teardown completed.\n"
		"Host-level steps drive the host realm code of this build (in an upstream\n"
		"build the tree's: the first line says which tree, files and profile).\n"
		"\n"
		"  -p, --profile P     profile to sweep on (default: each the scenario names;\n"
		"                      in an upstream build the tree's)\n"
		"      --json FILE     write the runs as JSON to FILE\n"
		"      --timeout N     seconds per run (default 30)\n"
		"      --first-error   inject only the first listed error per call (and INCOMPLETE)\n"
		"  -q, --quiet         print only failing runs and the summary\n"
		"  -v, --verbose       keep the runs' own output\n"
		"      --reference     the reference host code (an upstream build's own)\n"
		"  -h, --help          this text\n"
		"\n"
		"Exit status: 0 no run crashed, hung, hit a GPF or leaked (WARN-only runs are\n"
		"reported, not failures: the kernel WARNs on RMI errors); 1 otherwise or when\n"
		"a clean run failed; 2 usage error.\n");
}

struct ctx {
	bool quiet, tty;
	size_t done;
};

static void print_run(const struct sweep_run *r)
{
	printf("  %4zu %-24s #%-3llu %-16s %-5s warn=%u leak=%llu+%llu quar=%llu teardown=%s%s%s\n",
	       r->call, r->command, (unsigned long long)r->nth, r->status,
	       sweep_outcome_name(r->outcome), r->warnings, (unsigned long long)r->leaked_granules,
	       (unsigned long long)r->leaked_pages, (unsigned long long)r->quarantined_pages,
	       r->teardown_complete ? "yes" : "no",
	       r->detail[0] && r->outcome != 0 ? "  " : "", r->outcome != 0 ? r->detail : "");
}

static void progress(void *p, const struct sweep_report *rep, const struct sweep_run *run)
{
	struct ctx *c = p;

	c->done++;
	if (!c->quiet || sweep_run_bad(run))
		print_run(run);
	else if (c->tty)
		fprintf(stderr, "\r  %zu runs", c->done);
	fflush(stdout);
}

static void json_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fprintf(f, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			fprintf(f, "\\u%04x", *s);
		else
			fputc(*s, f);
	}
	fputc('"', f);
}

static void json_run(FILE *f, const struct sweep_run *r)
{
	fprintf(f, "{\"call\": %zu, \"command\": ", r->call);
	json_str(f, r->command);
	fprintf(f, ", \"nth\": %llu, \"status\": ", (unsigned long long)r->nth);
	json_str(f, r->status);
	fprintf(f, ", \"index\": %llu, \"outcome\": \"%s\", \"fault_fired\": %s, \"scenario_completed\": %s, "
		   "\"warnings\": %u, \"leaked_granules\": %llu, \"leaked_pages\": %llu, "
		   "\"quarantined_pages\": %llu, "
		   "\"teardown_complete\": %s, \"seconds\": %.4f, \"detail\": ",
		(unsigned long long)r->index, sweep_outcome_name(r->outcome),
		r->fault_fired ? "true" : "false", r->passed ? "true" : "false", r->warnings,
		(unsigned long long)r->leaked_granules, (unsigned long long)r->leaked_pages,
		(unsigned long long)r->quarantined_pages, r->teardown_complete ? "true" : "false", r->seconds);
	json_str(f, r->detail);
	fputc('}', f);
}

int sweep_main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "profile", required_argument, NULL, 'p' },
		{ "json", required_argument, NULL, 'j' },
		{ "timeout", required_argument, NULL, 'T' },
		{ "first-error", no_argument, NULL, 'F' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct sweep_opts so = { .timeout_s = 30 };
	struct ctx cx = { .tty = isatty(STDERR_FILENO) };
	const char *profile = NULL, *json = NULL;
	FILE *jf = NULL;
	unsigned long bad = 0, warned = 0, total = 0, clean_failed = 0;
	int c, first = 1;

	optind = 1;
	while ((c = getopt_long(argc, argv, "p:qvh", opts, NULL)) != -1) {
		switch (c) {
		case 'p': profile = optarg; break;
		case 'j': json = optarg; break;
		case 'T': so.timeout_s = (unsigned int)strtoul(optarg, NULL, 10); break;
		case 'F': so.first_error_only = true; break;
		case 'q': cx.quiet = true; break;
		case 'v': so.verbose = true; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 2;
		}
	}
	if (optind >= argc || !so.timeout_s) {
		usage(stderr);
		return 2;
	}
	if (!profile)
		profile = cli_default_profile();
	if (profile && !cli_profile_known(profile))
		return 2;
	if (cli_banner())
		printf("# %s\n", cli_banner());
	if (json && !(jf = fopen(json, "w"))) {
		perror(json);
		return 2;
	}
	so.progress = progress;
	so.progress_ctx = &cx;
	cli_register_host();
	if (jf)
		fprintf(jf, "{\"sweeps\": [");
	for (int i = optind; i < argc; i++) {
		char err[2048];
		struct scenario *s = scenario_load(argv[i], err, sizeof(err));

		if (!s) {
			fprintf(stderr, "%s\n", err);
			clean_failed++;
			continue;
		}
		for (unsigned int p = 0; p < scenario_nprofiles(s); p++) {
			const char *prof = profile ? profile : scenario_profile(s, p);
			struct sweep_report rep;
			unsigned long nbad = 0, nwarn = 0;

			if (profile && p > 0)
				break;
			if (!scenario_runs_on(s, prof)) {
				printf("sweep %s (%s): not on profile %s, skipped\n", scenario_name(s),
				       argv[i], prof);
				continue;
			}
			printf("sweep %s (%s) on %s\n", scenario_name(s), argv[i], prof);
			if (sweep_scenario(s, prof, &so, &rep)) {
				printf("  clean run failed (%s): %s\n", sweep_outcome_name(rep.clean.outcome),
				       rep.clean.detail);
				clean_failed++;
			}
			for (size_t k = 0; k < rep.nruns; k++) {
				nbad += sweep_run_bad(&rep.runs[k]);
				nwarn += rep.runs[k].outcome == SWEEP_WARN;
			}
			if (cx.tty && cx.quiet)
				fprintf(stderr, "\r");
			printf("  %zu calls, %zu runs: %lu ok, %lu warn, %lu bad\n", rep.ncalls, rep.nruns,
			       (unsigned long)rep.nruns - nbad - nwarn, nwarn, nbad);
			bad += nbad;
			warned += nwarn;
			total += rep.nruns;
			if (jf) {
				fprintf(jf, "%s\n {\"scenario\": ", first ? "" : ",");
				json_str(jf, scenario_name(s));
				fprintf(jf, ", \"file\": ");
				json_str(jf, argv[i]);
				fprintf(jf, ", \"profile\": \"%s\", \"clean\": ", prof);
				json_run(jf, &rep.clean);
				fprintf(jf, ", \"calls\": %zu, \"runs\": [", rep.ncalls);
				for (size_t k = 0; k < rep.nruns; k++) {
					fprintf(jf, "%s\n  ", k ? "," : "");
					json_run(jf, &rep.runs[k]);
				}
				fprintf(jf, "]}");
				first = 0;
			}
			sweep_report_free(&rep);
		}
		scenario_free(s);
	}
	if (jf) {
		fprintf(jf, "\n], \"runs\": %lu, \"ok\": %lu, \"warn\": %lu, \"bad\": %lu, \"clean_failed\": %lu}\n",
			total, total - bad - warned, warned, bad, clean_failed);
		fclose(jf);
	}
	printf("sweep: %lu runs: %lu ok, %lu warn (WARN only), %lu bad; %lu clean runs failed\n",
	       total, total - bad - warned, warned, bad, clean_failed);
	return bad || clean_failed ? 1 : 0;
}
