// SPDX-License-Identifier: BSD-3-Clause
/* Teardown through RMI calls only (see teardown.h). */
#include "teardown.h"

#include <stdio.h>
#include <string.h>

#include <rmi/common.h>
#include <rmi/v2.h>

#define GRAN 4096ULL

struct td {
	struct rmm *rmm;
	bool v2;		/* 2.0: range delegation, SROs, range unmap */
	uint64_t base, size;
	char *err;
	size_t errlen;
};

static uint64_t call(struct td *t, uint32_t fid, uint64_t a1, uint64_t a2, uint64_t a3,
		     uint64_t a4, struct smc_regs *out)
{
	return rmm_call(t->rmm, fid, a1, a2, a3, a4, 0, 0, out);
}

/* One granule back to NS: GRANULE_UNDELEGATE (1.0) or a one-granule range (2.0). */
static uint64_t undelegate(struct td *t, uint64_t pa)
{
	if (t->v2)
		return call(t, RMI_FID_GRANULE_RANGE_UNDELEGATE, pa, pa + GRAN, 0, 0, NULL);
	return call(t, RMI_FID_GRANULE_UNDELEGATE, pa, 0, 0, 0, NULL);
}

static uint64_t delegate(struct td *t, uint64_t pa)
{
	if (t->v2)
		return call(t, RMI_FID_GRANULE_RANGE_DELEGATE, pa, pa + GRAN, 0, 0, NULL);
	return call(t, RMI_FID_GRANULE_DELEGATE, pa, 0, 0, 0, NULL);
}

static int fail(struct td *t, const char *what, uint64_t ipa, int level, uint64_t x0)
{
	snprintf(t->err, t->errlen, "%s at IPA 0x%llx level %d returned 0x%llx", what,
		 (unsigned long long)ipa, level, (unsigned long long)x0);
	return -1;
}

static uint64_t entry_size(int level)
{
	return 1ULL << (12 + 9 * (3 - level));
}

/* A delegated granule for unfolding a block: an idle DELEGATED one, or a fresh one. */
static int spare_rtt(struct td *t, uint64_t *pa)
{
	for (uint64_t p = t->base; p < t->base + t->size; p += GRAN)
		if (rmm_granule_state(t->rmm, p) == GRANULE_DELEGATED) {
			*pa = p;
			return 0;
		}
	for (uint64_t p = t->base; p < t->base + t->size; p += GRAN)
		if (rmm_granule_state(t->rmm, p) == GRANULE_NS &&
		    !delegate(t, p)) {
			*pa = p;
			return 0;
		}
	snprintf(t->err, t->errlen, "no NS granule left to unfold a block");
	return -1;
}

