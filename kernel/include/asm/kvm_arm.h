/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for arch/arm64/include/asm/kvm_arm.h: VTCR_EL2 and fault-register fields. */
#ifndef __ARM64_KVM_ARM_H__
#define __ARM64_KVM_ARM_H__

#include <linux/bits.h>
#include <linux/types.h>
#include <asm/memory.h>	/* as in the kernel; brings linux/sizes.h */
#include <asm/pgtable-hwdef.h>

#define VTCR_EL2_T0SZ_MASK	0x3f
#define VTCR_EL2_T0SZ(x)	(64 - (x))
#define VTCR_EL2_SL0_SHIFT	6
#define VTCR_EL2_SL0_MASK	(3 << VTCR_EL2_SL0_SHIFT)
/* 4K granule: SL0 0, 1, 2 start at levels 2, 1, 0. */
#define VTCR_EL2_SL0(start_level) ((u64)(2 - (start_level)) << VTCR_EL2_SL0_SHIFT)
#define VTCR_EL2_IPA(vtcr)	(64 - ((vtcr) & VTCR_EL2_T0SZ_MASK))
#define VTCR_EL2_LVLS(vtcr)	(2 + (((vtcr) & VTCR_EL2_SL0_MASK) >> VTCR_EL2_SL0_SHIFT))

/* HPFAR_EL2.FIPA holds IPA[51:12] in bits [43:4]. */
#define HPFAR_MASK		GENMASK_ULL(43, 4)
#define HPFAR_EL2_FIPA		HPFAR_MASK
#define HPFAR_EL2_NS		BIT_ULL(63)

#define KVM_PHYS_SHIFT		40

/* HCR_EL2 traps KVM sets per vCPU (WFE/WFI). */
#define HCR_TWE			BIT_ULL(14)
#define HCR_TWI			BIT_ULL(13)

#endif /* __ARM64_KVM_ARM_H__ */
