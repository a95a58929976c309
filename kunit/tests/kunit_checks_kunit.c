// SPDX-License-Identifier: BSD-3-Clause
/*
 * Every KUNIT_EXPECT_* / KUNIT_ASSERT_* family: passing checks pass, and a
 * failing check marks the test failed. The failing checks run against a
 * separate "probe" struct kunit, so this suite itself passes; the printed
 * failure text of a real case is checked by the golden test.
 */
#include <kunit/test.h>

static const char hello[] = "hello";

static void checks_pass_when_true(struct kunit *test)
{
	int three = 3;
	u64 big = U64_MAX;
	int *p = &three;
	const u8 a[4] = { 1, 2, 3, 4 }, b[4] = { 1, 2, 3, 4 }, c[4] = { 1, 2, 3, 5 };

	KUNIT_EXPECT_TRUE(test, three == 3);
	KUNIT_EXPECT_FALSE(test, three == 4);
	KUNIT_EXPECT_EQ(test, three, 3);
	KUNIT_EXPECT_EQ(test, big, U64_MAX);
	KUNIT_EXPECT_NE(test, three, 4);
	KUNIT_EXPECT_LT(test, three, 4);
	KUNIT_EXPECT_LE(test, three, 3);
	KUNIT_EXPECT_GT(test, three, 2);
	KUNIT_EXPECT_GE(test, three, 3);
	KUNIT_EXPECT_PTR_EQ(test, p, &three);
	KUNIT_EXPECT_PTR_NE(test, p, NULL);
	KUNIT_EXPECT_NULL(test, (void *)NULL);
	KUNIT_EXPECT_NOT_NULL(test, p);
	KUNIT_EXPECT_NOT_ERR_OR_NULL(test, p);
	KUNIT_EXPECT_STREQ(test, hello, "hello");
	KUNIT_EXPECT_STRNEQ(test, hello, "world");
	KUNIT_EXPECT_MEMEQ(test, a, b, sizeof(a));
	KUNIT_EXPECT_MEMNEQ(test, a, c, sizeof(a));

	KUNIT_ASSERT_TRUE(test, three == 3);
	KUNIT_ASSERT_FALSE(test, three == 4);
	KUNIT_ASSERT_EQ(test, three, 3);
	KUNIT_ASSERT_NE(test, three, 4);
	KUNIT_ASSERT_LT(test, three, 4);
	KUNIT_ASSERT_LE(test, three, 3);
	KUNIT_ASSERT_GT(test, three, 2);
	KUNIT_ASSERT_GE(test, three, 3);
	KUNIT_ASSERT_PTR_EQ(test, p, &three);
	KUNIT_ASSERT_PTR_NE(test, p, NULL);
	KUNIT_ASSERT_NULL(test, (void *)NULL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, p);
	KUNIT_ASSERT_STREQ(test, hello, "hello");
	KUNIT_ASSERT_STRNEQ(test, hello, "world");
	KUNIT_ASSERT_MEMEQ(test, a, b, sizeof(a));
	KUNIT_ASSERT_MEMNEQ(test, a, c, sizeof(a));
}

