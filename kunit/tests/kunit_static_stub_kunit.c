// SPDX-License-Identifier: BSD-3-Clause
/* Static stubs: redirect while active in the current test, real otherwise. */
#include <kunit/static_stub.h>
#include <kunit/test.h>

noinline int stub_target_add(int a, int b);

noinline int stub_target_add(int a, int b)
{
	KUNIT_STATIC_STUB_REDIRECT(stub_target_add, a, b);
	return a + b;
}

static int replacement_mul(int a, int b)
{
	return a * b;
}

static void real_function_runs_without_stub(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, stub_target_add(3, 4), 7);
}

static void active_stub_redirects(struct kunit *test)
{
	kunit_activate_static_stub(test, stub_target_add, replacement_mul);
	KUNIT_EXPECT_EQ(test, stub_target_add(3, 4), 12);
}

static void deactivated_stub_restores_real(struct kunit *test)
{
	kunit_activate_static_stub(test, stub_target_add, replacement_mul);
	kunit_deactivate_static_stub(test, stub_target_add);
	KUNIT_EXPECT_EQ(test, stub_target_add(3, 4), 7);
}

/* A stub from a previous case must not leak into this one (--no-fork too). */
static void stub_ends_with_its_case(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, stub_target_add(2, 5), 7);
}

static struct kunit_case kunit_static_stub_cases[] = {
	KUNIT_CASE(real_function_runs_without_stub),
	KUNIT_CASE(active_stub_redirects),
	KUNIT_CASE(deactivated_stub_restores_real),
	KUNIT_CASE(active_stub_redirects),
	KUNIT_CASE(stub_ends_with_its_case),
	{}
};

static struct kunit_suite kunit_static_stub_suite = {
	.name = "kunit_static_stub",
	.test_cases = kunit_static_stub_cases,
};

kunit_test_suite(kunit_static_stub_suite);
