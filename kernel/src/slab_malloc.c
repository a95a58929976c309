// SPDX-License-Identifier: BSD-3-Clause
/*
 * The mock kernel's kmalloc family (declared in kernel/include/linux/slab.h
 * and linux/string.h), over the physical-memory arena.
 *
 * While a machine is installed (slab_source.h) objects live in arena pages,
 * so virt_to_phys() of a kmalloc'ed pointer is an exact PA as in the kernel,
 * and every object records its size and caller for the leak report.  Small
 * objects share pages by power-of-two size class (32..2048 bytes); larger
 * ones take whole pages.  With no machine kmalloc serves from the C heap,
 * and kfree() tells the two apart by address.
 *
 * Hosted C: it cannot include the mock headers, so the one flag it needs is
 * repeated below (kunit/tests/kernel_base_kunit.c checks it).
 *
 * Fresh kmalloc() memory is filled with KMALLOC_POISON (the kernel gives
 * garbage): code that forgets to initialise fails the same way every run.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE	/* PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP */
#endif
#include <malloc.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "slab_source.h"

/* Must equal __GFP_ZERO in kernel/include/linux/gfp_types.h. */
#define GFP_ZERO_FLAG	0x100u
/* Must equal __GFP_DIRECT_RECLAIM there: an allocation that may sleep. */
#define GFP_DIRECT_RECLAIM_FLAG	0x400u
/* kmalloc(0) result, as ZERO_SIZE_PTR in linux/slab.h. */
#define ZERO_SIZE_PTR	((void *)16)
#define KMALLOC_POISON	0x6b

#define SLAB_PAGE_SIZE	4096UL
#define MIN_CLASS_SHIFT	5			/* 32 bytes */
#define MAX_CLASS_SHIFT	11			/* 2048 bytes */
#define NR_CLASSES	(MAX_CLASS_SHIFT - MIN_CLASS_SHIFT + 1)
#define MAX_SLOTS	(SLAB_PAGE_SIZE >> MIN_CLASS_SHIFT)
#define NR_BUCKETS	4096

void *kmalloc(size_t size, unsigned int flags);
void *krealloc(const void *p, size_t new_size, unsigned int flags);
void kfree(const void *objp);
void kfree_sensitive(const void *objp);
size_t ksize(const void *objp);
char *kstrdup(const char *s, unsigned int gfp);
char *kstrndup(const char *s, size_t max, unsigned int gfp);
const char *kstrdup_const(const char *s, unsigned int gfp);
void kfree_const(const void *x);
void *kmemdup(const void *src, size_t len, unsigned int gfp);

struct obj_info {
	size_t size;
	void *site;
	bool init;				/* allocated at init: lives for good */
};

/* One arena block: a page of one size class, or a large object's pages. */
struct block {
	struct block *hash_next;
	struct block *partial_next;		/* class pages with a free slot */
	uint8_t *addr;
	int cls;				/* -1: one large object */
	unsigned long npages;
	unsigned int nused;
	uint64_t used[MAX_SLOTS / 64];
	struct obj_info obj[];			/* MAX_SLOTS, or 1 for large */
};

static const struct slab_page_source *source;
static bool init_allocs;
static struct block *buckets[NR_BUCKETS];
static struct block *partial[NR_CLASSES];

static int is_zero_or_null(const void *p)
{
	return (unsigned long)p <= (unsigned long)ZERO_SIZE_PTR;
}

static unsigned int bucket_of(const void *page)
{
	return (unsigned int)(((uintptr_t)page / SLAB_PAGE_SIZE) % NR_BUCKETS);
}

static void hash_add(struct block *b)
{
	unsigned int i = bucket_of(b->addr);

	b->hash_next = buckets[i];
	buckets[i] = b;
}

static void hash_del(struct block *b)
{
	struct block **pp = &buckets[bucket_of(b->addr)];

	while (*pp && *pp != b)
		pp = &(*pp)->hash_next;
	if (*pp)
		*pp = b->hash_next;
}

/* The block holding p (its first page for large objects), or NULL. */
static struct block *block_of(const void *p)
{
	uintptr_t page = (uintptr_t)p & ~(SLAB_PAGE_SIZE - 1);

	for (struct block *b = buckets[bucket_of((void *)page)]; b; b = b->hash_next)
		if ((uintptr_t)b->addr == page)
			return b;
	return NULL;
}

static void partial_del(struct block *b)
{
	struct block **pp = &partial[b->cls];

	while (*pp && *pp != b)
		pp = &(*pp)->partial_next;
	if (*pp)
		*pp = b->partial_next;
}

static size_t class_size(int cls)
{
	return (size_t)1 << (cls + MIN_CLASS_SHIFT);
}

static int class_of(size_t size)
{
	for (int cls = 0; cls < NR_CLASSES; cls++)
		if (size <= class_size(cls))
			return cls;
	return -1;
}

