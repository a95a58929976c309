// SPDX-License-Identifier: BSD-3-Clause
/*
 * kunit_skip() ends the case; kunit_mark_skipped() lets it go on. Both end
 * as "ok N name # SKIP reason", so this suite reports two skips.
 */
#include <kunit/test.h>

static bool ran_after_mark;

static void skip_ends_the_case(struct kunit *test)
{
	kunit_skip(test, "skipped on purpose");
	KUNIT_FAIL(test, "kunit_skip() did not end the case");
}

static void mark_skipped_continues(struct kunit *test)
{
	kunit_mark_skipped(test, "marked on purpose");
	KUNIT_EXPECT_EQ(test, test->status, KUNIT_SKIPPED);
	KUNIT_EXPECT_STREQ(test, test->status_comment, "marked on purpose");
	ran_after_mark = true;
}

/* exit() runs in the same process as the case: check the case went on. */
static void skip_exit(struct kunit *test)
{
	if (test->param_index == 0 && !strcmp(test->name, "mark_skipped_continues") &&
	    !ran_after_mark)
		KUNIT_FAIL(test, "kunit_mark_skipped() ended the case");
}

static struct kunit_case kunit_skip_cases[] = {
	KUNIT_CASE(skip_ends_the_case),
	KUNIT_CASE(mark_skipped_continues),
	{}
};

static struct kunit_suite kunit_skip_suite = {
	.name = "kunit_skip",
	.exit = skip_exit,
	.test_cases = kunit_skip_cases,
};

kunit_test_suite(kunit_skip_suite);
