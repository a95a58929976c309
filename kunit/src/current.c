// SPDX-License-Identifier: BSD-3-Clause
/*
 * The current test (thread-local), failing it from anywhere, and leaving a
 * case early (__kunit_abort) through setjmp/longjmp.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kunit/test-bug.h>

#include "internal.h"

static _Thread_local struct kunit *current_test;

struct kunit *kunit_get_current_test(void)
{
	return current_test;
}

void kunit_set_current_test(struct kunit *test)
{
	current_test = test;
}

void kunit_set_failure(struct kunit *test)
{
	/* A failure outranks a skip, as in the kernel. */
	__atomic_store_n(&test->status, KUNIT_FAILURE, __ATOMIC_RELAXED);
}

bool kunit_try(struct kunit *test, void (*fn)(struct kunit *, void *), void *arg)
{
	struct kunit_runtime *rt = test->runtime;
	jmp_buf *outer = rt->abort_env;
	jmp_buf env;

	rt->abort_env = &env;
	if (setjmp(env)) {
		rt->abort_env = outer;
		return false;
	}
	fn(test, arg);
	rt->abort_env = outer;
	return true;
}

void __kunit_abort(struct kunit *test)
{
	if (test && test->runtime && test->runtime->abort_env)
		longjmp(*test->runtime->abort_env, 1);

	/* An ASSERT or kunit_skip() outside a running case: nothing to unwind. */
	fprintf(stderr, "kunit: abort requested outside a running case (%s)\n",
		test && test->name ? test->name : "no test");
	fflush(NULL);
	abort();
}

void __kunit_mark_skipped(struct kunit *test, const char *fmt, ...)
{
	va_list ap;

	/* Skipping does not clear an earlier failure. */
	if (test->status != KUNIT_FAILURE)
		test->status = KUNIT_SKIPPED;
	va_start(ap, fmt);
	vsnprintf(test->status_comment, sizeof(test->status_comment), fmt, ap);
	va_end(ap);
}

static void fail_current(const char *file, int line, const char *fmt, va_list ap)
{
	struct kunit *test = current_test;
	char *text = NULL;

	if (vasprintf(&text, fmt, ap) < 0)
		text = NULL;
	if (test) {
		kunit_set_failure(test);
		kunit_out_test_diag(test, "%s:%d: %s", file, line, text ? text : fmt);
	} else {
		fprintf(stderr, "kunit: %s:%d: %s (no test running)\n", file, line,
			text ? text : fmt);
		fflush(stderr);
	}
	free(text);
}

void __kunit_fail_current_test_impl(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fail_current(file, line, fmt, ap);
	va_end(ap);
}

void __kunit_abort_current_test_impl(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fail_current(file, line, fmt, ap);
	va_end(ap);
	if (!current_test)
		abort();
	__kunit_abort(current_test);
}
