// SPDX-License-Identifier: BSD-3-Clause
/* cca-double sweep: inject a failure at every RMI call of scenarios. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "scn_sweep.h"
#include "sweep_out.h"

static void usage(FILE *f)
{
	fprintf(f,
		"usage: cca-double sweep [options] FILE...\n"
		"       cca-double sweep --merge [-q] [--json FILE] [--junit FILE] SHARD.json...\n"
		"\n"
		"Runs each scenario once clean and records its RMI calls, then once per call\n"
		"and per error status the spec lets that command return, with that failure\n"
		"injected there.  Each injected run is forked from one more clean run at its\n"
		"injection point (sharing the clean run's prefix) and is a process of its own\n"
		"with a timeout.  Reports per run: crash, hang, GPF, WARNs, leaked\n"
		"granules/pages, pages the host quarantined after RMI failures (kept on\n"
		"purpose: not leaks), teardown completed.  Host-level steps drive the host\n"
		"realm code of this build (in an upstream build the tree's: the first line\n"
		"says which tree, files and profile).\n"
		"\n"
		"  -p, --profile P     profile to sweep on (default: each the scenario names;\n"
		"                      in an upstream build the tree's)\n"
		"      --json FILE     write the runs as JSON to FILE\n"
		"      --junit FILE    write them as JUnit XML to FILE (crash, hang, GPF, leak and\n"
		"                      a failed clean run are failures; WARN-only runs pass)\n"
		"      --timeout N     seconds per run (default 30)\n"
		"      --first-error   inject only the first listed error per call (and INCOMPLETE)\n"
		"  -j, --jobs N        injected runs at a time (default 2)\n"
		"      --shard K/N     only the runs whose number (counting every run of every\n"
		"                      scenario given, in order) is K-1 modulo N: one of N\n"
		"                      machines' share; --json then writes what --merge needs\n"
		"      --merge         FILE... are the --json files of all N shards of one sweep:\n"
		"                      print (and --json write) what the whole sweep would have,\n"
		"                      and exit as it would have\n"
		"      --repro DIR     for every run that was not ok, write DIR/<scenario>@<profile>-\n"
		"                      <call>-<COMMAND>-<STATUS>.yaml: the scenario with the fault\n"
		"                      rule first in its faults:, on that profile, expecting no\n"
		"                      leak and no WARN, so that `cca-double run` on it fails as\n"
		"                      the run did\n"
		"      --replay        run each injected run from the start instead (slow)\n"
		"  -q, --quiet         print only failing runs and the summary\n"
		"  -v, --verbose       keep the runs' own output (a branched run's from its fork)\n"
		"      --reference     the reference host code (an upstream build's own)\n"
		"  -h, --help          this text\n"
		"\n"
		"Exit status: 0 no run crashed, hung, hit a GPF or leaked (WARN-only runs are\n"
		"reported, not failures: the kernel WARNs on RMI errors); 1 otherwise or when\n"
		"a clean run failed; 2 usage error.\n");
}

struct ctx {
	bool quiet, tty;
	size_t done;			/* runs of the current sweep reported */
	const struct sweep_report *rep;	/* the current sweep */
	double start, drawn;		/* when its first run was reported; the last redraw */
};

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * Each run's line (all of them, or with -q the bad ones) on stdout; on a
 * terminal, below them a status line on stderr, "name@profile: done/total
 * runs, ETA m:ss", redrawn at most ten times a second.
 */
static void progress(void *p, const struct sweep_report *rep, const struct sweep_run *run)
{
	struct ctx *c = p;
	double now = now_s();
	char line[256];

	if (c->rep != rep || !c->done) {
		c->rep = rep;
		c->done = 0;
		c->start = now;
		c->drawn = 0;
	}
	c->done++;
	if (!c->quiet || sweep_run_bad(run)) {
		if (c->tty)
			fputs("\r\033[K", stderr);	/* the status line gives way */
		sweep_print_run(run);
		fflush(stdout);
		c->drawn = 0;
	}
	if (!c->tty || (now - c->drawn < 0.1 && c->done < rep->nruns))
		return;
	c->drawn = now;
	sweep_progress_line(line, sizeof(line), rep, c->done, now - c->start);
	fprintf(stderr, "\r\033[K%s", line);
	fflush(stderr);
}

/* One sweep to run (or a file that did not load, or a profile it is not on), in order. */
struct item {
	int arg;			/* its file's argv index */
	struct scenario *s;		/* NULL: did not load (err says why) */
	bool owner;			/* frees s (its file's first item) */
	const char *profile;
	bool skipped;			/* not on that profile */
	char *err;
	struct sweep_ahead ahead;	/* when started: run ahead (scn_sweep.h) */
	bool started;
};

