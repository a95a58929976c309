// SPDX-License-Identifier: BSD-3-Clause
/*
 * Fault-injection sweep: run a scenario once clean, recording its RMI
 * calls; then once per call (and per error status the spec lets that
 * command return) with that failure injected there.  Each run is judged on
 * what a host must never do, whatever the RMM answers: crash, hang, touch
 * a protected granule, or leak granules or pages.  WARNs and an unfinished
 * teardown (what the host quarantined after RMI failures stays with the
 * RMM) are reported too.
 *
 * The injected runs share the clean run's prefix: one more clean run, the
 * brancher, stops before each call and forks there one child per failure
 * to inject at that call.  Before each fork it copies the arena (the memfd
 * both views map) into a memfd of the child's, which the child maps at the
 * same addresses (scenario_branch_prepare(), scenario_branch_child()); it
 * adds the fault rule and runs on to the end.  A run then costs the work
 * after its injection point, not the whole scenario with its setup again.
 * The copies are kept and reused once their child has ended: page
 * allocation is much of a run's cost, and a reused copy allocates nothing.
 *
 * Every injected run is still a process of its own with its own timeout:
 * a crash, GPF or hang ends that child only.  Whatever the brancher could
 * not deliver (it died, hung, or a branch could not be set up) is run the
 * old way, from the start in a fresh process (--replay does all runs so).
 */
#define _GNU_SOURCE
#include "scn_sweep.h"

#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "scn_internal.h"

#define GPF_EXIT 97
#define BRANCH_FAILED_EXIT 98	/* a branch could not be set up: replay the run */
#define SWEEP_MAX_JOBS 16
#define EXIT_GRACE_S 2.0	/* from a child's report to its exit */

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

static void quiet_output(void)
{
	int devnull = open("/dev/null", O_WRONLY);

	if (devnull >= 0) {
		dup2(devnull, STDOUT_FILENO);
		dup2(devnull, STDERR_FILENO);
		close(devnull);
	}
}

/* What a child sends back through its pipe. */
struct child_report {
	struct scenario_result res;	/* calls pointer not valid in the parent */
};

/* Sends the result (and, for the clean run, the calls) and ends the child. */
static void report_and_exit(int fd, const struct scenario_result *res, bool with_calls)
{
	struct child_report rep = { .res = *res };
	size_t calls_bytes = with_calls ? res->ncalls * sizeof(struct scenario_call) : 0;

	if (!with_calls)
		rep.res.ncalls = 0;
	fflush(stdout);
	fflush(stderr);
	if (write(fd, &rep, sizeof(rep)) != sizeof(rep) ||
	    (calls_bytes && write(fd, res->calls, calls_bytes) != (ssize_t)calls_bytes))
		_exit(3);
	_exit(0);
}

/* A whole run in this (fresh) child: the clean run, or one replayed from the start. */
static void run_child(const struct scenario *s, const char *profile, const struct fault_rule *rule,
		      int fd, bool quiet)
{
	struct scenario_run_opts o = { .ignore_expect = rule != NULL, .record_calls = !rule };
	struct scenario_result res;

	if (quiet)
		quiet_output();
	pmem_set_gpf_hook(gpf_exit, NULL);
	if (rule) {
		o.extra_faults = rule;
		o.nextra_faults = 1;
	}
	scenario_run(s, profile, &o, &res);
	report_and_exit(fd, &res, !rule);
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
		if (ready < 0) {
			if (errno == EINTR)
				continue;
			return got ? (ssize_t)got : -1;
		}
		n = read(fd, (char *)buf + got, len - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return got ? (ssize_t)got : -1;
		got += (size_t)n;
	}
	return (ssize_t)got;
}

/*
 * A child that has reported (or closed its pipe) is exiting: its status,
 * after at most EXIT_GRACE_S, then it is killed (and so judged crashed).
 * A pidfd wakes us as it exits; without one (Linux before 5.3), or if
 * poll() fails, we look every 200 us.
 */
