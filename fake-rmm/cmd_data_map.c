// SPDX-License-Identifier: BSD-3-Clause
/*
 * Realm data, 2.0: RTT_DATA_MAP_INIT (DATA_CREATE's successor),
 * RTT_DATA_MAP and RTT_DATA_UNMAP.  Check orders as TF-RMM main
 * runtime/rmi/rtt_map.c and rtt_unmap.c; where the v14 host relies on a behaviour main
 * does not have, it is noted at the place.
 */
#include <rmi/v2.h>

#include "realm.h"
#include "rtt_range.h"

static void data_granule_release(struct rmm *rmm, uint64_t pa)
{
	struct granule *g = granule_at(rmm, pa);

	granule_zero(rmm, pa);	/* scrubbed before the host can get it back */
	g->obj = NULL;
	granule_set_state(rmm, pa, g, GRANULE_DELEGATED);
}

/*
 * RTT_DATA_MAP_INIT (rd, data, ipa, src, flags): DATA_CREATE with the 2.0
 * order: flags -> data == rd -> src NS -> rd -> realm NEW (ERROR_REALM) ->
 * ipa -> data PA width -> walk to level 3 -> entry unassigned -> data is
 * not the leaf RTT -> data DELEGATED -> copy -> measure.  The data granule
 * is checked last, after the table (TF-RMM main's RTT-before-data lock
 * order).
 */
uint64_t smc_rtt_data_map_init(struct rmm *rmm, struct rmi_call *c)
{
	uint64_t rd = c->arg[0], data = c->arg[1], ipa = c->arg[2], src = c->arg[3];
	uint64_t flags = c->arg[4];
	struct granule *g_data;
	struct realm *r;
	struct rtt_walk w;

	/* flags_valid */
	if (flags != RMI_V2_MEASURE_CONTENT_NO_MEASURE_CONTENT &&
	    flags != RMI_V2_MEASURE_CONTENT_MEASURE_CONTENT)
		return RMI_EINPUT;
	/* the RD cannot be the data granule */
	if (data == rd)
		return RMI_EINPUT;
	/* src_align, src_bound, src_pas */
	if (!granule_is_ns(rmm, src))
		return RMI_EINPUT;
	/* rd_align/bound/state */
	r = realm_of_rd(rmm, rd);
	if (!r)
		return RMI_EINPUT;
	/* realm_state: contents are loaded before activation only */
	if (r->state != REALM_NEW)
		return RMI_EREALM;
	/* map_addr_align, map_addr_bound, addr_protected */
	if (!realm_ipa_is_protected(r, ipa) || !rtt_ipa_valid_at(r, ipa, S2TT_PAGE_LEVEL))
		return RMI_EINPUT;
	/* data_bound without LPA2 */
	if (!realm_pa_ok(r, data))
		return RMI_EINPUT;
	/* rtt_walk */
	rtt_walk(rmm, r, ipa, S2TT_PAGE_LEVEL, &w);
	if (w.level != S2TT_PAGE_LEVEL)
		return RMI_ERTT(w.level);
	/* rtte_state: unassigned, any RIPAS */
	if (w.info.kind != S2TTE_UNASSIGNED)
		return RMI_ERTT(S2TT_PAGE_LEVEL);
	/* data is the leaf table itself (it is an RTT, so also not DELEGATED) */
	if (data == w.table_pa)
		return RMI_EINPUT;
	/* data_align/bound/state */
	g_data = granule_lock(rmm, data, GRANULE_DELEGATED);
	if (!g_data)
		return RMI_EINPUT;
	/* src is NS and inside the arena: the copy cannot fault. */
	if (!ns_granule_read(rmm, src, granule_map(rmm, data), GRANULE_SIZE)) {
		granule_zero(rmm, data);
		return RMI_EINPUT;
	}
	rim_extend_data(r, ipa, flags, granule_map(rmm, data));
	granule_set_state(rmm, data, g_data, GRANULE_DATA);
	g_data->obj = r;
	/* Loaded contents are RAM whatever the entry's RIPAS was. */
	s2tte_write(w.entry, s2tte_assigned(data, RMI_RIPAS_RAM, S2TT_PAGE_LEVEL));
	rtt_get(rmm, w.table_pa);
	return RMI_OK;
}

