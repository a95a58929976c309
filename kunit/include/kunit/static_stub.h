/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Static stubs (Linux 6.12 include/kunit/static_stub.h): a function that
 * starts with KUNIT_STATIC_STUB_REDIRECT(fn, args...) calls the replacement
 * that the current test activated for it, if any. Stubs are per test and
 * deactivated when the case ends. Hosted-safe.
 *
 * The stub table is keyed by function address: a static inline function has
 * one address per translation unit, so stub out-of-line functions.
 */
#ifndef _KUNIT_STATIC_STUB_H
#define _KUNIT_STATIC_STUB_H

#include <kunit/test-bug.h>

void *__kunit_get_static_stub_address(struct kunit *test, void *real_fn_addr);
void __kunit_activate_static_stub(struct kunit *test, void *real_fn_addr,
				  void *replacement_addr);

/* Undo kunit_activate_static_stub(); calls go to the real function again. */
void kunit_deactivate_static_stub(struct kunit *test, void *real_fn_addr);

#define KUNIT_STATIC_STUB_REDIRECT(real_fn_name, args...)		\
	do {								\
		__typeof__(&real_fn_name) __kunit_replacement;		\
		struct kunit *__kunit_cur = kunit_get_current_test();	\
									\
		if (__builtin_expect(!__kunit_cur, 1))			\
			break;						\
		__kunit_replacement = (__typeof__(&real_fn_name))	\
			__kunit_get_static_stub_address(__kunit_cur,	\
							(void *)&real_fn_name); \
		if (__builtin_expect(!!__kunit_replacement, 0))		\
			return __kunit_replacement(args);		\
	} while (0)

/* Route calls of real_fn_addr to replacement_addr (same type) in this test. */
#define kunit_activate_static_stub(test, real_fn_addr, replacement_addr) \
	do {								\
		__typeof__(&real_fn_addr) __kunit_same_type = (replacement_addr); \
		(void)__kunit_same_type;				\
		__kunit_activate_static_stub(test, (void *)(real_fn_addr), \
					     (void *)(replacement_addr)); \
	} while (0)

#endif /* _KUNIT_STATIC_STUB_H */
