// SPDX-License-Identifier: BSD-3-Clause
/*
 * One case (or one parameter) in the current process, in the kernel's
 * order: init, the case, exit, deferred actions; with the registered hooks
 * around it. Failed assertions and kunit_skip() leave a phase early through
 * kunit_try(); the later phases still run.
 */
#include <kunit/test-bug.h>

#include "internal.h"

static void run_init_and_case(struct kunit *test, void *unused)
{
	struct kunit_suite *suite = test->suite;

	if (suite->init) {
		int ret = suite->init(test);

		if (ret) {
			kunit_out_test_diag(test, "failed to initialize: %d", ret);
			kunit_set_failure(test);
			return;
		}
	}
	test->test_case->run_case(test);
}

static void run_exit(struct kunit *test, void *unused)
{
	if (test->suite->exit)
		test->suite->exit(test);
}

static void run_cleanup(struct kunit *test, void *unused)
{
	kunit_cleanup(test);
}

void kunit_exec_case(struct kunit *test)
{
	struct kunit_runtime rt = { 0 };

	test->runtime = &rt;
	kunit_set_current_test(test);

	kunit_hooks_before_case(test);
	kunit_try(test, run_init_and_case, NULL);

	/* An abort in exit() or an action is always a failure (as in the kernel). */
	if (!kunit_try(test, run_exit, NULL)) {
		kunit_set_failure(test);
		kunit_out_test_diag(test, "test aborted during exit()");
	}
	while (test->actions) {
		if (!kunit_try(test, run_cleanup, NULL)) {
			kunit_set_failure(test);
			kunit_out_test_diag(test, "test aborted during cleanup");
		}
	}
	kunit_stubs_clear(test);

	kunit_hooks_after_case(test);

	kunit_set_current_test(NULL);
	test->runtime = NULL;
}
