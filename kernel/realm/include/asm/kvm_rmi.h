/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * cca-double reference host code: the realm containers KVM embeds in its
 * VM and vCPU structs, and the entry points the rest of KVM calls (the
 * v14 series' set and signatures, so the KUnit suites drive this code and
 * a kernel tree's arch/arm64/kvm/rmi.c the same way).
 */
#ifndef __ASM_KVM_RMI_H
#define __ASM_KVM_RMI_H

#include <linux/kvm_types.h>
#include <asm/kvm_pgtable.h>
#include <asm/rmi_smc.h>

struct kvm;
struct kvm_vcpu;
struct page;
struct realm_params;
struct rmi_sro_state;

/* A realm's life: created lazily (populate or first run), then activated. */
enum realm_state {
	REALM_STATE_NONE,	/* no REALM_CREATE yet */
	REALM_STATE_NEW,	/* created; may be populated */
	REALM_STATE_ACTIVE,	/* activated; RECs may run */
	REALM_STATE_DYING,	/* being torn down */
	REALM_STATE_DEAD,	/* RD destroyed (or creation failed) */
};

struct realm {
	enum realm_state state;
	void *rd;			/* delegated Realm Descriptor granule */
	struct realm_params *params;	/* until REALM_CREATE */
	unsigned int ia_bits;
	struct rmi_sro_state *sro;	/* RMM 2.0: what the RMM holds of the realm's */
	/* RMM 1.0 */
	unsigned long num_aux;		/* auxiliary granules per REC */
	unsigned int vmid;
};

struct realm_rec {
	unsigned long mpidr;
	void *rec_page;			/* delegated REC granule */
	struct page *aux_pages[REC_PARAMS_AUX_GRANULES];	/* RMM 1.0 */
	struct rmi_sro_state *sro;		/* RMM 2.0: the memory REC_CREATE donated */
	struct rec_run *run;		/* NS page shared with the RMM */
};

void kvm_init_rmi(void);
u32 kvm_realm_ipa_limit(void);
unsigned int kvm_realm_sve_max_vl(void);
u64 kvm_realm_reset_id_aa64dfr0_el1(const struct kvm_vcpu *vcpu, u64 val);
bool kvm_rmi_supports_sve(void);

int kvm_init_realm(struct kvm *kvm);
int kvm_activate_realm(struct kvm *kvm);
void kvm_destroy_realm(struct kvm *kvm);
void kvm_realm_destroy_rtts(struct kvm *kvm);
void kvm_destroy_rec(struct kvm_vcpu *vcpu);

int kvm_rec_enter(struct kvm_vcpu *vcpu);
int kvm_rec_pre_enter(struct kvm_vcpu *vcpu);
int handle_rec_exit(struct kvm_vcpu *vcpu, int rec_run_status);

struct kvm_arm_rmi_populate;

int kvm_arm_rmi_populate(struct kvm *kvm, struct kvm_arm_rmi_populate *arg);
void kvm_realm_unmap_range(struct kvm *kvm, unsigned long ipa, unsigned long size,
			   bool unmap_private, bool may_block);
int realm_map_protected(struct kvm *kvm, unsigned long ipa, kvm_pfn_t pfn, unsigned long size,
			struct kvm_mmu_memory_cache *memcache);
int realm_map_non_secure(struct realm *realm, unsigned long ipa, kvm_pfn_t pfn,
			 unsigned long size, enum kvm_pgtable_prot prot,
			 struct kvm_mmu_memory_cache *memcache);
int realm_psci_complete(struct kvm_vcpu *source, struct kvm_vcpu *target, unsigned long status);

/* Protected IPAs have the top IPA bit clear; unprotected (shared) ones set. */
static inline bool kvm_realm_is_private_address(struct realm *realm, unsigned long addr)
{
	return !(addr & BIT(realm->ia_bits - 1));
}

#endif /* __ASM_KVM_RMI_H */
