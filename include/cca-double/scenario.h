/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * YAML scenarios (format: DESIGN.md "Scenarios", every key documented in
 * scenarios/README.md).  A scenario is loaded and fully checked first (a
 * dry run resolves every command, argument, field, granule and enum name
 * against each profile it runs on), so errors name the file, line and
 * column before anything runs; then it is run against a fresh arena and
 * fake RMM per profile.
 */
#ifndef CCA_DOUBLE_SCENARIO_H
#define CCA_DOUBLE_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cca-double/fault.h>
#include <cca-double/rmm.h>

struct scenario;

#define SCENARIO_MAX_PROFILES 8
/* Longest scenario `name:` (a KTAP case name, with "@profile" added). */
#define SCENARIO_NAME_MAX 96

/* Loads and checks `path`; NULL with "file:line:col: what" in err on failure. */
struct scenario *scenario_load(const char *path, char *err, size_t errlen);
void scenario_free(struct scenario *s);

const char *scenario_name(const struct scenario *s);
const char *scenario_description(const struct scenario *s);
const char *scenario_path(const struct scenario *s);
/* Profiles the scenario runs on ("profile:" names one, a list, or "any"). */
unsigned int scenario_nprofiles(const struct scenario *s);
const char *scenario_profile(const struct scenario *s, unsigned int i);
bool scenario_runs_on(const struct scenario *s, const char *profile);
/*
 * Notes found while loading that are not errors, one "file:line:col: note:
 * what" per line (e.g. a fault rule forcing a status the spec does not list
 * for that command); "" if none.
 */
const char *scenario_notes(const struct scenario *s);

/* One RMI call the scenario made (recorded for sweeps). */
struct scenario_call {
	char command[48];
	uint64_t nth;		/* 1-based occurrence of this command in the run */
	int level;		/* its `level` argument, or -1 */
};

/* A run that may be forked before one of its RMI calls (sweeps). */
struct scenario_branch;
struct scenario_result;

struct scenario_run_opts {
	FILE *trace_out;		/* every RMI/RSI call, as trace.h formats it */
	/* Extra rules on top of the scenario's own `faults:` (the sweep's). */
	const struct fault_rule *extra_faults;
	size_t nextra_faults;
	/* Record the calls made into result->calls (malloc'ed). */
	bool record_calls;
	/* Do not fail on `expect:` (the sweep judges outcomes itself). */
	bool ignore_expect;
	/*
	 * Called before every RMI call of the run, with the number of calls
	 * made so far (0: before the first, once the arena, RMM and host are
	 * set up).  A sweep forks here; the child turns itself into a run of
	 * its own with scenario_branch_child() and returns, the parent goes on.
	 */
	void (*before_call)(void *ctx, struct scenario_branch *b, size_t calls_done);
	void *before_call_ctx;
	/*
	 * Called once the result is complete (host closed, leaks counted),
	 * before the arena, RMM and trace are freed: a process about to end
	 * (a sweep's forked run) may report there and _exit rather than free
	 * what its exit frees anyway.
	 */
	void (*on_result)(void *ctx, const struct scenario_result *res);
	void *on_result_ctx;
	/*
	 * Called after every RMI call of the run, with the RMM (its arena
	 * holds what the host wrote for the call) and the call's arguments:
	 * `cca-double trace --fuzz-seed` encodes the call stream.
	 */
	void (*on_rmi_call)(void *ctx, struct rmm *rmm, const struct abi_command *cmd,
			    const uint64_t *args);
	void *on_rmi_call_ctx;
};

struct scenario_result {
	bool passed;
	char failure[2048];		/* first failure: "file:line:col: what" */
	uint64_t rmi_calls;
	uint64_t leaked_granules;	/* not back to NS at the end */
	uint64_t leaked_pages;		/* host pages not freed (host-level steps) */
	/*
	 * Kept on purpose by the host after the RMM refused them back (the
	 * kernel's leak-on-failure): pages, and the granules of those pages
	 * the RMM still holds.  Neither counts as leaked.
	 */
	uint64_t quarantined_pages, quarantined_granules;
	unsigned int warnings;		/* WARN_ONs in the host code */
	unsigned int gpfs;
	bool teardown_complete;		/* every realm destroyed, every granule NS (quarantined too) */
	bool fault_fired;
	struct scenario_call *calls;
	size_t ncalls;
};

int scenario_run(const struct scenario *s, const char *profile,
		 const struct scenario_run_opts *opts, struct scenario_result *res);
/*
 * Forking in before_call: a child would share the arena (a MAP_SHARED
 * memfd) with its parent, so
 *   scenario_branch_prepare()  before fork(): a copy of the arena for the
 *                              child in memfd `fd` (pmem_copy(): < 0 for a
 *                              new one, or one whose child has ended, to
 *                              reuse).  Returns the descriptor, which the
 *                              parent keeps, or -1 with err;
 *   scenario_branch_child()    in the child: maps that copy over the arena
 *                              at the same addresses (pmem_adopt()), adds
 *                              `rule` ahead of the scenario's own faults
 *                              with the counters it has (as if it had been
 *                              there from the start: `seen` = the matching
 *                              calls already made), and stops the run from
 *                              checking `expect:` or calling before_call
 *                              again.  Returns 0, or -1 with err (the
 *                              child must then not go on with the run).
 */
int scenario_branch_prepare(struct scenario_branch *b, int fd, char *err, size_t errlen);
int scenario_branch_child(struct scenario_branch *b, int fd, const struct fault_rule *rule,
			  char *err, size_t errlen);
void scenario_result_free(struct scenario_result *res);

/*
 * Host-level steps (vm_create, populate, vcpu_create, run, vm_destroy ...)
 * drive the reference host code through the mock kernel.  The kernel
 * harness registers these operations; without them such steps are an error.
 */
struct scenario_host;

struct scenario_host_ops {
	/* Names of the steps this provides, NULL-terminated. */
	const char *const *steps;
	/* Starts a host for one run; NULL with err on failure. */
	struct scenario_host *(*open)(struct rmm *rmm, struct pmem *pm, char *err, size_t errlen);
	/*
	 * Runs (or, with rmm == NULL, only checks) one step whose arguments
	 * are the flat key/value pairs given.  Returns 0, or -1 with err.
	 */
	int (*step)(struct scenario_host *h, const char *name, const char *const *keys,
		    const char *const *values, size_t n, bool dry_run, char *err, size_t errlen);
	/*
	 * Called when a run was cut short (a step failed, or an injected fault
	 * stopped it): tears down whatever the steps left through the host
	 * code's own teardown path, so the leak count that follows judges the
	 * host's error handling.  May be NULL.
	 */
	void (*teardown)(struct scenario_host *h);
	/* Ends the run: leaks and warnings counted by the mock kernel. */
	void (*close)(struct scenario_host *h, uint64_t *leaked_pages, unsigned int *warnings);
	/*
	 * Optional; called just before close(): pages the host keeps on purpose
	 * (quarantined after RMI failures) and the granules of those pages the
	 * RMM still holds, which the runner then does not count as leaked.
	 */
	void (*quarantined)(struct scenario_host *h, uint64_t *pages, uint64_t *granules);
};

void scenario_register_host(const struct scenario_host_ops *ops);

#endif
