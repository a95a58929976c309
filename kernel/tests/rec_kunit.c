// SPDX-License-Identifier: BSD-3-Clause
/*
 * RECs and the run loop, with the guest programs of scenarios/guests run
 * on the fake RMM's vCPU: each exit reason the host handles (HOST_CALL,
 * MMIO data aborts, PSCI, RIPAS_CHANGE, IRQ, stage-2 faults on protected
 * and unprotected memory), PSCI CPU_ON across two vCPUs, RIPAS changes
 * accepted and declined.
 */
#include <linux/string.h>
#include <uapi/linux/kvm.h>

#include "realm_test.h"

/* Emulated MMIO lives in the unprotected half (a protected IPA would be an SEA). */
#define MMIO_IPA	((1ULL << 39) | 0x10000000ULL)

/* A VM with the program loaded at the start of RAM and n vCPUs, vCPU 0 entering it. */
static struct harness_vm *guest_vm(struct kunit *test, const char *guest, unsigned int nvcpus,
				   const unsigned long long *x, unsigned int nx)
{
	struct harness_vm *vm = realm_test_vm(test, NULL);
	unsigned long long entry;
	int id;

	KUNIT_ASSERT_EQ(test, harness_load_guest(vm, guest, harness_vm_ram_base(vm), true, &entry),
			0);
	for (unsigned int i = 0; i < nvcpus; i++)
		KUNIT_ASSERT_EQ(test, harness_vcpu_create(vm, &id), 0);
	KUNIT_ASSERT_EQ(test, harness_vcpu_set_entry(vm, 0, entry, x, nx), 0);
	return vm;
}

static void rec_created_at_first_run(struct kunit *test)
{
	struct harness_vm *vm = guest_vm(test, "host_call", 2, NULL, 0);
	struct harness_run run = { .stop_on_reason = RMI_EXIT_HOST_CALL };

	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("REC"), 0ULL);
	harness_vcpu_run(vm, 0, &run);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("REC"), 2ULL);
	KUNIT_EXPECT_EQ(test, harness_vm_realm_state(vm), REALM_STATE_ACTIVE);
	/* No vCPU can be added to an active realm. */
	KUNIT_EXPECT_EQ(test, harness_vcpu_create(vm, NULL), -EBUSY);
}

static void exit_host_call(struct kunit *test)
{
	static const unsigned long long x[] = { 7, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77 };
	struct harness_vm *vm = guest_vm(test, "host_call", 1, x, 8);
	struct harness_run run = { .stop_on_reason = RMI_EXIT_HOST_CALL };

	harness_vcpu_run(vm, 0, &run);
	KUNIT_ASSERT_TRUE(test, run.stopped_on_reason);
	KUNIT_EXPECT_EQ(test, run.last_imm, 7U);
	KUNIT_EXPECT_EQ(test, run.last_gprs[0], 0x11ULL);
	KUNIT_EXPECT_EQ(test, run.last_gprs[6], 0x77ULL);
	KUNIT_EXPECT_EQ(test, harness_vcpu(vm, 0)->stat.hvc_exit_stat, 1ULL);

	/* On to the end: SYSTEM_OFF is a PSCI exit KVM turns into a system event. */
	memset(&run, 0, sizeof(run));
	run.stop_on_reason = -1;
	harness_vcpu_run(vm, 0, &run);
	KUNIT_EXPECT_TRUE(test, run.powered_off);
	KUNIT_EXPECT_EQ(test, run.kvm_exit_reason, (unsigned int)KVM_EXIT_SYSTEM_EVENT);
	KUNIT_EXPECT_EQ(test, run.last_reason, (unsigned int)RMI_EXIT_PSCI);
}

static void exit_mmio(struct kunit *test)
{
	static const unsigned long long x[] = { MMIO_IPA };
	struct harness_vm *vm = guest_vm(test, "hello_mmio", 1, x, 1);
	struct harness_run run = { .stop_on_reason = -1, .mmio_read_value = 0x5a5a5a5a };
	unsigned long long data = realm_test_granules_in_state("DATA");

	harness_vcpu_run(vm, 0, &run);
	KUNIT_EXPECT_TRUE(test, run.powered_off);
	KUNIT_EXPECT_GE(test, run.mmio_exits, 5U);
	KUNIT_EXPECT_EQ(test, run.mmio_addr & ~0xfffULL, MMIO_IPA);
	KUNIT_EXPECT_GE(test, run.by_reason[RMI_EXIT_SYNC], 5U);
	/* Emulated MMIO is never mapped: nothing but the image became data. */
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("DATA"), data);
}

