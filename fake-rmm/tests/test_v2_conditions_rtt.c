// SPDX-License-Identifier: BSD-3-Clause
/*
 * 2.0-bet1 failure conditions of RTT_CREATE, RTT_DESTROY, RTT_FOLD,
 * RTT_READ_ENTRY and RTT_INIT_RIPAS (V2_CONDITIONS.md): each condition,
 * the earlier of two conditions winning, exact x0 / index, the outputs an
 * error defines (RTT_DESTROY's top, zero elsewhere), nothing changed.
 */
#include "v2_cond.h"

#define GB1 (1ULL << 30)

static int setup(void **state)
{
	if (fix_setup_v2(state))
		return -1;
	rt_v2_realm(*state, 40, 1, 2);
	return 0;
}

/* An s2sz-40 realm starting at level 0 (one root table), for folds at level 1. */
static int setup_l0(void **state)
{
	if (fix_setup_v2(state))
		return -1;
	rt_v2_realm(*state, 40, 0, 1);
	return 0;
}

/* ---- RTT_CREATE ---- */

static void create_input_conditions(void **state)
{
	struct fix *f = *state;
	uint64_t rtt = fix_alloc_delegated(f), l2;

	/* rtt_align, rtt_state (NS, the RD, a root RTT), rd_state, rtt == rd */
	assert_rmi(fail_call(f, RMI_FID_RTT_CREATE, f->rd, rtt + 8, 0, 2, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_CREATE, f->rd, fix_alloc(f), 0, 2, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_CREATE, f->rd, f->rtt[0], 0, 2, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_CREATE, f->rd, f->rd, 0, 2, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_CREATE, rtt, rtt, 0, 2, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_CREATE, fix_alloc_delegated(f), rtt, 0, 2, 0, NULL),
		   ERR_INPUT);
	/* level_bound, addr_align, addr_bound; the arguments before the walk */
	rtt_create_argument_conditions(f, rtt);
	assert_rmi(rt_create(f, 0, 2, &l2), 0);
	assert_int_equal(rmm_granule_refcount(f->rmm, f->rtt[0]), 1);
}

static void create_walk_conditions(void **state)
{
	struct fix *f = *state;
	uint64_t rtt = fix_alloc_delegated(f);

	/* rtt_walk: no level-2 table -> ERROR_RTT(1) */
	assert_rmi(fail_call(f, RMI_FID_RTT_CREATE, f->rd, rtt, 0, 3, 0, NULL), ERR_RTT(1));
	assert_rmi(fail_call(f, RMI_FID_RTT_CREATE, f->rd, rtt, NS_IPA, 3, 0, NULL), ERR_RTT(1));
	rt_tables(f, 0, 3);
	/* rtt_live: a table there already -> ERROR_RTT(level - 1) */
	assert_rmi(fail_call(f, RMI_FID_RTT_CREATE, f->rd, rtt, 0, 3, 0, NULL), ERR_RTT(2));
	assert_rmi(fail_call(f, RMI_FID_RTT_CREATE, f->rd, rtt, 0, 2, 0, NULL), ERR_RTT(1));
	assert_int_equal(rmm_granule_state(f->rmm, rtt), GRANULE_DELEGATED);
}

/* ---- RTT_DESTROY: x1 = 0 on every error, x2 = 0 / top / ipa ---- */

