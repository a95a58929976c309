// SPDX-License-Identifier: BSD-3-Clause
/*
 * The mock kernel's kmalloc family over the C library's malloc (declared in
 * kernel/include/linux/slab.h and linux/string.h). This whole file is meant
 * to be replaced by an allocator over the physical-memory arena; keep every
 * kmalloc-family definition here and nowhere else.
 *
 * Hosted C: it cannot include the mock headers, so the one flag it needs is
 * repeated below (kunit/tests/kernel_base_kunit.c checks it).
 *
 * Fresh kmalloc() memory is filled with KMALLOC_POISON (the kernel gives
 * garbage): code that forgets to initialise fails the same way every run.
 */
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

/* Must equal __GFP_ZERO in kernel/include/linux/gfp_types.h. */
#define GFP_ZERO_FLAG	0x100u
/* kmalloc(0) result, as ZERO_SIZE_PTR in linux/slab.h. */
#define ZERO_SIZE_PTR	((void *)16)
#define KMALLOC_POISON	0x6b

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

static int is_zero_or_null(const void *p)
{
	return (unsigned long)p <= (unsigned long)ZERO_SIZE_PTR;
}

void *kmalloc(size_t size, unsigned int flags)
{
	void *p;

	if (!size)
		return ZERO_SIZE_PTR;
	p = malloc(size);
	if (p)
		memset(p, (flags & GFP_ZERO_FLAG) ? 0 : KMALLOC_POISON, size);
	return p;
}

void kfree(const void *objp)
{
	if (!is_zero_or_null(objp))
		free((void *)objp);
}

size_t ksize(const void *objp)
{
	return is_zero_or_null(objp) ? 0 : malloc_usable_size((void *)objp);
}

void kfree_sensitive(const void *objp)
{
	if (is_zero_or_null(objp))
		return;
	memset((void *)objp, 0, ksize(objp));
	free((void *)objp);
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
		return kmalloc(new_size, flags);
	old_size = ksize(p);
	q = realloc((void *)p, new_size);
	if (q && new_size > old_size)
		memset((char *)q + old_size, (flags & GFP_ZERO_FLAG) ? 0 : KMALLOC_POISON,
		       new_size - old_size);
	return q;
}

void *kmemdup(const void *src, size_t len, unsigned int gfp)
{
	void *p = kmalloc(len, gfp & ~GFP_ZERO_FLAG);

	if (p && len)
		memcpy(p, src, len);
	return p;
}

char *kstrndup(const char *s, size_t max, unsigned int gfp)
{
	size_t len;
	char *p;

	if (!s)
		return NULL;
	len = strnlen(s, max);
	p = kmalloc(len + 1, gfp & ~GFP_ZERO_FLAG);
	if (p) {
		memcpy(p, s, len);
		p[len] = '\0';
	}
	return p;
}

char *kstrdup(const char *s, unsigned int gfp)
{
	return s ? kstrndup(s, strlen(s), gfp) : NULL;
}

/* No .rodata test in user space: always a copy, so kfree_const() frees. */
const char *kstrdup_const(const char *s, unsigned int gfp)
{
	return kstrdup(s, gfp);
}

void kfree_const(const void *x)
{
	kfree(x);
}
