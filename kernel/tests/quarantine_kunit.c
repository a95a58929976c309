// SPDX-License-Identifier: BSD-3-Clause
/*
 * Leak-on-failure: what the RMM refuses to give back, the host quarantines
 * (an extra page reference, the kernel's get_page) so it never reaches the
 * allocator again; everything else it still frees.  The mock kernel's
 * case hook fails a case on any page or granule left that is not
 * quarantined, so each case checks both halves.  One case per teardown
 * path a fault-injection sweep found crashing or leaking.
 */
#include "realm_test.h"

#define RMI_ERROR_INPUT		1
#define RMI_ERROR_REALM		2

/* The harness's default 40-bit IPA space: two concatenated level-1 roots. */
#define ROOT_TABLES		2

static struct mock_leaks leaks_now(void)
{
	struct mock_leaks l;

	mock_machine_leaks(&l, false);
	return l;
}

/* A realm with one populated page (RD, roots, a level-2 and a level-3 table, one DATA). */
static struct harness_vm *small_realm(struct kunit *test)
{
	struct harness_vm *vm;

	KUNIT_ASSERT_EQ(test, harness_vm_create(NULL, &vm), 0);
	KUNIT_ASSERT_EQ(test, harness_populate(vm, harness_vm_ram_base(vm), PAGE_SIZE, false,
					       NULL, 0), 0);
	return vm;
}

/* The mock itself: a reference kept on a page the RMM holds is a quarantine, not a leak. */
static void refused_page_is_quarantined(struct kunit *test)
{
	unsigned long page = get_zeroed_page(GFP_KERNEL);
	struct mock_leaks l;

	KUNIT_ASSERT_EQ(test, realm_test_delegate(virt_to_phys((void *)page)), 0);
	get_page(virt_to_page((void *)page));
	free_page(page);
	l = leaks_now();
	KUNIT_EXPECT_EQ(test, l.quarantined_pages, 1UL);
	KUNIT_EXPECT_EQ(test, l.quarantined_granules, 1ULL);
	KUNIT_EXPECT_EQ(test, l.pages, 0UL);
	KUNIT_EXPECT_EQ(test, l.granules, 0ULL);
}

/*
 * The last undelegation of a teardown (the root tables) refused: the host
 * used to free a still-delegated root (a BUG); now what the refused call
 * covered is kept and quarantined, with one WARN.  How many granules that
 * is depends on how the host undelegates (one granule per call, or the
 * whole root range in one), so the count is not fixed: at least one, no
 * more than the roots, and every granule left is quarantined.
 */
static void root_undelegate_refused(struct kunit *test)
{
	struct harness_vm *vm = small_realm(test);
	unsigned long long kept;
	unsigned long n;

	realm_test_trace_start();
	harness_vm_destroy(vm);
	n = realm_test_count(RT_CMD("GRANULE_UNDELEGATE", "GRANULE_RANGE_UNDELEGATE"));

	vm = small_realm(test);
	KUNIT_ASSERT_EQ(test, realm_test_inject(RT_CMD("GRANULE_UNDELEGATE", "GRANULE_RANGE_UNDELEGATE"), n, RMI_ERROR_INPUT, 0), 0);
	mock_warn_expect(1);
	harness_vm_destroy(vm);
	kept = realm_test_granules_in_state("DELEGATED");
	KUNIT_EXPECT_GE(test, kept, 1ULL);
	KUNIT_EXPECT_LE(test, kept, (unsigned long long)ROOT_TABLES);
	KUNIT_EXPECT_EQ(test, realm_test_granules_not_ns(), kept);
	KUNIT_EXPECT_EQ(test, leaks_now().quarantined_granules, kept);
}

/*
 * RTT_DESTROY refused mid-walk: the table and what hangs below it stay the
 * RMM's and are quarantined (the host reads their addresses), the walk goes
 * on, and REALM_DESTROY, refused for the live table, quarantines RD and roots.
 */
static void rtt_destroy_refused(struct kunit *test)
{
	struct harness_vm *vm = small_realm(test);

	KUNIT_ASSERT_EQ(test, realm_test_inject("RTT_DESTROY", 2, RMI_ERROR_INPUT, 0), 0);
	mock_warn_expect(2);
	harness_vm_destroy(vm);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("RD"), 1ULL);
	KUNIT_EXPECT_GT(test, realm_test_granules_in_state("RTT"), 2ULL);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("DATA"), 0ULL);
	KUNIT_EXPECT_EQ(test, leaks_now().quarantined_granules, realm_test_granules_not_ns());
}

/*
 * DATA_DESTROY refused at teardown: the page stays mapped, so its tables,
 * RD and roots stay too, all quarantined, and guest_memfd letting go of
 * the page no longer frees memory the RMM holds (it used to: a BUG).
 */
static void data_destroy_refused(struct kunit *test)
{
	struct harness_vm *vm = small_realm(test);

	/* The call of the walk that reaches the page (wherever the walk starts). */
	KUNIT_ASSERT_EQ(test, realm_test_inject_where(RT_CMD("DATA_DESTROY", "RTT_DATA_UNMAP"),
						      RT_CMD("ipa", "base"), harness_vm_ram_base(vm),
						      RMI_ERROR_INPUT, 0), 0);
	mock_warn_expect(4);	/* DATA_DESTROY, RTT_DESTROY at levels 3 and 2, REALM_DESTROY */
	harness_vm_destroy(vm);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("DATA"), 1ULL);
	KUNIT_EXPECT_EQ(test, leaks_now().quarantined_granules, realm_test_granules_not_ns());
}

/* REALM_DESTROY refused: RD and roots quarantined, the VMID kept (nothing to free). */
static void realm_destroy_refused(struct kunit *test)
{
	struct harness_vm *vm = small_realm(test);

	KUNIT_ASSERT_EQ(test, realm_test_inject("REALM_DESTROY", 1, RMI_ERROR_REALM, 0), 0);
	mock_warn_expect(1);
	harness_vm_destroy(vm);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("RD"), 1ULL);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("DATA"), 0ULL);
	KUNIT_EXPECT_EQ(test, leaks_now().quarantined_granules, realm_test_granules_not_ns());
}

/*
 * REC_DESTROY refused: the REC and its aux granules are quarantined, the
 * run page (never delegated) is freed; REALM_DESTROY is refused next.
 */
static void rec_destroy_refused(struct kunit *test)
{
	struct harness_vm *vm = small_realm(test);

	KUNIT_ASSERT_EQ(test, harness_vcpu_create(vm, NULL), 0);
	KUNIT_ASSERT_EQ(test, harness_activate(vm), 0);
	KUNIT_ASSERT_EQ(test, realm_test_inject("REC_DESTROY", 1, RMI_ERROR_INPUT, 0), 0);
	mock_warn_expect(2);
	harness_vm_destroy(vm);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("REC"), 1ULL);
	KUNIT_EXPECT_EQ(test, leaks_now().quarantined_granules, realm_test_granules_not_ns());
}

REALM_TEST_SUITES(realm_quarantine,
	KUNIT_CASE(refused_page_is_quarantined),
	KUNIT_CASE(root_undelegate_refused),
	KUNIT_CASE(rtt_destroy_refused),
	KUNIT_CASE(data_destroy_refused),
	KUNIT_CASE(realm_destroy_refused),
	KUNIT_CASE(rec_destroy_refused));
