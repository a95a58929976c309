/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for arch/arm64/include/asm/page.h. */
#ifndef __ASM_PAGE_H
#define __ASM_PAGE_H

#include <asm/page-def.h>
#include <asm/memory.h>

#endif /* __ASM_PAGE_H */
