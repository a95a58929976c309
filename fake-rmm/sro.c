// SPDX-License-Identifier: BSD-3-Clause
/*
 * SRO contexts and the OP_* commands (sro.h).  Check order of each OP_*
 * command as TF-RMM main runtime/rmi/sro.c: handle, expected FID, list
 * alignment, then the list itself.  Where TF-RMM changes state before a
 * check that can still fail (a reclaim list that is not NS), the check is
 * made first here so that every error leaves the state unchanged.
 */
#include <stdlib.h>
#include <string.h>

#include <rmi/v2.h>

#include <cca-double/fault.h>

#include "addr_range.h"
#include "sro.h"

/* An injected donate request must fit a phase. */
_Static_assert(SRO_MAX_HELD >= FAULT_MAX_DONATE_GRANULES, "SRO_MAX_HELD below the fault cap");


struct sro_pool *sro_pool_new(void)
{
	struct sro_pool *p = calloc(1, sizeof(*p));

	if (!p)
		abort();
	pthread_mutex_init(&p->lock, NULL);
	return p;
}

void sro_pool_free(struct sro_pool *p)
{
	if (p)
		pthread_mutex_destroy(&p->lock);
	free(p);
}

/* Back to FREE, every field zero; under the pool lock. */
static void make_free(struct sro_ctx *ctx)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->life = SRO_FREE;
}

struct sro_ctx *sro_alloc(struct rmm *rmm)
{
	struct sro_ctx *found = NULL;

	pthread_mutex_lock(&rmm->sro->lock);
	for (unsigned int i = 0; i < SRO_MAX_CONTEXTS && !found; i++) {
		struct sro_ctx *ctx = &rmm->sro->ctx[i];

		if (ctx->life == SRO_FREE) {
			make_free(ctx);
			ctx->life = SRO_RESERVED;
			ctx->owner = call_current();
			ctx->handle = i;
			found = ctx;
		}
	}
	pthread_mutex_unlock(&rmm->sro->lock);
	return found;
}

uint64_t sro_none_free(struct rmm *rmm, const struct abi_command *cmd)
{
	const void *me = call_current();
	bool reserved = false, busy_listed = false;

	/* This call's own reservations are sealed when it returns: they do not count. */
	pthread_mutex_lock(&rmm->sro->lock);
	for (unsigned int i = 0; i < SRO_MAX_CONTEXTS; i++)
		reserved |= rmm->sro->ctx[i].life == SRO_RESERVED && rmm->sro->ctx[i].owner != me;
	pthread_mutex_unlock(&rmm->sro->lock);
	for (unsigned int i = 0; i < cmd->nerrors; i++)
		busy_listed |= !strcmp(cmd->errors[i], "BUSY");
	return rmi_ret(reserved && busy_listed ? RMI_STATUS_BUSY : RMI_STATUS_BLOCKED, 0);
}

bool sro_any_in_use(struct rmm *rmm)
{
	bool used = false;

	pthread_mutex_lock(&rmm->sro->lock);
	for (unsigned int i = 0; i < SRO_MAX_CONTEXTS; i++)
		used |= rmm->sro->ctx[i].life != SRO_FREE;
	pthread_mutex_unlock(&rmm->sro->lock);
	return used;
}

void sro_release(struct rmm *rmm, struct sro_ctx *ctx)
{
	pthread_mutex_lock(&rmm->sro->lock);
	make_free(ctx);
	pthread_mutex_unlock(&rmm->sro->lock);
}

/*
 * The SEALED context of `handle`, now RESERVED for the current call; NULL
 * if there is none.  One this call holds already is found again (an
 * injected layer on OP_CONTINUE runs OP_CONTINUE inside the same call).
 */
static struct sro_ctx *sro_find(struct rmm *rmm, uint64_t handle)
{
	struct sro_ctx *ctx = NULL, *h;

