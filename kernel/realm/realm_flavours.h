/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * cca-double reference host code: the operations each flavour implements
 * in its own files (realm_map_v<n>.c, realm_rec_v<n>.c) for its ops table
 * (realm_v<n>.c).  Same signatures as struct realm_rmi_ops.  The 2.0
 * revisions share one implementation (realm_v2.c, realm_map_v2.c,
 * realm_rec_v2.c): each revision's table (realm_v2_<revision>.c) is
 * REALM_RMI_V2_OPS plus what that revision alone does.
 */
#ifndef CCA_REALM_FLAVOURS_H
#define CCA_REALM_FLAVOURS_H

#include "realm_internal.h"

#define REALM_FLAVOUR_DECLARE(p)								\
	int p##_map_private(struct kvm *kvm, unsigned long ipa, phys_addr_t phys,		\
			    unsigned long size, struct kvm_mmu_memory_cache *mc);		\
	int p##_map_shared(struct realm *realm, unsigned long ipa, phys_addr_t phys,		\
			   unsigned long size, enum kvm_pgtable_prot prot,			\
			   struct kvm_mmu_memory_cache *mc);					\
	void p##_unmap_private(struct kvm *kvm, unsigned long start, unsigned long end,	\
			       bool fold);							\
	void p##_unmap_shared(struct kvm *kvm, unsigned long start, unsigned long end,	\
			      bool fold);							\
	int p##_rec_create(struct kvm_vcpu *vcpu, struct rec_params *params);		\
	int p##_rec_destroy(struct kvm_vcpu *vcpu)

REALM_FLAVOUR_DECLARE(rmi1);	/* RMM 1.0 */
REALM_FLAVOUR_DECLARE(rmi2);	/* RMM 2.0, every revision */

/* realm_v2.c */
int rmi2_boot(void);
int rmi2_delegate(phys_addr_t base, phys_addr_t top, phys_addr_t *done);
int rmi2_undelegate(phys_addr_t base, phys_addr_t top, phys_addr_t *done);
int rmi2_realm_create(struct kvm *kvm, void *rd, const struct realm_config *cfg);
int rmi2_realm_terminate(struct kvm *kvm);
int rmi2_realm_destroy(struct kvm *kvm);

/* What every 2.0 revision's ops table says alike. */
#define REALM_RMI_V2_OPS					\
	.version = RMI_ABI_VERSION(2, 0),			\
	.boot = rmi2_boot,					\
	.delegate = rmi2_delegate,				\
	.undelegate = rmi2_undelegate,				\
	.realm_create = rmi2_realm_create,			\
	.realm_terminate = rmi2_realm_terminate,		\
	.realm_destroy = rmi2_realm_destroy,			\
	.data_load = rmi_rtt_data_map_init,			\
	.map_private = rmi2_map_private,			\
	.map_shared = rmi2_map_shared,				\
	.unmap_private = rmi2_unmap_private,			\
	.unmap_shared = rmi2_unmap_shared,			\
	.rec_create = rmi2_rec_create,				\
	.rec_destroy = rmi2_rec_destroy,			\
	.sys_reg_value_in_rt = true

#endif
