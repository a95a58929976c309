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
/* The VMM signalled this vCPU's thread (threaded mode): KVM_RUN returns -EINTR. */
bool harness_vcpu_signalled(struct harness_vm *vm, struct kvm_vcpu *vcpu);
/* run.c's VMM loop for one vCPU, up to `limit` REC exits (run_defaults applied). */
int harness_run_vcpu(struct harness_vm *vm, struct kvm_vcpu *vcpu, struct harness_run *r,
		     unsigned int limit, unsigned int *idle);
void harness_run_defaults(struct harness_run *r);

#endif

struct mock_thread;

/* A vCPU's thread in threaded mode (threads.c). */
struct harness_vcpu_thread {
	struct harness_vm *vm;
	unsigned int idx;
	struct harness_run *run;
	struct mock_thread *thread;
	bool signal;		/* the VMM's signal: leave KVM_RUN, end the thread */
};

struct harness_vm {
	struct kvm *kvm;
	unsigned int ipa_bits;
	unsigned long long ram_base, ram_size;
	void *shared_backing;		/* VMM pages behind the shared alias */
	unsigned int nr_vcpus;
	struct kvm_vcpu *vcpus[HARNESS_MAX_VCPUS];
	bool activated;
	/* Threaded mode: one thread per vCPU (harness_threads_start). */
	bool threaded;
	struct harness_vcpu_thread threads[HARNESS_MAX_VCPUS];
	int threads_running, threads_blocked;
	unsigned long long threads_deadline_ms;
	/* KVM_RUN calls in a row with no REC exit before a vCPU counts as stuck. */
	unsigned int max_idle_runs;
	/* User buffers (VMM memory) handed out, freed with the VM. */
	unsigned int nr_buffers;
	struct {
		void *addr;
		unsigned long pages;
	} buffers[HARNESS_MAX_USER_BUFFERS];
};

/* The VMM signalled this vCPU's thread (threaded mode): KVM_RUN returns -EINTR. */
bool harness_vcpu_signalled(struct harness_vm *vm, struct kvm_vcpu *vcpu);
/* run.c's VMM loop for one vCPU, up to `limit` REC exits (run_defaults applied). */
int harness_run_vcpu(struct harness_vm *vm, struct kvm_vcpu *vcpu, struct harness_run *r,
		     unsigned int limit, unsigned int *idle);
void harness_run_defaults(struct harness_run *r);

#endif