	if (handle >= SRO_MAX_CONTEXTS)
		return NULL;
	pthread_mutex_lock(&rmm->sro->lock);
	h = &rmm->sro->ctx[handle];
	if (h->life == SRO_SEALED) {
		ctx = h;
		ctx->life = SRO_RESERVED;
		ctx->owner = call_current();
		ctx->was_sealed = true;
	} else if (h->life == SRO_RESERVED && h->owner == call_current()) {
		ctx = h;
	}
	pthread_mutex_unlock(&rmm->sro->lock);
	return ctx;
}

/* Moves `from` into the FREE context of handle h (false if h is not free). */
static bool move_into(struct rmm *rmm, struct sro_ctx *from, unsigned int h)
{
	struct sro_ctx *to = &rmm->sro->ctx[h];
	bool moved = false;

	pthread_mutex_lock(&rmm->sro->lock);
	if (to->life == SRO_FREE) {
		*to = *from;
		to->handle = h;
		make_free(from);
		moved = true;
	}
	pthread_mutex_unlock(&rmm->sro->lock);
	return moved;
}

/* The context the current call started (NULL if none). */
static struct sro_ctx *started_by_call(struct rmm *rmm)
{
	const void *me = call_current();
	struct sro_ctx *found = NULL;

	pthread_mutex_lock(&rmm->sro->lock);
	for (unsigned int i = 0; i < SRO_MAX_CONTEXTS && !found; i++) {
		struct sro_ctx *ctx = &rmm->sro->ctx[i];

		if (ctx->life == SRO_RESERVED && ctx->owner == me && !ctx->was_sealed)
			found = ctx;
	}
	pthread_mutex_unlock(&rmm->sro->lock);
	return found;
}

void sro_call_end(struct rmm *rmm, bool restart)
{
	const void *me = call_current();

	if (!rmm->sro)
		return;
	pthread_mutex_lock(&rmm->sro->lock);
	for (unsigned int i = 0; i < SRO_MAX_CONTEXTS; i++) {
		struct sro_ctx *ctx = &rmm->sro->ctx[i];

		if (ctx->life != SRO_RESERVED || ctx->owner != me)
			continue;
		if (restart && !ctx->was_sealed) {
			make_free(ctx);
			continue;
		}
		ctx->life = SRO_SEALED;
		ctx->owner = NULL;
		ctx->was_sealed = false;
	}
	pthread_mutex_unlock(&rmm->sro->lock);
}

void sro_mem_donate_blocks(struct sro_mem *m, unsigned int block, unsigned int count, bool contig,
			   uint64_t state, enum granule_state held_state)
{
	unsigned int want = count * (unsigned int)(addr_range_block_bytes(block) >> GRANULE_SHIFT);

	m->stage = want ? SRO_DONATING : SRO_READY;
	m->want = want;
	m->block = block;
	m->contig = contig;
	m->req_state = state;
	m->held_state = held_state;
}

void sro_mem_donate(const struct rmm *rmm, struct sro_mem *m, unsigned int want,
		    enum granule_state held_state)
{
	sro_mem_donate_blocks(m, RMI_V2_BLOCK_SIZE_L3, want, m->contig,
			      (uint64_t)rmm->lay.mem_delegated, held_state);
}

void sro_mem_reclaim(struct sro_mem *m, uint64_t final_x0)
{
	m->stage = SRO_RECLAIMING;
	m->want = 0;
	m->can_cancel = false;
	m->final_x0 = final_x0;
}

uint64_t sro_answer(const struct sro_mem *m)
{
	unsigned int req = RMI_V2_MEM_REQ_NONE;

	if (m->stage == SRO_DONATING)
		req = RMI_V2_MEM_REQ_DONATE;
	else if (m->stage == SRO_RECLAIMING)
		req = RMI_V2_MEM_REQ_RECLAIM;
	return rmi_ret(RMI_STATUS_INCOMPLETE, 0) | FIELD_VAL(RMI_V2_RETURN_CODE_MEMREQ, req) |
	       FIELD_VAL(RMI_V2_RETURN_CODE_CAN_CANCEL, m->can_cancel);
}

