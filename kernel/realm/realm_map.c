// SPDX-License-Identifier: BSD-3-Clause
/*
 * cca-double reference host code: stage-2 mappings of a realm, the entry
 * points mmu.c calls.  Protected memory (top IPA bit clear) is guest_memfd
 * pages handed to the RMM; unprotected memory (top bit set) is ordinary
 * host pages the RMM maps for the realm.  How each is mapped and unmapped
 * is the flavour's (realm_map_v1.c, realm_map_v2.c); the checks, locking
 * rules and the unmap order are here.
 */
#include <asm/kvm_mmu.h>

#include "realm_internal.h"

/*
 * Makes sure a fault can create every table below the root down to the
 * leaf level: RMM_RTT_MAX_LEVEL - start level of them, the count KVM's
 * fault path (kvm_mmu_cache_min_pages()) tops up to before it takes
 * mmu_lock.  Asking for more would allocate (GFP_KERNEL, may sleep) under
 * that rwlock, which lockdep-lite reports as sleeping in atomic context.
 */
int realm_topup_cache(struct realm *realm, struct kvm_mmu_memory_cache *mc)
{
	return mc ? kvm_mmu_topup_memory_cache(mc, RMM_RTT_MAX_LEVEL - realm_start_level(realm))
		  : 0;
}

int realm_map_protected(struct kvm *kvm, unsigned long ipa, kvm_pfn_t pfn, unsigned long size,
			struct kvm_mmu_memory_cache *memcache)
{
	if (WARN_ON(!IS_ALIGNED(ipa, size) || !IS_ALIGNED(size, PAGE_SIZE)))
		return -EINVAL;
	if (kvm_realm_state(kvm) != REALM_STATE_ACTIVE)
		return -EINVAL;
	return rmi_ops->map_private(kvm, ipa, __pfn_to_phys(pfn), size, memcache);
}

int realm_map_non_secure(struct realm *realm, unsigned long ipa, kvm_pfn_t pfn,
			 unsigned long size, enum kvm_pgtable_prot prot,
			 struct kvm_mmu_memory_cache *memcache)
{
	if (WARN_ON(!IS_ALIGNED(ipa, size) || !IS_ALIGNED(size, PAGE_SIZE)))
		return -EINVAL;
	/* Device and non-cacheable at once has no meaning. */
	if ((prot & KVM_PGTABLE_PROT_DEVICE) && (prot & KVM_PGTABLE_PROT_NORMAL_NC))
		return -EINVAL;
	return rmi_ops->map_shared(realm, ipa | realm_shared_bit(realm), __pfn_to_phys(pfn), size,
				   prot, memcache);
}

/* Protected pages of [start, end) back to NS (RIPAS change to EMPTY, undo of a fault). */
void realm_unmap_private_range(struct kvm *kvm, unsigned long start, unsigned long end,
			       bool fold)
{
	if (start < end)
		rmi_ops->unmap_private(kvm, start, end, fold);
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
	rmi_ops->unmap_shared(kvm, ipa, end, fold);
	if (unmap_private)
		realm_unmap_private_range(kvm, ipa, end, fold);
}
