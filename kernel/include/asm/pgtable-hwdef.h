/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for arch/arm64/include/asm/pgtable-hwdef.h (4K pages, 48-bit VA). */
#ifndef __ASM_PGTABLE_HWDEF_H
#define __ASM_PGTABLE_HWDEF_H

#include <linux/const.h>
#include <asm/page-def.h>

/* Levels needed to translate va_bits with PAGE_SHIFT - 3 bits per level. */
#define ARM64_HW_PGTABLE_LEVELS(va_bits) (((va_bits) - 4) / (PAGE_SHIFT - 3))
/* Address bits a level-n entry maps (n = 0..3; level 3 maps a page). */
#define ARM64_HW_PGTABLE_LEVEL_SHIFT(n)	((PAGE_SHIFT - 3) * (4 - (n)) + 3)

#define PTRS_PER_PTE		(1 << (PAGE_SHIFT - 3))
#define PTRS_PER_PMD		PTRS_PER_PTE
#define PTRS_PER_PUD		PTRS_PER_PTE

#define PMD_SHIFT		ARM64_HW_PGTABLE_LEVEL_SHIFT(2)
#define PMD_SIZE		(_AC(1, UL) << PMD_SHIFT)
#define PMD_MASK		(~(PMD_SIZE - 1))
#define PUD_SHIFT		ARM64_HW_PGTABLE_LEVEL_SHIFT(1)
#define PUD_SIZE		(_AC(1, UL) << PUD_SHIFT)
#define PUD_MASK		(~(PUD_SIZE - 1))
#define P4D_SHIFT		ARM64_HW_PGTABLE_LEVEL_SHIFT(0)
#define P4D_SIZE		(_AC(1, UL) << P4D_SHIFT)
#define P4D_MASK		(~(P4D_SIZE - 1))

#define PHYS_MASK_SHIFT		48
#define PHYS_MASK		((_AC(1, UL) << PHYS_MASK_SHIFT) - 1)

#endif /* __ASM_PGTABLE_HWDEF_H */
