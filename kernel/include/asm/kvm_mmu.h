/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands for arch/arm64/include/asm/kvm_mmu.h: the stage-2 calls realm
 * code makes into the rest of KVM's MMU (models in kernel/kvm/mmu.c).
 */
#ifndef __ARM64_KVM_MMU_H__
#define __ARM64_KVM_MMU_H__

#include <linux/kvm_host.h>
#include <asm/kvm_pgtable.h>
#include <asm/page.h>
#include <asm/stage2_pgtable.h>

/* Normal-memory attribute indexes for stage 2 with FWB (MAIR-like). */
#define MT_S2_FWB_NORMAL	6
#define MT_S2_FWB_NORMAL_NC	5
#define MT_S2_FWB_DEVICE_nGnRE	1

#define PTE_S2_MEMATTR(t)	((u64)(t) << 2)
#define KVM_PTE_LEAF_ATTR_LO_S2_S2AP_R	BIT(6)
#define KVM_PTE_LEAF_ATTR_LO_S2_S2AP_W	BIT(7)

/*
 * Unmaps [start, start + size) from a VM's stage 2.  For a realm this is a
 * call straight back into kvm_realm_unmap_range() (private and shared), as
 * mmu.c's __unmap_stage2_range() does.
 */
void kvm_stage2_unmap_range(struct kvm_s2_mmu *mmu, phys_addr_t start, u64 size,
			    bool may_block);

/* Frees the stage-2 root table KVM allocated at VM creation. */
void kvm_free_stage2_pgd(struct kvm_s2_mmu *mmu);

/* Page-table pages a fault may need for a walk from the start level. */
static inline int kvm_mmu_cache_min_pages(struct kvm_s2_mmu *mmu)
{
	return VTCR_EL2_LVLS(mmu->vtcr) - 1;
}

/* Page-table memory accounting: nothing to account in the mock. */
static inline void kvm_account_pgtable_pages(void *virt, int nr) { }


#endif /* __ARM64_KVM_MMU_H__ */