/* A stop on SYNC ends the run at the first MMIO exit, which the VMM still completes. */
static void stop_on_mmio_exit(struct kunit *test)
{
	static const unsigned long long x[] = { MMIO_IPA };
	struct harness_vm *vm = guest_vm(test, "hello_mmio", 1, x, 1);
	struct harness_run run = { .stop_on_reason = RMI_EXIT_SYNC };

	harness_vcpu_run(vm, 0, &run);
	KUNIT_EXPECT_TRUE(test, run.stopped_on_reason);
	KUNIT_EXPECT_EQ(test, run.exits, 1U);
	KUNIT_EXPECT_EQ(test, run.mmio_exits, 1U);
	KUNIT_EXPECT_EQ(test, run.mmio_written, 0x11ULL);

	memset(&run, 0, sizeof(run));
	run.stop_on_reason = -1;
	harness_vcpu_run(vm, 0, &run);
	KUNIT_EXPECT_TRUE(test, run.powered_off);
	KUNIT_EXPECT_EQ(test, run.mmio_exits, 4U);
}

static void exit_irq_bounded(struct kunit *test)
{
	struct harness_vm *vm = guest_vm(test, "spin", 1, NULL, 0);
	struct harness_run run = { .stop_on_reason = -1, .max_exits = 5 };

	harness_vcpu_run(vm, 0, &run);
	KUNIT_EXPECT_TRUE(test, run.exhausted);
	KUNIT_EXPECT_EQ(test, run.exits, 5U);
	KUNIT_EXPECT_EQ(test, run.by_reason[RMI_EXIT_IRQ], 5U);
}

/* A load from RAM nobody populated: a stage-2 fault, mapped with DATA_CREATE_UNKNOWN. */
static void protected_fault_maps_data(struct kunit *test)
{
	struct harness_vm *vm = realm_test_vm(test, NULL);
	unsigned long long entry, x[1];
	struct harness_run run = { .stop_on_reason = -1, .max_exits = 8 };

	KUNIT_ASSERT_EQ(test, harness_load_guest(vm, "read_loop", harness_vm_ram_base(vm), true,
						 &entry), 0);
	x[0] = harness_vm_ram_base(vm) + (1 << 20);
	KUNIT_ASSERT_EQ(test, harness_vcpu_create(vm, NULL), 0);
	KUNIT_ASSERT_EQ(test, harness_vcpu_set_entry(vm, 0, entry, x, 1), 0);
	realm_test_trace_start();
	harness_vcpu_run(vm, 0, &run);
	KUNIT_EXPECT_EQ(test, realm_test_count(RT_CMD("DATA_CREATE_UNKNOWN", "RTT_DATA_MAP")), 1UL);
	KUNIT_EXPECT_GE(test, run.by_reason[RMI_EXIT_SYNC], 1U);
}

/* The unprotected alias: KVM's attributes convert to shared, then RTT_MAP_UNPROTECTED. */
static void unprotected_fault_maps_shared_page(struct kunit *test)
{
	struct harness_vm *vm = realm_test_vm(test, NULL);
	unsigned long long entry, x[1];
	struct harness_run run = { .stop_on_reason = -1, .max_exits = 8 };

	KUNIT_ASSERT_EQ(test, harness_load_guest(vm, "read_loop", harness_vm_ram_base(vm), true,
						 &entry), 0);
	x[0] = (harness_vm_ram_base(vm) + (1 << 20)) | (1ULL << (harness_vm_ipa_bits(vm) - 1));
	KUNIT_ASSERT_EQ(test, harness_vcpu_create(vm, NULL), 0);
	KUNIT_ASSERT_EQ(test, harness_vcpu_set_entry(vm, 0, entry, x, 1), 0);
	realm_test_trace_start();
	harness_vcpu_run(vm, 0, &run);
	/* ERROR_RTT for the missing tables, then the mapping. */
	KUNIT_EXPECT_GE(test, realm_test_count(RT_CMD("RTT_MAP_UNPROTECTED", "RTT_UNPROT_MAP")), 1UL);
	KUNIT_EXPECT_EQ(test, run.by_reason[RMI_EXIT_SYNC] >= 1, true);
	/* Unmapping the range removes the shared mapping too. */
	KUNIT_EXPECT_EQ(test, harness_unmap(vm, harness_vm_ram_base(vm) + (1 << 20), PAGE_SIZE), 0);
	KUNIT_EXPECT_GE(test, realm_test_count(RT_CMD("RTT_UNMAP_UNPROTECTED", "RTT_UNPROT_UNMAP")), 1UL);
}

