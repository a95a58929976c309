// SPDX-License-Identifier: BSD-3-Clause
/*
 * 1.0 failure conditions of RTT_CREATE, RTT_DESTROY, RTT_FOLD,
 * RTT_READ_ENTRY, RTT_MAP_UNPROTECTED, RTT_UNMAP_UNPROTECTED and
 * RTT_INIT_RIPAS (V1_CONDITIONS.md): each condition with fail_call()
 * (exact x0 / index, the outputs an error defines, nothing changed —
 * granules, refcounts, table contents, RIM), and the earlier of two
 * conditions winning.
 */
#include "cond.h"

#define GB1 (1ULL << 30)
#define NS_DESC(pa) ((pa) | 0x18 | 0xc0)	/* MemAttr normal WB, S2AP RW */

static int setup(void **state)
{
	if (fix_setup_v1(state))
		return -1;
	rt_realm(*state);		/* s2sz 40, start level 1, 2 root tables */
	return 0;
}

/* s2sz 40 starting at level 0 (one root table), for folds at level 1. */
static int setup_l0(void **state)
{
	if (fix_setup_v1(state))
		return -1;
	rt_realm_with(*state, 40, 0, 1, RMI_HASH_ALGO_SHA_256);
	return 0;
}

static void assert_outputs_zero(const struct smc_regs *r, unsigned int n)
{
	for (unsigned int i = 1; i <= n; i++)
		assert_int_equal(r->x[i], 0);
}

/* ---- RTT_CREATE ---- */

static void create_conditions(void **state)
{
	struct fix *f = *state;
	uint64_t rtt = fix_alloc_delegated(f);

	/* 1 rtt_align / rtt_state (NS, a root RTT, the RD), rd_state, rtt == rd */
	assert_rmi(fail_call(f, RMI_FID_RTT_CREATE, f->rd, rtt + 8, 0, 2, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_CREATE, f->rd, fix_alloc(f), 0, 2, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_CREATE, f->rd, f->rtt[0], 0, 2, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_CREATE, f->rd, f->rd, 0, 2, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_CREATE, rtt, rtt, 0, 2, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_CREATE, f->rtt[0], rtt, 0, 2, 0, NULL), ERR_INPUT);
	/* 2 level_bound, addr_align, addr_bound; order 1, 2 > 4 */
	rtt_create_argument_conditions(f, rtt);
	/* 4 rtt_walk: no level-2 table -> ERROR_RTT(1), protected or not */
	assert_rmi(fail_call(f, RMI_FID_RTT_CREATE, f->rd, rtt, 0, 3, 0, NULL), ERR_RTT(1));
	assert_rmi(fail_call(f, RMI_FID_RTT_CREATE, f->rd, rtt, NS_IPA, 3, 0, NULL), ERR_RTT(1));
	rt_tables(f, 0, 3);
	/* 5 rtt_live: a table there already -> ERROR_RTT(level - 1) */
	assert_rmi(fail_call(f, RMI_FID_RTT_CREATE, f->rd, rtt, 0, 3, 0, NULL), ERR_RTT(2));
	assert_rmi(fail_call(f, RMI_FID_RTT_CREATE, f->rd, rtt, 0, 2, 0, NULL), ERR_RTT(1));
	assert_rmi(rt_create(f, GB1, 2, NULL), 0);
}

/* ---- RTT_DESTROY: x1 = 0 on every error; x2 = 0 / top / ipa ---- */

