// SPDX-License-Identifier: BSD-3-Clause
/*
 * cca-double reference host code: stage-2 mappings, RMM 2.0 (every
 * revision).  The map and unmap commands take a range and work one leaf
 * table per call, answering how far they got (x1):
 *
 *  - RTT_DATA_MAP maps delegated memory (the host delegates the whole
 *    range first) from an address-range descriptor; RTT_UNPROT_MAP the
 *    same for host pages, with the memory type and access in its flags;
 *    ERROR_RTT below the leaf level means tables are missing.
 *  - RTT_DATA_UNMAP / RTT_UNPROT_UNMAP answer ERROR_RTT at the level the
 *    walk stopped when nothing is mapped there (go on past it) or when
 *    base lies inside a larger block (split it with a table one level
 *    down, then retry).  Where the revision defines x1 after ERROR_RTT
 *    (ops->unmap_top_on_error) it says which: past base, or base itself;
 *    where results are defined on SUCCESS only, RTT_READ_ENTRY of the
 *    entry says it.  DATA_UNMAP's x2 names the memory it freed, which the
 *    host undelegates.
 *
 * Every loop moves on or stops: a retry at the same address is allowed
 * once per cause.
 */
#include <linux/bitfield.h>
#include <asm/kvm_mmu.h>

#include "realm_flavours.h"

/* Granules one descriptor may name (a leaf table's worth, less one: v14's bound). */
#define RMI2_MAP_MAX_PAGES	(PTRS_PER_PTE - 1)

/* `size` bytes of host pages from phys, as one descriptor of granules (one leaf table's worth). */
static u64 rmi2_oaddr(phys_addr_t phys, unsigned long size, bool undelegated)
{
	unsigned long pages = min_t(unsigned long, size >> PAGE_SHIFT, RMI2_MAP_MAX_PAGES);

	return rmi_range_in_state(rmi_addr_range(phys, pages, RMI_BLOCK_SIZE_L3),
				  undelegated ? RMI_OP_MEM_UNDELEGATED : RMI_OP_MEM_DELEGATED);
}

/* RTT_UNPROT_MAP flags: memory type from the KVM protection, always read-write. */
static u64 rmi2_unprot_flags(enum kvm_pgtable_prot prot)
{
	u64 attr = MT_S2_FWB_NORMAL;

	if (prot & KVM_PGTABLE_PROT_DEVICE)
		attr = MT_S2_FWB_DEVICE_nGnRE;
	else if (prot & KVM_PGTABLE_PROT_NORMAL_NC)
		attr = MT_S2_FWB_NORMAL_NC;
	return FIELD_PREP(RMI_RTT_UNPROT_MAP_FLAGS_OADDR_TYPE, RMI_ADDR_TYPE_SINGLE) |
	       FIELD_PREP(RMI_RTT_UNPROT_MAP_FLAGS_MEMATTR, attr) |
	       FIELD_PREP(RMI_RTT_UNPROT_MAP_FLAGS_S2AP,
			  RMI_S2AP_DIRECT_READ | RMI_S2AP_DIRECT_WRITE);
}

/*
 * Maps [ipa, end) from phys, protected (DATA_MAP) or not (UNPROT_MAP).
 * Returns how far it got in *reached; 0 or -errno.
 */
static int rmi2_map_range(struct realm *realm, unsigned long ipa, unsigned long end,
			  phys_addr_t phys, bool private, u64 unprot_flags,
			  struct kvm_mmu_memory_cache *mc, unsigned long *reached)
{
	phys_addr_t rd = realm_rd_phys(realm);
	unsigned long addr = ipa, retry_at = ~0UL;
	int ret = 0;

	while (addr < end) {
		phys_addr_t pa = phys + (addr - ipa);
		unsigned long next = addr;

		/*
		 * Tables for a new address; a retry after creating them needs
		 * none (and a fault holds mmu_lock: topping up again would
		 * allocate where nothing may sleep).
		 */
		ret = addr != retry_at ? realm_topup_cache(realm, mc) : 0;
		if (ret)
			break;
		if (private)
			ret = rmi_rtt_data_map(rd, addr, end, rmi2_oaddr(pa, end - addr, false),
					       &next);
		else
			ret = rmi_rtt_unprot_map(rd, addr, end, unprot_flags,
						 rmi2_oaddr(pa, end - addr, true), &next);
		if (!ret && next > addr && next <= end) {
			addr = next;
			continue;
		}
		if (rmi_is_rtt_error(ret) && RMI_RETURN_INDEX(ret) < RMM_RTT_MAX_LEVEL &&
		    addr != retry_at) {
			/* Tables missing down to the leaf: create them, then retry once. */
			retry_at = addr;
			ret = realm_create_rtt_levels(realm, addr, RMI_RETURN_INDEX(ret),
						      RMM_RTT_MAX_LEVEL, mc);
			if (ret)
				break;
			continue;
		}
		/* Mapped already, the same way (another vCPU's fault): move on. */
		if (!private && rmi_is_rtt_error(ret) && RMI_RETURN_INDEX(ret) == RMM_RTT_MAX_LEVEL) {
			addr += PAGE_SIZE;
			continue;
		}
		ret = -ENXIO;
		break;
	}
	*reached = addr;
	return ret;
}

int rmi2_map_private(struct kvm *kvm, unsigned long ipa, phys_addr_t phys, unsigned long size,
		     struct kvm_mmu_memory_cache *mc)
{
	unsigned long reached;
	int ret;

