// SPDX-License-Identifier: BSD-3-Clause
/*
 * Realm IPA state: RTT_INIT_RIPAS (1.0 and 2.0) and the RTT half of
 * RTT_SET_RIPAS (ripas_set_range, called by the REC layer once it has made
 * the REC-side checks).  Both work inside one table per call: the host
 * calls again from the address reached (TF-RMM runtime/rmi/rtt.c).
 */
#include "realm.h"
#include "rtt.h"

enum ripas_step ripas_change_entry(uint64_t *entry, int level, unsigned int ripas,
				   bool change_destroyed)
{
	struct s2tte_info e = s2tte_decode(*entry, level);
	bool assigned = e.kind == S2TTE_ASSIGNED;

	/* Only protected leaf entries have a RIPAS. */
	if (e.kind != S2TTE_UNASSIGNED && !assigned)
		return RIPAS_STEP_STOP;
	if (e.ripas == ripas)
		return RIPAS_STEP_DONE;
	/* DESTROYED is left only when the realm asked for it (RSI flag CHANGE_DESTROYED). */
	if (e.ripas == RMI_RIPAS_DESTROYED && !change_destroyed)
		return RIPAS_STEP_STOP;
	if (ripas != RMI_RIPAS_RAM && ripas != RMI_RIPAS_EMPTY)
		return RIPAS_STEP_STOP;	/* never asked by RSI; stay safe */
	s2tte_write(entry, assigned ? s2tte_assigned(e.pa, ripas, level) : s2tte_unassigned(ripas));
	/* An assigned RAM entry was a valid mapping: it must leave the TLBs. */
	return assigned && e.ripas == RMI_RIPAS_RAM ? RIPAS_STEP_DONE_TLBI : RIPAS_STEP_DONE;
}

/*
 * Walks to the deepest table for `base`; false (with the ERROR_RTT level)
 * if base is not aligned to the entry found there, which would change
 * RIPAS below base.
 */
static bool walk_for_range(const struct rmm *rmm, const struct realm *r, uint64_t base,
			   struct rtt_walk *w)
{
	rtt_walk(rmm, r, base, S2TT_PAGE_LEVEL, w);
	return !(base & (s2tt_entry_size(w->level) - 1));
}

/* Entries to visit: to the end of this table, at most the injected progress limit. */
static unsigned int entries_budget(const struct rmm *rmm, const struct rtt_walk *w)
{
	uint64_t n = S2TT_ENTRIES - w->index;

	if (call_progress_limit() && call_progress_limit() < n)
		n = call_progress_limit();
	return (unsigned int)n;
}

uint64_t ripas_set_range(struct rmm *rmm, struct realm *r, uint64_t base, uint64_t top,
			 unsigned int ripas, bool change_destroyed, uint64_t *reached)
{
	struct rtt_walk w;
	uint64_t addr = base, size;
	unsigned int n;

	*reached = base;
	if (top <= base || base >= realm_ipa_size(r))
		return RMI_EINPUT;	/* the REC layer has checked this already */
	if (!walk_for_range(rmm, r, base, &w))
		return RMI_ERTT(w.level);
	size = s2tt_entry_size(w.level);
	n = entries_budget(rmm, &w);
	for (unsigned int i = 0; i < n && addr + size <= top; i++, addr += size)
		if (ripas_change_entry(&w.table[w.index + i], w.level, ripas, change_destroyed) ==
		    RIPAS_STEP_STOP)
			break;
	if (addr == base)
		return RMI_ERTT(w.level);
	*reached = addr;
	return RMI_OK;
}

/*
 * One entry of RTT_INIT_RIPAS.  1.0: unassigned_empty -> unassigned_ram,
 * unassigned_ram stays; anything else ends the range.  2.0 also turns
 * assigned_empty into assigned_ram and passes over assigned_ram, because
 * the kernel runs it over memory it populated already (v14
 * kvm_realm_init_ipa_range() after populate).
 */
static bool init_ripas_entry(const struct rmm *rmm, uint64_t *entry, int level)
{
	struct s2tte_info e = s2tte_decode(*entry, level);
	bool v2 = rmm->family != RMM_V1;

	if (e.kind == S2TTE_UNASSIGNED && e.ripas == RMI_RIPAS_EMPTY)
		s2tte_write(entry, s2tte_unassigned(RMI_RIPAS_RAM));
	else if (v2 && e.kind == S2TTE_ASSIGNED && e.ripas == RMI_RIPAS_EMPTY)
		s2tte_write(entry, s2tte_assigned(e.pa, RMI_RIPAS_RAM, level));
	else if (!(e.ripas == RMI_RIPAS_RAM &&
		   (e.kind == S2TTE_UNASSIGNED || (v2 && e.kind == S2TTE_ASSIGNED))))
		return false;
	return true;
}

uint64_t smc_rtt_init_ripas(struct rmm *rmm, struct rmi_call *c)
{
	uint64_t rd = c->arg[0], base = c->arg[1], top = c->arg[2];
	struct realm *r;
	struct rtt_walk w;
	uint64_t addr, size;
	unsigned int n;

	/* size_valid: top > base */
	if (top <= base)
		return RMI_EINPUT;
	/* rd_align/bound/state */
	r = realm_of_rd(rmm, rd);
	if (!r)
		return RMI_EINPUT;
	/* base/top_align, base/top_bound, both ends protected */
	if (!rtt_ipa_valid_at(r, base, S2TT_PAGE_LEVEL) ||
	    !rtt_ipa_valid_at(r, top, S2TT_PAGE_LEVEL) || !realm_range_is_protected(r, base, top))
		return RMI_EINPUT;
	/* realm_state: only while the realm is being built */
	if (r->state != REALM_NEW)
		return RMI_EREALM;
	/* rtt_walk: base must start an entry of the deepest table */
	if (!walk_for_range(rmm, r, base, &w))
		return RMI_ERTT(w.level);
	size = s2tt_entry_size(w.level);
	n = entries_budget(rmm, &w);
	addr = base;
	for (unsigned int i = 0; i < n && addr + size <= top; i++, addr += size) {
		if (!init_ripas_entry(rmm, &w.table[w.index + i], w.level))
			break;
		/* 1.0 measures every entry processed, also those already RAM. */
		if (rmm->family == RMM_V1)
			rim_extend_ripas(r, addr, addr + size);
	}
	if (addr == base)
		return RMI_ERTT(w.level);
	c->res[0] = addr;
	return RMI_OK;
}
