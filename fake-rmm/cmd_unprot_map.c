// SPDX-License-Identifier: BSD-3-Clause
/*
 * Unprotected (NS) mappings, 2.0: RTT_UNPROT_MAP and
 * RTT_UNPROT_UNMAP over [base, top) outside the PAR, one leaf table per
 * call (TF-RMM main runtime/rmi/rtt_map.c, rtt_unmap.c).  As in 1.0, NS
 * entries take no RTT reference and no granule state: the host may map
 * any PA.
 */
#include <rmi/v2.h>

#include "realm.h"
#include "rtt_range.h"


/*
 * The host descriptor bits of flags.MEMATTR and flags.S2AP (direct
 * encoding: bit 0 write, bit 1 read; the other two bits SBZ), placed as
 * RTT_MAP_UNPROTECTED's descriptor has them (MemAttr[4:2], S2AP[7:6] with
 * bit 6 read, bit 7 write).  false if S2AP has reserved bits.
 */
static bool unprot_attrs(uint64_t flags, uint64_t *attrs)
{
	uint64_t s2ap = FIELD_OF(RMI_V2_UNPROT_MAP_FLAGS_S2AP, flags);
	uint64_t known = RMI_V2_S2AP_DIRECT_READ_MASK | RMI_V2_S2AP_DIRECT_WRITE_MASK;

	if (s2ap & ~known)
		return false;
	*attrs = (FIELD_OF(RMI_V2_UNPROT_MAP_FLAGS_MEMATTR, flags) << S2TTE_MEMATTR_SHIFT) |
		 (FIELD_OF(RMI_V2_S2AP_DIRECT_READ, s2ap) << S2TTE_S2AP_SHIFT) |
		 (FIELD_OF(RMI_V2_S2AP_DIRECT_WRITE, s2ap) << (S2TTE_S2AP_SHIFT + 1));
	return true;
}

static uint64_t unprot_map_entry(struct rtt_walk *w, unsigned int idx, uint64_t pa,
				 uint64_t attrs)
{
	uint64_t host = pa | attrs, entry;
	struct s2tte_info e = s2tte_decode(w->table[idx], w->level);

	/* The MemAttr encoding reserved with FWB (and any stray bit) is refused. */
	if (!s2tte_host_desc_valid(host, w->level))
		return RMI_EINPUT;
	entry = s2tte_assigned_ns(host, w->level);
	if (e.kind == S2TTE_UNASSIGNED_NS) {
		s2tte_write(&w->table[idx], entry);
		return RMI_OK;
	}
	/* The same mapping again is a no-op; anything else is in the way. */
	return w->table[idx] == entry ? RMI_OK : RMI_ERTT(w->level);
}

/* RTT_UNPROT_MAP (rd, base, top, flags, oaddr) -> x1 top mapped. */
uint64_t smc_rtt_unprot_map(struct rmm *rmm, struct rmi_call *c)
{
	uint64_t rd = c->arg[0], base = c->arg[1], top = c->arg[2], flags = c->arg[3];
	uint64_t out_top = base, ret, pa, attrs;
	struct map_source s;
	struct realm *r;
	struct rtt_walk w;
	unsigned int idx, n = 0;

	r = realm_of_rd(rmm, rd);
	if (!r)
		return RMI_EINPUT;
	/* Descriptor state is not checked: NS memory is never delegated. */
	ret = map_source_read(rmm, r, base, top, FIELD_OF(RMI_V2_UNPROT_MAP_FLAGS_OADDR_TYPE, flags),
			      FIELD_OF(RMI_V2_UNPROT_MAP_FLAGS_LIST_COUNT, flags), c->arg[4], false, false, &s);
	if (ret != RMI_OK)
		return ret;
	if (!unprot_attrs(flags, &attrs))
		return RMI_EINPUT;
	rtt_walk(rmm, r, base, s.level, &w);
	if (w.level != s.level)
		return RMI_ERTT(w.level);
	for (idx = w.index; idx < S2TT_ENTRIES && out_top < top; idx++, out_top += s.size) {
		if (call_progress_limit() && n++ == call_progress_limit())
			break;
		ret = map_source_next(&s, r, out_top, top, false, &pa);
		if (ret == RMI_OK)
			ret = unprot_map_entry(&w, idx, pa, attrs);
		if (ret != RMI_OK)
			break;
	}
	return map_finish(c, ret, base, out_top);
}

static void unprot_release(struct rmm *rmm, struct realm *r, struct rtt_walk *w,
			   unsigned int idx, int level)
{
	s2tte_write(&w->table[idx], s2tte_unassigned_ns());
}

static const struct unmap_kind unprot_kind = {
	.protected_side = false,
	.live = S2TTE_ASSIGNED_NS,
	.undelegated = true,
	.release = unprot_release,
};

/*
 * RTT_UNPROT_UNMAP (rd, base, top, flags, oaddr) -> x1 top, x2/x3 the
 * unmapped PAs as for RTT_DATA_UNMAP, state "undelegated" (the v14 host
 * passes flags NONE and ignores them).
 */
uint64_t smc_rtt_unprot_unmap(struct rmm *rmm, struct rmi_call *c)
{
	return unmap_command(rmm, c, &unprot_kind);
}
