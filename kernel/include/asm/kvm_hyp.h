/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands for arch/arm64/include/asm/kvm_hyp.h: the EL0/EL1/EL2 system
 * register accessors KVM uses around a world switch, and the GICv3 CPU
 * interface emulation the hyp code offers.  Registers live in the mock's
 * register file (kernel/kvm/sysreg.c), by encoding: the _EL0/_EL2 names
 * (the non-VHE encodings) are used.
 */
#ifndef __ARM64_KVM_HYP_H__
#define __ARM64_KVM_HYP_H__

#include <linux/compiler.h>
#include <linux/kvm_host.h>
#include <asm/barrier.h>
#include <asm/sysreg.h>

#define read_sysreg_el0(r)	mock_read_sysreg(r##_EL0)
#define write_sysreg_el0(v, r)	mock_write_sysreg(r##_EL0, (u64)(v))
#define read_sysreg_el1(r)	mock_read_sysreg(r##_EL1)
#define write_sysreg_el1(v, r)	mock_write_sysreg(r##_EL1, (u64)(v))
#define read_sysreg_el2(r)	mock_read_sysreg(r##_EL2)
#define write_sysreg_el2(v, r)	mock_write_sysreg(r##_EL2, (u64)(v))

/* vgic-v3-sr.c: emulates a trapped ICC_* access; 1 when it did. */
int __vgic_v3_perform_cpuif_access(struct kvm_vcpu *vcpu);

#endif /* __ARM64_KVM_HYP_H__ */
