// SPDX-License-Identifier: BSD-3-Clause
/*
 * cca-double reference host code: RECs, RMM 1.0.  Each REC takes the
 * auxiliary granules REC_AUX_COUNT asked for, delegated and listed in
 * rec_params; they come back when REC_DESTROY succeeds.
 */
#include <asm/rmi_cmds_v1.h>

#include "realm_flavours.h"

static void rmi1_free_aux(struct realm_rec *rec, bool quarantine)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(rec->aux_pages); i++) {
		if (!rec->aux_pages[i])
			continue;
		if (quarantine)
			realm_quarantine_page(page_to_phys(rec->aux_pages[i]));
		else
			realm_free_delegated_page(page_to_phys(rec->aux_pages[i]));
		rec->aux_pages[i] = NULL;
	}
}

static int rmi1_alloc_aux(struct realm *realm, struct realm_rec *rec)
{
	for (unsigned long i = 0; i < realm->num_aux; i++) {
		struct page *page = alloc_page(GFP_KERNEL_ACCOUNT | __GFP_ZERO);

		if (!page)
			return -ENOMEM;
		if (realm_delegate_page(page_to_phys(page))) {
			__free_page(page);
			return -ENXIO;
		}
		rec->aux_pages[i] = page;
	}
	return 0;
}

int rmi1_rec_create(struct kvm_vcpu *vcpu, struct rec_params *params)
{
	struct realm *realm = kvm_realm(vcpu->kvm);
	struct realm_rec *rec = &vcpu->arch.rec;
	int ret = rmi1_alloc_aux(realm, rec);

	if (!ret) {
		params->num_rec_aux = realm->num_aux;
		for (unsigned long i = 0; i < realm->num_aux; i++)
			params->aux[i] = page_to_phys(rec->aux_pages[i]);
		if (rmi_rec_create(realm_rd_phys(realm), virt_to_phys(rec->rec_page),
				   virt_to_phys(params), NULL))
			ret = -ENXIO;
	}
	if (ret)
		rmi1_free_aux(rec, false);
	return ret;
}

int rmi1_rec_destroy(struct kvm_vcpu *vcpu)
{
	struct realm_rec *rec = &vcpu->arch.rec;
	int ret = rmi_rec_destroy(virt_to_phys(rec->rec_page), NULL) ? -ENXIO : 0;

	/* Refused: the RMM keeps the REC and its auxiliary granules. */
	rmi1_free_aux(rec, ret != 0);
	return ret;
}
