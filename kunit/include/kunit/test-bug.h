/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Reaching the running test from code under test (Linux 6.12
 * include/kunit/test-bug.h), for fakes and for the mock kernel (WARN_ON,
 * BUG_ON, fault reporters, leak checks). Hosted-safe.
 *
 * The current test is thread-local: it is set on the thread that runs the
 * case (in the forked child), and NULL everywhere else.
 */
#ifndef _KUNIT_TEST_BUG_H
#define _KUNIT_TEST_BUG_H

#include <kunit/test-types.h>

/* The test running on this thread, or NULL. */
struct kunit *kunit_get_current_test(void);
/*
 * Makes `test` the calling thread's current test: a thread a case starts
 * fails that case (kunit_fail_current_test) as its own thread would.
 */
void kunit_set_current_test(struct kunit *test);

void __kunit_fail_current_test_impl(const char *file, int line, const char *fmt, ...)
	__attribute__((__format__(printf, 3, 4)));
void __kunit_abort_current_test_impl(const char *file, int line, const char *fmt, ...)
	__attribute__((__format__(printf, 3, 4)));

/*
 * Mark the current test failed, printing "# <case>: file:line: message".
 * Does nothing outside a test (as in the kernel).
 */
#define kunit_fail_current_test(fmt, ...)				\
	__kunit_fail_current_test_impl(__FILE__, __LINE__, fmt, ##__VA_ARGS__)

/*
 * cca-double extension: as kunit_fail_current_test(), then end the case as
 * a failed assertion does (exit() and deferred actions still run). For
 * BUG_ON-like reporters. Outside a test it prints the message and calls
 * abort().
 */
#define kunit_abort_current_test(fmt, ...)				\
	__kunit_abort_current_test_impl(__FILE__, __LINE__, fmt, ##__VA_ARGS__)

#endif /* _KUNIT_TEST_BUG_H */
