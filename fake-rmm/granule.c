// SPDX-License-Identifier: BSD-3-Clause
/*
 * Granule state table: the spec's Granule(addr).state and refcount, one
 * entry per 4 KiB of the arena.  A granule leaving NS loses host access
 * (GPF), one returning to NS gets it back.
 *
 * Those protection changes are batched: consecutive granules changing the
 * same way become one mprotect (a 2 MiB range delegation: one call, not
 * 512).  The batch is the calling thread's (struct call_ctx), applied
 * before the call drops its granule locks (call_unlock_all()), so another
 * thread never sees a granule's new state before the host view has it.
 */
#include "rmm_internal.h"

static const char *const state_names[GRANULE_NSTATES] = {
	[GRANULE_NS] = "NS",
	[GRANULE_DELEGATED] = "DELEGATED",
	[GRANULE_RD] = "RD",
	[GRANULE_REC] = "REC",
	[GRANULE_REC_AUX] = "REC_AUX",
	[GRANULE_DATA] = "DATA",
	[GRANULE_RTT] = "RTT",
	[GRANULE_PARTIAL] = "PARTIAL",
	[GRANULE_INTERNAL] = "INTERNAL",
};

const char *granule_state_name(enum granule_state s)
{
	if (s < 0 || s >= GRANULE_NSTATES)
		return "INVALID";
	return state_names[s];
}

struct granule *granule_at(const struct rmm *rmm, uint64_t pa)
{
	uint64_t idx;

	if (pa < rmm->pa_base)
		return NULL;
	idx = (pa - rmm->pa_base) >> GRANULE_SHIFT;
	if (idx >= rmm->ngranules)
		return NULL;
	return &rmm->granules[idx];
}

uint64_t granule_pa(const struct rmm *rmm, const struct granule *g)
{
	return rmm->pa_base + ((uint64_t)(g - rmm->granules) << GRANULE_SHIFT);
}

static struct protect_run *protect_run_of(struct rmm *rmm)
{
	struct call_ctx *ctx = call_current();

	return ctx ? &ctx->protect_run : &rmm->protect_run;
}

static void protect_note(struct rmm *rmm, uint64_t pa, bool allowed)
{
	struct protect_run *r = protect_run_of(rmm);

	if (r->end > r->start && r->allowed == allowed && r->end == pa) {
		r->end += GRANULE_SIZE;
		return;
	}
	granule_protect_flush(rmm);
	r->start = pa;
	r->end = pa + GRANULE_SIZE;
	r->allowed = allowed;
}

void granule_protect_flush(struct rmm *rmm)
{
	struct protect_run *r = protect_run_of(rmm);

	if (r->end > r->start)
		pmem_set_host_access_range(rmm->pmem, r->start, r->end - r->start, r->allowed);
	r->start = r->end = 0;
}

void granule_set_state(struct rmm *rmm, uint64_t pa, struct granule *g,
		       enum granule_state state)
{
	bool was_ns = atomic_load_explicit(&g->state, memory_order_relaxed) == GRANULE_NS;

	call_note_change();
	/* Release: a thread that reads the new state sees the granule's new contents. */
	atomic_store_explicit(&g->state, (uint8_t)state, memory_order_release);
	if (was_ns != (state == GRANULE_NS)) {
		protect_note(rmm, pa, state == GRANULE_NS);
		if (was_ns)
			atomic_fetch_add_explicit(&rmm->granules_not_ns, 1, memory_order_relaxed);
		else
			atomic_fetch_sub_explicit(&rmm->granules_not_ns, 1, memory_order_relaxed);
	}
}

void *granule_map(const struct rmm *rmm, uint64_t pa)
{
	return pmem_rmm_ptr(rmm->pmem, pa);
}

void granule_zero(const struct rmm *rmm, uint64_t pa)
{
	memset(granule_map(rmm, pa), 0, GRANULE_SIZE);
}

bool ns_granule_read(const struct rmm *rmm, uint64_t pa, void *buf, size_t len)
{
	if (!granule_is_ns(rmm, pa) || len > GRANULE_SIZE)
		return false;
	memcpy(buf, granule_map(rmm, pa), len);
	return true;
}

bool ns_granule_write(const struct rmm *rmm, uint64_t pa, size_t off, const void *buf,
		      size_t len)
{
	if (!granule_is_ns(rmm, pa) || off > GRANULE_SIZE || len > GRANULE_SIZE - off)
		return false;
	memcpy((uint8_t *)granule_map(rmm, pa) + off, buf, len);
	return true;
}

enum granule_state rmm_granule_state(const struct rmm *rmm, uint64_t pa)
{
	struct granule *g = granule_at(rmm, pa);

	return g ? (enum granule_state)g->state : GRANULE_INVALID;
}

unsigned int rmm_granule_refcount(const struct rmm *rmm, uint64_t pa)
{
	struct granule *g = granule_at(rmm, pa);

	return g ? g->refcount : 0;
}

uint64_t rmm_granules_in_state(const struct rmm *rmm, enum granule_state s)
{
	uint64_t n = 0;

	for (uint64_t i = 0; i < rmm->ngranules; i++)
		n += rmm->granules[i].state == s;
	return n;
}

uint64_t rmm_granules_not_ns(const struct rmm *rmm)
{
	return atomic_load_explicit(&rmm->granules_not_ns, memory_order_relaxed);
}
