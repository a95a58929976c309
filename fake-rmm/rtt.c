// SPDX-License-Identifier: BSD-3-Clause
/* RTT walk and root initialisation. */
#include "rtt.h"

void rtt_init_root(struct rmm *rmm, struct realm *r)
{
	uint64_t step = s2tt_entry_size(r->start_level);

	for (unsigned int t = 0; t < r->num_start; t++) {
		uint64_t *table = granule_map(rmm, r->rtt_base + t * GRANULE_SIZE);

		for (unsigned int i = 0; i < S2TT_ENTRIES; i++) {
			uint64_t ipa = ((uint64_t)t * S2TT_ENTRIES + i) * step;

			table[i] = realm_ipa_is_protected(r, ipa) ? s2tte_unassigned(RMI_RIPAS_EMPTY)
								  : s2tte_unassigned_ns();
		}
	}
}

void rtt_walk(const struct rmm *rmm, const struct realm *r, uint64_t ipa, int level,
	      struct rtt_walk *w)
{
	/* The concatenated start tables act as one table of num_start * 512 entries. */
	uint64_t root_index = ipa >> (12 + 9 * (3 - r->start_level));
	unsigned int t = (unsigned int)(root_index / S2TT_ENTRIES);

	if (t >= r->num_start)	/* callers check ipa < 2^s2sz; stay safe anyway */
		t = r->num_start - 1;
	w->level = r->start_level;
	w->table_pa = r->rtt_base + (uint64_t)t * GRANULE_SIZE;
	for (;;) {
		w->table = granule_map(rmm, w->table_pa);
		w->index = s2tt_index(ipa, w->level);
		w->entry = &w->table[w->index];
		w->info = s2tte_decode(*w->entry, w->level);
		if (w->level >= level || w->info.kind != S2TTE_TABLE)
			return;
		w->table_pa = w->info.pa;
		w->level++;
	}
}
