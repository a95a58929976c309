// SPDX-License-Identifier: BSD-3-Clause
/*
 * A sweep run ahead in a worker (scn_sweep_ahead.c) gives what the same
 * sweep run here gives, and reports its runs in order; it runs only where
 * the output cannot tell; a worker that died gives nothing (the caller then
 * sweeps itself); a worker left running is killed and reaped.
 */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "scn_sweep.h"

/* Four RMI calls, so four runs; the undelegations fail in some. */
static const char scenario_text[] =
	"name: ahead\n"
	"profile: \"1.0\"\n"
	"memory: 4M\n"
	"granules: [g0, g1]\n"
	"steps:\n"
	"  - rmi: GRANULE_DELEGATE\n"
	"    args: {addr: g0}\n"
	"  - rmi: GRANULE_DELEGATE\n"
	"    args: {addr: g1}\n"
	"  - rmi: GRANULE_UNDELEGATE\n"
	"    args: {addr: g0}\n"
	"  - rmi: GRANULE_UNDELEGATE\n"
	"    args: {addr: g1}\n"
	"expect: {leaks: 0}\n";

static struct scenario *load(void)
{
	char path[] = "/tmp/cca-ahead-XXXXXX";
	char err[512];
	int fd = mkstemp(path);
	struct scenario *s;

	assert_true(fd >= 0);
	assert_int_equal(write(fd, scenario_text, sizeof(scenario_text) - 1),
			 (ssize_t)(sizeof(scenario_text) - 1));
	close(fd);
	s = scenario_load(path, err, sizeof(err));
	unlink(path);
	if (!s)
		fail_msg("%s", err);
	return s;
}

struct seen {
	size_t n;
	size_t seq[16];
	const struct sweep_report *rep;
};

static void progress(void *ctx, const struct sweep_report *rep, const struct sweep_run *run)
{
	struct seen *seen = ctx;

	assert_true(seen->n < 16);
	seen->rep = rep;
	seen->seq[seen->n++] = run->seq;
}

static struct sweep_opts opts_with(unsigned int jobs, struct seen *seen)
{
	return (struct sweep_opts){ .timeout_s = 30, .jobs = jobs, .progress = progress,
				    .progress_ctx = seen };
}

static void same_runs(const struct sweep_report *a, const struct sweep_report *b)
{
	assert_int_equal(a->nruns, b->nruns);
	assert_int_equal(a->ncalls, b->ncalls);
	assert_int_equal(a->total_runs, b->total_runs);
	assert_int_equal(a->clean_failed, b->clean_failed);
	for (size_t i = 0; i < a->nruns; i++) {
		struct sweep_run x = a->runs[i], y = b->runs[i];

		x.seconds = y.seconds = 0;
		assert_memory_equal(&x, &y, sizeof(x));
	}
}

static void ahead_gives_the_same_report_in_order(void **state)
{
	struct scenario *s = load();
	struct seen here = { 0 }, there = { 0 };
	struct sweep_opts o_here = opts_with(2, &here), o_there = opts_with(2, &there);
	struct sweep_opts each = sweep_ahead_opts(&o_there);
	struct sweep_report direct, ahead;
	struct sweep_ahead a;
	int rc_direct, rc_ahead = -7;

	(void)state;
	assert_int_equal(each.jobs, 1);		/* two sweeps at once share two jobs */
	assert_int_equal(sweep_ahead_start(&a, s, "1.0", &o_there), 0);
	assert_true(a.pid > 0);
	rc_direct = sweep_scenario(s, "1.0", &o_here, &direct);
	assert_int_equal(sweep_ahead_finish(&a, s, "1.0", &each, &ahead, &rc_ahead), 0);
	assert_int_equal(rc_ahead, rc_direct);
	assert_int_equal(direct.nruns, 4);
	same_runs(&direct, &ahead);
	assert_string_equal(ahead.scenario, "ahead");
	assert_string_equal(ahead.profile, "1.0");
	assert_int_equal(there.n, 4);
	assert_ptr_equal(there.rep, &ahead);
	for (size_t i = 0; i < there.n; i++)
		assert_int_equal(there.seq[i], i);
	assert_int_equal(a.pid, -1);
	sweep_report_free(&direct);
	sweep_report_free(&ahead);
	scenario_free(s);
}

static void ahead_only_where_the_output_cannot_tell(void **state)
{
	struct scenario *s = load();
	struct sweep_opts o = opts_with(2, NULL);
	struct sweep_report rep;
	struct sweep_ahead a;
	int rc;

	(void)state;
	assert_true(sweep_ahead_allowed(&o));
	o.jobs = 1;
	assert_false(sweep_ahead_allowed(&o));
	assert_int_equal(sweep_ahead_opts(&o).jobs, 1);
	o = opts_with(2, NULL);
	o.shard_count = 2;
	assert_false(sweep_ahead_allowed(&o));
	o = opts_with(2, NULL);
	o.verbose = true;
	assert_false(sweep_ahead_allowed(&o));
	o = opts_with(2, NULL);
	o.replay = true;
	assert_false(sweep_ahead_allowed(&o));
	assert_int_equal(sweep_ahead_opts(&o).jobs, 2);
	/* Not started: nothing to finish, the caller sweeps itself. */
	assert_int_equal(sweep_ahead_start(&a, s, "1.0", &o), -1);
	assert_int_equal(a.pid, -1);
	assert_int_equal(sweep_ahead_finish(&a, s, "1.0", &o, &rep, &rc), -1);
	assert_int_equal(rep.nruns, 0);
	assert_null(rep.runs);
	scenario_free(s);
}

static void a_dead_worker_gives_nothing(void **state)
{
	struct scenario *s = load();
	struct seen seen = { 0 };
	struct sweep_opts o = opts_with(2, &seen);
	struct sweep_report rep;
	struct sweep_ahead a;
	int rc = -7;

	(void)state;
	assert_int_equal(sweep_ahead_start(&a, s, "1.0", &o), 0);
	assert_int_equal(kill(a.pid, SIGKILL), 0);
	assert_int_equal(sweep_ahead_finish(&a, s, "1.0", &o, &rep, &rc), -1);
	assert_int_equal(rc, -7);
	assert_int_equal(rep.nruns, 0);
	assert_null(rep.runs);
	assert_int_equal(seen.n, 0);
	scenario_free(s);
}

static void cancel_kills_and_reaps(void **state)
{
	struct scenario *s = load();
	struct sweep_opts o = opts_with(2, NULL);
	struct sweep_ahead a;
	pid_t pid;

	(void)state;
	assert_int_equal(sweep_ahead_start(&a, s, "1.0", &o), 0);
	pid = a.pid;
	sweep_ahead_cancel(&a);
	assert_int_equal(a.pid, -1);
	assert_int_equal(a.fd, -1);
	errno = 0;
	assert_int_equal(waitpid(pid, NULL, WNOHANG), -1);
	assert_int_equal(errno, ECHILD);	/* reaped */
	sweep_ahead_cancel(&a);			/* none: nothing to do */
	scenario_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ahead_gives_the_same_report_in_order),
		cmocka_unit_test(ahead_only_where_the_output_cannot_tell),
		cmocka_unit_test(a_dead_worker_gives_nothing),
		cmocka_unit_test(cancel_kills_and_reaps),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
