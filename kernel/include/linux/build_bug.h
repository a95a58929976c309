/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for include/linux/build_bug.h: compile-time assertions. */
#ifndef _LINUX_BUILD_BUG_H
#define _LINUX_BUILD_BUG_H

#include <linux/compiler.h>

/* 0 as an integer constant expression, or a build error when e is true. */
#define BUILD_BUG_ON_ZERO(e)		__BUILD_BUG_ON_ZERO_MSG(e, "BUILD_BUG_ON_ZERO( " #e " )")

/*
 * The kernel also rejects conditions that only become constant after
 * inlining (it relies on -O2 dead-code elimination). Here a condition that
 * is an integer constant expression is checked at compile time and any
 * other condition is not checked at all: unoptimised builds stay buildable.
 */
#define BUILD_BUG_ON_MSG(cond, msg)					\
	((void)__builtin_choose_expr(__is_constexpr(cond),		\
		sizeof(struct { _Static_assert(!(0 + __builtin_choose_expr(__is_constexpr(cond), (cond), 0)), msg); int __dummy; }), \
		0))
#define BUILD_BUG_ON(cond)		BUILD_BUG_ON_MSG(cond, "BUILD_BUG_ON failed: " #cond)
#define BUILD_BUG_ON_NOT_POWER_OF_2(n)	BUILD_BUG_ON((n) == 0 || (((n) & ((n) - 1)) != 0))
#define BUILD_BUG()			BUILD_BUG_ON_MSG(1, "BUILD_BUG failed")

/* static_assert(expr) with the message optional, as in the kernel. */
#define static_assert(expr, ...)	__static_assert(expr, ##__VA_ARGS__, #expr)
#define __static_assert(expr, msg, ...)	_Static_assert(expr, msg)

#endif /* _LINUX_BUILD_BUG_H */