static void fill_new(void *p, size_t size, unsigned int flags)
{
	memset(p, (flags & GFP_ZERO_FLAG) ? 0 : KMALLOC_POISON, size);
}

static void *arena_alloc_large(size_t size, unsigned int flags, void *site)
{
	unsigned long npages = (size + SLAB_PAGE_SIZE - 1) / SLAB_PAGE_SIZE;
	struct block *b = calloc(1, sizeof(*b) + sizeof(struct obj_info));

	if (!b)
		return NULL;
	b->addr = source->alloc(npages, site);
	if (!b->addr) {
		free(b);
		return NULL;
	}
	b->cls = -1;
	b->npages = npages;
	b->nused = 1;
	b->obj[0].size = size;
	b->obj[0].site = site;
	b->obj[0].init = init_allocs;
	hash_add(b);
	fill_new(b->addr, size, flags);
	return b->addr;
}

static void *arena_alloc(size_t size, unsigned int flags, void *site)
{
	int cls = class_of(size);
	unsigned int nslots, slot;
	struct block *b;

	if (cls < 0)
		return arena_alloc_large(size, flags, site);
	nslots = (unsigned int)(SLAB_PAGE_SIZE / class_size(cls));
	b = partial[cls];
	if (!b) {
		b = calloc(1, sizeof(*b) + MAX_SLOTS * sizeof(struct obj_info));
		if (!b)
			return NULL;
		b->addr = source->alloc(1, site);
		if (!b->addr) {
			free(b);
			return NULL;
		}
		b->cls = cls;
		b->npages = 1;
		hash_add(b);
		b->partial_next = partial[cls];
		partial[cls] = b;
	}
	for (slot = 0; slot < nslots; slot++)
		if (!(b->used[slot / 64] & (1ULL << (slot % 64))))
			break;
	b->used[slot / 64] |= 1ULL << (slot % 64);
	b->obj[slot].size = size;
	b->obj[slot].site = site;
	b->obj[slot].init = init_allocs;
	if (++b->nused == nslots)
		partial_del(b);
	fill_new(b->addr + slot * class_size(cls), size, flags);
	return b->addr + slot * class_size(cls);
}

/* The object's slot in b; -1 (after reporting) if p is not a live object. */
static int slot_of(struct block *b, const void *p)
{
	uintptr_t off = (uintptr_t)p - (uintptr_t)b->addr;
	unsigned int slot;

	if (b->cls < 0)
		return off == 0 ? 0 : -1;
	if (off % class_size(b->cls))
		return -1;
	slot = (unsigned int)(off / class_size(b->cls));
	return (b->used[slot / 64] & (1ULL << (slot % 64))) ? (int)slot : -1;
}

static void arena_free(const void *p)
{
	struct block *b = block_of(p);
	unsigned int nslots;
	int slot = b ? slot_of(b, p) : -1;

	if (slot < 0)
		source->bug("kfree() of a pointer kmalloc did not return, or a double free", p);
	if (b->cls < 0) {
		hash_del(b);
		source->free(b->addr);
		free(b);
		return;
	}
	nslots = (unsigned int)(SLAB_PAGE_SIZE / class_size(b->cls));
	if (b->nused == nslots) {
		b->partial_next = partial[b->cls];
		partial[b->cls] = b;
	}
	b->used[slot / 64] &= ~(1ULL << (slot % 64));
	if (--b->nused == 0) {
		partial_del(b);
		hash_del(b);
		source->free(b->addr);
		free(b);
	}
}

static size_t arena_size_of(const void *p)
{
	struct block *b = block_of(p);
	int slot = b ? slot_of(b, p) : -1;

	if (slot < 0)
		source->bug("ksize() of a pointer kmalloc did not return", p);
	return b->cls < 0 ? b->npages * SLAB_PAGE_SIZE : class_size(b->cls);
}

/* Requested size of a live arena object (for krealloc's copy). */
static size_t arena_requested(const void *p)
{
	struct block *b = block_of(p);
	int slot = b ? slot_of(b, p) : -1;

	return slot < 0 ? 0 : b->obj[slot].size;
}

static void forget_all(void)
{
	for (unsigned int i = 0; i < NR_BUCKETS; i++) {
		while (buckets[i]) {
			struct block *b = buckets[i];

			buckets[i] = b->hash_next;
			free(b);
		}
	}
	memset(partial, 0, sizeof(partial));
}

void slab_set_page_source(const struct slab_page_source *src)
{
	forget_all();
	source = src;
}

void slab_set_init(bool on)
{
	init_allocs = on;
}

