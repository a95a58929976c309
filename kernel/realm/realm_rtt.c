// SPDX-License-Identifier: BSD-3-Clause
/*
 * cca-double reference host code: realm translation tables (RTTs).
 *
 * The RMM owns the tables; the host only supplies delegated granules for
 * them and drives three error-led protocols (as the host series does):
 *
 *  - a command that walks into a missing table answers ERROR_RTT with the
 *    level it reached: create the tables below it and retry;
 *  - RTT_DESTROY answers SUCCESS (a table to free, and where to go next),
 *    ERROR_RTT with top > ipa (nothing here, skip to top) or ERROR_RTT at
 *    its own level with top == ipa (the table still has children: destroy
 *    those first, then retry);
 *  - RTT_FOLD of an empty level-3 table gives it back; ERROR_RTT means it
 *    is not foldable.
 */
#include "realm_internal.h"

static void *realm_alloc_rtt_page(struct kvm_mmu_memory_cache *mc)
{
	if (mc)
		return kvm_mmu_memory_cache_alloc(mc);
	return (void *)get_zeroed_page(GFP_KERNEL_ACCOUNT);
}

/* One table at `level` covering ipa; an existing one is fine (the spare goes back). */
static int realm_rtt_create(struct realm *realm, unsigned long ipa, int level,
			    struct kvm_mmu_memory_cache *mc)
{
	void *rtt = realm_alloc_rtt_page(mc);
	phys_addr_t phys;
	int ret;

	if (!rtt)
		return -ENOMEM;
	phys = virt_to_phys(rtt);
	if (realm_delegate_page(phys)) {
		free_page((unsigned long)rtt);
		return -ENXIO;
	}
	ipa = ALIGN_DOWN(ipa, rmm_rtt_level_mapsize(level - 1));
	ret = rmi_rtt_create(realm_rd_phys(realm), phys, ipa, level);
	if (!ret)
		return 0;
	realm_free_delegated_page(phys);
	/* The parent entry is a table already: someone else made it. */
	if (rmi_is_rtt_error(ret) && RMI_RETURN_INDEX(ret) == level - 1)
		return 0;
	return -ENXIO;
}

/* Tables for ipa at levels level + 1 .. max_level (level: where a walk stopped). */
int realm_create_rtt_levels(struct realm *realm, unsigned long ipa, int level, int max_level,
			    struct kvm_mmu_memory_cache *mc)
{
	if (WARN_ON(level < realm_start_level(realm) || max_level > RMM_RTT_MAX_LEVEL))
		return -EINVAL;
	while (level++ < max_level) {
		int ret = realm_rtt_create(realm, ipa, level, mc);

		if (ret)
			return ret;
	}
	return 0;
}

/* Folds every empty level-3 table whose 2 MiB block lies inside [start, end). */
void realm_fold_range(struct realm *realm, unsigned long start, unsigned long end)
{
	unsigned long addr;

	for (addr = ALIGN(start, RMM_L2_BLOCK_SIZE); addr + RMM_L2_BLOCK_SIZE <= end &&
	     addr + RMM_L2_BLOCK_SIZE > addr; addr += RMM_L2_BLOCK_SIZE) {
		phys_addr_t rtt;
		int ret = rmi_rtt_fold(realm_rd_phys(realm), addr, RMM_RTT_MAX_LEVEL, &rtt);

		if (!ret)
			realm_free_delegated_page(rtt);
		/* ERROR_RTT: no table here, or its entries differ: leave it. */
		else if (!rmi_is_rtt_error(ret))
			WARN_ON(1);
	}
}

/*
 * After a block's entries were removed: fold its level-3 table if the
 * whole 2 MiB block is in the range (a table partly in use must stay).
 */
void realm_fold_block(struct realm *realm, unsigned long block, unsigned long start,
		      unsigned long end, bool fold)
{
	if (fold && block >= start && block + RMM_L2_BLOCK_SIZE <= end)
		realm_fold_range(realm, block, block + RMM_L2_BLOCK_SIZE);
}

/* Output address of an RTT entry (RTT_READ_ENTRY's desc). */
#define RMM_RTTE_ADDR_MASK	GENMASK_ULL(47, 12)

/*
 * Quarantines what hangs from the level-`level` table whose entries start
 * at base: child tables, recursively, and protected data still mapped.
 * The host never kept those addresses (the RMM hands each back when it is
 * destroyed), so it reads them with RTT_READ_ENTRY.
 */
