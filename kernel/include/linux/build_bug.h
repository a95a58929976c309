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
/*
 * A path that must not survive dead-code elimination (a switch over a
 * constant, say): the kernel's error is an error-attributed call, which
 * is what this is when optimising.  Unoptimised builds do not check it.
 */
#ifdef __OPTIMIZE__
extern void __mock_build_bug_failed(void) __attribute__((__error__("BUILD_BUG failed")));
#define BUILD_BUG()			__mock_build_bug_failed()
#else
#define BUILD_BUG()			do { } while (0)
#endif

/* static_assert(expr) with the message optional, as in the kernel. */
#define static_assert(expr, ...)	__static_assert(expr, ##__VA_ARGS__, #expr)
#define __static_assert(expr, msg, ...)	_Static_assert(expr, msg)

#endif /* _LINUX_BUILD_BUG_H */