static void msg_forms_pass_when_true(struct kunit *test)
{
	int v = 7;
	const u8 a[2] = { 9, 9 };

	KUNIT_EXPECT_TRUE_MSG(test, v == 7, "v is %d", v);
	KUNIT_EXPECT_FALSE_MSG(test, v == 8, "v is %d", v);
	KUNIT_EXPECT_EQ_MSG(test, v, 7, "v is %d", v);
	KUNIT_EXPECT_NE_MSG(test, v, 8, "v");
	KUNIT_EXPECT_LT_MSG(test, v, 8, "v");
	KUNIT_EXPECT_LE_MSG(test, v, 7, "v");
	KUNIT_EXPECT_GT_MSG(test, v, 6, "v");
	KUNIT_EXPECT_GE_MSG(test, v, 7, "v");
	KUNIT_EXPECT_PTR_EQ_MSG(test, &v, &v, "p");
	KUNIT_EXPECT_PTR_NE_MSG(test, &v, NULL, "p");
	KUNIT_EXPECT_NULL_MSG(test, (int *)NULL, "p");
	KUNIT_EXPECT_NOT_NULL_MSG(test, &v, "p");
	KUNIT_EXPECT_NOT_ERR_OR_NULL_MSG(test, &v, "p");
	KUNIT_EXPECT_STREQ_MSG(test, hello, "hello", "s");
	KUNIT_EXPECT_STRNEQ_MSG(test, hello, "hell", "s");
	KUNIT_EXPECT_MEMEQ_MSG(test, a, a, 2, "m");
	KUNIT_EXPECT_MEMNEQ_MSG(test, a, hello, 2, "m");
	KUNIT_ASSERT_TRUE_MSG(test, v == 7, "v");
	KUNIT_ASSERT_FALSE_MSG(test, v == 8, "v");
	KUNIT_ASSERT_EQ_MSG(test, v, 7, "v");
	KUNIT_ASSERT_NE_MSG(test, v, 8, "v");
	KUNIT_ASSERT_LT_MSG(test, v, 8, "v");
	KUNIT_ASSERT_LE_MSG(test, v, 7, "v");
	KUNIT_ASSERT_GT_MSG(test, v, 6, "v");
	KUNIT_ASSERT_GE_MSG(test, v, 7, "v");
	KUNIT_ASSERT_PTR_EQ_MSG(test, &v, &v, "p");
	KUNIT_ASSERT_PTR_NE_MSG(test, &v, NULL, "p");
	KUNIT_ASSERT_NULL_MSG(test, (int *)NULL, "p");
	KUNIT_ASSERT_NOT_NULL_MSG(test, &v, "p");
	KUNIT_ASSERT_NOT_ERR_OR_NULL_MSG(test, &v, "p");
	KUNIT_ASSERT_STREQ_MSG(test, hello, "hello", "s");
	KUNIT_ASSERT_STRNEQ_MSG(test, hello, "hell", "s");
	KUNIT_ASSERT_MEMEQ_MSG(test, a, a, 2, "m");
	KUNIT_ASSERT_MEMNEQ_MSG(test, a, hello, 2, "m");
	KUNIT_SUCCEED(test);
}

/* One failing expectation per family, run against a probe test. */
struct failing_check {
	const char *name;
	void (*run)(struct kunit *probe);
};

static void fail_true(struct kunit *probe) { KUNIT_EXPECT_TRUE(probe, 1 == 2); }
static void fail_false(struct kunit *probe) { KUNIT_EXPECT_FALSE(probe, 1 == 1); }
static void fail_eq(struct kunit *probe) { KUNIT_EXPECT_EQ(probe, 1, 2); }
static void fail_ne(struct kunit *probe) { KUNIT_EXPECT_NE(probe, 1, 1); }
static void fail_lt(struct kunit *probe) { KUNIT_EXPECT_LT(probe, 2, 1); }
static void fail_le(struct kunit *probe) { KUNIT_EXPECT_LE(probe, 2, 1); }
static void fail_gt(struct kunit *probe) { KUNIT_EXPECT_GT(probe, 1, 2); }
static void fail_ge(struct kunit *probe) { KUNIT_EXPECT_GE(probe, 1, 2); }
static void fail_ptr_eq(struct kunit *probe) { KUNIT_EXPECT_PTR_EQ(probe, hello, NULL); }
static void fail_ptr_ne(struct kunit *probe) { KUNIT_EXPECT_PTR_NE(probe, hello, hello); }
static void fail_null(struct kunit *probe) { KUNIT_EXPECT_NULL(probe, hello); }
static void fail_not_null(struct kunit *probe) { KUNIT_EXPECT_NOT_NULL(probe, (void *)NULL); }
static void fail_not_err(struct kunit *probe) { KUNIT_EXPECT_NOT_ERR_OR_NULL(probe, ERR_PTR(-EINVAL)); }
static void fail_not_null_ptr(struct kunit *probe) { KUNIT_EXPECT_NOT_ERR_OR_NULL(probe, (void *)NULL); }
static void fail_streq(struct kunit *probe) { KUNIT_EXPECT_STREQ(probe, hello, "world"); }
static void fail_streq_null(struct kunit *probe) { KUNIT_EXPECT_STREQ(probe, (const char *)NULL, "x"); }
static void fail_strneq(struct kunit *probe) { KUNIT_EXPECT_STRNEQ(probe, hello, "hello"); }
static void fail_memeq(struct kunit *probe) { KUNIT_EXPECT_MEMEQ(probe, hello, "help", 4); }
static void fail_memneq(struct kunit *probe) { KUNIT_EXPECT_MEMNEQ(probe, hello, "hell", 4); }
static void fail_msg(struct kunit *probe) { KUNIT_EXPECT_EQ_MSG(probe, 1, 2, "with %s", "message"); }
static void fail_fail(struct kunit *probe) { KUNIT_FAIL(probe, "explicit failure"); }

