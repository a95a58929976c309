/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands for include/linux/minmax.h. Each argument is evaluated once. The
 * kernel also rejects mixed-signedness arguments at build time; this mock
 * does not, so everything the kernel accepts compiles here too.
 */
#ifndef _LINUX_MINMAX_H
#define _LINUX_MINMAX_H

#include <linux/compiler.h>

#define __cmp_once(op, x, y)						\
	({								\
		__auto_type __cmp_x = (x);				\
		__auto_type __cmp_y = (y);				\
		__cmp_x op __cmp_y ? __cmp_x : __cmp_y;			\
	})

#define min(x, y)		__cmp_once(<, x, y)
#define max(x, y)		__cmp_once(>, x, y)
#define umin(x, y)		min((x) + 0u + 0ul + 0ull, (y) + 0u + 0ul + 0ull)
#define umax(x, y)		max((x) + 0u + 0ul + 0ull, (y) + 0u + 0ul + 0ull)
#define min3(x, y, z)		min((typeof(x))min(x, y), z)
#define max3(x, y, z)		max((typeof(x))max(x, y), z)
/* For constant expressions (array sizes, static initialisers): no once-only evaluation. */
#define MIN(a, b)		((a) < (b) ? (a) : (b))
#define MAX(a, b)		((a) > (b) ? (a) : (b))
#define min_t(type, x, y)	__cmp_once(<, (type)(x), (type)(y))
#define max_t(type, x, y)	__cmp_once(>, (type)(x), (type)(y))
#define min_not_zero(x, y)						\
	({								\
		__auto_type __mnz_x = (x);				\
		__auto_type __mnz_y = (y);				\
		__mnz_x == 0 ? __mnz_y : (__mnz_y == 0 ? __mnz_x : min(__mnz_x, __mnz_y)); \
	})

/* val limited to [lo, hi]. */
#define clamp(val, lo, hi)	min((typeof(val))max(val, lo), hi)
#define clamp_t(type, val, lo, hi) min_t(type, max_t(type, val, lo), hi)
#define clamp_val(val, lo, hi)	clamp_t(typeof(val), val, lo, hi)

/* Exchange two lvalues of the same type. */
#define swap(a, b)							\
	do {								\
		typeof(a) __swap_tmp = (a);				\
		(a) = (b);						\
		(b) = __swap_tmp;					\
	} while (0)

#endif /* _LINUX_MINMAX_H */
