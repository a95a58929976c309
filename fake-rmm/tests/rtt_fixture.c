// SPDX-License-Identifier: BSD-3-Clause
#include "rtt_fixture.h"
#include "v2_fixture.h"

#include <string.h>
#include <unistd.h>

#include <rmi/v2.h>

#include "rec.h"
#include "rmm_internal.h"

uint64_t rc(struct fix *f, uint32_t fid, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4,
	    uint64_t a5, struct smc_regs *out)
{
	uint64_t x0 = fix_call(f, fid, a1, a2, a3, a4, a5, out);

	fix_check_invariants(f);
	return x0;
}

void rt_realm_with(struct fix *f, unsigned int s2sz, int level, unsigned int num_start,
		   unsigned int hash_algo)
{
	struct realm_desc d;
	uint64_t x0;

	realm_desc_default(&d);
	d.s2sz = s2sz;
	d.level = level;
	d.num_start = num_start;
	d.hash_algo = hash_algo;
	x0 = fix_realm_create(f, &d);
	if (x0)
		fail_msg("REALM_CREATE s2sz %u level %d x%u: 0x%llx", s2sz, level, num_start,
			 (unsigned long long)x0);
	fix_check_invariants(f);
}

void rt_realm(struct fix *f)
{
	rt_realm_with(f, 40, 1, 2, RMI_HASH_ALGO_SHA_256);
}

uint64_t rt_create(struct fix *f, uint64_t ipa, int level, uint64_t *rtt)
{
	uint64_t pa = strcmp(f->profile, "1.0") ? rt_v2_delegated(f) : fix_alloc_delegated(f);

	if (rtt)
		*rtt = pa;
	return rc(f, RMI_FID_RTT_CREATE, f->rd, pa, ipa & ~(level_size(level - 1) - 1),
		  (uint64_t)level, 0, NULL);
}

void rt_tables(struct fix *f, uint64_t ipa, int level)
{
	struct rt_entry e = rt_read(f, ipa, level);

	for (int l = e.walk_level + 1; l <= level; l++) {
		uint64_t x0 = rt_create(f, ipa, l, NULL);

		if (x0)
			fail_msg("RTT_CREATE ipa 0x%llx level %d: 0x%llx", (unsigned long long)ipa, l,
				 (unsigned long long)x0);
	}
}

struct rt_entry rt_read(struct fix *f, uint64_t ipa, int level)
{
	struct smc_regs r;
	struct rt_entry e;

	e.x0 = rc(f, RMI_FID_RTT_READ_ENTRY, f->rd, ipa, (uint64_t)level, 0, 0, &r);
	e.walk_level = (int)r.x[1];
	e.state = r.x[2];
	e.desc = r.x[3];
	e.ripas = r.x[4];
	return e;
}

uint64_t rt_src(struct fix *f, uint8_t fill)
{
	uint64_t pa = fix_alloc(f);

	memset(pmem_host_ptr(f->pm, pa), fill, GRAN);
	return pa;
}

uint64_t rt_data(struct fix *f, uint64_t ipa, uint64_t flags, uint8_t fill)
{
	uint64_t src = rt_src(f, fill), data = fix_alloc_delegated(f), x0;

	rt_tables(f, ipa, 3);
	x0 = rc(f, RMI_FID_DATA_CREATE, f->rd, data, ipa, src, flags, NULL);
	if (x0)
		fail_msg("DATA_CREATE ipa 0x%llx: 0x%llx", (unsigned long long)ipa,
			 (unsigned long long)x0);
	return data;
}

uint64_t rt_data_unknown(struct fix *f, uint64_t ipa)
{
	uint64_t data = fix_alloc_delegated(f), x0;

	rt_tables(f, ipa, 3);
	x0 = rc(f, RMI_FID_DATA_CREATE_UNKNOWN, f->rd, data, ipa, 0, 0, NULL);
	if (x0)
		fail_msg("DATA_CREATE_UNKNOWN ipa 0x%llx: 0x%llx", (unsigned long long)ipa,
			 (unsigned long long)x0);
	return data;
}

const uint8_t *rt_rmm_bytes(struct fix *f, uint64_t pa)
{
	return pmem_rmm_ptr(f->pm, pa);
}

uint64_t rt_v2_delegated(struct fix *f)
{
	return fix_alloc_delegated(f);	/* GRANULE_RANGE_DELEGATE */
}

void rt_v2_realm(struct fix *f, unsigned int s2sz, int level, unsigned int num_start)
{
	struct realm_desc d;
	uint64_t rtt_base, x0;

	realm_desc_default(&d);
	d.s2sz = s2sz;
	d.level = level;
	d.num_start = num_start;
	f->next = (f->next + num_start * GRAN - 1) & ~(num_start * GRAN - 1);
	rtt_base = f->next;
	for (unsigned int i = 0; i < num_start; i++)
		f->rtt[i] = rt_v2_delegated(f);
	f->nrtt = num_start;
	f->rd = rt_v2_delegated(f);
	f->params = fix_realm_params(f, &d, rtt_base);
	/* Driven to its end where the profile makes it an operation. */
	x0 = v2_op(f, RMI_FID_REALM_CREATE, f->rd, f->params, 0, NULL);
	if (x0)
		fail_msg("2.0 REALM_CREATE: 0x%llx", (unsigned long long)x0);
}