static void wait_exit(pid_t pid, int *status)
{
	double until = now() + EXIT_GRACE_S;
	int ready = -1;
#ifdef SYS_pidfd_open
	int pidfd = (int)syscall(SYS_pidfd_open, pid, 0);

	if (pidfd >= 0) {
		struct pollfd p = { .fd = pidfd, .events = POLLIN };

		do {
			double left = until - now();

			ready = left > 0 ? poll(&p, 1, (int)(left * 1000) + 1) : 0;
		} while (ready < 0 && errno == EINTR);
		close(pidfd);
	}
#endif
	if (ready == 0)		/* the grace is over */
		kill(pid, SIGKILL);
	if (ready >= 0) {
		waitpid(pid, status, 0);
		return;
	}
	while (waitpid(pid, status, WNOHANG) == 0) {
		if (now() >= until) {
			kill(pid, SIGKILL);
			waitpid(pid, status, 0);
			return;
		}
		usleep(200);
	}
}

/* The verdict on a child that ended with `status`, having reported `res` or not. */
static void judge(struct sweep_run *out, int status, bool got_report,
		  const struct scenario_result *res)
{
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
	out->warnings = res->warnings;
	out->leaked_granules = res->leaked_granules;
	out->leaked_pages = res->leaked_pages;
	out->quarantined_pages = res->quarantined_pages;
	out->teardown_complete = res->teardown_complete;
	out->fault_fired = res->fault_fired;
	out->passed = res->passed;
	snprintf(out->detail, sizeof(out->detail), "%.*s", (int)sizeof(out->detail) - 1,
		 res->failure);
	if (out->leaked_granules || out->leaked_pages)
		out->outcome = SWEEP_LEAK;
	else if (out->warnings)
		out->outcome = SWEEP_WARN;
	else
		out->outcome = SWEEP_OK;
}

static void hang(struct sweep_run *out, unsigned int timeout_s)
{
	out->outcome = SWEEP_HANG;
	snprintf(out->detail, sizeof(out->detail), "no result after %us", timeout_s);
}

/* The clean run, in a child of its own: its verdict and the calls it made. */
static void run_clean(const struct scenario *s, const char *profile, const struct sweep_opts *opts,
		      struct sweep_run *out, struct scenario_call **calls, size_t *ncalls)
{
	int pfd[2], status = 0;
	pid_t pid;
	double t0 = now(), deadline = t0 + opts->timeout_s;
	struct child_report rep;
	bool got_report = false;
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
		run_child(s, profile, NULL, pfd[1], !opts->verbose);
	}
	close(pfd[1]);
	got = read_full(pfd[0], &rep, sizeof(rep), deadline);
	if (got == sizeof(rep)) {
		got_report = true;
		if (rep.res.ncalls) {
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
	if (got == -2) {
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		hang(out, opts->timeout_s);
	} else {
		wait_exit(pid, &status);
		judge(out, status, got_report, &rep.res);
	}
	out->seconds = now() - t0;
}

/* ---- Children at work, each with its deadline ---- */

struct kid {
	pid_t pid;
	int fd;			/* its report comes in here */
	int pool;		/* its arena copy, or -1 */
	size_t run;
	double t0, deadline;
	bool reported;		/* the whole report is in; deadline is now its exit's */
	size_t got;
	struct child_report rep;
};

struct kids {
	struct kid k[SWEEP_MAX_JOBS];
	unsigned int n, max;
	/* Arena copies for branched children (memfds, -1: none yet); busy while their child runs. */
	int pool_fd[SWEEP_MAX_JOBS];
	bool pool_busy[SWEEP_MAX_JOBS];
	unsigned int timeout_s;
	struct sweep_run *runs;
	/* A run has its verdict in runs[run], or (replay) must be run again from the start. */
	void (*done)(void *ctx, size_t run, bool replay);
	void *ctx;
};

static void kid_finish(struct kids *ks, unsigned int i, bool timed_out)
{
	struct kid *k = &ks->k[i];
	struct sweep_run *out = &ks->runs[k->run];
	bool replay = false;
	int status = 0;

	if (timed_out) {
		kill(k->pid, SIGKILL);
		waitpid(k->pid, &status, 0);
	} else {
		wait_exit(k->pid, &status);
	}
	if (timed_out && !k->reported)
		hang(out, ks->timeout_s);
	else if (!k->reported && WIFEXITED(status) && WEXITSTATUS(status) == BRANCH_FAILED_EXIT)
		replay = true;
	else
		judge(out, status, k->reported, &k->rep.res);
	out->seconds = now() - k->t0;
	close(k->fd);
	if (k->pool >= 0)
		ks->pool_busy[k->pool] = false;
	ks->done(ks->ctx, k->run, replay);
	ks->k[i] = ks->k[--ks->n];
}

/*
 * One look at the children: reads what came, finishes those that ended or
 * ran out of time.  wait: block until something happens or a deadline passes.
 */
static void kids_poll(struct kids *ks, bool wait)
{
	struct pollfd p[SWEEP_MAX_JOBS];
	double t = now(), first = 0;
	int timeout_ms = 0;

	if (!ks->n)
		return;
	for (unsigned int i = 0; i < ks->n; i++) {
		p[i] = (struct pollfd){ .fd = ks->k[i].fd, .events = POLLIN };
		if (!i || ks->k[i].deadline < first)
			first = ks->k[i].deadline;
	}
	if (wait)
		timeout_ms = first > t ? (int)((first - t) * 1000) + 1 : 0;
	if (poll(p, ks->n, timeout_ms) < 0 && errno != EINTR)
		return;
	t = now();
	/* Backwards: kid_finish() moves the last child into the finished one's slot. */
	for (unsigned int i = ks->n; i-- > 0;) {
		struct kid *k = &ks->k[i];
		bool ended = false;

		if (p[i].revents) {
			char junk[256];
			ssize_t n = k->got < sizeof(k->rep)
				? read(k->fd, (char *)&k->rep + k->got, sizeof(k->rep) - k->got)
				: read(k->fd, junk, sizeof(junk));

			if (n > 0 && k->got < sizeof(k->rep)) {
				k->got += (size_t)n;
				if (k->got == sizeof(k->rep)) {
					k->reported = true;
					k->deadline = t + EXIT_GRACE_S;
				}
			} else if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) {
				ended = true;
			}
		}
		if (ended)
			kid_finish(ks, i, false);
		else if (t >= k->deadline)
			kid_finish(ks, i, true);
	}
}