static int walk(struct td *t, uint64_t rd, uint64_t from, uint64_t to, int level,
		unsigned int ipa_bits)
{
	for (uint64_t ipa = from; ipa < to; ipa += entry_size(level)) {
		struct smc_regs r;
		uint64_t x0 = call(t, RMI_FID_RTT_READ_ENTRY, rd, ipa, (uint64_t)level, 0, &r);
		bool protected_ipa = ipa < (1ULL << (ipa_bits - 1));

		if (x0)
			return fail(t, "RTT_READ_ENTRY", ipa, level, x0);
		if ((int)r.x[1] != level)
			continue;	/* covered by a larger entry handled above */
		if (r.x[2] == RMI_RTT_ENTRY_STATE_TABLE) {
			if (walk(t, rd, ipa, ipa + entry_size(level), level + 1, ipa_bits))
				return -1;
			x0 = call(t, RMI_FID_RTT_DESTROY, rd, ipa, (uint64_t)level + 1, 0, &r);
			if (x0)
				return fail(t, "RTT_DESTROY", ipa, level + 1, x0);
			if ((x0 = undelegate(t, r.x[1])))
				return fail(t, "undelegating an RTT", ipa, level + 1, x0);
		} else if (r.x[2] == RMI_RTT_ENTRY_STATE_ASSIGNED && t->v2) {
			/* 2.0: one range unmap frees a page or a whole block; NONE output. */
			x0 = call(t, protected_ipa ? RMI_FID_RTT_DATA_UNMAP : RMI_FID_RTT_UNPROT_UNMAP, rd,
				  ipa, ipa + entry_size(level), 0, &r);
			if (x0 || r.x[1] != ipa + entry_size(level))
				return fail(t, protected_ipa ? "RTT_DATA_UNMAP" : "RTT_UNPROT_UNMAP", ipa,
					    level, x0);
		} else if (r.x[2] == RMI_RTT_ENTRY_STATE_ASSIGNED && !protected_ipa) {
			x0 = call(t, RMI_FID_RTT_UNMAP_UNPROTECTED, rd, ipa, (uint64_t)level, 0, NULL);
			if (x0)
				return fail(t, "RTT_UNMAP_UNPROTECTED", ipa, level, x0);
		} else if (r.x[2] == RMI_RTT_ENTRY_STATE_ASSIGNED && level < 3) {
			uint64_t rtt;

			/* A protected block: unfold it into a table, then walk that. */
			if (spare_rtt(t, &rtt))
				return -1;
			x0 = call(t, RMI_FID_RTT_CREATE, rd, rtt, ipa, (uint64_t)level + 1, NULL);
			if (x0)
				return fail(t, "RTT_CREATE (unfold)", ipa, level + 1, x0);
			ipa -= entry_size(level);	/* visit this entry again, now a table */
		} else if (r.x[2] == RMI_RTT_ENTRY_STATE_ASSIGNED) {
			x0 = call(t, RMI_FID_DATA_DESTROY, rd, ipa, 0, 0, &r);
			if (x0)
				return fail(t, "DATA_DESTROY", ipa, level, x0);
			if ((x0 = undelegate(t, r.x[1])))
				return fail(t, "undelegating data", ipa, level, x0);
		}
	}
	return 0;
}

/* Start level: the shallowest level RTT_READ_ENTRY accepts; IPA width by probing. */
static int realm_geometry(struct td *t, uint64_t rd, int *start, unsigned int *ipa_bits)
{
	*start = -1;
	for (int l = 0; l <= 3 && *start < 0; l++)
		if (!call(t, RMI_FID_RTT_READ_ENTRY, rd, 0, (uint64_t)l, 0, NULL))
			*start = l;
	for (unsigned int b = 52; b >= 32; b--)
		if (!call(t, RMI_FID_RTT_READ_ENTRY, rd, 1ULL << (b - 1), 3, 0, NULL)) {
			*ipa_bits = b;
			return *start < 0 ? -1 : 0;
		}
	return -1;
}

/*
 * An NS granule for SRO lists: a free one, or an idle DELEGATED one given
 * back to NS for the purpose (an input may have delegated all memory).
 * None: 0.
 */
static uint64_t ns_page(struct td *t)
{
	for (uint64_t p = t->base + t->size - GRAN; p >= t->base; p -= GRAN)
		if (rmm_granule_state(t->rmm, p) == GRANULE_NS)
			return p;
	for (uint64_t p = t->base + t->size - GRAN; p >= t->base; p -= GRAN)
		if (rmm_granule_state(t->rmm, p) == GRANULE_DELEGATED && !undelegate(t, p))
			return p;
	return 0;
}

/*
 * 2.0: drives the operation behind `h` to its end with whatever it asks
 * for: OP_CONTINUE when it waits for nothing, OP_MEM_RECLAIM into a list
 * page, and for a donate request a list whose first granule is not
 * delegated, which makes the operation give back what it holds and fail.
 * A handle none of the three accepts names no operation.
 */
