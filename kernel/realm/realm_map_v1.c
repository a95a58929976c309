// SPDX-License-Identifier: BSD-3-Clause
/*
 * cca-double reference host code: stage-2 mappings, RMM 1.0.  Protected
 * memory is mapped a granule at a time (delegate, DATA_CREATE_UNKNOWN),
 * unprotected memory with RTT_MAP_UNPROTECTED at level 3.  Unmapping
 * walks the range with the `top` the RMM returns, so holes cost one call
 * per missing table, not one per page.
 */
#include <asm/kvm_mmu.h>
#include <asm/rmi_cmds_v1.h>

#include "realm_flavours.h"

static int rmi1_map_data_page(struct realm *realm, unsigned long ipa, phys_addr_t phys,
			      struct kvm_mmu_memory_cache *mc)
{
	phys_addr_t rd = realm_rd_phys(realm);
	int ret;

	if (realm_delegate_page(phys))
		return -EBUSY;	/* delegated already: a racing fault mapped it */
	ret = rmi_data_create_unknown(rd, phys, ipa);
	if (rmi_is_rtt_error(ret) && RMI_RETURN_INDEX(ret) < RMM_RTT_MAX_LEVEL) {
		ret = realm_create_rtt_levels(realm, ipa, RMI_RETURN_INDEX(ret),
					      RMM_RTT_MAX_LEVEL, mc);
		if (!ret)
			ret = rmi_data_create_unknown(rd, phys, ipa);
	}
	if (ret) {
		realm_release_data_page(phys);
		return -ENXIO;
	}
	return 0;
}

int rmi1_map_private(struct kvm *kvm, unsigned long ipa, phys_addr_t phys, unsigned long size,
		     struct kvm_mmu_memory_cache *mc)
{
	struct realm *realm = kvm_realm(kvm);

	for (unsigned long off = 0; off < size; off += PAGE_SIZE) {
		int ret = realm_topup_cache(realm, mc);

		if (!ret)
			ret = rmi1_map_data_page(realm, ipa + off, phys + off, mc);
		if (ret == -EBUSY)
			continue;
		if (ret) {
			/* Undo what this call mapped: the fault is retried or fails whole. */
			realm_unmap_private_range(kvm, ipa, ipa + off, false);
			return ret;
		}
	}
	return 0;
}

/* The stage-2 descriptor the RMM maps for an unprotected page: RW, cacheable or device. */
static u64 rmi1_unprot_desc(phys_addr_t phys, enum kvm_pgtable_prot prot)
{
	u64 attr = (prot & KVM_PGTABLE_PROT_DEVICE) ? MT_S2_FWB_DEVICE_nGnRE : MT_S2_FWB_NORMAL;

	return phys | PTE_S2_MEMATTR(attr) | KVM_PTE_LEAF_ATTR_LO_S2_S2AP_R |
	       KVM_PTE_LEAF_ATTR_LO_S2_S2AP_W;
}

int rmi1_map_shared(struct realm *realm, unsigned long ipa, phys_addr_t phys,
		    unsigned long size, enum kvm_pgtable_prot prot,
		    struct kvm_mmu_memory_cache *mc)
{
	phys_addr_t rd = realm_rd_phys(realm);

	for (unsigned long off = 0; off < size; off += PAGE_SIZE) {
		u64 desc = rmi1_unprot_desc(phys + off, prot);
		int ret = realm_topup_cache(realm, mc);

		if (ret)
			return ret;
		ret = rmi_rtt_map_unprotected(rd, ipa + off, RMM_RTT_MAX_LEVEL, desc);
		if (rmi_is_rtt_error(ret) && RMI_RETURN_INDEX(ret) < RMM_RTT_MAX_LEVEL) {
			ret = realm_create_rtt_levels(realm, ipa + off, RMI_RETURN_INDEX(ret),
						      RMM_RTT_MAX_LEVEL, mc);
			if (!ret)
				ret = rmi_rtt_map_unprotected(rd, ipa + off, RMM_RTT_MAX_LEVEL,
							      desc);
		}
		/* Mapped already (another vCPU's fault): nothing to do. */
		if (rmi_is_rtt_error(ret) && RMI_RETURN_INDEX(ret) == RMM_RTT_MAX_LEVEL)
			continue;
		if (ret)
			return -ENXIO;
	}
	return 0;
}

/*
 * DATA_DESTROY over [start, end) of the protected half; pages back to NS.
 * With `fold`, each 2 MiB block emptied here has its table folded.
 */
void rmi1_unmap_private(struct kvm *kvm, unsigned long start, unsigned long end, bool fold)
{
	struct realm *realm = kvm_realm(kvm);
	phys_addr_t rd = realm_rd_phys(realm);
	unsigned long addr = start, touched = ~0UL;

	while (addr < end) {
		unsigned long next = 0;
		phys_addr_t data;
		int ret = rmi_data_destroy(rd, addr, &data, &next);

		if (!ret) {
			realm_release_data_page(data);
			if (touched != ALIGN_DOWN(addr, RMM_L2_BLOCK_SIZE)) {
				if (touched != ~0UL)
					realm_fold_block(realm, touched, start, end, fold);
				touched = ALIGN_DOWN(addr, RMM_L2_BLOCK_SIZE);
			}
		} else if (!rmi_is_rtt_error(ret)) {
			WARN(1, "DATA_DESTROY ipa 0x%lx: 0x%x", addr, ret);
			break;
		}
		/* top: the next IPA that may hold data (skips missing tables). */
		addr = next > addr ? next : addr + PAGE_SIZE;
	}
	if (touched != ~0UL)
		realm_fold_block(realm, touched, start, end, fold);
}

/* RTT_UNMAP_UNPROTECTED over the unprotected alias of [start, end). */
void rmi1_unmap_shared(struct kvm *kvm, unsigned long start, unsigned long end, bool fold)
{
	struct realm *realm = kvm_realm(kvm);
	phys_addr_t rd = realm_rd_phys(realm);
	unsigned long shared = realm_shared_bit(realm);
	unsigned long addr = start + shared, touched = ~0UL;

	end += shared;
	start += shared;
	while (addr < end) {
		unsigned long next = 0;
		int ret = rmi_rtt_unmap_unprotected(rd, addr, RMM_RTT_MAX_LEVEL, &next);

		if (!ret && touched != ALIGN_DOWN(addr, RMM_L2_BLOCK_SIZE)) {
			if (touched != ~0UL)
				realm_fold_block(realm, touched, start, end, fold);
			touched = ALIGN_DOWN(addr, RMM_L2_BLOCK_SIZE);
		} else if (ret && !rmi_is_rtt_error(ret)) {
			WARN(1, "RTT_UNMAP_UNPROTECTED ipa 0x%lx: 0x%x", addr, ret);
			break;
		}
		addr = next > addr ? next : addr + PAGE_SIZE;
	}
	if (touched != ~0UL)
		realm_fold_block(realm, touched, start, end, fold);
}
