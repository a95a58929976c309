/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands for arch/arm64/include/asm/sysreg.h (and the generated
 * sysreg-defs.h): the ID-register fields and GIC hypervisor-control bits
 * realm code names.  Encodings are the architecture's.
 */
#ifndef __ASM_SYSREG_H
#define __ASM_SYSREG_H

#include <linux/bitfield.h>
#include <linux/bits.h>

#define sys_reg(op0, op1, crn, crm, op2)				\
	(((op0) << 19) | ((op1) << 16) | ((crn) << 12) | ((crm) << 8) | ((op2) << 5))

#define SYS_ID_AA64PFR0_EL1		sys_reg(3, 0, 0, 4, 0)
#define SYS_ID_AA64PFR1_EL1		sys_reg(3, 0, 0, 4, 1)
#define SYS_ID_AA64DFR0_EL1		sys_reg(3, 0, 0, 5, 0)
#define SYS_ID_AA64MMFR0_EL1		sys_reg(3, 0, 0, 7, 0)

#define ID_AA64PFR0_EL1_RME_SHIFT	52
#define ID_AA64PFR0_EL1_RME_WIDTH	4
#define ID_AA64PFR0_EL1_RME_MASK	GENMASK_ULL(55, 52)
#define ID_AA64PFR0_EL1_SVE_SHIFT	32
#define ID_AA64PFR0_EL1_SVE_MASK	GENMASK_ULL(35, 32)

#define ID_AA64DFR0_EL1_CTX_CMPs_SHIFT	28
#define ID_AA64DFR0_EL1_CTX_CMPs_MASK	GENMASK_ULL(31, 28)
#define ID_AA64DFR0_EL1_WRPs_SHIFT	20
#define ID_AA64DFR0_EL1_WRPs_MASK	GENMASK_ULL(23, 20)
#define ID_AA64DFR0_EL1_BRPs_SHIFT	12
#define ID_AA64DFR0_EL1_BRPs_MASK	GENMASK_ULL(15, 12)
#define ID_AA64DFR0_EL1_PMUVer_SHIFT	8
#define ID_AA64DFR0_EL1_PMUVer_MASK	GENMASK_ULL(11, 8)
#define ID_AA64DFR0_EL1_DebugVer_SHIFT	0
#define ID_AA64DFR0_EL1_DebugVer_MASK	GENMASK_ULL(3, 0)

/*
 * gen-sysreg.awk also emits each field under its bare name (REG_FIELD, same
 * value as REG_FIELD_MASK); v12 rmi.c uses that form with FIELD_GET/PREP.
 */
#define ID_AA64DFR0_EL1_CTX_CMPs	ID_AA64DFR0_EL1_CTX_CMPs_MASK
#define ID_AA64DFR0_EL1_WRPs		ID_AA64DFR0_EL1_WRPs_MASK
#define ID_AA64DFR0_EL1_BRPs		ID_AA64DFR0_EL1_BRPs_MASK

#define SYS_FIELD_GET(reg, field, val)	FIELD_GET(reg##_##field##_MASK, val)
#define SYS_FIELD_PREP(reg, field, val)	FIELD_PREP(reg##_##field##_MASK, val)

#define ICH_HCR_EL2_En			BIT(0)
#define ICH_HCR_EL2_UIE			BIT(1)
#define ICH_HCR_EL2_LRENPIE		BIT(2)
#define ICH_HCR_EL2_NPIE		BIT(3)
#define ICH_HCR_EL2_VGrp0EIE		BIT(4)
#define ICH_HCR_EL2_VGrp0DIE		BIT(5)
#define ICH_HCR_EL2_VGrp1EIE		BIT(6)
#define ICH_HCR_EL2_VGrp1DIE		BIT(7)
#define ICH_HCR_EL2_TDIR		BIT(14)

#define MPIDR_HWID_BITMASK		UL(0xff00ffffff)
#define MPIDR_LEVEL_BITS		8
#define MPIDR_AFFINITY_LEVEL(mpidr, level) (((mpidr) >> ((level) * MPIDR_LEVEL_BITS + ((level) == 3 ? 8 : 0))) & 0xff)

/* Registers KVM reads or writes around a REC entry (kvm_hyp.h accessors). */
#define SYS_CNTP_CTL_EL0		sys_reg(3, 3, 14, 2, 1)
#define SYS_CNTP_CVAL_EL0		sys_reg(3, 3, 14, 2, 2)
#define SYS_CNTV_CTL_EL0		sys_reg(3, 3, 14, 3, 1)
#define SYS_CNTV_CVAL_EL0		sys_reg(3, 3, 14, 3, 2)
#define SYS_SPSR_EL1			sys_reg(3, 0, 4, 0, 0)
#define SYS_ELR_EL1			sys_reg(3, 0, 4, 0, 1)
#define SYS_SPSR_EL2			sys_reg(3, 4, 4, 0, 0)
#define SYS_ELR_EL2			sys_reg(3, 4, 4, 0, 1)
#define SYS_ICH_HCR_EL2			sys_reg(3, 4, 12, 11, 0)

/*
 * The CPU's system registers: the mock keeps a small register file by
 * encoding (kernel/kvm/sysreg.c), so a value written is the value read.
 */
u64 mock_read_sysreg(u32 encoding);
void mock_write_sysreg(u32 encoding, u64 val);

#define read_sysreg_s(r)		mock_read_sysreg(r)
#define write_sysreg_s(v, r)		mock_write_sysreg(r, (u64)(v))
#define sysreg_clear_set_s(sysreg, clear, set)				\
	do {								\
		u64 __scs_val = read_sysreg_s(sysreg);			\
		u64 __scs_new = (__scs_val & ~(u64)(clear)) | (set);	\
		if (__scs_new != __scs_val)				\
			write_sysreg_s(__scs_new, sysreg);		\
	} while (0)

#endif /* __ASM_SYSREG_H */