	/* Refused: delegated already, which a racing fault that mapped it did. */
	if (realm_delegate_range(phys, size))
		return 0;
	ret = rmi2_map_range(kvm_realm(kvm), ipa, ipa + size, phys, true, 0, mc, &reached);
	if (ret) {
		/* Undo this call: what it mapped, then what it only delegated. */
		realm_unmap_private_range(kvm, ipa, reached, false);
		realm_undelegate_range(phys + (reached - ipa), ipa + size - reached);
	}
	return ret;
}

int rmi2_map_shared(struct realm *realm, unsigned long ipa, phys_addr_t phys,
		    unsigned long size, enum kvm_pgtable_prot prot,
		    struct kvm_mmu_memory_cache *mc)
{
	unsigned long reached;

	return rmi2_map_range(realm, ipa, ipa + size, phys, false, rmi2_unprot_flags(prot), mc,
			      &reached);
}

/* DATA_UNMAP's x2: the memory it freed goes back to NS (guest_memfd still owns it). */
static void rmi2_release_range(u64 range)
{
	unsigned long count = FIELD_GET(RMI_ADDR_RANGE_COUNT_MASK, range);
	unsigned long block = PAGE_SIZE << (9 * FIELD_GET(RMI_ADDR_RANGE_SIZE_MASK, range));

	if (count && rmi_range_state(range) == RMI_OP_MEM_DELEGATED)
		realm_undelegate_range(range & RMI_ADDR_RANGE_ADDR_MASK, count * block);
}

/*
 * ERROR_RTT at `level` from an unmap at addr, where the answer's x1 is not
 * defined: the entry the walk stopped at says where to go on.  Nothing
 * there: past the whole entry (at most to end).  A block: addr itself (to
 * split it).
 */
static unsigned long rmi2_unmap_rtt_error_next(struct realm *realm, unsigned long addr,
					       unsigned long end, int level)
{
	unsigned long walk_level, state, next;

	if (level < realm_start_level(realm) || level > RMM_RTT_MAX_LEVEL)
		return addr;
	/* Only above the leaf level can the entry be a block (a leaf entry: nothing to unmap). */
	if (level < RMM_RTT_MAX_LEVEL &&
	    !rmi_rtt_read_entry(realm_rd_phys(realm), addr, level, &walk_level, &state, NULL) &&
	    walk_level == level && state != RMI_UNASSIGNED)
		return addr;
	next = ALIGN_DOWN(addr, rmm_rtt_level_mapsize(level)) + rmm_rtt_level_mapsize(level);
	return next > addr && next < end ? next : end;
}

/*
 * DATA_UNMAP (private) or UNPROT_UNMAP over [start, end) (IPAs as the RMM
 * sees them).  With `fold`, each 2 MiB block emptied here has its table
 * folded.
 */
static void rmi2_unmap_range(struct realm *realm, unsigned long start, unsigned long end,
			     bool private, bool fold)
{
	phys_addr_t rd = realm_rd_phys(realm);
	unsigned long addr = start, touched = ~0UL, split_at = ~0UL;

	while (addr < end) {
		unsigned long next = addr;
		u64 range = 0;
		int ret = private ? rmi_rtt_data_unmap(rd, addr, end, &next, &range)
				  : rmi_rtt_unprot_unmap(rd, addr, end, &next, &range);

		if (rmi_is_rtt_error(ret) && !rmi_ops->unmap_top_on_error)
			next = rmi2_unmap_rtt_error_next(realm, addr, end, RMI_RETURN_INDEX(ret));
		if (!ret) {
			if (private)
				rmi2_release_range(range);
			if (touched != ALIGN_DOWN(addr, RMM_L2_BLOCK_SIZE)) {
				if (touched != ~0UL)
					realm_fold_block(realm, touched, start, end, fold);
				touched = ALIGN_DOWN(addr, RMM_L2_BLOCK_SIZE);
			}
			addr = next > addr ? next : addr + PAGE_SIZE;
			continue;
		}
		if (rmi_is_rtt_error(ret) && next > addr) {
			addr = next;	/* nothing mapped up to there */
			continue;
		}
		if (rmi_is_rtt_error(ret) && next == addr && addr != split_at &&
		    RMI_RETURN_INDEX(ret) < RMM_RTT_MAX_LEVEL) {
			/* addr lies inside a larger block: a table one level down splits it. */
			int level = RMI_RETURN_INDEX(ret);

			split_at = addr;
			if (!realm_create_rtt_levels(realm, addr, level, level + 1, NULL))
				continue;
		}
		WARN(1, "RTT_%s_UNMAP ipa 0x%lx: 0x%x, x1 0x%lx", private ? "DATA" : "UNPROT",
		     addr, ret, next);
		break;
	}
	if (touched != ~0UL)
		realm_fold_block(realm, touched, start, end, fold);
}

void rmi2_unmap_private(struct kvm *kvm, unsigned long start, unsigned long end, bool fold)
{
	rmi2_unmap_range(kvm_realm(kvm), start, end, true, fold);
}

void rmi2_unmap_shared(struct kvm *kvm, unsigned long start, unsigned long end, bool fold)
{
	struct realm *realm = kvm_realm(kvm);
	unsigned long shared = realm_shared_bit(realm);

	rmi2_unmap_range(realm, start + shared, end + shared, false, fold);
}
