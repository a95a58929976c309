// SPDX-License-Identifier: BSD-3-Clause
/*
 * cca-double reference host code: the realm descriptor.  A realm VM gets
 * its parameter page at creation (kvm_init_realm); the RMM's Realm
 * Descriptor is made lazily, by the first populate or the first run
 * (realm_ensure_created): RD and the stage-2 root tables KVM allocated are
 * delegated, REALM_CREATE describes the IPA space, and with RMM 1.0 the
 * host picks the VMID and learns how many auxiliary granules a REC needs.
 */
#include <linux/bitmap.h>
#include <linux/bitfield.h>
#include <asm/kvm_mmu.h>
#include <asm/sysreg.h>

#include "realm_internal.h"

/*
 * 1.0: the host allocates VMIDs; 0 stays the host's own.  Static storage,
 * as the kernel's bitmap lives from init on: a realm the RMM refused to
 * destroy keeps its VMID for good, and nothing is left to free.
 */
#define REALM_MAX_VMID_BITS	16
static DECLARE_BITMAP(vmid_bitmap, 1U << REALM_MAX_VMID_BITS);
static unsigned int vmid_bits;

static int realm_vmid_alloc(void)
{
	int vmid;

	if (!vmid_bits) {
		vmid_bits = min_t(unsigned int, kvm_get_vmid_bits(), REALM_MAX_VMID_BITS);
		__set_bit(0, vmid_bitmap);
	}
	vmid = bitmap_find_free_region(vmid_bitmap, 1U << vmid_bits, 0);
	return vmid < 0 ? -EBUSY : vmid;
}

/* A new RMM (kvm_init_rmi): no VMID of an older one is in use. */
void realm_vmid_reset(void)
{
	bitmap_zero(vmid_bitmap, 1U << REALM_MAX_VMID_BITS);
	vmid_bits = 0;
}

static void realm_vmid_free(unsigned int vmid)
{
	if (vmid_bits && vmid)
		bitmap_release_region(vmid_bitmap, vmid, 0);
}

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

static void realm_fill_params(struct kvm *kvm, struct realm_params *p)
{
	struct realm *realm = kvm_realm(kvm);
	u64 dfr0 = kvm_read_vm_id_reg(kvm, SYS_ID_AA64DFR0_EL1);

	p->s2sz = realm->ia_bits;
	p->num_bps = SYS_FIELD_GET(ID_AA64DFR0_EL1, BRPs, dfr0) + 1;
	p->num_wps = SYS_FIELD_GET(ID_AA64DFR0_EL1, WRPs, dfr0) + 1;
	p->hash_algo = RMI_HASH_SHA_256;
	p->rtt_base = kvm->arch.mmu.pgd_phys;
	p->rtt_level_start = realm_start_level(realm);
	p->rtt_num_start = kvm_pgtable_stage2_pgd_size(kvm->arch.mmu.vtcr) / PAGE_SIZE;
	p->vmid = realm->vmid;
}

static int realm_create_rd(struct kvm *kvm)
{
	struct realm *realm = kvm_realm(kvm);
	size_t pgd_size = kvm_pgtable_stage2_pgd_size(kvm->arch.mmu.vtcr);
	phys_addr_t pgd = kvm->arch.mmu.pgd_phys, rd_phys;
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
	if (rmi_flavour == RMI_FLAVOUR_1_0) {
		ret = realm_vmid_alloc();
		if (ret < 0)
			goto undelegate_pgd;
		realm->vmid = ret;
	}
	realm_fill_params(kvm, realm->params);
	if (rmi_realm_create(rd_phys, virt_to_phys(realm->params))) {
		ret = -ENXIO;
		goto free_vmid;
	}
	realm->rd = rd;
	if (rmi_flavour == RMI_FLAVOUR_1_0 && WARN_ON(rmi_rec_aux_count(rd_phys, &realm->num_aux) ||
						     realm->num_aux > REC_PARAMS_AUX_GRANULES)) {
		/* A descriptor without a usable aux count: give it all back. */
		if (!WARN_ON(rmi_realm_destroy(rd_phys))) {
			realm->rd = NULL;
			ret = -ENXIO;
			goto free_vmid;
		}
		return -ENXIO;	/* the RMM keeps the realm: kvm_destroy_realm() tries again */
	}
	free_page((unsigned long)realm->params);
	realm->params = NULL;
	return 0;

free_vmid:
	realm_vmid_free(realm->vmid);
	realm->vmid = 0;
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
	if (rmi_flavour == RMI_FLAVOUR_NONE)
		return -ENODEV;
	ret = realm_create_rd(kvm);
	if (ret)
		return ret;
	kvm_set_realm_state(kvm, REALM_STATE_NEW);
	return 0;
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
	write_lock(&kvm->mmu_lock);
	kvm_realm_unmap_range(kvm, 0, BIT(realm->ia_bits - 1), true, true);
	write_unlock(&kvm->mmu_lock);
	kvm_realm_destroy_rtts(kvm);

	if (WARN_ON(rmi_realm_destroy(realm_rd_phys(realm)))) {
		/*
		 * The RMM keeps the realm: RD and root tables are quarantined (what
		 * hangs below was quarantined where its destruction failed), and
		 * its VMID stays in use.
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
	realm_vmid_free(realm->vmid);
	realm->vmid = 0;
	kvm_set_realm_state(kvm, REALM_STATE_DEAD);
}
