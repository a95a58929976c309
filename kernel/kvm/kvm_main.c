// SPDX-License-Identifier: BSD-3-Clause
/*
 * Model of virt/kvm/kvm_main.c's vCPU kick: wake a blocked vCPU, or make
 * one in guest mode leave it with an IPI to its CPU.  The vCPU side (set
 * IN_GUEST_MODE with a full barrier, then look for requests and signals,
 * and back to OUTSIDE_GUEST_MODE after the world switch) is the KVM_RUN
 * loop's (kernel/harness/run.c); with both barriers, a kick either sees
 * IN_GUEST_MODE and interrupts the entry or the vCPU sees the request.
 */
#include <cca-double/mock-sync.h>

#include "kvm_internal.h"

bool kvm_vcpu_wake_up(struct kvm_vcpu *vcpu)
{
	/* kvm_vcpu_block() polls its condition: waking is making it look again. */
	return __atomic_load_n(&vcpu->blocked, __ATOMIC_SEQ_CST);
}

void kvm_vcpu_kick(struct kvm_vcpu *vcpu)
{
	void *cpu;

	if (kvm_vcpu_wake_up(vcpu))
		return;
	if (kvm_vcpu_exiting_guest_mode(vcpu) != IN_GUEST_MODE)
		return;
	cpu = __atomic_load_n(&vcpu->mock_cpu, __ATOMIC_SEQ_CST);
	/* A vCPU kicking itself is already out of the guest (the kernel's cpu != me). */
	if (cpu && cpu != mock_this_cpu())
		mock_cpu_send_ipi(cpu);
}

bool kvm_make_all_cpus_request(struct kvm *kvm, unsigned int req)
{
	struct kvm_vcpu *vcpu;
	unsigned long i;

	kvm_for_each_vcpu(i, vcpu, kvm) {
		kvm_make_request(req, vcpu);
		kvm_vcpu_kick(vcpu);
	}
	return true;
}
