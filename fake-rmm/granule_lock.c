// SPDX-License-Identifier: BSD-3-Clause
/*
 * Granule locks and what one RMI call holds, so that rmm_smc() can be
 * called from many threads at once (docs/architecture.md, "Concurrency").
 *
 * The model is TF-RMM's (docs/design/locking.rst, lib/granule): one
 * spinlock per granule; granules a command names by address ("external":
 * NS, DELEGATED, RD, REC) are locked before any granule reached through
 * another ("internal": RTT, DATA), external ones in ascending physical
 * address order, and a granule's state changes only with its lock held.
 *
 * How the fake RMM keeps that order without rewriting each handler:
 *
 *  - Before a handler runs, the dispatcher locks the granules its
 *    arguments name (rd, rec, rtt, data, ...; dispatch_slot.lock_args) in
 *    ascending PA order, whatever their state.  The handler then checks
 *    states in the spec's order exactly as before: granule_lock() of a
 *    granule the call holds only checks the state.
 *  - A granule the handler reaches later (aux granules, root RTTs named
 *    by a parameter page, a block's granules) above every lock the call
 *    holds is locked, waiting if need be; one below is only tried.  If it
 *    is busy and the call has changed nothing yet, the handler is run
 *    again from the start with that granule locked first, in order; if
 *    something changed already, the granule counts as not in the state
 *    wanted (the call stops there, as for any other granule not available).
 *    A thread thus only ever waits for a lock above all it holds: no cycle
 *    of waits, no deadlock.
 *  - Locks are kept until the call returns (call_unlock_all()), after the
 *    host-view protection changes are applied: no other thread sees a
 *    granule's new state before the host does.
 *  - RTT and DATA granules are internal: only a command holding their
 *    realm's RD changes them, so the RD lock covers the whole tree (TF-RMM
 *    locks RD -> RTT -> ... -> DATA hand over hand; holding the RD instead
 *    serialises RTT commands on one realm, not across realms).  A running
 *    REC's stage-2 walks read entries with atomic loads and commands write
 *    them with atomic stores (s2tte_write()).
 *  - REC_ENTER drops its locks once the REC is marked running (the REC
 *    granule's refcount in TF-RMM) and runs the realm holding nothing.
 */
#include <sched.h>
#include <stdlib.h>

#include "rmm_internal.h"

#define CALL_MAX_RESTARTS 16

static _Thread_local struct call_ctx *current;

struct call_ctx *call_current(void)
{
	return current;
}

uint64_t call_progress_limit(void)
{
	return current ? current->progress_limit : 0;
}

int call_forced_exit(void)
{
	return current ? current->forced_exit : -1;
}

void call_begin(struct call_ctx *ctx, struct call_ctx **saved)
{
	/* Field by field: the inline arrays need no clearing (a call on every SMC). */
	ctx->progress_limit = 0;
	ctx->forced_exit = -1;
	ctx->protect_run = (struct protect_run){ 0 };
	ctx->nheld = 0;
	ctx->top = NULL;
	ctx->nwant = 0;
	ctx->restart = false;
	ctx->changed = false;
	ctx->held = ctx->held_inline;
	ctx->held_cap = sizeof(ctx->held_inline) / sizeof(ctx->held_inline[0]);
	ctx->want = ctx->want_inline;
	ctx->want_cap = sizeof(ctx->want_inline) / sizeof(ctx->want_inline[0]);
	*saved = current;
	current = ctx;
}

void call_end(struct call_ctx *ctx, struct call_ctx *saved)
{
	if (ctx->held != ctx->held_inline)
		free(ctx->held);
	if (ctx->want != ctx->want_inline)
		free(ctx->want);
	current = saved;
}

/* Spin, then yield: more threads than CPUs is the usual case in tests. */
void granule_lock_raw(struct granule *g)
{
	unsigned int spins = 0;

	while (atomic_exchange_explicit(&g->lock, 1, memory_order_acquire)) {
		while (atomic_load_explicit(&g->lock, memory_order_relaxed))
			if (++spins % 64 == 0)
				sched_yield();
	}
}

static bool granule_trylock_raw(struct granule *g)
{
	return !atomic_exchange_explicit(&g->lock, 1, memory_order_acquire);
}

void granule_unlock_raw(struct granule *g)
{
	atomic_store_explicit(&g->lock, 0, memory_order_release);
}

