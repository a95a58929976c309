/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for include/linux/kvm_types.h. */
#ifndef __KVM_TYPES_H__
#define __KVM_TYPES_H__

#include <linux/types.h>

struct kvm;
struct kvm_memory_slot;
struct kvm_memslots;
struct kvm_vcpu;

typedef u64 gpa_t;
typedef u64 gfn_t;
typedef u64 hpa_t;
typedef u64 hfn_t;
typedef u64 kvm_pfn_t;
typedef unsigned long gva_t;
typedef unsigned long hva_t;
typedef unsigned long pgoff_t;

#define KVM_ARCH_NR_OBJS_PER_MEMORY_CACHE 40

/*
 * Pages (or objects) topped up ahead of a page-table walk that must not
 * allocate.  The mock keeps the kernel's fields and behaviour: objects are
 * zeroed pages from the page allocator unless a kmem_cache is set.
 */
struct kvm_mmu_memory_cache {
	gfp_t gfp_zero;
	gfp_t gfp_custom;
	u64 init_value;
	void *kmem_cache;
	int capacity;
	int nobjs;
	void **objects;
};

#endif /* __KVM_TYPES_H__ */
