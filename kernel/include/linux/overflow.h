/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for include/linux/overflow.h: checked arithmetic. */
#ifndef __LINUX_OVERFLOW_H
#define __LINUX_OVERFLOW_H

#include <linux/compiler.h>
#include <linux/limits.h>

/* Each stores a op b in *d and is true when the exact result did not fit. */
#define check_add_overflow(a, b, d)	__builtin_add_overflow(a, b, d)
#define check_sub_overflow(a, b, d)	__builtin_sub_overflow(a, b, d)
#define check_mul_overflow(a, b, d)	__builtin_mul_overflow(a, b, d)

/* Byte counts that saturate at SIZE_MAX instead of wrapping. */
static inline size_t size_mul(size_t a, size_t b)
{
	size_t r;

	return check_mul_overflow(a, b, &r) ? SIZE_MAX : r;
}

static inline size_t size_add(size_t a, size_t b)
{
	size_t r;

	return check_add_overflow(a, b, &r) ? SIZE_MAX : r;
}

/* True when [start, start + size) wraps or ends beyond max. */
#define range_overflows(start, size, max) ({				\
	typeof(start) start__ = (start);				\
	typeof(size) size__ = (size);					\
	typeof(max) max__ = (max);					\
	(void)(&start__ == &size__);					\
	(void)(&start__ == &max__);					\
	start__ >= max__ || size__ > max__ - start__;			\
})

#define array_size(a, b)	size_mul(a, b)
#define struct_size(p, member, count)					\
	size_add(sizeof(*(p)), size_mul(sizeof(*(p)->member), count))

#endif /* __LINUX_OVERFLOW_H */
