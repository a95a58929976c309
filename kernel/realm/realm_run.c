// SPDX-License-Identifier: BSD-3-Clause
/*
 * cca-double reference host code: entering a REC.  Before each entry the
 * host finishes what the previous exit asked for: HOST_CALL and PSCI
 * results go back in rec_enter.gprs, PSCI calls that name another vCPU
 * are completed with PSCI_COMPLETE, and a RIPAS change the VMM agreed to
 * is applied with RTT_SET_RIPAS (memory leaving RAM is unmapped).
 */
#include <uapi/linux/psci.h>

#include "realm_internal.h"

/* Whether the RMM is told the target REC or finds it itself is the flavour's. */
int realm_psci_complete(struct kvm_vcpu *source, struct kvm_vcpu *target, unsigned long status)
{
	int ret;

	ret = rmi_ops->psci_complete(virt_to_phys(source->arch.rec.rec_page),
				     virt_to_phys(target->arch.rec.rec_page), status);
	return ret ? -EINVAL : 0;
}

/* CPU_ON and AFFINITY_INFO name a vCPU: the RMM needs its REC. */
static int realm_complete_psci(struct kvm_vcpu *vcpu)
{
	struct rec_run *run = vcpu->arch.rec.run;
	unsigned long fn = run->exit.gprs[0], status;
	struct kvm_vcpu *target;

	if (fn != PSCI_0_2_FN64_CPU_ON && fn != PSCI_0_2_FN64_AFFINITY_INFO)
		return 0;
	target = kvm_mpidr_to_vcpu(vcpu->kvm, run->exit.gprs[1]);
	if (!target)
		return 0;	/* an unknown MPIDR: the RMM answers the realm itself */
	if (fn == PSCI_0_2_FN64_CPU_ON) {
		long ret = (long)vcpu_get_reg(vcpu, 0);

		status = (ret == PSCI_RET_SUCCESS || ret == PSCI_RET_ALREADY_ON) ?
			 PSCI_RET_SUCCESS : PSCI_RET_DENIED;
	} else {
		status = PSCI_RET_SUCCESS;
	}
	return realm_psci_complete(vcpu, target, status);
}

/* The guest asked for [ripas_base, ripas_top) to change: apply what KVM accepted. */
static int realm_apply_ripas_change(struct kvm_vcpu *vcpu)
{
	struct rec_run *run = vcpu->arch.rec.run;
	struct kvm *kvm = vcpu->kvm;
	unsigned long base = run->exit.ripas_base, top = run->exit.ripas_top, reached;
	int ret;

	if (run->enter.flags & REC_ENTER_FLAG_RIPAS_RESPONSE)
		return 0;	/* rejected: the RMM tells the realm */
	/*
	 * The VMM ran again without making the memory private: it declines.
	 * Only a change to RAM may be refused; giving memory up (EMPTY) cannot.
	 */
	if (run->exit.ripas_value == RMI_RAM && !realm_ripas_change_done(vcpu)) {
		run->enter.flags |= REC_ENTER_FLAG_RIPAS_RESPONSE;
		return 0;
	}
	ret = realm_ripas_range(kvm, vcpu, base, top, &reached);
	if (ret)
		return ret;
	if (run->exit.ripas_value == RMI_EMPTY && reached > base) {
		write_lock(&kvm->mmu_lock);
		realm_unmap_private_range(kvm, base, reached, true);
		write_unlock(&kvm->mmu_lock);
	}
	return 0;
}

int kvm_rec_pre_enter(struct kvm_vcpu *vcpu)
{
	struct realm_rec *rec = &vcpu->arch.rec;
	struct rec_run *run = rec->run;
	int ret = 0;

	if (kvm_realm_state(vcpu->kvm) != REALM_STATE_ACTIVE || !run)
		return -EINVAL;
	switch (run->exit.exit_reason) {
	case RMI_EXIT_HOST_CALL:
	case RMI_EXIT_PSCI:
		for (int i = 0; i < REC_RUN_GPRS; i++)
			run->enter.gprs[i] = vcpu_get_reg(vcpu, i);
		if (run->exit.exit_reason == RMI_EXIT_PSCI)
			ret = realm_complete_psci(vcpu);
		break;
	case RMI_EXIT_RIPAS_CHANGE:
		ret = realm_apply_ripas_change(vcpu);
		break;
	}
	return ret ? ret : 1;
}

int kvm_rec_enter(struct kvm_vcpu *vcpu)
{
	struct realm_rec *rec = &vcpu->arch.rec;
	int ret;

	if (kvm_realm_state(vcpu->kvm) != REALM_STATE_ACTIVE)
		return -EINVAL;
	guest_state_enter_irqoff();
	ret = rmi_rec_enter(virt_to_phys(rec->rec_page), virt_to_phys(rec->run));
	guest_state_exit_irqoff();
	return ret;
}