static void destroy_conditions(void **state)
{
	struct fix *f = *state;
	struct smc_regs r;

	rt_tables(f, 0, 3);
	rt_tables(f, 4 * GB1, 2);
	/* 1 rd: x2 = 0 */
	assert_rmi(fail_call(f, RMI_FID_RTT_DESTROY, f->rtt[0], 0, 3, 0, 0, &r), ERR_INPUT);
	assert_outputs_zero(&r, 2);
	assert_rmi(fail_call(f, RMI_FID_RTT_DESTROY, f->rd + 8, 0, 3, 0, 0, &r), ERR_INPUT);
	assert_outputs_zero(&r, 2);
	/* 2 level_bound, addr_align, addr_bound: x2 = 0, also where a table exists */
	assert_rmi(fail_call(f, RMI_FID_RTT_DESTROY, f->rd, 0, 1, 0, 0, &r), ERR_INPUT);
	assert_outputs_zero(&r, 2);
	assert_rmi(fail_call(f, RMI_FID_RTT_DESTROY, f->rd, 0, 4, 0, 0, &r), ERR_INPUT);
	assert_outputs_zero(&r, 2);
	assert_rmi(fail_call(f, RMI_FID_RTT_DESTROY, f->rd, 0, (1ULL << 32) | 3, 0, 0, &r),
		   ERR_INPUT);
	assert_outputs_zero(&r, 2);
	assert_rmi(fail_call(f, RMI_FID_RTT_DESTROY, f->rd, GRAN, 3, 0, 0, &r), ERR_INPUT);
	assert_outputs_zero(&r, 2);
	assert_rmi(fail_call(f, RMI_FID_RTT_DESTROY, f->rd, IPA_END, 3, 0, 0, &r), ERR_INPUT);
	assert_outputs_zero(&r, 2);
	/* Order 2 > 3: a bad address where no table is */
	assert_rmi(fail_call(f, RMI_FID_RTT_DESTROY, f->rd, GB1 + GRAN, 3, 0, 0, &r), ERR_INPUT);
	assert_outputs_zero(&r, 2);
	/* 3 walk short: no level-2 table at 1 GiB -> ERROR_RTT(1), x2 = next live entry (4 GiB) */
	assert_rmi(fail_call(f, RMI_FID_RTT_DESTROY, f->rd, GB1, 3, 0, 0, &r), ERR_RTT(1));
	assert_int_equal(r.x[1], 0);
	assert_int_equal(r.x[2], 4 * GB1);
	/* 3 parent entry not a table: the level-2 table at 4 GiB has no child -> ERROR_RTT(2) */
	assert_rmi(fail_call(f, RMI_FID_RTT_DESTROY, f->rd, 4 * GB1, 3, 0, 0, &r), ERR_RTT(2));
	assert_int_equal(r.x[1], 0);
	assert_int_equal(r.x[2], 5 * GB1);	/* end of that table */
	/* 3 in the unprotected half: nothing live after it in the second root -> its end */
	assert_rmi(fail_call(f, RMI_FID_RTT_DESTROY, f->rd, NS_IPA, 2, 0, 0, &r), ERR_RTT(1));
	assert_int_equal(r.x[2], IPA_END);
	/* 4 rtt_live: the level-2 table at 0 holds a table -> ERROR_RTT(2), x2 = ipa */
	assert_rmi(fail_call(f, RMI_FID_RTT_DESTROY, f->rd, 0, 2, 0, 0, &r), ERR_RTT(2));
	assert_int_equal(r.x[1], 0);
	assert_int_equal(r.x[2], 0);
	/* 4 a level-3 table with one DATA granule -> ERROR_RTT(3), x2 = ipa */
	rt_data_unknown(f, 0x7000);
	assert_rmi(fail_call(f, RMI_FID_RTT_DESTROY, f->rd, 0, 3, 0, 0, &r), ERR_RTT(3));
	assert_int_equal(r.x[1], 0);
	assert_int_equal(r.x[2], 0);
}

/* ---- RTT_FOLD: x1 = 0 on every error ---- */

static void fold_conditions(void **state)
{
	struct fix *f = *state;
	struct smc_regs r;

	/* 1 rd, 2 level / ipa */
	assert_rmi(fail_call(f, RMI_FID_RTT_FOLD, f->rtt[0], 0, 3, 0, 0, &r), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_FOLD, f->rd, 0, 1, 0, 0, &r), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_FOLD, f->rd, 0, 4, 0, 0, &r), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_FOLD, f->rd, IPA_END, 3, 0, 0, &r), ERR_INPUT);
	/* Order 2 > 3: unaligned where no table is */
	assert_rmi(fail_call(f, RMI_FID_RTT_FOLD, f->rd, GRAN, 3, 0, 0, &r), ERR_INPUT);
	assert_outputs_zero(&r, 1);
	/* 3 walk short: no level-2 table -> ERROR_RTT(1) */
	assert_rmi(fail_call(f, RMI_FID_RTT_FOLD, f->rd, 0, 3, 0, 0, &r), ERR_RTT(1));
	assert_outputs_zero(&r, 1);
	/* 4 parent not a table: level-2 table without a level-3 child -> ERROR_RTT(2) */
	rt_tables(f, 0, 2);
	assert_rmi(fail_call(f, RMI_FID_RTT_FOLD, f->rd, 0, 3, 0, 0, &r), ERR_RTT(2));
	assert_outputs_zero(&r, 1);
	/* 6 refcount 0, entries not uniform (one RAM, the rest EMPTY) -> ERROR_RTT(3) */
	rt_tables(f, 0, 3);
	assert_rmi(rc(f, RMI_FID_RTT_INIT_RIPAS, f->rd, 0x3000, 0x4000, 0, 0, NULL), 0);
	assert_rmi(fail_call(f, RMI_FID_RTT_FOLD, f->rd, 0, 3, 0, 0, &r), ERR_RTT(3));
	assert_outputs_zero(&r, 1);
	/* 9 some entries live, not all -> ERROR_RTT(3) */
	rt_data_unknown(f, 0x5000);
	assert_rmi(fail_call(f, RMI_FID_RTT_FOLD, f->rd, 0, 3, 0, 0, &r), ERR_RTT(3));
	assert_outputs_zero(&r, 1);
	/* 9 at level 2: one table among unassigned entries -> ERROR_RTT(2) */
	assert_rmi(fail_call(f, RMI_FID_RTT_FOLD, f->rd, 0, 2, 0, 0, &r), ERR_RTT(2));
	assert_outputs_zero(&r, 1);
}