static void destroy_input_conditions(void **state)
{
	struct fix *f = *state;
	struct smc_regs r;

	rt_tables(f, 0, 3);
	/* rd: x2 = 0 */
	assert_rmi(fail_call(f, RMI_FID_RTT_DESTROY, f->rtt[0], 0, 3, 0, 0, &r), ERR_INPUT);
	assert_int_equal(r.x[1], 0);
	assert_int_equal(r.x[2], 0);
	/* level_bound, addr_align, addr_bound: x2 = 0 even where a table exists */
	assert_rmi(fail_call(f, RMI_FID_RTT_DESTROY, f->rd, 0, 1, 0, 0, &r), ERR_INPUT);
	assert_int_equal(r.x[2], 0);
	assert_rmi(fail_call(f, RMI_FID_RTT_DESTROY, f->rd, 0, 4, 0, 0, &r), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_DESTROY, f->rd, 0, (1ULL << 32) | 3, 0, 0, &r), ERR_INPUT);
	assert_int_equal(r.x[2], 0);
	assert_rmi(fail_call(f, RMI_FID_RTT_DESTROY, f->rd, GRAN, 3, 0, 0, &r), ERR_INPUT);
	assert_int_equal(r.x[1], 0);
	assert_int_equal(r.x[2], 0);
	assert_rmi(fail_call(f, RMI_FID_RTT_DESTROY, f->rd, IPA_END, 3, 0, 0, &r), ERR_INPUT);
	assert_int_equal(r.x[2], 0);
	/* Order: a bad address where no table is (would be ERROR_RTT) is ERROR_INPUT. */
	assert_rmi(fail_call(f, RMI_FID_RTT_DESTROY, f->rd, GB1 + GRAN, 3, 0, 0, &r), ERR_INPUT);
	assert_int_equal(r.x[2], 0);
}

static void destroy_walk_and_live(void **state)
{
	struct fix *f = *state;
	uint64_t d = fix_alloc_delegated(f);
	struct smc_regs r;

	rt_tables(f, 0, 3);
	rt_tables(f, 4 * GB1, 2);
	/* rtt_walk: no level-2 table at 1 GiB: ERROR_RTT(1), x2 = the next live entry (4 GiB) */
	assert_rmi(fail_call(f, RMI_FID_RTT_DESTROY, f->rd, GB1, 3, 0, 0, &r), ERR_RTT(1));
	assert_int_equal(r.x[1], 0);
	assert_int_equal(r.x[2], 4 * GB1);
	/* parent entry not a table: level-2 table at 4 GiB has no level-3 child: ERROR_RTT(2) */
	assert_rmi(fail_call(f, RMI_FID_RTT_DESTROY, f->rd, 4 * GB1, 3, 0, 0, &r), ERR_RTT(2));
	assert_int_equal(r.x[1], 0);
	assert_int_equal(r.x[2], 5 * GB1);	/* end of that level-2 table */
	/* rtt_live: the level-3 table maps data: ERROR_RTT(3), x2 = ipa */
	assert_rmi(rt_v2_map(f, 0x5000, d, 1), 0);
	assert_rmi(fail_call(f, RMI_FID_RTT_DESTROY, f->rd, 0, 3, 0, 0, &r), ERR_RTT(3));
	assert_int_equal(r.x[1], 0);
	assert_int_equal(r.x[2], 0);
	/* the level-2 table holds a table: ERROR_RTT(2), x2 = ipa */
	assert_rmi(fail_call(f, RMI_FID_RTT_DESTROY, f->rd, 0, 2, 0, 0, &r), ERR_RTT(2));
	assert_int_equal(r.x[1], 0);
	assert_int_equal(r.x[2], 0);
}

/* ---- RTT_FOLD: x1 = 0 on every error ---- */

