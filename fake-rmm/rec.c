// SPDX-License-Identifier: BSD-3-Clause
/* REC objects: lookup, creation, destruction, the engine behind each REC. */
#include <stdlib.h>

#include <rmi/v1_0.h>

#include "attest.h"
#include "rec.h"
#include "rtt.h"

/*
 * RmiRecMpidr: Aff0[3:0], Aff1[15:8], Aff2[23:16], Aff3[31:24].  The realm
 * reads the same affinities in MPIDR_EL1 layout (Aff3 at [39:32], bit 31
 * RES1) and names other RECs that way in PSCI calls.
 */
#define MPIDR_AFF0_MASK 0xfULL
#define MPIDR_AFF1_MASK 0xff00ULL
#define MPIDR_AFF2_MASK 0xff0000ULL
#define MPIDR_AFF3_MASK 0xff000000ULL
#define MPIDR_EL1_AFF3_MASK 0xff00000000ULL
#define MPIDR_EL1_RES1 (1ULL << 31)

bool realm_has_running_rec(const struct realm *r)
{
	for (unsigned int i = 0; i < r->rec_count; i++)
		if (r->recs[i] && r->recs[i]->running)
			return true;
	return false;
}

struct rec *rec_of(const struct rmm *rmm, uint64_t pa)
{
	struct granule *g = granule_lock(rmm, pa, GRANULE_REC);

	return g ? g->obj : NULL;
}

bool rec_mpidr_valid(uint64_t mpidr)
{
	return !(mpidr & ~(MPIDR_AFF0_MASK | MPIDR_AFF1_MASK | MPIDR_AFF2_MASK | MPIDR_AFF3_MASK));
}

/* Aff0 gives 4 bits, the others 8 each: index = Aff0 | Aff1 << 4 | Aff2 << 12 | Aff3 << 20. */
unsigned int rec_mpidr_index(uint64_t mpidr)
{
	return (unsigned int)((mpidr & MPIDR_AFF0_MASK) | ((mpidr & MPIDR_AFF1_MASK) >> 4) |
			      ((mpidr & MPIDR_AFF2_MASK) >> 4) | ((mpidr & MPIDR_AFF3_MASK) >> 4));
}

unsigned int mpidr_el1_index(uint64_t mpidr)
{
	return rec_mpidr_index((mpidr & (MPIDR_AFF0_MASK | MPIDR_AFF1_MASK | MPIDR_AFF2_MASK)) |
			       ((mpidr & MPIDR_EL1_AFF3_MASK) >> 8));
}

static uint64_t mpidr_el1_of(uint64_t rec_mpidr)
{
	return (rec_mpidr & (MPIDR_AFF0_MASK | MPIDR_AFF1_MASK | MPIDR_AFF2_MASK)) |
	       ((rec_mpidr & MPIDR_AFF3_MASK) << 8) | MPIDR_EL1_RES1;
}

static void realm_recs_put(struct realm *r, unsigned int idx, struct rec *rec)
{
	if (idx >= r->recs_cap) {
		unsigned int cap = r->recs_cap ? r->recs_cap * 2 : 8;
		struct rec **n;

		while (cap <= idx)
			cap *= 2;
		n = realloc(r->recs, cap * sizeof(*n));
		if (!n)
			abort();
		for (unsigned int i = r->recs_cap; i < cap; i++)
			n[i] = NULL;
		r->recs = n;
		r->recs_cap = cap;
	}
	r->recs[idx] = rec;
}

struct rec *rec_new(struct rmm *rmm, struct realm *r, uint64_t rec_pa,
		    const struct rec_create_args *a)
{
	struct rec *rec = calloc(1, sizeof(*rec));
	struct granule *g;

	if (!rec)
		abort();
	rec->pa = rec_pa;
	rec->realm = r;
	rec->index = r->rec_count;
	rec->mpidr = a->mpidr;
	rec->runnable = FIELD_OF(RMI_V1_0_REC_PARAMS_FLAGS_RUNNABLE, a->flags);
	rec->entry_pc = a->pc;
	memcpy(rec->entry_x, a->gprs, sizeof(rec->entry_x));
	rec->num_aux = a->num_aux;
	vgic_init(&rec->gic, rmm->feat.gicv3_num_lrs, rmm->gic_pri_bits);
	for (unsigned int i = 0; i < a->num_aux; i++) {
		rec->aux[i] = a->aux[i];
		g = granule_at(rmm, a->aux[i]);
		granule_set_state(rmm, a->aux[i], g, GRANULE_REC_AUX);
		g->obj = r;
	}
	g = granule_at(rmm, rec_pa);
	granule_set_state(rmm, rec_pa, g, GRANULE_REC);
	g->obj = rec;
	g->refcount = 0;
	granule_at(rmm, r->rd)->refcount++;
	realm_recs_put(r, rec->index, rec);
	r->rec_count++;
	return rec;
}