/* All granules of the block DELEGATED -> DATA (zeroed), or none and false. */
static bool claim_block(struct rmm *rmm, struct realm *r, uint64_t pa, uint64_t size)
{
	uint64_t off;

	for (off = 0; off < size; off += GRANULE_SIZE)
		if (!granule_lock(rmm, pa + off, GRANULE_DELEGATED))
			return false;
	for (off = 0; off < size; off += GRANULE_SIZE) {
		struct granule *g = granule_at(rmm, pa + off);

		granule_zero(rmm, pa + off);
		granule_set_state(rmm, pa + off, g, GRANULE_DATA);
		g->obj = r;
	}
	return true;
}

/* One entry of RTT_DATA_MAP: RMI_OK when it maps `pa` afterwards. */
static uint64_t data_map_entry(struct rmm *rmm, struct realm *r, struct rtt_walk *w,
			       unsigned int idx, uint64_t pa, uint64_t size)
{
	struct s2tte_info e = s2tte_decode(w->table[idx], w->level);

	/* Already mapped to this PA: nothing to do (idempotent). */
	if (e.kind == S2TTE_ASSIGNED)
		return e.pa == pa ? RMI_OK : RMI_ERTT(w->level);
	if (e.kind != S2TTE_UNASSIGNED)
		return RMI_ERTT(w->level);
	if (!claim_block(rmm, r, pa, size))
		return RMI_EINPUT;
	/* The entry keeps its RIPAS (contents unknown: zeroed). */
	s2tte_write(&w->table[idx], s2tte_assigned(pa, e.ripas, w->level));
	rtt_get(rmm, w->table_pa);
	return RMI_OK;
}

/*
 * RTT_DATA_MAP (rd, base, top, flags, oaddr) -> x1 top mapped.  Maps
 * delegated memory with unknown (zero) contents into one leaf table:
 * realm NEW or ACTIVE.  TF-RMM main may also answer INCOMPLETE when an
 * interrupt is pending mid-block; this RMM never has to (only a fault
 * rule makes it, fault.h).
 */
uint64_t smc_rtt_data_map(struct rmm *rmm, struct rmi_call *c)
{
	uint64_t rd = c->arg[0], base = c->arg[1], top = c->arg[2], flags = c->arg[3];
	uint64_t out_top = base, ret, pa;
	struct map_source s;
	struct realm *r;
	struct rtt_walk w;
	unsigned int idx, n = 0;

	r = realm_of_rd(rmm, rd);
	if (!r)
		return RMI_EINPUT;
	ret = map_source_read(rmm, r, base, top, FIELD_OF(RMI_V2_MAP_FLAGS_OADDR_TYPE, flags),
			      FIELD_OF(RMI_V2_MAP_FLAGS_LIST_COUNT, flags), c->arg[4],
			      true, true, &s);
	if (ret != RMI_OK)
		return ret;
	rtt_walk(rmm, r, base, s.level, &w);
	if (w.level != s.level)
		return RMI_ERTT(w.level);
	for (idx = w.index; idx < S2TT_ENTRIES && out_top < top; idx++, out_top += s.size) {
		if (call_progress_limit() && n++ == call_progress_limit())
			break;
		ret = map_source_next(&s, r, out_top, top, true, &pa);
		if (ret == RMI_OK)
			ret = data_map_entry(rmm, r, &w, idx, pa, s.size);
		if (ret != RMI_OK)
			break;
	}
	return map_finish(c, ret, base, out_top);
}

static void data_release(struct rmm *rmm, struct realm *r, struct rtt_walk *w, unsigned int idx,
			 int level)
{
	struct s2tte_info e = s2tte_decode(w->table[idx], level);

	/* RIPAS as DATA_DESTROY: RAM contents are gone (DESTROYED), EMPTY stays EMPTY. */
	s2tte_write(&w->table[idx], s2tte_unassigned(e.ripas == RMI_RIPAS_EMPTY ? RMI_RIPAS_EMPTY
								   : RMI_RIPAS_DESTROYED));
	rtt_put(rmm, w->table_pa);
	for (uint64_t off = 0; off < s2tt_entry_size(level); off += GRANULE_SIZE)
		data_granule_release(rmm, e.pa + off);
}

static const struct unmap_kind data_kind = {
	.protected_side = true,
	.live = S2TTE_ASSIGNED,
	.undelegated = false,
	.release = data_release,
};

/*
 * RTT_DATA_UNMAP (rd, base, top, flags, oaddr) -> x1 top, x2 descriptor
 * (SINGLE), x3 descriptors written (LIST).  Any realm state (teardown runs
 * it after REALM_TERMINATE).  The freed granules are DELEGATED: the host
 * undelegates what the descriptors name.
 */
uint64_t smc_rtt_data_unmap(struct rmm *rmm, struct rmi_call *c)
{
	return unmap_command(rmm, c, &data_kind);
}