/* Granules in one block of the phase's block size. */
static unsigned int block_granules(const struct sro_mem *m)
{
	return (unsigned int)(addr_range_block_bytes(m->block) >> GRANULE_SHIFT);
}

uint64_t sro_donate_req(const struct rmm *rmm, const struct sro_mem *m)
{
	const struct rmm_layout *l = &rmm->lay;

	if (m->stage != SRO_DONATING)
		return 0;
	/*
	 * What is still wanted, in blocks of the size first asked for (TF-RMM
	 * sro_aux.c re-encodes the rest with rmi_op_donate_req_encode(), which
	 * only ever sees 4 KiB requests there).
	 */
	return abi_bits_put(l->donate_size, m->block) |
	       abi_bits_put(l->donate_count, m->want / block_granules(m)) |
	       abi_bits_put(l->donate_contig, m->contig) |
	       abi_bits_put(l->donate_state, m->req_state);
}

/* The phase OP_* commands on this context talk to. */
static struct sro_mem *active_mem(struct sro_ctx *ctx)
{
	return ctx->inj_active ? &ctx->inj : &ctx->main;
}

static uint32_t expected_fid(const struct sro_mem *m)
{
	switch (m->stage) {
	case SRO_DONATING:
		return RMI_V2_FID_OP_MEM_DONATE;
	case SRO_RECLAIMING:
		return RMI_V2_FID_OP_MEM_RECLAIM;
	default:
		return RMI_V2_FID_OP_CONTINUE;
	}
}

/* A memory phase just emptied: where it goes next. */
static void reclaimed_all(struct sro_ctx *ctx, struct sro_mem *m)
{
	/* An injected layer runs its command next unless it is ending early. */
	if (m == &ctx->inj && !m->ending)
		m->stage = SRO_READY;
	else
		m->stage = SRO_FINISHING;
}

/*
 * Stops the phase with `err` as the final result: what it holds goes back
 * first (RECLAIMING, then FINISHING).
 */
static uint64_t phase_abort(struct sro_ctx *ctx, struct sro_mem *m, uint64_t err)
{
	sro_mem_reclaim(m, err);
	m->ending = true;
	if (!m->nheld && m == &ctx->inj)
		m->stage = SRO_FINISHING;
	return sro_answer(m);
}

/* ---- OP_MEM_DONATE (handle, list, count) -> x1 granules consumed, x2 request ---- */

static bool power_of_two(uint64_t v)
{
	return v && !(v & (v - 1));
}

/*
 * A descriptor's state meets the request: the same state; for a
 * CONDITIONAL request, DELEGATED or UNDELEGATED (the donor says which;
 * a later TF-RMM's host SRO driver, host_sro_prepare_donation(): "a
 * CONDITIONAL request accepts either state").  CONDITIONAL itself names
 * no state memory is in: never valid in a descriptor.
 */
static bool state_meets(const struct rmm *rmm, const struct sro_mem *m,
			const struct addr_range *r)
{
	if (m->req_state == (uint64_t)rmm->lay.mem_conditional)
		return r->delegated || r->undelegated;
	return r->state == m->req_state && (r->delegated || r->undelegated);
}

/*
 * The list against the request, as TF-RMM addr_list_validate() and
 * smc_op_mem_donate(): empty descriptors are skipped; each other one is
 * aligned to its block size and carries the requested state; a contiguous
 * request takes one descriptor naming a naturally aligned power-of-two
 * block, all of it or nothing; never more than is still wanted.  Blocks
 * must also be of the requested size: TF-RMM's consumer (sro_aux.c
 * sro_obj_memory_donate()) asserts it rather than checking it.
 */