/* 8: a full level-2 table of tables is not one block -> ERROR_RTT(2). */
static void fold_full_table_not_a_block(void **state)
{
	struct fix *f = *state;
	struct smc_regs r;

	rt_tables(f, 0, 2);
	for (uint64_t i = 0; i < 512; i++)
		assert_rmi(rt_create(f, i * MB2, 3, NULL), 0);
	assert_int_equal(rmm_granule_refcount(f->rmm, rt_read(f, 0, 1).desc), 512);
	assert_rmi(fail_call(f, RMI_FID_RTT_FOLD, f->rd, 0, 2, 0, 0, &r), ERR_RTT(2));
	assert_outputs_zero(&r, 1);
}

/* 7: a full level-1 table cannot become a level-0 block -> ERROR_RTT(0). */
static void fold_full_table_above_level_1(void **state)
{
	struct fix *f = *state;
	struct smc_regs r;

	assert_rmi(rt_create(f, 0, 1, NULL), 0);
	for (uint64_t i = 0; i < 512; i++)
		assert_rmi(rt_create(f, i * GB1, 2, NULL), 0);
	assert_rmi(fail_call(f, RMI_FID_RTT_FOLD, f->rd, 0, 1, 0, 0, &r), ERR_RTT(0));
	assert_outputs_zero(&r, 1);
}

/* 5: 512 unprotected 1 GiB blocks over an aligned 512 GiB: no level-0 NS block -> ERROR_RTT(0). */
static void fold_ns_block_above_level_1(void **state)
{
	struct fix *f = *state;
	struct smc_regs r;

	assert_rmi(rt_create(f, NS_IPA, 1, NULL), 0);
	for (uint64_t i = 0; i < 512; i++)
		assert_rmi(rc(f, RMI_FID_RTT_MAP_UNPROTECTED, f->rd, NS_IPA + i * GB1, 1,
			      NS_DESC(NS_IPA + i * GB1), 0, NULL), 0);
	assert_rmi(fail_call(f, RMI_FID_RTT_FOLD, f->rd, NS_IPA, 1, 0, 0, &r), ERR_RTT(0));
	assert_outputs_zero(&r, 1);
}

/* ---- RTT_READ_ENTRY ---- */

static void read_entry_conditions(void **state)
{
	struct fix *f = *state;
	struct smc_regs r;

	/* 1 rd, 2 level_bound (start..3), addr_align, addr_bound: x1..x4 = 0 */
	assert_rmi(fail_call(f, RMI_FID_RTT_READ_ENTRY, fix_alloc_delegated(f), 0, 3, 0, 0, &r),
		   ERR_INPUT);
	assert_outputs_zero(&r, 4);
	assert_rmi(fail_call(f, RMI_FID_RTT_READ_ENTRY, f->rd, 0, 0, 0, 0, &r), ERR_INPUT);
	assert_outputs_zero(&r, 4);
	assert_rmi(fail_call(f, RMI_FID_RTT_READ_ENTRY, f->rd, 0, 4, 0, 0, &r), ERR_INPUT);
	assert_outputs_zero(&r, 4);
	assert_rmi(fail_call(f, RMI_FID_RTT_READ_ENTRY, f->rd, GRAN, 2, 0, 0, &r), ERR_INPUT);
	assert_outputs_zero(&r, 4);
	assert_rmi(fail_call(f, RMI_FID_RTT_READ_ENTRY, f->rd, IPA_END, 3, 0, 0, &r), ERR_INPUT);
	assert_outputs_zero(&r, 4);
	/* Never ERROR_RTT: the deepest entry reached */
	assert_rmi(fail_call(f, RMI_FID_RTT_READ_ENTRY, f->rd, 0x5000, 3, 0, 0, &r), 0);
	assert_int_equal(r.x[1], 1);
	assert_int_equal(r.x[2], RMI_RTT_ENTRY_STATE_UNASSIGNED);
}

