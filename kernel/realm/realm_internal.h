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

/* What every revision's realm_params says alike (realm_create.c fills it in). */
struct realm_config {
	u64 s2sz;
	u64 num_bps;
	u64 num_wps;
	u64 hash_algo;
	u64 rtt_base;
	s64 rtt_level_start;
	u64 rtt_num_start;
};

/* Writes cfg into a revision's struct realm_params: the fields have the same names in each. */
#define realm_params_fill(p, cfg)					\
	do {								\
		(p)->s2sz = (cfg)->s2sz;				\
		(p)->num_bps = (cfg)->num_bps;				\
		(p)->num_wps = (cfg)->num_wps;				\
		(p)->hash_algo = (cfg)->hash_algo;			\
		(p)->rtt_base = (cfg)->rtt_base;			\
		(p)->rtt_level_start = (cfg)->rtt_level_start;		\
		(p)->rtt_num_start = (cfg)->rtt_num_start;		\
	} while (0)

struct realm_rmi_ops {
	const char *name;
	unsigned long version;		/* RMI_VERSION asked for */
	/*
	 * A later revision that answers the same RMI_VERSION: chosen instead
	 * when FEATURES(0) has a bit of its feat0_defines set, bits that are
	 * RES0 in the revisions before it (realm_init.c).
	 */
	const struct realm_rmi_ops *newer;
	unsigned long feat0_defines;
	/* After RMI_VERSION: feature registers, RMM configuration.  0 or -errno. */
	int (*boot)(void);
	/* [base, top) to the realm world or back; *done: how far it got. */
	int (*delegate)(phys_addr_t base, phys_addr_t top, phys_addr_t *done);
	int (*undelegate)(phys_addr_t base, phys_addr_t top, phys_addr_t *done);
	/*
	 * REALM_CREATE with the parameters cfg (and what only this revision
	 * has).  On failure realm->rd stays set only if the RMM kept a realm.
	 */
	int (*realm_create)(struct kvm *kvm, void *rd, const struct realm_config *cfg);
	/* 2.0: cfg into the revision's realm_params page. */
	void (*realm_params)(struct realm_params *params, const struct realm_config *cfg);
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
	/*
	 * PSCI_COMPLETE for the call calling_rec made about target_rec: the
	 * target is an argument, or (a later revision) the RMM finds it itself.
	 */
	int (*psci_complete)(phys_addr_t calling_rec, phys_addr_t target_rec,
			     unsigned long status);
	/* 2.0: where STATE lives in address-range descriptors and donation requests. */
	u64 range_state_mask;
	u64 donate_state_mask;
	/* BLOCKED answers one command may get before the host gives up; 0: as BUSY. */
	unsigned int blocked_tries;
	/*
	 * Only memory-transfer operations may ask for memory; any other
	 * command is at most continue-only, and a request there is the RMM's
	 * error.  Clear: any command's operation may ask (its memory then
	 * comes back before the command ends).
	 */
	bool memory_only_on_transfer;
	/* After ERROR_RTT, DATA_UNMAP/UNPROT_UNMAP's x1 says where to go on. */
	bool unmap_top_on_error;
	/* INIT_RIPAS stops at populated data (1.0): skip it rather than fail. */
	bool init_ripas_stops_at_data;
	/* Sysreg exits carry the value in gprs[rt] (2.0), not gprs[0] (1.0). */
	bool sys_reg_value_in_rt;
};

extern const struct realm_rmi_ops realm_rmi_1_0, realm_rmi_2_0;
/* The flavour kvm_init_rmi() chose (set while it boots); NULL: realms unavailable. */
extern const struct realm_rmi_ops *rmi_ops;
extern unsigned long rmm_feat_reg0;
/* realm_init.c: the name of the flavour in use (the suites check the choice). */
const char *realm_rmi_revision(void);

/* A field of a mask known only at run time (the flavour's), as FIELD_GET/FIELD_PREP. */
static inline unsigned long rmi_field_get(u64 mask, u64 val)
{
	return (val & mask) >> __builtin_ctzll(mask);
}

static inline u64 rmi_field_prep(u64 mask, unsigned long val)
{
	return ((u64)val << __builtin_ctzll(mask)) & mask;
}

/* STATE (RMI_OP_MEM_*) of an address-range descriptor or a donation request. */
static inline unsigned long rmi_range_state(u64 desc)
{
	return rmi_field_get(rmi_ops->range_state_mask, desc);
}

static inline u64 rmi_range_in_state(u64 desc, unsigned long state)
{
	return (desc & ~rmi_ops->range_state_mask) | rmi_field_prep(rmi_ops->range_state_mask, state);
}

static inline unsigned long rmi_donate_state(u64 req)
{
	return rmi_field_get(rmi_ops->donate_state_mask, req);
}

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

/* realm_sro.c: an operation state kept for the life of what it built (a 2.0 realm or REC). */
struct rmi_sro_state *rmi_sro_alloc(void);
void rmi_sro_free(struct rmi_sro_state *sro);
/* The RMM holds memory the state gave it. */
bool rmi_sro_holds(const struct rmi_sro_state *sro);

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
int realm_topup_cache(struct realm *realm, struct kvm_mmu_memory_cache *mc);

/* realm_rec.c */
int realm_create_rec(struct kvm_vcpu *vcpu);

/* realm_exit.c: are KVM's memory attributes as the pending RIPAS change asks? */
bool realm_ripas_change_done(struct kvm_vcpu *vcpu);

#endif
