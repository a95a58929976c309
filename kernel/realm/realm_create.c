// SPDX-License-Identifier: BSD-3-Clause
/*
 * cca-double reference host code: the realm descriptor.  A realm VM gets
 * its parameter page at creation (kvm_init_realm); the RMM's Realm
 * Descriptor is made lazily, by the first populate or the first run
 * (realm_ensure_created): RD and the stage-2 root tables KVM allocated are
 * delegated and REALM_CREATE describes the IPA space (with what else the
 * flavour needs: a 1.0 VMID and REC aux count, the 2.0 memory the RMM
 * asks for).  Teardown gives back data, tables, then the RD; a 2.0 realm
 * is terminated first.
 */
#include <linux/bitfield.h>
#include <asm/kvm_mmu.h>
#include <asm/sysreg.h>

#include "realm_internal.h"

int kvm_init_realm(struct kvm *kvm)
{
	struct realm *realm = kvm_realm(kvm);

	realm->params = (struct realm_params *)get_zeroed_page(GFP_KERNEL_ACCOUNT);
	if (!realm->params)
		return -ENOMEM;
	realm->ia_bits = VTCR_EL2_IPA(kvm->arch.mmu.vtcr);
	kvm_set_realm_state(kvm, REALM_STATE_NONE);
	return 0;
}

/* What REALM_CREATE says of the realm, whatever the revision's realm_params layout. */
static void realm_config(struct kvm *kvm, struct realm_config *cfg)
{
	struct realm *realm = kvm_realm(kvm);
	u64 dfr0 = kvm_read_vm_id_reg(kvm, SYS_ID_AA64DFR0_EL1);

	cfg->s2sz = realm->ia_bits;
	cfg->num_bps = SYS_FIELD_GET(ID_AA64DFR0_EL1, BRPs, dfr0) + 1;
	cfg->num_wps = SYS_FIELD_GET(ID_AA64DFR0_EL1, WRPs, dfr0) + 1;
	cfg->hash_algo = RMI_HASH_SHA_256;
	cfg->rtt_base = kvm->arch.mmu.pgd_phys;
	cfg->rtt_level_start = realm_start_level(realm);
	cfg->rtt_num_start = kvm_pgtable_stage2_pgd_size(kvm->arch.mmu.vtcr) / PAGE_SIZE;
}

static int realm_create_rd(struct kvm *kvm)
{
	struct realm *realm = kvm_realm(kvm);
	size_t pgd_size = kvm_pgtable_stage2_pgd_size(kvm->arch.mmu.vtcr);
	phys_addr_t pgd = kvm->arch.mmu.pgd_phys, rd_phys;
	struct realm_config cfg;
	void *rd;
	int ret;

	rd = (void *)get_zeroed_page(GFP_KERNEL_ACCOUNT);
	if (!rd)
		return -ENOMEM;
	rd_phys = virt_to_phys(rd);
	ret = realm_delegate_page(rd_phys);
	if (ret)
		goto free_rd;
	ret = realm_delegate_range(pgd, pgd_size);
	if (ret)
		goto undelegate_rd;
	realm_config(kvm, &cfg);
	ret = rmi_ops->realm_create(kvm, rd, &cfg);
	if (ret && realm->rd)
		return ret;	/* the RMM keeps the realm: kvm_destroy_realm() tries again */
	if (ret)
		goto undelegate_pgd;
	free_page((unsigned long)realm->params);
	realm->params = NULL;
	return 0;

undelegate_pgd:
	realm_undelegate_range(pgd, pgd_size);
undelegate_rd:
	realm_free_delegated_page(rd_phys);	/* quarantined if the RMM keeps it */
	return ret;
free_rd:
	free_page((unsigned long)rd);
	return ret;
}

/* Makes the RD if there is none yet (state NONE -> NEW).  Caller holds slots_lock or config_lock. */
int realm_ensure_created(struct kvm *kvm)
{
	int ret;

	switch (kvm_realm_state(kvm)) {
	case REALM_STATE_NONE:
		break;
	case REALM_STATE_NEW:
	case REALM_STATE_ACTIVE:
		return 0;
	default:
		return -ENXIO;
	}
	if (!rmi_ops)
		return -ENODEV;
	ret = realm_create_rd(kvm);
	if (ret)
		return ret;
	kvm_set_realm_state(kvm, REALM_STATE_NEW);
	return 0;
}

/*
 * Every protected and unprotected mapping of the realm: they lie in
 * memslots (populate, stage-2 faults and RIPAS changes map only
 * memslot-backed IPAs, and a slot's range is unmapped when the slot goes),
 * so the unmap walk covers the slots, not the whole IPA space - which a
 * revision whose ERROR_RTT answers say nothing of where the next mapping
 * is (2.0 results on SUCCESS only) would probe one empty entry at a time.
 * Anything missed shows up in the RTT teardown after (a live table: WARN,
 * quarantined).
 */
static void realm_unmap_memslots(struct kvm *kvm)
{
	struct kvm_memslots *slots;
	struct kvm_memory_slot *slot;
	int bkt, idx;

	idx = srcu_read_lock(&kvm->srcu);
	slots = kvm_memslots(kvm);
	write_lock(&kvm->mmu_lock);
	kvm_for_each_memslot(slot, bkt, slots)
		kvm_realm_unmap_range(kvm, gfn_to_gpa(slot->base_gfn),
				      slot->npages << PAGE_SHIFT, true, true);
	write_unlock(&kvm->mmu_lock);
	srcu_read_unlock(&kvm->srcu, idx);
}

void kvm_destroy_realm(struct kvm *kvm)
{
	struct realm *realm = kvm_realm(kvm);
	size_t pgd_size = kvm_pgtable_stage2_pgd_size(kvm->arch.mmu.vtcr);

	if (!kvm_is_realm(kvm))
		return;
	if (realm->params) {
		free_page((unsigned long)realm->params);
		realm->params = NULL;
	}
	if (!realm->rd) {
		kvm_set_realm_state(kvm, REALM_STATE_DEAD);
		return;
	}
	kvm_set_realm_state(kvm, REALM_STATE_DYING);

	/* Data and unprotected mappings first, then the tables, then the RD. */
	realm_unmap_memslots(kvm);
	/* A refused termination shows again below: REALM_DESTROY is refused too. */
	if (rmi_ops->realm_terminate)
		WARN_ON(rmi_ops->realm_terminate(kvm));
	kvm_realm_destroy_rtts(kvm);

	if (WARN_ON(rmi_ops->realm_destroy(kvm))) {
		/*
		 * The RMM keeps the realm: RD and root tables are quarantined (what
		 * hangs below was quarantined where its destruction failed).
		 */
		realm_quarantine_page(realm_rd_phys(realm));
		for (size_t off = 0; off < pgd_size; off += PAGE_SIZE)
			realm_quarantine_page(kvm->arch.mmu.pgd_phys + off);
		kvm_set_realm_state(kvm, REALM_STATE_DEAD);
		return;
	}
	realm_free_delegated_page(realm_rd_phys(realm));
	realm->rd = NULL;
	realm_undelegate_range(kvm->arch.mmu.pgd_phys, pgd_size);
	kvm_set_realm_state(kvm, REALM_STATE_DEAD);
}
