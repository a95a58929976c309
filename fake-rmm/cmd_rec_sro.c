// SPDX-License-Identifier: BSD-3-Clause
/*
 * REC_CREATE and REC_DESTROY as Stateful RMI Operations (2.0), over
 * the 1.0 REC core (rec.c): the same object, checks and measurement, with
 * the auxiliary granules donated by the host instead of listed in
 * rec_params.  Transcript and check order as TF-RMM main runtime/rmi/rec.c
 * (smc_rec_create, as main changed it from rmm-spec-v1.0-rel0):
 *
 *   REC_CREATE(rd, rec, params)
 *     rec not DELEGATED                 -> ERROR_INPUT
 *     no free context                   -> BLOCKED (BUSY if another CPU
 *                                          is running an operation's call)
 *     rec -> PARTIAL                    -> INCOMPLETE|DONATE, x1 handle,
 *                                          x2 = 16 x 4 KiB, delegated
 *   OP_MEM_DONATE ...                   -> INCOMPLETE|DONATE (more) or |NONE
 *   OP_CONTINUE(handle)
 *     params, rd, realm state, MPIDR checks (1.0 order, steps 1, 4-7):
 *       fail -> INCOMPLETE|RECLAIM, the aux granules go back, then
 *       OP_CONTINUE -> rec DELEGATED, the error
 *       ok   -> rec REC, SUCCESS
 *
 *   REC_DESTROY(rec)
 *     no free context -> BLOCKED or BUSY; not a REC -> ERROR_INPUT; running -> ERROR_REC
 *     rec -> PARTIAL, RD refcount - 1     -> INCOMPLETE|RECLAIM, x1 handle
 *   OP_MEM_RECLAIM ...                  -> aux granules DELEGATED, listed
 *   OP_CONTINUE                         -> rec DELEGATED, SUCCESS
 *
 * Neither operation can be cancelled (TF-RMM reserves them with
 * can-cancel clear).
 */
#include <stdlib.h>

#include <rmi/v2.h>

#include "rec.h"
#include "sro.h"

static uint64_t create_failed(struct sro_ctx *ctx, uint64_t err, struct rmi_call *c)
{
	sro_mem_reclaim(&ctx->main, err);
	c->res[0] = ctx->handle;
	c->res[1] = 0;
	return sro_answer(&ctx->main);
}

/* OP_CONTINUE once the aux granules are donated: the 1.0 REC_CREATE checks. */
static uint64_t rec_create_ready(struct rmm *rmm, struct sro_ctx *ctx, struct rmi_call *c)
{
	struct rmi_v2_rec_params *p = malloc(sizeof(*p));
	struct rec_create_args a;
	struct realm *r;
	uint64_t status = RMI_OK;

	if (!p)
		abort();
	/* params_align, params_bound, params_pas */
	if (!ns_granule_read(rmm, ctx->params, p, sizeof(*p))) {
		status = RMI_EINPUT;
		goto out;
	}
	/* rd_align/bound/state (the REC granule is PARTIAL, held by this operation) */
	r = realm_of_rd(rmm, ctx->rd);
	if (!r) {
		status = RMI_EINPUT;
		goto out;
	}
	status = rec_create_realm_checks(rmm, ctx->rd, r, p->mpidr);
	if (status != RMI_OK)
		goto out;
	a = (struct rec_create_args){ .flags = p->flags, .mpidr = p->mpidr, .pc = p->pc,
				      .num_aux = ctx->main.nheld, .aux = ctx->main.held };
	memcpy(a.gprs, p->gprs, sizeof(a.gprs));
	rec_new(rmm, r, ctx->obj, &a);
	if (FIELD_OF(RMI_V2_REC_PARAMS_FLAGS_RUNNABLE, p->flags))
		rim_extend_rec(r, p);
	sro_release(rmm, ctx);
out:
	free(p);
	if (status != RMI_OK)
		return create_failed(ctx, status, c);
	return RMI_OK;
}

uint64_t smc_rec_create_sro(struct rmm *rmm, struct rmi_call *c)
{
	uint64_t rd = c->arg[0], rec = c->arg[1], params = c->arg[2];
	struct granule *g = granule_lock(rmm, rec, GRANULE_DELEGATED);
	struct sro_ctx *ctx;

	/* rec_align, rec_bound, rec_state */
	if (!g)
		return RMI_EINPUT;
	ctx = sro_alloc(rmm);
	if (!ctx)
		return sro_none_free(rmm, c->cmd);
	granule_set_state(rmm, rec, g, GRANULE_PARTIAL);
	ctx->obj = rec;
	ctx->rd = rd;
	ctx->params = params;
	ctx->ready = rec_create_ready;
	sro_mem_donate(rmm, &ctx->main, REC_AUX_COUNT, GRANULE_REC_AUX);
	c->res[0] = ctx->handle;
	c->res[1] = sro_donate_req(rmm, &ctx->main);
	return sro_answer(&ctx->main);
}

uint64_t smc_rec_destroy_sro(struct rmm *rmm, struct rmi_call *c)
{
	struct sro_ctx *ctx = sro_alloc(rmm);
	struct rec *rec;

	/* TF-RMM reserves the context first: with none free, BLOCKED (or BUSY) beats ERROR_INPUT. */
	if (!ctx)
		return sro_none_free(rmm, c->cmd);
	/* rec_align, rec_bound, rec_gran_state */
	rec = rec_of(rmm, c->arg[0]);
	if (!rec) {
		sro_release(rmm, ctx);
		return RMI_EINPUT;
	}
	/* rec_busy */
	if (rec->running) {
		sro_release(rmm, ctx);
		return RMI_EREC;
	}
	ctx->obj = rec->pa;
	ctx->main.held_state = GRANULE_REC_AUX;
	rec_detach(rmm, rec, ctx->main.held, &ctx->main.nheld);
	sro_mem_reclaim(&ctx->main, RMI_OK);
	c->res[0] = ctx->handle;
	return sro_answer(&ctx->main);
}
