/* SPDX-License-Identifier: BSD-3-Clause */
/* The kernel harness's VM (kernel world). */
#ifndef CCA_HARNESS_INTERNAL_H
#define CCA_HARNESS_INTERNAL_H

#include <linux/kvm_host.h>
#include <asm/kvm_emulate.h>
#include <asm/kvm_mmu.h>
#include <cca-double/kernel-harness.h>

#include "../kvm/kvm_internal.h"

#define HARNESS_MAX_USER_BUFFERS 256

/* Upstream mode: what the tree's series calls its entry points (kernel/upstream). */
#ifdef CCA_UPSTREAM_INIT_REALM_VM
#define kvm_init_realm(kvm)	kvm_init_realm_vm(kvm)	/* v11/v12 */
#endif
#ifdef CCA_UPSTREAM_KERNEL_RMI
int cca_initcall_arm64_init_rmi(void);		/* v14 arch/arm64/kernel/rmi.c */
#endif

struct harness_vm {
	struct kvm *kvm;
	unsigned int ipa_bits;
	unsigned long long ram_base, ram_size;
	void *shared_backing;		/* VMM pages behind the shared alias */
	unsigned int nr_vcpus;
	struct kvm_vcpu *vcpus[HARNESS_MAX_VCPUS];
	bool activated;
	/* User buffers (VMM memory) handed out, freed with the VM. */
	unsigned int nr_buffers;
	struct {
		void *addr;
		unsigned long pages;
	} buffers[HARNESS_MAX_USER_BUFFERS];
};

#endif
