/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands for include/linux/srcu.h: readers counted across threads;
 * synchronize_srcu() sleeps until none is left (bounded: a reader that
 * never leaves is a WARN after 5 s, not a hung test).
 */
#ifndef _LINUX_SRCU_H
#define _LINUX_SRCU_H

#include <linux/bug.h>
#include <cca-double/mock-sync.h>

struct srcu_struct {
	int readers;
};

static inline int init_srcu_struct(struct srcu_struct *ssp)
{
	__atomic_store_n(&ssp->readers, 0, __ATOMIC_RELAXED);
	return 0;
}
static inline void cleanup_srcu_struct(struct srcu_struct *ssp)
{
	WARN_ON(__atomic_load_n(&ssp->readers, __ATOMIC_ACQUIRE));
}
static inline int srcu_read_lock(struct srcu_struct *ssp)
{
	__atomic_add_fetch(&ssp->readers, 1, __ATOMIC_ACQ_REL);
	return 0;
}
static inline void srcu_read_unlock(struct srcu_struct *ssp, int idx)
{
	WARN_ON(idx || __atomic_sub_fetch(&ssp->readers, 1, __ATOMIC_ACQ_REL) < 0);
}
static inline void synchronize_srcu(struct srcu_struct *ssp)
{
	unsigned long long until = mock_now_ms() + 5000;

	mock_might_sleep(__FILE__, __LINE__);
	while (__atomic_load_n(&ssp->readers, __ATOMIC_ACQUIRE)) {
		if (WARN(mock_now_ms() > until, "synchronize_srcu(): a reader never left"))
			return;
		mock_msleep(1);
	}
}
#define srcu_dereference(p, ssp)	(p)
#define srcu_dereference_check(p, ssp, c) (p)

#endif /* _LINUX_SRCU_H */