static void add_item(struct item **items, size_t *n, struct item it)
{
	struct item *grown = realloc(*items, (*n + 1) * sizeof(**items));

	if (!grown) {
		fprintf(stderr, "sweep: out of memory\n");
		exit(2);
	}
	*items = grown;
	it.ahead.pid = -1;
	it.ahead.fd = -1;
	grown[(*n)++] = it;
}

/* Every file of argv[first..], loaded, with each profile it is swept on. */
static size_t plan_items(int argc, char **argv, int first, const char *profile,
			 struct item **items)
{
	size_t n = 0;

	for (int i = first; i < argc; i++) {
		char err[2048];
		struct scenario *s = scenario_load(argv[i], err, sizeof(err));

		if (!s) {
			char *copy = strdup(err);

			if (!copy) {
				fprintf(stderr, "sweep: out of memory\n");
				exit(2);
			}
			add_item(items, &n, (struct item){ .arg = i, .err = copy });
			continue;
		}
		for (unsigned int p = 0; p < scenario_nprofiles(s); p++) {
			const char *prof = profile ? profile : scenario_profile(s, p);

			if (profile && p > 0)
				break;
			add_item(items, &n, (struct item){ .arg = i, .s = s, .owner = p == 0,
							   .profile = prof,
							   .skipped = !scenario_runs_on(s, prof) });
		}
		if (!scenario_nprofiles(s))
			scenario_free(s);
	}
	return n;
}

static void free_items(struct item *items, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		sweep_ahead_cancel(&items[i].ahead);	/* a worker left by an early exit */
		if (items[i].owner)
			scenario_free(items[i].s);
		free(items[i].err);
	}
	free(items);
}

/* K/N, each strictly parsed (cli_parse_uint); N at most what --merge takes. */
static int parse_shard(const char *s, struct sweep_opts *so)
{
	const char *slash = strchr(s, '/');
	unsigned long k, n;
	char kbuf[16];

	if (slash && (size_t)(slash - s) < sizeof(kbuf))
		snprintf(kbuf, sizeof(kbuf), "%.*s", (int)(slash - s), s);
	if (!slash || (size_t)(slash - s) >= sizeof(kbuf) || !cli_parse_uint(kbuf, 1000000, &k) ||
	    !cli_parse_uint(slash + 1, 1000000, &n) || !n || !k || k > n) {
		fprintf(stderr, "sweep: --shard K/N with 1 <= K <= N <= 1000000, not '%s'\n", s);
		return -1;
	}
	so->shard_index = (unsigned int)k - 1;
	so->shard_count = (unsigned int)n;
	return 0;
}

/* Repro files for the runs that were not ok; the number written, or -1. */
static long write_repros(const struct scenario *s, const struct sweep_report *rep, const char *dir)
{
	long n = 0;

	for (size_t k = 0; k < rep->nruns; k++) {
		char path[4096], err[512];

		if (rep->runs[k].outcome == SWEEP_OK)
			continue;
		if (sweep_write_repro(s, rep->profile, &rep->runs[k], dir, path, sizeof(path), err,
				      sizeof(err))) {
			fprintf(stderr, "sweep: repro of %s run %zu: %s\n", rep->scenario,
				rep->runs[k].call, err);
			return -1;
		}
		n++;
	}
	return n;
}

