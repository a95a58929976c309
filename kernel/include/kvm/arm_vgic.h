/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for include/kvm/arm_vgic.h: only whether an in-kernel GICv3 exists. */
#ifndef __KVM_ARM_VGIC_H
#define __KVM_ARM_VGIC_H

#define irqchip_in_kernel(k)	(!!((k)->arch.vgic_created))

#endif /* __KVM_ARM_VGIC_H */
