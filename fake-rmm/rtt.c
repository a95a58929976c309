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
		w->info = s2tte_decode(s2tte_read(w->entry), w->level);
		if (w->level >= level || w->info.kind != S2TTE_TABLE)
			return;
		w->table_pa = w->info.pa;
		w->level++;
	}
}

uint64_t rtt_skip_non_live(const struct rtt_walk *w, uint64_t ipa)
{
	uint64_t size = s2tt_entry_size(w->level);
	unsigned int i;

	if (s2tte_is_live(&w->info))
		return ipa;
	for (i = w->index + 1; i < S2TT_ENTRIES; i++) {
		struct s2tte_info e = s2tte_decode(w->table[i], w->level);

		if (s2tte_is_live(&e))
			break;
	}
	/* ipa may be unaligned at this level (the walk stopped early). */
	return (ipa & ~(size - 1)) + (uint64_t)(i - w->index) * size;
}

unsigned int rtt_fill_from_parent(uint64_t *child, uint64_t parent, int child_level)
{
	struct s2tte_info p = s2tte_decode(parent, child_level - 1);
	uint64_t size = s2tt_entry_size(child_level);
	uint64_t attrs = parent & (S2TTE_MEMATTR_MASK | S2TTE_S2AP_MASK);

	for (unsigned int i = 0; i < S2TT_ENTRIES; i++) {
		uint64_t pa = p.pa + (uint64_t)i * size;

		switch (p.kind) {
		case S2TTE_ASSIGNED:
			child[i] = s2tte_assigned(pa, p.ripas, child_level);
			break;
		case S2TTE_ASSIGNED_NS:
			child[i] = s2tte_assigned_ns(attrs | pa, child_level);
			break;
		case S2TTE_UNASSIGNED_NS:
			child[i] = s2tte_unassigned_ns();
			break;
		default:	/* unassigned: keep the RIPAS */
			child[i] = s2tte_unassigned(p.ripas);
			break;
		}
	}
	return p.kind == S2TTE_ASSIGNED ? S2TT_ENTRIES : 0;
}

void rtt_get(struct rmm *rmm, uint64_t rtt_pa)
{
	granule_at(rmm, rtt_pa)->refcount++;
}

void rtt_put(struct rmm *rmm, uint64_t rtt_pa)
{
	granule_at(rmm, rtt_pa)->refcount--;
}
