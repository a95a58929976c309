// SPDX-License-Identifier: BSD-3-Clause
/*
 * Model of arch/arm64/kvm/arm.c and cpufeature pieces: the RMI static key,
 * the host CPU's ID registers, vCPU lookup by MPIDR.
 */
#include <linux/bitfield.h>
#include <linux/memblock.h>
#include <linux/memory.h>
#include <asm/cpufeature.h>
#include <cca-double/mock-kernel.h>

#include "kvm_internal.h"

DEFINE_STATIC_KEY_FALSE(kvm_rmi_is_available);

struct task_struct mock_task;

/* RME when an RMM is installed; 6 breakpoints, 4 watchpoints, SVE. */
u64 read_sanitised_ftr_reg(u32 id)
{
	switch (id) {
	case SYS_ID_AA64PFR0_EL1:
		return FIELD_PREP(ID_AA64PFR0_EL1_SVE_MASK, 1) |
		       FIELD_PREP(ID_AA64PFR0_EL1_RME_MASK, mock_rmm() ? 1 : 0);
	case SYS_ID_AA64DFR0_EL1:
		return FIELD_PREP(ID_AA64DFR0_EL1_BRPs_MASK, 5) |
		       FIELD_PREP(ID_AA64DFR0_EL1_WRPs_MASK, 3) |
		       FIELD_PREP(ID_AA64DFR0_EL1_CTX_CMPs_MASK, 1) |
		       FIELD_PREP(ID_AA64DFR0_EL1_DebugVer_MASK, 6);
	default:
		return 0;
	}
}

u64 kvm_read_vm_id_reg(const struct kvm *kvm, u32 reg)
{
	if (reg == SYS_ID_AA64DFR0_EL1)
		return kvm->arch.id_aa64dfr0_el1;
	return read_sanitised_ftr_reg(reg);
}

bool kvm_has_sve(const struct kvm *kvm)
{
	return false;	/* the harness's VMs do not enable SVE */
}

struct kvm_vcpu *kvm_get_vcpu_by_id(struct kvm *kvm, int id)
{
	struct kvm_vcpu *vcpu;
	unsigned long i;

	kvm_for_each_vcpu(i, vcpu, kvm)
		if (vcpu->vcpu_id == id)
			return vcpu;
	return NULL;
}

struct kvm_vcpu *kvm_mpidr_to_vcpu(struct kvm *kvm, unsigned long mpidr)
{
	struct kvm_vcpu *vcpu;
	unsigned long i;

	mpidr &= MPIDR_HWID_BITMASK;
	kvm_for_each_vcpu(i, vcpu, kvm)
		if (kvm_vcpu_get_mpidr_aff(vcpu) == mpidr)
			return vcpu;
	return NULL;
}

/* Timer interrupt lines follow the exit's timer state; no interrupt controller here. */
void kvm_realm_timers_update(struct kvm_vcpu *vcpu)
{
}

/* A realm host runs KVM in the CCA series' RMM mode. */
enum kvm_mode kvm_get_mode(void)
{
	return KVM_MODE_RMM;
}

/* memblock: one region, the arena. */
struct memblock_region *mock_memblock_region(int i)
{
	static struct memblock_region arena;

	if (i || !mock_arena_size())
		return NULL;
	arena.base = mock_arena_base();
	arena.size = mock_arena_size();
	return &arena;
}

/*
 * Memory hotplug: the arena is all the memory there is, present from boot,
 * so a notifier is kept and never called.
 */
static struct notifier_block *memory_notifier;

int register_memory_notifier(struct notifier_block *nb)
{
	memory_notifier = nb;
	return 0;
}

void unregister_memory_notifier(struct notifier_block *nb)
{
	if (memory_notifier == nb)
		memory_notifier = NULL;
}
