// SPDX-License-Identifier: BSD-3-Clause
/*
 * cca-double reference host code: RECs, RMM 2.0 (every revision).
 * REC_CREATE and REC_DESTROY are stateful operations: the RMM asks for the
 * memory a REC needs while it builds it and hands it back while it
 * destroys it (realm_sro.c).  The REC keeps the operation state in
 * between, so memory a REC the RMM will not destroy still holds is
 * quarantined with it.
 */
#include "realm_flavours.h"

int rmi2_rec_create(struct kvm_vcpu *vcpu, struct rec_params *params)
{
	struct realm_rec *rec = &vcpu->arch.rec;

	rec->sro = rmi_sro_alloc();
	if (!rec->sro)
		return -ENOMEM;
	if (!rmi_rec_create(realm_rd_phys(kvm_realm(vcpu->kvm)), virt_to_phys(rec->rec_page),
			    virt_to_phys(params), rec->sro))
		return 0;
	/* What the RMM did not give back (an abandoned operation) is quarantined. */
	rmi_sro_free(rec->sro);
	rec->sro = NULL;
	return -ENXIO;
}

int rmi2_rec_destroy(struct kvm_vcpu *vcpu)
{
	struct realm_rec *rec = &vcpu->arch.rec;
	int ret = rmi_rec_destroy(virt_to_phys(rec->rec_page), rec->sro) ? -ENXIO : 0;

	/* Refused: the REC keeps the memory it was given, quarantined here. */
	rmi_sro_free(rec->sro);
	rec->sro = NULL;
	return ret;
}
