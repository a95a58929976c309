/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Where kmalloc (slab_malloc.c) gets its pages.  The mock kernel's machine
 * installs a source over the arena's host view; with none installed
 * kmalloc serves from the C heap (the KUnit runtime's own tests, code that
 * runs before a machine exists).  Hosted-safe, compiler headers only:
 * slab_malloc.c is also built into kunit_kernel_base.
 */
#ifndef CCA_DOUBLE_SLAB_SOURCE_H
#define CCA_DOUBLE_SLAB_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

struct slab_page_source {
	/* npages contiguous, page-aligned pages; NULL when out of memory. */
	void *(*alloc)(unsigned long npages, void *site);
	void (*free)(void *addr);
	/* Is addr inside the arena (so kfree must not hand it to free())? */
	bool (*owns)(const void *addr);
	/* Names a caller address for the leak report (may be NULL). */
	const char *(*symbolize)(void *site, char *buf, size_t len);
	/* A kmalloc-family misuse (double free, foreign pointer); must not return. */
	void (*bug)(const char *msg, const void *addr) __attribute__((noreturn));
};

/* NULL: back to the C heap.  Objects of the previous source are forgotten. */
void slab_set_page_source(const struct slab_page_source *src);
/*
 * While on, new objects live as long as the kernel (allocated at init):
 * slab_count_live() leaves them out.
 */
void slab_set_init(bool on);
/* Live arena objects but init ones; with `report`, one line each (size, caller) on stdout. */
unsigned long slab_count_live(bool report);

#endif
