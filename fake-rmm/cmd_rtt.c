// SPDX-License-Identifier: BSD-3-Clause
/*
 * RTT structure commands: RTT_CREATE, RTT_DESTROY, RTT_FOLD and
 * RTT_READ_ENTRY (1.0 and 2.0).  Failure conditions are checked in the
 * order TF-RMM runtime/rmi/rtt.c checks them (the spec's priority order
 * as TF-RMM implements it); the first that holds decides the status.  Outputs not
 * defined on an error stay 0 (the dispatcher clears them), except where
 * TF-RMM gives a value (RTT_DESTROY's top).
 */
#include "realm.h"
#include "rtt.h"

/*
 * level_bound and addr_align/addr_bound of the structure commands: the
 * level is start+1..3 and ipa is aligned to the size of the *parent* entry
 * (level - 1), which is what the new or removed table maps.
 */
static bool structure_args_ok(const struct realm *r, uint64_t ipa, uint64_t level_arg,
			      int *level)
{
	return rtt_level_arg(level_arg, r->start_level + 1, S2TT_PAGE_LEVEL, level) &&
	       rtt_ipa_valid_at(r, ipa, *level - 1);
}

static void rtt_release(struct rmm *rmm, uint64_t pa)
{
	struct granule *g = granule_at(rmm, pa);
	uint64_t *t = granule_map(rmm, pa);

	/* A running REC's walk may still be reading the unlinked table: whole-entry stores. */
	for (unsigned int i = 0; i < S2TT_ENTRIES; i++)
		s2tte_write(&t[i], 0);
	g->obj = NULL;
	g->refcount = 0;
	granule_set_state(rmm, pa, g, GRANULE_DELEGATED);
}

uint64_t smc_rtt_create(struct rmm *rmm, struct rmi_call *c)
{
	uint64_t rd = c->arg[0], rtt = c->arg[1], ipa = c->arg[2];
	struct granule *g_rtt = granule_lock(rmm, rtt, GRANULE_DELEGATED);
	struct realm *r = realm_of_rd(rmm, rd);
	struct rtt_walk w;
	unsigned int child_refs;
	int level;

	/* rtt_align/bound/state, rd_align/bound/state (one two-granule lock) */
	if (!g_rtt || !r)
		return RMI_EINPUT;
	/* level_bound, addr_align, addr_bound */
	if (!structure_args_ok(r, ipa, c->arg[3], &level))
		return RMI_EINPUT;
	/* rtt_bound for a realm without LPA2 */
	if (!realm_pa_ok(r, rtt))
		return RMI_EINPUT;
	/* rtt_walk: the parent table (level - 1) must exist */
	rtt_walk(rmm, r, ipa, level - 1, &w);
	if (w.level != level - 1)
		return RMI_ERTT(w.level);
	/* rtt_live: there is a table here already */
	if (w.info.kind == S2TTE_TABLE)
		return RMI_ERTT(level - 1);

	child_refs = rtt_fill_from_parent(granule_map(rmm, rtt), *w.entry, level);
	granule_set_state(rmm, rtt, g_rtt, GRANULE_RTT);
	g_rtt->obj = r;
	g_rtt->refcount = (uint16_t)child_refs;
	/*
	 * The parent gains a table entry, unless the table replaces a
	 * protected assigned block, which the parent counted already.
	 */
	if (w.info.kind != S2TTE_ASSIGNED)
		rtt_get(rmm, w.table_pa);
	s2tte_write(w.entry, s2tte_table(rtt));
	return RMI_OK;
}

uint64_t smc_rtt_destroy(struct rmm *rmm, struct rmi_call *c)
{
	uint64_t rd = c->arg[0], ipa = c->arg[1];
	struct realm *r = realm_of_rd(rmm, rd);
	uint64_t child;
	struct rtt_walk w;
	int level;

	/* rd_align/bound/state; top = 0 */
	if (!r)
		return RMI_EINPUT;
	/* level_bound, addr_align, addr_bound; top = 0 */
	if (!structure_args_ok(r, ipa, c->arg[2], &level))
		return RMI_EINPUT;
	/*
	 * rtt_walk: the walk to level - 1 stopped early, or the parent entry
	 * is not a table.  top tells the host where the next table may be
	 * (the kernel's teardown walk skips to it: realm_tear_down_rtt_level()).
	 */
	rtt_walk(rmm, r, ipa, level - 1, &w);
	if (w.level != level - 1 || w.info.kind != S2TTE_TABLE) {
		c->res[1] = rtt_skip_non_live(&w, ipa);
		return RMI_ERTT(w.level);
	}
	/* rtt_live: the child still has tables or protected assigned entries; top = ipa */
	child = w.info.pa;
	if (granule_at(rmm, child)->refcount) {
		c->res[1] = ipa;
		return RMI_ERTT(level);
	}
	s2tte_write(w.entry, realm_ipa_is_protected(r, ipa) ? s2tte_unassigned(RMI_RIPAS_DESTROYED)
						  : s2tte_unassigned_ns());
	w.info = s2tte_decode(*w.entry, w.level);
	rtt_put(rmm, w.table_pa);
	rtt_release(rmm, child);
	c->res[0] = child;
	c->res[1] = rtt_skip_non_live(&w, ipa);
	return RMI_OK;
}

/* All 512 entries equal and unassigned (protected or not): the parent takes that state. */
static bool table_is_uniform_unassigned(const uint64_t *t, int level)
{
	struct s2tte_info e = s2tte_decode(t[0], level);

	if (e.kind != S2TTE_UNASSIGNED && e.kind != S2TTE_UNASSIGNED_NS)
		return false;
	for (unsigned int i = 1; i < S2TT_ENTRIES; i++)
		if (t[i] != t[0])
			return false;
	return true;
}

