// SPDX-License-Identifier: BSD-3-Clause
/*
 * Fault-injection sweep: run a scenario once clean, recording its RMI
 * calls; then once per call (and per error status the spec lets that
 * command return) with that failure injected there, each run in its own
 * process with a timeout.  Each run is judged on what a host must never
 * do, whatever the RMM answers: crash, hang, touch a protected granule, or
 * leak granules or pages.  WARNs and an unfinished teardown (what the host
 * quarantined after RMI failures stays with the RMM) are reported too.
 */
#define _GNU_SOURCE
#include "scn_sweep.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "scn_internal.h"

#define GPF_EXIT 97

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void gpf_exit(const struct pmem_gpf *g, void *ctx)
{
	pmem_gpf_report(g, STDERR_FILENO);
	_exit(GPF_EXIT);
}

/* What a child sends back through the pipe. */
struct child_report {
	struct scenario_result res;	/* calls pointer not valid in the parent */
};

static void run_child(const struct scenario *s, const char *profile, const struct fault_rule *rule,
		      int fd, bool quiet)
{
	struct scenario_run_opts o = { .ignore_expect = rule != NULL, .record_calls = !rule };
	struct child_report rep;
	size_t calls_bytes;

	if (quiet) {
		int devnull = open("/dev/null", O_WRONLY);

		if (devnull >= 0) {
			dup2(devnull, STDOUT_FILENO);
			dup2(devnull, STDERR_FILENO);
		}
	}
	pmem_set_gpf_hook(gpf_exit, NULL);
	if (rule) {
		o.extra_faults = rule;
		o.nextra_faults = 1;
	}
	scenario_run(s, profile, &o, &rep.res);
	calls_bytes = rep.res.ncalls * sizeof(struct scenario_call);
	if (write(fd, &rep, sizeof(rep)) != sizeof(rep) ||
	    (calls_bytes && write(fd, rep.res.calls, calls_bytes) != (ssize_t)calls_bytes))
		_exit(3);
	_exit(0);
}

/* Reads len bytes before the deadline: len, what came before EOF, or -2 on timeout. */
static ssize_t read_full(int fd, void *buf, size_t len, double deadline)
{
	size_t got = 0;

	while (got < len) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		double left = deadline - now();
		ssize_t n;
		int ready;

		if (left <= 0)
			return -2;
		/* Round up: a sub-millisecond remainder must still wait, not time out early. */
		ready = poll(&p, 1, (int)(left * 1000) + 1);
		if (ready == 0)
			continue;	/* the loop re-checks the deadline */
		if (ready < 0)
			return got ? (ssize_t)got : -1;
		n = read(fd, (char *)buf + got, len - got);
		if (n <= 0)
			return got ? (ssize_t)got : -1;
		got += (size_t)n;
	}
	return (ssize_t)got;
}

/* Runs one process; fills `out` (and, for the clean run, the call list). */
static void run_one(const struct scenario *s, const char *profile, const struct fault_rule *rule,
		    const struct sweep_opts *opts, struct sweep_run *out, struct scenario_call **calls,
		    size_t *ncalls)
{
	int pfd[2], status = 0;
	pid_t pid;
	double t0 = now(), deadline = t0 + opts->timeout_s;
	struct child_report rep;
	bool got_report = false, timed_out = false;
	ssize_t got;

	out->outcome = SWEEP_ERROR;
	if (pipe(pfd)) {
		snprintf(out->detail, sizeof(out->detail), "pipe: %s", strerror(errno));
		return;
	}
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		snprintf(out->detail, sizeof(out->detail), "fork: %s", strerror(errno));
		close(pfd[0]);
		close(pfd[1]);
		return;
	}
	if (!pid) {
		close(pfd[0]);
		run_child(s, profile, rule, pfd[1], !opts->verbose);
	}
	close(pfd[1]);
	got = read_full(pfd[0], &rep, sizeof(rep), deadline);
	timed_out = got == -2;
	if (got == sizeof(rep)) {
		got_report = true;
		if (calls && rep.res.ncalls) {
			size_t bytes = rep.res.ncalls * sizeof(struct scenario_call);

			*calls = malloc(bytes);
			if (!*calls || read_full(pfd[0], *calls, bytes, deadline) != (ssize_t)bytes) {
				free(*calls);
				*calls = NULL;
			} else {
				*ncalls = rep.res.ncalls;
			}
		}
	}
	close(pfd[0]);
	if (timed_out) {
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		out->outcome = SWEEP_HANG;
		snprintf(out->detail, sizeof(out->detail), "no result after %us", opts->timeout_s);
		out->seconds = now() - t0;
		return;
	}
	/* The report is in; give the child a moment to exit, then make sure. */
	for (int i = 0; i < 200 && waitpid(pid, &status, WNOHANG) == 0; i++)
		usleep(10000);
	if (waitpid(pid, &status, WNOHANG) == 0) {
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
	}
	out->seconds = now() - t0;
	if (WIFEXITED(status) && WEXITSTATUS(status) == GPF_EXIT) {
		out->outcome = SWEEP_GPF;
		snprintf(out->detail, sizeof(out->detail), "granule protection fault in the host");
		return;
	}
	if (WIFSIGNALED(status) || !got_report) {
		out->outcome = SWEEP_CRASH;
		snprintf(out->detail, sizeof(out->detail), "%s",
			 WIFSIGNALED(status) ? strsignal(WTERMSIG(status)) : "exited without a result");
		return;
	}
	out->warnings = rep.res.warnings;
	out->leaked_granules = rep.res.leaked_granules;
	out->leaked_pages = rep.res.leaked_pages;
	out->quarantined_pages = rep.res.quarantined_pages;
	out->teardown_complete = rep.res.teardown_complete;
	out->fault_fired = rep.res.fault_fired;
	out->passed = rep.res.passed;
	snprintf(out->detail, sizeof(out->detail), "%.*s", (int)sizeof(out->detail) - 1,
		 rep.res.failure);
	if (out->leaked_granules || out->leaked_pages)
		out->outcome = SWEEP_LEAK;
	else if (out->warnings)
		out->outcome = SWEEP_WARN;
	else
		out->outcome = SWEEP_OK;
}