/* ---- RTT_MAP_UNPROTECTED ---- */

static void map_ns_conditions(void **state)
{
	struct fix *f = *state;
	uint64_t pa = 0x80000000ULL;

	/* 1 level_bound [1, 3], before the rd (a bad rd as well) */
	assert_rmi(fail_call(f, RMI_FID_RTT_MAP_UNPROTECTED, f->rd, NS_IPA, 0, NS_DESC(pa), 0, NULL),
		   ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_MAP_UNPROTECTED, f->rd, NS_IPA, 4, NS_DESC(pa), 0, NULL),
		   ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_MAP_UNPROTECTED, 0, NS_IPA, 4, NS_DESC(pa), 0, NULL),
		   ERR_INPUT);
	/* 2 rd */
	assert_rmi(fail_call(f, RMI_FID_RTT_MAP_UNPROTECTED, f->rtt[1], NS_IPA, 3, NS_DESC(pa), 0,
			     NULL), ERR_INPUT);
	/* 3 desc_valid: type bits, AF, OA unaligned to the level, OA >= 2^48, MemAttr 0b100 */
	assert_rmi(fail_call(f, RMI_FID_RTT_MAP_UNPROTECTED, f->rd, NS_IPA, 1, NS_DESC(pa) | 1, 0,
			     NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_MAP_UNPROTECTED, f->rd, NS_IPA, 1, NS_DESC(pa) | 1 << 10,
			     0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_MAP_UNPROTECTED, f->rd, NS_IPA, 2, NS_DESC(pa + GRAN), 0,
			     NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_MAP_UNPROTECTED, f->rd, NS_IPA, 1, NS_DESC(1ULL << 48),
			     0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_MAP_UNPROTECTED, f->rd, NS_IPA, 1, pa | 0x10 | 0xc0, 0,
			     NULL), ERR_INPUT);
	/* Order 3 > 6: a bad descriptor where the walk would stop (ERROR_RTT(1)) */
	assert_rmi(fail_call(f, RMI_FID_RTT_MAP_UNPROTECTED, f->rd, NS_IPA, 3, NS_DESC(pa) | 1, 0,
			     NULL), ERR_INPUT);
	/* 4 addr_align, addr_bound */
	assert_rmi(fail_call(f, RMI_FID_RTT_MAP_UNPROTECTED, f->rd, NS_IPA + GRAN, 2, NS_DESC(pa), 0,
			     NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_MAP_UNPROTECTED, f->rd, IPA_END, 1, NS_DESC(pa), 0,
			     NULL), ERR_INPUT);
	/* 5 addr_unprotected (no table there either: before the walk) */
	assert_rmi(fail_call(f, RMI_FID_RTT_MAP_UNPROTECTED, f->rd, 0x5000, 3, NS_DESC(pa), 0, NULL),
		   ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_MAP_UNPROTECTED, f->rd, 0, 1, NS_DESC(pa), 0, NULL),
		   ERR_INPUT);
	/* 6 rtt_walk: no level-2 / level-3 table -> ERROR_RTT(walk level) */
	assert_rmi(fail_call(f, RMI_FID_RTT_MAP_UNPROTECTED, f->rd, NS_IPA, 3, NS_DESC(pa), 0, NULL),
		   ERR_RTT(1));
	rt_tables(f, NS_IPA, 2);
	assert_rmi(fail_call(f, RMI_FID_RTT_MAP_UNPROTECTED, f->rd, NS_IPA, 3, NS_DESC(pa), 0, NULL),
		   ERR_RTT(2));
	/* 7 rtte_state: a table, then an existing mapping -> ERROR_RTT(level) */
	assert_rmi(fail_call(f, RMI_FID_RTT_MAP_UNPROTECTED, f->rd, NS_IPA, 1, NS_DESC(0), 0, NULL),
		   ERR_RTT(1));
	assert_rmi(rc(f, RMI_FID_RTT_MAP_UNPROTECTED, f->rd, NS_IPA, 2, NS_DESC(pa), 0, NULL), 0);
	assert_rmi(fail_call(f, RMI_FID_RTT_MAP_UNPROTECTED, f->rd, NS_IPA, 2, NS_DESC(pa), 0, NULL),
		   ERR_RTT(2));
	/* Walk before entry state: level 3 under the level-2 block -> ERROR_RTT(2) */
	assert_rmi(fail_call(f, RMI_FID_RTT_MAP_UNPROTECTED, f->rd, NS_IPA, 3, NS_DESC(pa), 0, NULL),
		   ERR_RTT(2));
}

