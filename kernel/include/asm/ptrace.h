/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands for arch/arm64/include/asm/ptrace.h and its uapi half: PSTATE
 * modes and the DAIF bits (struct user_pt_regs is in the mock's
 * uapi/linux/kvm.h, where KVM's vCPU registers are).
 */
#ifndef __ASM_PTRACE_H
#define __ASM_PTRACE_H

#define PSR_MODE_EL0t	0x00000000
#define PSR_MODE_EL1t	0x00000004
#define PSR_MODE_EL1h	0x00000005
#define PSR_MODE_EL2t	0x00000008
#define PSR_MODE_EL2h	0x00000009
#define PSR_MODE_MASK	0x0000000f

#define PSR_F_BIT	0x00000040
#define PSR_I_BIT	0x00000080
#define PSR_A_BIT	0x00000100
#define PSR_D_BIT	0x00000200

#endif /* __ASM_PTRACE_H */
