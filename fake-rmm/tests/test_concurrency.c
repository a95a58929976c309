// SPDX-License-Identifier: BSD-3-Clause
/*
 * rmm_smc() from many threads (docs/architecture.md, "Concurrency").
 *
 * Worker threads only call the RMM and count outcomes in atomics; the
 * main thread makes every assertion (cmocka is not thread-safe).  Every
 * loop has a fixed iteration count and every wait a deadline.
 */
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>

#include "rec_fixture.h"
#include "rmm_internal.h"

#define NTHREADS 4
#define ROUNDS 200
#define WAIT_SECONDS 20

static const uint64_t EINPUT = RMI_STATUS_ERROR_INPUT;

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Waits (bounded) until *flag is set; false on timeout. */
static bool wait_for(atomic_int *flag)
{
	double end = now() + WAIT_SECONDS;

	while (!atomic_load(flag))
		if (now() > end)
			return false;
		else
			sched_yield();
	return true;
}

static void run_threads(void *(*fn)(void *), void *args, size_t argsize)
{
	pthread_t t[NTHREADS];

	for (unsigned int i = 0; i < NTHREADS; i++)
		assert_int_equal(pthread_create(&t[i], NULL, fn, (char *)args + i * argsize), 0);
	for (unsigned int i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
}

/* ---- delegation ---- */

#define PER_THREAD 16

struct deleg_arg {
	struct rmm *rmm;
	uint64_t pa[PER_THREAD];
	unsigned int failures;
};

/* Each thread its own granules: every call succeeds. */
static void *deleg_distinct(void *p)
{
	struct deleg_arg *a = p;

	for (unsigned int r = 0; r < ROUNDS / 4; r++)
		for (unsigned int i = 0; i < PER_THREAD; i++) {
			a->failures += rmm_call(a->rmm, RMI_FID_GRANULE_DELEGATE, a->pa[i], 0, 0, 0, 0, 0,
						NULL) != 0;
			a->failures += rmm_call(a->rmm, RMI_FID_GRANULE_UNDELEGATE, a->pa[i], 0, 0, 0, 0,
						0, NULL) != 0;
		}
	return NULL;
}

static void delegate_distinct_granules(void **state)
{
	struct fix *f = *state;
	struct deleg_arg a[NTHREADS];

	for (unsigned int t = 0; t < NTHREADS; t++) {
		a[t].rmm = f->rmm;
		a[t].failures = 0;
		for (unsigned int i = 0; i < PER_THREAD; i++)
			a[t].pa[i] = fix_alloc(f);
	}
	run_threads(deleg_distinct, a, sizeof(a[0]));
	for (unsigned int t = 0; t < NTHREADS; t++) {
		assert_int_equal(a[t].failures, 0);
		for (unsigned int i = 0; i < PER_THREAD; i++)
			assert_int_equal(rmm_granule_state(f->rmm, a[t].pa[i]), GRANULE_NS);
	}
	fix_check_invariants(f);
}

/*
 * The mechanism under the race above (whose window is too short to catch
 * reliably): a granule locked by another CPU holds GRANULE_DELEGATE back
 * until it is unlocked.
 */
struct held_arg {
	struct rmm *rmm;
	uint64_t pa, x0;
	atomic_int done;
};

static void *delegate_once(void *p)
{
	struct held_arg *a = p;

	a->x0 = rmm_call(a->rmm, RMI_FID_GRANULE_DELEGATE, a->pa, 0, 0, 0, 0, 0, NULL);
	atomic_store(&a->done, 1);
	return NULL;
}

static void delegate_waits_for_granule_lock(void **state)
{
	struct fix *f = *state;
	struct held_arg a = { .rmm = f->rmm, .pa = fix_alloc(f) };
	struct granule *g = granule_at(f->rmm, a.pa);
	const struct timespec pause = { 0, 100 * 1000 * 1000 };
	pthread_t t;

	granule_lock_raw(g);
	assert_int_equal(pthread_create(&t, NULL, delegate_once, &a), 0);
	nanosleep(&pause, NULL);
	assert_int_equal(atomic_load(&a.done), 0);
	assert_int_equal(rmm_granule_state(f->rmm, a.pa), GRANULE_NS);
	granule_unlock_raw(g);
	assert_true(wait_for(&a.done));
	pthread_join(t, NULL);
	assert_rmi(a.x0, 0);
	assert_int_equal(rmm_granule_state(f->rmm, a.pa), GRANULE_DELEGATED);
}

/* All threads on one granule: each round, exactly one DELEGATE and one UNDELEGATE win. */
struct same_shared {
	struct rmm *rmm;
	uint64_t pa;
	pthread_barrier_t barrier;
	atomic_uint delegated[ROUNDS], undelegated[ROUNDS];
	atomic_uint other_status;	/* neither SUCCESS nor ERROR_INPUT */
};

struct same_arg {
	struct same_shared *s;
};

static void count(struct same_shared *s, atomic_uint *won, uint64_t x0)
{
	if (x0 == 0)
		atomic_fetch_add(won, 1);
	else if (x0 != EINPUT)
		atomic_fetch_add(&s->other_status, 1);
}

static void *deleg_same(void *p)
{
	struct same_shared *s = ((struct same_arg *)p)->s;

	for (unsigned int r = 0; r < ROUNDS; r++) {
		pthread_barrier_wait(&s->barrier);
		count(s, &s->delegated[r],
		      rmm_call(s->rmm, RMI_FID_GRANULE_DELEGATE, s->pa, 0, 0, 0, 0, 0, NULL));
		pthread_barrier_wait(&s->barrier);
		count(s, &s->undelegated[r],
		      rmm_call(s->rmm, RMI_FID_GRANULE_UNDELEGATE, s->pa, 0, 0, 0, 0, 0, NULL));
	}
	return NULL;
}

static void delegate_same_granule(void **state)
{
	struct fix *f = *state;
	struct same_shared *s = calloc(1, sizeof(*s));
	struct same_arg a[NTHREADS];

	assert_non_null(s);
	s->rmm = f->rmm;
	s->pa = fix_alloc(f);
	pthread_barrier_init(&s->barrier, NULL, NTHREADS);
	for (unsigned int t = 0; t < NTHREADS; t++)
		a[t].s = s;
	run_threads(deleg_same, a, sizeof(a[0]));
	for (unsigned int r = 0; r < ROUNDS; r++) {
		assert_int_equal(atomic_load(&s->delegated[r]), 1);
		assert_int_equal(atomic_load(&s->undelegated[r]), 1);
	}
	assert_int_equal(atomic_load(&s->other_status), 0);
	assert_int_equal(rmm_granule_state(f->rmm, s->pa), GRANULE_NS);
	pthread_barrier_destroy(&s->barrier);
	free(s);
	fix_check_invariants(f);
}

/* ---- RTT create / destroy ---- */

/* Level-2 tables under the level-1 root entries: one 1 GiB slot per thread. */
#define SLOT_IPA(t) ((uint64_t)(t + 1) * L1_SIZE)

struct rtt_shared {
	struct rmm *rmm;
	uint64_t rd;
	pthread_barrier_t barrier;
	atomic_uint created[ROUNDS], destroyed[ROUNDS];
	atomic_uint other_status;
};

struct rtt_arg {
	struct rtt_shared *s;
	uint64_t rtt;			/* a DELEGATED granule of this thread */
	uint64_t ipa;
	unsigned int failures;
};

/* Same IPA: one RTT_CREATE wins (the rest: ERROR_RTT, a table is there), one RTT_DESTROY. */
static void count_rtt(struct rtt_shared *s, atomic_uint *won, uint64_t x0)
{
	if (x0 == 0)
		atomic_fetch_add(won, 1);
	else if ((x0 & 0xff) != RMI_STATUS_ERROR_RTT)
		atomic_fetch_add(&s->other_status, 1);
}

static void *rtt_same(void *p)
{
	struct rtt_arg *a = p;
	struct rtt_shared *s = a->s;

	for (unsigned int r = 0; r < ROUNDS; r++) {
		pthread_barrier_wait(&s->barrier);
		count_rtt(s, &s->created[r],
			  rmm_call(s->rmm, RMI_FID_RTT_CREATE, s->rd, a->rtt, a->ipa, 2, 0, 0, NULL));
		pthread_barrier_wait(&s->barrier);
		count_rtt(s, &s->destroyed[r],
			  rmm_call(s->rmm, RMI_FID_RTT_DESTROY, s->rd, a->ipa, 2, 0, 0, 0, NULL));
	}
	return NULL;
}

static void *rtt_distinct(void *p)
{
	struct rtt_arg *a = p;
	struct rtt_shared *s = a->s;

	for (unsigned int r = 0; r < ROUNDS; r++) {
		a->failures += rmm_call(s->rmm, RMI_FID_RTT_CREATE, s->rd, a->rtt, a->ipa, 2, 0, 0,
					NULL) != 0;
		a->failures += rmm_call(s->rmm, RMI_FID_RTT_DESTROY, s->rd, a->ipa, 2, 0, 0, 0,
					NULL) != 0;
	}
	return NULL;
}

static void rtt_races(void **state)
{
	struct fix *f = *state;
	struct rtt_shared *s = calloc(1, sizeof(*s));
	struct rtt_arg a[NTHREADS];

	assert_non_null(s);
	rt_realm(f);
	s->rmm = f->rmm;
	s->rd = f->rd;
	pthread_barrier_init(&s->barrier, NULL, NTHREADS);
	for (unsigned int t = 0; t < NTHREADS; t++)
		a[t] = (struct rtt_arg){ .s = s, .rtt = fix_alloc_delegated(f), .ipa = SLOT_IPA(t) };

	/* Different IPAs of one realm: every call succeeds. */
	run_threads(rtt_distinct, a, sizeof(a[0]));
	for (unsigned int t = 0; t < NTHREADS; t++)
		assert_int_equal(a[t].failures, 0);

	/* One IPA: exactly one winner each way, ERROR_RTT for the others. */
	for (unsigned int t = 0; t < NTHREADS; t++)
		a[t].ipa = SLOT_IPA(0);
	run_threads(rtt_same, a, sizeof(a[0]));
	for (unsigned int r = 0; r < ROUNDS; r++) {
		assert_int_equal(atomic_load(&s->created[r]), 1);
		assert_int_equal(atomic_load(&s->destroyed[r]), 1);
	}
	assert_int_equal(atomic_load(&s->other_status), 0);
	for (unsigned int t = 0; t < NTHREADS; t++)
		assert_int_equal(rmm_granule_state(f->rmm, a[t].rtt), GRANULE_DELEGATED);
	pthread_barrier_destroy(&s->barrier);
	free(s);
	fix_check_invariants(f);
}

/* ---- a running REC ---- */

/*
 * The host-interrupt poll of the running REC (rmm_set_host_irq_poll): in
 * "hold" mode it parks the REC inside REC_ENTER until released, then makes
 * it exit (IRQ); otherwise it lets the realm run until released.
 */
struct rec_ctl {
	atomic_int entered, release;
	bool hold;
};

static bool rec_poll(void *ctx, uint64_t rec)
{
	struct rec_ctl *c = ctx;

	(void)rec;
	atomic_store(&c->entered, 1);
	if (c->hold) {
		wait_for(&c->release);
		return true;
	}
	return atomic_load(&c->release);
}

struct enter_arg {
	struct rx *x;
	struct rec_ctl *ctl;
	unsigned int entries;
	uint64_t bad_x0;		/* first REC_ENTER that failed */
};

/* REC_ENTER until released (a budget-ended entry exits and is entered again). */
static void *enter_until_released(void *p)
{
	struct enter_arg *a = p;

	do {
		uint64_t x0 = rmm_call(a->x->f->rmm, RMI_FID_REC_ENTER, a->x->rec[0], a->x->run[0], 0,
				       0, 0, 0, NULL);

		a->entries++;
		if (x0 && !a->bad_x0)
			a->bad_x0 = x0 | (1ULL << 63);
	} while (!atomic_load(&a->ctl->release) && a->entries < 1000);
	return NULL;
}

static uint64_t call(struct fix *f, uint32_t fid, uint64_t a1, uint64_t a2, uint64_t a3,
		     uint64_t a4)
{
	return rmm_call(f->rmm, fid, a1, a2, a3, a4, 0, 0, NULL);
}

/*
 * While REC 0 sits in REC_ENTER on another thread: a second REC_ENTER and
 * REC_DESTROY of it get ERROR_REC; RTT and DATA commands on its realm go
 * ahead (REC_ENTER holds only its REC); RTT_DESTROY of a live table gets
 * ERROR_RTT.  Once it has exited, REC_DESTROY succeeds.
 */
static void rec_running_conflicts(void **state)
{
	struct rx *x = *state;
	struct fix *f = x->f;
	struct rec_ctl ctl = { .hold = true };
	struct enter_arg a = { .x = x, .ctl = &ctl };
	const uint64_t ipa = 3 * L1_SIZE;	/* no tables there yet */
	uint64_t data, rtt;
	pthread_t t;

	rx_boot(x, "spin", 0);
	rmm_set_host_irq_poll(f->rmm, rec_poll, &ctl);
	assert_int_equal(pthread_create(&t, NULL, enter_until_released, &a), 0);
	assert_true(wait_for(&ctl.entered));

	/* REC_ENTER holds its REC by the running flag, no lock (nor the RD's). */
	assert_int_equal(atomic_load(&granule_at(f->rmm, x->rec[0])->lock), 0);
	assert_int_equal(atomic_load(&granule_at(f->rmm, f->rd)->lock), 0);
	assert_rmi(call(f, RMI_FID_REC_ENTER, x->rec[0], x->run[0], 0, 0),
		   RET(RMI_STATUS_ERROR_REC, 0));
	assert_rmi(call(f, RMI_FID_REC_DESTROY, x->rec[0], 0, 0, 0), RET(RMI_STATUS_ERROR_REC, 0));
	/* The realm's RD is not held: RTT and DATA commands complete meanwhile. */
	assert_rmi(rt_create(f, ipa, 2, NULL), 0);
	assert_rmi(rt_create(f, ipa, 3, &rtt), 0);
	data = fix_alloc_delegated(f);
	assert_rmi(call(f, RMI_FID_DATA_CREATE_UNKNOWN, f->rd, data, ipa, 0), 0);
	/* rtt_live: the table maps DATA */
	assert_rmi(call(f, RMI_FID_RTT_DESTROY, f->rd, ipa, 3, 0), RET(RMI_STATUS_ERROR_RTT, 3));
	assert_rmi(call(f, RMI_FID_DATA_DESTROY, f->rd, ipa, 0, 0), 0);
	assert_rmi(call(f, RMI_FID_RTT_DESTROY, f->rd, ipa, 3, 0), 0);
	assert_int_equal(rmm_granule_state(f->rmm, rtt), GRANULE_DELEGATED);
	assert_int_equal(rmm_granule_state(f->rmm, data), GRANULE_DELEGATED);
	/* Still running: the checks above did not wait for it. */
	assert_false(atomic_load(&ctl.release));

	atomic_store(&ctl.release, 1);
	pthread_join(t, NULL);
	assert_int_equal(a.bad_x0, 0);
	assert_int_equal(rx_run_page(x, 0)->exit.exit_reason, RMI_EXIT_REASON_IRQ);
	rmm_set_host_irq_poll(f->rmm, NULL, NULL);
	assert_rmi(call(f, RMI_FID_REC_DESTROY, x->rec[0], 0, 0, 0), 0);
	fix_check_invariants(f);
}

/*
 * The realm really runs (Unicorn walking its stage 2) while the main
 * thread creates and destroys tables and data in the same realm: every
 * command and every entry succeeds.
 */
static void data_while_rec_runs(void **state)
{
	struct rx *x = *state;
	struct fix *f = x->f;
	struct rec_ctl ctl = { .hold = false };
	struct enter_arg a = { .x = x, .ctl = &ctl };
	const uint64_t ipa = 3 * L1_SIZE;
	uint64_t data = 0, rtt2 = 0, rtt3 = 0;
	unsigned int failures = 0;
	pthread_t t;

	rx_boot(x, "spin", 0);
	rmm_set_host_irq_poll(f->rmm, rec_poll, &ctl);
	assert_int_equal(pthread_create(&t, NULL, enter_until_released, &a), 0);
	assert_true(wait_for(&ctl.entered));
	for (unsigned int i = 0; i < 50; i++) {
		if (i == 0) {
			data = fix_alloc_delegated(f);
			rtt2 = fix_alloc_delegated(f);
			rtt3 = fix_alloc_delegated(f);
		}
		failures += call(f, RMI_FID_RTT_CREATE, f->rd, rtt2, ipa, 2) != 0;
		failures += call(f, RMI_FID_RTT_CREATE, f->rd, rtt3, ipa, 3) != 0;
		failures += call(f, RMI_FID_DATA_CREATE_UNKNOWN, f->rd, data, ipa, 0) != 0;
		failures += call(f, RMI_FID_DATA_DESTROY, f->rd, ipa, 0, 0) != 0;
		failures += call(f, RMI_FID_RTT_DESTROY, f->rd, ipa, 3, 0) != 0;
		failures += call(f, RMI_FID_RTT_DESTROY, f->rd, ipa, 2, 0) != 0;
	}
	atomic_store(&ctl.release, 1);
	pthread_join(t, NULL);
	rmm_set_host_irq_poll(f->rmm, NULL, NULL);
	assert_int_equal(failures, 0);
	assert_int_equal(a.bad_x0, 0);
	assert_true(a.entries >= 1);
	fix_check_invariants(f);
}

/*
 * A realm of IPA width 36 (start level 1, one root table): its engine
 * reserves 64 GiB of host address space for the IPA cover, not rx_setup's
 * 1 TiB, which ThreadSanitizer's memory layout cannot give.
 */
static int small_realm_setup(void **state)
{
	struct rx *x = calloc(1, sizeof(*x));

	if (!x || fix_setup_v1((void **)&x->f))
		return -1;
	rt_realm_with(x->f, 36, 1, 1, RMI_HASH_ALGO_SHA_256);
	*state = x;
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(delegate_distinct_granules, fix_setup_v1, fix_teardown),
		cmocka_unit_test_setup_teardown(delegate_waits_for_granule_lock, fix_setup_v1,
						fix_teardown),
		cmocka_unit_test_setup_teardown(delegate_same_granule, fix_setup_v1, fix_teardown),
		cmocka_unit_test_setup_teardown(rtt_races, fix_setup_v1, fix_teardown),
		cmocka_unit_test_setup_teardown(rec_running_conflicts, small_realm_setup, rx_teardown),
		cmocka_unit_test_setup_teardown(data_while_rec_runs, small_realm_setup, rx_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
