// SPDX-License-Identifier: BSD-3-Clause
/* The base mock kernel headers behave as the kernel's do. */
#include <linux/bitops.h>
#include <linux/bits.h>
#include <linux/build_bug.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/limits.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/stringify.h>
#include <linux/types.h>

#include <kunit/test.h>

static_assert(sizeof(u64) == 8 && sizeof(u32) == 4 && sizeof(u16) == 2 && sizeof(u8) == 1);
static_assert(sizeof(phys_addr_t) == 8, "arm64 physical addresses");
static_assert(IS_ENABLED(CONFIG_CCA_DOUBLE_NOT_SET) == 0);

struct outer {
	int a;
	long member;
};

static void bits_and_masks(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, BIT(0), 1UL);
	KUNIT_EXPECT_EQ(test, BIT(63), 0x8000000000000000UL);
	KUNIT_EXPECT_EQ(test, BIT_ULL(40), 0x10000000000ULL);
	KUNIT_EXPECT_EQ(test, GENMASK(7, 4), 0xf0UL);
	KUNIT_EXPECT_EQ(test, GENMASK(63, 0), ~0UL);
	KUNIT_EXPECT_EQ(test, GENMASK_ULL(47, 12), 0xfffffffff000ULL);
	KUNIT_EXPECT_EQ(test, __ffs(0x100UL), 8UL);
	KUNIT_EXPECT_EQ(test, fls(0x100), 9);
	KUNIT_EXPECT_EQ(test, fls64(0), 0);
	KUNIT_EXPECT_EQ(test, hweight64(0xff00ULL), 8UL);
}

static void rounding_and_limits(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, ALIGN(0x1001UL, 0x1000), 0x2000UL);
	KUNIT_EXPECT_EQ(test, ALIGN_DOWN(0x1fffUL, 0x1000), 0x1000UL);
	KUNIT_EXPECT_TRUE(test, IS_ALIGNED(0x3000UL, 0x1000));
	KUNIT_EXPECT_EQ(test, round_up(5, 4), 8);
	KUNIT_EXPECT_EQ(test, round_down(5, 4), 4);
	KUNIT_EXPECT_EQ(test, DIV_ROUND_UP(9, 4), 3);
	KUNIT_EXPECT_EQ(test, roundup(10, 3), 12);
	KUNIT_EXPECT_EQ(test, U64_MAX, 0xffffffffffffffffULL);
	KUNIT_EXPECT_EQ(test, S32_MIN, -2147483647 - 1);
	KUNIT_EXPECT_EQ(test, upper_32_bits(0x1234567800000000ULL), 0x12345678U);
	KUNIT_EXPECT_EQ(test, lower_32_bits(0x12345678abcdef01ULL), 0xabcdef01U);
}

static void min_max_clamp_swap(struct kunit *test)
{
	int a = 3, b = 9, calls = 0;

	KUNIT_EXPECT_EQ(test, min(a, b), 3);
	KUNIT_EXPECT_EQ(test, max(a, b), 9);
	KUNIT_EXPECT_EQ(test, min_t(u8, 300, 5), 5);
	KUNIT_EXPECT_EQ(test, clamp(12, 0, 10), 10);
	KUNIT_EXPECT_EQ(test, clamp(-1, 0, 10), 0);
	KUNIT_EXPECT_EQ(test, max((calls++, 1), 0), 1);
	KUNIT_EXPECT_EQ(test, calls, 1);	/* arguments evaluated once */
	swap(a, b);
	KUNIT_EXPECT_EQ(test, a, 9);
	KUNIT_EXPECT_EQ(test, b, 3);
}

static void container_of_and_array_size(struct kunit *test)
{
	struct outer o;
	int arr[7];

	KUNIT_EXPECT_PTR_EQ(test, container_of(&o.member, struct outer, member), &o);
	KUNIT_EXPECT_EQ(test, ARRAY_SIZE(arr), 7);
	KUNIT_EXPECT_EQ(test, sizeof_field(struct outer, member), sizeof(long));
	KUNIT_EXPECT_STREQ(test, __stringify(EINVAL), "22");
	BUILD_BUG_ON(sizeof(arr) != 7 * sizeof(int));
}

static void error_pointers(struct kunit *test)
{
	void *e = ERR_PTR(-ENOMEM);
	int x;

	KUNIT_EXPECT_TRUE(test, IS_ERR(e));
	KUNIT_EXPECT_EQ(test, PTR_ERR(e), -12L);
	KUNIT_EXPECT_TRUE(test, IS_ERR_OR_NULL(NULL));
	KUNIT_EXPECT_FALSE(test, IS_ERR_OR_NULL(&x));
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(&x), 0);
	KUNIT_EXPECT_EQ(test, EINVAL, 22);
	KUNIT_EXPECT_EQ(test, ENOTSUPP, 524);
}

static void strings(struct kunit *test)
{
	char small[4];
	char big[16];

	KUNIT_EXPECT_EQ(test, strscpy(small, "abcdef"), -E2BIG);
	KUNIT_EXPECT_STREQ(test, small, "abc");
	KUNIT_EXPECT_EQ(test, strscpy(big, "abc"), 3);
	KUNIT_EXPECT_EQ(test, strscpy(big, "abcdef", 3), -E2BIG);
	KUNIT_EXPECT_STREQ(test, big, "ab");
	KUNIT_EXPECT_EQ(test, strscpy_pad(big, "xy"), 2);
	KUNIT_EXPECT_EQ(test, big[15], 0);
}

/* Also checks that slab_malloc.c agrees with gfp_types.h on __GFP_ZERO. */
static void kmalloc_family(struct kunit *test)
{
	static const u8 zeros[64];
	u8 *p = kmalloc(64, GFP_KERNEL);
	char *s;

	KUNIT_ASSERT_NOT_NULL(test, p);
	memset(p, 0xaa, 64);
	kfree(p);
	p = kzalloc(64, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_MEMEQ(test, p, zeros, 64);
	kfree(p);

	p = kcalloc(4, 16, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_MEMEQ(test, p, zeros, 64);
	kfree(p);

	KUNIT_EXPECT_PTR_EQ(test, kmalloc(0, GFP_KERNEL), ZERO_SIZE_PTR);
	kfree(ZERO_SIZE_PTR);
	kfree(NULL);
	KUNIT_EXPECT_NULL(test, kmalloc_array(SIZE_MAX, 2, GFP_KERNEL));

	s = kstrdup("granule", GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_EXPECT_STREQ(test, s, "granule");
	kfree(s);
}

static void printk_prints(struct kunit *test)
{
	pr_info("kernel_base: pr_info line from a test\n");
	pr_err("kernel_base: pr_err line without newline");
	pr_debug("kernel_base: pr_debug is compiled out %d\n", 1);
	KUNIT_SUCCEED(test);
}

static struct kunit_case kernel_base_cases[] = {
	KUNIT_CASE(bits_and_masks),
	KUNIT_CASE(rounding_and_limits),
	KUNIT_CASE(min_max_clamp_swap),
	KUNIT_CASE(container_of_and_array_size),
	KUNIT_CASE(error_pointers),
	KUNIT_CASE(strings),
	KUNIT_CASE(kmalloc_family),
	KUNIT_CASE(printk_prints),
	{}
};

static struct kunit_suite kernel_base_suite = {
	.name = "kernel_base",
	.test_cases = kernel_base_cases,
};

kunit_test_suite(kernel_base_suite);
