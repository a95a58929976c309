// SPDX-License-Identifier: BSD-3-Clause
/*
 * The mock kernel catches host bugs: every case here does one on purpose
 * and must FAIL with the right report (CTest checks the output, see
 * mock-detects-required.txt).  A case that passes means the mock missed a
 * bug.  The last case is the control: the same steps done right pass.
 */
#include <linux/mm.h>
#include <linux/slab.h>

#include "realm_test.h"

/* Reading a page the realm owns: a Granule Protection Fault. */
static void gpf_on_realm_data(struct kunit *test)
{
	struct harness_vm *vm = realm_test_vm(test, NULL);
	struct kvm_memory_slot *slot;
	struct page *page;
	kvm_pfn_t pfn;
	volatile unsigned char *p;

	KUNIT_ASSERT_EQ(test, harness_populate(vm, harness_vm_ram_base(vm), PAGE_SIZE, false,
					       "s", 1), 0);
	slot = gfn_to_memslot(harness_vm_kvm(vm), gpa_to_gfn(harness_vm_ram_base(vm)));
	KUNIT_ASSERT_EQ(test, kvm_gmem_get_pfn(harness_vm_kvm(vm), slot,
					       gpa_to_gfn(harness_vm_ram_base(vm)), &pfn, &page,
					       NULL), 0);
	p = page_address(page);
	kunit_info(test, "reading PA 0x%llx, which is DATA now", (u64)pfn << PAGE_SHIFT);
	(void)*p;
	KUNIT_FAIL(test, "no Granule Protection Fault");
}

static void virt_to_phys_of_a_stack_address(struct kunit *test)
{
	int on_stack = 0;

	kunit_info(test, "PA 0x%llx", virt_to_phys(&on_stack));
	KUNIT_FAIL(test, "virt_to_phys() of a non-linear-map address went unnoticed");
}

static void page_leaked(struct kunit *test)
{
	KUNIT_EXPECT_NE(test, __get_free_page(GFP_KERNEL), 0UL);
}

static void kmalloc_leaked(struct kunit *test)
{
	KUNIT_EXPECT_NOT_NULL(test, kmalloc(40, GFP_KERNEL));
}

static void granule_left_delegated(struct kunit *test)
{
	struct harness_vm *vm;

	KUNIT_ASSERT_EQ(test, harness_vm_create(NULL, &vm), 0);
	KUNIT_ASSERT_EQ(test, harness_populate(vm, harness_vm_ram_base(vm), PAGE_SIZE, false,
					       NULL, 0), 0);
	/* No teardown: the RD, tables and data stay with the RMM. */
}

static void unexpected_warn(struct kunit *test)
{
	WARN_ON(1 + 1 == 2);
}

static void bug_on(struct kunit *test)
{
	BUG_ON(test);
	KUNIT_FAIL(test, "BUG_ON() returned");
}

static void freeing_a_delegated_page(struct kunit *test)
{
	unsigned long page = get_zeroed_page(GFP_KERNEL);

	KUNIT_ASSERT_EQ(test, realm_test_delegate(virt_to_phys((void *)page)), 0);
	free_page(page);
	KUNIT_FAIL(test, "freeing a delegated page went unnoticed");
}

/* A reference kept on a page the RMM does not hold is a leak, not a quarantine. */
static void extra_reference_on_ns_page(struct kunit *test)
{
	unsigned long page = get_zeroed_page(GFP_KERNEL);

	get_page(virt_to_page((void *)page));
	free_page(page);
}

static void control_done_right(struct kunit *test)
{
	struct harness_vm *vm = realm_test_vm(test, NULL);
	unsigned long page = __get_free_page(GFP_KERNEL);

	KUNIT_ASSERT_EQ(test, harness_populate(vm, harness_vm_ram_base(vm), PAGE_SIZE, false,
					       NULL, 0), 0);
	free_page(page);
	kfree(kmalloc(40, GFP_KERNEL));
	mock_warn_expect(1);
	WARN_ON(page);
}

static struct kunit_case mock_detects_cases[] = {
	KUNIT_CASE(gpf_on_realm_data),
	KUNIT_CASE(virt_to_phys_of_a_stack_address),
	KUNIT_CASE(page_leaked),
	KUNIT_CASE(kmalloc_leaked),
	KUNIT_CASE(granule_left_delegated),
	KUNIT_CASE(unexpected_warn),
	KUNIT_CASE(bug_on),
	KUNIT_CASE(freeing_a_delegated_page),
	KUNIT_CASE(extra_reference_on_ns_page),
	KUNIT_CASE(control_done_right),
	{}
};

static struct kunit_suite mock_detects_suite = {
	.name = "mock_kernel_detects",
	.init = realm_test_init,
	.test_cases = mock_detects_cases,
};

kunit_test_suites(&mock_detects_suite);
