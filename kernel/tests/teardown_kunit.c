// SPDX-License-Identifier: BSD-3-Clause
/*
 * Unmapping and teardown: every granule back to NS after sparse and dense
 * maps (the RTT_DESTROY walk driven by index and top), unmap with
 * DATA_DESTROY (2.0 RTT_DATA_UNMAP) and folding of emptied tables.
 */
#include "realm_test.h"

#define SZ_2M_ULL (2ULL << 20)
/*
 * 1.0 unmaps data a granule per call; 2.0 a contiguous run of granules
 * per call (SINGLE output), which here is also one: guest_memfd's pages
 * are not physically contiguous.
 */
#define UNMAP_DATA	RT_CMD("DATA_DESTROY", "RTT_DATA_UNMAP")

static void teardown_dense(struct kunit *test)
{
	struct harness_vm_config cfg = { .ram_size = 4 * SZ_2M_ULL };
	struct harness_vm *vm;

	KUNIT_ASSERT_EQ(test, harness_vm_create(&cfg, &vm), 0);
	KUNIT_ASSERT_EQ(test, harness_populate(vm, harness_vm_ram_base(vm), 4 * SZ_2M_ULL, false,
					       NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("DATA"), 4ULL * 512);
	realm_test_trace_start();
	harness_vm_destroy(vm);
	KUNIT_EXPECT_EQ(test, realm_test_granules_not_ns(), 0ULL);
	/* One per page, and a few that skip what is not there. */
	KUNIT_EXPECT_GE(test, realm_test_count(UNMAP_DATA), 4UL * 512);
	KUNIT_EXPECT_LE(test, realm_test_count(UNMAP_DATA), 4UL * 512 + 16);
	/* Four level-3 tables (folded or destroyed) and one level-2 table. */
	KUNIT_EXPECT_GE(test, realm_test_count("RTT_DESTROY") + realm_test_count("RTT_FOLD"), 5UL);
}

/* One page in each of several 2 MiB blocks and two 1 GiB regions. */
static void teardown_sparse(struct kunit *test)
{
	struct harness_vm_config cfg = { .ram_base = 0x40000000, .ram_size = 0x40200000,
					  .no_shared_backing = true };
	static const unsigned long long offs[] = { 0, 0x200000, 0x600000, 0x3fe00000, 0x40000000 };
	struct harness_vm *vm;
	unsigned long calls;

	KUNIT_ASSERT_EQ(test, harness_vm_create(&cfg, &vm), 0);
	for (unsigned int i = 0; i < ARRAY_SIZE(offs); i++)
		KUNIT_ASSERT_EQ(test, harness_populate(vm, harness_vm_ram_base(vm) + offs[i],
						       PAGE_SIZE, false, NULL, 0), 0);
	/* Two level-2 tables, five level-3 tables, plus the roots. */
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("RTT"), 2ULL + 2 + 5);
	realm_test_trace_start();
	harness_vm_destroy(vm);
	KUNIT_EXPECT_EQ(test, realm_test_granules_not_ns(), 0ULL);
	/* The walk skips what is not there: far fewer calls than pages. */
	calls = realm_test_count(UNMAP_DATA) + realm_test_count("RTT_DESTROY") +
		realm_test_count(RT_CMD("RTT_UNMAP_UNPROTECTED", "RTT_UNPROT_UNMAP"));
	KUNIT_EXPECT_LT(test, calls, 20000UL);
	KUNIT_EXPECT_EQ(test, realm_test_count("RTT_DESTROY") >= 7, true);
}

static void teardown_after_activation(struct kunit *test)
{
	struct harness_vm *vm;

	KUNIT_ASSERT_EQ(test, harness_vm_create(NULL, &vm), 0);
	KUNIT_ASSERT_EQ(test, harness_populate(vm, harness_vm_ram_base(vm), 8 * PAGE_SIZE, true,
					       NULL, 0), 0);
	KUNIT_ASSERT_EQ(test, harness_activate(vm), 0);
	harness_vm_destroy(vm);
	KUNIT_EXPECT_EQ(test, realm_test_granules_not_ns(), 0ULL);
}

static void unmap_destroys_data_and_folds(struct kunit *test)
{
	struct harness_vm *vm = realm_test_vm(test, &(struct harness_vm_config){ .ram_size = 2 * SZ_2M_ULL });
	unsigned long long base = harness_vm_ram_base(vm);
	unsigned long long rtts;

	KUNIT_ASSERT_EQ(test, harness_populate(vm, base, 2 * SZ_2M_ULL, false, NULL, 0), 0);
	KUNIT_ASSERT_EQ(test, harness_activate(vm), 0);
	rtts = realm_test_granules_in_state("RTT");
	realm_test_trace_start();
	KUNIT_EXPECT_EQ(test, harness_unmap(vm, base, SZ_2M_ULL), 0);
	KUNIT_EXPECT_EQ(test, realm_test_count(UNMAP_DATA), 512UL);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("DATA"), 512ULL);
	/* The emptied level-3 table folded away. */
	KUNIT_EXPECT_EQ(test, realm_test_count("RTT_FOLD") >= 1, true);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("RTT"), rtts - 1);
	/* Unmapping again finds nothing. */
	realm_test_trace_start();
	KUNIT_EXPECT_EQ(test, harness_unmap(vm, base, SZ_2M_ULL), 0);
	KUNIT_EXPECT_LE(test, realm_test_count(UNMAP_DATA), 2UL);
}

static void unmap_partial_block_keeps_table(struct kunit *test)
{
	struct harness_vm *vm = realm_test_vm(test, NULL);
	unsigned long long base = harness_vm_ram_base(vm);
	unsigned long long rtts;

	KUNIT_ASSERT_EQ(test, harness_populate(vm, base, 16 * PAGE_SIZE, false, NULL, 0), 0);
	rtts = realm_test_granules_in_state("RTT");
	KUNIT_EXPECT_EQ(test, harness_unmap(vm, base + 4 * PAGE_SIZE, 4 * PAGE_SIZE), 0);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("DATA"), 12ULL);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("RTT"), rtts);
}

REALM_TEST_SUITES(realm_teardown,
	KUNIT_CASE(teardown_dense),
	KUNIT_CASE(teardown_sparse),
	KUNIT_CASE(teardown_after_activation),
	KUNIT_CASE(unmap_destroys_data_and_folds),
	KUNIT_CASE(unmap_partial_block_keeps_table));
