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

unsigned int realm_num_root_rtts(unsigned int ipa_bits, int sl);

/* True if any REC of the realm is inside REC_ENTER (rec.c). */
bool realm_has_running_rec(const struct realm *r);

#endif
