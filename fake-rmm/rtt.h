/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Realm Translation Tables: walking, and the per-realm layout of the root
 * (start level, concatenated start tables).  Entries are s2tte.h.
 */
#ifndef FAKE_RMM_RTT_H
#define FAKE_RMM_RTT_H

#include <stdint.h>

#include "realm.h"
#include "s2tte.h"

/* The spec's RttWalk(): where a walk for `ipa` towards `level` stopped. */
struct rtt_walk {
	int level;		/* level of the entry reached */
	uint64_t table_pa;	/* RTT granule that holds it */
	uint64_t *table;	/* that RTT (RMM view) */
	unsigned int index;	/* entry index inside `table` */
	uint64_t *entry;
	struct s2tte_info info;
};

void rtt_init_root(struct rmm *rmm, struct realm *r);
/*
 * Walks from the root towards `level`, following TABLE entries only.
 * `ipa` must be below 2^s2sz.
 */
void rtt_walk(const struct rmm *rmm, const struct realm *r, uint64_t ipa, int level,
	      struct rtt_walk *w);
/* IPA mapped by entry `index` of the table that covers `ipa` at `level`. */
static inline uint64_t rtt_entry_ipa(uint64_t ipa, int level, unsigned int index)
{
	uint64_t table_span = s2tt_entry_size(level) * S2TT_ENTRIES;

	return (ipa & ~(table_span - 1)) + (uint64_t)index * s2tt_entry_size(level);
}

/* Is `ipa` aligned to the entry size at `level` and inside the IPA space? */
static inline bool rtt_ipa_valid_at(const struct realm *r, uint64_t ipa, int level)
{
	return ipa < realm_ipa_size(r) && !(ipa & (s2tt_entry_size(level) - 1));
}


/*
 * A level argument as the handlers receive it (a 64-bit register, signed in
 * the spec): true and *level set if lo <= arg <= hi.  Checked before any
 * shift so that no register value can make a shift count out of range.
 */
static inline bool rtt_level_arg(uint64_t arg, int lo, int hi, int *level)
{
	int64_t l = (int64_t)arg;

	if (l < lo || l > hi)
		return false;
	*level = (int)l;
	return true;
}

/*
 * The `top` output of RTT_DESTROY, RTT_UNMAP_UNPROTECTED and DATA_DESTROY
 * (TF-RMM's "skip non-live entries"): scanning the table the walk reached,
 * from the entry that covers `ipa`: `ipa` itself if that entry is live,
 * else the IPA of the next live entry, else the end of the range that
 * table (one 4 KiB granule, also for concatenated start tables) covers.
 */
uint64_t rtt_skip_non_live(const struct rtt_walk *w, uint64_t ipa);

/*
 * Fills a new RTT at `child_level` so that it maps what the parent entry
 * `parent` (at child_level - 1) mapped: unassigned/NS states are copied to
 * all 512 entries; an assigned or assigned_ns block becomes 512 entries of
 * the same kind over the block's PAs (unfolding).  Returns the child's
 * refcount (512 when it unfolds a protected assigned block, else 0).
 */
unsigned int rtt_fill_from_parent(uint64_t *child, uint64_t parent, int child_level);

/* RTT granule reference counts (table entries + protected assigned). */
void rtt_get(struct rmm *rmm, uint64_t rtt_pa);
void rtt_put(struct rmm *rmm, uint64_t rtt_pa);

/* The spec's AddrIsProtected for a whole granule range [base, top). */
static inline bool realm_range_is_protected(const struct realm *r, uint64_t base, uint64_t top)
{
	return realm_ipa_is_protected(r, base) && realm_ipa_is_protected(r, top - GRANULE_SIZE);
}

/* Without LPA2, the PA of an RTT or DATA granule must be below 2^48. */
#define RTT_PA_BITS_NO_LPA2 48
static inline bool realm_pa_ok(const struct realm *r, uint64_t pa)
{
	return r->lpa2 || pa < (1ULL << RTT_PA_BITS_NO_LPA2);
}


/* ---- cmd_ripas.c: RIPAS changes shared with RTT_SET_RIPAS (REC layer) ---- */

enum ripas_step {
	RIPAS_STEP_STOP,	/* the entry cannot change: the range ends here */
	RIPAS_STEP_DONE,	/* changed, or already had the RIPAS */
	RIPAS_STEP_DONE_TLBI,	/* changed from a valid mapping: TLBs must drop it */
};

/*
 * One entry of RTT_SET_RIPAS (1.0 table): towards RAM, unassigned/assigned
 * EMPTY become RAM; towards EMPTY, RAM becomes EMPTY; DESTROYED changes
 * only with `change_destroyed`; tables and unprotected entries stop.
 */
enum ripas_step ripas_change_entry(uint64_t *entry, int level, unsigned int ripas,
				   bool change_destroyed);

/*
 * The table-walk half of RTT_SET_RIPAS over [base, top) (both granule
 * aligned, protected, checked by the caller): walks to the deepest level
 * for base, fails with ERROR_RTT(level) if base is not aligned to that
 * level's entry, then changes entries of that one table while they fit
 * below top.  Returns RMI_OK with *reached = the first address not
 * changed, or ERROR_RTT(level) if no entry could change.
 */
uint64_t ripas_set_range(struct rmm *rmm, struct realm *r, uint64_t base, uint64_t top,
			 unsigned int ripas, bool change_destroyed, uint64_t *reached);

unsigned int realm_num_root_rtts(unsigned int ipa_bits, int sl);

/* True if any REC of the realm is inside REC_ENTER (rec.c). */
bool realm_has_running_rec(const struct realm *r);

#endif