static bool donation_valid(const struct rmm *rmm, const struct sro_mem *m, const uint64_t *list,
			   unsigned int n, uint64_t *total)
{
	unsigned int valid = 0;

	*total = 0;
	for (unsigned int i = 0; i < n; i++) {
		struct addr_range r = addr_range_decode(&rmm->lay, list[i]);
		uint64_t bytes = addr_range_block_bytes(r.size);

		if (!r.count)
			continue;	/* empty slot */
		valid++;
		if ((m->contig && valid > 1) || r.size != m->block || (r.pa & (bytes - 1)) ||
		    !state_meets(rmm, m, &r))
			return false;
		if (m->contig && (!power_of_two(r.count * bytes) || (r.pa & (r.count * bytes - 1))))
			return false;
		*total += r.count * (bytes >> GRANULE_SHIFT);
	}
	return *total <= m->want && !(m->contig && *total && *total != m->want);
}

/* Can the RMM take every granule of the block at pa (NS if donated undelegated)? */
static bool block_takeable(struct rmm *rmm, const struct sro_mem *m, uint64_t pa,
			   bool undelegated)
{
	enum granule_state from = undelegated ? GRANULE_NS : GRANULE_DELEGATED;

	for (unsigned int k = 0; k < block_granules(m); k++)
		if (!granule_lock(rmm, pa + ((uint64_t)k << GRANULE_SHIFT), from))
			return false;
	return true;
}

/*
 * Takes the listed blocks in order, whole blocks only.  Undelegated memory
 * is delegated by the RMM itself as it takes it (NS -> the held state);
 * the granules stay the RMM's until reclaimed.  x1 counts granules.
 */
static uint64_t donate(struct rmm *rmm, struct sro_ctx *ctx, struct sro_mem *m,
		       const uint64_t *list, unsigned int n, struct rmi_call *c)
{
	uint64_t consumed = 0;
	bool stop = false;

	for (unsigned int i = 0; i < n && !stop; i++) {
		struct addr_range r = addr_range_decode(&rmm->lay, list[i]);
		uint64_t bytes = addr_range_block_bytes(r.size);

		for (uint64_t b = 0; b < r.count; b++) {
			uint64_t base = r.pa + b * bytes;

			if (!block_takeable(rmm, m, base, r.undelegated)) {
				/*
				 * The first block of the call is bad: the host's list is
				 * wrong (TF-RMM sro_obj_memory_donate(): reclaim, then
				 * ERROR_INPUT).  Later: keep what was taken, ask again.
				 */
				if (!consumed)
					return phase_abort(ctx, m, RMI_EINPUT);
				stop = true;
				break;
			}
			for (unsigned int k = 0; k < block_granules(m); k++) {
				uint64_t pa = base + ((uint64_t)k << GRANULE_SHIFT);
				struct granule *g = granule_at(rmm, pa);

				granule_set_state(rmm, pa, g, m->held_state);
				g->obj = NULL;
				m->held_ns[m->nheld] = r.undelegated;
				m->held[m->nheld++] = pa;
			}
			m->want -= block_granules(m);
			consumed += block_granules(m);
		}
	}
	c->res[0] = consumed;
	/*
	 * All there.  An injected layer gives its memory straight back before
	 * the interrupted command runs (it has no use for it); an operation
	 * moves on to OP_CONTINUE.
	 */
	if (!m->want)
		m->stage = m == &ctx->inj && m->nheld ? SRO_RECLAIMING : SRO_READY;
	c->res[1] = sro_donate_req(rmm, m);
	return sro_answer(m);
}

uint64_t smc_op_mem_donate(struct rmm *rmm, struct rmi_call *c)
{
	struct sro_ctx *ctx = sro_find(rmm, c->arg[0]);
	uint64_t list[ADDR_LIST_MAX], total;
	struct sro_mem *m;
	unsigned int n;

	/* handle_valid */
	if (!ctx)
		return RMI_EINPUT;
	m = active_mem(ctx);
	/* the operation asked for memory */
	if (expected_fid(m) != RMI_V2_FID_OP_MEM_DONATE)
		return RMI_EINPUT;
	/* list_align, list_pas (count clipped to the list's granule) */
	if (!addr_list_read(rmm, c->arg[1], c->arg[2], list, &n))
		return RMI_EINPUT;
	/* list_valid */
	if (!donation_valid(rmm, m, list, n, &total))
		return RMI_EINPUT;
	return donate(rmm, ctx, m, list, n, c);
}

