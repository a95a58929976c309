// SPDX-License-Identifier: BSD-3-Clause
/*
 * Unprotected (NS) mappings, 1.0: RTT_MAP_UNPROTECTED and
 * RTT_UNMAP_UNPROTECTED.  Order of checks as TF-RMM runtime/rmi/rtt.c: the
 * level bound comes before the RD check.  Unprotected entries take no
 * reference on their RTT and no granule state (the host may map any PA).
 */
#include "realm.h"
#include "rtt.h"

/* S2TT_MIN_BLOCK_LEVEL: unprotected blocks exist at levels 1 and 2 only. */
#define NS_MIN_LEVEL 1

/*
 * addr_align/addr_bound and the realm's own level range.  A level above the
 * realm's start level has no entry to map; TF-RMM leaves that case to an
 * assertion, here it is the same ERROR_INPUT as a bad address.
 */
static bool ns_ipa_ok(const struct realm *r, uint64_t ipa, int level)
{
	return level >= r->start_level && rtt_ipa_valid_at(r, ipa, level);
}

uint64_t smc_rtt_map_unprotected(struct rmm *rmm, struct rmi_call *c)
{
	uint64_t rd = c->arg[0], ipa = c->arg[1], desc = c->arg[3];
	struct realm *r;
	struct rtt_walk w;
	int level;

	/* level_bound (checked before the RD, as TF-RMM does) */
	if (!rtt_level_arg(c->arg[2], NS_MIN_LEVEL, S2TT_PAGE_LEVEL, &level))
		return RMI_EINPUT;
	/* rd_align/bound/state */
	r = realm_of_rd(rmm, rd);
	if (!r)
		return RMI_EINPUT;
	/* desc_valid: host fields only, OA aligned and below 2^48, MemAttr not reserved */
	if (!s2tte_host_desc_valid(desc, level))
		return RMI_EINPUT;
	/* addr_align, addr_bound */
	if (!ns_ipa_ok(r, ipa, level))
		return RMI_EINPUT;
	/* addr_unprotected */
	if (realm_ipa_is_protected(r, ipa))
		return RMI_EINPUT;
	/* rtt_walk */
	rtt_walk(rmm, r, ipa, level, &w);
	if (w.level != level)
		return RMI_ERTT(w.level);
	/* rtte_state: only an unassigned_ns entry can be mapped */
	if (w.info.kind != S2TTE_UNASSIGNED_NS)
		return RMI_ERTT(level);
	s2tte_write(w.entry, s2tte_assigned_ns(desc, level));
	return RMI_OK;
}

uint64_t smc_rtt_unmap_unprotected(struct rmm *rmm, struct rmi_call *c)
{
	uint64_t rd = c->arg[0], ipa = c->arg[1];
	struct realm *r;
	struct rtt_walk w;
	int level;

	/* level_bound */
	if (!rtt_level_arg(c->arg[2], NS_MIN_LEVEL, S2TT_PAGE_LEVEL, &level))
		return RMI_EINPUT;
	/* rd_align/bound/state */
	r = realm_of_rd(rmm, rd);
	if (!r)
		return RMI_EINPUT;
	/* addr_align, addr_bound */
	if (!ns_ipa_ok(r, ipa, level))
		return RMI_EINPUT;
	/* addr_unprotected */
	if (realm_ipa_is_protected(r, ipa))
		return RMI_EINPUT;
	/*
	 * rtt_walk / rtte_state in one: the walk must reach `level` and find
	 * an unprotected mapping there.  Either way top = the next live entry
	 * of the table reached, so the host can skip unmapped ranges.
	 */
	rtt_walk(rmm, r, ipa, level, &w);
	if (w.level != level || w.info.kind != S2TTE_ASSIGNED_NS) {
		c->res[0] = rtt_skip_non_live(&w, ipa);
		return RMI_ERTT(w.level);
	}
	s2tte_write(w.entry, s2tte_unassigned_ns());
	w.info = s2tte_decode(*w.entry, w.level);
	c->res[0] = rtt_skip_non_live(&w, ipa);
	return RMI_OK;
}
