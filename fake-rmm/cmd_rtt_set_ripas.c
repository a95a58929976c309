// SPDX-License-Identifier: BSD-3-Clause
/*
 * RTT_SET_RIPAS (rd, rec, base, top) -> top: the REC-side rules (only the
 * pending RIPAS change of that REC, continuing where it stopped), then the
 * table walk of cmd_ripas.c's ripas_set_range.  Order as TF-RMM
 * rmm-spec-v1.0-rel0 (smc_rtt_set_ripas); no realm
 * state check.
 */
#include "rec.h"
#include "rtt.h"

uint64_t smc_rtt_set_ripas(struct rmm *rmm, struct rmi_call *c)
{
	uint64_t rd = c->arg[0], rec_pa = c->arg[1], base = c->arg[2], top = c->arg[3];
	struct realm *r;
	struct rec *rec;
	uint64_t reached, ret;

	/* size_valid (and top granule aligned, as base is by the next checks) */
	if (top <= base || (top & (GRANULE_SIZE - 1)))
		return RMI_EINPUT;
	/* rd and rec: align, bound, state */
	r = realm_of_rd(rmm, rd);
	rec = rec_of(rmm, rec_pa);
	if (!r || !rec)
		return RMI_EINPUT;
	/* rec_busy */
	if (rec->running)
		return RMI_EREC;
	/* rec_owner */
	if (rec->realm != r)
		return RMI_EREC;
	/* base_valid, top_valid: continue the REC's request, never beyond it */
	if (!rec->ripas.pending || base != rec->ripas.addr || top > rec->ripas.top)
		return RMI_EINPUT;
	ret = ripas_set_range(rmm, r, base, top, rec->ripas.ripas, rec->ripas.change_destroyed,
			      &reached);
	if (ret != RMI_OK)
		return ret;
	rec->ripas.addr = reached;
	c->res[0] = reached;
	return RMI_OK;
}
