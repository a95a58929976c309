/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands for include/linux/spinlock.h (with rwlock.h): the mock runs each
 * test on one thread, so locks only record that they are held, which
 * lockdep_assert_held() checks.
 */
#ifndef __LINUX_SPINLOCK_H
#define __LINUX_SPINLOCK_H

#include <linux/bug.h>
#include <linux/compiler.h>
#include <linux/types.h>

typedef struct {
	int held;
} spinlock_t;

typedef struct {
	int readers;
	int writer;
} rwlock_t;

#define __SPIN_LOCK_UNLOCKED(name)	{ 0 }
#define DEFINE_SPINLOCK(x)		spinlock_t x = __SPIN_LOCK_UNLOCKED(x)
#define __RW_LOCK_UNLOCKED(name)	{ 0, 0 }
#define DEFINE_RWLOCK(x)		rwlock_t x = __RW_LOCK_UNLOCKED(x)

static inline void spin_lock_init(spinlock_t *l) { l->held = 0; }
static inline void spin_lock(spinlock_t *l)
{
	WARN_ON(l->held);	/* single-threaded: re-taking it is a deadlock */
	l->held = 1;
}
static inline void spin_unlock(spinlock_t *l)
{
	WARN_ON(!l->held);
	l->held = 0;
}
#define spin_lock_irqsave(l, flags)	do { (void)(flags); spin_lock(l); } while (0)
#define spin_unlock_irqrestore(l, flags) do { (void)(flags); spin_unlock(l); } while (0)
#define spin_lock_irq(l)		spin_lock(l)
#define spin_unlock_irq(l)		spin_unlock(l)
#define spin_is_locked(l)		((l)->held)

static inline void rwlock_init(rwlock_t *l) { l->readers = 0; l->writer = 0; }
static inline void write_lock(rwlock_t *l)
{
	WARN_ON(l->writer || l->readers);
	l->writer = 1;
}
static inline void write_unlock(rwlock_t *l)
{
	WARN_ON(!l->writer);
	l->writer = 0;
}
static inline void read_lock(rwlock_t *l)
{
	WARN_ON(l->writer);
	l->readers++;
}
static inline void read_unlock(rwlock_t *l)
{
	WARN_ON(!l->readers);
	l->readers--;
}
/* Nobody else ever waits: never drops the lock. */
static inline int cond_resched_rwlock_write(rwlock_t *l) { return 0; }
static inline int cond_resched_rwlock_read(rwlock_t *l) { return 0; }

#endif /* __LINUX_SPINLOCK_H */