int sweep_main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "profile", required_argument, NULL, 'p' },
		{ "json", required_argument, NULL, 'J' },
		{ "junit", required_argument, NULL, 'U' },
		{ "timeout", required_argument, NULL, 'T' },
		{ "first-error", no_argument, NULL, 'F' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "shard", required_argument, NULL, 'S' },
		{ "merge", no_argument, NULL, 'M' },
		{ "repro", required_argument, NULL, 'r' },
		{ "replay", no_argument, NULL, 'R' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct sweep_opts so = { .timeout_s = 30, .jobs = 2 };
	struct ctx cx = { .tty = isatty(STDERR_FILENO) };
	const char *profile = NULL, *json = NULL, *junit = NULL, *repro = NULL;
	struct sweep_json jw = { 0 };
	struct sweep_junit ju = { 0 };
	struct sweep_totals t = { 0 };
	size_t run_seq = 0;
	bool merge = false, run_opts = false;
	long repros = 0;
	unsigned int load_errors = 0;
	struct item *items = NULL;
	size_t nitems = 0;
	int c, status;

	optind = 1;
	while ((c = getopt_long(argc, argv, "p:j:qvh", opts, NULL)) != -1) {
		unsigned long jobs;

		run_opts |= c != 'J' && c != 'U' && c != 'q' && c != 'M' && c != 'h';
		switch (c) {
		case 'p': profile = optarg; break;
		case 'J': json = optarg; break;
		case 'U': junit = optarg; break;
		case 'T':
			if (!cli_parse_seconds("sweep", "--timeout", optarg, &so.timeout_s))
				return 2;
			break;
		case 'F': so.first_error_only = true; break;
		case 'j':
			if (!cli_parse_uint(optarg, 16, &jobs) || !jobs) {
				fprintf(stderr, "sweep: --jobs 1..16, not '%s'\n", optarg);
				return 2;
			}
			so.jobs = (unsigned int)jobs;
			break;
		case 'S':
			if (parse_shard(optarg, &so))
				return 2;
			break;
		case 'M': merge = true; break;
		case 'r': repro = optarg; break;
		case 'R': so.replay = true; break;
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
	if (merge && run_opts) {
		fprintf(stderr, "sweep: --merge takes only -q, --json and --junit besides the shards' files\n");
		return 2;
	}
	if (!profile && !merge)
		profile = cli_default_profile();
	if (profile && !cli_profile_known(profile))
		return 2;
	if (cli_banner())
		printf("# %s\n", cli_banner());
	/* Before anything is opened for writing: an input given as an output is refused. */
	if (!cli_outputs_ok("sweep", (const struct cli_output[]){ { "--json", json },
								   { "--junit", junit },
								   { "--repro", repro } },
			    3, (const char *const *)argv + optind, (size_t)(argc - optind)))
		return 2;
	if (repro && mkdir(repro, 0777) && errno != EEXIST) {
		fprintf(stderr, "sweep: --repro %s: %s\n", repro, strerror(errno));
		return 2;
	}
	if (merge) {
		/* It opens the outputs once every shard has been read and checked. */
		status = sweep_merge((const char *const *)argv + optind, (size_t)(argc - optind),
				     cx.quiet, json, junit);
		goto out;
	}
	if (json && !(jw.f = sweep_open_output("--json", json)))
		return 2;
	if (junit && !(ju.f = sweep_open_output("--junit", junit))) {
		if (jw.f)
			fclose(jw.f);
		return 2;
	}
	so.progress = progress;
	so.progress_ctx = &cx;
	so.run_seq = &run_seq;
	jw.shard_index = so.shard_index + 1;
	jw.shard_count = so.shard_count;
	cli_register_host();
	sweep_json_begin(&jw);
	sweep_junit_begin(&ju);
	nitems = plan_items(argc, argv, optind, profile, &items);
	for (size_t i = 0; i < nitems; i++) {
		struct item *it = &items[i];
		struct sweep_opts each = sweep_ahead_opts(&so);
		struct sweep_report rep;
		long n = 0;
		int rc;

		if (!it->s) {
			fprintf(stderr, "%s\n", it->err);
			t.clean_failed++;
			load_errors++;
			continue;
		}
		if (it->skipped) {
			printf("sweep %s (%s): not on profile %s, skipped\n", scenario_name(it->s),
			       argv[it->arg], it->profile);
			continue;
		}
		/* The next sweep runs ahead while this one runs (scn_sweep.h). */
		for (size_t j = i + 1; sweep_ahead_allowed(&so) && j < nitems; j++) {
			if (!items[j].s || items[j].skipped)
				continue;
			if (!items[j].started)
				sweep_ahead_start(&items[j].ahead, items[j].s, items[j].profile, &so);
			items[j].started = true;
			break;
		}
		printf("sweep %s (%s) on %s\n", scenario_name(it->s), argv[it->arg], it->profile);
		if (!it->started ||
		    sweep_ahead_finish(&it->ahead, it->s, it->profile, &each, &rep, &rc) < 0)
			sweep_scenario(it->s, it->profile, &each, &rep);
		rep.path = argv[it->arg];
		if (cx.tty)
			fputs("\r\033[K", stderr);
		cx.done = 0;
		sweep_print_summary(&rep, &t);
		sweep_json_sweep(&jw, &rep);
		sweep_junit_sweep(&ju, &rep);
		if (repro && (n = write_repros(it->s, &rep, repro)) < 0) {
			sweep_report_free(&rep);
			status = 2;
			goto out;
		}
		repros += repro ? n : 0;
		sweep_report_free(&rep);
	}
	sweep_json_end(&jw, &t);
	sweep_junit_end(&ju);
	sweep_print_totals(&t);
	if (repro)
		fprintf(stderr, "sweep: %ld repro scenarios in %s\n", repros, repro);
	/* A file that does not load is a load error (2), whatever the others did. */
	status = load_errors ? 2 : t.bad || t.clean_failed ? 1 : 0;
out:
	free_items(items, nitems);
	/* Output that did not reach its file (a full disk) is an error too. */
	if (sweep_close_output(jw.f, "--json", json) | sweep_close_output(ju.f, "--junit", junit))
		status = 2;
	return status;
}
