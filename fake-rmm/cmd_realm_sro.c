// SPDX-License-Identifier: BSD-3-Clause
/*
 * REALM_CREATE and REALM_DESTROY as Stateful RMI Operations with memory
 * transfer, where the profile's description makes them so (`stateful:
 * transfer`; the post-v14 host drives both with rmi_sro_memxfer_cmd()).
 * The failure conditions are those of the one-call commands, checked
 * first and in the same order (cmd_realm.c): the operation starts only
 * once the command can succeed.  Choices (V2_CONDITIONS.md), as neither
 * the header nor TF-RMM main (where both are one call) says more:
 *
 *   REALM_CREATE(rd, params)
 *     checks as in one call             -> their status, nothing changes
 *     no free context                   -> BLOCKED, nothing changes
 *     realm built, RD PARTIAL           -> INCOMPLETE|DONATE, can-cancel,
 *                                          x1 handle, x2 = RD_AUX_COUNT x
 *                                          4 KiB, non-contiguous, delegated
 *   OP_MEM_DONATE ...                   -> as any operation (sro.c)
 *   OP_CONTINUE                         -> RD becomes the RD, SUCCESS
 *   OP_CANCEL, or a refused donation    -> donations reclaimed, the realm
 *                                          undone (roots DELEGATED, VMID
 *                                          free), RD DELEGATED
 *
 *   REALM_DESTROY(rd)
 *     checks as in one call             -> their status
 *     no free context                   -> BLOCKED, nothing changes
 *     realm gone, RD PARTIAL            -> INCOMPLETE|RECLAIM, x1 handle
 *   OP_MEM_RECLAIM ...                  -> the aux granules, DELEGATED
 *   OP_CONTINUE                         -> RD DELEGATED, SUCCESS
 *
 * Cancellable while it asks for memory: the post-v14 core driver's
 * rmi_sro_memxfer_execute() expects every memory-donating operation to be.
 */
#include <rmi/v2.h>

#include "realm.h"
#include "rtt.h"
#include "sro.h"

void realm_unbuild(struct rmm *rmm, struct realm *r)
{
	for (unsigned int i = 0; i < r->num_start; i++) {
		uint64_t pa = r->rtt_base + i * GRANULE_SIZE;
		struct granule *g = granule_at(rmm, pa);

		granule_zero(rmm, pa);
		g->obj = NULL;
		g->refcount = 0;
		granule_set_state(rmm, pa, g, GRANULE_DELEGATED);
	}
	vmid_free(rmm, r->vmid);
	realm_free(rmm, r);
}

/* The donation is in: the aux granules are the realm's, the RD its RD. */
static uint64_t create_ready(struct rmm *rmm, struct sro_ctx *ctx, struct rmi_call *c)
{
	struct realm *r = ctx->target;
	struct granule *g = granule_at(rmm, r->rd);

	for (unsigned int i = 0; i < ctx->main.nheld; i++) {
		r->aux[i] = ctx->main.held[i];
		granule_at(rmm, r->aux[i])->obj = r;
	}
	r->num_aux = ctx->main.nheld;
	granule_set_state(rmm, r->rd, g, GRANULE_RD);
	g->obj = r;
	sro_release(rmm, ctx);
	(void)c;
	return RMI_OK;
}

static void create_abandon(struct rmm *rmm, struct sro_ctx *ctx)
{
	realm_unbuild(rmm, ctx->target);
	ctx->target = NULL;
}

uint64_t realm_create_sro(struct rmm *rmm, struct realm *r, struct sro_ctx *ctx,
			  struct rmi_call *c)
{
	struct granule *g = granule_at(rmm, r->rd);

	/* Usable once the donation is in: until then rd names no realm. */
	granule_set_state(rmm, r->rd, g, GRANULE_PARTIAL);
	g->obj = NULL;
	ctx->obj = r->rd;
	ctx->target = r;
	ctx->ready = create_ready;
	ctx->abandon = create_abandon;
	sro_mem_donate(rmm, &ctx->main, RD_AUX_COUNT, GRANULE_INTERNAL);
	ctx->main.can_cancel = true;
	c->res[0] = ctx->handle;
	c->res[1] = sro_donate_req(rmm, &ctx->main);
	return sro_answer(&ctx->main);
}

uint64_t realm_destroy_sro(struct rmm *rmm, struct realm *r, struct sro_ctx *ctx,
			   struct rmi_call *c)
{
	uint64_t rd = r->rd;
	struct granule *g = granule_at(rmm, rd);

	ctx->main.held_state = GRANULE_INTERNAL;
	for (unsigned int i = 0; i < r->num_aux; i++) {
		ctx->main.held[i] = r->aux[i];
		ctx->main.held_ns[i] = false;
		granule_at(rmm, r->aux[i])->obj = NULL;
	}
	ctx->main.nheld = r->num_aux;
	ctx->main.block = RMI_V2_BLOCK_SIZE_L3;
	r->num_aux = 0;
	realm_unbuild(rmm, r);
	granule_zero(rmm, rd);
	granule_set_state(rmm, rd, g, GRANULE_PARTIAL);
	g->obj = NULL;
	ctx->obj = rd;
	sro_mem_reclaim(&ctx->main, RMI_OK);
	c->res[0] = ctx->handle;
	return sro_answer(&ctx->main);
}
