// SPDX-License-Identifier: BSD-3-Clause
/* Shared parts of the 2.0 range map / unmap commands (rtt_range.h). */
#include <rmi/v2.h>

#include "rtt_range.h"

#define MAP_MIN_LEVEL 1		/* no blocks above level 1 (S2TT_MIN_BLOCK_LEVEL) */

static bool range_on_side(const struct realm *r, uint64_t base, uint64_t top, bool protected_side)
{
	bool b = realm_ipa_is_protected(r, base), t = realm_ipa_is_protected(r, top - GRANULE_SIZE);

	return protected_side ? b && t : !b && !t;
}

static uint64_t read_oaddr(const struct rmm *rmm, uint64_t type, uint64_t list_count,
			   uint64_t oaddr, struct map_source *s)
{
	if (type == RMI_V2_ADDR_TYPE_SINGLE) {
		s->desc[0] = oaddr;
		s->n = 1;
		return RMI_OK;
	}
	if (type != RMI_V2_ADDR_TYPE_LIST)
		return RMI_EINPUT;
	/* LIST: 8-byte aligned, at least one slot after clipping to the granule, NS */
	if (!addr_list_slots(oaddr) || !list_count)
		return RMI_EINPUT;
	if (!addr_list_read(rmm, oaddr, list_count, s->desc, &s->n))
		return RMI_EINPUT;
	return RMI_OK;
}

uint64_t map_source_read(const struct rmm *rmm, const struct realm *r, uint64_t base,
			 uint64_t top, uint64_t oaddr_type, uint64_t list_count, uint64_t oaddr,
			 bool want_delegated, bool protected_side, struct map_source *s)
{
	struct addr_range first;
	uint64_t ret;

	memset(s, 0, sizeof(*s));
	s->lay = &rmm->lay;
	/* realm_state */
	if (r->state != REALM_NEW && r->state != REALM_ACTIVE)
		return RMI_EREALM;
	/* size_valid */
	if (top <= base)
		return RMI_EINPUT;
	/* oaddr_type, list_count, list_pas */
	ret = read_oaddr(rmm, oaddr_type, list_count, oaddr, s);
	if (ret != RMI_OK)
		return ret;
	/* The first descriptor decides the level of the whole call. */
	first = addr_range_decode(&rmm->lay, s->desc[0]);
	s->level = addr_range_level(first.size);
	if (want_delegated && !first.delegated)
		return RMI_EINPUT;
	/* level_bound, base_align/bound, top_align/bound, PAR side */
	if (s->level < MAP_MIN_LEVEL || !rtt_ipa_valid_at(r, base, s->level) ||
	    !rtt_ipa_valid_at(r, top - GRANULE_SIZE, S2TT_PAGE_LEVEL) ||
	    !range_on_side(r, base, top, protected_side))
		return RMI_EINPUT;
	s->size = s2tt_entry_size(s->level);
	/* The range must hold at least one block of that size. */
	if (top - base < s->size)
		return RMI_ERTT(s->level);
	return RMI_OK;
}

uint64_t map_source_next(struct map_source *s, const struct realm *r, uint64_t ipa,
			 uint64_t top, bool want_delegated, uint64_t *pa)
{
	struct addr_range d;

	while (s->cur < s->n && s->used >= addr_range_decode(s->lay, s->desc[s->cur]).count) {
		s->cur++;
		s->used = 0;
	}
	if (s->cur == s->n)
		return RMI_EINPUT;	/* descriptors used up */
	d = addr_range_decode(s->lay, s->desc[s->cur]);
	if (want_delegated && !d.delegated)
		return RMI_EINPUT;
	/* one block size per call */
	if (addr_range_level(d.size) != s->level)
		return RMI_ERTT(s->level);
	if (ipa + s->size > top)
		return RMI_ERTT(s->level);
	*pa = d.pa + s->used * s->size;
	if ((*pa & (s->size - 1)) || !realm_pa_ok(r, *pa + s->size - 1))
		return RMI_EINPUT;
	s->used++;
	return RMI_OK;
}

uint64_t unmap_output_check(const struct rmm *rmm, uint64_t flags, uint64_t oaddr,
			    struct unmap_output *out)
{
	uint64_t type = FIELD_OF(RMI_V2_MAP_FLAGS_OADDR_TYPE, flags);
	uint64_t count = FIELD_OF(RMI_V2_MAP_FLAGS_LIST_COUNT, flags);
	unsigned int slots = addr_list_slots(oaddr);

	memset(out, 0, sizeof(*out));
	out->type = (unsigned int)type;
	out->oaddr = oaddr;
	switch (type) {
	case RMI_V2_ADDR_TYPE_NONE:
	case RMI_V2_ADDR_TYPE_SINGLE:
		/* oaddr and list_count are SBZ */
		if (oaddr || count)
			return RMI_EINPUT;
		addr_list_out_init(&out->list, &rmm->lay, type == RMI_V2_ADDR_TYPE_SINGLE
								  ? 1 : (unsigned int)ADDR_LIST_MAX);
		return RMI_OK;
	case RMI_V2_ADDR_TYPE_LIST:
		if (!count || !slots || !granule_is_ns(rmm, oaddr & GRANULE_MASK))
			return RMI_EINPUT;
		addr_list_out_init(&out->list, &rmm->lay,
				   count < slots ? (unsigned int)count : slots);
		return RMI_OK;
	default:
		return RMI_EINPUT;
	}
}