static uint64_t error_index(const char *status, int level)
{
	/*
	 * ERROR_RTT carries the level where a walk stopped: one above the
	 * command's target level, or level 2 for leaf commands (so a host
	 * creates a level-3 table and retries).
	 */
	if (strcmp(status, "ERROR_RTT"))
		return 0;
	return level > 0 ? (uint64_t)(level - 1) : 2;
}

int sweep_scenario(const struct scenario *s, const char *profile, const struct sweep_opts *opts,
		   struct sweep_report *rep)
{
	const struct abi_profile *abi = abi_profile_find(profile);
	struct scenario_call *calls = NULL;
	size_t ncalls = 0, cap = 0;

	memset(rep, 0, sizeof(*rep));
	rep->scenario = scenario_name(s);
	rep->path = scenario_path(s);
	rep->profile = profile;
	run_one(s, profile, NULL, opts, &rep->clean, &calls, &ncalls);
	rep->ncalls = ncalls;
	if (sweep_run_bad(&rep->clean) || !rep->clean.passed) {
		rep->clean_failed = true;
		free(calls);
		return -1;
	}
	for (size_t i = 0; i < ncalls; i++) {
		const struct abi_command *c = abi_command_by_name(abi, ABI_RMI, calls[i].command);

		for (unsigned int e = 0; c && e < c->nerrors; e++) {
			struct fault_rule rule;
			const struct abi_enum *st = abi_enum_find(abi, "status");
			int64_t status;
			struct sweep_run *run;

			if (!abi_enum_value(st, c->errors[e], &status))
				continue;
			/*
			 * --first-error keeps the first listed error, and INCOMPLETE:
			 * not an error but a 2.0 operation the host must drive to its
			 * end (kernel-series.md §2.8), the path a short sweep must not skip.
			 */
			if (opts->first_error_only && e > 0 && strcmp(c->errors[e], "INCOMPLETE"))
				continue;
			if (rep->nruns == cap) {
				cap = cap ? cap * 2 : 64;
				rep->runs = realloc(rep->runs, cap * sizeof(*rep->runs));
				if (!rep->runs)
					abort();
			}
			run = &rep->runs[rep->nruns++];
			memset(run, 0, sizeof(*run));
			memset(&rule, 0, sizeof(rule));
			snprintf(rule.command, sizeof(rule.command), "%s", c->name);
			rule.iface = ABI_RMI;
			rule.nth = calls[i].nth;
			rule.action = FAULT_RETURN;
			rule.status = (uint64_t)status;
			rule.index = error_index(c->errors[e], calls[i].level);
			snprintf(run->command, sizeof(run->command), "%s", c->name);
			run->nth = calls[i].nth;
			run->call = i + 1;
			snprintf(run->status, sizeof(run->status), "%s", c->errors[e]);
			run->index = rule.index;
			run_one(s, profile, &rule, opts, run, NULL, NULL);
			if (opts->progress)
				opts->progress(opts->progress_ctx, rep, run);
		}
	}
	free(calls);
	return 0;
}

/*
 * The kernel WARNs on RMI errors it does not expect, so a WARN is the host
 * telling what happened, not a fault: WARN-only runs are reported, not bad.
 */
bool sweep_run_bad(const struct sweep_run *r)
{
	return r->outcome != SWEEP_OK && r->outcome != SWEEP_WARN;
}

void sweep_report_free(struct sweep_report *rep)
{
	free(rep->runs);
	rep->runs = NULL;
}

const char *sweep_outcome_name(enum sweep_outcome o)
{
	static const char *const names[] = { "ok", "warn", "leak", "gpf", "crash", "hang", "error" };

	return o <= SWEEP_ERROR ? names[o] : "?";
}
