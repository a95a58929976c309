/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for include/linux/math.h: rounding and division helpers. */
#ifndef _LINUX_MATH_H
#define _LINUX_MATH_H

#include <linux/types.h>

#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))
#define DIV_ROUND_UP_ULL(ll, d)	DIV_ROUND_UP((unsigned long long)(ll), (d))
#define DIV_ROUND_DOWN_ULL(ll, d) ((unsigned long long)(ll) / (d))

/* round_up/round_down: y must be a power of two. */
#define __round_mask(x, y)	((typeof(x))((y) - 1))
#define round_up(x, y)		((((x) - 1) | __round_mask(x, y)) + 1)
#define round_down(x, y)	((x) & ~__round_mask(x, y))

/* roundup/rounddown: any positive y. */
#define roundup(x, y)							\
	({								\
		typeof(y) __ru_y = (y);					\
		(((x) + (__ru_y - 1)) / __ru_y) * __ru_y;		\
	})
#define rounddown(x, y)							\
	({								\
		typeof(x) __rd_x = (x);					\
		__rd_x - (__rd_x % (y));				\
	})

#define abs(x)								\
	({								\
		typeof(x) __abs_x = (x);				\
		__abs_x < 0 ? -__abs_x : __abs_x;			\
	})

#endif /* _LINUX_MATH_H */
