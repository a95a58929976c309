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

/* Upstream mode: the RMI core driver's initcall (v14 and later; kernel/upstream). */
#ifdef CCA_UPSTREAM_CORE_INIT
int CCA_UPSTREAM_CORE_INIT(void);
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
