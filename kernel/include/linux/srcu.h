/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for include/linux/srcu.h: one thread, so read sections only nest. */
#ifndef _LINUX_SRCU_H
#define _LINUX_SRCU_H

#include <linux/bug.h>

struct srcu_struct {
	int readers;
};

static inline int init_srcu_struct(struct srcu_struct *ssp) { ssp->readers = 0; return 0; }
static inline void cleanup_srcu_struct(struct srcu_struct *ssp) { WARN_ON(ssp->readers); }
static inline int srcu_read_lock(struct srcu_struct *ssp) { return ssp->readers++; }
static inline void srcu_read_unlock(struct srcu_struct *ssp, int idx)
{
	WARN_ON(ssp->readers != idx + 1);
	ssp->readers--;
}
static inline void synchronize_srcu(struct srcu_struct *ssp) { WARN_ON(ssp->readers); }
#define srcu_dereference(p, ssp)	(p)
#define srcu_dereference_check(p, ssp, c) (p)

#endif /* _LINUX_SRCU_H */
