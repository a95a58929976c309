/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for include/linux/mutex.h: single-threaded, so a held flag (see spinlock.h). */
#ifndef __LINUX_MUTEX_H
#define __LINUX_MUTEX_H

#include <linux/bug.h>
#include <linux/cleanup.h>
#include <linux/types.h>

struct mutex {
	int held;
};

#define __MUTEX_INITIALIZER(name)	{ 0 }
#define DEFINE_MUTEX(name)		struct mutex name = __MUTEX_INITIALIZER(name)

static inline void mutex_init(struct mutex *m) { m->held = 0; }
static inline void mutex_lock(struct mutex *m)
{
	WARN_ON(m->held);
	m->held = 1;
}
static inline void mutex_unlock(struct mutex *m)
{
	WARN_ON(!m->held);
	m->held = 0;
}
static inline int mutex_trylock(struct mutex *m)
{
	if (m->held)
		return 0;
	m->held = 1;
	return 1;
}
static inline int mutex_lock_interruptible(struct mutex *m)
{
	mutex_lock(m);
	return 0;
}
static inline bool mutex_is_locked(struct mutex *m) { return m->held; }
static inline void mutex_destroy(struct mutex *m) { WARN_ON(m->held); }

DEFINE_GUARD(mutex, struct mutex *, mutex_lock(_T), mutex_unlock(_T))

#endif /* __LINUX_MUTEX_H */
