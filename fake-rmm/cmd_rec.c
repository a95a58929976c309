// SPDX-License-Identifier: BSD-3-Clause
/*
 * REC_CREATE, REC_DESTROY (1.0) and PSCI_COMPLETE.  Failure conditions in
 * the order TF-RMM rmm-spec-v1.0-rel0 runtime/rmi/rec.c checks them
 * (smc_rec_create, smc_rec_destroy); the first one that holds decides the
 * status.
 */
#include <stdlib.h>

#include <rmi/v1_0.h>

#include "rec_run.h"

/* Each aux granule DELEGATED and named once (TF-RMM claims them one by one). */
static bool aux_granules_ok(const struct rmm *rmm, const uint64_t *aux, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++) {
		if (!granule_lock(rmm, aux[i], GRANULE_DELEGATED))
			return false;
		for (unsigned int j = 0; j < i; j++)
			if (aux[j] == aux[i])
				return false;
	}
	return true;
}

static bool in_list(uint64_t pa, const uint64_t *list, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++)
		if (list[i] == pa)
			return true;
	return false;
}

uint64_t smc_rec_create(struct rmm *rmm, struct rmi_call *c)
{
	uint64_t rd = c->arg[0], rec_pa = c->arg[1], params_pa = c->arg[2];
	struct rmi_v1_0_rec_params *p;
	struct rec_create_args a;
	struct realm *r;
	uint64_t status = RMI_OK;

	p = malloc(sizeof(*p));
	if (!p)
		abort();
	/* params_align, params_bound, params_pas */
	if (!ns_granule_read(rmm, params_pa, p, sizeof(*p))) {
		status = RMI_EINPUT;
		goto out;
	}
	/* num_aux beyond the aux[] array */
	if (p->num_aux > REC_AUX_COUNT) {
		status = RMI_EINPUT;
		goto out;
	}
	/* aux_align, aux_bound, aux_state, aux_alias */
	if (!aux_granules_ok(rmm, p->aux, (unsigned int)p->num_aux)) {
		status = RMI_EINPUT;
		goto out;
	}
	/* rec/rd align, bound, state; rec and rd (or an aux) the same granule */
	r = realm_of_rd(rmm, rd);
	if (rec_pa == rd || !granule_lock(rmm, rec_pa, GRANULE_DELEGATED) || !r ||
	    in_list(rec_pa, p->aux, (unsigned int)p->num_aux) ||
	    in_list(rd, p->aux, (unsigned int)p->num_aux)) {
		status = RMI_EINPUT;
		goto out;
	}
	status = rec_create_realm_checks(rmm, rd, r, p->mpidr);
	if (status != RMI_OK)
		goto out;
	/* num_aux == RecAuxCount(rd) */
	if (p->num_aux != REC_AUX_COUNT) {
		status = RMI_EINPUT;
		goto out;
	}
	a = (struct rec_create_args){ .flags = p->flags, .mpidr = p->mpidr, .pc = p->pc,
				      .num_aux = (unsigned int)p->num_aux, .aux = p->aux };
	memcpy(a.gprs, p->gprs, sizeof(a.gprs));
	rec_new(rmm, r, rec_pa, &a);
	/* Only a REC that starts runnable is part of the initial measurement. */
	if (FIELD_OF(RMI_V1_0_REC_PARAMS_FLAGS_RUNNABLE, p->flags))
		rim_extend_rec(r, p);
out:
	free(p);
	return status;
}

uint64_t smc_rec_destroy(struct rmm *rmm, struct rmi_call *c)
{
	struct rec *rec = rec_of(rmm, c->arg[0]);

	/* rec_align, rec_bound, rec_gran_state */
	if (!rec)
		return RMI_EINPUT;
	/* rec_busy: a REC_ENTER on another CPU has it (running, TF-RMM's REC refcount) */
	if (rec->running)
		return RMI_EREC;
	/*
	 * The realm's REC list and the RD's refcount change too: its RD is
	 * locked after the REC (an internal-order lock; see granule_lock.c).
	 */
	if (!granule_lock(rmm, rec->realm->rd, GRANULE_RD))
		return RMI_EREC;	/* RD busy below the REC: the call runs again with it locked first */
	rec_destroy(rmm, rec);
	return RMI_OK;
}

/*
 * PSCI_COMPLETE(calling_rec, status) where the profile has no target_rec
 * argument (post-v14 host header rmi_psci_complete()): the RMM takes the target
 * from the calling REC's pending request, the REC of its realm whose
 * MPIDR the realm named.  Checks otherwise as with a target: calling
 * aligned, a REC, not running, a request pending, then the status rules
 * (psci_complete()).  The target may have been destroyed since the
 * realm asked: then CPU_ON can only be DENIED and AFFINITY_INFO answers
 * OFF, so the host can always complete (choice, V2_CONDITIONS.md; neither the
 * header nor TF-RMM main, which still takes target_rec, says).
 */
static uint64_t psci_complete_own_target(struct rmm *rmm, uint64_t calling_pa, uint64_t status)
{
	struct rec *calling;
	struct realm *r;
	unsigned int idx;

	/* calling_align */
	if (calling_pa & (GRANULE_SIZE - 1))
		return RMI_EINPUT;
	/* calling_bound, calling_state */
	calling = rec_of(rmm, calling_pa);
	if (!calling || calling->running)
		return RMI_EINPUT;
	/* psci_pending */
	if (!calling->psci.pending)
		return RMI_EINPUT;
	r = calling->realm;
	idx = mpidr_el1_index(calling->psci.target_mpidr);
	return psci_complete(rmm, calling, idx < r->rec_count ? r->recs[idx] : NULL, status);
}

uint64_t smc_psci_complete(struct rmm *rmm, struct rmi_call *c)
{
	const struct rmm_layout *l = &rmm->lay;
	uint64_t calling_pa = c->arg[l->psci_calling_arg], target_pa;
	struct rec *calling, *target;

	/* Which arguments the command has is the profile's (spec PSCI_COMPLETE). */
	if (l->psci_target_arg < 0)
		return psci_complete_own_target(rmm, calling_pa, c->arg[l->psci_status_arg]);
	target_pa = c->arg[l->psci_target_arg];
	/* calling_align, target_align */
	if ((calling_pa | target_pa) & (GRANULE_SIZE - 1))
		return RMI_EINPUT;
	/* both RECs (two-granule commands refuse one granule twice) */
	calling = rec_of(rmm, calling_pa);
	target = rec_of(rmm, target_pa);
	if (!calling || !target || calling == target)
		return RMI_EINPUT;
	/* the caller must not be running (its registers are about to change) */
	if (calling->running)
		return RMI_EINPUT;
	return psci_complete(rmm, calling, target, c->arg[l->psci_status_arg]);
}
