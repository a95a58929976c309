/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for include/kvm/arm_arch_timer.h: the realm timer hook the series adds. */
#ifndef __ASM_ARM_KVM_ARCH_TIMER_H
#define __ASM_ARM_KVM_ARCH_TIMER_H

struct kvm_vcpu;

/* Timer state copied from a REC exit into the vCPU: update the interrupt lines. */
void kvm_realm_timers_update(struct kvm_vcpu *vcpu);

#endif /* __ASM_ARM_KVM_ARCH_TIMER_H */