static void kids_wait_slot(struct kids *ks)
{
	while (ks->n >= ks->max)
		kids_poll(ks, true);
}

static void kids_drain(struct kids *ks)
{
	while (ks->n)
		kids_poll(ks, true);
}

/*
 * Forks a child for `run` (using arena copy `pool`, or -1), watched from
 * here on.  Returns the write end of its pipe in the child, -1 in the
 * parent, or -2 if it could not fork (the run's verdict is then an error).
 */
static int kid_spawn(struct kids *ks, size_t run, int pool)
{
	struct kid *k = &ks->k[ks->n];
	int pfd[2];
	pid_t pid;

	if (pipe(pfd)) {
		snprintf(ks->runs[run].detail, sizeof(ks->runs[run].detail), "pipe: %s", strerror(errno));
		return -2;
	}
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		snprintf(ks->runs[run].detail, sizeof(ks->runs[run].detail), "fork: %s", strerror(errno));
		close(pfd[0]);
		close(pfd[1]);
		return -2;
	}
	if (!pid) {
		close(pfd[0]);
		for (unsigned int i = 0; i < ks->n; i++)
			close(ks->k[i].fd);
		return pfd[1];
	}
	close(pfd[1]);
	memset(k, 0, sizeof(*k));
	k->pid = pid;
	k->fd = pfd[0];
	k->pool = pool;
	if (pool >= 0)
		ks->pool_busy[pool] = true;
	k->run = run;
	k->t0 = now();
	k->deadline = k->t0 + ks->timeout_s;
	ks->n++;
	return -1;
}

/* The child dies with its parent (a killed sweep leaves no runs behind). */
static void die_with_parent(pid_t parent)
{
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != parent)
		_exit(1);
}

/* ---- Runs of one scenario and profile ---- */

struct sweep_state {
	const struct scenario *s;
	const char *profile;
	const struct sweep_opts *opts;
	struct sweep_report *rep;
	struct fault_rule *rules;	/* per run */
	bool *done;
	size_t next_progress;
};

