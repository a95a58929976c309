/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands for arch/arm64/include/asm/memory.h: linear-map translations.  The
 * linear map is the arena's host view (kernel/src/page_alloc.c), so these
 * are exact; a pointer or PA outside the arena is reported as a bug and
 * fails the test instead of giving a wrong number.
 */
#ifndef __ASM_MEMORY_H
#define __ASM_MEMORY_H

#include <linux/sizes.h>	/* the kernel's asm/memory.h includes it too */
#include <linux/types.h>
#include <asm/page-def.h>

struct page;

phys_addr_t virt_to_phys(const volatile void *x);
void *phys_to_virt(phys_addr_t x);
struct page *virt_to_page(const volatile void *addr);
unsigned long page_to_pfn(const struct page *page);
struct page *pfn_to_page(unsigned long pfn);
int pfn_valid(unsigned long pfn);
/* Is x a linear-map address (in the arena)?  Asks without reporting a bug. */
bool mock_virt_addr_valid(const volatile void *x);

#define __pa(x)			virt_to_phys((void *)(x))
#define __va(x)			phys_to_virt((phys_addr_t)(x))
#define __phys_to_pfn(paddr)	((unsigned long)((paddr) >> PAGE_SHIFT))
#define __pfn_to_phys(pfn)	((phys_addr_t)(pfn) << PAGE_SHIFT)
#define PHYS_PFN(x)		((unsigned long)((x) >> PAGE_SHIFT))
#define PFN_PHYS(x)		((phys_addr_t)(x) << PAGE_SHIFT)
#define page_to_phys(page)	__pfn_to_phys(page_to_pfn(page))
#define phys_to_page(phys)	pfn_to_page(__phys_to_pfn(phys))
#define virt_to_pfn(x)		__phys_to_pfn(virt_to_phys(x))
#define virt_addr_valid(x)	mock_virt_addr_valid(x)

#endif /* __ASM_MEMORY_H */