static void push(struct granule ***arr, unsigned int *n, unsigned int *cap,
		 struct granule **inline_arr, struct granule *g)
{
	if (*n == *cap) {
		unsigned int ncap = *cap * 2;
		struct granule **a = malloc(ncap * sizeof(*a));

		if (!a)
			abort();
		memcpy(a, *arr, *n * sizeof(*a));
		if (*arr != inline_arr)
			free(*arr);
		*arr = a;
		*cap = ncap;
	}
	(*arr)[(*n)++] = g;
}

static bool held(const struct call_ctx *ctx, const struct granule *g)
{
	if (!ctx->top || g > ctx->top)
		return false;
	for (unsigned int i = 0; i < ctx->nheld; i++)
		if (ctx->held[i] == g)
			return true;
	return false;
}

static void note_held(struct call_ctx *ctx, struct granule *g)
{
	push(&ctx->held, &ctx->nheld, &ctx->held_cap, ctx->held_inline, g);
	if (!ctx->top || g > ctx->top)
		ctx->top = g;
}

/* A handful of granules: insertion sort (granule order is PA order). */
static void sort_granules(struct granule **g, unsigned int n)
{
	for (unsigned int i = 1; i < n; i++) {
		struct granule *v = g[i];
		unsigned int j = i;

		for (; j > 0 && g[j - 1] > v; j--)
			g[j] = g[j - 1];
		g[j] = v;
	}
}

void call_lock_args(struct rmm *rmm, const struct dispatch_slot *slot, const uint64_t *args)
{
	struct call_ctx *ctx = current;
	struct granule *set[ABI_MAX_ARGS];
	unsigned int n = 0;

	for (unsigned int i = 0; i < ABI_MAX_ARGS; i++) {
		struct granule *g;

		if (!(slot->lock_args & (1u << i)) || (args[i] & ~GRANULE_MASK))
			continue;
		g = granule_at(rmm, args[i]);
		if (g)
			set[n++] = g;
	}
	/* Wanted granules from an earlier attempt join in, in order. */
	for (unsigned int i = 0; i < ctx->nwant; i++)
		push(&ctx->held, &ctx->nheld, &ctx->held_cap, ctx->held_inline, ctx->want[i]);
	for (unsigned int i = 0; i < n; i++)
		push(&ctx->held, &ctx->nheld, &ctx->held_cap, ctx->held_inline, set[i]);
	sort_granules(ctx->held, ctx->nheld);
	{
		unsigned int k = 0;

		for (unsigned int i = 0; i < ctx->nheld; i++)
			if (!k || ctx->held[i] != ctx->held[k - 1])
				ctx->held[k++] = ctx->held[i];
		ctx->nheld = k;
	}
	for (unsigned int i = 0; i < ctx->nheld; i++)
		granule_lock_raw(ctx->held[i]);
	ctx->top = ctx->nheld ? ctx->held[ctx->nheld - 1] : NULL;
}

void call_unlock_all(struct rmm *rmm)
{
	struct call_ctx *ctx = current;

	granule_protect_flush(rmm);
	if (!ctx)
		return;
	for (unsigned int i = 0; i < ctx->nheld; i++)
		granule_unlock_raw(ctx->held[i]);
	ctx->nheld = 0;
	ctx->top = NULL;
}

bool call_restart_wanted(void)
{
	struct call_ctx *ctx = current;
	/* Only a call that changed nothing can start again. */
	bool r = ctx->restart && !ctx->changed && ctx->nwant <= CALL_MAX_RESTARTS;

	ctx->restart = false;
	ctx->changed = false;
	return r;
}

void call_note_change(void)
{
	if (current)
		current->changed = true;
}

struct granule *granule_lock(const struct rmm *rmm, uint64_t pa, enum granule_state state)
{
	struct call_ctx *ctx = current;
	struct granule *g;

	if (pa & ~GRANULE_MASK)
		return NULL;
	g = granule_at(rmm, pa);
	if (!g)
		return NULL;
	if (ctx && !held(ctx, g)) {
		if (!ctx->top || g > ctx->top) {
			granule_lock_raw(g);
			note_held(ctx, g);
		} else if (granule_trylock_raw(g)) {
			note_held(ctx, g);
		} else {
			/* Busy and out of order: never wait for it (see above). */
			if (!ctx->changed) {
				push(&ctx->want, &ctx->nwant, &ctx->want_cap, ctx->want_inline, g);
				ctx->restart = true;
			}
			return NULL;
		}
	}
	if (g->state != state)
		return NULL;
	return g;
}

bool granule_is_ns(const struct rmm *rmm, uint64_t pa)
{
	struct granule *g;

	if (pa & ~GRANULE_MASK)
		return false;
	g = granule_at(rmm, pa);
	return g && g->state == GRANULE_NS;
}
