// SPDX-License-Identifier: BSD-3-Clause
/*
 * cca-double reference host code: KVM_ARM_RMI_POPULATE.  Copies the VMM's
 * initial image into protected memory before the realm first runs: each
 * guest_memfd page is delegated and filled from the user page by the
 * flavour's command (1.0 DATA_CREATE, 2.0 RTT_DATA_MAP_INIT), measured into
 * the RIM with KVM_ARM_RMI_POPULATE_FLAGS_MEASURE.
 *
 * Progress is reported by moving base/size/source_uaddr on; a call does at
 * most RMI_POPULATE_MAX_PAGES (work per ioctl is bounded, as a kernel that
 * checks for signals is), so the VMM calls again until size is 0.  An
 * error after some progress ends the call with success and the fields at
 * the failing page: the next call reports it.
 */
#include <linux/uaccess.h>

#include "realm_internal.h"

#define RMI_POPULATE_MAX_PAGES	512

struct populate_ctx {
	struct realm *realm;
	unsigned long flags;		/* RMI measure flag */
};

static int realm_populate_page(struct kvm *kvm, gfn_t gfn, kvm_pfn_t pfn,
			       struct page *src_page, void *opaque)
{
	struct populate_ctx *ctx = opaque;
	phys_addr_t rd = realm_rd_phys(ctx->realm), phys = __pfn_to_phys(pfn);
	unsigned long ipa = gfn_to_gpa(gfn);
	phys_addr_t src;
	int ret;

	if (!src_page)
		return -EFAULT;
	src = page_to_phys(src_page);
	if (realm_delegate_page(phys))
		return -ENXIO;
	ret = rmi_ops->data_load(rd, phys, ipa, src, ctx->flags);
	if (rmi_is_rtt_error(ret) && RMI_RETURN_INDEX(ret) < RMM_RTT_MAX_LEVEL) {
		ret = realm_create_rtt_levels(ctx->realm, ipa, RMI_RETURN_INDEX(ret),
					      RMM_RTT_MAX_LEVEL, NULL);
		if (!ret)
			ret = rmi_ops->data_load(rd, phys, ipa, src, ctx->flags);
	}
	if (!ret)
		return 0;
	realm_release_data_page(phys);
	/* An entry in use already: that IPA holds data. */
	if (rmi_is_rtt_error(ret) && RMI_RETURN_INDEX(ret) == RMM_RTT_MAX_LEVEL)
		return -EEXIST;
	return -ENXIO;
}

static int populate_check_args(struct kvm *kvm, const struct kvm_arm_rmi_populate *args)
{
	struct realm *realm = kvm_realm(kvm);

	if (args->flags & ~KVM_ARM_RMI_POPULATE_FLAGS_MEASURE || args->reserved)
		return -EINVAL;
	if (!args->size || !PAGE_ALIGNED(args->base) || !PAGE_ALIGNED(args->size) ||
	    !PAGE_ALIGNED(args->source_uaddr))
		return -EINVAL;
	if (args->base + args->size < args->base)
		return -EINVAL;
	/* Not user memory: a bad address, as pinning the source would find. */
	if (args->source_uaddr + args->size < args->source_uaddr)
		return -EFAULT;
	/* Protected half of the IPA space only. */
	if (args->base + args->size > realm_shared_bit(realm))
		return -EINVAL;
	return 0;
}

/* Populates up to `npages` from gfn inside one guest_memfd slot; pages done or < 0. */
static long populate_in_slot(struct kvm *kvm, gfn_t gfn, unsigned long uaddr, long npages,
			     struct populate_ctx *ctx)
{
	struct kvm_memory_slot *slot = gfn_to_memslot(kvm, gfn);

	if (!kvm_slot_has_gmem(slot))
		return -EINVAL;
	npages = min_t(long, npages, slot->base_gfn + slot->npages - gfn);
	for (long i = 0; i < npages; i++)
		if (!kvm_mem_is_private(kvm, gfn + i))
			return i ? i : -EINVAL;
	return kvm_gmem_populate(kvm, gfn, u64_to_user_ptr(uaddr), npages, realm_populate_page,
				 ctx);
}

int kvm_arm_rmi_populate(struct kvm *kvm, struct kvm_arm_rmi_populate *args)
{
	struct populate_ctx ctx = { .realm = kvm_realm(kvm) };
	long budget = RMI_POPULATE_MAX_PAGES;
	long done_pages = 0;
	int ret;

	if (!kvm_is_realm(kvm))
		return -EINVAL;
	ret = populate_check_args(kvm, args);
	if (ret)
		return ret;
	ctx.flags = (args->flags & KVM_ARM_RMI_POPULATE_FLAGS_MEASURE) ? RMI_MEASURE_CONTENT
									: RMI_NO_MEASURE_CONTENT;
	mutex_lock(&kvm->slots_lock);
	/* Only while the realm is being built: busy once it has run. */
	if (kvm_realm_state(kvm) != REALM_STATE_NONE && kvm_realm_state(kvm) != REALM_STATE_NEW) {
		ret = -EBUSY;
		goto out;
	}
	ret = realm_ensure_created(kvm);
	if (ret)
		goto out;
	while (args->size && budget > 0) {
		long want = min_t(long, budget, args->size >> PAGE_SHIFT);
		long n = populate_in_slot(kvm, gpa_to_gfn(args->base), args->source_uaddr, want,
					  &ctx);

		if (n <= 0) {
			ret = n ? (int)n : -EINVAL;
			break;
		}
		args->base += n << PAGE_SHIFT;
		args->source_uaddr += n << PAGE_SHIFT;
		args->size -= n << PAGE_SHIFT;
		budget -= n;
		done_pages += n;
		/* Short: the slot ended or a page failed; the next call goes on or reports it. */
		if (n < want)
			break;
	}
	if (done_pages)
		ret = 0;
out:
	mutex_unlock(&kvm->slots_lock);
	return ret;
}
