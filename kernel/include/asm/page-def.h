/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for arch/arm64/include/asm/page-def.h: the mock is a 4K-page arm64 host. */
#ifndef __ASM_PAGE_DEF_H
#define __ASM_PAGE_DEF_H

#include <linux/const.h>

#define CONFIG_PAGE_SHIFT	12
#define CONFIG_ARM64_4K_PAGES	1
#define CONFIG_PAGE_SIZE_4KB	1

#define PAGE_SHIFT		CONFIG_PAGE_SHIFT
#define PAGE_SIZE		(_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK		(~(PAGE_SIZE - 1))

#endif /* __ASM_PAGE_DEF_H */
