// SPDX-License-Identifier: BSD-3-Clause
/*
 * The harness VMM's KVM_ARM_RMI_POPULATE: the image goes into a user
 * buffer (VMM memory: arena pages), then the ioctl runs, again and again
 * while it reports progress, as the uAPI documentation tells a VMM to.
 */
#include <linux/string.h>
#include <uapi/linux/kvm.h>

#include "harness_internal.h"

#define HARNESS_POPULATE_MAX_CALLS 4096

static unsigned long long harness_fill_source(struct harness_vm *vm, unsigned long long size,
					      const void *data, size_t len)
{
	unsigned long long src = harness_user_buffer(vm, size >> PAGE_SHIFT);

	if (src && data)
		memcpy((void *)(unsigned long)src, data, min_t(size_t, len, size));
	return src;
}

/*
 * One KVM_ARM_RMI_POPULATE.  The v14 uAPI returns 0 and moves base, size
 * and source_uaddr on by what it did; 1.0-era trees (v11/v12) return the
 * number of bytes populated and leave the struct alone, so the struct is
 * moved on here as v14 would have, and the VMM loops the same way.
 */
static int harness_populate_ioctl(struct kvm *kvm, struct kvm_arm_rmi_populate *args)
{
	int ret;

	if (kvm->vm_dead)
		return -EIO;	/* kvm_vm_ioctl() refuses every ioctl of a dead VM */
	ret = kvm_arm_rmi_populate(kvm, args);

#ifdef CCA_UPSTREAM_INIT_REALM_VM
	if (ret > 0) {
		unsigned long long done = min_t(unsigned long long, ret, args->size);

		args->base += done;
		args->size -= done;
		args->source_uaddr += done;
		ret = 0;
	}
#endif
	return ret;
}

int harness_populate_raw(struct harness_vm *vm, unsigned long long base,
			 unsigned long long size, unsigned long long source_uaddr,
			 unsigned int flags, unsigned int reserved)
{
	struct kvm_arm_rmi_populate args = {
		.base = base, .size = size, .source_uaddr = source_uaddr,
		.flags = flags, .reserved = reserved,
	};

	return harness_populate_ioctl(vm->kvm, &args);
}

int harness_populate_once(struct harness_vm *vm, unsigned long long base,
			  unsigned long long size, bool measure, const void *data, size_t len,
			  unsigned long long *base_out, unsigned long long *size_out)
{
	struct kvm_arm_rmi_populate args = {
		.base = base, .size = size,
		.flags = measure ? KVM_ARM_RMI_POPULATE_FLAGS_MEASURE : 0,
	};
	int ret;

	if (!PAGE_ALIGNED(size) || !size)
		return harness_populate_raw(vm, base, size, 0, args.flags, 0);
	args.source_uaddr = harness_fill_source(vm, size, data, len);
	if (!args.source_uaddr)
		return -ENOMEM;
	ret = harness_populate_ioctl(vm->kvm, &args);
	if (base_out)
		*base_out = args.base;
	if (size_out)
		*size_out = args.size;
	return ret;
}

int harness_populate(struct harness_vm *vm, unsigned long long base, unsigned long long size,
		     bool measure, const void *data, size_t len)
{
	struct kvm_arm_rmi_populate args = {
		.base = base, .size = size,
		.flags = measure ? KVM_ARM_RMI_POPULATE_FLAGS_MEASURE : 0,
	};
	int ret = 0;

	if (!PAGE_ALIGNED(size) || !size)
		return harness_populate_raw(vm, base, size, 0, args.flags, 0);
	args.source_uaddr = harness_fill_source(vm, size, data, len);
	if (!args.source_uaddr)
		return -ENOMEM;
	for (int calls = 0; args.size && calls < HARNESS_POPULATE_MAX_CALLS; calls++) {
		unsigned long long before = args.size;

		ret = harness_populate_ioctl(vm->kvm, &args);
		if (ret)
			return ret;
		if (args.size >= before)
			return -EIO;	/* success without progress: the VMM would spin */
	}
	return args.size ? -EIO : 0;
}

int harness_load_guest(struct harness_vm *vm, const char *name, unsigned long long ipa,
		       bool measure, unsigned long long *entry)
{
	const unsigned char *bytes;
	unsigned long long pc;
	size_t size;

	if (harness_guest_program(name, &bytes, &size, &pc))
		return -ENOENT;
	if (entry)
		*entry = ipa + pc;
	return harness_populate(vm, ipa, ALIGN(size, PAGE_SIZE), measure, bytes, size);
}

int harness_unmap(struct harness_vm *vm, unsigned long long base, unsigned long long size)
{
	struct kvm *kvm = vm->kvm;

	write_lock(&kvm->mmu_lock);
	kvm_stage2_unmap_range(&kvm->arch.mmu, base, size, true);
	write_unlock(&kvm->mmu_lock);
	return 0;
}

int harness_set_private(struct harness_vm *vm, unsigned long long base,
			unsigned long long size, bool private)
{
	struct kvm *kvm = vm->kvm;
	gfn_t first = gpa_to_gfn(base), n = size >> PAGE_SHIFT;

	if (!PAGE_ALIGNED(base) || !PAGE_ALIGNED(size) || first + n > kvm->mem_attr_npages)
		return -EINVAL;
	/*
	 * kvm_vm_set_mem_attributes(): an MMU-notifier invalidation around the
	 * change - what changes is unmapped from stage 2 first, and a fault or
	 * RIPAS change that sampled the sequence before it retries.
	 */
	kvm->mmu_invalidate_in_progress++;
	harness_unmap(vm, base, size);
	if (private)
		bitmap_set(kvm->mem_attr_private, first, n);
	else
		bitmap_clear(kvm->mem_attr_private, first, n);
	kvm->mmu_invalidate_seq++;
	kvm->mmu_invalidate_in_progress--;
	return 0;
}

/*
 * kvm_uninit_stage2_mmu() for a realm (the MMU notifier's release at
 * process exit, before the VM is destroyed).  v12/v14: everything is
 * unmapped and the RTTs destroyed, after which kvm_destroy_realm() unmaps
 * the whole range again and walks the tables again.  Later series: the
 * realm code's kvm_realm_teardown_stage2() does the unmap, under the
 * config lock, and kvm_destroy_realm() the rest.
 */
int harness_stage2_uninit(struct harness_vm *vm)
{
	struct kvm *kvm = vm->kvm;

	/* A realm never created has no RMM state (and v12 would walk garbage). */
	if (!harness_vm_rd(vm))
		return 0;
#ifdef CCA_REALM_STAGE2_TEARDOWN_UNMAPS
	mutex_lock(&kvm->arch.config_lock);
	CCA_REALM_STAGE2_TEARDOWN(kvm);
	mutex_unlock(&kvm->arch.config_lock);
#else
	write_lock(&kvm->mmu_lock);
	kvm_stage2_unmap_range(&kvm->arch.mmu, 0, BIT_ULL(vm->ipa_bits - 1), true);
	write_unlock(&kvm->mmu_lock);
	CCA_REALM_STAGE2_TEARDOWN(kvm);
#endif
	return 0;
}
