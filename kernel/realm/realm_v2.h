/* SPDX-License-Identifier: BSD-3-Clause */
/* cca-double reference host code: the RMM 2.0-bet1 flavour's operations (realm_v2.c). */
#ifndef CCA_REALM_V2_H
#define CCA_REALM_V2_H

#include "realm_internal.h"

/* realm_map_v2.c */
int rmi2_map_private(struct kvm *kvm, unsigned long ipa, phys_addr_t phys, unsigned long size,
		     struct kvm_mmu_memory_cache *mc);
int rmi2_map_shared(struct realm *realm, unsigned long ipa, phys_addr_t phys,
		    unsigned long size, enum kvm_pgtable_prot prot,
		    struct kvm_mmu_memory_cache *mc);
void rmi2_unmap_private(struct kvm *kvm, unsigned long start, unsigned long end, bool fold);
void rmi2_unmap_shared(struct kvm *kvm, unsigned long start, unsigned long end, bool fold);

/* realm_rec_v2.c */
int rmi2_rec_create(struct kvm_vcpu *vcpu, struct rec_params *params);
int rmi2_rec_destroy(struct kvm_vcpu *vcpu);

#endif