static const struct failing_check failing_checks[] = {
	{ "TRUE", fail_true }, { "FALSE", fail_false }, { "EQ", fail_eq }, { "NE", fail_ne },
	{ "LT", fail_lt }, { "LE", fail_le }, { "GT", fail_gt }, { "GE", fail_ge },
	{ "PTR_EQ", fail_ptr_eq }, { "PTR_NE", fail_ptr_ne }, { "NULL", fail_null },
	{ "NOT_NULL", fail_not_null }, { "NOT_ERR_OR_NULL on error", fail_not_err },
	{ "NOT_ERR_OR_NULL on NULL", fail_not_null_ptr }, { "STREQ", fail_streq },
	{ "STREQ with NULL", fail_streq_null }, { "STRNEQ", fail_strneq },
	{ "MEMEQ", fail_memeq }, { "MEMNEQ", fail_memneq }, { "EQ_MSG", fail_msg },
	{ "FAIL", fail_fail },
};

KUNIT_ARRAY_PARAM_DESC(failing_checks, failing_checks, name);

static void failing_expectation_marks_probe_failed(struct kunit *test)
{
	const struct failing_check *check = test->param_value;
	struct kunit probe = { .name = "probe", .status = KUNIT_SUCCESS };
	bool reached = false;

	check->run(&probe);
	reached = true;	/* an expectation does not abort */

	KUNIT_EXPECT_EQ(test, probe.status, KUNIT_FAILURE);
	KUNIT_EXPECT_TRUE(test, reached);
	KUNIT_EXPECT_NOT_NULL(test, probe.last_seen.file);
	KUNIT_EXPECT_GT(test, probe.last_seen.line, 0);
}

static void succeed_records_last_line(struct kunit *test)
{
	int seen;

	KUNIT_SUCCEED(test);
	seen = test->last_seen.line;
	KUNIT_EXPECT_EQ(test, seen, __LINE__ - 2);
	KUNIT_EXPECT_STREQ(test, test->last_seen.file, __FILE__);
}

static void current_test_is_this_test(struct kunit *test)
{
	KUNIT_EXPECT_PTR_EQ(test, kunit_get_current_test(), test);
}

static struct kunit_case kunit_checks_cases[] = {
	KUNIT_CASE(checks_pass_when_true),
	KUNIT_CASE(msg_forms_pass_when_true),
	KUNIT_CASE_PARAM(failing_expectation_marks_probe_failed, failing_checks_gen_params),
	KUNIT_CASE(succeed_records_last_line),
	KUNIT_CASE(current_test_is_this_test),
	{}
};

static struct kunit_suite kunit_checks_suite = {
	.name = "kunit_checks",
	.test_cases = kunit_checks_cases,
};

kunit_test_suite(kunit_checks_suite);
