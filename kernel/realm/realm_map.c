// SPDX-License-Identifier: BSD-3-Clause
/*
 * cca-double reference host code: stage-2 mappings of a realm.
 *
 * Protected memory (top IPA bit clear) is guest_memfd pages handed to the
 * RMM: delegated, then DATA_CREATE_UNKNOWN on a fault (populate uses
 * DATA_CREATE, see realm_populate.c).  Unprotected memory (top bit set) is
 * ordinary host pages mapped with RTT_MAP_UNPROTECTED.  Unmapping walks
 * the range with the `top` the RMM returns, so holes cost one call per
 * missing table, not one per page, and folds tables left empty.
 */
#include <asm/kvm_mmu.h>

#include "realm_internal.h"

/* Makes sure a fault can create every table down to the leaf level. */
static int realm_topup_cache(struct kvm_mmu_memory_cache *mc)
{
	return mc ? kvm_mmu_topup_memory_cache(mc, RMM_RTT_MAX_LEVEL) : 0;
}

static int realm_map_data_page(struct realm *realm, unsigned long ipa, phys_addr_t phys,
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

int realm_map_protected(struct kvm *kvm, unsigned long ipa, kvm_pfn_t pfn, unsigned long size,
			struct kvm_mmu_memory_cache *memcache)
{
	struct realm *realm = kvm_realm(kvm);
	phys_addr_t phys = __pfn_to_phys(pfn);
	unsigned long off;
	int ret;

	if (WARN_ON(!IS_ALIGNED(ipa, size) || !IS_ALIGNED(size, PAGE_SIZE)))
		return -EINVAL;
	if (kvm_realm_state(kvm) != REALM_STATE_ACTIVE)
		return -EINVAL;
	for (off = 0; off < size; off += PAGE_SIZE) {
		ret = realm_topup_cache(memcache);
		if (!ret)
			ret = realm_map_data_page(realm, ipa + off, phys + off, memcache);
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

/* The stage-2 descriptor the RMM maps for an unprotected page: normal WB, RW. */
static u64 realm_unprot_desc(phys_addr_t phys, enum kvm_pgtable_prot prot)
{
	u64 attr = (prot & KVM_PGTABLE_PROT_DEVICE) ? MT_S2_FWB_DEVICE_nGnRE : MT_S2_FWB_NORMAL;

	return phys | PTE_S2_MEMATTR(attr) | KVM_PTE_LEAF_ATTR_LO_S2_S2AP_R |
	       KVM_PTE_LEAF_ATTR_LO_S2_S2AP_W;
}

int realm_map_non_secure(struct realm *realm, unsigned long ipa, kvm_pfn_t pfn,
			 unsigned long size, enum kvm_pgtable_prot prot,
			 struct kvm_mmu_memory_cache *memcache)
{
	phys_addr_t rd = realm_rd_phys(realm), phys = __pfn_to_phys(pfn);
	unsigned long off;

	if (WARN_ON(!IS_ALIGNED(ipa, size) || !IS_ALIGNED(size, PAGE_SIZE)))
		return -EINVAL;
	/* Device and non-cacheable at once has no meaning. */
	if ((prot & KVM_PGTABLE_PROT_DEVICE) && (prot & KVM_PGTABLE_PROT_NORMAL_NC))
		return -EINVAL;
	ipa |= realm_shared_bit(realm);
	for (off = 0; off < size; off += PAGE_SIZE) {
		u64 desc = realm_unprot_desc(phys + off, prot);
		int ret = realm_topup_cache(memcache);

		if (ret)
			return ret;
		ret = rmi_rtt_map_unprotected(rd, ipa + off, RMM_RTT_MAX_LEVEL, desc);
		if (rmi_is_rtt_error(ret) && RMI_RETURN_INDEX(ret) < RMM_RTT_MAX_LEVEL) {
			ret = realm_create_rtt_levels(realm, ipa + off, RMI_RETURN_INDEX(ret),
						      RMM_RTT_MAX_LEVEL, memcache);
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
 * After a block's entries were removed: fold its level-3 table if the
 * whole 2 MiB block is in the range (a table partly in use must stay).
 */
static void realm_fold_block(struct realm *realm, unsigned long block, unsigned long start,
			     unsigned long end, bool fold)
{
	if (fold && block >= start && block + RMM_L2_BLOCK_SIZE <= end)
		realm_fold_range(realm, block, block + RMM_L2_BLOCK_SIZE);
}

/*
 * DATA_DESTROY over [start, end) of the protected half; pages back to NS.
 * With `fold`, each 2 MiB block emptied here has its table folded.
 */
void realm_unmap_private_range(struct kvm *kvm, unsigned long start, unsigned long end,
			       bool fold)
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

/* RTT_UNMAP_UNPROTECTED over [start, end) of the unprotected alias (IPAs without the bit). */
void realm_unmap_shared_range(struct kvm *kvm, unsigned long start, unsigned long end,
			      bool fold)
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

/*
 * [ipa, ipa + size) is a guest physical range as memslots see it (no
 * shared bit).  Its unprotected alias is always unmapped, the protected
 * pages only with unmap_private.  Caller holds mmu_lock for writing.
 */
void kvm_realm_unmap_range(struct kvm *kvm, unsigned long ipa, unsigned long size,
			   bool unmap_private, bool may_block)
{
	struct realm *realm = kvm_realm(kvm);
	unsigned long end = ipa + size;
	unsigned long limit;
	bool fold;

	if (!kvm_is_realm(kvm) || !realm->rd || !size)
		return;
	limit = realm_shared_bit(realm);
	ipa &= ~limit;
	if (end > limit || end < ipa)
		end = limit;
	/* A realm being destroyed loses every table next: no point folding. */
	fold = kvm_realm_state(kvm) != REALM_STATE_DYING;
	realm_unmap_shared_range(kvm, ipa, end, fold);
	if (unmap_private)
		realm_unmap_private_range(kvm, ipa, end, fold);
}
