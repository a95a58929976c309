// SPDX-License-Identifier: BSD-3-Clause
/*
 * WARN and BUG of the mock kernel (kernel/include/asm/bug.h): a WARN prints
 * the kernel's "cut here" report with a backtrace and is counted (a test
 * fails on WARNs it did not declare, see hooks.c); a BUG, like any host bug
 * the mock detects, prints the same and fails and ends the current test.
 * The backtraces are symbolized (backtrace.c).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <kunit/test-bug.h>

#include "mock_internal.h"

void __mock_warn(const char *file, int line, const char *cond, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void __mock_bug(const char *file, int line, const char *cond) __attribute__((noreturn));

static unsigned int warn_count, warn_expected, bug_count;
static bool leak_allowed;

/*
 * Reports printed in full per case; later WARNs are only counted.  Host
 * code that WARNs in a loop (a tree retrying a call that keeps failing)
 * printed 263,444 reports, 500 MB, in one case before this bound.
 */
#define WARN_REPORTS_PRINTED 16

void __mock_warn(const char *file, int line, const char *cond, const char *fmt, ...)
{
	unsigned int n = __atomic_add_fetch(&warn_count, 1, __ATOMIC_RELAXED);

	if (n > WARN_REPORTS_PRINTED) {
		if (n == WARN_REPORTS_PRINTED + 1)
			printf("    mock kernel: more than %u WARNs in this case: the rest are counted, not printed\n",
			       WARN_REPORTS_PRINTED);
		return;
	}
	flockfile(stdout);	/* one report at a time when vCPU threads WARN */
	printf("    ------------[ cut here ]------------\n");
	printf("    WARNING: at %s:%d%s%s\n", file, line, cond ? ": " : "", cond ? cond : "");
	if (fmt) {
		va_list ap;

		printf("    ");
		va_start(ap, fmt);
		vprintf(fmt, ap);
		va_end(ap);
		printf("\n");
	}
	mock_print_backtrace(1);
	funlockfile(stdout);
}

/*
 * A BUG on a thread a case started (mock_thread_start) cannot unwind the
 * case, which runs on another thread: the case fails and its process ends
 * (each KUnit case runs in its own).
 */
static void __attribute__((noreturn)) abort_case(const char *msg)
{
	if (mock_in_worker_thread()) {
		kunit_fail_current_test("%s (on a vCPU thread; the case ends here)", msg);
		fflush(stdout);
		fflush(stderr);
		_exit(1);
	}
	kunit_abort_current_test("%s", msg);
	abort();
}

void __mock_bug(const char *file, int line, const char *cond)
{
	char msg[512];

	__atomic_add_fetch(&bug_count, 1, __ATOMIC_RELAXED);
	printf("    kernel BUG at %s:%d! (%s)\n", file, line, cond);
	mock_print_backtrace(1);
	snprintf(msg, sizeof(msg), "kernel BUG at %s:%d: %s", file, line, cond);
	abort_case(msg);
}

void mock_report_bug(const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	__atomic_add_fetch(&bug_count, 1, __ATOMIC_RELAXED);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printf("    mock kernel: %s\n", msg);
	mock_print_backtrace(1);
	abort_case(msg);
}

unsigned int mock_warn_count(void)
{
	return __atomic_load_n(&warn_count, __ATOMIC_RELAXED);
}

void mock_warn_expect(unsigned int n)
{
	warn_expected = n;
}

unsigned int mock_warn_expected(void)
{
	return warn_expected;
}

void mock_warn_reset(void)
{
	warn_count = 0;
	warn_expected = 0;
	bug_count = 0;
	leak_allowed = false;
}

unsigned int mock_bug_count(void)
{
	return bug_count;
}

void mock_leak_allow(void)
{
	leak_allowed = true;
}

bool mock_leak_allowed(void)
{
	return leak_allowed;
}
