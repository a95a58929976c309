// SPDX-License-Identifier: BSD-3-Clause
/*
 * Model of arch/arm64/kvm/mmu.c for realm VMs: the MMU memory cache, the
 * stage-2 unmap hook (straight back into kvm_realm_unmap_range()), and the
 * guest-abort path: a fault on memory backed by a memslot maps it through
 * the realm code (guest_memfd page for a protected IPA, the slot's shared
 * page for an unprotected one); a fault with no memslot is emulated MMIO,
 * handed to the VMM as KVM_EXIT_MMIO.
 */
#include <linux/string.h>
#include <asm/esr.h>
#include <asm/kvm_mmu.h>
#include <asm/kvm_rmi.h>

#include "kvm_internal.h"

int kvm_mmu_topup_memory_cache(struct kvm_mmu_memory_cache *mc, int min)
{
	if (!mc->capacity)
		mc->capacity = KVM_ARCH_NR_OBJS_PER_MEMORY_CACHE;
	if (!mc->objects) {
		mc->objects = kcalloc(mc->capacity, sizeof(void *), GFP_KERNEL_ACCOUNT);
		if (!mc->objects)
			return -ENOMEM;
	}
	if (WARN_ON(min > mc->capacity))
		return -EINVAL;
	while (mc->nobjs < mc->capacity && mc->nobjs < min) {
		void *obj = (void *)get_zeroed_page(GFP_KERNEL_ACCOUNT);

		if (!obj)
			return mc->nobjs >= min ? 0 : -ENOMEM;
		mc->objects[mc->nobjs++] = obj;
	}
	return 0;
}

int kvm_mmu_memory_cache_nr_free_objects(struct kvm_mmu_memory_cache *mc)
{
	return mc->nobjs;
}

void *kvm_mmu_memory_cache_alloc(struct kvm_mmu_memory_cache *mc)
{
	if (WARN_ON(!mc->nobjs))
		return (void *)get_zeroed_page(GFP_ATOMIC);
	return mc->objects[--mc->nobjs];
}

void kvm_mmu_free_memory_cache(struct kvm_mmu_memory_cache *mc)
{
	while (mc->nobjs)
		free_page((unsigned long)mc->objects[--mc->nobjs]);
	kfree(mc->objects);
	mc->objects = NULL;
}

void kvm_stage2_unmap_range(struct kvm_s2_mmu *mmu, phys_addr_t start, u64 size, bool may_block)
{
	struct kvm *kvm = container_of(mmu, struct kvm, arch.mmu);

	lockdep_assert_held_write(&kvm->mmu_lock);
	if (!kvm_is_realm(kvm))
		return;
#if CCA_REALM_UNMAP_ARGS == 4
	kvm_realm_unmap_range(kvm, start, size, may_block);
#else
	kvm_realm_unmap_range(kvm, start, size, true, may_block);
#endif
}

void kvm_free_stage2_pgd(struct kvm_s2_mmu *mmu)
{
	struct kvm *kvm = container_of(mmu, struct kvm, arch.mmu);
	enum realm_state state = kvm_realm_state(kvm);

	if (!mmu->pgd_phys)
		return;
	/*
	 * As the kernel: the root tables of a realm the RMM was not seen to
	 * destroy (created, not DEAD) may still be the RMM's, so they are kept
	 * for good, never freed.  The mock takes the reference the kernel's
	 * keeping amounts to: quarantined while the RMM holds a granule, a
	 * leak otherwise.
	 */
	if (kvm_is_realm(kvm) && state != REALM_STATE_NONE && state != REALM_STATE_DEAD) {
		for (size_t off = 0; off < kvm_pgtable_stage2_pgd_size(mmu->vtcr); off += PAGE_SIZE)
			get_page(phys_to_page(mmu->pgd_phys + off));
		mmu->pgd_phys = 0;
		kfree(mmu->pgt);
		mmu->pgt = NULL;
		return;
	}
	free_pages_exact(phys_to_virt(mmu->pgd_phys), kvm_pgtable_stage2_pgd_size(mmu->vtcr));
	mmu->pgd_phys = 0;
	kfree(mmu->pgt);
	mmu->pgt = NULL;
}

#ifndef CCA_REALM_MAP_IPA
/* mmu.c's realm_map_ipa(): private or shared by the top IPA bit. */
static int realm_map_ipa(struct kvm *kvm, phys_addr_t ipa, kvm_pfn_t pfn, unsigned long map_size,
			 enum kvm_pgtable_prot prot, struct kvm_mmu_memory_cache *memcache)
{
	struct realm *realm = &kvm->arch.realm;

	/* Realms cannot map read-only: the RMM maps RW or not at all. */
	if (WARN_ON(!(prot & KVM_PGTABLE_PROT_W)))
		return -EFAULT;
#ifdef CCA_REALM_MAP_TAKES_REALM
	/* v11/v12: both take the realm; no protections for shared pages. */
	if (kvm_realm_is_private_address(realm, ipa))
		return realm_map_protected(realm, ipa, pfn, map_size, memcache);
	return realm_map_non_secure(realm, ipa, pfn, map_size, memcache);
#else
	if (kvm_realm_is_private_address(realm, ipa))
		return realm_map_protected(kvm, ipa, pfn, map_size, memcache);
	return realm_map_non_secure(realm, ipa, pfn, map_size, prot, memcache);
#endif
}
#endif

