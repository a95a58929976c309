// SPDX-License-Identifier: BSD-3-Clause
/*
 * The mock kernel catches host bugs: every case here does one on purpose
 * and must FAIL with the right report (CTest checks the output, see
 * mock-detects-required.txt).  A case that passes means the mock missed a
 * bug.  locks_done_right and the last case are the controls: the same
 * steps done right pass.
 */
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

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

/* The VMM's memory is not the kernel's: freeing it as kernel pages is a bug. */
static void vmm_memory_freed_as_kernel_pages(struct kunit *test)
{
	void *p = mock_user_pages_alloc(2 * PAGE_SIZE);

	free_pages_exact(p, 2 * PAGE_SIZE);
	KUNIT_FAIL(test, "free_pages_exact() of VMM memory went unnoticed");
}

/* ... and the other way round. */
static void kernel_pages_freed_as_vmm_memory(struct kunit *test)
{
	void *p = alloc_pages_exact(2 * PAGE_SIZE, GFP_KERNEL);

	mock_user_pages_free(p, 2 * PAGE_SIZE);
	KUNIT_FAIL(test, "mock_user_pages_free() of kernel pages went unnoticed");
}

/* ---- lockdep-lite (cca-double/mock-sync.h) ---- */

static DEFINE_MUTEX(lock_a);
static DEFINE_MUTEX(lock_b);
static DEFINE_SPINLOCK(spin_c);
static DEFINE_RWLOCK(rw_d);

static void take_a_then_b(void *unused)
{
	mutex_lock(&lock_a);
	mutex_lock(&lock_b);
	mutex_unlock(&lock_b);
	mutex_unlock(&lock_a);
}

/* A then B once, B then A later: two threads doing so can deadlock, whether or not this run did. */
static void lock_order_inversion(struct kunit *test)
{
	take_a_then_b(NULL);
	mutex_lock(&lock_b);
	mutex_lock(&lock_a);
	mutex_unlock(&lock_a);
	mutex_unlock(&lock_b);
}

/* The same orders on two threads (one after the other: the graph is shared). */
static void lock_order_inversion_across_threads(struct kunit *test)
{
	struct mock_thread *t = mock_thread_start(take_a_then_b, NULL, 1);

	KUNIT_ASSERT_NOT_NULL(test, t);
	KUNIT_ASSERT_TRUE(test, mock_thread_join(t, 5000));
	mutex_lock(&lock_b);
	mutex_lock(&lock_a);
	mutex_unlock(&lock_a);
	mutex_unlock(&lock_b);
}

/* Taking a spinlock the thread holds: the real lock would never be granted. */
static void recursive_spin_lock(struct kunit *test)
{
	spin_lock(&spin_c);
	spin_lock(&spin_c);
	KUNIT_FAIL(test, "the second spin_lock() returned");
}

static void mutex_under_spinlock(struct kunit *test)
{
	spin_lock(&spin_c);
	mutex_lock(&lock_a);
	mutex_unlock(&lock_a);
	spin_unlock(&spin_c);
}

/* GFP_KERNEL may sleep: not under a spinning rwlock such as kvm->mmu_lock. */
static void blocking_alloc_under_rwlock(struct kunit *test)
{
	void *p;

	write_lock(&rw_d);
	p = kmalloc(64, GFP_KERNEL);
	write_unlock(&rw_d);
	kfree(p);
}

static void unlock_not_held(struct kunit *test)
{
	mutex_unlock(&lock_a);
}

static void assert_held_not_held(struct kunit *test)
{
	lockdep_assert_held(&lock_a);
}

/* What lockdep-lite must accept: the same order everywhere, read recursion, atomic allocations. */
static void locks_done_right(struct kunit *test)
{
	struct mock_thread *t = mock_thread_start(take_a_then_b, NULL, 1);
	struct mock_lockdep_stats st;
	void *p;

	KUNIT_ASSERT_NOT_NULL(test, t);
	take_a_then_b(NULL);
	KUNIT_ASSERT_TRUE(test, mock_thread_join(t, 5000));
	mutex_lock(&lock_a);
	lockdep_assert_held(&lock_a);
	spin_lock(&spin_c);		/* a spinlock under a mutex: fine */
	p = kmalloc(64, GFP_ATOMIC);	/* cannot sleep: fine */
	spin_unlock(&spin_c);
	mutex_unlock(&lock_a);
	kfree(p);
	read_lock(&rw_d);
	read_lock(&rw_d);		/* rwlock_t readers recurse */
	lockdep_assert_held_read(&rw_d);
	read_unlock(&rw_d);
	read_unlock(&rw_d);
	mock_lockdep_stats(&st);
	KUNIT_EXPECT_EQ(test, st.inversions + st.recursions + st.atomic_sleeps + st.bad_unlocks, 0U);
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
	KUNIT_CASE(vmm_memory_freed_as_kernel_pages),
	KUNIT_CASE(kernel_pages_freed_as_vmm_memory),
	KUNIT_CASE(lock_order_inversion),
	KUNIT_CASE(lock_order_inversion_across_threads),
	KUNIT_CASE(recursive_spin_lock),
	KUNIT_CASE(mutex_under_spinlock),
	KUNIT_CASE(blocking_alloc_under_rwlock),
	KUNIT_CASE(unlock_not_held),
	KUNIT_CASE(assert_held_not_held),
	KUNIT_CASE(locks_done_right),
	KUNIT_CASE(control_done_right),
	{}
};

static struct kunit_suite mock_detects_suite = {
	.name = "mock_kernel_detects",
	.init = realm_test_init,
	.test_cases = mock_detects_cases,
};

kunit_test_suites(&mock_detects_suite);