static void fold_conditions(void **state)
{
	struct fix *f = *state;
	uint64_t d = fix_alloc_delegated(f);
	struct smc_regs r;

	rt_tables(f, 0, 3);
	/* rd, level_bound, addr_align, addr_bound */
	assert_rmi(fail_call(f, RMI_FID_RTT_FOLD, f->rtt[1], 0, 3, 0, 0, &r), ERR_INPUT);
	assert_int_equal(r.x[1], 0);
	assert_rmi(fail_call(f, RMI_FID_RTT_FOLD, f->rd, 0, 1, 0, 0, &r), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_FOLD, f->rd, 0, 4, 0, 0, &r), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_FOLD, f->rd, 0, (uint64_t)INT64_MIN + 3, 0, 0, &r),
		   ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_FOLD, f->rd, GRAN, 3, 0, 0, &r), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_FOLD, f->rd, IPA_END, 3, 0, 0, &r), ERR_INPUT);
	/* Order: bad address where no table is: ERROR_INPUT, not ERROR_RTT */
	assert_rmi(fail_call(f, RMI_FID_RTT_FOLD, f->rd, GB1 + GRAN, 3, 0, 0, &r), ERR_INPUT);
	/* rtt_walk: no level-2 table: ERROR_RTT(1) */
	assert_rmi(fail_call(f, RMI_FID_RTT_FOLD, f->rd, GB1, 3, 0, 0, &r), ERR_RTT(1));
	assert_int_equal(r.x[1], 0);
	/* parent entry not a table: ERROR_RTT(level - 1) */
	assert_rmi(fail_call(f, RMI_FID_RTT_FOLD, f->rd, MB2, 3, 0, 0, &r), ERR_RTT(2));
	assert_int_equal(r.x[1], 0);
	/* refcount 0 but not uniform (one entry RAM): ERROR_RTT(level) */
	assert_rmi(rc(f, RMI_FID_RTT_INIT_RIPAS, f->rd, 0x3000, 0x4000, 0, 0, NULL), 0);
	assert_rmi(fail_call(f, RMI_FID_RTT_FOLD, f->rd, 0, 3, 0, 0, &r), ERR_RTT(3));
	assert_int_equal(r.x[1], 0);
	/* some live entries, not all: ERROR_RTT(level) */
	assert_rmi(rt_v2_map(f, 0x3000, d, 1), 0);
	assert_rmi(fail_call(f, RMI_FID_RTT_FOLD, f->rd, 0, 3, 0, 0, &r), ERR_RTT(3));
	assert_int_equal(r.x[1], 0);
}

/* 512 assigned pages that are contiguous but not 2 MiB aligned: no block. */
static void fold_full_table_not_a_block(void **state)
{
	struct fix *f = *state;
	uint64_t d;
	struct smc_regs r;

	f->next = ((f->next + MB2 - 1) & ~(MB2 - 1)) + GRAN;
	d = v2_delegated_run(f, 512);
	rt_tables(f, 0, 3);
	assert_rmi(rt_v2_map(f, 0, d, 512), 0);
	assert_int_equal(rmm_granule_refcount(f->rmm, rt_read(f, 0, 2).desc), 512);
	assert_rmi(fail_call(f, RMI_FID_RTT_FOLD, f->rd, 0, 3, 0, 0, &r), ERR_RTT(3));
	assert_int_equal(r.x[1], 0);
}

/* A full level-1 table (512 tables) cannot fold into a level-0 block: ERROR_RTT(0). */
static void fold_full_table_above_level_1(void **state)
{
	struct fix *f = *state;
	struct smc_regs r;

	assert_rmi(rt_create(f, 0, 1, NULL), 0);
	for (uint64_t i = 0; i < 512; i++)
		assert_rmi(rt_create(f, i * GB1, 2, NULL), 0);
	assert_int_equal(rmm_granule_refcount(f->rmm, rt_read(f, 0, 0).desc), 512);
	assert_rmi(fail_call(f, RMI_FID_RTT_FOLD, f->rd, 0, 1, 0, 0, &r), ERR_RTT(0));
	assert_int_equal(r.x[1], 0);
}