/*
 * All 512 entries of `kind` (and the same RIPAS, or the same host
 * attributes for NS) over one contiguous PA block aligned to the parent
 * entry's size.
 */
static bool table_maps_block(const uint64_t *t, int level, enum s2tte_kind kind)
{
	struct s2tte_info first = s2tte_decode(t[0], level);
	uint64_t size = s2tt_entry_size(level);
	uint64_t attrs = t[0] & (S2TTE_MEMATTR_MASK | S2TTE_S2AP_MASK);

	if (first.kind != kind || first.pa & (s2tt_entry_size(level - 1) - 1))
		return false;
	for (unsigned int i = 1; i < S2TT_ENTRIES; i++) {
		struct s2tte_info e = s2tte_decode(t[i], level);

		if (e.kind != kind || e.ripas != first.ripas || e.pa != first.pa + i * size)
			return false;
		if (kind == S2TTE_ASSIGNED_NS &&
		    (t[i] & (S2TTE_MEMATTR_MASK | S2TTE_S2AP_MASK)) != attrs)
			return false;
	}
	return true;
}

uint64_t smc_rtt_fold(struct rmm *rmm, struct rmi_call *c)
{
	uint64_t rd = c->arg[0], ipa = c->arg[1];
	struct realm *r = realm_of_rd(rmm, rd);
	struct granule *g_child;
	struct rtt_walk w;
	uint64_t child, folded;
	const uint64_t *t;
	int level;

	/* rd_align/bound/state */
	if (!r)
		return RMI_EINPUT;
	/* level_bound, addr_align, addr_bound */
	if (!structure_args_ok(r, ipa, c->arg[2], &level))
		return RMI_EINPUT;
	/* rtt_walk */
	rtt_walk(rmm, r, ipa, level - 1, &w);
	if (w.level != level - 1)
		return RMI_ERTT(w.level);
	/* rtt_state: no table to fold */
	if (w.info.kind != S2TTE_TABLE)
		return RMI_ERTT(level - 1);
	child = w.info.pa;
	g_child = granule_at(rmm, child);
	t = granule_map(rmm, child);

	if (g_child->refcount == 0) {
		if (table_is_uniform_unassigned(t, level)) {
			folded = t[0];
		} else if (table_maps_block(t, level, S2TTE_ASSIGNED_NS)) {
			/* No unprotected block mappings above level 1 (S2TT_MIN_BLOCK_LEVEL). */
			if (level <= 1)
				return RMI_ERTT(level - 1);
			folded = s2tte_assigned_ns((t[0] & (S2TTE_MEMATTR_MASK | S2TTE_S2AP_MASK)) |
						   s2tte_decode(t[0], level).pa, level - 1);
		} else {
			return RMI_ERTT(level);	/* mixed unassigned states */
		}
		/* The parent's table entry becomes a non-counted entry. */
		rtt_put(rmm, w.table_pa);
	} else if (g_child->refcount == S2TT_ENTRIES) {
		struct s2tte_info first = s2tte_decode(t[0], level);

		/* A full table cannot become a block above level 1. */
		if (level <= 1)
			return RMI_ERTT(level - 1);
		if (!table_maps_block(t, level, S2TTE_ASSIGNED))
			return RMI_ERTT(level);
		/* The parent counted the table entry and now counts the block: unchanged. */
		folded = s2tte_assigned(first.pa, first.ripas, level - 1);
	} else {
		return RMI_ERTT(level);	/* some live entries, not all */
	}
	s2tte_write(w.entry, folded);
	rtt_release(rmm, child);
	c->res[0] = child;
	return RMI_OK;
}

uint64_t smc_rtt_read_entry(struct rmm *rmm, struct rmi_call *c)
{
	uint64_t rd = c->arg[0], ipa = c->arg[1];
	struct realm *r = realm_of_rd(rmm, rd);
	struct rtt_walk w;
	uint64_t state, desc = 0;
	int level;

	/* rd_align/bound/state */
	if (!r)
		return RMI_EINPUT;
	/* level_bound (start..3), addr_align, addr_bound */
	if (!rtt_level_arg(c->arg[2], r->start_level, S2TT_PAGE_LEVEL, &level) ||
	    !rtt_ipa_valid_at(r, ipa, level))
		return RMI_EINPUT;
	/* Never ERROR_RTT: report the deepest entry reached. */
	rtt_walk(rmm, r, ipa, level, &w);
	switch (w.info.kind) {
	case S2TTE_TABLE:
		state = RMI_RTT_ENTRY_STATE_TABLE;
		desc = w.info.pa;
		break;
	case S2TTE_ASSIGNED:
		state = RMI_RTT_ENTRY_STATE_ASSIGNED;
		/*
		 * The PA, whatever the RIPAS.  TF-RMM rmm-spec-v1.0-rel0 gave 0 for
		 * a DESTROYED granule; its later fix f5257c6e
		 * follows the spec, which reports the PA, on 1.0 too.
		 */
		desc = w.info.pa;
		break;
	case S2TTE_ASSIGNED_NS:
		state = RMI_RTT_ENTRY_STATE_ASSIGNED;
		desc = s2tte_ns_host_bits(*w.entry, w.level);
		break;
	default:	/* unassigned, protected or not */
		state = RMI_RTT_ENTRY_STATE_UNASSIGNED;
		break;
	}
	c->res[0] = (uint64_t)w.level;
	c->res[1] = state;
	c->res[2] = desc;
	c->res[3] = w.info.ripas;
	return RMI_OK;
}