/* ---- OP_MEM_RECLAIM (handle, list, count) -> x1 descriptors written ---- */

uint64_t smc_op_mem_reclaim(struct rmm *rmm, struct rmi_call *c)
{
	struct sro_ctx *ctx = sro_find(rmm, c->arg[0]);
	uint64_t list = c->arg[1];
	struct addr_list_out out;
	struct sro_mem *m;
	unsigned int taken = 0, slots = addr_list_slots(list);
	uint64_t count = c->arg[2];

	/* handle_valid */
	if (!ctx)
		return RMI_EINPUT;
	/* list_align */
	if (!slots)
		return RMI_EINPUT;
	m = active_mem(ctx);
	/* the operation has memory to give back */
	if (expected_fid(m) != RMI_V2_FID_OP_MEM_RECLAIM)
		return RMI_EINPUT;
	/* No room: nothing written, still reclaiming. */
	if (!count) {
		c->res[0] = 0;
		return sro_answer(m);
	}
	/* list_pas (checked before any granule changes state) */
	if (!granule_is_ns(rmm, list & GRANULE_MASK))
		return RMI_EINPUT;
	addr_list_out_init(&out, &rmm->lay, count < slots ? (unsigned int)count : slots);
	/*
	 * Whole blocks, in the size and state they were donated in: memory the
	 * host gave undelegated is scrubbed and undelegated by the RMM and
	 * listed with the UNDELEGATED state; the rest comes back DELEGATED.
	 */
	while (taken + block_granules(m) <= m->nheld &&
	       addr_list_out_add(&out, m->held[taken], m->block, m->held_ns[taken]))
		taken += block_granules(m);
	for (unsigned int i = 0; i < taken; i++) {
		struct granule *g = granule_at(rmm, m->held[i]);

		granule_zero(rmm, m->held[i]);	/* scrubbed before the host sees it */
		g->obj = NULL;
		granule_set_state(rmm, m->held[i], g,
				  m->held_ns[i] ? GRANULE_NS : GRANULE_DELEGATED);
	}
	memmove(m->held, m->held + taken, (m->nheld - taken) * sizeof(m->held[0]));
	memmove(m->held_ns, m->held_ns + taken, (m->nheld - taken) * sizeof(m->held_ns[0]));
	m->nheld -= taken;
	addr_list_write(rmm, list, out.desc, out.n);
	c->res[0] = out.n;
	if (!m->nheld)
		reclaimed_all(ctx, m);
	return sro_answer(m);
}

/* ---- OP_CONTINUE (handle, flags) ---- */

static uint64_t finish(struct rmm *rmm, struct sro_ctx *ctx, struct sro_mem *m,
		       struct rmi_call *c);
static uint64_t run_saved(struct rmm *rmm, struct sro_ctx *ctx, struct rmi_call *c, bool stop);

uint64_t smc_op_continue(struct rmm *rmm, struct rmi_call *c)
{
	struct sro_ctx *ctx = sro_find(rmm, c->arg[0]);
	struct sro_mem *m;

	/* handle_valid */
	if (!ctx)
		return RMI_EINPUT;
	m = active_mem(ctx);
	/* the operation is not waiting for memory */
	if (expected_fid(m) != RMI_V2_FID_OP_CONTINUE)
		return RMI_EINPUT;
	/*
	 * flags.STOP (DEN0137 2.0 RmiContinueBeyond): return to the host once
	 * the objects in flight reached their destination state; KEEP_GOING:
	 * go on through the rest of the target set.  An operation on one
	 * object (REC_CREATE, REALM_CREATE ...) has nothing beyond it: the flag
	 * changes nothing there (TF-RMM main reads it nowhere).  A range
	 * command an injected INCOMPLETE interrupted stops after one step.
	 */
	if (m->stage == SRO_FINISHING)
		return finish(rmm, ctx, m, c);
	if (m == &ctx->inj)
		return run_saved(rmm, ctx, c, abi_bits_get(rmm->lay.continue_stop, c->arg[1]));
	return ctx->ready(rmm, ctx, c);
}

