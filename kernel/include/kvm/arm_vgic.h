/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands for include/kvm/arm_vgic.h: whether an in-kernel GICv3 exists and
 * is initialised (the harness's VMs initialise it when they create it),
 * and the GICv3 CPU-interface trap key, which the mock never enables (it
 * has no GIC CPU interface to emulate).
 */
#ifndef __KVM_ARM_VGIC_H
#define __KVM_ARM_VGIC_H

#include <linux/jump_label.h>

#define irqchip_in_kernel(k)	(!!((k)->arch.vgic_created))
#define vgic_initialized(k)	(!!((k)->arch.vgic_created))

DECLARE_STATIC_KEY_FALSE(vgic_v3_cpuif_trap);

#endif /* __KVM_ARM_VGIC_H */
