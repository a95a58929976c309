// SPDX-License-Identifier: BSD-3-Clause
/*
 * The mock kernel's locks, threads and IPIs (cca-double/mock-sync.h):
 * spinlock_t, rwlock_t and struct mutex over one atomic word each (why not
 * pthread locks: mock-sync.h), every acquisition checked by lockdep-lite
 * (lockdep.c) and preceded by an interleaving point (the stress mode's
 * delays, a race test's hook).
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <kunit/test-bug.h>

#include "mock_internal.h"

static _Thread_local unsigned int this_cpu_id;	/* 0: the main thread */

void mock_lock_init(struct mock_lock *l, const char *name)
{
	memset(l, 0, sizeof(*l));
	l->name = name;
}

static int me(void)
{
	return (int)this_cpu_id + 1;
}

/*
 * Waiting for a lock: spin a little, then yield, then sleep 20 us a turn.
 * (A spinlock's waiter spins in the kernel; on a loaded host a yield keeps
 * the holder's thread running.)
 */
static void lock_wait(unsigned int *turns)
{
	struct timespec ts = { 0, 20000 };

	if (++*turns < 64)
		__asm__ __volatile__("" ::: "memory");	/* a spin: re-read the word */
	else if (*turns < 256)
		sched_yield();
	else
		nanosleep(&ts, NULL);
}

static bool try_excl(struct mock_lock *l)
{
	int free_ = 0;

	return __atomic_compare_exchange_n(&l->state, &free_, -1, false, __ATOMIC_ACQUIRE,
					   __ATOMIC_RELAXED);
}

static void take_excl(struct mock_lock *l)
{
	unsigned int turns = 0;

	__atomic_add_fetch(&l->writers_waiting, 1, __ATOMIC_RELAXED);
	while (!try_excl(l))
		lock_wait(&turns);
	__atomic_sub_fetch(&l->writers_waiting, 1, __ATOMIC_RELAXED);
}

static void release_excl(struct mock_lock *l)
{
	__atomic_store_n(&l->state, 0, __ATOMIC_RELEASE);
}

static bool try_read(struct mock_lock *l)
{
	int n = __atomic_load_n(&l->state, __ATOMIC_RELAXED);

	return n >= 0 && !__atomic_load_n(&l->writers_waiting, __ATOMIC_RELAXED) &&
	       __atomic_compare_exchange_n(&l->state, &n, n + 1, false, __ATOMIC_ACQUIRE,
					   __ATOMIC_RELAXED);
}

static void lock_excl(struct mock_lock *l, enum mock_lock_kind kind)
{
	mock_sched_point(MOCK_SCHED_LOCK, (unsigned long)kind, 0);
	mock_lockdep_acquire(l, kind, false);
	take_excl(l);
	__atomic_store_n(&l->owner, me(), __ATOMIC_RELAXED);
	mock_lockdep_acquired(l, kind, false);
}

static bool trylock_excl(struct mock_lock *l, enum mock_lock_kind kind)
{
	if (!try_excl(l))
		return false;
	__atomic_store_n(&l->owner, me(), __ATOMIC_RELAXED);
	mock_lockdep_acquired(l, kind, false);
	return true;
}

static void unlock_excl(struct mock_lock *l)
{
	if (!mock_lockdep_release(l, false))
		return;		/* not ours: releasing it would free someone else's */
	__atomic_store_n(&l->owner, 0, __ATOMIC_RELAXED);
	release_excl(l);
}

void mock_spin_lock(struct mock_lock *l)
{
	lock_excl(l, MOCK_LOCK_SPIN);
}

bool mock_spin_trylock(struct mock_lock *l)
{
	return trylock_excl(l, MOCK_LOCK_SPIN);
}

void mock_spin_unlock(struct mock_lock *l)
{
	unlock_excl(l);
}

void mock_mutex_lock(struct mock_lock *l)
{
	lock_excl(l, MOCK_LOCK_MUTEX);
}

bool mock_mutex_trylock(struct mock_lock *l)
{
	return trylock_excl(l, MOCK_LOCK_MUTEX);
}

