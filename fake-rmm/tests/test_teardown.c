// SPDX-License-Identifier: BSD-3-Clause
/*
 * Realm teardown in the order the kernel does it (kvm_destroy_realm(),
 * v12 / RMM 1.0): DATA_DESTROY over the PAR driven by x2 (top) and the
 * ERROR_RTT index (a block found on the way is unfolded with RTT_CREATE),
 * RTT_UNMAP_UNPROTECTED over the rest, then the RTT_DESTROY walk from the
 * start level + 1 driven by x2 and index, REALM_DESTROY and undelegation.
 * Every granule must be NS again at the end, for every start geometry.
 */
#include "rtt_fixture.h"

#include <string.h>

#define NS_DESC(pa) ((pa) | (5ULL << 2) | (3ULL << 6))

struct td {
	struct fix *f;
	const struct rt_geometry *g;
	unsigned int calls;
};

static void undelegate(struct fix *f, uint64_t pa)
{
	assert_rmi(rc(f, RMI_FID_GRANULE_UNDELEGATE, pa, 0, 0, 0, 0, NULL), 0);
}

static uint64_t status(uint64_t x0)
{
	return x0 & 0xff;
}

static int index_of(uint64_t x0)
{
	return (int)((x0 >> 8) & 0xff);
}

/* Unmaps all protected memory; unfolds blocks the way the kernel does. */
static void destroy_all_data(struct td *t)
{
	struct fix *f = t->f;
	uint64_t par = 1ULL << (t->g->s2sz - 1), addr = 0;

	while (addr < par) {
		struct smc_regs r;
		uint64_t x0 = rc(f, RMI_FID_DATA_DESTROY, f->rd, addr, 0, 0, 0, &r);

		assert_true(++t->calls < 100000);
		if (x0 == 0) {
			undelegate(f, r.x[1]);
			addr = r.x[2];
			continue;
		}
		assert_int_equal(status(x0), RMI_STATUS_ERROR_RTT);
		if (r.x[2] > addr) {	/* nothing mapped up to top */
			addr = r.x[2];
			continue;
		}
		/* top == ipa: a live block at the level reached; split it and retry */
		assert_true(index_of(x0) < 3);
		assert_rmi(rt_create(f, addr, index_of(x0) + 1, NULL), 0);
	}
}

/* Unmaps all unprotected memory, at whatever level it was mapped. */
static void unmap_all_shared(struct td *t)
{
	struct fix *f = t->f;
	uint64_t addr = 1ULL << (t->g->s2sz - 1), end = 1ULL << t->g->s2sz;

	while (addr < end) {
		struct smc_regs r;
		uint64_t x0 = rc(f, RMI_FID_RTT_UNMAP_UNPROTECTED, f->rd, addr, 3, 0, 0, &r);

		assert_true(++t->calls < 100000);
		if (x0 && status(x0) == RMI_STATUS_ERROR_RTT && r.x[1] == addr) {
			/* a block mapping at the level reached */
			x0 = rc(f, RMI_FID_RTT_UNMAP_UNPROTECTED, f->rd, addr, (uint64_t)index_of(x0), 0,
				0, &r);
			assert_rmi(x0, 0);
		} else if (x0) {
			assert_int_equal(status(x0), RMI_STATUS_ERROR_RTT);
		}
		assert_true(r.x[1] > addr);
		addr = r.x[1];
	}
}

static uint64_t align_up(uint64_t v, uint64_t a)
{
	return (v + a - 1) & ~(a - 1);
}

/* The kernel's realm_tear_down_rtt_level(). */
static void tear_down_level(struct td *t, int level, uint64_t start, uint64_t end)
{
	struct fix *f = t->f;
	uint64_t map_size = level_size(level - 1), next;

	assert_true(level <= 3);
	for (uint64_t addr = start; addr < end; addr = next) {
		struct smc_regs r;
		uint64_t x0;

		next = align_up(addr + 1, map_size);
		if (next > end || align_up(addr, map_size) != addr) {
			tear_down_level(t, level + 1, addr, next < end ? next : end);
			continue;
		}
		assert_true(++t->calls < 100000);
		x0 = rc(f, RMI_FID_RTT_DESTROY, f->rd, addr, (uint64_t)level, 0, 0, &r);
		if (x0 == 0) {
			undelegate(f, r.x[1]);
			next = r.x[2];
			continue;
		}
		assert_int_equal(status(x0), RMI_STATUS_ERROR_RTT);
		if (r.x[2] > addr) {	/* missing RTT: skip */
			next = r.x[2];
			continue;
		}
		/* the table has live children: they go first */
		assert_int_equal(index_of(x0), level);
		tear_down_level(t, level + 1, addr, addr + map_size);
		x0 = rc(f, RMI_FID_RTT_DESTROY, f->rd, addr, (uint64_t)level, 0, 0, &r);
		assert_rmi(x0, 0);
		undelegate(f, r.x[1]);
		next = r.x[2];
	}
}

static void teardown_realm(struct td *t, bool unmap_shared)
{
	struct fix *f = t->f;

	destroy_all_data(t);
	if (unmap_shared)
		unmap_all_shared(t);
	tear_down_level(t, t->g->level + 1, 0, 1ULL << t->g->s2sz);
	assert_rmi(rc(f, RMI_FID_REALM_DESTROY, f->rd, 0, 0, 0, 0, NULL), 0);
	undelegate(f, f->rd);
	for (unsigned int i = 0; i < f->nrtt; i++)
		undelegate(f, f->rtt[i]);
	assert_int_equal(rmm_granules_not_ns(f->rmm), 0);
}

