/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The mock's models of the KVM code around the realm files (arm.c, mmu.c,
 * guest_memfd, psci.c, hypercalls.c, sys_regs.c, arch_timer.c).  Small and
 * honest: each does what the kernel's does for a realm VM, and nothing for
 * other VM kinds.
 */
#ifndef CCA_KVM_INTERNAL_H
#define CCA_KVM_INTERNAL_H

#include <linux/kvm_host.h>
#include <asm/kvm_emulate.h>

/* guest_memfd: one page per gfn of the slot, allocated on first use. */
struct kvm_gmem {
	unsigned long npages;
	struct page **pages;
	unsigned long *prepared;	/* populated (contents given to the realm) */
};

struct kvm_gmem *kvm_gmem_create(unsigned long npages);
void kvm_gmem_destroy(struct kvm_gmem *gmem);

#endif
