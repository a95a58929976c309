/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * cca-double reference host code: what the realm files share.
 *
 * The RMI revision is chosen once, at kvm_init_rmi(), from the RMM's
 * RMI_VERSION answer.  Each operation whose RMI differs between revisions
 * switches on rmi_flavour in one place (delegation, data mapping, RECs,
 * teardown), so a 2.0-bet1 flavour adds cases to the same functions.
 */
#ifndef CCA_REALM_INTERNAL_H
#define CCA_REALM_INTERNAL_H

#include <linux/kvm_host.h>
#include <asm/kvm_emulate.h>
#include <asm/stage2_pgtable.h>
#include <asm/kvm_rmi.h>
#include <asm/rmi_cmds.h>

enum rmi_flavour {
	RMI_FLAVOUR_NONE,	/* no usable RMM: realms unavailable */
	RMI_FLAVOUR_1_0,	/* DEN0137 1.0: single-granule commands, REC aux granules */
};

extern enum rmi_flavour rmi_flavour;
extern unsigned long rmm_feat_reg0;

/* RMM translation tables: 4 KiB granules, 9 bits per level, leaves at 3. */
#define RMM_PAGE_SHIFT		12
#define RMM_PAGE_SIZE		(1UL << RMM_PAGE_SHIFT)
#define RMM_RTT_MAX_LEVEL	3
#define RMM_L2_BLOCK_SIZE	(1UL << 21)

/* Bytes one entry of a level-`level` table maps. */
static inline unsigned long rmm_rtt_level_mapsize(int level)
{
	return 1UL << (RMM_PAGE_SHIFT + 9 * (RMM_RTT_MAX_LEVEL - level));
}

static inline struct realm *kvm_realm(struct kvm *kvm)
{
	return &kvm->arch.realm;
}

static inline phys_addr_t realm_rd_phys(struct realm *realm)
{
	return virt_to_phys(realm->rd);
}

/* The bit that selects the unprotected (shared) half of the IPA space. */
static inline unsigned long realm_shared_bit(struct realm *realm)
{
	return BIT(realm->ia_bits - 1);
}

static inline int realm_start_level(struct realm *realm)
{
	return 4 - stage2_pgtable_levels(realm->ia_bits);
}

static inline bool rmi_is_rtt_error(int ret)
{
	return RMI_RETURN_STATUS(ret) == RMI_ERROR_RTT;
}

/* realm_granule.c: moving host pages in and out of the realm world. */
int realm_delegate_page(phys_addr_t phys);
int realm_undelegate_page(phys_addr_t phys);
int realm_delegate_range(phys_addr_t phys, unsigned long size);
void realm_undelegate_range(phys_addr_t phys, unsigned long size);
void realm_free_delegated_page(phys_addr_t phys);
void realm_release_data_page(phys_addr_t phys);
void realm_quarantine_page(phys_addr_t phys);

/* realm_rtt.c: RTT creation on demand, folding, the teardown walk. */
int realm_create_rtt_levels(struct realm *realm, unsigned long ipa, int level, int max_level,
			    struct kvm_mmu_memory_cache *mc);
void realm_fold_range(struct realm *realm, unsigned long start, unsigned long end);
int realm_ripas_range(struct kvm *kvm, struct kvm_vcpu *vcpu, unsigned long base,
		      unsigned long top, unsigned long *reached);

/* realm_create.c */
int realm_ensure_created(struct kvm *kvm);
void realm_vmid_reset(void);

/* realm_map.c */
void realm_unmap_private_range(struct kvm *kvm, unsigned long start, unsigned long end,
			       bool fold);
void realm_unmap_shared_range(struct kvm *kvm, unsigned long start, unsigned long end,
			      bool fold);

/* realm_rec.c */
int realm_create_rec(struct kvm_vcpu *vcpu);

/* realm_exit.c: are KVM's memory attributes as the pending RIPAS change asks? */
bool realm_ripas_change_done(struct kvm_vcpu *vcpu);

#endif