static void run_done(void *ctx, size_t run, bool replay)
{
	struct sweep_state *st = ctx;

	if (replay)
		return;
	st->done[run] = true;
	/* Progress in the runs' order, whatever order they end in. */
	while (st->next_progress < st->rep->nruns && st->done[st->next_progress]) {
		if (st->opts->progress)
			st->opts->progress(st->opts->progress_ctx, st->rep,
					   &st->rep->runs[st->next_progress]);
		st->next_progress++;
	}
}

/* Every run not done yet, each from the start in a fresh child. */
static void replay_runs(struct sweep_state *st)
{
	struct kids ks = { .max = st->opts->jobs, .timeout_s = st->opts->timeout_s,
			   .runs = st->rep->runs, .done = run_done, .ctx = st };
	pid_t self = getpid();

	for (size_t i = 0; i < st->rep->nruns; i++) {
		int fd;

		if (st->done[i])
			continue;
		kids_wait_slot(&ks);
		fd = kid_spawn(&ks, i, -1);
		if (fd >= 0) {
			die_with_parent(self);
			run_child(st->s, st->profile, &st->rules[i], fd, !st->opts->verbose);
		}
		if (fd == -2) {
			st->rep->runs[i].outcome = SWEEP_ERROR;
			run_done(st, i, false);
		}
	}
	kids_drain(&ks);
}

/* What the brancher sends the sweep for each run it finished. */
struct branch_msg {
	size_t run;
	struct sweep_run result;
};

struct brancher {
	struct sweep_state *st;
	struct kids ks;			/* its children: the branched runs */
	size_t next;			/* next run to branch */
	int out_fd;			/* results to the sweep */
	int saved_out, saved_err;	/* the sweep's output, for verbose children */
	pid_t self;
	int report_fd;			/* >= 0: this process is a branched run */
};

static void branch_sent(void *ctx, size_t run, bool replay)
{
	struct brancher *b = ctx;
	struct branch_msg m = { .run = run, .result = b->ks.runs[run] };
	ssize_t n;

	if (replay)
		return;		/* left to the sweep, which replays what it did not get */
	n = write(b->out_fd, &m, sizeof(m));
	(void)n;		/* the same for a message that did not go through */
}

/* In a freshly forked child: become the injected run of runs[run], on arena copy `pool`. */
static void become_branch(struct brancher *b, struct scenario_branch *sb, size_t run, int pool,
			  int fd)
{
	struct fault_rule rule = b->st->rules[run];
	char err[256];

	close(b->out_fd);
	for (unsigned int i = 0; i < b->ks.max; i++)
		if ((int)i != pool && b->ks.pool_fd[i] >= 0)
			close(b->ks.pool_fd[i]);
	die_with_parent(b->self);
	if (b->saved_out >= 0) {
		dup2(b->saved_out, STDOUT_FILENO);
		dup2(b->saved_err, STDERR_FILENO);
	}
	/* As if the rule had been in the plan from the start. */
	rule.seen = rule.nth - 1;
	if (scenario_branch_child(sb, b->ks.pool_fd[pool], &rule, err, sizeof(err))) {
		fprintf(stderr, "sweep: cannot branch run %zu: %s\n", run, err);
		_exit(BRANCH_FAILED_EXIT);
	}
	b->report_fd = fd;
}

/* before_call of the brancher's clean run: fork the runs injected at the next call. */
static void branch_point(void *ctx, struct scenario_branch *sb, size_t calls_done)
{
	struct brancher *b = ctx;
	struct sweep_run *runs = b->st->rep->runs;
	size_t nruns = b->st->rep->nruns;
	char err[256];
	int pool, copy;

	kids_poll(&b->ks, false);
	while (b->next < nruns && runs[b->next].call <= calls_done + 1) {
		size_t run = b->next++;
		int fd;

		if (runs[run].call != calls_done + 1)
			continue;	/* not reached in order: left to replay */
		kids_wait_slot(&b->ks);
		for (pool = 0; b->ks.pool_busy[pool]; pool++)
			;	/* fewer children than max: one is free */
		copy = scenario_branch_prepare(sb, b->ks.pool_fd[pool], err, sizeof(err));
		if (copy < 0)
			continue;	/* left to replay */
		b->ks.pool_fd[pool] = copy;
		fd = kid_spawn(&b->ks, run, pool);
		if (fd >= 0) {
			become_branch(b, sb, run, pool, fd);
			return;		/* and run on as the injected run */
		}
	}
	if (b->next == nruns) {
		/* Nothing left to branch: the rest of the clean run is of no use. */
		kids_drain(&b->ks);
		_exit(0);
	}
}

