/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands for arch/arm64/include/asm/bug.h and asm-generic/bug.h.  WARN*
 * print the kernel's report and are counted per test (a test fails on a
 * WARN it did not declare with mock_warn_expect()); BUG* fail and end the
 * test (kernel/src/bug.c).
 */
#ifndef __ASM_BUG_H
#define __ASM_BUG_H

#include <linux/compiler.h>

void __mock_warn(const char *file, int line, const char *cond, const char *fmt, ...)
	__printf(4, 5) __cold;
void __mock_bug(const char *file, int line, const char *cond) __noreturn __cold;

/*
 * After the report: the WARN's caller stays on the stack (no tail call to
 * __mock_warn), so the report's call trace names it.
 */
#define __mock_warn_site()	__asm__ __volatile__("" ::: "memory")

#define BUG()		__mock_bug(__FILE__, __LINE__, "BUG()")
#define BUG_ON(cond)							\
	do {								\
		if (unlikely(cond))					\
			__mock_bug(__FILE__, __LINE__, "BUG_ON(" #cond ")"); \
	} while (0)

#define WARN_ON(cond)							\
	({								\
		int __ret_warn_on = !!(cond);				\
		if (unlikely(__ret_warn_on)) {				\
			__mock_warn(__FILE__, __LINE__, #cond, NULL);	\
			__mock_warn_site();				\
		}							\
		unlikely(__ret_warn_on);				\
	})

#define WARN(cond, fmt, ...)						\
	({								\
		int __ret_warn_on = !!(cond);				\
		if (unlikely(__ret_warn_on)) {				\
			__mock_warn(__FILE__, __LINE__, NULL, fmt, ##__VA_ARGS__); \
			__mock_warn_site();				\
		}							\
		unlikely(__ret_warn_on);				\
	})

/* Once per call site and process (each KUnit case is its own process). */
#define WARN_ON_ONCE(cond)						\
	({								\
		static bool __warned;					\
		int __ret_warn_once = !!(cond);				\
		if (unlikely(__ret_warn_once && !__warned)) {		\
			__warned = true;				\
			__mock_warn(__FILE__, __LINE__, #cond, NULL);	\
			__mock_warn_site();				\
		}							\
		unlikely(__ret_warn_once);				\
	})

#define WARN_ONCE(cond, fmt, ...)					\
	({								\
		static bool __warned;					\
		int __ret_warn_once = !!(cond);				\
		if (unlikely(__ret_warn_once && !__warned)) {		\
			__warned = true;				\
			__mock_warn(__FILE__, __LINE__, NULL, fmt, ##__VA_ARGS__); \
			__mock_warn_site();				\
		}							\
		unlikely(__ret_warn_once);				\
	})

/* No rate limit in tests: every warning counts. */
#define WARN_RATELIMIT(cond, fmt, ...)	WARN(cond, fmt, ##__VA_ARGS__)

#endif /* __ASM_BUG_H */
