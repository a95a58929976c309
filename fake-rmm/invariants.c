// SPDX-License-Identifier: BSD-3-Clause
/*
 * Bookkeeping invariants, checked by tests after every call: each RTT's
 * refcount equals its live entries, each DATA granule is referenced by
 * exactly one RTT entry, each non-root RTT hangs off exactly one TABLE
 * entry, and RD refcounts equal the RECs of the realm.  2.0: every REC,
 * REC_AUX, PARTIAL and INTERNAL granule is accounted for exactly once, by
 * a live REC, a realm (donated at REALM_CREATE) or the SRO context holding
 * it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "rec.h"
#include "rtt.h"
#include "sro.h"

struct check {
	char *msg;
	size_t len;
	uint32_t *refs;		/* references found, per granule */
};

static int fail(struct check *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(c->msg, c->len, fmt, ap);
	va_end(ap);
	return -1;
}

static uint64_t idx_of(const struct rmm *rmm, uint64_t pa)
{
	return (pa - rmm->pa_base) >> GRANULE_SHIFT;
}

/*
 * The entry's kind fits where it is: protected kinds only in the PAR,
 * unprotected kinds only outside it (entries never straddle the PAR edge),
 * leaves only where the architecture has them (no level-0 blocks), block
 * PAs aligned to the block, RIPAS one of EMPTY/RAM/DESTROYED.
 */
static int check_entry_kind(const struct realm *r, struct check *c, const struct s2tte_info *e,
			    uint64_t raw, int level, uint64_t ipa)
{
	bool in_par = realm_ipa_is_protected(r, ipa);
	const char *why = NULL;

	switch (e->kind) {
	case S2TTE_UNASSIGNED:
	case S2TTE_ASSIGNED:
		if (!in_par)
			why = "protected entry outside the PAR";
		else if (e->ripas > RMI_RIPAS_DESTROYED)
			why = "RIPAS out of range";
		break;
	case S2TTE_UNASSIGNED_NS:
	case S2TTE_ASSIGNED_NS:
		if (in_par)
			why = "unprotected entry inside the PAR";
		break;
	default:
		break;
	}
	if (!why && (e->kind == S2TTE_ASSIGNED || e->kind == S2TTE_ASSIGNED_NS) &&
	    (level < 1 || (e->pa & (s2tt_entry_size(level) - 1))))
		why = "leaf at level 0 or block PA not aligned to the block";
	if (why)
		return fail(c, "%s: entry 0x%llx at IPA 0x%llx level %d", why,
			    (unsigned long long)raw, (unsigned long long)ipa, level);
	return 0;
}

/* Walks one RTT, counting its live entries and the references it makes. */
static int check_table(const struct rmm *rmm, const struct realm *r, struct check *c,
		       uint64_t pa, int level, uint64_t base_ipa)
{
	const uint64_t *t = granule_map(rmm, pa);
	unsigned int live = 0;

	for (unsigned int i = 0; i < S2TT_ENTRIES; i++) {
		struct s2tte_info e = s2tte_decode(t[i], level);
		uint64_t ipa = base_ipa + (uint64_t)i * s2tt_entry_size(level);
		struct granule *g;

		if (check_entry_kind(r, c, &e, t[i], level, ipa))
			return -1;
		switch (e.kind) {
		case S2TTE_TABLE:
			g = granule_at(rmm, e.pa);
			if (!g || g->state != GRANULE_RTT)
				return fail(c, "TABLE entry at IPA 0x%llx level %d points to PA 0x%llx in state %s",
					    (unsigned long long)ipa, level, (unsigned long long)e.pa,
					    g ? granule_state_name(g->state) : "outside memory");
			if (c->refs[idx_of(rmm, e.pa)]++)
				return fail(c, "RTT 0x%llx has two parents", (unsigned long long)e.pa);
			if (g->obj != r)
				return fail(c, "RTT 0x%llx belongs to another realm", (unsigned long long)e.pa);
			live++;
			if (check_table(rmm, r, c, e.pa, level + 1, ipa))
				return -1;
			break;
		case S2TTE_ASSIGNED:
			live++;
			for (uint64_t off = 0; off < s2tt_entry_size(level); off += GRANULE_SIZE) {
				g = granule_at(rmm, e.pa + off);
				if (!g || g->state != GRANULE_DATA)
					return fail(c, "ASSIGNED entry at IPA 0x%llx maps PA 0x%llx that is %s, not DATA",
						    (unsigned long long)ipa, (unsigned long long)(e.pa + off),
						    g ? granule_state_name(g->state) : "outside memory");
				if (c->refs[idx_of(rmm, e.pa + off)]++)
					return fail(c, "DATA 0x%llx mapped twice", (unsigned long long)(e.pa + off));
				if (g->obj != r)
					return fail(c, "DATA 0x%llx belongs to another realm",
						    (unsigned long long)(e.pa + off));
			}
			break;
		case S2TTE_INVALID_ENCODING:
			return fail(c, "invalid entry 0x%llx at IPA 0x%llx level %d",
				    (unsigned long long)t[i], (unsigned long long)ipa, level);
		default:
			break;
		}
	}
	if (granule_at(rmm, pa)->refcount != live)
		return fail(c, "RTT 0x%llx (level %d) refcount %u but %u live entries",
			    (unsigned long long)pa, level, granule_at(rmm, pa)->refcount, live);
	return 0;
}

