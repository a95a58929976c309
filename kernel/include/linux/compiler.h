/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for include/linux/compiler.h (with asm-generic/rwonce.h folded in). */
#ifndef __LINUX_COMPILER_H
#define __LINUX_COMPILER_H

#include <linux/compiler_types.h>

#ifndef __ASSEMBLY__

#define likely(x)			__builtin_expect(!!(x), 1)
#define unlikely(x)			__builtin_expect(!!(x), 0)

/* A compiler barrier: no memory access is moved across it. */
#define barrier()			__asm__ __volatile__("" : : : "memory")
#define barrier_data(ptr)		__asm__ __volatile__("" : : "r"(ptr) : "memory")

#define unreachable()			__builtin_unreachable()

/*
 * Exactly one access of the object, neither torn (for naturally aligned
 * scalars) nor merged with neighbouring accesses by the compiler.
 */
#define READ_ONCE(x)			(*(const volatile typeof(x) *)&(x))
#define WRITE_ONCE(x, val)						\
	do {								\
		*(volatile typeof(x) *)&(x) = (val);			\
	} while (0)

/* Hide a variable's value from the optimiser. */
#define OPTIMIZER_HIDE_VAR(var)		__asm__ ("" : "=r"(var) : "0"(var))

/* A plain access the data-race checker should ignore: just the access here. */
#define data_race(expr)			(expr)

/* Type of member m of struct T, without needing an object. */
#define typeof_member(T, m)		typeof(((T *)0)->m)

#define is_signed_type(type)		(((type)(-1)) < (type)1)
#define is_unsigned_type(type)		(!is_signed_type(type))

/* An integer constant expression of value 0, or a build error when e is true. */
#define __BUILD_BUG_ON_ZERO_MSG(e, msg)	((int)sizeof(struct { _Static_assert(!(e), msg); int __dummy; }) * 0)
#define __must_be_array(a)		__BUILD_BUG_ON_ZERO_MSG(__same_type((a), &(a)[0]), "must be array")

/* True when x is an integer constant expression (not merely foldable). */
#define __is_constexpr(x)						\
	(sizeof(int) == sizeof(*(8 ? ((void *)((long)(x) * 0l)) : (int *)8)))

#endif /* __ASSEMBLY__ */
#endif /* __LINUX_COMPILER_H */
