/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The mock's models of the KVM code around the realm files (arm.c, mmu.c,
 * guest_memfd, psci.c, hypercalls.c, sys_regs.c, arch_timer.c).  Small and
 * honest: each does what the kernel's does for a realm VM, and nothing for
 * other VM kinds.
 */
#ifndef CCA_KVM_INTERNAL_H
#define CCA_KVM_INTERNAL_H

#include <linux/kvm_host.h>
#include <asm/kvm_emulate.h>

/*
 * The realm code's entry points and the shapes of its interfaces, as the
 * code under test has them: the reference code's here; in upstream mode
 * kernel/upstream/detect.cmake defines what it found in the tree.
 *   CCA_REALM_INIT            KVM_CREATE_VM's realm init (v12: kvm_init_realm_vm)
 *   CCA_REALM_IPA_LIMIT       KVM_CAP_ARM_VM_IPA_SIZE for realms (later: kvm_rmm_ipa_limit)
 *   CCA_REALM_REC_PRE_ENTER   before each REC entry; the REC exit is handle_rec_exit()'s
 *   CCA_REALM_REC_REQUEST     instead: KVM_REQ_RMI's handler; kvm_rec_exit() returns
 *                             an exception code to handle_exit() (CCA_REALM_REC_EXIT_CODE)
 *   CCA_REALM_STAGE2_TEARDOWN stage-2 teardown at MMU-notifier release (later:
 *                             kvm_realm_teardown_stage2, which unmaps itself under
 *                             config_lock: CCA_REALM_STAGE2_TEARDOWN_UNMAPS)
 *   CCA_REALM_UNMAP_ARGS      kvm_realm_unmap_range()'s arguments: 5 (unmap_private) or 4
 *   CCA_REALM_MAP_IPA         the realm code has realm_map_ipa() (else mmu.c's model;
 *                             CCA_REALM_MAP_TAKES_REALM: v12's realm_map_* take the realm)
 *   CCA_REALM_PSCI_COMPLETE_ARGS, _BY_KVM
 *                             realm_psci_complete()'s arguments (3: calling and target
 *                             REC, 2: calling REC); _BY_KVM: KVM's PSCI code calls it
 *   CCA_REALM_RESET_DFR0      kvm_realm_reset_id_aa64dfr0_el1() limits the vCPU's
 *                             debug ID register
 *   CCA_REALM_VCPU_FLAGS      the REC entry reads the vCPU flags KVM's emulation
 *                             leaves (INCREMENT_PC after an emulated MMIO or system
 *                             register access, PENDING_EXCEPTION), as for any vCPU;
 *                             else KVM's mmio.c sets REC_ENTER_FLAG_EMULATED_MMIO
 *   CCA_REALM_RMI_STATUS      the status of an RMI return code (RMI_RETURN_STATUS,
 *                             later RMI_RESULT_STATUS)
 */
#ifndef CCA_UPSTREAM
#define CCA_REALM_INIT			kvm_init_realm
#define CCA_REALM_IPA_LIMIT		kvm_realm_ipa_limit
#define CCA_REALM_REC_PRE_ENTER		kvm_rec_pre_enter
#define CCA_REALM_STAGE2_TEARDOWN	kvm_realm_destroy_rtts
#define CCA_REALM_UNMAP_ARGS		5
#define CCA_REALM_PSCI_COMPLETE_ARGS	3
#define CCA_REALM_RESET_DFR0		1
#define CCA_REALM_RMI_STATUS		RMI_RETURN_STATUS
#endif

/* arch/arm64/kvm/handle_exit.c: an exception code from a world switch, handled. */
int handle_exit(struct kvm_vcpu *vcpu, int exception_index);

/* guest_memfd: one page per gfn of the slot, allocated on first use. */
struct kvm_gmem {
	unsigned long npages;
	struct page **pages;
	unsigned long *prepared;	/* populated (contents given to the realm) */
};

struct kvm_gmem *kvm_gmem_create(unsigned long npages);
void kvm_gmem_destroy(struct kvm_gmem *gmem);

#endif
