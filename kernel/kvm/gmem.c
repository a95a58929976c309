// SPDX-License-Identifier: BSD-3-Clause
/*
 * Model of guest_memfd (virt/kvm/guest_memfd.c) and memory attributes:
 * private memory is pages guest_memfd owns, allocated on first use and
 * freed only with the file.  kvm_gmem_populate() follows the v14 contract
 * (callback per page with the pinned source page, -EEXIST for a page
 * populated already), or in upstream mode the older one a tree may use
 * (CCA_UPSTREAM_GMEM_POPULATE_UADDR: user address + order, callback pins).
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

long kvm_gmem_populate(struct kvm *kvm, gfn_t gfn, void __user *src, long npages,
		       kvm_gmem_populate_cb post_populate, void *opaque)
{
	struct kvm_memory_slot *slot;
	long i;
	int ret = 0;

	lockdep_assert_held(&kvm->slots_lock);
	/* As virt/kvm/guest_memfd.c: the callers must have checked these. */
	if (WARN_ON_ONCE(npages <= 0))
		return -EINVAL;
	if (WARN_ON_ONCE(!PAGE_ALIGNED(src)))
		return -EINVAL;
	slot = gfn_to_memslot(kvm, gfn);
	if (!kvm_slot_has_gmem(slot))
		return -EINVAL;
	npages = min_t(long, npages, slot->base_gfn + slot->npages - gfn);
	for (i = 0; i < npages; i++) {
		struct kvm_gmem *gmem = slot->gmem.file;
		unsigned long idx = slot->gmem.pgoff + (gfn + i - slot->base_gfn);
		struct page *src_page = NULL;
		kvm_pfn_t pfn;

		if (test_bit(idx, gmem->prepared)) {
			ret = -EEXIST;
			break;
		}
		ret = kvm_gmem_get_pfn(kvm, slot, gfn + i, &pfn, NULL, NULL);
		if (ret)
			break;
#ifdef CCA_UPSTREAM_GMEM_POPULATE_UADDR
		/* Older contract: the callback pins the source page itself. */
		ret = post_populate(kvm, gfn + i, pfn,
				    src ? (char __user *)src + i * PAGE_SIZE : NULL,
				    0, opaque);
#else
		if (src) {
			unsigned long uaddr = (unsigned long)src + i * PAGE_SIZE;

			if (get_user_pages(uaddr, 1, 0, &src_page) != 1) {
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
