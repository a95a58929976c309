/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands for include/linux/lockdep.h: the assertions, checked against the
 * locks the calling thread holds (lockdep-lite, cca-double/mock-sync.h).
 */
#ifndef __LINUX_LOCKDEP_H
#define __LINUX_LOCKDEP_H

#include <linux/bug.h>
#include <cca-double/mock-sync.h>

#define lockdep_assert_held(l)		WARN_ON(!mock_lock_held_by_me(&(l)->dep, MOCK_HELD_ANY))
#define lockdep_assert_held_write(l)	WARN_ON(!mock_lock_held_by_me(&(l)->dep, MOCK_HELD_WRITE))
#define lockdep_assert_held_read(l)	WARN_ON(!mock_lock_held_by_me(&(l)->dep, MOCK_HELD_READ))
#define lockdep_assert_not_held(l)	WARN_ON(mock_lock_held_by_me(&(l)->dep, MOCK_HELD_ANY))

#endif /* __LINUX_LOCKDEP_H */
