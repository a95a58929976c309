/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands for arch/arm64/include/asm/daifflags.h: masking and restoring the
 * CPU's exception flags around a world switch.  The mock has no interrupts
 * to mask; the flags are kept in mock_daif (kernel/kvm/sysreg.c), as the
 * CPU would keep them.
 */
#ifndef __ASM_DAIFFLAGS_H
#define __ASM_DAIFFLAGS_H

#include <linux/types.h>
#include <asm/barrier.h>
#include <asm/cpufeature.h>
#include <asm/ptrace.h>

#define DAIF_PROCCTX		0
#define DAIF_PROCCTX_NOIRQ	(PSR_I_BIT | PSR_F_BIT)
#define DAIF_ERRCTX		(PSR_A_BIT | PSR_I_BIT | PSR_F_BIT)
#define DAIF_MASK		(PSR_D_BIT | PSR_A_BIT | PSR_I_BIT | PSR_F_BIT)

extern unsigned long mock_daif;

static inline void local_daif_mask(void)
{
	mock_daif = DAIF_MASK;
}

static inline unsigned long local_daif_save_flags(void)
{
	return mock_daif;
}

static inline unsigned long local_daif_save(void)
{
	unsigned long flags = mock_daif;

	local_daif_mask();
	return flags;
}

static inline void local_daif_restore(unsigned long flags)
{
	mock_daif = flags;
}

#endif /* __ASM_DAIFFLAGS_H */