static unsigned int size_code(int level)
{
	return (unsigned int)(S2TT_PAGE_LEVEL - level);
}

/*
 * Whether the command's description defines x1 (`top`) after ERROR_RTT
 * (`on_failure`).  It decides what an unmap does with entries that map
 * nothing: a revision that defines it (as the v14 host expects) answers
 * ERROR_RTT at the first such entry with x1 = the next mapped IPA; one that
 * defines results on SUCCESS only skips them as TF-RMM main's
 * rtt_unmap_run does and answers SUCCESS with x1 = where it stopped, since
 * an ERROR_RTT there would tell the host nothing about where to go on.
 */
static bool top_defined_on_error_rtt(const struct abi_command *cmd)
{
	int top = abi_result_index(cmd, "top");

	for (unsigned int i = 0; i < cmd->non_failure && top >= 0; i++)
		if (cmd->on_failure[i].result == (unsigned int)top &&
		    (!cmd->on_failure[i].status || cmd->on_failure[i].status_value == RMI_STATUS_ERROR_RTT))
			return true;
	return false;
}

uint64_t unmap_range(struct rmm *rmm, struct realm *r, uint64_t base, uint64_t top,
		     struct unmap_output *out, const struct unmap_kind *kind, struct rmi_call *c)
{
	struct rtt_walk w;
	uint64_t size, addr = base, freed = 0;
	unsigned int idx;

	rtt_walk(rmm, r, base, S2TT_PAGE_LEVEL, &w);
	size = s2tt_entry_size(w.level);
	/*
	 * The first entry decides.  Not mapped: ERROR_RTT(level) with x1 the
	 * next mapped IPA where the description defines x1 on ERROR_RTT (the
	 * v14 host continues there), else skipped below.  Mapped but larger
	 * than what is asked (base inside it, or past top): ERROR_RTT(level)
	 * with x1 = base (the host splits it with RTT_CREATE at level + 1).
	 */
	if (w.info.kind != kind->live && (s2tte_is_live(&w.info) || top_defined_on_error_rtt(c->cmd))) {
		c->res[0] = s2tte_is_live(&w.info) ? base : rtt_skip_non_live(&w, base);
		return RMI_ERTT(w.level);
	}
	if (s2tte_is_live(&w.info) && ((base & (size - 1)) || base + size > top)) {
		c->res[0] = base;
		return RMI_ERTT(w.level);
	}
	for (idx = w.index; idx < S2TT_ENTRIES && addr < top; idx++) {
		struct s2tte_info e = s2tte_decode(w.table[idx], w.level);

		if (call_progress_limit() && freed == call_progress_limit())
			break;
		if (!s2tte_is_live(&e)) {
			/* nothing here: skip to the entry's end (TF-RMM main), at most top */
			addr = (addr & ~(size - 1)) + size < top ? (addr & ~(size - 1)) + size : top;
			continue;
		}
		if (e.kind != kind->live || (addr & (size - 1)) || addr + size > top)
			break;
		/* SINGLE describes one contiguous run; LIST ends when full. */
		if (out->type == RMI_V2_ADDR_TYPE_SINGLE && out->list.n &&
		    !addr_list_out_continues(&out->list, e.pa, size_code(w.level)))
			break;
		if (!addr_list_out_add(&out->list, e.pa, size_code(w.level), kind->undelegated))
			break;
		kind->release(rmm, r, &w, idx, w.level);
		freed++;
		addr += size;
	}
	c->res[0] = addr;
	if (out->type == RMI_V2_ADDR_TYPE_SINGLE)
		c->res[1] = out->list.n ? out->list.desc[0] : 0;
	if (out->type == RMI_V2_ADDR_TYPE_LIST) {
		/* The list page was NS at the check and nothing here changes that. */
		addr_list_write(rmm, out->oaddr, out->list.desc, out->list.n);
		c->res[2] = out->list.n;
	}
	return RMI_OK;
}

/* Argument checks of the unmap commands, in TF-RMM's order after the RD. */
uint64_t unmap_args_check(const struct rmm *rmm, const struct realm *r, uint64_t base,
			  uint64_t top, uint64_t flags, uint64_t oaddr, bool protected_side,
			  struct unmap_output *out)
{
	/* base/top aligned, top > base */
	if ((base | top) & (GRANULE_SIZE - 1) || top <= base)
		return RMI_EINPUT;
	/* base and top - 4 KiB inside the IPA space */
	if (!rtt_ipa_valid_at(r, base, S2TT_PAGE_LEVEL) ||
	    !rtt_ipa_valid_at(r, top - GRANULE_SIZE, S2TT_PAGE_LEVEL))
		return RMI_EINPUT;
	/* the whole range on the command's side of the PAR */
	if (!range_on_side(r, base, top, protected_side))
		return RMI_EINPUT;
	return unmap_output_check(rmm, flags, oaddr, out);
}

uint64_t unmap_command(struct rmm *rmm, struct rmi_call *c, const struct unmap_kind *kind)
{
	struct unmap_output out;
	struct realm *r = realm_of_rd(rmm, c->arg[0]);
	uint64_t ret;

	if (!r)
		return RMI_EINPUT;
	ret = unmap_args_check(rmm, r, c->arg[1], c->arg[2], c->arg[3], c->arg[4],
			       kind->protected_side, &out);
	if (ret != RMI_OK)
		return ret;
	return unmap_range(rmm, r, c->arg[1], c->arg[2], &out, kind, c);
}