static void realm_quarantine_entries(struct realm *realm, unsigned long base, int level)
{
	unsigned long size = rmm_rtt_level_mapsize(level);

	for (unsigned long i = 0; i < RMM_PAGE_SIZE / sizeof(u64); i++) {
		unsigned long ipa = base + i * size, walk_level, state, desc;

		if (rmi_rtt_read_entry(realm_rd_phys(realm), ipa, level, &walk_level, &state,
				       &desc) || walk_level != level)
			continue;
		desc &= RMM_RTTE_ADDR_MASK;
		if (state == RMI_TABLE && level < RMM_RTT_MAX_LEVEL) {
			realm_quarantine_page(desc);
			realm_quarantine_entries(realm, ipa, level + 1);
		} else if (state == RMI_ASSIGNED && desc && !(ipa & realm_shared_bit(realm))) {
			realm_quarantine_page(desc);	/* a guest_memfd page */
		}
	}
}

/*
 * The RMM refused to destroy the level-`level` table covering ipa: it and
 * everything under it stay the RMM's for good, so they are quarantined.
 */
static void realm_quarantine_rtt(struct realm *realm, unsigned long ipa, int level)
{
	unsigned long walk_level, state, desc;

	if (rmi_rtt_read_entry(realm_rd_phys(realm), ipa, level - 1, &walk_level, &state, &desc) ||
	    walk_level != level - 1 || state != RMI_TABLE)
		return;		/* no table there after all */
	realm_quarantine_page(desc & RMM_RTTE_ADDR_MASK);
	realm_quarantine_entries(realm, ALIGN_DOWN(ipa, rmm_rtt_level_mapsize(level - 1)), level);
}

/* Destroys the tables of `level` over [start, end), deeper ones first. */
static int realm_tear_down_rtt_level(struct realm *realm, int level, unsigned long start,
				     unsigned long end, bool final)
{
	unsigned long span = rmm_rtt_level_mapsize(level - 1);	/* one table's reach */
	unsigned long addr, next;

	for (addr = start; addr < end; addr = next) {
		phys_addr_t rtt;
		bool retried = false;
		int ret;

		next = ALIGN(addr + 1, span);
		if (addr != ALIGN(addr, span) || next > end) {
			/* Only part of this table is in range: its children, then. */
			if (level == RMM_RTT_MAX_LEVEL)
				continue;
			ret = realm_tear_down_rtt_level(realm, level + 1, addr, min(next, end), final);
			if (ret)
				return ret;
			continue;
		}
again:
		ret = rmi_rtt_destroy(realm_rd_phys(realm), addr, level, &rtt, &next);
		if (!ret) {
			realm_free_delegated_page(rtt);
		} else if (rmi_is_rtt_error(ret) && next > addr) {
			/* No table here: the RMM said where the next may be. */
		} else if (rmi_is_rtt_error(ret) && RMI_RETURN_INDEX(ret) == level &&
			   level < RMM_RTT_MAX_LEVEL && !retried) {
			/* The table has live children: destroy them, then it. */
			ret = realm_tear_down_rtt_level(realm, level + 1, addr, addr + span, final);
			if (ret)
				return ret;
			retried = true;
			goto again;
		} else {
			WARN(1, "RTT_DESTROY ipa 0x%lx level %d: 0x%x, top 0x%lx", addr, level,
			     ret, next);
			/*
			 * The RMM keeps this table: on the last walk (the realm is
			 * being destroyed) quarantine it and what it holds; an
			 * earlier one (kvm_uninit_stage2_mmu) leaves it for that
			 * walk, which may still get it back.  Either way go on
			 * with the rest.
			 */
			if (final)
				realm_quarantine_rtt(realm, addr, level);
			next = addr + span;
		}
		if (next <= addr)	/* guard against an RMM that does not advance */
			next = addr + span;
	}
	return 0;
}

/*
 * Every table below the root ones, over the whole IPA space (after
 * unmapping all): from kvm_destroy_realm() (DYING: the last walk) and, in
 * v14's order, from kvm_uninit_stage2_mmu() before it.
 */
void kvm_realm_destroy_rtts(struct kvm *kvm)
{
	struct realm *realm = kvm_realm(kvm);

	if (!realm->rd)
		return;
	realm_tear_down_rtt_level(realm, realm_start_level(realm) + 1, 0, BIT(realm->ia_bits),
				  kvm_realm_state(kvm) == REALM_STATE_DYING);
}

