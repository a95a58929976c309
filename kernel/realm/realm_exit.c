// SPDX-License-Identifier: BSD-3-Clause
/*
 * cca-double reference host code: REC exits.  The RMM reports why the realm
 * stopped in rec_run.exit; KVM's usual handlers do the work (stage-2
 * faults and MMIO, system registers, SMCCC/PSCI), fed from the exit's
 * registers because the vCPU's own state is the RMM's.  Returns > 0 to
 * enter again, 0 to return to the VMM with vcpu->run filled, < 0 on error.
 */
#include <asm/esr.h>
#include <kvm/arm_arch_timer.h>
#include <kvm/arm_hypercalls.h>

#include "realm_internal.h"

static int rec_exit_internal_error(struct kvm_vcpu *vcpu, u64 what)
{
	vcpu->run->exit_reason = KVM_EXIT_INTERNAL_ERROR;
	vcpu->run->internal.suberror = KVM_INTERNAL_ERROR_UNEXPECTED_EXIT_REASON;
	vcpu->run->internal.ndata = 1;
	vcpu->run->internal.data[0] = what;
	return 0;
}

static int rec_exit_sync_dabt(struct kvm_vcpu *vcpu)
{
	struct rec_run *run = vcpu->arch.rec.run;

	/* A valid write's data is in gprs[0]; the handler reads it from Rt. */
	if (kvm_vcpu_dabt_iswrite(vcpu) && kvm_vcpu_dabt_isvalid(vcpu))
		vcpu_set_reg(vcpu, kvm_vcpu_dabt_get_rd(vcpu), run->exit.gprs[0]);
	return kvm_handle_guest_abort(vcpu);
}

static int rec_exit_sys_reg(struct kvm_vcpu *vcpu)
{
	struct rec_run *run = vcpu->arch.rec.run;
	u64 esr = kvm_vcpu_get_esr(vcpu);
	int rt = kvm_vcpu_sys_get_rt(vcpu);
	bool is_write = (esr & ESR_ELx_SYS64_ISS_DIR_MASK) == ESR_ELx_SYS64_ISS_DIR_WRITE;
	/* RMM 1.0 passes the value in gprs[0] both ways, 2.0 in gprs[rt]. */
	int slot = rmi_ops->sys_reg_value_in_rt ? rt : 0;
	int ret;

	if (is_write)
		vcpu_set_reg(vcpu, rt, run->exit.gprs[slot]);
	ret = kvm_handle_sys_reg(vcpu);
	if (!is_write)
		run->enter.gprs[slot] = vcpu_get_reg(vcpu, rt);
	return ret;
}

static int rec_exit_sync(struct kvm_vcpu *vcpu)
{
	switch (kvm_vcpu_trap_get_class(vcpu)) {
	case ESR_ELx_EC_DABT_LOW:
		return rec_exit_sync_dabt(vcpu);
	case ESR_ELx_EC_SYS64:
		return rec_exit_sys_reg(vcpu);
	default:
		/* Instruction aborts and anything else cannot be handled for a realm. */
		vcpu_err(vcpu, "unhandled REC sync exit, ESR 0x%llx\n", kvm_vcpu_get_esr(vcpu));
		return rec_exit_internal_error(vcpu, kvm_vcpu_get_esr(vcpu));
	}
}

/* Both ends private and in order, and KVM's attributes already as asked: accept. */
static bool rec_ripas_change_acceptable(struct kvm_vcpu *vcpu)
{
	struct kvm *kvm = vcpu->kvm;
	struct realm *realm = kvm_realm(kvm);
	struct rec_run *run = vcpu->arch.rec.run;
	unsigned long base = run->exit.ripas_base, top = run->exit.ripas_top;

	return base < top && kvm_realm_is_private_address(realm, base) &&
	       kvm_realm_is_private_address(realm, top - 1) &&
	       (run->exit.ripas_value == RMI_RAM || run->exit.ripas_value == RMI_EMPTY);
}

