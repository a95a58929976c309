// SPDX-License-Identifier: BSD-3-Clause
/*
 * GRANULE_RANGE_DELEGATE / GRANULE_RANGE_UNDELEGATE (2.0): [base, top),
 * x1 = how far the call got.
 *
 *   - base or top not granule aligned, or top <= base: ERROR_INPUT with
 *     x1 = base.  A size-0 range is therefore an error, never a SUCCESS
 *     with x1 == base: a host that loops "until x1 == top" on a size-0
 *     request stops on the error instead of spinning (v14's
 *     rmi_delegate_range() loops on x1; TF-RMM main answers the same).
 *   - the first granule not tracked or not in the source state:
 *     ERROR_INPUT, x1 = base, nothing changed.
 *   - a later such granule ends the call early: SUCCESS, x1 = its PA.
 *   - a call also stops at the end of a 1 GiB tracking region, and after
 *     an injected progress limit (fault.h FAULT_PROGRESS).
 *
 * TF-RMM main moves one granule per call; moving up to the next stop
 * makes both host loops and early stops observable.  DELEGATED granules
 * are kept zeroed, so delegation scrubs (undelegation has nothing left
 * to scrub).
 */
#include "rmm_internal.h"

#define TRACKING_REGION_BYTES (1ULL << 30)

static uint64_t range_move(struct rmm *rmm, struct rmi_call *c, enum granule_state from,
			   enum granule_state to)
{
	uint64_t base = c->arg[0], top = c->arg[1], addr, stop;
	uint64_t moved = 0;

	c->res[0] = base;
	if ((base | top) & (GRANULE_SIZE - 1) || top <= base)
		return RMI_EINPUT;
	stop = (base | (TRACKING_REGION_BYTES - 1)) + 1;
	if (stop > top || stop < base)
		stop = top;
	for (addr = base; addr < stop; addr += GRANULE_SIZE) {
		struct granule *g = granule_lock(rmm, addr, from);

		if (!g || (call_progress_limit() && moved == call_progress_limit()))
			break;
		granule_set_state(rmm, addr, g, to);
		if (to == GRANULE_DELEGATED)
			granule_zero(rmm, addr);
		moved++;
	}
	if (addr == base)
		return RMI_EINPUT;
	c->res[0] = addr;
	return RMI_OK;
}

uint64_t smc_granule_range_delegate(struct rmm *rmm, struct rmi_call *c)
{
	return range_move(rmm, c, GRANULE_NS, GRANULE_DELEGATED);
}

uint64_t smc_granule_range_undelegate(struct rmm *rmm, struct rmi_call *c)
{
	return range_move(rmm, c, GRANULE_DELEGATED, GRANULE_NS);
}
