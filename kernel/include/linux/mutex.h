/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands for include/linux/mutex.h: a real lock shared by the vCPU threads
 * (cca-double/mock-sync.h).  Taking one may sleep: with a spinlock held
 * that is reported (lockdep-lite), as the kernel's might_sleep() does.
 */
#ifndef __LINUX_MUTEX_H
#define __LINUX_MUTEX_H

#include <linux/bug.h>
#include <linux/cleanup.h>
#include <linux/types.h>
#include <cca-double/mock-sync.h>

struct mutex {
	struct mock_lock dep;
};

#define __MUTEX_INITIALIZER(lockname)	{ .dep = { .name = #lockname } }
#define DEFINE_MUTEX(name)		struct mutex name = __MUTEX_INITIALIZER(name)

#define mutex_init(m)			mock_lock_init(&(m)->dep, #m)
static inline void mutex_lock(struct mutex *m) { mock_mutex_lock(&m->dep); }
static inline void mutex_unlock(struct mutex *m) { mock_mutex_unlock(&m->dep); }
static inline int mutex_trylock(struct mutex *m) { return mock_mutex_trylock(&m->dep); }
static inline int mutex_lock_interruptible(struct mutex *m)
{
	mutex_lock(m);
	return 0;
}
static inline bool mutex_is_locked(struct mutex *m) { return mock_lock_is_locked(&m->dep); }
static inline void mutex_destroy(struct mutex *m) { WARN_ON(mutex_is_locked(m)); }

DEFINE_GUARD(mutex, struct mutex *, mutex_lock(_T), mutex_unlock(_T))

#endif /* __LINUX_MUTEX_H */
