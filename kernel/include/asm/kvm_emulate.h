/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands for arch/arm64/include/asm/kvm_emulate.h: register accessors, the
 * syndrome decoders realm exits use, and the realm predicates the series
 * adds to this header (kvm_is_realm, kvm_realm_state, vcpu_is_rec ...).
 */
#ifndef __ARM64_KVM_EMULATE_H__
#define __ARM64_KVM_EMULATE_H__

#include <linux/kvm_host.h>
#include <asm/esr.h>
#include <asm/kvm_arm.h>
#include <asm/sysreg.h>

/* Enabled by kvm_init_rmi() when the RMM is usable (defined by the mock's arm.c). */
DECLARE_STATIC_KEY_FALSE(kvm_rmi_is_available);

static inline struct user_pt_regs *vcpu_gp_regs(const struct kvm_vcpu *vcpu)
{
	return (struct user_pt_regs *)&vcpu->arch.ctxt.regs;
}

#define vcpu_pc(v)		(&vcpu_gp_regs(v)->pc)
#define vcpu_cpsr(v)		(&vcpu_gp_regs(v)->pstate)

/* An emulated instruction is done: the PC moves on before the next entry. */
#define kvm_incr_pc(v)							\
	do {								\
		WARN_ON(vcpu_get_flag((v), PENDING_EXCEPTION));		\
		vcpu_set_flag((v), INCREMENT_PC);			\
	} while (0)

/* x31 reads as zero and ignores writes (XZR in these encodings). */
static inline unsigned long vcpu_get_reg(const struct kvm_vcpu *vcpu, u8 reg_num)
{
	return reg_num == 31 ? 0 : vcpu_gp_regs(vcpu)->regs[reg_num];
}

static inline void vcpu_set_reg(struct kvm_vcpu *vcpu, u8 reg_num, unsigned long val)
{
	if (reg_num != 31)
		vcpu_gp_regs(vcpu)->regs[reg_num] = val;
}

static inline bool vcpu_has_feature(const struct kvm_vcpu *vcpu, int feature)
{
	return test_bit(feature, vcpu->arch.features);
}

static inline u64 kvm_vcpu_get_esr(const struct kvm_vcpu *vcpu)
{
	return vcpu->arch.fault.esr_el2;
}

static inline unsigned long kvm_vcpu_get_hfar(const struct kvm_vcpu *vcpu)
{
	return vcpu->arch.fault.far_el2;
}

static inline phys_addr_t kvm_vcpu_get_fault_ipa(const struct kvm_vcpu *vcpu)
{
	return ((phys_addr_t)(vcpu->arch.fault.hpfar_el2 & HPFAR_MASK)) << 8;
}

static inline u8 kvm_vcpu_trap_get_class(const struct kvm_vcpu *vcpu)
{
	return ESR_ELx_EC(kvm_vcpu_get_esr(vcpu));
}

static inline bool kvm_vcpu_dabt_isvalid(const struct kvm_vcpu *vcpu)
{
	return !!(kvm_vcpu_get_esr(vcpu) & ESR_ELx_ISV);
}

static inline bool kvm_vcpu_dabt_iswrite(const struct kvm_vcpu *vcpu)
{
	return !!(kvm_vcpu_get_esr(vcpu) & ESR_ELx_WNR);
}

/* A cache maintenance operation, not a load or store. */
static inline bool kvm_vcpu_dabt_is_cm(const struct kvm_vcpu *vcpu)
{
	return !!(kvm_vcpu_get_esr(vcpu) & ESR_ELx_CM);
}

static inline int kvm_vcpu_dabt_get_rd(const struct kvm_vcpu *vcpu)
{
	return (kvm_vcpu_get_esr(vcpu) & ESR_ELx_SRT_MASK) >> ESR_ELx_SRT_SHIFT;
}

static inline unsigned int kvm_vcpu_dabt_get_as(const struct kvm_vcpu *vcpu)
{
	return 1 << ((kvm_vcpu_get_esr(vcpu) & ESR_ELx_SAS) >> ESR_ELx_SAS_SHIFT);
}

static inline int kvm_vcpu_sys_get_rt(struct kvm_vcpu *vcpu)
{
	return (kvm_vcpu_get_esr(vcpu) & ESR_ELx_SYS64_ISS_RT_MASK) >> ESR_ELx_SYS64_ISS_RT_SHIFT;
}

static inline unsigned long kvm_vcpu_get_mpidr_aff(struct kvm_vcpu *vcpu)
{
	return __vcpu_sys_reg(vcpu, MPIDR_EL1) & MPIDR_HWID_BITMASK;
}

static inline bool kvm_is_realm(struct kvm *kvm)
{
	if (static_branch_unlikely(&kvm_rmi_is_available) && kvm)
		return kvm->arch.is_realm;
	return false;
}

static inline enum realm_state kvm_realm_state(struct kvm *kvm)
{
	return READ_ONCE(kvm->arch.realm.state);
}

static inline void kvm_set_realm_state(struct kvm *kvm, enum realm_state state)
{
	WRITE_ONCE(kvm->arch.realm.state, state);
}

static inline bool kvm_realm_is_created(struct kvm *kvm)
{
	return kvm_is_realm(kvm) && kvm_realm_state(kvm) != REALM_STATE_NONE;
}

/* The IPA of a fault with the realm's "unprotected" top bit cleared. */
static inline gpa_t kvm_gpa_from_fault(struct kvm *kvm, phys_addr_t ipa)
{
	if (!kvm_is_realm(kvm))
		return ipa;
	return ipa & ~BIT_ULL(kvm->arch.realm.ia_bits - 1);
}

static inline bool vcpu_is_rec(struct kvm_vcpu *vcpu)
{
	return kvm_is_realm(vcpu->kvm);
}

static inline bool kvm_arm_vcpu_sve_finalized(struct kvm_vcpu *vcpu)
{
	return true;
}

static inline bool kvm_vcpu_has_pmu(struct kvm_vcpu *vcpu)
{
	return vcpu->arch.pmu_enabled;
}

#endif /* __ARM64_KVM_EMULATE_H__ */
