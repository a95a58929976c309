/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for include/linux/compiler_attributes.h: GCC/Clang attribute shorthands. */
#ifndef __LINUX_COMPILER_ATTRIBUTES_H
#define __LINUX_COMPILER_ATTRIBUTES_H

#define __aligned(x)			__attribute__((__aligned__(x)))
#define __always_inline			inline __attribute__((__always_inline__))
#define __cold				__attribute__((__cold__))
#define __const			__attribute__((__const__))
#define __malloc			__attribute__((__malloc__))
#define __maybe_unused			__attribute__((__unused__))
#define __always_unused			__attribute__((__unused__))
#define __mode(x)			__attribute__((__mode__(x)))
#define __must_check			__attribute__((__warn_unused_result__))
#define __noreturn			__attribute__((__noreturn__))
#define __packed			__attribute__((__packed__))
#define __printf(a, b)			__attribute__((__format__(printf, a, b)))
#define __scanf(a, b)			__attribute__((__format__(scanf, a, b)))
#define __pure				__attribute__((__pure__))
#define __section(s)			__attribute__((__section__(s)))
#define __used				__attribute__((__used__))
#define __weak				__attribute__((__weak__))
#define __alias(sym)			__attribute__((__alias__(#sym)))
#define __noinline			__attribute__((__noinline__))
#define noinline			__attribute__((__noinline__))
#define __flatten			__attribute__((flatten))
#define __nonstring			__attribute__((__nonstring__))
#define __copy(sym)			__attribute__((__copy__(sym)))
#define __counted_by(member)
#define __assume_aligned(a, ...)	__attribute__((__assume_aligned__(a, ## __VA_ARGS__)))

#if __has_attribute(__fallthrough__)
#define fallthrough			__attribute__((__fallthrough__))
#else
#define fallthrough			do {} while (0)  /* fallthrough */
#endif

#endif /* __LINUX_COMPILER_ATTRIBUTES_H */