/* MMIO: the VMM emulates the access; the result comes back in kvm_handle_mmio_return(). */
static int io_mem_abort(struct kvm_vcpu *vcpu, phys_addr_t fault_ipa)
{
	struct kvm_run *run = vcpu->run;
	unsigned int len;
	unsigned long data;

	if (!kvm_vcpu_dabt_isvalid(vcpu)) {
		/* No syndrome to emulate from: the VMM sees it as such. */
		run->exit_reason = KVM_EXIT_ARM_NISV;
		return 0;
	}
	len = kvm_vcpu_dabt_get_as(vcpu);
	run->exit_reason = KVM_EXIT_MMIO;
	run->mmio.phys_addr = fault_ipa;
	run->mmio.len = len;
	run->mmio.is_write = kvm_vcpu_dabt_iswrite(vcpu);
	if (run->mmio.is_write) {
		data = vcpu_get_reg(vcpu, kvm_vcpu_dabt_get_rd(vcpu));
		memcpy(run->mmio.data, &data, len);
	} else {
		memset(run->mmio.data, 0, sizeof(run->mmio.data));
	}
	vcpu->mmio_needed = true;
	vcpu->stat.mmio_exit_user++;
	return 0;
}

int kvm_handle_guest_abort(struct kvm_vcpu *vcpu)
{
	struct kvm *kvm = vcpu->kvm;
	phys_addr_t ipa = kvm_vcpu_get_fault_ipa(vcpu);
	gpa_t gpa = kvm_gpa_from_fault(kvm, ipa);
	struct kvm_memory_slot *slot = gfn_to_memslot(kvm, gpa_to_gfn(gpa));
	bool private = kvm_is_realm(kvm) &&
		       kvm_realm_is_private_address(&kvm->arch.realm, ipa);
	struct page *page;
	kvm_pfn_t pfn;
	int ret;

	if (!slot)
		return io_mem_abort(vcpu, ipa);
	if (private != kvm_mem_is_private(kvm, gpa_to_gfn(gpa))) {
		/* The realm used the other alias than KVM's attributes say: ask the VMM. */
		kvm_prepare_memory_fault_exit(vcpu, gpa, PAGE_SIZE, kvm_vcpu_dabt_iswrite(vcpu),
					      false, private);
		return -EFAULT;
	}
	if (private) {
		ret = kvm_gmem_get_pfn(kvm, slot, gpa_to_gfn(gpa), &pfn, &page, NULL);
		if (ret)
			return ret;
	} else {
		if (!slot->userspace_addr)
			return io_mem_abort(vcpu, ipa);
		pfn = virt_to_pfn((void *)(slot->userspace_addr +
					   ((gpa_to_gfn(gpa) - slot->base_gfn) << PAGE_SHIFT)));
	}
	ret = kvm_mmu_topup_memory_cache(&vcpu->arch.mmu_page_cache,
					 kvm_mmu_cache_min_pages(&kvm->arch.mmu));
	if (ret)
		return ret;
	write_lock(&kvm->mmu_lock);
	ret = realm_map_ipa(kvm, ipa & PAGE_MASK, pfn, PAGE_SIZE, KVM_PGTABLE_PROT_RW,
			    &vcpu->arch.mmu_page_cache);
	write_unlock(&kvm->mmu_lock);
	return ret ? ret : 1;
}

/* The VMM emulated the access: finish it (for a REC, through rec_enter). */
int kvm_handle_mmio_return(struct kvm_vcpu *vcpu)
{
	struct kvm_run *run = vcpu->run;
	unsigned long data = 0;

	if (!vcpu->mmio_needed)
		return 0;
	vcpu->mmio_needed = false;
	if (!run->mmio.is_write) {
		memcpy(&data, run->mmio.data, run->mmio.len);
		vcpu_set_reg(vcpu, kvm_vcpu_dabt_get_rd(vcpu), data);
	}
#ifdef CCA_REALM_VCPU_FLAGS
	/* The instruction is emulated; the realm code's REC entry tells the RMM. */
	kvm_incr_pc(vcpu);
#else
	if (vcpu_is_rec(vcpu)) {
		if (!run->mmio.is_write)
			vcpu->arch.rec.run->enter.gprs[0] = data;
		vcpu->arch.rec.run->enter.flags |= REC_ENTER_FLAG_EMULATED_MMIO;
	} else {
		*vcpu_pc(vcpu) += 4;
	}
#endif
	return 0;
}

/* System-register traps: reads as zero, writes ignored (none is emulated). */
int kvm_handle_sys_reg(struct kvm_vcpu *vcpu)
{
	u64 esr = kvm_vcpu_get_esr(vcpu);

	if ((esr & ESR_ELx_SYS64_ISS_DIR_MASK) == ESR_ELx_SYS64_ISS_DIR_READ)
		vcpu_set_reg(vcpu, kvm_vcpu_sys_get_rt(vcpu), 0);
#ifdef CCA_REALM_VCPU_FLAGS
	kvm_incr_pc(vcpu);
#endif
	return 1;
}