/* on_result of the brancher's run: a branched run reports and ends there. */
static void branch_result(void *ctx, const struct scenario_result *res)
{
	struct brancher *b = ctx;

	if (b->report_fd >= 0)
		report_and_exit(b->report_fd, res, false);
}

static void brancher_main(struct brancher *b)
{
	/*
	 * The clean run judged the expectations already: the brancher keeps
	 * no trace lines, and so formats none (nor do its children).
	 */
	struct scenario_run_opts o = { .ignore_expect = true,
				       .before_call = branch_point, .before_call_ctx = b,
				       .on_result = branch_result, .on_result_ctx = b };
	struct scenario_result res;

	b->saved_out = b->saved_err = -1;
	if (b->st->opts->verbose) {
		b->saved_out = dup(STDOUT_FILENO);
		b->saved_err = dup(STDERR_FILENO);
	}
	/* The clean prefix was shown by the clean run already. */
	quiet_output();
	pmem_set_gpf_hook(gpf_exit, NULL);
	/*
	 * backtrace() loads libgcc's unwinder on first use: once here rather
	 * than in every child that WARNs (the mock kernel's WARN report).
	 */
	{
		void *frame;

		backtrace(&frame, 1);
	}
	scenario_run(b->st->s, b->st->profile, &o, &res);
	if (b->report_fd >= 0)
		report_and_exit(b->report_fd, &res, false);
	/* The clean run ended before its last branch point: the rest is replayed. */
	kids_drain(&b->ks);
	_exit(0);
}

/* Runs st's runs branched from one more clean run; marks those it got. */
static void branch_runs(struct sweep_state *st)
{
	struct brancher b = { .st = st, .report_fd = -1 };
	const struct sweep_opts *opts = st->opts;
	/*
	 * The brancher is silent while it waits for a child (at most a run's
	 * timeout and its exit grace) or runs the clean path to the next call
	 * (the clean run took less than a timeout in all).
	 */
	double quiet_limit = 2.0 * opts->timeout_s + 2 * EXIT_GRACE_S + 1;
	int pfd[2], status;
	pid_t pid, self = getpid();

	if (pipe(pfd))
		return;
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		close(pfd[0]);
		close(pfd[1]);
		return;
	}
	if (!pid) {
		close(pfd[0]);
		b.self = getpid();
		die_with_parent(self);
		b.out_fd = pfd[1];
		b.ks = (struct kids){ .max = opts->jobs, .timeout_s = opts->timeout_s,
				      .runs = st->rep->runs, .done = branch_sent, .ctx = &b };
		for (unsigned int i = 0; i < SWEEP_MAX_JOBS; i++)
			b.ks.pool_fd[i] = -1;
		brancher_main(&b);
	}
	close(pfd[1]);
	for (;;) {
		struct branch_msg m;
		ssize_t got = read_full(pfd[0], &m, sizeof(m), now() + quiet_limit);

		if (got != sizeof(m))
			break;	/* done, died, or silent too long: the rest is replayed */
		if (m.run >= st->rep->nruns || st->done[m.run] ||
		    m.result.call != st->rep->runs[m.run].call ||
		    strcmp(m.result.status, st->rep->runs[m.run].status))
			continue;
		st->rep->runs[m.run] = m.result;
		run_done(st, m.run, false);
	}
	close(pfd[0]);
	kill(pid, SIGKILL);	/* its children die with it */
	waitpid(pid, &status, 0);
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

