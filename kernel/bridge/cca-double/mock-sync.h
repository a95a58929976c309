/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The mock kernel's concurrency: the locks behind spinlock_t, rwlock_t and
 * struct mutex (real locks shared by threads), lockdep-lite, host threads standing
 * for CPUs, the kick IPI, and the stress mode's injected delays.
 *
 * Locks (kernel/src/sync.c).  A spinlock never sleeps: taking one makes the
 * thread atomic until the last is released.  A mutex may sleep.  Each lock
 * has a class, as in the kernel's lockdep: the name its initialiser gave
 * (spin_lock_init(&kvm->mmu_lock) -> "&kvm->mmu_lock", DEFINE_MUTEX(x) ->
 * "x"), or the lock's own address for one never initialised by name.
 *
 * Lockdep-lite (kernel/src/lockdep.c) reports, as the kernel's lockdep does:
 *   - a lock order inversion (class B taken under A after A was taken
 *     under B, on any thread): a WARN, once per pair;
 *   - recursive locking (a lock the thread already holds; rwlock reads may
 *     recurse, as rwlock_t's do): a BUG, since the real lock would
 *     deadlock;
 *   - sleeping in atomic context (mutex_lock, might_sleep(), a blocking
 *     allocation while a spinlock is held): a WARN;
 *   - releasing a lock the thread does not hold: a WARN.
 * A WARN fails the KUnit case unless declared (mock_warn_expect()).
 *
 * World-neutral: compiler headers only.
 */
#ifndef CCA_DOUBLE_MOCK_SYNC_H
#define CCA_DOUBLE_MOCK_SYNC_H

#include <stdbool.h>
#include <stddef.h>

/*
 * A lock: a word taken with atomic compare-and-swap (0 free, -1 held for
 * writing or exclusively, n > 0 readers), waiters spinning with yields and
 * short sleeps.  Not a pthread lock: glibc's rwlock and recursive mutexes
 * remember their holder by kernel thread id, which a fork changes, and the
 * sweep forks its runs in the middle of an RMI call made under
 * kvm->mmu_lock.  The holder here is the mock's thread number, which the
 * forked thread keeps.  A zero-filled lock (kzalloc, a static) is ready.
 */
struct mock_lock {
	int state;		/* 0 free, -1 held exclusively, n > 0 readers */
	int writers_waiting;	/* readers let a waiting writer go first */
	const char *name;	/* lock class; NULL: by address */
	int owner;		/* thread number + 1 of the exclusive holder, 0: none */
	int readers;		/* read holders (rwlock) */
};

enum mock_lock_kind { MOCK_LOCK_SPIN, MOCK_LOCK_RW, MOCK_LOCK_MUTEX };

void mock_lock_init(struct mock_lock *l, const char *name);
void mock_spin_lock(struct mock_lock *l);
bool mock_spin_trylock(struct mock_lock *l);
void mock_spin_unlock(struct mock_lock *l);
void mock_read_lock(struct mock_lock *l);
void mock_read_unlock(struct mock_lock *l);
void mock_write_lock(struct mock_lock *l);
void mock_write_unlock(struct mock_lock *l);
void mock_mutex_lock(struct mock_lock *l);
bool mock_mutex_trylock(struct mock_lock *l);
void mock_mutex_unlock(struct mock_lock *l);
/* Held by anyone (spin_is_locked, mutex_is_locked). */
bool mock_lock_is_locked(const struct mock_lock *l);

/* lockdep_assert_held*(): does this thread hold it (for writing / reading)? */
enum mock_held { MOCK_HELD_ANY, MOCK_HELD_WRITE, MOCK_HELD_READ };
bool mock_lock_held_by_me(const struct mock_lock *l, enum mock_held how);

/* might_sleep(): a WARN if the calling thread holds a spinlock. */
void mock_might_sleep(const char *file, int line);
/* Spinlocks (and rwlocks) the calling thread holds: > 0 is atomic context. */
unsigned int mock_atomic_depth(void);

/* ---- Lockdep-lite's state (tests of lockdep-lite itself) ---- */

/* Reports so far: order inversions, recursive locks, sleeps in atomic. */
struct mock_lockdep_stats {
	unsigned int inversions, recursions, atomic_sleeps, bad_unlocks;
};
void mock_lockdep_stats(struct mock_lockdep_stats *out);
/* Forgets every class and dependency (a fresh machine). */
void mock_lockdep_reset(void);

/* ---- Host threads (one per vCPU in the harness's threaded mode) ---- */

struct mock_thread;
/*
 * Starts fn(arg) on a new thread that belongs to the current KUnit case (a
 * KUNIT_* failure or a WARN on it counts for the case; a BUG fails the case
 * and ends the process).  `cpu` numbers the thread for the stress mode's
 * per-thread PRNG (>= 1; the main thread is 0).  NULL if it cannot start.
 */
struct mock_thread *mock_thread_start(void (*fn)(void *), void *arg, unsigned int cpu);
/* Waits at most timeout_ms for it to end: true if it did (then freed). */
bool mock_thread_join(struct mock_thread *t, unsigned int timeout_ms);
/* A vCPU thread that would not stop: a BUG (the case fails and ends). */
void mock_report_thread_stuck(unsigned int vcpu) __attribute__((noreturn));
/* Sleeps (the calling thread may sleep: might_sleep() checks). */
void mock_msleep(unsigned int ms);
/*
 * A test's own wait (a hook holding a thread at an interleaving point,
 * where the kernel code may hold a spinlock): sleeps with no might_sleep()
 * check, since it stands for time passing, not for the kernel sleeping.
 */
void mock_test_sleep_us(unsigned int us);
/* Milliseconds on a monotonic clock. */
unsigned long long mock_now_ms(void);

/* ---- CPUs and the kick IPI ---- */

/*
 * The calling thread's CPU, an opaque token a vCPU records while it is in
 * guest mode; mock_cpu_send_ipi() on it makes the REC_ENTER that thread is
 * in (or enters next) end with a REC exit of reason IRQ, through the fake
 * RMM's host-interrupt poll (rmm_set_host_irq_poll, installed with the
 * machine).  Stands for smp_send_reschedule().
 */
void *mock_this_cpu(void);
void mock_cpu_send_ipi(void *cpu);
/* IPIs sent so far (tests). */
unsigned long mock_ipis_sent(void);

/* ---- Interleaving points and the stress mode ---- */

enum mock_sched_point {
	MOCK_SCHED_LOCK,	/* before taking a lock */
	MOCK_SCHED_SMC_ENTER,	/* before an SMC reaches the RMM (arg: FID) */
	MOCK_SCHED_SMC_EXIT,	/* after it returned (arg: FID, ret: x0) */
	MOCK_SCHED_VCPU_ENTRY,	/* a vCPU about to check requests and enter (arg: vcpu_idx) */
};

/*
 * A test's hook at the interleaving points, on whichever thread reaches
 * them (a race test holds one thread back until another got somewhere).
 * `cpu` is the thread's number (mock_thread_start), arg/ret as above.
 */
typedef void (*mock_sched_hook_fn)(void *ctx, enum mock_sched_point where,
				   unsigned int cpu, unsigned long arg, unsigned long ret);
void mock_set_sched_hook(mock_sched_hook_fn fn, void *ctx);
/* The calling thread's number (0: the main thread). */
unsigned int mock_this_cpu_id(void);

/*
 * Stress mode: at every interleaving point a thread yields or sleeps up
 * to 200 us, drawn from a PRNG seeded with (seed, thread number), so a
 * seed replays the same injected delays.  Off until mock_stress_begin();
 * CCA_STRESS_SEED and CCA_STRESS_RUNS in the environment choose the seed
 * and the number of runs (mock_stress_from_env()).
 */
struct mock_stress {
	bool on;
	unsigned long long seed;	/* first run's seed; run i uses seed + i */
	unsigned int runs;		/* repetitions (1 without CCA_STRESS_RUNS) */
};
/* Reads CCA_STRESS_SEED / CCA_STRESS_RUNS: stress on if the seed is set. */
void mock_stress_from_env(struct mock_stress *out);
/* Injects delays from now on, seeded; mock_stress_end() stops. */
void mock_stress_begin(unsigned long long seed);
void mock_stress_end(void);
/* Called at each interleaving point (sync.c, smccc.c). */
void mock_sched_point(enum mock_sched_point where, unsigned long arg, unsigned long ret);

#endif
