// SPDX-License-Identifier: BSD-3-Clause
/*
 * Managed memory: kunit_kzalloc() and friends give usable memory that is
 * freed when the case ends. The leak check hook of this binary
 * (alloc_counter.c) fails any case that ends with live allocations.
 */
#include <kunit/test.h>

static void kzalloc_is_zeroed(struct kunit *test)
{
	u8 *buf = kunit_kzalloc(test, 256, GFP_KERNEL);
	static const u8 zeros[256];

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_EXPECT_MEMEQ(test, buf, zeros, sizeof(zeros));
}

static void kcalloc_is_zeroed_and_checks_overflow(struct kunit *test)
{
	u32 *v = kunit_kcalloc(test, 16, sizeof(*v), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, v);
	for (int i = 0; i < 16; i++)
		KUNIT_EXPECT_EQ(test, v[i], 0);
	KUNIT_EXPECT_NULL(test, kunit_kmalloc_array(test, SIZE_MAX / 2, 4, GFP_KERNEL));
}

static void kstrdup_copies(struct kunit *test)
{
	const char *orig = "realm";
	char *copy = kunit_kstrdup(test, orig, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, copy);
	KUNIT_EXPECT_PTR_NE(test, copy, orig);
	KUNIT_EXPECT_STREQ(test, copy, orig);
	KUNIT_EXPECT_NULL(test, kunit_kstrdup(test, NULL, GFP_KERNEL));
	KUNIT_EXPECT_STREQ(test, kunit_kstrdup_const(test, orig, GFP_KERNEL), orig);
}

/* Nothing is freed here: the leak check fails this case if the runner does not. */
static void managed_memory_is_freed_at_case_end(struct kunit *test)
{
	for (int i = 0; i < 8; i++)
		KUNIT_ASSERT_NOT_NULL(test, kunit_kmalloc(test, 64 << i, GFP_KERNEL));
}

static void kfree_early_frees_once(struct kunit *test)
{
	void *p = kunit_kmalloc(test, 32, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	kunit_kfree(test, p);	/* a second free at case end would crash ASan builds */
	kunit_kfree(test, NULL);
}

static struct kunit_case kunit_memory_cases[] = {
	KUNIT_CASE(kzalloc_is_zeroed),
	KUNIT_CASE(kcalloc_is_zeroed_and_checks_overflow),
	KUNIT_CASE(kstrdup_copies),
	KUNIT_CASE(managed_memory_is_freed_at_case_end),
	KUNIT_CASE(kfree_early_frees_once),
	{}
};

static struct kunit_suite kunit_memory_suite = {
	.name = "kunit_memory",
	.test_cases = kunit_memory_cases,
};

kunit_test_suite(kunit_memory_suite);