/* The memory is back: end the phase with its recorded result. */
static uint64_t finish(struct rmm *rmm, struct sro_ctx *ctx, struct sro_mem *m,
		       struct rmi_call *c)
{
	uint64_t x0 = m->final_x0;

	memcpy(c->res, m->final_res, sizeof(c->res));
	if (m == &ctx->inj && !ctx->fresh) {
		/* A layer on a live operation: that operation carries on ... */
		ctx->inj_active = false;
		memset(&ctx->inj, 0, sizeof(ctx->inj));
		if (!ctx->cancelled)
			return x0;
		/* ... unless the handle was cancelled: then it gives back what it holds and ends. */
		c->res[0] = 0;
		return phase_abort(ctx, &ctx->main, RMI_OK);
	}
	/* Ending early (a failed donation, OP_CANCEL): what it built goes too. */
	if (ctx->abandon && ctx->main.ending)
		ctx->abandon(rmm, ctx);
	if (ctx->obj) {
		/* The half-built / half-destroyed object goes back to DELEGATED. */
		struct granule *g = granule_at(rmm, ctx->obj);

		granule_zero(rmm, ctx->obj);
		g->obj = NULL;
		g->refcount = 0;
		granule_set_state(rmm, ctx->obj, g, GRANULE_DELEGATED);
	}
	sro_release(rmm, ctx);
	return x0;
}

/* ---- OP_CANCEL (handle) ---- */

uint64_t smc_op_cancel(struct rmm *rmm, struct rmi_call *c)
{
	struct sro_ctx *ctx = sro_find(rmm, c->arg[0]);
	struct sro_mem *m;

	/* handle_valid */
	if (!ctx)
		return RMI_EINPUT;
	m = active_mem(ctx);
	/* only an answer that carried the can-cancel bit can be cancelled */
	if (!m->can_cancel)
		return RMI_EINPUT;
	/*
	 * Cancelled: the interrupted command is not run.  What the phase holds
	 * is reclaimed first; the operation then ends with SUCCESS (the
	 * cancellation itself succeeded).  REC_CREATE / REC_DESTROY never set
	 * can-cancel (as in TF-RMM main), so only injected operations get here.
	 * OP_CANCEL names the operation, not the injected layer: cancelling a
	 * layer on a live operation ends the whole of it (see finish()).
	 */
	if (m == &ctx->inj && !ctx->fresh)
		ctx->cancelled = true;
	phase_abort(ctx, m, RMI_OK);
	if (m->stage == SRO_FINISHING)
		return finish(rmm, ctx, m, c);
	c->res[0] = 0;
	return sro_answer(m);
}

/* ---- injected INCOMPLETE ---- */

static bool is_op_command(const struct abi_command *cmd)
{
	return !strncmp(cmd->name, "OP_", 3);
}

