/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands for include/linux/spinlock.h (with rwlock.h): real locks shared
 * by the vCPU threads (cca-double/mock-sync.h).  Holding a spinlock or an
 * rwlock makes the thread atomic: sleeping then (mutex_lock, might_sleep)
 * is reported, as are order inversions and recursion (lockdep-lite).
 */
#ifndef __LINUX_SPINLOCK_H
#define __LINUX_SPINLOCK_H

#include <linux/bug.h>
#include <linux/compiler.h>
#include <linux/types.h>
#include <cca-double/mock-sync.h>

typedef struct {
	struct mock_lock dep;
} spinlock_t;

typedef struct {
	struct mock_lock dep;
} rwlock_t;

/* The lock class is the name, as lockdep's is the initialiser's key. */
#define __SPIN_LOCK_UNLOCKED(lockname)	{ .dep = { .name = #lockname } }
#define DEFINE_SPINLOCK(x)		spinlock_t x = __SPIN_LOCK_UNLOCKED(x)
#define __RW_LOCK_UNLOCKED(lockname)	{ .dep = { .name = #lockname } }
#define DEFINE_RWLOCK(x)		rwlock_t x = __RW_LOCK_UNLOCKED(x)

#define spin_lock_init(l)		mock_lock_init(&(l)->dep, #l)
#define rwlock_init(l)			mock_lock_init(&(l)->dep, #l)

static inline void spin_lock(spinlock_t *l) { mock_spin_lock(&l->dep); }
static inline void spin_unlock(spinlock_t *l) { mock_spin_unlock(&l->dep); }
static inline int spin_trylock(spinlock_t *l) { return mock_spin_trylock(&l->dep); }
/* No interrupts in the mock: the irq variants are the plain ones. */
#define spin_lock_irqsave(l, flags)	do { (void)(flags); spin_lock(l); } while (0)
#define spin_unlock_irqrestore(l, flags) do { (void)(flags); spin_unlock(l); } while (0)
#define spin_lock_irq(l)		spin_lock(l)
#define spin_unlock_irq(l)		spin_unlock(l)
#define spin_is_locked(l)		mock_lock_is_locked(&(l)->dep)

static inline void write_lock(rwlock_t *l) { mock_write_lock(&l->dep); }
static inline void write_unlock(rwlock_t *l) { mock_write_unlock(&l->dep); }
static inline void read_lock(rwlock_t *l) { mock_read_lock(&l->dep); }
static inline void read_unlock(rwlock_t *l) { mock_read_unlock(&l->dep); }

/*
 * Drops and retakes the lock when someone waits (the kernel: when
 * rescheduling is due or the lock is contended); the mock has no such
 * signal, so it never drops it.
 */
static inline int cond_resched_rwlock_write(rwlock_t *l) { return 0; }
static inline int cond_resched_rwlock_read(rwlock_t *l) { return 0; }

#endif /* __LINUX_SPINLOCK_H */
