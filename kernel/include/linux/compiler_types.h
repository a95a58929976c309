/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands for include/linux/compiler_types.h. Kbuild force-includes it into
 * every kernel translation unit; the kernel-world compile flags do the same.
 */
#ifndef __LINUX_COMPILER_TYPES_H
#define __LINUX_COMPILER_TYPES_H

#ifndef __ASSEMBLY__

#include <linux/compiler_attributes.h>

/* Sparse annotations: meaningful only to the sparse checker, empty here. */
#define __user
#define __kernel
#define __iomem
#define __force
#define __rcu
#define __percpu
#define __private
#define __acquires(x)
#define __releases(x)
#define __must_hold(x)
#define __cond_lock(x, c)		(c)
#define __bitwise
#define __safe

#define notrace				__attribute__((__no_instrument_function__))
/* Code that must not be instrumented (entry paths); no section in userspace. */
#define noinstr				__attribute__((__noinline__)) notrace
#define __init
#define __exit
#define __initdata
#define __ro_after_init
#define __read_mostly

#define ___PASTE(a, b)			a##b
#define __PASTE(a, b)			___PASTE(a, b)
#define __UNIQUE_ID(prefix)		__PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)

/* True if a and b have the same type (qualifiers included). */
#define __same_type(a, b)		__builtin_types_compatible_p(typeof(a), typeof(b))

#define noinline_for_stack		noinline

#endif /* __ASSEMBLY__ */
#endif /* __LINUX_COMPILER_TYPES_H */