/* 4: a level above the realm's start level (s2sz 32 starts at level 2): no such entry. */
static void map_ns_level_above_start(void **state)
{
	struct fix *f = *state;
	struct smc_regs r;

	rt_realm_with(f, 32, 2, 4, RMI_HASH_ALGO_SHA_256);
	assert_rmi(fail_call(f, RMI_FID_RTT_MAP_UNPROTECTED, f->rd, 1ULL << 31, 1,
			     NS_DESC(0x80000000ULL), 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_UNMAP_UNPROTECTED, f->rd, 1ULL << 31, 1, 0, 0, &r),
		   ERR_INPUT);
	assert_outputs_zero(&r, 1);
	assert_rmi(rc(f, RMI_FID_RTT_MAP_UNPROTECTED, f->rd, 1ULL << 31, 2,
		      NS_DESC(0x80000000ULL), 0, NULL), 0);
}

/* ---- RTT_UNMAP_UNPROTECTED: x1 = 0 on ERROR_INPUT, top on ERROR_RTT ---- */

static void unmap_ns_conditions(void **state)
{
	struct fix *f = *state;
	struct smc_regs r;

	rt_tables(f, NS_IPA, 3);
	assert_rmi(rc(f, RMI_FID_RTT_MAP_UNPROTECTED, f->rd, NS_IPA + 0x5000, 3,
		      NS_DESC(0x80000000ULL), 0, NULL), 0);
	/* 1 level, 2 rd, 3 addr_align / addr_bound, 4 addr_unprotected */
	assert_rmi(fail_call(f, RMI_FID_RTT_UNMAP_UNPROTECTED, f->rd, NS_IPA, 0, 0, 0, &r), ERR_INPUT);
	assert_outputs_zero(&r, 1);
	assert_rmi(fail_call(f, RMI_FID_RTT_UNMAP_UNPROTECTED, 0, NS_IPA, 4, 0, 0, &r), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_UNMAP_UNPROTECTED, f->rtt[0], NS_IPA + 0x5000, 3, 0, 0,
			     &r), ERR_INPUT);
	assert_outputs_zero(&r, 1);
	assert_rmi(fail_call(f, RMI_FID_RTT_UNMAP_UNPROTECTED, f->rd, NS_IPA + 0x5800, 3, 0, 0, &r),
		   ERR_INPUT);
	assert_outputs_zero(&r, 1);
	assert_rmi(fail_call(f, RMI_FID_RTT_UNMAP_UNPROTECTED, f->rd, IPA_END, 1, 0, 0, &r),
		   ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_UNMAP_UNPROTECTED, f->rd, 0x5000, 3, 0, 0, &r),
		   ERR_INPUT);
	assert_outputs_zero(&r, 1);
	/* 5 entry not assigned_ns at level: ERROR_RTT(3), x1 = next live entry */
	assert_rmi(fail_call(f, RMI_FID_RTT_UNMAP_UNPROTECTED, f->rd, NS_IPA, 3, 0, 0, &r),
		   ERR_RTT(3));
	assert_int_equal(r.x[1], NS_IPA + 0x5000);
	/* 5 walk stops above level: a table entry at level 2 is not a mapping -> ERROR_RTT(2) */
	assert_rmi(fail_call(f, RMI_FID_RTT_UNMAP_UNPROTECTED, f->rd, NS_IPA, 2, 0, 0, &r),
		   ERR_RTT(2));
	assert_int_equal(r.x[1], NS_IPA);	/* the entry is live (a table) */
	/* 5 walk short: no level-2 table at NS_IPA + 1 GiB -> ERROR_RTT(1), top = end of root */
	assert_rmi(fail_call(f, RMI_FID_RTT_UNMAP_UNPROTECTED, f->rd, NS_IPA + GB1, 3, 0, 0, &r),
		   ERR_RTT(1));
	assert_int_equal(r.x[1], IPA_END);
}

