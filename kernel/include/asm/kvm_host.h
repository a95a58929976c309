/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands for arch/arm64/include/asm/kvm_host.h, cut down to the arm64 VM
 * and vCPU state realm code reads or writes.  Field names and paths are the
 * kernel's (kvm->arch.mmu.pgd_phys, vcpu->arch.fault.esr_el2, ...), so the
 * series' files compile against it unchanged.  The realm containers come
 * from the tree's (or the reference code's) asm/kvm_rmi.h.
 */
#ifndef __ARM64_KVM_HOST_H__
#define __ARM64_KVM_HOST_H__

#include <linux/bitmap.h>
#include <linux/bitops.h>
#include <linux/jump_label.h>
#include <linux/kvm_types.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <uapi/linux/kvm.h>
#include <asm/cpufeature.h>
#include <asm/fpsimd.h>
#include <asm/kvm_asm.h>
#include <asm/kvm_pgtable.h>
#include <asm/kvm_rmi.h>
#include <asm/ptrace.h>
#include <asm/sysreg.h>
/*
 * As in the kernel, asm/kvm_host.h brings in the CPU-feature, FP/SVE, vGIC
 * and timer headers: the series' files (v12 rmi.c) use their names
 * without including them.
 */
#include <kvm/arm_arch_timer.h>
#include <kvm/arm_vgic.h>

#define KVM_MAX_VCPUS			64

/*
 * vCPU requests.  KVM_REQ_RMI is the CCA series' (a REC exit that needs
 * finishing before the next REC entry); its number is the mock's.
 */
#define KVM_REQ_SLEEP			KVM_ARCH_REQ(0)
#define KVM_REQ_IRQ_PENDING		KVM_ARCH_REQ(1)
#define KVM_REQ_RMI			KVM_ARCH_REQ(11)

/* KVM's mode, from the command line; the series adds RMM (realm host). */
enum kvm_mode {
	KVM_MODE_DEFAULT,
	KVM_MODE_PROTECTED,
	KVM_MODE_NV,
	KVM_MODE_NONE,
	KVM_MODE_RMM,
};
enum kvm_mode kvm_get_mode(void);
#define KVM_VCPU_MAX_FEATURES		8
#define KVM_HALT_POLL_NS_DEFAULT	0

struct arm_pmu;

/* The registers of a vCPU the mock keeps (timers for realm exits, IDs). */
enum vcpu_sysreg {
	__INVALID_SYSREG__,
	MPIDR_EL1,
	CNTV_CTL_EL0,
	CNTV_CVAL_EL0,
	CNTP_CTL_EL0,
	CNTP_CVAL_EL0,
	ID_AA64DFR0_EL1_SHADOW,
	NR_SYS_REGS
};

struct kvm_s2_mmu {
	phys_addr_t pgd_phys;
	struct kvm_pgtable *pgt;
	u64 vtcr;
	struct kvm_arch *arch;
};

struct kvm_arch {
	struct kvm_s2_mmu mmu;
	u64 vtcr;
	struct mutex config_lock;
	unsigned long flags;

	/* Realm (CCA) state: is_realm set at VM creation from the VM type. */
	bool is_realm;
	struct realm realm;

	/* PMU (the mock host has none for realms). */
	struct arm_pmu *arm_pmu;
	u8 nr_pmu_counters;

	/* VM-wide ID register values (ID_AA64DFR0_EL1 for breakpoints). */
	u64 id_aa64dfr0_el1;
	/* In-kernel vGIC created (realms need a GICv3). */
	bool vgic_created;
};

struct kvm_vcpu_fault_info {
	u64 esr_el2;
	u64 far_el2;
	u64 hpfar_el2;
	u64 disr_el1;
};

struct kvm_cpu_context {
	struct user_pt_regs regs;
	u64 sys_regs[NR_SYS_REGS];
};

struct kvm_mp_state {
	u32 mp_state;
};