void mock_mutex_unlock(struct mock_lock *l)
{
	unlock_excl(l);
}

void mock_read_lock(struct mock_lock *l)
{
	unsigned int turns = 0;

	mock_sched_point(MOCK_SCHED_LOCK, MOCK_LOCK_RW, 0);
	mock_lockdep_acquire(l, MOCK_LOCK_RW, true);
	while (!try_read(l))
		lock_wait(&turns);
	__atomic_add_fetch(&l->readers, 1, __ATOMIC_RELAXED);
	mock_lockdep_acquired(l, MOCK_LOCK_RW, true);
}

void mock_read_unlock(struct mock_lock *l)
{
	if (!mock_lockdep_release(l, true))
		return;
	__atomic_sub_fetch(&l->readers, 1, __ATOMIC_RELAXED);
	__atomic_sub_fetch(&l->state, 1, __ATOMIC_RELEASE);
}

void mock_write_lock(struct mock_lock *l)
{
	lock_excl(l, MOCK_LOCK_RW);
}

void mock_write_unlock(struct mock_lock *l)
{
	unlock_excl(l);
}

bool mock_lock_is_locked(const struct mock_lock *l)
{
	return __atomic_load_n(&l->owner, __ATOMIC_RELAXED) ||
	       __atomic_load_n(&l->readers, __ATOMIC_RELAXED);
}

/* ---- threads ---- */

struct mock_thread {
	pthread_t tid;
	void (*fn)(void *);
	void *arg;
	unsigned int cpu;
	struct kunit *test;
	pthread_mutex_t lock;
	pthread_cond_t done_cv;
	bool done;
};

bool mock_in_worker_thread(void)
{
	return this_cpu_id != 0;
}

static void *thread_main(void *p)
{
	struct mock_thread *t = p;

	this_cpu_id = t->cpu;
	kunit_set_current_test(t->test);
	t->fn(t->arg);
	fflush(stdout);
	pthread_mutex_lock(&t->lock);
	t->done = true;
	pthread_cond_broadcast(&t->done_cv);
	pthread_mutex_unlock(&t->lock);
	return NULL;
}

struct mock_thread *mock_thread_start(void (*fn)(void *), void *arg, unsigned int cpu)
{
	struct mock_thread *t = calloc(1, sizeof(*t));

	if (!t || !cpu)
		goto fail;
	t->fn = fn;
	t->arg = arg;
	t->cpu = cpu;
	t->test = kunit_get_current_test();
	pthread_mutex_init(&t->lock, NULL);
	pthread_cond_init(&t->done_cv, NULL);
	if (pthread_create(&t->tid, NULL, thread_main, t))
		goto fail;
	return t;
fail:
	free(t);
	return NULL;
}

bool mock_thread_join(struct mock_thread *t, unsigned int timeout_ms)
{
	struct timespec until;
	int err = 0;

	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += timeout_ms / 1000;
	until.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&t->lock);
	while (!t->done && err != ETIMEDOUT)
		err = pthread_cond_timedwait(&t->done_cv, &t->lock, &until);
	pthread_mutex_unlock(&t->lock);
	if (!t->done)
		return false;	/* still running: left to the process's end */
	pthread_join(t->tid, NULL);
	pthread_mutex_destroy(&t->lock);
	pthread_cond_destroy(&t->done_cv);
	free(t);
	return true;
}

void mock_report_thread_stuck(unsigned int vcpu)
{
	mock_report_bug("vCPU %u's thread did not leave KVM_RUN when signalled and kicked", vcpu);
}