/* ---- RTT_INIT_RIPAS: x1 = 0 on every error, RIM unchanged ---- */

static void init_ripas_conditions(void **state)
{
	struct fix *f = *state;
	struct smc_regs r;

	/* 1 size_valid: top <= base, before the rd */
	assert_rmi(fail_call(f, RMI_FID_RTT_INIT_RIPAS, f->rd, 0x2000, 0x2000, 0, 0, &r), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_INIT_RIPAS, 0, 0x2000, 0x1000, 0, 0, &r), ERR_INPUT);
	assert_outputs_zero(&r, 1);
	/* 2 rd */
	assert_rmi(fail_call(f, RMI_FID_RTT_INIT_RIPAS, f->rtt[0], 0, 0x1000, 0, 0, &r), ERR_INPUT);
	/* 3 base / top unaligned, top out of range, an end outside the PAR */
	assert_rmi(fail_call(f, RMI_FID_RTT_INIT_RIPAS, f->rd, 0x800, 0x2000, 0, 0, &r), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_INIT_RIPAS, f->rd, 0, 0x1800, 0, 0, &r), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_INIT_RIPAS, f->rd, NS_IPA - GRAN, IPA_END, 0, 0, &r),
		   ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_INIT_RIPAS, f->rd, NS_IPA - GRAN, NS_IPA + GRAN, 0, 0,
			     &r), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_INIT_RIPAS, f->rd, NS_IPA, NS_IPA + GRAN, 0, 0, &r),
		   ERR_INPUT);
	assert_outputs_zero(&r, 1);
	/* 5 base unaligned to the walk's entry (a 1 GiB root entry) -> ERROR_RTT(1) */
	assert_rmi(fail_call(f, RMI_FID_RTT_INIT_RIPAS, f->rd, 0x1000, 0x2000, 0, 0, &r), ERR_RTT(1));
	assert_outputs_zero(&r, 1);
	/* 6 no progress: the entry is larger than the range -> ERROR_RTT(1) */
	assert_rmi(fail_call(f, RMI_FID_RTT_INIT_RIPAS, f->rd, 0, 0x1000, 0, 0, &r), ERR_RTT(1));
	assert_outputs_zero(&r, 1);
	/* 6 no progress: the first entry is assigned -> ERROR_RTT(3) */
	rt_data_unknown(f, 0x4000);
	assert_rmi(fail_call(f, RMI_FID_RTT_INIT_RIPAS, f->rd, 0x4000, 0x6000, 0, 0, &r), ERR_RTT(3));
	assert_outputs_zero(&r, 1);
	/* 4 realm_state: after activation -> ERROR_REALM; order 3 > 4 > 5 */
	assert_rmi(rc(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), 0);
	assert_rmi(fail_call(f, RMI_FID_RTT_INIT_RIPAS, f->rd, 0x5000, 0x6000, 0, 0, &r), ERR_REALM);
	assert_rmi(fail_call(f, RMI_FID_RTT_INIT_RIPAS, f->rd, 0x800, 0x2000, 0, 0, &r), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_INIT_RIPAS, f->rd, GB1 + GRAN, GB1 + 2 * GRAN, 0, 0, &r),
		   ERR_REALM);
	assert_outputs_zero(&r, 1);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, fix_teardown)
#define T0(fn) cmocka_unit_test_setup_teardown(fn, setup_l0, fix_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(create_conditions),
		T(destroy_conditions),
		T(fold_conditions),
		T(fold_full_table_not_a_block),
		T0(fold_full_table_above_level_1),
		T0(fold_ns_block_above_level_1),
		T(read_entry_conditions),
		T(map_ns_conditions),
		cmocka_unit_test_setup_teardown(map_ns_level_above_start, fix_setup_v1, fix_teardown),
		T(unmap_ns_conditions),
		T(init_ripas_conditions),
	};

	return cmocka_run_group_tests_name("v1 conditions: rtt", tests, NULL, NULL);
}