/* The runs of this scenario (this shard's) and their fault rules, in order. */
static void plan_runs(struct sweep_state *st, const struct scenario_call *calls, size_t ncalls)
{
	const struct sweep_opts *opts = st->opts;
	struct sweep_report *rep = st->rep;
	const struct abi_profile *abi = abi_profile_find(st->profile);
	const struct abi_enum *statuses = abi_enum_find(abi, "status");
	size_t cap = 0;

	for (size_t i = 0; i < ncalls; i++) {
		const struct abi_command *c = abi_command_by_name(abi, ABI_RMI, calls[i].command);

		for (unsigned int e = 0; c && e < c->nerrors; e++) {
			struct fault_rule *rule;
			struct sweep_run *run;
			int64_t status;
			size_t seq;

			if (!abi_enum_value(statuses, c->errors[e], &status))
				continue;
			/*
			 * --first-error keeps the first listed error, and INCOMPLETE:
			 * not an error but a 2.0 operation the host must drive to its
			 * end (DEN0137 2.0 Stateful RMI Operations), the path a short
			 * sweep must not skip.
			 */
			if (opts->first_error_only && e > 0 && strcmp(c->errors[e], "INCOMPLETE"))
				continue;
			seq = rep->total_runs++;
			if (opts->run_seq) {
				size_t global = (*opts->run_seq)++;

				if (opts->shard_count && global % opts->shard_count != opts->shard_index)
					continue;
			}
			if (rep->nruns == cap) {
				cap = cap ? cap * 2 : 64;
				rep->runs = realloc(rep->runs, cap * sizeof(*rep->runs));
				st->rules = realloc(st->rules, cap * sizeof(*st->rules));
				if (!rep->runs || !st->rules)
					abort();
			}
			run = &rep->runs[rep->nruns];
			rule = &st->rules[rep->nruns];
			rep->nruns++;
			memset(run, 0, sizeof(*run));
			memset(rule, 0, sizeof(*rule));
			snprintf(rule->command, sizeof(rule->command), "%s", c->name);
			rule->iface = ABI_RMI;
			rule->nth = calls[i].nth;
			rule->action = FAULT_RETURN;
			rule->status = (uint64_t)status;
			rule->index = error_index(c->errors[e], calls[i].level);
			run->seq = seq;
			snprintf(run->command, sizeof(run->command), "%s", c->name);
			run->nth = calls[i].nth;
			run->call = i + 1;
			snprintf(run->status, sizeof(run->status), "%s", c->errors[e]);
			run->index = rule->index;
			run->outcome = SWEEP_ERROR;
		}
	}
}

int sweep_scenario(const struct scenario *s, const char *profile, const struct sweep_opts *opts,
		   struct sweep_report *rep)
{
	struct sweep_opts o = *opts;
	struct sweep_state st = { .s = s, .profile = profile, .opts = &o, .rep = rep };
	struct scenario_call *calls = NULL;
	size_t ncalls = 0;

	if (!o.jobs)
		o.jobs = 1;
	if (o.jobs > SWEEP_MAX_JOBS)
		o.jobs = SWEEP_MAX_JOBS;
	memset(rep, 0, sizeof(*rep));
	rep->scenario = scenario_name(s);
	rep->path = scenario_path(s);
	rep->profile = profile;
	run_clean(s, profile, &o, &rep->clean, &calls, &ncalls);
	rep->ncalls = ncalls;
	if (sweep_run_bad(&rep->clean) || !rep->clean.passed) {
		rep->clean_failed = true;
		free(calls);
		return -1;
	}
	plan_runs(&st, calls, ncalls);
	free(calls);
	st.done = calloc(rep->nruns + 1, sizeof(*st.done));
	if (!st.done)
		abort();
	if (rep->nruns && !o.replay)
		branch_runs(&st);
	replay_runs(&st);
	free(st.done);
	free(st.rules);
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

static const char *const outcome_names[] = { "ok", "warn", "leak", "gpf", "crash", "hang", "error" };

const char *sweep_outcome_name(enum sweep_outcome o)
{
	return o <= SWEEP_ERROR ? outcome_names[o] : "?";
}

bool sweep_outcome_from_name(const char *name, enum sweep_outcome *o)
{
	for (unsigned int i = 0; i <= SWEEP_ERROR; i++)
		if (!strcmp(name, outcome_names[i])) {
			*o = (enum sweep_outcome)i;
			return true;
		}
	return false;
}