/* Data at every edge IPA of the PAR, NS mappings at the unprotected ones. */
static void populate_edges(struct fix *f, const struct rt_geometry *g, bool ns_block)
{
	uint64_t ipas[40], par = 1ULL << (g->s2sz - 1);
	unsigned int n = rt_edge_ipas(g, ipas, 40);

	for (unsigned int k = 0; k < n; k++) {
		if (ipas[k] < par) {
			rt_data(f, ipas[k], k & 1, (uint8_t)k);
			/* +8K: never another edge (edges are span multiples and span - 4K) */
			if (ipas[k] + 3 * GRAN <= par)
				rt_data_unknown(f, ipas[k] + 2 * GRAN);
		} else {
			rt_tables(f, ipas[k], 3);
			assert_rmi(rc(f, RMI_FID_RTT_MAP_UNPROTECTED, f->rd, ipas[k], 3,
				      NS_DESC(0x100000ULL), 0, NULL), 0);
		}
	}
	/*
	 * An unprotected L2 block.  Only when the teardown unmaps first: a block
	 * left mapped makes RTT_DESTROY at level 3 answer index 2 with top ==
	 * ipa, which the kernel treats as a bug (WARN).
	 */
	if (ns_block && g->level <= 1) {
		uint64_t ipa = par + L2_SIZE * 3;

		rt_tables(f, ipa, 2);
		assert_rmi(rc(f, RMI_FID_RTT_MAP_UNPROTECTED, f->rd, ipa, 2, NS_DESC(0x200000ULL), 0,
			      NULL), 0);
	}
	/* some RIPAS state, and an RTT full of DESTROYED entries */
	assert_rmi(rc(f, RMI_FID_RTT_INIT_RIPAS, f->rd, 0x4000, 0x8000, 0, 0, NULL), 0);
}

static void kernel_order_teardown_every_geometry(void **state)
{
	for (unsigned int gi = 0; gi < rt_ngeometries; gi++) {
		const struct rt_geometry *g = &rt_geometries[gi];
		struct td t = { .g = g };

		for (int pass = 0; pass < 2; pass++) {
			fix_teardown(state);
			assert_int_equal(fix_setup_v1(state), 0);
			t.f = *state;
			if (g->s2sz > 44)
				rt_reopen_with_s2sz(t.f, 48);
			rt_realm_with(t.f, g->s2sz, g->level, g->num_start,
				      RMI_HASH_ALGO_SHA_256);
			populate_edges(t.f, g, pass == 0);
			/* pass 1 leaves the NS mappings: those RTTs are not live (TF-RMM) */
			teardown_realm(&t, pass == 0);
		}
	}
}

/* Fill an L3 at 0 with 512 contiguous DATA granules and fold it into a 2 MiB block. */
static void teardown_unfolds_blocks(void **state)
{
	struct fix *f = *state;
	static const struct rt_geometry g = { 40, 1, 2 };
	struct td t = { .f = f, .g = &g };
	uint64_t datas[512], src = rt_src(f, 0x42), l3;
	struct smc_regs r;

	rt_realm(f);
	f->next = (f->next + L2_SIZE - 1) & ~(L2_SIZE - 1);
	for (unsigned int i = 0; i < 512; i++)
		datas[i] = fix_alloc_delegated(f);
	rt_tables(f, L1_SIZE, 3);
	for (unsigned int i = 0; i < 512; i++)
		assert_rmi(fix_call(f, RMI_FID_DATA_CREATE, f->rd, datas[i], L1_SIZE + i * GRAN, src,
				    1, NULL), 0);
	fix_check_invariants(f);
	assert_rmi(rc(f, RMI_FID_RTT_FOLD, f->rd, L1_SIZE, 3, 0, 0, &r), 0);
	l3 = r.x[1];
	undelegate(f, l3);
	assert_int_equal(rt_read(f, L1_SIZE, 3).walk_level, 2);
	teardown_realm(&t, true);
}

/* Tearing down out of order fails the way the kernel relies on. */
static void out_of_order_teardown_is_refused(void **state)
{
	struct fix *f = *state;
	struct smc_regs r;

	rt_realm(f);
	rt_data(f, 0x1000, 1, 1);
	/* the realm still has live RTT entries */
	assert_rmi(rc(f, RMI_FID_REALM_DESTROY, f->rd, 0, 0, 0, 0, NULL), 2);
	/* an L2 with a live L3: index == level, top == ipa */
	assert_rmi(rc(f, RMI_FID_RTT_DESTROY, f->rd, 0, 2, 0, 0, &r), RET(4, 2));
	assert_int_equal(r.x[2], 0);
	/* DATA granules cannot be undelegated while mapped */
	assert_rmi(rc(f, RMI_FID_GRANULE_UNDELEGATE, rt_read(f, 0x1000, 3).desc, 0, 0, 0, 0, NULL),
		   1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(kernel_order_teardown_every_geometry, fix_setup_v1,
						fix_teardown),
		cmocka_unit_test_setup_teardown(teardown_unfolds_blocks, fix_setup_v1, fix_teardown),
		cmocka_unit_test_setup_teardown(out_of_order_teardown_is_refused, fix_setup_v1,
						fix_teardown),
	};

	return cmocka_run_group_tests_name("teardown 1.0", tests, NULL, NULL);
}
