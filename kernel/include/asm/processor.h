/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for arch/arm64/include/asm/processor.h: what a busy-wait loop calls. */
#ifndef __ASM_PROCESSOR_H
#define __ASM_PROCESSOR_H

#include <linux/compiler.h>

/* A spin-wait hint (the kernel's is a compiler barrier too, on arm64). */
static inline void cpu_relax(void)
{
	barrier();
}

#endif /* __ASM_PROCESSOR_H */
