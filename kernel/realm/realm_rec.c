// SPDX-License-Identifier: BSD-3-Clause
/*
 * cca-double reference host code: Realm Execution Contexts and activation.
 * The first KVM_RUN of any vCPU activates the realm: every vCPU becomes a
 * REC (REC granule, initial PC/x0-x7/MPIDR, only the boot vCPU runnable,
 * and whatever else the flavour's REC needs), RIPAS RAM is set over every
 * guest_memfd slot, and REALM_ACTIVATE seals the initial state.
 */
#include <kvm/arm_vgic.h>

#include "realm_internal.h"

int realm_create_rec(struct kvm_vcpu *vcpu)
{
	struct realm_rec *rec = &vcpu->arch.rec;
	struct user_pt_regs *regs = vcpu_gp_regs(vcpu);
	struct rec_params *params;
	int ret = -ENOMEM;

	if (WARN_ON(rec->run))
		return -EEXIST;
	params = (struct rec_params *)get_zeroed_page(GFP_KERNEL);
	rec->run = (struct rec_run *)get_zeroed_page(GFP_KERNEL_ACCOUNT);
	rec->rec_page = (void *)get_zeroed_page(GFP_KERNEL_ACCOUNT);
	if (!params || !rec->run || !rec->rec_page)
		goto free_rec_page;
	ret = realm_delegate_page(virt_to_phys(rec->rec_page));
	if (ret)
		goto free_rec_page;

	/* Secondaries wait for PSCI CPU_ON; the boot vCPU runs. */
	if (!vcpu_has_feature(vcpu, KVM_ARM_VCPU_POWER_OFF))
		params->flags |= REC_PARAMS_FLAG_RUNNABLE;
	rec->mpidr = kvm_vcpu_get_mpidr_aff(vcpu);
	params->mpidr = rec->mpidr;
	params->pc = regs->pc;
	for (int i = 0; i < REC_CREATE_NR_GPRS; i++)
		params->gprs[i] = regs->regs[i];
	ret = rmi_ops->rec_create(vcpu, params);
	if (ret) {
		realm_free_delegated_page(virt_to_phys(rec->rec_page));	/* quarantined if kept */
		rec->rec_page = NULL;
	}
	goto out;
free_rec_page:
	free_page((unsigned long)rec->rec_page);
	rec->rec_page = NULL;
out:
	free_page((unsigned long)params);
	if (ret) {
		free_page((unsigned long)rec->run);
		rec->run = NULL;
	}
	return ret;
}

void kvm_destroy_rec(struct kvm_vcpu *vcpu)
{
	struct realm_rec *rec = &vcpu->arch.rec;

	if (!vcpu_is_rec(vcpu) || !rec->run)
		return;
	/* The run page is the host's alone, whatever the RMM says. */
	free_page((unsigned long)rec->run);
	rec->run = NULL;
	if (WARN_ON(rmi_ops->rec_destroy(vcpu)))
		realm_quarantine_page(virt_to_phys(rec->rec_page));	/* the RMM keeps the REC */
	else
		realm_free_delegated_page(virt_to_phys(rec->rec_page));
	rec->rec_page = NULL;
}

/* RIPAS RAM over every guest_memfd slot (private memory the realm starts with). */
static int realm_init_ripas(struct kvm *kvm)
{
	struct kvm_memslots *slots = kvm_memslots(kvm);
	struct kvm_memory_slot *slot;
	int bkt, idx, ret = 0;

	idx = srcu_read_lock(&kvm->srcu);
	kvm_for_each_memslot(slot, bkt, slots) {
		unsigned long base = gfn_to_gpa(slot->base_gfn);
		unsigned long top = base + (slot->npages << PAGE_SHIFT);

		if (!kvm_slot_has_gmem(slot))
			continue;
		ret = realm_ripas_range(kvm, NULL, base, top, NULL);
		if (ret)
			break;
	}
	srcu_read_unlock(&kvm->srcu, idx);
	return ret;
}

int kvm_activate_realm(struct kvm *kvm)
{
	struct kvm_vcpu *vcpu;
	unsigned long i;
	int ret;

	if (!kvm_is_realm(kvm))
		return -EINVAL;
	guard(mutex)(&kvm->arch.config_lock);
	if (kvm_realm_state(kvm) == REALM_STATE_ACTIVE)
		return 0;
	/* The RMM's vGIC model needs the in-kernel GICv3. */
	if (!irqchip_in_kernel(kvm))
		return -EOPNOTSUPP;
	mutex_lock(&kvm->slots_lock);
	ret = realm_ensure_created(kvm);
	mutex_unlock(&kvm->slots_lock);
	if (ret)
		return ret;

	kvm_for_each_vcpu(i, vcpu, kvm) {
		if (vcpu->arch.rec.run)
			continue;	/* a REC from an earlier attempt that failed later */
		ret = realm_create_rec(vcpu);
		if (ret)
			return ret;
	}
	ret = realm_init_ripas(kvm);
	if (ret)
		return ret;
	if (rmi_realm_activate(realm_rd_phys(kvm_realm(kvm))))
		return -ENXIO;
	kvm_set_realm_state(kvm, REALM_STATE_ACTIVE);
	return 0;
}