#define KVM_MP_STATE_RUNNABLE		0
#define KVM_MP_STATE_STOPPED		5

struct kvm_vcpu_arch {
	struct kvm_cpu_context ctxt;
	struct kvm_vcpu_fault_info fault;
	struct kvm_mmu_memory_cache mmu_page_cache;
	struct kvm_s2_mmu *hw_mmu;
	unsigned int sve_max_vl;
	DECLARE_BITMAP(features, KVM_VCPU_MAX_FEATURES);
	struct kvm_mp_state mp_state;
	/* Serialises power-state changes (PSCI CPU_ON from another vCPU's thread). */
	spinlock_t mp_state_lock;
	bool has_run_once;
	bool pmu_enabled;
	u64 hcr_el2;
	/* Flags KVM keeps between a trap and the next entry (see below). */
	u8 iflags;

	/* Realm Execution Context: the vCPU as the RMM sees it. */
	struct realm_rec rec;
};

struct kvm_vcpu_stat {
	u64 hvc_exit_stat;
	u64 wfi_exit_stat;
	u64 mmio_exit_user;
	u64 exits;
};

struct kvm_vm_stat {
	u64 remote_tlb_flush;
};

/*
 * vCPU flags as the kernel encodes them: (flag set, value, mask), read and
 * changed through vcpu_{get,set,clear}_flag().  INCREMENT_PC: an emulated
 * instruction is done (the PC moves on at the next entry);
 * PENDING_EXCEPTION with EXCEPT_MASK: an exception is to be injected.
 */
#define __vcpu_single_flag(set, f)	set, (f), (f)
#define __vcpu_flag_value(set, f, m)	f
#define unpack_vcpu_flag(...)		__vcpu_flag_value(__VA_ARGS__)
#define __vcpu_flag_get(v, set, f, m)	(READ_ONCE((v)->arch.set) & (m))
#define __vcpu_flag_set(v, set, f, m)					\
	do { (v)->arch.set = ((v)->arch.set & ~(m)) | (f); } while (0)
#define __vcpu_flag_clear(v, set, f, m)					\
	do { (v)->arch.set &= ~(m); } while (0)
#define vcpu_get_flag(v, ...)		__vcpu_flag_get((v), __VA_ARGS__)
#define vcpu_set_flag(v, ...)		__vcpu_flag_set((v), __VA_ARGS__)
#define vcpu_clear_flag(v, ...)		__vcpu_flag_clear((v), __VA_ARGS__)

#define PENDING_EXCEPTION		__vcpu_single_flag(iflags, BIT(0))
#define INCREMENT_PC			__vcpu_single_flag(iflags, BIT(1))
#define EXCEPT_MASK			__vcpu_single_flag(iflags, GENMASK(3, 1))

#define __ctxt_sys_reg(c, r)		(&(c)->sys_regs[(r)])
#define __vcpu_sys_reg(v, r)		(*__ctxt_sys_reg(&(v)->arch.ctxt, (r)))
#define __vcpu_assign_sys_reg(v, r, val) do { __vcpu_sys_reg(v, r) = (val); } while (0)

struct kvm;
struct kvm_vcpu;

/*
 * kvm_arm_vcpu_stopped(): the power state, read from any thread and
 * written under mp_state_lock (arch/arm64/kvm/arm.c, psci.c); defined with
 * struct kvm_vcpu in linux/kvm_host.h.
 */

u64 kvm_read_vm_id_reg(const struct kvm *kvm, u32 reg);
bool kvm_has_sve(const struct kvm *kvm);
static inline unsigned int kvm_get_vmid_bits(void) { return 16; }

/* The KVM_RUN loop's handlers outside the realm files (kernel/kvm/). */
int kvm_handle_guest_abort(struct kvm_vcpu *vcpu);
int kvm_handle_sys_reg(struct kvm_vcpu *vcpu);
int kvm_handle_mmio_return(struct kvm_vcpu *vcpu);

#endif /* __ARM64_KVM_HOST_H__ */