/* Unprotected 1 GiB blocks over an aligned 512 GiB: no level-0 NS block, ERROR_RTT(0). */
static void fold_ns_block_above_level_1(void **state)
{
	struct fix *f = *state;
	uint64_t flags = V2(ADDR_TYPE_SINGLE) | (6ULL << V2(UNPROT_MAP_FLAGS_MEMATTR_SHIFT)) |
			 ((uint64_t)(V2(S2AP_DIRECT_READ_MASK) | V2(S2AP_DIRECT_WRITE_MASK))
			  << V2(UNPROT_MAP_FLAGS_S2AP_SHIFT));
	struct smc_regs r;

	assert_rmi(rt_create(f, NS_IPA, 1, NULL), 0);
	assert_rmi(rc(f, RMI_FID_RTT_UNPROT_MAP, f->rd, NS_IPA, IPA_END, flags,
		      v2_desc_sized(0, V2(BLOCK_SIZE_L1), 512, true), &r), 0);
	assert_int_equal(r.x[1], IPA_END);
	assert_rmi(fail_call(f, RMI_FID_RTT_FOLD, f->rd, NS_IPA, 1, 0, 0, &r), ERR_RTT(0));
	assert_int_equal(r.x[1], 0);
	assert_int_equal(rt_read(f, NS_IPA + GB1, 1).walk_level, 1);
}

/* ---- RTT_READ_ENTRY ---- */

static void read_entry_conditions(void **state)
{
	struct fix *f = *state;
	struct smc_regs r;
	struct rt_entry e;

	/* rd, level_bound (start..3), addr_align, addr_bound: x1..x4 = 0 */
	assert_rmi(fail_call(f, RMI_FID_RTT_READ_ENTRY, fix_alloc_delegated(f), 0, 3, 0, 0, &r),
		   ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_READ_ENTRY, f->rd, 0, 0, 0, 0, &r), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_READ_ENTRY, f->rd, 0, 4, 0, 0, &r), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_READ_ENTRY, f->rd, 0, (1ULL << 32) | 3, 0, 0, &r),
		   ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_READ_ENTRY, f->rd, GRAN, 2, 0, 0, &r), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_READ_ENTRY, f->rd, IPA_END, 3, 0, 0, &r), ERR_INPUT);
	for (int i = 1; i <= 4; i++)
		assert_int_equal(r.x[i], 0);
	/* Never ERROR_RTT: the deepest entry reached (the root, level 1). */
	e = rt_read(f, 0x5000, 3);
	assert_rmi(e.x0, 0);
	assert_int_equal(e.walk_level, 1);
	assert_int_equal(e.state, RMI_RTT_ENTRY_STATE_UNASSIGNED);
	assert_int_equal(e.ripas, RMI_RIPAS_EMPTY);
	/* The start level is a valid level for entry commands. */
	assert_rmi(rt_read(f, 0, 1).x0, 0);
}

/* ---- RTT_INIT_RIPAS: x1 = 0 on every error ---- */

static void init_ripas_input_conditions(void **state)
{
	struct fix *f = *state;
	struct smc_regs r;

	rt_tables(f, 0, 3);
	/* size_valid (before the RD: a bad RD too is still ERROR_INPUT) */
	assert_rmi(fail_call(f, RMI_FID_RTT_INIT_RIPAS, f->rd, GRAN, GRAN, 0, 0, &r), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_INIT_RIPAS, f->rd, 2 * GRAN, GRAN, 0, 0, &r), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_INIT_RIPAS, 0, 2 * GRAN, GRAN, 0, 0, &r), ERR_INPUT);
	/* rd */
	assert_rmi(fail_call(f, RMI_FID_RTT_INIT_RIPAS, f->rtt[0], 0, GRAN, 0, 0, &r), ERR_INPUT);
	/* base/top align and bound, both ends in the PAR */
	assert_rmi(fail_call(f, RMI_FID_RTT_INIT_RIPAS, f->rd, 8, GRAN, 0, 0, &r), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_INIT_RIPAS, f->rd, 0, GRAN + 8, 0, 0, &r), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_INIT_RIPAS, f->rd, 0, IPA_END, 0, 0, &r), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_INIT_RIPAS, f->rd, NS_IPA, NS_IPA + GRAN, 0, 0, &r),
		   ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_INIT_RIPAS, f->rd, NS_IPA - GRAN, NS_IPA + GRAN, 0, 0, &r),
		   ERR_INPUT);
	assert_int_equal(r.x[1], 0);
	/* The whole PAR up to its last granule is valid (top == 2^39). */
	assert_rmi(rc(f, RMI_FID_RTT_INIT_RIPAS, f->rd, NS_IPA - GRAN, NS_IPA, 0, 0, &r), ERR_RTT(1));
}

