/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands for include/linux/slab.h: the kmalloc family. Only declared here;
 * the implementation is kernel/src/slab_malloc.c (replaceable as a whole).
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/cleanup.h>
#include <linux/compiler.h>
#include <linux/err.h>
#include <linux/gfp.h>
#include <linux/overflow.h>
#include <linux/types.h>

/* kmalloc(0) returns this non-NULL, never dereferenceable pointer. */
#define ZERO_SIZE_PTR		((void *)16)
#define ZERO_OR_NULL_PTR(x)	((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

void *kmalloc(size_t size, gfp_t flags) __malloc;
void *krealloc(const void *p, size_t new_size, gfp_t flags) __must_check;
void kfree(const void *objp);
DEFINE_FREE(kfree, void *, if (!IS_ERR_OR_NULL(_T)) kfree(_T))
void kfree_sensitive(const void *objp);
size_t ksize(const void *objp);

/* The GFP flags argument of the typed helpers is optional: GFP_KERNEL. */
#define __default_gfp(a, b, ...)	b
#define default_gfp(...)		__default_gfp(, ##__VA_ARGS__, GFP_KERNEL)

/* One object of the type of VAR_OR_TYPE (the kernel's typed allocation helper). */
#define kmalloc_obj(VAR_OR_TYPE, ...)					\
	((typeof(VAR_OR_TYPE) *)kmalloc(sizeof(VAR_OR_TYPE),		\
					default_gfp(__VA_ARGS__)))

static inline void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

static inline void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return kmalloc(bytes, flags);
}

static inline void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	return kmalloc_array(n, size, flags | __GFP_ZERO);
}

/* No vmalloc area in the mock: kvmalloc is kmalloc. */
static inline void *kvmalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags);
}

static inline void *kvzalloc(size_t size, gfp_t flags)
{
	return kzalloc(size, flags);
}

static inline void *kvcalloc(size_t n, size_t size, gfp_t flags)
{
	return kcalloc(n, size, flags);
}

static inline void kvfree(const void *addr)
{
	kfree(addr);
}

#endif /* _LINUX_SLAB_H */
