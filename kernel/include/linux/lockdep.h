/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for include/linux/lockdep.h: only "is this lock held" (the mock's locks record it). */
#ifndef __LINUX_LOCKDEP_H
#define __LINUX_LOCKDEP_H

#include <linux/bug.h>

#define lockdep_assert_held(l)		WARN_ON(!(l)->held)
#define lockdep_assert_held_write(l)	WARN_ON(!(l)->writer)
#define lockdep_assert_held_read(l)	WARN_ON(!(l)->readers)
#define lockdep_assert_not_held(l)	do { } while (0)

#endif /* __LINUX_LOCKDEP_H */
