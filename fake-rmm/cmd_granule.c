// SPDX-License-Identifier: BSD-3-Clause
/*
 * GRANULE_DELEGATE / GRANULE_UNDELEGATE (1.0).  DELEGATED granules are
 * kept zeroed: delegation scrubs (1.0), and every path back to DELEGATED
 * zeroes the granule.
 */
#include "rmm_internal.h"

uint64_t smc_granule_delegate(struct rmm *rmm, struct rmi_call *c)
{
	uint64_t addr = c->arg[0];
	struct granule *g = granule_lock(rmm, addr, GRANULE_NS);

	/* gran_align, gran_bound, gran_state (and the PAS check) */
	if (!g)
		return RMI_EINPUT;
	granule_set_state(rmm, addr, g, GRANULE_DELEGATED);
	granule_zero(rmm, addr);
	return RMI_OK;
}

uint64_t smc_granule_undelegate(struct rmm *rmm, struct rmi_call *c)
{
	uint64_t addr = c->arg[0];
	struct granule *g = granule_lock(rmm, addr, GRANULE_DELEGATED);

	if (!g)
		return RMI_EINPUT;
	granule_set_state(rmm, addr, g, GRANULE_NS);
	return RMI_OK;
}
