/* SPDX-License-Identifier: BSD-3-Clause */
/* Fault-injection sweeps over a scenario (see scn_sweep.c). */
#ifndef SCN_SWEEP_H
#define SCN_SWEEP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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
	struct sweep_run *runs;
	size_t nruns;
};

struct sweep_opts {
	unsigned int timeout_s;		/* per run */
	bool first_error_only;		/* the first listed error (and INCOMPLETE) per call */
	bool verbose;			/* keep the runs' own output */
	void (*progress)(void *ctx, const struct sweep_report *rep, const struct sweep_run *run);
	void *progress_ctx;
};

/* Returns 0, or -1 when the clean run failed (rep->clean says how). */
int sweep_scenario(const struct scenario *s, const char *profile, const struct sweep_opts *opts,
		   struct sweep_report *rep);
void sweep_report_free(struct sweep_report *rep);
/* Crashed, hung, GPF, leaked, or could not run: WARN-only runs are not bad. */
bool sweep_run_bad(const struct sweep_run *r);
const char *sweep_outcome_name(enum sweep_outcome o);

#endif