unsigned long slab_count_live(bool report)
{
	unsigned long n = 0;

	for (unsigned int i = 0; i < NR_BUCKETS; i++) {
		for (struct block *b = buckets[i]; b; b = b->hash_next) {
			unsigned int nslots = b->cls < 0 ? 1 :
				(unsigned int)(SLAB_PAGE_SIZE / class_size(b->cls));

			for (unsigned int s = 0; s < nslots; s++) {
				if (b->cls >= 0 && !(b->used[s / 64] & (1ULL << (s % 64))))
					continue;
				if (b->obj[s].init)
					continue;
				n++;
				if (report) {
					char sym[128];

					if (source && source->symbolize)
						source->symbolize(b->obj[s].site, sym, sizeof(sym));
					else
						snprintf(sym, sizeof(sym), "%p", b->obj[s].site);
					printf("    # leak: kmalloc object of %zu bytes at %p, allocated from %s\n",
					       b->obj[s].size,
					       (void *)(b->addr + (b->cls < 0 ? 0 : s * class_size(b->cls))),
					       sym);
				}
			}
		}
	}
	if (report)
		fflush(stdout);
	return n;
}

/*
 * vCPU threads allocate at once (mock-sync.h): one lock over the arena
 * objects, recursive because a BUG on the main thread unwinds past it and
 * the case's leak check takes it again.
 */
static pthread_mutex_t slab_lock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;

/* The mock kernel's might_sleep() (kernel/src/lockdep.c), where it is linked. */
void mock_might_sleep(const char *file, int line) __attribute__((weak));

static void *do_kmalloc(size_t size, unsigned int flags, void *site)
{
	void *p;

	if ((flags & GFP_DIRECT_RECLAIM_FLAG) && mock_might_sleep)
		mock_might_sleep(__FILE__, __LINE__);	/* a blocking allocation */
	if (!size)
		return ZERO_SIZE_PTR;
	if (source) {
		pthread_mutex_lock(&slab_lock);
		p = arena_alloc(size, flags, site);
		pthread_mutex_unlock(&slab_lock);
		return p;
	}
	p = malloc(size);
	if (p)
		fill_new(p, size, flags);
	return p;
}

static int is_arena(const void *p)
{
	return source && source->owns(p);
}

void *kmalloc(size_t size, unsigned int flags)
{
	return do_kmalloc(size, flags, __builtin_return_address(0));
}

void kfree(const void *objp)
{
	if (is_zero_or_null(objp))
		return;
	if (is_arena(objp)) {
		pthread_mutex_lock(&slab_lock);
		arena_free(objp);
		pthread_mutex_unlock(&slab_lock);
	} else
		free((void *)objp);
}

size_t ksize(const void *objp)
{
	if (is_zero_or_null(objp))
		return 0;
	size_t n;

	if (!is_arena(objp))
		return malloc_usable_size((void *)objp);
	pthread_mutex_lock(&slab_lock);
	n = arena_size_of(objp);
	pthread_mutex_unlock(&slab_lock);
	return n;
}

void kfree_sensitive(const void *objp)
{
	if (is_zero_or_null(objp))
		return;
	memset((void *)objp, 0, ksize(objp));
	kfree(objp);
}

void *krealloc(const void *p, size_t new_size, unsigned int flags)
{
	size_t old_size;
	void *q;

	if (!new_size) {
		kfree(p);
		return ZERO_SIZE_PTR;
	}
	if (is_zero_or_null(p))
		return do_kmalloc(new_size, flags, __builtin_return_address(0));
	if (is_arena(p)) {
		pthread_mutex_lock(&slab_lock);
		old_size = arena_requested(p);
		pthread_mutex_unlock(&slab_lock);
		q = do_kmalloc(new_size, flags, __builtin_return_address(0));
		if (q) {
			memcpy(q, p, old_size < new_size ? old_size : new_size);
			kfree(p);
		}
		return q;
	}
	old_size = ksize(p);
	q = realloc((void *)p, new_size);
	if (q && new_size > old_size)
		memset((char *)q + old_size, (flags & GFP_ZERO_FLAG) ? 0 : KMALLOC_POISON,
		       new_size - old_size);
	return q;
}

void *kmemdup(const void *src, size_t len, unsigned int gfp)
{
	void *p = do_kmalloc(len, gfp & ~GFP_ZERO_FLAG, __builtin_return_address(0));

	if (p && len)
		memcpy(p, src, len);
	return p;
}

static char *dup_n(const char *s, size_t max, unsigned int gfp, void *site)
{
	size_t len;
	char *p;

	if (!s)
		return NULL;
	len = strnlen(s, max);
	p = do_kmalloc(len + 1, gfp & ~GFP_ZERO_FLAG, site);
	if (p) {
		memcpy(p, s, len);
		p[len] = '\0';
	}
	return p;
}

char *kstrndup(const char *s, size_t max, unsigned int gfp)
{
	return dup_n(s, max, gfp, __builtin_return_address(0));
}

char *kstrdup(const char *s, unsigned int gfp)
{
	return s ? dup_n(s, strlen(s), gfp, __builtin_return_address(0)) : NULL;
}

/* No .rodata test in user space: always a copy, so kfree_const() frees. */
const char *kstrdup_const(const char *s, unsigned int gfp)
{
	return s ? dup_n(s, strlen(s), gfp, __builtin_return_address(0)) : NULL;
}

void kfree_const(const void *x)
{
	kfree(x);
}
