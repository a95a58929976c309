/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands for arch/arm64/include/asm/kvm_asm.h: the exception codes a world
 * switch returns to KVM's run loop (handle_exit()).  ARM_EXCEPTION_EXIT is
 * the CCA series' (a REC exit that goes straight to userspace); its value
 * here is the mock's own.
 */
#ifndef __ARM_KVM_ASM_H__
#define __ARM_KVM_ASM_H__

#include <linux/bits.h>

#define ARM_EXIT_WITH_SERROR_BIT	31
#define ARM_EXCEPTION_CODE(x)		((x) & ~(1U << ARM_EXIT_WITH_SERROR_BIT))
#define ARM_SERROR_PENDING(x)		!!((x) & (1U << ARM_EXIT_WITH_SERROR_BIT))

#define ARM_EXCEPTION_IRQ		0
#define ARM_EXCEPTION_EL1_SERROR	1
#define ARM_EXCEPTION_TRAP		2
#define ARM_EXCEPTION_IL		3
#define ARM_EXCEPTION_EXIT		4
/* The hyp-stub's error code (HVC_STUB_ERR). */
#define ARM_EXCEPTION_HYP_GONE		0xbadca11

#endif /* __ARM_KVM_ASM_H__ */
