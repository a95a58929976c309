// SPDX-License-Identifier: BSD-3-Clause
/*
 * What the mock kernel's pages hold (kernel/README.md): fresh pages hold
 * 0x6b unless __GFP_ZERO, freed kernel pages 0x6b again; a large zeroed
 * block (given back to the arena, not written) reads as zeros however
 * dirty its pages were; the VMM's memory (mock_user_pages_alloc) starts
 * zeroed and keeps its contents when freed.  The allocator takes blocks
 * from the top of the arena down, so a block freed and asked for again at
 * the same size comes back at the same address: each case checks that it
 * looked at the pages it meant to.
 */
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/string.h>

#include <kunit/test.h>

#include <cca-double/mock-kernel.h>

#include "realm_test.h"

#define POISON 0x6b
#define BIG (32 * PAGE_SIZE)	/* above the size zeroed by giving pages back */

static bool all_bytes(const void *p, size_t len, unsigned char b)
{
	const unsigned char *c = p;

	for (size_t i = 0; i < len; i++)
		if (c[i] != b)
			return false;
	return true;
}

static void kernel_pages_poisoned_fresh_and_freed(struct kunit *test)
{
	unsigned char *p = (unsigned char *)__get_free_page(GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, all_bytes(p, PAGE_SIZE, POISON));
	memset(p, 0, PAGE_SIZE);
	free_page((unsigned long)p);
	/* Read after free on purpose: what a use-after-free would see. */
	KUNIT_EXPECT_TRUE(test, all_bytes(p, PAGE_SIZE, POISON));
}

static void large_zeroed_block_reads_zero(struct kunit *test)
{
	unsigned char *dirty = alloc_pages_exact(BIG, GFP_KERNEL), *zeroed;

	KUNIT_ASSERT_NOT_NULL(test, dirty);
	memset(dirty, 0xa5, BIG);
	free_pages_exact(dirty, BIG);
	zeroed = alloc_pages_exact(BIG, GFP_KERNEL | __GFP_ZERO);
	KUNIT_ASSERT_PTR_EQ(test, zeroed, dirty);
	KUNIT_EXPECT_TRUE(test, all_bytes(zeroed, BIG, 0));
	free_pages_exact(zeroed, BIG);
}

static void vmm_memory_zeroed_and_kept_when_freed(struct kunit *test)
{
	unsigned char *dirty = alloc_pages_exact(BIG, GFP_KERNEL), *user;

	KUNIT_ASSERT_NOT_NULL(test, dirty);
	free_pages_exact(dirty, BIG);		/* poisoned */
	user = mock_user_pages_alloc(BIG);
	KUNIT_ASSERT_PTR_EQ(test, user, dirty);
	KUNIT_EXPECT_TRUE(test, all_bytes(user, BIG, 0));
	memset(user, 0x5a, BIG);
	mock_user_pages_free(user, BIG);
	/* munmap'd memory is nobody's: not refilled. */
	KUNIT_EXPECT_TRUE(test, all_bytes(user, BIG, 0x5a));
}

static struct kunit_case mock_page_alloc_cases[] = {
	KUNIT_CASE(kernel_pages_poisoned_fresh_and_freed),
	KUNIT_CASE(large_zeroed_block_reads_zero),
	KUNIT_CASE(vmm_memory_zeroed_and_kept_when_freed),
	{}
};

static struct kunit_suite mock_page_alloc_suite = {
	.name = "mock_page_alloc",
	.init = realm_test_init,
	.test_cases = mock_page_alloc_cases,
};

kunit_test_suites(&mock_page_alloc_suite);
