/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * Stands for include/uapi/linux/kvm.h (with the arm64 uapi/asm/kvm.h and
 * ptrace.h pieces): the exits the realm code reports and the CCA additions.
 * The numbers are the series' (KVM_CAP_ARM_RMI and the VM type bit are
 * v14's).
 */
#ifndef __LINUX_KVM_H
#define __LINUX_KVM_H

#include <linux/types.h>

struct user_pt_regs {
	__u64 regs[31];
	__u64 sp;
	__u64 pc;
	__u64 pstate;
};

#define KVM_ARM_VCPU_POWER_OFF		0
#define KVM_ARM_VCPU_EL1_32BIT		1
#define KVM_ARM_VCPU_PSCI_0_2		2
#define KVM_ARM_VCPU_PMU_V3		3
#define KVM_ARM_VCPU_SVE		4
#define KVM_ARM_VCPU_PTRAUTH_ADDRESS	5
#define KVM_ARM_VCPU_PTRAUTH_GENERIC	6
#define KVM_ARM_VCPU_HAS_EL2		7

#define KVM_EXIT_UNKNOWN		0
#define KVM_EXIT_EXCEPTION		1
#define KVM_EXIT_IO			2
#define KVM_EXIT_HYPERCALL		3
#define KVM_EXIT_DEBUG			4
#define KVM_EXIT_HLT			5
#define KVM_EXIT_MMIO			6
#define KVM_EXIT_IRQ_WINDOW_OPEN	7
#define KVM_EXIT_SHUTDOWN		8
#define KVM_EXIT_FAIL_ENTRY		9
#define KVM_EXIT_INTR			10
#define KVM_EXIT_INTERNAL_ERROR		17
#define KVM_EXIT_SYSTEM_EVENT		24
#define KVM_EXIT_ARM_NISV		28
#define KVM_EXIT_MEMORY_FAULT		39

#define KVM_INTERNAL_ERROR_EMULATION	1
#define KVM_INTERNAL_ERROR_UNEXPECTED_EXIT_REASON 4

#define KVM_SYSTEM_EVENT_SHUTDOWN	1
#define KVM_SYSTEM_EVENT_RESET		2
#define KVM_SYSTEM_EVENT_CRASH		3

#define KVM_MEMORY_EXIT_FLAG_PRIVATE	(1ULL << 3)

struct kvm_run {
	__u8 request_interrupt_window;
	__u8 immediate_exit;
	__u8 padding1[6];
	__u32 exit_reason;
	__u8 ready_for_interrupt_injection;
	__u8 if_flag;
	__u16 flags;
	union {
		struct {
			__u64 hardware_exit_reason;
		} hw;
		struct {
			__u64 phys_addr;
			__u8 data[8];
			__u32 len;
			__u8 is_write;
		} mmio;
		struct {
			__u64 nr;
			__u64 args[6];
			__u64 ret;
			__u64 flags;
		} hypercall;
		struct {
			__u32 suberror;
			__u32 ndata;
			__u64 data[16];
		} internal;
		struct {
			__u32 type;
			__u32 ndata;
			__u64 data[16];
		} system_event;
		struct {
			__u64 flags;
			__u64 gpa;
			__u64 size;
		} memory_fault;
		char padding[256];
	};
};

#define KVM_CAP_ARM_RMI			249
#define KVM_VM_TYPE_ARM_IPA_SIZE_MASK	0xffULL
#define KVM_VM_TYPE_ARM_IPA_SIZE(x)	((x) & KVM_VM_TYPE_ARM_IPA_SIZE_MASK)
#define KVM_VM_TYPE_ARM_REALM		(1UL << 30)

#define KVM_MEMORY_ATTRIBUTE_PRIVATE	(1ULL << 3)

/* Available with KVM_CAP_ARM_RMI, only for VMs with KVM_VM_TYPE_ARM_REALM. */
#define KVM_ARM_RMI_POPULATE_FLAGS_MEASURE	(1 << 0)

struct kvm_arm_rmi_populate {
	__u64 base;
	__u64 size;
	__u64 source_uaddr;
	__u32 flags;
	__u32 reserved;
};

#endif /* __LINUX_KVM_H */
