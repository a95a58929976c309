// SPDX-License-Identifier: BSD-3-Clause
/*
 * A sweep run ahead, in a process of its own, while the caller finishes
 * the one before it (scn_sweep.h: sweep_ahead_start(), sweep_ahead_finish()).
 *
 * One scenario's sweep leaves a CPU idle at its start (the clean run,
 * then the brancher's way to the first call) and at its end (the last
 * runs); a brancher also runs alone between its forks.  Two sweeps at once
 * fill those gaps.  The worker sends its report when it is done and the
 * caller reports the runs then, in order, so the output is the same as one
 * sweep after the other.
 *
 * Whatever goes wrong here (no fork, a worker that died) only costs time:
 * sweep_ahead_finish() fails and the caller runs the sweep itself.
 */
#define _GNU_SOURCE
#include "scn_sweep.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

struct ahead_header {
	int status;			/* sweep_scenario()'s */
	struct sweep_report rep;	/* its pointers are not valid in the caller */
};

static bool write_all(int fd, const void *buf, size_t len)
{
	while (len) {
		ssize_t n = write(fd, buf, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		buf = (const char *)buf + n;
		len -= (size_t)n;
	}
	return true;
}

/* Blocking: the worker's own runs are bounded (each has its timeout), and EOF ends it. */
static bool read_all(int fd, void *buf, size_t len)
{
	while (len) {
		ssize_t n = read(fd, buf, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		buf = (char *)buf + n;
		len -= (size_t)n;
	}
	return true;
}

bool sweep_ahead_allowed(const struct sweep_opts *opts)
{
	/*
	 * Shards number runs across scenarios (a worker would not know where
	 * its scenario starts); verbose runs write as they go, replayed ones
	 * are for comparisons; one job means one run at a time.
	 */
	return opts->jobs >= 2 && !opts->shard_count && !opts->verbose && !opts->replay;
}

struct sweep_opts sweep_ahead_opts(const struct sweep_opts *opts)
{
	struct sweep_opts o = *opts;

	/* Two sweeps at once share the jobs. */
	if (sweep_ahead_allowed(opts))
		o.jobs = (opts->jobs + 1) / 2;
	return o;
}

int sweep_ahead_start(struct sweep_ahead *a, const struct scenario *s, const char *profile,
		      const struct sweep_opts *opts)
{
	struct sweep_opts o = sweep_ahead_opts(opts);
	int pfd[2];
	pid_t parent = getpid();

	a->pid = -1;
	a->fd = -1;
	if (!sweep_ahead_allowed(opts) || pipe(pfd))
		return -1;
	fflush(NULL);
	a->pid = fork();
	if (a->pid < 0) {
		close(pfd[0]);
		close(pfd[1]);
		return -1;
	}
	if (!a->pid) {
		struct ahead_header h = { 0 };
		bool ok;

		close(pfd[0]);
		/* A killed sweep leaves no worker behind (its runs die with it). */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != parent)
			_exit(1);
		o.progress = NULL;	/* the caller reports the runs, in order */
		o.run_seq = NULL;
		h.status = sweep_scenario(s, profile, &o, &h.rep);
		ok = write_all(pfd[1], &h, sizeof(h)) &&
		     write_all(pfd[1], h.rep.runs, h.rep.nruns * sizeof(*h.rep.runs));
		_exit(ok ? 0 : 1);
	}
	close(pfd[1]);
	a->fd = pfd[0];
	return 0;
}

int sweep_ahead_finish(struct sweep_ahead *a, const struct scenario *s, const char *profile,
		       const struct sweep_opts *opts, struct sweep_report *rep, int *status)
{
	struct ahead_header h;
	bool ok = false;
	int wstatus;

	memset(rep, 0, sizeof(*rep));
	if (a->fd >= 0 && read_all(a->fd, &h, sizeof(h)) &&
	    (h.rep.nruns == 0 || h.rep.nruns <= SIZE_MAX / sizeof(*rep->runs))) {
		*rep = h.rep;
		rep->runs = h.rep.nruns ? malloc(h.rep.nruns * sizeof(*rep->runs)) : NULL;
		ok = !h.rep.nruns ||
		     (rep->runs && read_all(a->fd, rep->runs, h.rep.nruns * sizeof(*rep->runs)));
	}
	if (a->fd >= 0)
		close(a->fd);
	if (a->pid > 0) {
		if (!ok)
			kill(a->pid, SIGKILL);
		while (waitpid(a->pid, &wstatus, 0) < 0 && errno == EINTR)
			;
		ok = ok && WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0;
	}
	a->pid = -1;
	a->fd = -1;
	if (!ok) {
		free(rep->runs);
		memset(rep, 0, sizeof(*rep));
		return -1;
	}
	rep->scenario = scenario_name(s);
	rep->path = scenario_path(s);
	rep->profile = profile;
	*status = h.status;
	if (opts->progress)
		for (size_t i = 0; i < rep->nruns; i++)
			opts->progress(opts->progress_ctx, rep, &rep->runs[i]);
	return 0;
}

void sweep_ahead_cancel(struct sweep_ahead *a)
{
	if (a->pid > 0) {
		kill(a->pid, SIGKILL);
		while (waitpid(a->pid, NULL, 0) < 0 && errno == EINTR)
			;
	}
	if (a->fd >= 0)
		close(a->fd);
	a->pid = -1;
	a->fd = -1;
}
