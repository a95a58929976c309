/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * cca-double reference host code: the operations each flavour implements
 * in its own files (realm_map_v<n>.c, realm_rec_v<n>.c) for its ops table
 * (realm_v<n>.c).  Same signatures as struct realm_rmi_ops.
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
REALM_FLAVOUR_DECLARE(rmi2);	/* RMM 2.0-bet1 */

#endif
