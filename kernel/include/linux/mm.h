/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands for include/linux/mm.h, reduced to pages and their reference
 * counts, page rounding, and pinning user pages.  User memory in the mock
 * is arena pages (the harness's VMM allocates its buffers there), so a
 * "user address" is a linear-map address and pinning is taking a reference.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/atomic.h>
#include <linux/bitmap.h>
#include <linux/bitops.h>
#include <linux/bug.h>
#include <linux/compiler.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mm_types.h>
#include <linux/overflow.h>
#include <linux/sched.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/types.h>
#include <asm/memory.h>
#include <asm/page.h>
#include <asm/pgtable-hwdef.h>
/*
 * What the real header brings in through mmzone.h/cpumask.h (linux/kernel.h)
 * and asm/processor.h (asm/cpufeature.h): code that includes only
 * linux/memblock.h, as arch/arm64/kernel/rmi.c does, relies on them.
 */
#include <linux/kernel.h>
#include <asm/cpufeature.h>

void *page_address(const struct page *page);
void get_page(struct page *page);
void put_page(struct page *page);
int page_count(const struct page *page);

#define PAGE_ALIGN(addr)	ALIGN(addr, PAGE_SIZE)
#define PAGE_ALIGNED(addr)	IS_ALIGNED((unsigned long)(addr), PAGE_SIZE)
#define offset_in_page(p)	((unsigned long)(p) & ~PAGE_MASK)

/* Order of the smallest power-of-two block of pages holding size bytes. */
static inline int get_order(unsigned long size)
{
	int order = 0;

	size = (size - 1) >> PAGE_SHIFT;
	while (size) {
		order++;
		size >>= 1;
	}
	return order;
}

#define FOLL_WRITE		0x01
#define FOLL_LONGTERM		0x100

/* Pins nr_pages user pages from start: each gets a reference put_page() drops. */
static inline long get_user_pages(unsigned long start, unsigned long nr_pages,
				  unsigned int gup_flags, struct page **pages)
{
	unsigned long i;

	for (i = 0; i < nr_pages; i++) {
		unsigned long addr = start + i * PAGE_SIZE;

		/* A user address: not the host's memory is a fault, not a bug. */
		if (!virt_addr_valid((void *)addr))
			return i ? (long)i : -EFAULT;
		pages[i] = virt_to_page((void *)addr);
		get_page(pages[i]);
	}
	return (long)i;
}

#define pin_user_pages(s, n, f, p)	get_user_pages(s, n, f, p)
#define unpin_user_page(p)		put_page(p)

static inline void mmap_read_lock(struct mm_struct *mm) { }
static inline void mmap_read_unlock(struct mm_struct *mm) { }

#endif /* _LINUX_MM_H */