/* RECs of a realm: RD refcount, REC granules, their aux granules. */
static int check_recs(const struct rmm *rmm, const struct realm *r, struct check *c)
{
	unsigned int live = 0;

	for (unsigned int i = 0; i < r->rec_count; i++) {
		const struct rec *rec = r->recs[i];
		struct granule *g;

		if (!rec)
			continue;
		live++;
		g = granule_at(rmm, rec->pa);
		if (!g || g->state != GRANULE_REC || g->obj != rec || rec->realm != r)
			return fail(c, "REC %u of realm 0x%llx: granule 0x%llx is not its REC",
				    i, (unsigned long long)r->rd, (unsigned long long)rec->pa);
		c->refs[idx_of(rmm, rec->pa)]++;
		for (unsigned int k = 0; k < rec->num_aux; k++) {
			g = granule_at(rmm, rec->aux[k]);
			if (!g || g->state != GRANULE_REC_AUX || g->obj != r)
				return fail(c, "aux granule 0x%llx of REC 0x%llx is not REC_AUX of its realm",
					    (unsigned long long)rec->aux[k], (unsigned long long)rec->pa);
			c->refs[idx_of(rmm, rec->aux[k])]++;
		}
	}
	if (granule_at(rmm, r->rd)->refcount != live)
		return fail(c, "RD 0x%llx refcount %u but %u RECs", (unsigned long long)r->rd,
			    granule_at(rmm, r->rd)->refcount, live);
	return 0;
}

struct sro_check {
	const struct rmm *rmm;
	struct check *c;
	int ret;
};

static void sro_granule(void *arg, uint64_t pa, enum granule_state expect)
{
	struct sro_check *s = arg;
	struct granule *g = granule_at(s->rmm, pa);

	if (s->ret)
		return;
	if (!g || g->state != expect) {
		s->ret = fail(s->c, "SRO-held granule 0x%llx is %s, not %s", (unsigned long long)pa,
			      g ? granule_state_name(g->state) : "outside memory",
			      granule_state_name(expect));
		return;
	}
	s->c->refs[idx_of(s->rmm, pa)]++;
}

static bool accounted_state(unsigned int s)
{
	return s == GRANULE_RTT || s == GRANULE_DATA || s == GRANULE_REC || s == GRANULE_REC_AUX ||
	       s == GRANULE_PARTIAL || s == GRANULE_INTERNAL;
}

int rmm_check_invariants(const struct rmm *rmm, char *msg, size_t len)
{
	struct check c = { .msg = msg, .len = len };
	int ret = 0;

	c.refs = calloc(rmm->ngranules, sizeof(*c.refs));
	if (!c.refs)
		return fail(&c, "out of memory");
	for (unsigned int k = 0; k < rmm->nrealms && !ret; k++) {
		const struct realm *r = rmm->realms[k];
		uint64_t span = s2tt_entry_size(r->start_level) * S2TT_ENTRIES;

		/* Concatenated start tables: each covers the next slice of IPA space. */
		for (unsigned int t = 0; t < r->num_start && !ret; t++) {
			uint64_t pa = r->rtt_base + t * GRANULE_SIZE;

			c.refs[idx_of(rmm, pa)]++;
			ret = check_table(rmm, r, &c, pa, r->start_level, t * span);
		}
		if (!ret)
			ret = check_recs(rmm, r, &c);
		/* Memory donated to the realm at REALM_CREATE: INTERNAL, its own. */
		for (unsigned int a = 0; !ret && a < r->num_aux; a++) {
			struct granule *g = granule_at(rmm, r->aux[a]);

			if (!g || g->state != GRANULE_INTERNAL || g->obj != r)
				ret = fail(&c, "aux granule 0x%llx of realm 0x%llx is not INTERNAL of it",
					   (unsigned long long)r->aux[a], (unsigned long long)r->rd);
			else
				c.refs[idx_of(rmm, r->aux[a])]++;
		}
	}
	if (!ret) {
		struct sro_check s = { rmm, &c, 0 };

		sro_for_each_granule(rmm, sro_granule, &s);
		ret = s.ret;
	}
	if (!ret) {
		uint64_t found = rmm->ngranules - rmm_granules_in_state(rmm, GRANULE_NS);

		if (rmm_granules_not_ns(rmm) != found)
			ret = fail(&c, "%llu granules counted not NS, %llu found",
				   (unsigned long long)rmm_granules_not_ns(rmm), (unsigned long long)found);
	}
	for (uint64_t i = 0; !ret && i < rmm->ngranules; i++) {
		const struct granule *g = &rmm->granules[i];
		uint64_t pa = rmm->pa_base + (i << GRANULE_SHIFT);

		if (accounted_state(g->state) && c.refs[i] != 1)
			ret = fail(&c, "%s granule 0x%llx is referenced %u times",
				   granule_state_name(g->state), (unsigned long long)pa, c.refs[i]);
		else if (g->state == GRANULE_DELEGATED && g->refcount)
			ret = fail(&c, "DELEGATED granule 0x%llx has refcount %u",
				   (unsigned long long)pa, g->refcount);
	}
	free(c.refs);
	return ret;
}
