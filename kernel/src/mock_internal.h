/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Hosted side of the mock kernel: the installed machine and the page
 * bookkeeping shared by the page allocator, kmalloc and the leak report.
 * Kernel-world code never sees these definitions (struct page is opaque
 * there, as its fields are none of the realm code's business).
 */
#ifndef CCA_DOUBLE_MOCK_INTERNAL_H
#define CCA_DOUBLE_MOCK_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cca-double/mock-kernel.h>
#include <cca-double/mock-sync.h>
#include <cca-double/pmem.h>
#include <cca-double/rmm.h>

#include "slab_source.h"

#define MOCK_PAGE_SHIFT		12
#define MOCK_PAGE_SIZE		(1UL << MOCK_PAGE_SHIFT)

/* Must equal __GFP_ZERO in kernel/include/linux/gfp_types.h. */
#define MOCK_GFP_ZERO		0x100u
/* What fresh pages and objects hold when not zeroed (the kernel's garbage). */
#define MOCK_ALLOC_POISON	0x6b

enum mock_page_use {
	PAGE_FREE,
	PAGE_ALLOCATED,		/* head of a block from the page allocator */
	PAGE_TAIL,		/* other pages of that block */
	PAGE_SLAB,		/* kmalloc's (head or tail) */
};

/* One per arena page; kernel-world code only holds pointers to these. */
struct page {
	unsigned char use;	/* enum mock_page_use */
	unsigned char order;	/* of the block this page heads */
	int refcount;
	/*
	 * get_page() of this page while the RMM held its granule: the host keeps
	 * it out of the allocator on purpose (the kernel's leak-on-failure).
	 */
	bool quarantined;
	unsigned long npages;	/* block length (alloc_pages_exact may trim) */
	void *site;		/* return address of the allocating call */
	bool init;		/* allocated at init: lives as long as the kernel */
	bool user;		/* the VMM's memory: not poisoned when freed */
};

struct mock_machine {
	struct pmem *pm;
	struct rmm *rmm;
	bool owned;		/* created by mock_machine_create() */
	uint64_t pa_base;
	uint64_t npages;
	uint8_t *host;		/* host view of the whole arena */
	struct page *pages;
	unsigned long live_pages;	/* in PAGE_ALLOCATED blocks */
	unsigned long init_live_pages;	/* of those, in .init blocks */
	unsigned long quarantine_marks;	/* pages with .quarantined set */
	uint64_t quarantine_lo, quarantine_hi;	/* and where they are, while there are any */
};

extern struct mock_machine *mock_current;
/* Between mock_init_allocs_begin() and _end(): new allocations are init-time ones. */
extern bool mock_init_allocs;

/* Page allocator (page_alloc.c). */
struct page *mock_alloc_block(unsigned long npages, unsigned int align_order, unsigned int gfp,
			      void *site);
void mock_free_block(struct page *head, const char *what);
/* A block for kmalloc (PAGE_SLAB, not counted in live_pages). */
struct page *mock_alloc_slab_block(unsigned long npages, unsigned int align_order, void *site);
unsigned long mock_count_live_pages(bool report);
/* Quarantined blocks (pages) and their granules the RMM still holds. */
void mock_count_quarantined(unsigned long *pages, unsigned long long *granules);

/* kmalloc over the arena: slab_source.h. */

/* Reports a host bug: message, backtrace, then the current test fails and ends. */
void mock_report_bug(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
/* Prints a short backtrace of the caller to stdout, skipping `skip` frames. */
void mock_print_backtrace(unsigned int skip);
/* Symbolic name of a code address ("func+0x1c"), in buf. */
const char *mock_symbolize(void *addr, char *buf, size_t len);
/* Frames looked up so far in this process (tests: none for a report to /dev/null). */
unsigned long mock_backtrace_frames_described(void);

/* Lockdep-lite (lockdep.c), called by the locks (sync.c). */
void mock_lockdep_acquire(const struct mock_lock *l, enum mock_lock_kind kind, bool read);
void mock_lockdep_acquired(const struct mock_lock *l, enum mock_lock_kind kind, bool read);
bool mock_lockdep_release(const struct mock_lock *l, bool read);
/* A thread mock_thread_start() made (a BUG there cannot unwind the case: sync.c). */
bool mock_in_worker_thread(void);
/* The fake RMM's host-interrupt poll: an IPI pending for the calling thread's CPU. */
bool mock_cpu_take_ipi(void *ctx, uint64_t rec);

#endif
