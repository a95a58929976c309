/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What `cca-double sweep` prints and writes: the table and the JSON
 * (sweep_out.c), and reading shards' JSON back to merge them.
 */
#ifndef CCA_SWEEP_OUT_H
#define CCA_SWEEP_OUT_H

#include <stdbool.h>
#include <stdio.h>

#include "scn_sweep.h"

/* Totals over all the sweeps of one command. */
struct sweep_totals {
	unsigned long runs, warn, bad, clean_failed;
};

/* The table: a header per sweep, its runs, its summary; the last line. */
void sweep_print_header(const struct sweep_report *rep);
void sweep_print_run(const struct sweep_run *r);
/* The clean-run failure (if any) and the sweep's summary; adds to totals. */
void sweep_print_summary(const struct sweep_report *rep, struct sweep_totals *t);
void sweep_print_totals(const struct sweep_totals *t);
/*
 * The progress line "name@profile: done/total runs, ETA m:ss" (the time
 * left at the rate so far, `elapsed` seconds for `done` runs).
 */
void sweep_progress_line(char *buf, size_t len, const struct sweep_report *rep, size_t done,
			 double elapsed);

/*
 * The JSON: {"sweeps": [...], "runs": N, "ok": N, "warn": N, "bad": N,
 * "clean_failed": N}.  A shard's (shard_count > 0) also says which shard it
 * is ("shard": {"index": K, "count": N}), each sweep its runs of all shards
 * ("total_runs") and each run its number among them ("seq"): what
 * sweep_merge() needs.
 */
struct sweep_json {
	FILE *f;
	unsigned int shard_index, shard_count;	/* 1-based index; count 0: a whole sweep */
	bool first;
};

void sweep_json_begin(struct sweep_json *j);
void sweep_json_sweep(struct sweep_json *j, const struct sweep_report *rep);
void sweep_json_end(struct sweep_json *j, const struct sweep_totals *t);

/*
 * JUnit XML, for CI systems: a <testsuite> per sweep (scenario@profile),
 * a <testcase> for its clean run and one per injected run.  Crashes,
 * hangs, GPFs, leaks and a failed clean run are <failure>s (what makes the
 * exit status 1); a WARN-only run passes, its counts in <system-out>.
 */
struct sweep_junit {
	FILE *f;
};

void sweep_junit_begin(struct sweep_junit *j);
void sweep_junit_sweep(struct sweep_junit *j, const struct sweep_report *rep);
void sweep_junit_end(struct sweep_junit *j);

/*
 * Opens for writing output file `path` of option `opt` ("--json"), or
 * closes it checking that all of it was written (a full disk); on error
 * prints "sweep: OPT PATH: why" and returns NULL / -1.
 */
FILE *sweep_open_output(const char *opt, const char *path);
int sweep_close_output(FILE *f, const char *opt, const char *path);

/*
 * Reads the JSON of every shard of one sweep (all N of one --shard K/N
 * split, each once) and prints, and writes to the files `json` and `junit`
 * if not NULL, what the whole sweep would have: the same table, the same
 * JSON (the runs' times aside).  Every shard is checked before anything is
 * printed or an output opened, so bad input leaves the outputs as they were.
 * Returns the exit status the whole sweep would have had (0, 1), or 2 with
 * an error naming the file (and line:col) on bad input or an output that
 * could not be written.
 */
int sweep_merge(const char *const *paths, size_t npaths, bool quiet, const char *json,
		const char *junit);

#endif
