/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands for arch/arm64/include/asm/barrier.h.  The mock kernel runs on one
 * host thread per case: the architectural barriers become compiler
 * barriers, which is all ordering one thread needs.
 */
#ifndef __ASM_BARRIER_H
#define __ASM_BARRIER_H

#include <linux/compiler.h>

#define isb()		barrier()
#define dsb(opt)	barrier()
#define dmb(opt)	barrier()

#define mb()		barrier()
#define rmb()		barrier()
#define wmb()		barrier()
#define smp_mb()	barrier()
#define smp_rmb()	barrier()
#define smp_wmb()	barrier()

/* Synchronises a GIC PMR write; the mock has no GIC CPU interface. */
#define pmr_sync()	barrier()

#endif /* __ASM_BARRIER_H */
