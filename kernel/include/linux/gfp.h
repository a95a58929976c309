/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands for include/linux/gfp.h: allocation flags and the page allocator.
 * The allocator serves the installed machine's arena (kernel/src/page_alloc.c).
 */
#ifndef __LINUX_GFP_H
#define __LINUX_GFP_H

#include <linux/cleanup.h>
#include <linux/gfp_types.h>
#include <linux/types.h>

struct page;

/* May an allocation with these flags sleep? */
static inline bool gfpflags_allow_blocking(const gfp_t gfp_flags)
{
	return !!(gfp_flags & __GFP_DIRECT_RECLAIM);
}

struct page *alloc_pages(gfp_t gfp, unsigned int order);
void __free_pages(struct page *page, unsigned int order);
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
unsigned long get_zeroed_page(gfp_t gfp);
void free_pages(unsigned long addr, unsigned int order);
void *alloc_pages_exact(size_t size, gfp_t gfp);
void free_pages_exact(void *virt, size_t size);

#define alloc_page(gfp)			alloc_pages(gfp, 0)
#define __get_free_page(gfp)		__get_free_pages((gfp), 0)
#define __free_page(page)		__free_pages((page), 0)
#define free_page(addr)			free_pages((addr), 0)

/* struct foo *p __free(free_page) = (void *)get_zeroed_page(...); */
DEFINE_FREE(free_page, void *, if (_T) free_page((unsigned long)_T))

#endif /* __LINUX_GFP_H */