/* Did the VMM set the memory attributes the request needs (RAM: private)? */
bool realm_ripas_change_done(struct kvm_vcpu *vcpu)
{
	struct rec_run *run = vcpu->arch.rec.run;
	bool private = run->exit.ripas_value == RMI_RAM;

	for (gfn_t gfn = gpa_to_gfn(run->exit.ripas_base);
	     gfn < gpa_to_gfn(run->exit.ripas_top); gfn++)
		if (kvm_mem_is_private(vcpu->kvm, gfn) != private)
			return false;
	return true;
}

static int rec_exit_ripas_change(struct kvm_vcpu *vcpu)
{
	struct rec_run *run = vcpu->arch.rec.run;
	unsigned long base = run->exit.ripas_base, top = run->exit.ripas_top;

	if (!rec_ripas_change_acceptable(vcpu)) {
		run->enter.flags |= REC_ENTER_FLAG_RIPAS_RESPONSE;
		return 1;
	}
	/* Already as asked (the VMM need not act): applied on the next entry. */
	if (realm_ripas_change_done(vcpu))
		return 1;
	/* The VMM converts the memory (KVM_SET_MEMORY_ATTRIBUTES) and runs again. */
	kvm_prepare_memory_fault_exit(vcpu, base, top - base, false, false,
				      run->exit.ripas_value == RMI_RAM);
	return -EFAULT;
}

static void rec_exit_copy_gprs(struct kvm_vcpu *vcpu)
{
	struct rec_run *run = vcpu->arch.rec.run;

	for (int i = 0; i < REC_RUN_GPRS; i++)
		vcpu_set_reg(vcpu, i, run->exit.gprs[i]);
}

int handle_rec_exit(struct kvm_vcpu *vcpu, int rec_run_status)
{
	struct rec_run *run = vcpu->arch.rec.run;
	u8 reason = run->exit.exit_reason;

	switch (RMI_RETURN_STATUS(rec_run_status)) {
	case RMI_SUCCESS:
		break;
	case RMI_ERROR_REALM:
		/* The realm is off (SYSTEM_OFF/RESET) or broken: nothing more to run. */
		vcpu->run->exit_reason = KVM_EXIT_SHUTDOWN;
		return 0;
	case RMI_ERROR_REC:
		return -EAGAIN;	/* not runnable (yet): e.g. a secondary before CPU_ON */
	default:
		return -ENXIO;
	}

	vcpu->stat.exits++;
	vcpu->arch.fault.esr_el2 = run->exit.esr;
	vcpu->arch.fault.far_el2 = run->exit.far;
	/* Only a sync exit has a fault address; NS marks it as given by the RMM. */
	vcpu->arch.fault.hpfar_el2 = reason == RMI_EXIT_SYNC ? run->exit.hpfar | HPFAR_EL2_NS : 0;
	__vcpu_assign_sys_reg(vcpu, CNTV_CTL_EL0, run->exit.cntv_ctl);
	__vcpu_assign_sys_reg(vcpu, CNTV_CVAL_EL0, run->exit.cntv_cval);
	__vcpu_assign_sys_reg(vcpu, CNTP_CTL_EL0, run->exit.cntp_ctl);
	__vcpu_assign_sys_reg(vcpu, CNTP_CVAL_EL0, run->exit.cntp_cval);
	kvm_realm_timers_update(vcpu);
	/* Responses are per exit: start clean. */
	run->enter.flags = 0;

	switch (reason) {
	case RMI_EXIT_SYNC:
		return rec_exit_sync(vcpu);
	case RMI_EXIT_IRQ:
	case RMI_EXIT_FIQ:
	case RMI_EXIT_SERROR:
		return 1;
	case RMI_EXIT_PSCI:
		rec_exit_copy_gprs(vcpu);
		return kvm_smccc_call_handler(vcpu);
	case RMI_EXIT_RIPAS_CHANGE:
		return rec_exit_ripas_change(vcpu);
	case RMI_EXIT_HOST_CALL:
		rec_exit_copy_gprs(vcpu);
		vcpu->stat.hvc_exit_stat++;
		return kvm_smccc_call_handler(vcpu);
	default:
		vcpu_err(vcpu, "unknown REC exit reason %u\n", reason);
		return rec_exit_internal_error(vcpu, reason);
	}
}