void mock_msleep(unsigned int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

	mock_might_sleep(__FILE__, __LINE__);
	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

void mock_test_sleep_us(unsigned int us)
{
	struct timespec ts = { us / 1000000, (long)(us % 1000000) * 1000L };

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

unsigned long long mock_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (unsigned long long)ts.tv_sec * 1000ULL + (unsigned long long)ts.tv_nsec / 1000000ULL;
}

/* ---- CPUs and IPIs ---- */

struct mock_cpu {
	bool ipi;	/* pending, taken by the next REC_ENTER poll on this CPU */
};

static _Thread_local struct mock_cpu this_cpu;
static unsigned long ipis_sent;

void *mock_this_cpu(void)
{
	return &this_cpu;
}

unsigned int mock_this_cpu_id(void)
{
	return this_cpu_id;
}

void mock_cpu_send_ipi(void *cpu)
{
	struct mock_cpu *c = cpu;

	__atomic_add_fetch(&ipis_sent, 1, __ATOMIC_RELAXED);
	__atomic_store_n(&c->ipi, true, __ATOMIC_SEQ_CST);
}

unsigned long mock_ipis_sent(void)
{
	return __atomic_load_n(&ipis_sent, __ATOMIC_RELAXED);
}

/* The fake RMM asks, on the thread running REC_ENTER, whether an interrupt is pending. */
bool mock_cpu_take_ipi(void *ctx, uint64_t rec)
{
	(void)ctx;
	(void)rec;
	return __atomic_exchange_n(&this_cpu.ipi, false, __ATOMIC_SEQ_CST);
}

/* ---- interleaving points, stress ---- */

static mock_sched_hook_fn sched_hook;
static void *sched_hook_ctx;
static bool stress_on;
static unsigned long long stress_seed;
static _Thread_local unsigned long long prng_state;
static _Thread_local unsigned long long prng_seeded_for;	/* seed + 1 the state is from */

void mock_set_sched_hook(mock_sched_hook_fn fn, void *ctx)
{
	__atomic_store_n(&sched_hook_ctx, ctx, __ATOMIC_RELEASE);
	__atomic_store_n(&sched_hook, fn, __ATOMIC_RELEASE);
}

/* splitmix64: small, seedable, good enough to pick delays. */
static unsigned long long prng_next(void)
{
	unsigned long long z = (prng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static void stress_delay(void)
{
	unsigned long long seed = __atomic_load_n(&stress_seed, __ATOMIC_RELAXED);
	unsigned long long r;

	if (prng_seeded_for != seed + 1) {
		prng_state = seed * 0x100000001b3ULL + this_cpu_id;
		prng_seeded_for = seed + 1;
	}
	r = prng_next();
	switch (r & 7) {
	case 0: case 1: case 2:
		sched_yield();
		break;
	case 3: {
		struct timespec ts = { 0, (long)((r >> 8) % 200) * 1000L };

		nanosleep(&ts, NULL);
		break;
	}
	default:
		break;
	}
}

void mock_sched_point(enum mock_sched_point where, unsigned long arg, unsigned long ret)
{
	mock_sched_hook_fn fn = __atomic_load_n(&sched_hook, __ATOMIC_ACQUIRE);

	if (__atomic_load_n(&stress_on, __ATOMIC_RELAXED))
		stress_delay();
	if (fn)
		fn(__atomic_load_n(&sched_hook_ctx, __ATOMIC_ACQUIRE), where, this_cpu_id, arg, ret);
}

void mock_stress_from_env(struct mock_stress *out)
{
	const char *seed = getenv("CCA_STRESS_SEED"), *runs = getenv("CCA_STRESS_RUNS");

	char *end;

	out->on = seed && *seed;
	out->seed = 0;
	out->runs = 1;
	if (out->on) {
		errno = 0;
		out->seed = strtoull(seed, &end, 0);
		if (errno || *end) {
			fprintf(stderr, "CCA_STRESS_SEED=%s: not a number\n", seed);
			exit(2);
		}
	}
	if (runs && *runs) {
		unsigned long n;

		errno = 0;
		n = strtoul(runs, &end, 0);
		if (errno || *end || !n || n > 100000) {
			fprintf(stderr, "CCA_STRESS_RUNS=%s: not a count from 1 to 100000\n", runs);
			exit(2);
		}
		out->runs = (unsigned int)n;
	}
}

void mock_stress_begin(unsigned long long seed)
{
	__atomic_store_n(&stress_seed, seed, __ATOMIC_RELAXED);
	__atomic_store_n(&stress_on, true, __ATOMIC_RELAXED);
}

void mock_stress_end(void)
{
	__atomic_store_n(&stress_on, false, __ATOMIC_RELAXED);
}
