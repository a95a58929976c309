/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for arch/arm64/include/asm/stage2_pgtable.h. */
#ifndef __ARM64_S2_PGTABLE_H_
#define __ARM64_S2_PGTABLE_H_

#include <asm/kvm_pgtable.h>
#include <asm/pgtable-hwdef.h>

/* Stage-2 levels for an IPA size: up to 4 more bits by concatenating roots. */
#define stage2_pgtable_levels(ipa)	ARM64_HW_PGTABLE_LEVELS((ipa) - 4)
#define kvm_stage2_levels(mmu)		VTCR_EL2_LVLS((mmu)->vtcr)

#endif /* __ARM64_S2_PGTABLE_H_ */
