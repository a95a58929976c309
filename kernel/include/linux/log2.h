/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for include/linux/log2.h. */
#ifndef _LINUX_LOG2_H
#define _LINUX_LOG2_H

#include <linux/bitops.h>
#include <linux/types.h>

#define ilog2(n)		((n) ? (int)(63 - __builtin_clzll((u64)(n))) : -1)
#define is_power_of_2(n)	((n) != 0 && (((n) & ((n) - 1)) == 0))
#define roundup_pow_of_two(n)	((n) <= 1 ? 1UL : 1UL << (ilog2((n) - 1) + 1))
#define rounddown_pow_of_two(n)	(1UL << ilog2(n))

#endif /* _LINUX_LOG2_H */
