// SPDX-License-Identifier: BSD-3-Clause
/*
 * Model of arch/arm64/kvm/handle_exit.c's handle_exit() for trees whose
 * kvm_rec_exit() turns a REC exit into an exception code (the CCA series
 * after v14): a trap goes to the handler of its exception class, an IRQ or
 * SError back to the guest, ARM_EXCEPTION_EXIT to userspace.  The handlers
 * are the mock's models (mmu.c, psci.c); classes a REC does not exit with
 * inject an UNDEF, as KVM does for an unknown class.
 */
#include <asm/esr.h>
#include <asm/kvm_asm.h>
#include <kvm/arm_hypercalls.h>

#include "kvm_internal.h"

/* kvm_inject_undefined(): pending for the next entry (a REC: an SEA). */
static int inject_undefined(struct kvm_vcpu *vcpu)
{
	WARN_ON(vcpu_get_flag(vcpu, INCREMENT_PC));
	vcpu_set_flag(vcpu, PENDING_EXCEPTION);
	return 1;
}

/*
 * WFI/WFE: KVM would block the vCPU until an interrupt is pending; the
 * mock has no interrupt source a vCPU could wait for, so it resumes it.
 */
static int handle_wfx(struct kvm_vcpu *vcpu)
{
	vcpu->stat.wfi_exit_stat++;
	kvm_incr_pc(vcpu);
	return 1;
}

static int handle_hvc(struct kvm_vcpu *vcpu)
{
	vcpu->stat.hvc_exit_stat++;
	return kvm_smccc_call_handler(vcpu);
}

static int handle_smc(struct kvm_vcpu *vcpu)
{
	kvm_incr_pc(vcpu);
	/* SMCs with a non-zero immediate are reserved (DEN0028 2.9). */
	if (ESR_ELx_ISS(kvm_vcpu_get_esr(vcpu)) & 0xffff) {
		vcpu_set_reg(vcpu, 0, ~0UL);
		return 1;
	}
	return kvm_smccc_call_handler(vcpu);
}

static int handle_trap(struct kvm_vcpu *vcpu)
{
	switch (ESR_ELx_EC(kvm_vcpu_get_esr(vcpu))) {
	case ESR_ELx_EC_WFx:
		return handle_wfx(vcpu);
	case ESR_ELx_EC_HVC32:
	case ESR_ELx_EC_HVC64:
		return handle_hvc(vcpu);
	case ESR_ELx_EC_SMC32:
	case ESR_ELx_EC_SMC64:
		return handle_smc(vcpu);
	case ESR_ELx_EC_SYS64:
		return kvm_handle_sys_reg(vcpu);
	case ESR_ELx_EC_IABT_LOW:
	case ESR_ELx_EC_DABT_LOW:
		return kvm_handle_guest_abort(vcpu);
	default:
		return inject_undefined(vcpu);
	}
}

/* > 0: enter the guest again; 0: to userspace (run->exit_reason set); < 0: error. */
int handle_exit(struct kvm_vcpu *vcpu, int exception_index)
{
	struct kvm_run *run = vcpu->run;

	if (exception_index < 0)
		return exception_index;
	if (ARM_SERROR_PENDING(exception_index))
		return 1;
	switch (ARM_EXCEPTION_CODE(exception_index)) {
	case ARM_EXCEPTION_IRQ:
	case ARM_EXCEPTION_EL1_SERROR:
		return 1;
	case ARM_EXCEPTION_TRAP:
		return handle_trap(vcpu);
	case ARM_EXCEPTION_HYP_GONE:
		run->exit_reason = KVM_EXIT_FAIL_ENTRY;
		return 0;
	case ARM_EXCEPTION_IL:
		run->exit_reason = KVM_EXIT_FAIL_ENTRY;
		return -EINVAL;
	case ARM_EXCEPTION_EXIT:
		return 0;
	default:
		run->exit_reason = KVM_EXIT_INTERNAL_ERROR;
		return 0;
	}
}
