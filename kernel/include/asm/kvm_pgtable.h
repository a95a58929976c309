/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands for arch/arm64/include/asm/kvm_pgtable.h: stage-2 protections and
 * the root-table geometry.  A realm's stage-2 tables belong to the RMM, so
 * the mock keeps only what realm code reads of KVM's page-table object.
 */
#ifndef __ARM64_KVM_PGTABLE_H__
#define __ARM64_KVM_PGTABLE_H__

#include <linux/bits.h>
#include <linux/kvm_types.h>
#include <linux/types.h>
#include <asm/kvm_arm.h>
#include <asm/pgtable-hwdef.h>

struct kvm_s2_mmu;

#define KVM_PGTABLE_FIRST_LEVEL		-1
#define KVM_PGTABLE_LAST_LEVEL		3
#define KVM_PGTABLE_MAX_LEVELS		5

enum kvm_pgtable_prot {
	KVM_PGTABLE_PROT_X		= BIT(0),
	KVM_PGTABLE_PROT_W		= BIT(1),
	KVM_PGTABLE_PROT_R		= BIT(2),
	KVM_PGTABLE_PROT_DEVICE		= BIT(3),
	KVM_PGTABLE_PROT_NORMAL_NC	= BIT(4),
};

#define KVM_PGTABLE_PROT_RW	(KVM_PGTABLE_PROT_R | KVM_PGTABLE_PROT_W)
#define KVM_PGTABLE_PROT_RWX	(KVM_PGTABLE_PROT_RW | KVM_PGTABLE_PROT_X)

struct kvm_pgtable {
	u32 ia_bits;
	s8 start_level;
	void *pgd;
	struct kvm_s2_mmu *mmu;
};

/* Bytes one entry at a level maps (4 KiB granule). */
static inline u64 kvm_granule_shift(s8 level)
{
	return ARM64_HW_PGTABLE_LEVEL_SHIFT(level);
}

static inline u64 kvm_granule_size(s8 level)
{
	return BIT_ULL(kvm_granule_shift(level));
}

/* The host does not use LPA2 (52-bit PAs) in the mock. */
static inline bool kvm_lpa2_is_enabled(void)
{
	return false;
}

/* Levels for ia_bits, with up to 16 concatenated tables at the start level. */
static inline u32 kvm_stage2_levels_for_ipa(u32 ia_bits)
{
	return ARM64_HW_PGTABLE_LEVELS(ia_bits - 4);
}

/* Bytes of the (concatenated) root table for the IPA size in vtcr. */
static inline size_t kvm_pgtable_stage2_pgd_size(u64 vtcr)
{
	u32 ia_bits = VTCR_EL2_IPA(vtcr);
	u32 start_level = 4 - kvm_stage2_levels_for_ipa(ia_bits);
	u32 root_bits = ARM64_HW_PGTABLE_LEVEL_SHIFT(start_level) + PAGE_SHIFT - 3;

	return ia_bits > root_bits ? PAGE_SIZE << (ia_bits - root_bits) : PAGE_SIZE;
}

#endif /* __ARM64_KVM_PGTABLE_H__ */