uint64_t rt_v2_assign(struct fix *f, uint64_t ipa, unsigned int ripas)
{
	uint64_t data = rt_v2_delegated(f), spare, x0;

	rt_tables(f, ipa, 3);
	if (ripas != RMI_RIPAS_EMPTY)
		assert_rmi(rc(f, RMI_FID_RTT_INIT_RIPAS, f->rd, ipa, ipa + GRAN, 0, 0, NULL), 0);
	if (ripas == RMI_RIPAS_DESTROYED) {
		/* RAM, mapped and unmapped again: DESTROYED. */
		spare = rt_v2_delegated(f);
		assert_rmi(rt_v2_map(f, ipa, spare, 1), 0);
		x0 = rc(f, RMI_FID_RTT_DATA_UNMAP, f->rd, ipa, ipa + GRAN, 0, 0, NULL);
		assert_rmi(x0, 0);
	}
	/* RTT_DATA_MAP keeps the entry's RIPAS. */
	assert_rmi(rt_v2_map(f, ipa, data, 1), 0);
	return data;
}

uint64_t rt_v2_map(struct fix *f, uint64_t ipa, uint64_t pa, unsigned int pages)
{
	uint64_t desc = RMI_V2_ADDR_RANGE_DESC_ADDR_MASK & pa;

	desc |= (uint64_t)pages << RMI_V2_ADDR_RANGE_DESC_COUNT_SHIFT;
	return rc(f, RMI_FID_RTT_DATA_MAP, f->rd, ipa, ipa + pages * GRAN,
		  RMI_V2_ADDR_TYPE_SINGLE, desc, NULL);
}

const struct rt_geometry rt_geometries[] = {
	{ 40, 0, 1 }, { 44, 0, 1 }, { 48, 0, 1 },
	{ 32, 1, 1 }, { 39, 1, 1 }, { 40, 1, 2 }, { 41, 1, 4 }, { 43, 1, 16 },
	{ 32, 2, 4 }, { 33, 2, 8 }, { 34, 2, 16 },
};
const unsigned int rt_ngeometries = sizeof(rt_geometries) / sizeof(rt_geometries[0]);

unsigned int rt_edge_ipas(const struct rt_geometry *g, uint64_t *out, unsigned int max)
{
	uint64_t par = 1ULL << (g->s2sz - 1), top = 1ULL << g->s2sz;
	uint64_t span = level_size(g->level) * 512;
	unsigned int n = 0;

	out[n++] = 0;
	out[n++] = par - GRAN;
	out[n++] = par;
	out[n++] = top - GRAN;
	for (unsigned int t = 1; t < g->num_start && n + 2 <= max; t++) {
		out[n++] = t * span - GRAN;
		out[n++] = t * span;
	}
	/* Drop duplicates (a table edge can be the PAR edge). */
	for (unsigned int i = 0; i < n; i++)
		for (unsigned int j = i + 1; j < n; j++)
			if (out[j] == out[i])
				out[j--] = out[--n];
	return n;
}

int64_t rt_hw_walk(struct fix *f, const struct rt_geometry *g, uint64_t rtt_base, uint64_t ipa,
		   int *leaf_level)
{
	const uint64_t oa_mask = 0x0000FFFFFFFFF000ULL;
	int level = g->level;
	uint64_t shift = 12 + 9 * (uint64_t)(3 - level);
	uint64_t idx = ipa >> shift;	/* may exceed 511: concatenated tables */
	uint64_t table = rtt_base + (idx / 512) * GRAN;

	idx %= 512;
	for (;;) {
		const uint64_t *t = pmem_rmm_ptr(f->pm, table);
		uint64_t d = t[idx];

		if (!(d & 1))
			return -1;
		if (level == 3) {
			if ((d & 3) != 3)
				return -1;	/* reserved at level 3 */
			*leaf_level = 3;
			return (int64_t)((d & oa_mask) | (ipa & (GRAN - 1)));
		}
		if ((d & 3) == 1) {	/* block: levels 1 and 2 only with 4 KiB granules */
			if (level == 0)
				return -1;
			*leaf_level = level;
			return (int64_t)((d & oa_mask & ~(level_size(level) - 1)) |
					 (ipa & (level_size(level) - 1)));
		}
		table = d & oa_mask;
		level++;
		idx = (ipa >> (12 + 9 * (3 - level))) & 511;
	}
}

void rt_reopen_with_s2sz(struct fix *f, unsigned int s2sz)
{
	struct rmm_config rc = { .profile = f->profile, .pmem = f->pm, .features_set = true };
	char err[256];

	rmm_default_features(&rc.features);
	rc.features.s2sz = s2sz;
	rmm_destroy(f->rmm);
	f->rmm = rmm_create(&rc, err, sizeof(err));
	if (!f->rmm)
		fail_msg("rmm_create: %s", err);
}

/* The RMM asks before the realm's first slice, then after each one (rmm_set_host_irq_poll). */
static bool kicker_count_poll(void *ctx, uint64_t rec_pa)
{
	struct rec_kicker *k = ctx;

	(void)rec_pa;
	atomic_fetch_add(&k->polls, 1);
	return false;
}

static void *kicker_thread(void *arg)
{
	struct rec_kicker *k = arg;
	unsigned int waited;

	/* Two answers: the realm has run a whole slice (a minute at most, then kick anyway). */
	for (waited = 0; atomic_load(&k->polls) < 2 && waited < 60000000; waited += 100)
		usleep(100);
	rmm_host_irq_raise(k->rmm);
	return NULL;
}

void rec_kicker_start(struct rec_kicker *k, struct rmm *rmm)
{
	k->rmm = rmm;
	atomic_store(&k->polls, 0);
	rmm_set_host_irq_poll(rmm, kicker_count_poll, k);
	if (pthread_create(&k->thread, NULL, kicker_thread, k))
		fail_msg("pthread_create");
}

void rec_kicker_join(struct rec_kicker *k)
{
	if (pthread_join(k->thread, NULL))
		fail_msg("pthread_join");
	rmm_set_host_irq_poll(k->rmm, NULL, NULL);
}
