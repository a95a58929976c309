/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * cca-double reference host code: what the realm files share.
 *
 * The RMI revision is chosen once, at kvm_init_rmi(), from the RMM's
 * RMI_VERSION answer, and names a flavour: the operations whose RMI
 * differs between revisions (boot, delegation, realm creation and
 * destruction, data and unprotected mappings, RECs).  Everything else
 * (the populate ioctl, activation, the run loop, REC exits, the RTT
 * protocols, teardown order) is shared and calls through rmi_ops.
 */
#ifndef CCA_REALM_INTERNAL_H
#define CCA_REALM_INTERNAL_H

#include <linux/kvm_host.h>
#include <asm/kvm_emulate.h>
#include <asm/stage2_pgtable.h>
#include <asm/kvm_rmi.h>
#include <asm/rmi_cmds.h>

struct realm_rmi_ops {
	const char *name;
	unsigned long version;		/* RMI_VERSION asked for */
	/* After RMI_VERSION: feature registers, RMM configuration.  0 or -errno. */
	int (*boot)(void);
	/* [base, top) to the realm world or back; *done: how far it got. */
	int (*delegate)(phys_addr_t base, phys_addr_t top, phys_addr_t *done);
	int (*undelegate)(phys_addr_t base, phys_addr_t top, phys_addr_t *done);
	/*
	 * REALM_CREATE (params filled but for what only this revision has).
	 * On failure realm->rd stays set only if the RMM kept a realm.
	 */
	int (*realm_create)(struct kvm *kvm, void *rd);
	/* Before the tables go (2.0 REALM_TERMINATE); NULL: nothing to do. */
	int (*realm_terminate)(struct kvm *kvm);
	int (*realm_destroy)(struct kvm *kvm);
	/* Populate: contents copied from src and, with flags, measured. */
	int (*data_load)(phys_addr_t rd, phys_addr_t data, unsigned long ipa, phys_addr_t src,
			 unsigned long flags);
	/* Stage-2 faults: [ipa, ipa + size) from phys, protected or unprotected. */
	int (*map_private)(struct kvm *kvm, unsigned long ipa, phys_addr_t phys,
			   unsigned long size, struct kvm_mmu_memory_cache *mc);
	int (*map_shared)(struct realm *realm, unsigned long ipa, phys_addr_t phys,
			  unsigned long size, enum kvm_pgtable_prot prot,
			  struct kvm_mmu_memory_cache *mc);
	/* [start, end) of the protected half, or of the unprotected alias (no top bit). */
	void (*unmap_private)(struct kvm *kvm, unsigned long start, unsigned long end,
			      bool fold);
	void (*unmap_shared)(struct kvm *kvm, unsigned long start, unsigned long end,
			     bool fold);
	/* REC_CREATE with params filled; what the REC needs besides its granule. */
	int (*rec_create)(struct kvm_vcpu *vcpu, struct rec_params *params);
	/* REC_DESTROY: 0, or the RMM kept the REC (its extra memory quarantined). */
	int (*rec_destroy)(struct kvm_vcpu *vcpu);
	/* INIT_RIPAS stops at populated data (1.0): skip it rather than fail. */
	bool init_ripas_stops_at_data;
	/* Sysreg exits carry the value in gprs[rt] (2.0), not gprs[0] (1.0). */
	bool sys_reg_value_in_rt;
};

extern const struct realm_rmi_ops realm_rmi_1_0, realm_rmi_2_0;
/* The flavour kvm_init_rmi() chose; NULL: no usable RMM, realms unavailable. */
extern const struct realm_rmi_ops *rmi_ops;
extern unsigned long rmm_feat_reg0;

/* Bounds on what an RMM can make the host repeat (RMI_BUSY, no progress). */
#define RMI_RETRY_MAX		64

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

/* realm_sro.c: an operation state kept for the life of what it built (a 2.0 REC). */
struct rmi_sro_state *rmi_sro_alloc(void);
void rmi_sro_free(struct rmi_sro_state *sro);

/* realm_rtt.c: RTT creation on demand, folding, the teardown walk. */
int realm_create_rtt_levels(struct realm *realm, unsigned long ipa, int level, int max_level,
			    struct kvm_mmu_memory_cache *mc);
void realm_fold_range(struct realm *realm, unsigned long start, unsigned long end);
void realm_fold_block(struct realm *realm, unsigned long block, unsigned long start,
		      unsigned long end, bool fold);

/* realm_ripas.c */
int realm_ripas_range(struct kvm *kvm, struct kvm_vcpu *vcpu, unsigned long base,
		      unsigned long top, unsigned long *reached);

/* realm_create.c */
int realm_ensure_created(struct kvm *kvm);

/* realm_v1.c: the 1.0 host-allocated VMIDs. */
void realm_vmid_reset(void);

/* realm_map.c */
void realm_unmap_private_range(struct kvm *kvm, unsigned long start, unsigned long end,
			       bool fold);
int realm_topup_cache(struct kvm_mmu_memory_cache *mc);

/* realm_rec.c */
int realm_create_rec(struct kvm_vcpu *vcpu);

/* realm_exit.c: are KVM's memory attributes as the pending RIPAS change asks? */
bool realm_ripas_change_done(struct kvm_vcpu *vcpu);

#endif