static void psci_cpu_on_secondary(struct kunit *test)
{
	static const unsigned long long x[] = { 1 };	/* MPIDR of vCPU 1 */
	struct harness_vm *vm = guest_vm(test, "psci_cpu_on", 2, x, 1);
	struct harness_run run = { .stop_on_reason = -1, .max_exits = 4000 };

	realm_test_trace_start();
	harness_run_all(vm, &run);
	KUNIT_EXPECT_TRUE(test, run.powered_off);
	KUNIT_EXPECT_GE(test, realm_test_count("PSCI_COMPLETE"), 2UL);
	/*
	 * Each completion's status (x3, or x2 on 2.0-bet3 where the RMM finds
	 * the target itself) is PSCI SUCCESS, never a REC address.
	 */
	KUNIT_EXPECT_EQ(test, realm_test_count_matching("PSCI_COMPLETE", " status=0 "),
			realm_test_count("PSCI_COMPLETE"));
	/* The secondary's HOST_CALL (imm 2) and the primary's report (imm 1). */
	KUNIT_EXPECT_EQ(test, run.by_reason[RMI_EXIT_HOST_CALL], 2U);
}

static void ripas_change_accepted(struct kunit *test)
{
	struct harness_vm *vm = realm_test_vm(test, NULL);
	unsigned long long base = harness_vm_ram_base(vm), entry, x[2];
	struct harness_run run = { .stop_on_reason = RMI_EXIT_HOST_CALL, .max_exits = 100 };

	KUNIT_ASSERT_EQ(test, harness_load_guest(vm, "ripas_change", base, true, &entry), 0);
	x[0] = base + (1 << 20);
	x[1] = x[0] + 16 * PAGE_SIZE;
	KUNIT_ASSERT_EQ(test, harness_vcpu_create(vm, NULL), 0);
	KUNIT_ASSERT_EQ(test, harness_vcpu_set_entry(vm, 0, entry, x, 2), 0);
	realm_test_trace_start();
	harness_vcpu_run(vm, 0, &run);
	KUNIT_ASSERT_TRUE(test, run.stopped_on_reason);
	KUNIT_EXPECT_EQ(test, run.last_imm, 1U);	/* done */
	KUNIT_EXPECT_GE(test, run.by_reason[RMI_EXIT_RIPAS_CHANGE], 2U);
	KUNIT_EXPECT_GE(test, realm_test_count("RTT_SET_RIPAS"), 2UL);
}

/*
 * The VMM declines a change to RAM by running the vCPU again without making
 * the memory private; the host answers the RMM with REC_ENTER's
 * RIPAS_RESPONSE (reject) and the guest sees the refusal.  The RMI lets a
 * host reject; the series' uAPI has no way for a VMM to ask for it (v12/v14
 * apply the change on the next entry whatever the attributes; a VMM can
 * only decline by not running the vCPU, a future ioctl is left open).
 */
static void ripas_change_declined(struct kunit *test)
{
	struct harness_vm *vm;
	unsigned long long base, entry, x[2];
	struct harness_run run = { .stop_on_reason = RMI_EXIT_HOST_CALL, .max_exits = 100,
				   .refuse_conversion = true };

	realm_test_reference_only(test, "the series' uAPI has no way for a VMM to decline a RIPAS change");
	vm = realm_test_vm(test, NULL);
	base = harness_vm_ram_base(vm);
	KUNIT_ASSERT_EQ(test, harness_load_guest(vm, "ripas_change", base, true, &entry), 0);
	x[0] = base + (1 << 20);
	x[1] = x[0] + 16 * PAGE_SIZE;
	KUNIT_ASSERT_EQ(test, harness_vcpu_create(vm, NULL), 0);
	KUNIT_ASSERT_EQ(test, harness_vcpu_set_entry(vm, 0, entry, x, 2), 0);
	harness_vcpu_run(vm, 0, &run);
	KUNIT_ASSERT_TRUE(test, run.stopped_on_reason);
	KUNIT_EXPECT_EQ(test, run.last_imm, 2U);	/* rejected */
}

REALM_TEST_SUITES(realm_rec,
	KUNIT_CASE(rec_created_at_first_run),
	KUNIT_CASE(exit_host_call),
	KUNIT_CASE(exit_mmio),
	KUNIT_CASE(stop_on_mmio_exit),
	KUNIT_CASE(exit_irq_bounded),
	KUNIT_CASE(protected_fault_maps_data),
	KUNIT_CASE(unprotected_fault_maps_shared_page),
	KUNIT_CASE(psci_cpu_on_secondary),
	KUNIT_CASE(ripas_change_accepted),
	KUNIT_CASE(ripas_change_declined));
