/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for include/kvm/arm_psci.h: KVM's PSCI emulation (model in kernel/kvm/psci.c). */
#ifndef __KVM_ARM_PSCI_H__
#define __KVM_ARM_PSCI_H__

#include <linux/kvm_host.h>
#include <uapi/linux/psci.h>
#include <asm/kvm_emulate.h>

#define KVM_ARM_PSCI_0_2	PSCI_VERSION(0, 2)
#define KVM_ARM_PSCI_1_0	PSCI_VERSION(1, 0)
#define KVM_ARM_PSCI_1_1	PSCI_VERSION(1, 1)
#define KVM_ARM_PSCI_LATEST	KVM_ARM_PSCI_1_1

int kvm_psci_call(struct kvm_vcpu *vcpu);

#endif /* __KVM_ARM_PSCI_H__ */