static void init_ripas_realm_and_walk(void **state)
{
	struct fix *f = *state;
	uint64_t d = fix_alloc_delegated(f);
	struct smc_regs r;

	rt_tables(f, 0, 3);
	/* base not aligned to the entry the walk reaches (level 1, 1 GiB): ERROR_RTT(1) */
	assert_rmi(fail_call(f, RMI_FID_RTT_INIT_RIPAS, f->rd, GB1 + GRAN, GB1 + 2 * GRAN, 0, 0, &r),
		   ERR_RTT(1));
	assert_int_equal(r.x[1], 0);
	/* aligned, but the entry is larger than the range: no progress, ERROR_RTT(1) */
	assert_rmi(fail_call(f, RMI_FID_RTT_INIT_RIPAS, f->rd, GB1, GB1 + GRAN, 0, 0, &r), ERR_RTT(1));
	assert_int_equal(r.x[1], 0);
	/* first entry cannot change (assigned DESTROYED): ERROR_RTT(3) */
	rt_v2_assign(f, 0x2000, RMI_RIPAS_DESTROYED);
	assert_rmi(fail_call(f, RMI_FID_RTT_INIT_RIPAS, f->rd, 0x2000, 0x4000, 0, 0, &r), ERR_RTT(3));
	assert_int_equal(r.x[1], 0);
	/* it ends a range that started before it: SUCCESS, x1 = its IPA */
	assert_rmi(rc(f, RMI_FID_RTT_INIT_RIPAS, f->rd, 0, 0x4000, 0, 0, &r), 0);
	assert_int_equal(r.x[1], 0x2000);
	/* realm_state: ACTIVE -> ERROR_REALM, after the address checks, before the walk */
	assert_rmi(rt_v2_map(f, 0x8000, d, 1), 0);
	assert_rmi(rc(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), 0);
	assert_rmi(fail_call(f, RMI_FID_RTT_INIT_RIPAS, f->rd, 0x8000, 0x9000, 0, 0, &r), ERR_REALM);
	assert_int_equal(r.x[1], 0);
	assert_rmi(fail_call(f, RMI_FID_RTT_INIT_RIPAS, f->rd, GB1 + GRAN, GB1 + 2 * GRAN, 0, 0, &r),
		   ERR_REALM);
	assert_rmi(fail_call(f, RMI_FID_RTT_INIT_RIPAS, f->rd, NS_IPA, NS_IPA + GRAN, 0, 0, &r),
		   ERR_INPUT);
	assert_rmi(rc(f, RMI_FID_REALM_TERMINATE, f->rd, 0, 0, 0, 0, NULL), 0);
	assert_rmi(fail_call(f, RMI_FID_RTT_INIT_RIPAS, f->rd, 0x8000, 0x9000, 0, 0, &r), ERR_REALM);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, fix_teardown)
#define T0(fn) cmocka_unit_test_setup_teardown(fn, setup_l0, fix_teardown)

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		T(create_input_conditions),
		T(create_walk_conditions),
		T(destroy_input_conditions),
		T(destroy_walk_and_live),
		T(fold_conditions),
		T(fold_full_table_not_a_block),
		T0(fold_full_table_above_level_1),
		T0(fold_ns_block_above_level_1),
		T(read_entry_conditions),
		T(init_ripas_input_conditions),
		T(init_ripas_realm_and_walk),
	};

	return fix_run_v2_group("v2 conditions: rtt", tests, argc, argv);
}