uint64_t sro_inject(struct rmm *rmm, const struct abi_command *cmd, rmi_handler fn,
		    const uint64_t *args, unsigned int memreq, bool can_cancel,
		    uint64_t donate_req, struct rmi_call *c)
{
	struct sro_ctx *ctx = is_op_command(cmd) ? sro_find(rmm, args[0]) : NULL;
	struct sro_mem *m;
	bool layer = ctx && !ctx->inj_active;

	if (!layer) {
		ctx = sro_alloc(rmm);
		if (!ctx)
			return sro_none_free(rmm, cmd);
		ctx->fresh = true;
	}
	ctx->inj_active = true;
	m = &ctx->inj;
	memset(m, 0, sizeof(*m));
	m->can_cancel = can_cancel;
	m->final_x0 = RMI_OK;
	ctx->saved.cmd = cmd;
	ctx->saved.fn = fn;
	memcpy(ctx->saved.args, args, sizeof(ctx->saved.args));
	if (memreq == RMI_V2_MEM_REQ_DONATE) {
		const struct rmm_layout *l = &rmm->lay;

		sro_mem_donate_blocks(m, (unsigned int)abi_bits_get(l->donate_size, donate_req),
				      (unsigned int)abi_bits_get(l->donate_count, donate_req),
				      abi_bits_get(l->donate_contig, donate_req),
				      abi_bits_get(l->donate_state, donate_req), GRANULE_INTERNAL);
	} else if (memreq == RMI_V2_MEM_REQ_RECLAIM) {
		m->stage = SRO_RECLAIMING;	/* nothing held: the first reclaim writes 0 */
	} else {
		m->stage = SRO_READY;
	}
	m->can_cancel = can_cancel;
	/* x1: the handle (for an OP_* layer, what that command's x1 counts: nothing yet). */
	c->res[0] = layer && strcmp(cmd->name, "OP_CONTINUE") ? 0 : ctx->handle;
	c->res[1] = sro_donate_req(rmm, m);
	if (c->nres < 2)
		c->nres = 2;
	return sro_answer(m);
}

/*
 * The injected layer is READY: run the command it interrupted, to its end,
 * or with `stop` only its first step (a range command's progress limit 1:
 * it answers SUCCESS with x1 where that step got to).
 */
static uint64_t run_saved(struct rmm *rmm, struct sro_ctx *ctx, struct rmi_call *c, bool stop)
{
	uint64_t limit = call_progress_limit();
	struct sro_saved_call saved = ctx->saved;
	unsigned int h = ctx->handle;
	bool layer = !ctx->fresh;
	struct rmi_call inner;
	uint64_t x0;

	ctx->inj_active = false;
	memset(&ctx->inj, 0, sizeof(ctx->inj));
	memset(&inner, 0, sizeof(inner));
	inner.cmd = saved.cmd;
	inner.arg = saved.args;
	inner.regs = c->regs;
	if (!layer)
		sro_release(rmm, ctx);	/* it existed only for the fault: given up first */
	if (stop)
		call_current()->progress_limit = 1;
	x0 = saved.fn(rmm, &inner);
	call_current()->progress_limit = limit;
	memcpy(c->res, inner.res, sizeof(c->res));
	c->answering = saved.cmd;
	c->nres = inner.nres ? inner.nres : saved.cmd->nresults;
	if (c->nres < 2)
		c->nres = 2;
	/*
	 * The command started an operation of its own (REC_CREATE): it moves
	 * into the handle the host already holds, if that is still free (a
	 * call on another CPU may have taken it: then x1 names the new one).
	 */
	if (!layer && FIELD_OF(RMI_RETURN_CODE_STATUS, x0) == RMI_STATUS_INCOMPLETE) {
		struct sro_ctx *started = started_by_call(rmm);

		if (started && started->handle != h && move_into(rmm, started, h))
			c->res[0] = h;
	}
	return x0;
}

void sro_for_each_granule(const struct rmm *rmm, sro_granule_fn fn, void *arg)
{
	if (!rmm->sro)
		return;
	for (unsigned int i = 0; i < SRO_MAX_CONTEXTS; i++) {
		const struct sro_ctx *ctx = &rmm->sro->ctx[i];

		if (ctx->life == SRO_FREE)
			continue;
		if (ctx->obj)
			fn(arg, ctx->obj, GRANULE_PARTIAL);
		for (unsigned int k = 0; k < ctx->main.nheld; k++)
			fn(arg, ctx->main.held[k], ctx->main.held_state);
		if (ctx->inj_active)
			for (unsigned int k = 0; k < ctx->inj.nheld; k++)
				fn(arg, ctx->inj.held[k], ctx->inj.held_state);
	}
}
