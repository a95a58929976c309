/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for arch/arm64/include/asm/esr.h: the syndrome fields realm exits carry. */
#ifndef __ASM_ESR_H
#define __ASM_ESR_H

#include <linux/bits.h>
#include <linux/types.h>

#define ESR_ELx_EC_UNKNOWN	0x00
#define ESR_ELx_EC_WFx		0x01
#define ESR_ELx_EC_HVC32	0x12
#define ESR_ELx_EC_SMC32	0x13
#define ESR_ELx_EC_HVC64	0x16
#define ESR_ELx_EC_SMC64	0x17
#define ESR_ELx_EC_SYS64	0x18
#define ESR_ELx_EC_SVE		0x19
#define ESR_ELx_EC_IABT_LOW	0x20
#define ESR_ELx_EC_IABT_CUR	0x21
#define ESR_ELx_EC_DABT_LOW	0x24
#define ESR_ELx_EC_DABT_CUR	0x25
#define ESR_ELx_EC_SERROR	0x2f
#define ESR_ELx_EC_BRK64	0x3c
#define ESR_ELx_EC_MAX		0x3f

#define ESR_ELx_EC_SHIFT	26
#define ESR_ELx_EC_WIDTH	6
#define ESR_ELx_EC_MASK		(UL(0x3f) << ESR_ELx_EC_SHIFT)
#define ESR_ELx_EC(esr)		(((esr) & ESR_ELx_EC_MASK) >> ESR_ELx_EC_SHIFT)
#define ESR_ELx_IL_SHIFT	25
#define ESR_ELx_IL		(UL(1) << ESR_ELx_IL_SHIFT)
#define ESR_ELx_ISS_MASK	GENMASK(24, 0)
#define ESR_ELx_ISS(esr)	((esr) & ESR_ELx_ISS_MASK)

/* Data aborts. */
#define ESR_ELx_ISV_SHIFT	24
#define ESR_ELx_ISV		(UL(1) << ESR_ELx_ISV_SHIFT)
#define ESR_ELx_SAS_SHIFT	22
#define ESR_ELx_SAS		(UL(3) << ESR_ELx_SAS_SHIFT)
#define ESR_ELx_SSE_SHIFT	21
#define ESR_ELx_SSE		(UL(1) << ESR_ELx_SSE_SHIFT)
#define ESR_ELx_SRT_SHIFT	16
#define ESR_ELx_SRT_MASK	(UL(0x1f) << ESR_ELx_SRT_SHIFT)
#define ESR_ELx_SF_SHIFT	15
#define ESR_ELx_SF		(UL(1) << ESR_ELx_SF_SHIFT)
#define ESR_ELx_AR_SHIFT	14
#define ESR_ELx_AR		(UL(1) << ESR_ELx_AR_SHIFT)
#define ESR_ELx_S1PTW_SHIFT	7
#define ESR_ELx_S1PTW		(UL(1) << ESR_ELx_S1PTW_SHIFT)
#define ESR_ELx_WNR_SHIFT	6
#define ESR_ELx_WNR		(UL(1) << ESR_ELx_WNR_SHIFT)
#define ESR_ELx_CM_SHIFT	8
#define ESR_ELx_CM		(UL(1) << ESR_ELx_CM_SHIFT)
#define ESR_ELx_FSC		(0x3F)
#define ESR_ELx_FSC_TYPE	(0x3C)
#define ESR_ELx_FSC_FAULT	(0x04)
#define ESR_ELx_FSC_PERM	(0x0C)

/* Trapped system-register accesses (EC 0x18). */
#define ESR_ELx_SYS64_ISS_RT_SHIFT	5
#define ESR_ELx_SYS64_ISS_RT_MASK	(UL(0x1f) << ESR_ELx_SYS64_ISS_RT_SHIFT)
#define ESR_ELx_SYS64_ISS_DIR_MASK	0x1
#define ESR_ELx_SYS64_ISS_DIR_READ	0x1
#define ESR_ELx_SYS64_ISS_DIR_WRITE	0x0
#define ESR_ELx_SYS64_ISS_RT(esr) \
	(((esr) & ESR_ELx_SYS64_ISS_RT_MASK) >> ESR_ELx_SYS64_ISS_RT_SHIFT)

#endif /* __ASM_ESR_H */
