// SPDX-License-Identifier: BSD-3-Clause
/*
 * Suites registered with kunit_test_suites(): arrays of pointers in the
 * "kunit_suites" section, bounded by the linker-made __start_/__stop_
 * symbols (weak: a binary without suites still links).
 */
#include "internal.h"

extern struct kunit_suite *const __start_kunit_suites[] __attribute__((weak));
extern struct kunit_suite *const __stop_kunit_suites[] __attribute__((weak));

size_t kunit_registered_suites(struct kunit_suite *const **suites)
{
	*suites = __start_kunit_suites;
	if (!__start_kunit_suites || !__stop_kunit_suites)
		return 0;
	/* NULL entries (alignment padding) are skipped by the selection. */
	return (size_t)(__stop_kunit_suites - __start_kunit_suites);
}