void rec_free(struct rec *rec)
{
	vcpu_destroy(rec->vcpu);
	attest_free(rec->attest);
	free(rec);
}

void rec_destroy(struct rmm *rmm, struct rec *rec)
{
	struct realm *r = rec->realm;
	struct granule *g;

	for (unsigned int i = 0; i < rec->num_aux; i++) {
		g = granule_at(rmm, rec->aux[i]);
		granule_zero(rmm, rec->aux[i]);	/* spec: aux granules are scrubbed */
		g->obj = NULL;
		granule_set_state(rmm, rec->aux[i], g, GRANULE_DELEGATED);
	}
	g = granule_at(rmm, rec->pa);
	granule_zero(rmm, rec->pa);
	g->obj = NULL;
	g->refcount = 0;
	granule_set_state(rmm, rec->pa, g, GRANULE_DELEGATED);
	granule_at(rmm, r->rd)->refcount--;
	r->recs[rec->index] = NULL;
	rec_free(rec);
}

struct vcpu *rec_vcpu(struct rmm *rmm, struct rec *rec, const char **err)
{
	const struct realm *r = rec->realm;
	struct vcpu_config cfg = {
		.arena = pmem_rmm_base(rmm->pmem),
		.pa_base = rmm->pa_base,
		.arena_size = rmm->ngranules << GRANULE_SHIFT,
		.ipa_bits = r->s2sz,
		.start_level = (unsigned int)r->start_level,
		.num_start_tables = r->num_start,
		.rtt_base = r->rtt_base,
		.vmid = (uint16_t)r->vmid,
		.mpidr = mpidr_el1_of(rec->mpidr),
		.pc = rec->entry_pc,
		.budget = rmm->rec_insn_budget,
		.pmu_counters = r->pmu ? r->pmu_num_ctrs : 0,
	};

	if (rec->vcpu)
		return rec->vcpu;
	if (r->start_level < 0) {
		*err = "start level -1 (LPA2) cannot be emulated";
		return NULL;
	}
	memcpy(cfg.x, rec->entry_x, sizeof(cfg.x));
	rec->vcpu = vcpu_create(&cfg);
	if (!rec->vcpu)
		*err = vcpu_create_error();
	return rec->vcpu;
}

void rec_reset(struct rec *rec, uint64_t pc, uint64_t context_id)
{
	rec->entry_pc = pc;
	memset(rec->entry_x, 0, sizeof(rec->entry_x));
	rec->entry_x[0] = context_id;
	rec->last = (struct rec_last_exit){ 0 };
	/* The engine's timers restart disabled. */
	rec->vtimer_reported = false;
	rec->ptimer_reported = false;
	rec->pmu_reported = false;
	if (rec->vcpu)
		vcpu_reset(rec->vcpu, pc, rec->entry_x);
}

uint64_t rec_get_x(struct rec *rec, unsigned int n)
{
	if (rec->vcpu)
		return vcpu_get_reg(rec->vcpu, (enum vcpu_reg)(VCPU_REG_X0 + n));
	return n < REC_CREATE_NR_GPRS ? rec->entry_x[n] : 0;
}

void rec_set_x(struct rec *rec, unsigned int n, uint64_t v)
{
	if (rec->vcpu)
		vcpu_set_reg(rec->vcpu, (enum vcpu_reg)(VCPU_REG_X0 + n), v);
	else if (n < REC_CREATE_NR_GPRS)
		rec->entry_x[n] = v;
}

void rec_detach(struct rmm *rmm, struct rec *rec, uint64_t *aux, unsigned int *num_aux)
{
	struct realm *r = rec->realm;
	struct granule *g = granule_at(rmm, rec->pa);

	*num_aux = rec->num_aux;
	memcpy(aux, rec->aux, rec->num_aux * sizeof(aux[0]));
	for (unsigned int i = 0; i < rec->num_aux; i++)
		granule_at(rmm, rec->aux[i])->obj = NULL;	/* held by the SRO now */
	granule_zero(rmm, rec->pa);
	g->obj = NULL;
	g->refcount = 0;
	granule_set_state(rmm, rec->pa, g, GRANULE_PARTIAL);
	granule_at(rmm, r->rd)->refcount--;
	r->recs[rec->index] = NULL;
	rec_free(rec);
}

uint64_t rec_create_realm_checks(const struct rmm *rmm, uint64_t rd, const struct realm *r,
				 uint64_t mpidr)
{
	/* The RD refcount counts RECs and saturates (TF-RMM: 10 bits). */
	if (granule_at(rmm, rd)->refcount >= REALM_MAX_RECS)
		return RMI_EREALM;
	/* realm_state */
	if (r->state != REALM_NEW)
		return RMI_EREALM;
	/* mpidr_valid, mpidr_index: RECs come in MPIDR order 0, 1, 2 ... */
	if (!rec_mpidr_valid(mpidr) || rec_mpidr_index(mpidr) != r->rec_count)
		return RMI_EINPUT;
	return RMI_OK;
}
