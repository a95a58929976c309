/* SPDX-License-Identifier: BSD-3-Clause */
/* Fault-injection sweeps over a scenario (see scn_sweep.c). */
#ifndef SCN_SWEEP_H
#define SCN_SWEEP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include <cca-double/scenario.h>

enum sweep_outcome {
	SWEEP_OK,	/* the host coped: no crash, hang, GPF, WARN or leak */
	SWEEP_WARN,	/* WARN_ONs in the host code (expected on RMI failures: not bad) */
	SWEEP_LEAK,	/* granules not back to NS or host pages not freed */
	SWEEP_GPF,	/* the host touched a protected granule */
	SWEEP_CRASH,	/* the run died (signal, sanitizer, abort) */
	SWEEP_HANG,	/* no result before the timeout */
	SWEEP_ERROR,	/* the sweep itself could not run it */
};

struct sweep_run {
	size_t seq;		/* 0-based position among the scenario's runs (all shards) */
	size_t call;		/* 1-based position in the clean run */
	char command[48];
	uint64_t nth;
	char status[32];	/* the injected status */
	uint64_t index;
	enum sweep_outcome outcome;
	bool passed;		/* the scenario still reached its end */
	bool fault_fired;
	bool teardown_complete;
	unsigned int warnings;
	uint64_t leaked_granules, leaked_pages;
	uint64_t quarantined_pages;	/* kept on purpose after RMI failures: not leaks */
	double seconds;
	char detail[512];
};

struct sweep_report {
	const char *scenario, *path, *profile;
	struct sweep_run clean;
	bool clean_failed;
	size_t ncalls;
	struct sweep_run *runs;	/* this shard's runs, in order */
	size_t nruns;
	size_t total_runs;	/* the runs of all shards */
};

struct sweep_opts {
	unsigned int timeout_s;		/* per run */
	bool first_error_only;		/* the first listed error (and INCOMPLETE) per call */
	bool verbose;			/* keep the runs' own output */
	unsigned int jobs;		/* injected runs at a time (0: 1) */
	/*
	 * Run each injected run from the start in a process of its own, as
	 * sweeps did before branching (slow: for comparisons and debugging).
	 */
	bool replay;
	/*
	 * --shard K/N: of all the runs of all the scenarios swept with these
	 * options (numbered in order by *run_seq, which the caller keeps from
	 * one scenario to the next), only those with number % N == K.
	 * shard_count 0: all.
	 */
	unsigned int shard_index, shard_count;
	size_t *run_seq;
	void (*progress)(void *ctx, const struct sweep_report *rep, const struct sweep_run *run);
	void *progress_ctx;
};

/*
 * Runs the scenario clean once, then every injected run: by default each
 * branched (forked) from one more clean run at its injection point, with
 * an arena of its own (scenario_branch_child()), `jobs` at a time, each
 * with its timeout; runs a branch could not give are replayed.  Calls
 * opts->progress for each run, in order.
 * Returns 0, or -1 when the clean run failed (rep->clean says how).
 */
int sweep_scenario(const struct scenario *s, const char *profile, const struct sweep_opts *opts,
		   struct sweep_report *rep);
void sweep_report_free(struct sweep_report *rep);

/*
 * scn_sweep_ahead.c: the next scenario's sweep, run in a worker process
 * while the caller finishes the current one (two sweeps at once, each
 * with half the jobs: sweep_ahead_opts()).  Only where the output cannot
 * tell (sweep_ahead_allowed(): two jobs or more, no shards, not verbose,
 * not replayed).  sweep_ahead_finish() waits for the worker, fills rep and
 * *status as sweep_scenario() would, and calls opts->progress for each run
 * in order; it returns -1 if the worker gave nothing (it could not start,
 * or died): then the caller runs the sweep itself.
 */
struct sweep_ahead {
	pid_t pid;	/* -1: none */
	int fd;
};

bool sweep_ahead_allowed(const struct sweep_opts *opts);
/* opts with the jobs of one of two sweeps at once (opts as they are if not allowed). */
struct sweep_opts sweep_ahead_opts(const struct sweep_opts *opts);
int sweep_ahead_start(struct sweep_ahead *a, const struct scenario *s, const char *profile,
		      const struct sweep_opts *opts);
int sweep_ahead_finish(struct sweep_ahead *a, const struct scenario *s, const char *profile,
		       const struct sweep_opts *opts, struct sweep_report *rep, int *status);
/* Kills and reaps a worker not finished (nothing if none). */
void sweep_ahead_cancel(struct sweep_ahead *a);
/* Crashed, hung, GPF, leaked, or could not run: WARN-only runs are not bad. */
bool sweep_run_bad(const struct sweep_run *r);
const char *sweep_outcome_name(enum sweep_outcome o);
/*
 * scn_repro.c: writes DIR/<scenario>@<profile>-<call>-<COMMAND>-<STATUS>.yaml,
 * a copy of the scenario's file that reproduces `run` under `cca-double
 * run`: the run's fault rule first in `faults:` (where the sweep puts it),
 * `profile:` the swept profile, `name:` telling which run, and `expect:`
 * no leak, no WARN and no GPF, so that it fails as the run did (with the
 * same step failure, or the same WARN or leak count).  Its path in `path`.
 * Returns 0, or -1 with err.
 */
int sweep_write_repro(const struct scenario *s, const char *profile, const struct sweep_run *run,
		      const char *dir, char *path, size_t pathlen, char *err, size_t errlen);
/* The outcome named `name` (sweep_outcome_name()); false if none. */
bool sweep_outcome_from_name(const char *name, enum sweep_outcome *o);

#endif
