// SPDX-License-Identifier: BSD-3-Clause
/*
 * Model of guest_memfd (virt/kvm/guest_memfd.c) and memory attributes:
 * private memory is pages guest_memfd owns, allocated on first use and
 * freed only with the file.  kvm_gmem_populate() follows the contract of
 * the kernel the code under test is written for (below).
 */
#include <linux/bitmap.h>

#include "kvm_internal.h"

struct kvm_gmem *kvm_gmem_create(unsigned long npages)
{
	struct kvm_gmem *gmem = kzalloc(sizeof(*gmem), GFP_KERNEL);

	if (!gmem)
		return NULL;
	gmem->npages = npages;
	gmem->pages = kcalloc(npages, sizeof(*gmem->pages), GFP_KERNEL);
	gmem->prepared = bitmap_zalloc(npages, GFP_KERNEL);
	if (!gmem->pages || !gmem->prepared) {
		kvm_gmem_destroy(gmem);
		return NULL;
	}
	return gmem;
}

void kvm_gmem_destroy(struct kvm_gmem *gmem)
{
	if (!gmem)
		return;
	for (unsigned long i = 0; gmem->pages && i < gmem->npages; i++)
		if (gmem->pages[i])
			put_page(gmem->pages[i]);
	kfree(gmem->pages);
	bitmap_free(gmem->prepared);
	kfree(gmem);
}

struct kvm_memory_slot *gfn_to_memslot(struct kvm *kvm, gfn_t gfn)
{
	struct kvm_memslots *slots = kvm_memslots(kvm);
	struct kvm_memory_slot *slot;
	int bkt;

	kvm_for_each_memslot(slot, bkt, slots)
		if (gfn >= slot->base_gfn && gfn - slot->base_gfn < slot->npages)
			return slot;
	return NULL;
}

bool kvm_mem_is_private(struct kvm *kvm, gfn_t gfn)
{
	if (!kvm->mem_attr_private || gfn >= kvm->mem_attr_npages)
		return false;
	return test_bit(gfn, kvm->mem_attr_private);
}

bool kvm_gmem_is_private_gfn(struct kvm *kvm, gfn_t gfn)
{
	return kvm_mem_is_private(kvm, gfn);
}

int kvm_gmem_get_pfn(struct kvm *kvm, struct kvm_memory_slot *slot, gfn_t gfn,
		     kvm_pfn_t *pfn, struct page **page, int *max_order)
{
	struct kvm_gmem *gmem = slot ? slot->gmem.file : NULL;
	unsigned long idx;

	if (!gmem || gfn < slot->base_gfn || gfn - slot->base_gfn >= slot->npages)
		return -EFAULT;
	idx = slot->gmem.pgoff + (gfn - slot->base_gfn);
	if (!gmem->pages[idx]) {
		gmem->pages[idx] = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (!gmem->pages[idx])
			return -ENOMEM;
	}
	*pfn = page_to_pfn(gmem->pages[idx]);
	if (page)
		*page = gmem->pages[idx];
	if (max_order)
		*max_order = 0;
	return 0;
}

/*
 * virt/kvm/guest_memfd.c's kvm_gmem_populate() in the version of the base
 * kernel of the code under test:
 *  - all: npages <= 0 is a caller bug (WARN_ON_ONCE, -EINVAL, since
 *    v6.18); the gfns must be private (-EINVAL otherwise); the result is
 *    the number of pages done, or the error when none was;
 *  - v6.18/6.19 (CCA_UPSTREAM_GMEM_POPULATE_UADDR): the callback gets the
 *    user address of each source page and pins it itself; a page populated
 *    already is -EEXIST;
 *  - v7.1 (default): the source must be page aligned (WARN_ON_ONCE,
 *    -EINVAL); each source page is pinned here and handed to the callback;
 *    a page populated already is -EEXIST;
 *  - later (CCA_UPSTREAM_GMEM_POPULATE_WRITEBACK): as v7.1, the source
 *    pinned writable when may_writeback_src, and no "populated already"
 *    state: the callback runs again and the architecture decides.
 */
#ifdef CCA_UPSTREAM_GMEM_POPULATE_WRITEBACK
long kvm_gmem_populate(struct kvm *kvm, gfn_t gfn, void __user *src, long npages,
		       bool may_writeback_src, kvm_gmem_populate_cb post_populate, void *opaque)
#else
long kvm_gmem_populate(struct kvm *kvm, gfn_t gfn, void __user *src, long npages,
		       kvm_gmem_populate_cb post_populate, void *opaque)
#endif
{
	struct kvm_memory_slot *slot;
	long i;
	int ret = 0;

	lockdep_assert_held(&kvm->slots_lock);
	if (WARN_ON_ONCE(npages <= 0))
		return -EINVAL;
#ifndef CCA_UPSTREAM_GMEM_POPULATE_UADDR
	if (WARN_ON_ONCE(!PAGE_ALIGNED(src)))
		return -EINVAL;
#endif
	slot = gfn_to_memslot(kvm, gfn);
	if (!kvm_slot_has_gmem(slot))
		return -EINVAL;
	npages = min_t(long, npages, slot->base_gfn + slot->npages - gfn);
	for (i = 0; i < npages; i++) {
		struct kvm_gmem *gmem = slot->gmem.file;
		unsigned long idx = slot->gmem.pgoff + (gfn + i - slot->base_gfn);
		struct page *src_page = NULL;
		kvm_pfn_t pfn;

#ifndef CCA_UPSTREAM_GMEM_POPULATE_WRITEBACK
		if (test_bit(idx, gmem->prepared)) {
			ret = -EEXIST;
			break;
		}
#endif
		ret = kvm_gmem_get_pfn(kvm, slot, gfn + i, &pfn, NULL, NULL);
		if (ret)
			break;
		if (!kvm_mem_is_private(kvm, gfn + i)) {
			ret = -EINVAL;
			break;
		}
#ifdef CCA_UPSTREAM_GMEM_POPULATE_UADDR
		ret = post_populate(kvm, gfn + i, pfn,
				    src ? (char __user *)src + i * PAGE_SIZE : NULL,
				    0, opaque);
#else
		if (src) {
			unsigned long uaddr = (unsigned long)src + i * PAGE_SIZE;
#ifdef CCA_UPSTREAM_GMEM_POPULATE_WRITEBACK
			unsigned int flags = may_writeback_src ? FOLL_WRITE : 0;
#else
			unsigned int flags = 0;
#endif

			if (get_user_pages(uaddr, 1, flags, &src_page) != 1) {
				ret = -EFAULT;
				break;
			}
		}
		ret = post_populate(kvm, gfn + i, pfn, src_page, opaque);
#endif
		if (src_page)
			put_page(src_page);
		if (ret)
			break;
		__set_bit(idx, gmem->prepared);
	}
	return i ? i : ret;
}
