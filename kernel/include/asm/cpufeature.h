/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands for arch/arm64/include/asm/cpufeature.h: the sanitised ID
 * registers of the mock host CPU (kernel/kvm/cpu.c): RME present when a
 * machine with an RMM is installed, SVE, 6 breakpoints, 4 watchpoints.
 */
#ifndef __ASM_CPUFEATURE_H
#define __ASM_CPUFEATURE_H

#include <linux/types.h>
#include <asm/sysreg.h>

u64 read_sanitised_ftr_reg(u32 id);

static inline unsigned int cpuid_feature_extract_unsigned_field(u64 features, int field)
{
	return (unsigned int)((features >> field) & 0xf);
}

static inline int cpuid_feature_extract_signed_field(u64 features, int field)
{
	return (int)(((s64)(features << (60 - field))) >> 60);
}

static inline bool system_supports_sve(void) { return true; }
static inline bool system_supports_lpa2(void) { return false; }

#endif /* __ASM_CPUFEATURE_H */
