// SPDX-License-Identifier: BSD-3-Clause
/*
 * Suites that pass, fail, crash, hang and skip on purpose. The golden test
 * (check_ktap.cmake) runs this binary with --timeout 2 and compares its KTAP
 * output with expected-ktap.txt and required-lines.txt.
 */
#include <kunit/test.h>

void golden_abort(void);
void golden_exit(int status);

static void passes(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, 1 + 1, 2);
}

static void expectations_fail(struct kunit *test)
{
	int answer = 3;
	const char *word = "hello";
	const u8 got[4] = { 1, 2, 3, 4 }, want[4] = { 1, 2, 0, 4 };

	KUNIT_EXPECT_EQ(test, answer, 4);
	KUNIT_EXPECT_STREQ(test, word, "world");
	KUNIT_EXPECT_MEMEQ_MSG(test, got, want, sizeof(got), "buffers differ at byte %d", 2);
	KUNIT_EXPECT_TRUE(test, answer == 4);
}

static void announce_cleanup(void *test)
{
	kunit_info((struct kunit *)test, "cleanup action ran after the abort");
}

static void assertion_aborts(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, kunit_add_action(test, announce_cleanup, test), 0);
	KUNIT_ASSERT_NOT_NULL(test, (void *)NULL);
	KUNIT_FAIL(test, "not reached after a failed assertion");
}

static void skips(struct kunit *test)
{
	kunit_skip(test, "not on this machine");
}

static void segfaults(struct kunit *test)
{
	volatile int *bad = (volatile int *)16;

	OPTIMIZER_HIDE_VAR(bad);
	KUNIT_SUCCEED(test);
	*bad = 1;
}

static void aborts(struct kunit *test)
{
	KUNIT_SUCCEED(test);
	golden_abort();
}

static void hangs(struct kunit *test)
{
	KUNIT_SUCCEED(test);
	for (;;)
		barrier();
}

static void exits_early(struct kunit *test)
{
	golden_exit(3);
}

static void leaks(struct kunit *test)
{
	KUNIT_EXPECT_NOT_NULL(test, kmalloc(32, GFP_KERNEL));
}

static void code_under_test_fails_it(struct kunit *test)
{
	kunit_fail_current_test("reported by code under test");
}

static struct kunit_case golden_basic_cases[] = {
	KUNIT_CASE(passes),
	KUNIT_CASE(expectations_fail),
	KUNIT_CASE(assertion_aborts),
	KUNIT_CASE(skips),
	KUNIT_CASE(segfaults),
	KUNIT_CASE(aborts),
	KUNIT_CASE(hangs),
	KUNIT_CASE(exits_early),
	KUNIT_CASE(leaks),
	KUNIT_CASE(code_under_test_fails_it),
	{}
};

static struct kunit_suite golden_basic = {
	.name = "golden_basic",
	.test_cases = golden_basic_cases,
};

struct golden_param {
	const char *desc;
	int outcome;	/* 0 pass, 1 fail, 2 skip */
};

static const struct golden_param golden_params_table[] = {
	{ "passing param", 0 },
	{ "failing param", 1 },
	{ "skipped param", 2 },
};

KUNIT_ARRAY_PARAM_DESC(golden_described, golden_params_table, desc);
KUNIT_ARRAY_PARAM(golden_numbered, golden_params_table, NULL);

static void described(struct kunit *test)
{
	const struct golden_param *p = test->param_value;

	if (p->outcome == 1)
		KUNIT_FAIL(test, "param %d fails", test->param_index);
	else if (p->outcome == 2)
		kunit_skip(test, "param %d skips", test->param_index);
}

static void numbered(struct kunit *test)
{
	KUNIT_EXPECT_NOT_NULL(test, test->param_value);
}

static int golden_params_suite_init(struct kunit_suite *suite)
{
	pr_info("golden: suite_init %s\n", suite->name);
	return 0;
}

static void golden_params_suite_exit(struct kunit_suite *suite)
{
	pr_info("golden: suite_exit %s\n", suite->name);
}

static struct kunit_case golden_params_cases[] = {
	KUNIT_CASE_PARAM(described, golden_described_gen_params),
	KUNIT_CASE_PARAM(numbered, golden_numbered_gen_params),
	{}
};

static struct kunit_suite golden_params = {
	.name = "golden_params",
	.suite_init = golden_params_suite_init,
	.suite_exit = golden_params_suite_exit,
	.test_cases = golden_params_cases,
};

static void skipped_one(struct kunit *test)
{
	kunit_skip(test, "first");
}

static void skipped_two(struct kunit *test)
{
	kunit_mark_skipped(test, "second");
}

static struct kunit_case golden_skipped_cases[] = {
	KUNIT_CASE(skipped_one),
	KUNIT_CASE(skipped_two),
	{}
};

static struct kunit_suite golden_skipped = {
	.name = "golden_skipped",
	.test_cases = golden_skipped_cases,
};

static int failing_suite_init(struct kunit_suite *suite)
{
	return -EINVAL;
}

static struct kunit_case golden_init_fails_cases[] = {
	KUNIT_CASE(passes),
	{}
};

static struct kunit_suite golden_init_fails = {
	.name = "golden_init_fails",
	.suite_init = failing_suite_init,
	.test_cases = golden_init_fails_cases,
};

kunit_test_suites(&golden_basic, &golden_params, &golden_skipped, &golden_init_fails);