static int drive_sro(struct td *t, uint64_t h, uint64_t *final)
{
	uint64_t list = ns_page(t), *l;
	struct smc_regs r;

	if (!list) {
		snprintf(t->err, t->errlen, "no NS granule left for an SRO list");
		return -1;
	}
	l = pmem_host_ptr(rmm_pmem(t->rmm), list);
	for (int step = 0; step < 1024; step++) {
		uint64_t x0 = call(t, RMI_FID_OP_CONTINUE, h, 0, 0, 0, &r);

		if ((x0 & 0xff) != RMI_STATUS_ERROR_INPUT) {
			*final = x0;
			if ((x0 & 0xff) != RMI_V2_STATUS_INCOMPLETE)
				return 0;
			continue;
		}
		if ((call(t, RMI_FID_OP_MEM_RECLAIM, h, list, 512, 0, &r) & 0xff) !=
		    RMI_STATUS_ERROR_INPUT)
			continue;
		/* A descriptor naming the (NS) list page itself: the first granule is bad. */
		l[0] = (list & RMI_V2_ADDR_RANGE_DESC_ADDR_MASK) |
		       (1ULL << RMI_V2_ADDR_RANGE_DESC_COUNT_SHIFT);
		if ((call(t, RMI_FID_OP_MEM_DONATE, h, list, 1, 0, &r) & 0xff) !=
		    RMI_STATUS_ERROR_INPUT)
			continue;
		*final = x0;
		return 0;	/* no operation (any more) */
	}
	snprintf(t->err, t->errlen, "SRO handle %llu does not finish", (unsigned long long)h);
	return -1;
}

#define TD_MAX_HANDLES 64

static int finish_sros(struct td *t)
{
	uint64_t final;

	for (uint64_t h = 0; h < TD_MAX_HANDLES; h++)
		if (drive_sro(t, h, &final))
			return -1;
	return 0;
}

/*
 * A teardown command that must succeed: in one call, or (2.0, where the
 * profile makes it a Stateful RMI Operation: REC_DESTROY, and
 * REALM_DESTROY where it transfers memory) driven through its operation
 * to SUCCESS.
 */
static int must(struct td *t, const char *what, uint32_t fid, uint64_t a1)
{
	struct smc_regs r;
	uint64_t x0 = call(t, fid, a1, 0, 0, 0, &r);

	if (t->v2 && (x0 & 0xff) == RMI_V2_STATUS_INCOMPLETE && drive_sro(t, r.x[1], &x0))
		return -1;
	return x0 ? fail(t, what, a1, -1, x0) : 0;
}

static int destroy_recs(struct td *t)
{
	for (uint64_t p = t->base; p < t->base + t->size; p += GRAN)
		if (rmm_granule_state(t->rmm, p) == GRANULE_REC &&
		    must(t, "REC_DESTROY", RMI_FID_REC_DESTROY, p))
			return -1;
	return 0;
}

int teardown_everything(struct rmm *rmm, char *err, size_t errlen)
{
	struct td t = { .rmm = rmm, .err = err, .errlen = errlen };
	uint64_t x0;

	t.base = pmem_pa_base(rmm_pmem(rmm));
	t.size = pmem_size(rmm_pmem(rmm));
	t.v2 = !strcmp(rmm_profile(rmm)->family, "v2");
	if (t.v2 && finish_sros(&t))
		return -1;
	if (destroy_recs(&t))
		return -1;
	for (uint64_t p = t.base; p < t.base + t.size; p += GRAN) {
		int start;
		unsigned int bits;

		if (rmm_granule_state(rmm, p) != GRANULE_RD)
			continue;
		if (realm_geometry(&t, p, &start, &bits))
			return fail(&t, "finding the realm's geometry", 0, -1, 0);
		/* 2.0: only a terminated realm can be destroyed. */
		if (t.v2 && must(&t, "REALM_TERMINATE", RMI_FID_REALM_TERMINATE, p))
			return -1;
		if (walk(&t, p, 0, 1ULL << bits, start, bits))
			return -1;
		if (must(&t, "REALM_DESTROY", RMI_FID_REALM_DESTROY, p))
			return -1;
	}
	for (uint64_t p = t.base; p < t.base + t.size; p += GRAN)
		if (rmm_granule_state(rmm, p) == GRANULE_DELEGATED && (x0 = undelegate(&t, p)))
			return fail(&t, "undelegate", p, -1, x0);
	return 0;
}
