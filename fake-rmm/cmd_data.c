// SPDX-License-Identifier: BSD-3-Clause
/*
 * Realm data granules, 1.0: DATA_CREATE (measured or not),
 * DATA_CREATE_UNKNOWN and DATA_DESTROY.  Failure order per
 * TF-RMM rmm-spec-v1.0-rel0 runtime/rmi/rtt.c; a DATA granule is always mapped by exactly one
 * level-3 entry (or a folded block) and counted once by that RTT.
 */
#include "realm.h"
#include "rtt.h"

/* ipa inside the PAR and a valid level-3 address. */
static bool data_ipa_ok(const struct realm *r, uint64_t ipa)
{
	return realm_ipa_is_protected(r, ipa) && rtt_ipa_valid_at(r, ipa, S2TT_PAGE_LEVEL);
}

/*
 * The part DATA_CREATE and DATA_CREATE_UNKNOWN share after their own
 * checks: PA width, walk to level 3, entry unassigned.  On success *w is
 * the level-3 entry to fill.
 */
static uint64_t data_slot(const struct rmm *rmm, const struct realm *r, uint64_t data,
			  uint64_t ipa, struct rtt_walk *w)
{
	/* data_bound for a realm without LPA2 */
	if (!realm_pa_ok(r, data))
		return RMI_EINPUT;
	/* rtt_walk */
	rtt_walk(rmm, r, ipa, S2TT_PAGE_LEVEL, w);
	if (w->level != S2TT_PAGE_LEVEL)
		return RMI_ERTT(w->level);
	/* rtte_state: unassigned (any RIPAS) */
	if (w->info.kind != S2TTE_UNASSIGNED)
		return RMI_ERTT(S2TT_PAGE_LEVEL);
	return RMI_OK;
}

static void data_map(struct rmm *rmm, struct realm *r, uint64_t data, struct granule *g,
		     struct rtt_walk *w, unsigned int ripas)
{
	granule_set_state(rmm, data, g, GRANULE_DATA);
	g->obj = r;
	s2tte_write(w->entry, s2tte_assigned(data, ripas, S2TT_PAGE_LEVEL));
	rtt_get(rmm, w->table_pa);
}

uint64_t smc_data_create(struct rmm *rmm, struct rmi_call *c)
{
	uint64_t rd = c->arg[0], data = c->arg[1], ipa = c->arg[2], src = c->arg[3];
	uint64_t flags = c->arg[4];
	struct granule *g_data;
	struct realm *r;
	struct rtt_walk w;
	uint64_t ret;

	/* flags_valid */
	if (flags != RMI_MEASURE_CONTENT_NO_MEASURE_CONTENT &&
	    flags != RMI_MEASURE_CONTENT_MEASURE_CONTENT)
		return RMI_EINPUT;
	/* src_align, src_bound, src_pas: an NS granule of tracked memory */
	if (!granule_is_ns(rmm, src))
		return RMI_EINPUT;
	/* data_align/bound/state, rd_align/bound/state */
	g_data = granule_lock(rmm, data, GRANULE_DELEGATED);
	r = realm_of_rd(rmm, rd);
	if (!g_data || !r)
		return RMI_EINPUT;
	/* realm_state: contents can only be loaded before activation */
	if (r->state != REALM_NEW)
		return RMI_EREALM;
	/* map_addr_align, map_addr_bound, addr_protected */
	if (!data_ipa_ok(r, ipa))
		return RMI_EINPUT;
	ret = data_slot(rmm, r, data, ipa, &w);
	if (ret != RMI_OK)
		return ret;
	/* Copy through the RMM view; src is NS and inside the arena, so it cannot fault. */
	if (!ns_granule_read(rmm, src, granule_map(rmm, data), GRANULE_SIZE)) {
		granule_zero(rmm, data);	/* stays DELEGATED: keep it scrubbed */
		return RMI_EINPUT;
	}
	rim_extend_data(r, ipa, flags, granule_map(rmm, data));
	/* Contents are realm RAM whatever the entry's RIPAS was. */
	data_map(rmm, r, data, g_data, &w, RMI_RIPAS_RAM);
	return RMI_OK;
}

uint64_t smc_data_create_unknown(struct rmm *rmm, struct rmi_call *c)
{
	uint64_t rd = c->arg[0], data = c->arg[1], ipa = c->arg[2];
	struct granule *g_data = granule_lock(rmm, data, GRANULE_DELEGATED);
	struct realm *r = realm_of_rd(rmm, rd);
	struct rtt_walk w;
	uint64_t ret;

	/* data_align/bound/state, rd_align/bound/state (any realm state) */
	if (!g_data || !r)
		return RMI_EINPUT;
	/* map_addr_align, map_addr_bound, addr_protected */
	if (!data_ipa_ok(r, ipa))
		return RMI_EINPUT;
	ret = data_slot(rmm, r, data, ipa, &w);
	if (ret != RMI_OK)
		return ret;
	granule_zero(rmm, data);	/* "unknown" contents: never stale data */
	/* The entry keeps its RIPAS: EMPTY/RAM/DESTROYED -> assigned_<same>. */
	data_map(rmm, r, data, g_data, &w, w.info.ripas);
	return RMI_OK;
}

uint64_t smc_data_destroy(struct rmm *rmm, struct rmi_call *c)
{
	uint64_t rd = c->arg[0], ipa = c->arg[1];
	struct realm *r = realm_of_rd(rmm, rd);
	struct rtt_walk w;
	struct granule *g;
	uint64_t pa;

	/* rd_align/bound/state; top = 0 */
	if (!r)
		return RMI_EINPUT;
	/* map_addr_align, map_addr_bound, addr_protected; top = 0 */
	if (!data_ipa_ok(r, ipa))
		return RMI_EINPUT;
	/* rtt_walk; top = next live entry of the table reached */
	rtt_walk(rmm, r, ipa, S2TT_PAGE_LEVEL, &w);
	if (w.level != S2TT_PAGE_LEVEL) {
		c->res[1] = rtt_skip_non_live(&w, ipa);
		return RMI_ERTT(w.level);
	}
	/* rtte_state: assigned (any RIPAS) */
	if (w.info.kind != S2TTE_ASSIGNED) {
		c->res[1] = rtt_skip_non_live(&w, ipa);
		return RMI_ERTT(S2TT_PAGE_LEVEL);
	}
	/*
	 * RAM and DESTROYED contents are gone for the realm: the IPA becomes
	 * DESTROYED.  EMPTY had no contents the realm could see: it stays EMPTY.
	 */
	pa = w.info.pa;
	s2tte_write(w.entry, s2tte_unassigned(w.info.ripas == RMI_RIPAS_EMPTY ? RMI_RIPAS_EMPTY
								 : RMI_RIPAS_DESTROYED));
	w.info = s2tte_decode(*w.entry, w.level);
	rtt_put(rmm, w.table_pa);
	g = granule_at(rmm, pa);
	granule_zero(rmm, pa);	/* scrub before the host can get it back */
	g->obj = NULL;
	granule_set_state(rmm, pa, g, GRANULE_DELEGATED);
	c->res[0] = pa;
	c->res[1] = rtt_skip_non_live(&w, ipa);
	return RMI_OK;
}
