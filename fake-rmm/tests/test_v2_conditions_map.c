// SPDX-License-Identifier: BSD-3-Clause
/*
 * 2.0-bet1 failure conditions of RTT_DATA_MAP_INIT, RTT_DATA_MAP,
 * RTT_DATA_UNMAP, RTT_UNPROT_MAP and RTT_UNPROT_UNMAP (V2_CONDITIONS.md):
 * pairs of conditions where the earlier must win (order of TF-RMM main
 * runtime/rmi/rtt_map.c, rtt_unmap.c), the PA-width checks, exact x0 and
 * outputs (x1 = 0 on a failed map; x2 / x3 = 0 on a failed unmap),
 * nothing changed on failure.
 */
#include "v2_cond.h"

#define GB1 (1ULL << 30)
#define PA48 (1ULL << 48)
#define SINGLE V2(ADDR_TYPE_SINGLE)
#define LIST(n) (V2(ADDR_TYPE_LIST) | ((uint64_t)(n) << V2(MAP_FLAGS_LIST_COUNT_SHIFT)))
#define RW ((uint64_t)(V2(S2AP_DIRECT_READ_MASK) | V2(S2AP_DIRECT_WRITE_MASK)))
#define UNPROT(type, memattr, s2ap) \
	((uint64_t)(type) | ((uint64_t)(memattr) << V2(UNPROT_MAP_FLAGS_MEMATTR_SHIFT)) | \
	 ((uint64_t)(s2ap) << V2(UNPROT_MAP_FLAGS_S2AP_SHIFT)))

static int setup(void **state)
{
	if (fix_setup_v2(state))
		return -1;
	rt_v2_realm(*state, 40, 1, 2);
	return 0;
}

static uint64_t map_fail(struct fix *f, uint64_t base, uint64_t top, uint64_t flags,
			 uint64_t oaddr)
{
	struct smc_regs r;
	uint64_t x0 = fail_call(f, RMI_FID_RTT_DATA_MAP, f->rd, base, top, flags, oaddr, &r);

	assert_int_equal(r.x[1], 0);
	return x0;
}

static uint64_t unprot_fail(struct fix *f, uint64_t base, uint64_t top, uint64_t flags,
			    uint64_t oaddr)
{
	struct smc_regs r;
	uint64_t x0 = fail_call(f, RMI_FID_RTT_UNPROT_MAP, f->rd, base, top, flags, oaddr, &r);

	assert_int_equal(r.x[1], 0);
	return x0;
}

/* x2 and x3 are 0 on any failed unmap; x1 is returned. */
static uint64_t unmap_fail(struct fix *f, uint32_t fid, uint64_t base, uint64_t top,
			   uint64_t flags, uint64_t oaddr, uint64_t *x1)
{
	struct smc_regs r;
	uint64_t x0 = fail_call(f, fid, f->rd, base, top, flags, oaddr, &r);

	assert_int_equal(r.x[2], 0);
	assert_int_equal(r.x[3], 0);
	*x1 = r.x[1];
	return x0;
}

/* ---- RTT_DATA_MAP_INIT ---- */

static void data_map_init_order(void **state)
{
	struct fix *f = *state;
	uint64_t src = rt_src(f, 1), data = fix_alloc_delegated(f), ipa = 0x3000;

	/* flags, data == rd, src come before the RD and the realm state */
	assert_rmi(fail_call(f, RMI_FID_RTT_DATA_MAP_INIT, f->rtt[0], data, ipa, src, 5, NULL),
		   ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_DATA_MAP_INIT, data, data, ipa, src, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_DATA_MAP_INIT, f->rd, data, ipa, src + 8, 0, NULL),
		   ERR_INPUT);
	/* data_bound: a PA of 2^48 without LPA2 is refused before the walk (no table: not ERROR_RTT) */
	assert_rmi(fail_call(f, RMI_FID_RTT_DATA_MAP_INIT, f->rd, PA48, ipa, src, 0, NULL), ERR_INPUT);
	rt_tables(f, ipa, 3);
	assert_rmi(rc(f, RMI_FID_RTT_DATA_MAP_INIT, f->rd, data, ipa, src, 0, NULL), 0);
	/* ... and before the entry state (mapped: not ERROR_RTT(3)) */
	assert_rmi(fail_call(f, RMI_FID_RTT_DATA_MAP_INIT, f->rd, PA48, ipa, src, 0, NULL), ERR_INPUT);
	/* rtte_state before data_state: mapped entry + NS data -> ERROR_RTT(3) */
	assert_rmi(fail_call(f, RMI_FID_RTT_DATA_MAP_INIT, f->rd, fix_alloc(f), ipa, src, 0, NULL),
		   ERR_RTT(3));
	/* realm_state: ZOMBIE is not NEW; still after flags / src / rd */
	assert_rmi(rc(f, RMI_FID_REALM_TERMINATE, f->rd, 0, 0, 0, 0, NULL), 0);
	assert_rmi(fail_call(f, RMI_FID_RTT_DATA_MAP_INIT, f->rd, fix_alloc_delegated(f), ipa + GRAN,
			     src, 0, NULL), ERR_REALM);
	assert_rmi(fail_call(f, RMI_FID_RTT_DATA_MAP_INIT, f->rd, fix_alloc_delegated(f), ipa + GRAN,
			     src, 2, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_DATA_MAP_INIT, f->rd, fix_alloc_delegated(f), ipa + GRAN,
			     fix_alloc_delegated(f), 0, NULL), ERR_INPUT);
}

/* ---- RTT_DATA_MAP ---- */

static void data_map_order_arguments(void **state)
{
	struct fix *f = *state;
	uint64_t d = v2_delegated_run(f, 2), desc = v2_desc(d, 1, false);

	rt_tables(f, 0, 3);
	/* rd before everything */
	assert_rmi(fail_call(f, RMI_FID_RTT_DATA_MAP, d, 0, 0, 3, 0, NULL), ERR_INPUT);
	/* the undelegated first descriptor before the range checks / the short range */
	assert_rmi(map_fail(f, 0, GRAN, SINGLE, v2_desc_sized(0, 1, 1, true)), ERR_INPUT);
	/* base not aligned to the block before the short-range ERROR_RTT */
	assert_rmi(map_fail(f, GRAN, 2 * GRAN, SINGLE, v2_desc_sized(0, 1, 1, false)), ERR_INPUT);
	/* the short range before the walk: no level-2 table at 1 GiB, still ERROR_RTT(2) */
	assert_rmi(map_fail(f, GB1, GB1 + GRAN, SINGLE, v2_desc_sized(0, 1, 1, false)), ERR_RTT(2));
	/* the walk before the blocks: no level-3 table, an NS block -> ERROR_RTT(2) */
	assert_rmi(map_fail(f, MB2, MB2 + GRAN, SINGLE, v2_desc(fix_alloc(f), 1, false)), ERR_RTT(2));
	/* realm_state before top <= base and a bad output-address type */
	assert_rmi(rc(f, RMI_FID_REALM_TERMINATE, f->rd, 0, 0, 0, 0, NULL), 0);
	assert_rmi(map_fail(f, GRAN, GRAN, 3, desc), ERR_REALM);
	assert_rmi(map_fail(f, 0, GRAN, SINGLE, desc), ERR_REALM);
}

static void data_map_order_blocks(void **state)
{
	struct fix *f = *state;
	uint64_t d = v2_delegated_run(f, 2), other = fix_alloc_delegated(f);

	rt_tables(f, 0, 3);
	assert_rmi(rt_v2_map(f, 0, d, 1), 0);
	/* PA width (2^48) before the entry state: mapped entry -> ERROR_INPUT, not ERROR_RTT(3) */
	assert_rmi(map_fail(f, 0, GRAN, SINGLE, v2_desc(PA48, 1, false)), ERR_INPUT);
	assert_rmi(map_fail(f, 0, GRAN, SINGLE, v2_desc(PA48 - GRAN, 1, false)), ERR_RTT(3));
	/* the entry before the granule: mapped elsewhere + an NS block -> ERROR_RTT(3) */
	assert_rmi(map_fail(f, 0, GRAN, SINGLE, v2_desc(fix_alloc(f), 1, false)), ERR_RTT(3));
	assert_rmi(map_fail(f, 0, GRAN, SINGLE, v2_desc(other, 1, false)), ERR_RTT(3));
	/* the same PA again is no change and SUCCESS */
	assert_rmi(rt_v2_map(f, 0, d, 1), 0);
	/* an unmapped entry + a granule that is not DELEGATED: ERROR_INPUT */
	assert_rmi(map_fail(f, GRAN, 2 * GRAN, SINGLE, v2_desc(fix_alloc(f), 1, false)), ERR_INPUT);
	assert_rmi(map_fail(f, GRAN, 2 * GRAN, SINGLE, v2_desc(f->rtt[0], 1, false)), ERR_INPUT);
	/* PA alignment before the entry state: a 2 MiB block over the level-3 table */
	assert_rmi(map_fail(f, 0, MB2, SINGLE, v2_desc_sized(MB2 + GRAN, 1, 1, false)), ERR_INPUT);
	assert_rmi(map_fail(f, 0, MB2, SINGLE, v2_desc_sized(MB2, 1, 1, false)), ERR_RTT(2));
	/* a 2 MiB block that ends past 2^48 */
	assert_rmi(map_fail(f, 4 * MB2, 5 * MB2, SINGLE, v2_desc_sized(PA48, 1, 1, false)), ERR_INPUT);
	assert_int_equal(rmm_granules_in_state(f->rmm, GRANULE_DATA), 1);
}

/* ---- RTT_DATA_UNMAP ---- */

static void data_unmap_order(void **state)
{
	struct fix *f = *state;
	uint64_t d = fix_alloc_delegated(f), list = fix_alloc(f), x1;

	rt_tables(f, 0, 3);
	assert_rmi(rt_v2_map(f, 0x4000, d, 1), 0);
	/* rd */
	assert_rmi(fail_call(f, RMI_FID_RTT_DATA_UNMAP, list, 0x4000, 0x5000, SINGLE, 0, NULL),
		   ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_DATA_UNMAP, d, 0x4000, 0x5000, SINGLE, 0, NULL), ERR_INPUT);
	/* the arguments before the walk: nothing mapped at 0 would be ERROR_RTT(3) */
	assert_rmi(unmap_fail(f, RMI_FID_RTT_DATA_UNMAP, 0, 8, SINGLE, 0, &x1), ERR_INPUT);
	assert_rmi(unmap_fail(f, RMI_FID_RTT_DATA_UNMAP, 0, NS_IPA + GRAN, SINGLE, 0, &x1), ERR_INPUT);
	assert_rmi(unmap_fail(f, RMI_FID_RTT_DATA_UNMAP, 0, GRAN, SINGLE, list, &x1), ERR_INPUT);
	assert_rmi(unmap_fail(f, RMI_FID_RTT_DATA_UNMAP, 0, GRAN, LIST(1), list + 4, &x1), ERR_INPUT);
	assert_rmi(unmap_fail(f, RMI_FID_RTT_DATA_UNMAP, 0, GRAN, LIST(1), d, &x1), ERR_INPUT);
	assert_int_equal(x1, 0);
	/* the output address is checked even where something is mapped */
	assert_rmi(unmap_fail(f, RMI_FID_RTT_DATA_UNMAP, 0x4000, 0x5000, LIST(0), list, &x1),
		   ERR_INPUT);
	assert_rmi(unmap_fail(f, RMI_FID_RTT_DATA_UNMAP, 0x4000, 0x5000, 3, 0, &x1), ERR_INPUT);
	/*
	 * first entry not mapped: ERROR_RTT(3), x1 = the next mapped IPA,
	 * x2 = x3 = 0; where results are defined on SUCCESS only, skipped:
	 * SUCCESS with x1 = there and nothing unmapped (TF-RMM main)
	 */
	assert_rmi(unmap_fail(f, RMI_FID_RTT_DATA_UNMAP, 0, 0x4000, LIST(4), list, &x1),
		   v2_unmap_nothing_x0("RTT_DATA_UNMAP", 3));
	assert_int_equal(x1, 0x4000);
	assert_int_equal(*(uint64_t *)pmem_host_ptr(f->pm, list), 0);
	/* nothing mapped to the end of the table: x1 = the end of the table (skipped: top) */
	assert_rmi(unmap_fail(f, RMI_FID_RTT_DATA_UNMAP, 0x5000, 0x8000, SINGLE, 0, &x1),
		   v2_unmap_nothing_x0("RTT_DATA_UNMAP", 3));
	assert_int_equal(x1, v2_unmap_skips_unmapped("RTT_DATA_UNMAP") ? 0x8000 : MB2);
	/* no level-3 table: ERROR_RTT(2) at the walk's level */
	assert_rmi(unmap_fail(f, RMI_FID_RTT_DATA_UNMAP, MB2, MB2 + GRAN, SINGLE, 0, &x1),
		   v2_unmap_nothing_x0("RTT_DATA_UNMAP", 2));
	assert_true(v2_unmap_next("RTT_DATA_UNMAP", MB2, ERR_RTT(2), x1) > MB2);
	/* Any realm state: after REALM_TERMINATE the mapping still goes. */
	assert_rmi(rc(f, RMI_FID_REALM_TERMINATE, f->rd, 0, 0, 0, 0, NULL), 0);
	assert_rmi(rc(f, RMI_FID_RTT_DATA_UNMAP, f->rd, 0x4000, 0x5000, SINGLE, 0, NULL), 0);
	assert_int_equal(rmm_granule_state(f->rmm, d), GRANULE_DELEGATED);
}

/* ---- RTT_UNPROT_MAP ---- */

static void unprot_map_order(void **state)
{
	struct fix *f = *state;
	uint64_t ns = fix_alloc(f), desc = v2_desc(ns, 1, true), flags = UNPROT(SINGLE, 6, RW);

	/* rd */
	assert_rmi(fail_call(f, RMI_FID_RTT_UNPROT_MAP, ns, NS_IPA, NS_IPA + GRAN, flags, desc, NULL),
		   ERR_INPUT);
	/* S2AP reserved bits (ERROR_INPUT) before the walk (no table: ERROR_RTT(1)) */
	assert_rmi(unprot_fail(f, NS_IPA, NS_IPA + GRAN, UNPROT(SINGLE, 6, 8 | RW), desc), ERR_INPUT);
	/* the reserved MemAttr is a per-entry check, after the walk */
	assert_rmi(unprot_fail(f, NS_IPA, NS_IPA + GRAN, UNPROT(SINGLE, 4, RW), desc), ERR_RTT(1));
	/* PA width is a per-block check, after the walk (no table: ERROR_RTT(1)) */
	assert_rmi(unprot_fail(f, NS_IPA, NS_IPA + GRAN, flags, v2_desc(PA48, 1, true)), ERR_RTT(1));
	rt_tables(f, NS_IPA, 3);
	assert_rmi(unprot_fail(f, NS_IPA, NS_IPA + GRAN, UNPROT(SINGLE, 4, RW), desc), ERR_INPUT);
	/* PA width: a page at 2^48 (and a 2 MiB block at 2^48) without LPA2 */
	assert_rmi(unprot_fail(f, NS_IPA, NS_IPA + GRAN, flags, v2_desc(PA48, 1, true)), ERR_INPUT);
	assert_rmi(unprot_fail(f, NS_IPA + MB2, NS_IPA + 2 * MB2, flags,
			       v2_desc_sized(PA48, 1, 1, true)), ERR_INPUT);
	assert_rmi(rc(f, RMI_FID_RTT_UNPROT_MAP, f->rd, NS_IPA, NS_IPA + GRAN, flags,
		      v2_desc(PA48 - GRAN, 1, true), NULL), 0);
	/* mapped to another PA: ERROR_RTT(3) */
	assert_rmi(unprot_fail(f, NS_IPA, NS_IPA + GRAN, flags, desc), ERR_RTT(3));
	/* the PAR side, a range across the PAR edge: ERROR_INPUT */
	assert_rmi(unprot_fail(f, NS_IPA - GRAN, NS_IPA + GRAN, flags, desc), ERR_INPUT);
	/* realm_state before top <= base */
	assert_rmi(rc(f, RMI_FID_REALM_TERMINATE, f->rd, 0, 0, 0, 0, NULL), 0);
	assert_rmi(unprot_fail(f, NS_IPA + GRAN, NS_IPA + GRAN, flags, desc), ERR_REALM);
	assert_rmi(unprot_fail(f, NS_IPA + GRAN, NS_IPA + 2 * GRAN, flags, desc), ERR_REALM);
}

/* ---- RTT_UNPROT_UNMAP ---- */

static void unprot_unmap_order(void **state)
{
	struct fix *f = *state;
	uint64_t ns = fix_alloc(f), list = fix_alloc(f), x1;

	rt_tables(f, NS_IPA, 3);
	assert_rmi(rc(f, RMI_FID_RTT_UNPROT_MAP, f->rd, NS_IPA + 4 * GRAN, NS_IPA + 5 * GRAN,
		      UNPROT(SINGLE, 6, RW), v2_desc(ns, 1, true), NULL), 0);
	assert_rmi(unmap_fail(f, RMI_FID_RTT_UNPROT_UNMAP, NS_IPA, NS_IPA + GRAN, 0, 0, &x1),
		   v2_unmap_nothing_x0("RTT_UNPROT_UNMAP", 3));
	assert_int_equal(x1, v2_unmap_skips_unmapped("RTT_UNPROT_UNMAP") ? NS_IPA + GRAN :
							       NS_IPA + 4 * GRAN);
	/* rd, alignment, bound, side, output address: ERROR_INPUT before that answer */
	assert_rmi(fail_call(f, RMI_FID_RTT_UNPROT_UNMAP, ns, NS_IPA, NS_IPA + GRAN, 0, 0, NULL),
		   ERR_INPUT);
	assert_rmi(unmap_fail(f, RMI_FID_RTT_UNPROT_UNMAP, NS_IPA + 8, NS_IPA + GRAN, 0, 0, &x1),
		   ERR_INPUT);
	assert_rmi(unmap_fail(f, RMI_FID_RTT_UNPROT_UNMAP, NS_IPA, IPA_END + GRAN, 0, 0, &x1),
		   ERR_INPUT);
	assert_rmi(unmap_fail(f, RMI_FID_RTT_UNPROT_UNMAP, NS_IPA - GRAN, NS_IPA + GRAN, 0, 0, &x1),
		   ERR_INPUT);
	assert_rmi(unmap_fail(f, RMI_FID_RTT_UNPROT_UNMAP, NS_IPA, NS_IPA + GRAN, 0, list, &x1),
		   ERR_INPUT);
	assert_rmi(unmap_fail(f, RMI_FID_RTT_UNPROT_UNMAP, NS_IPA, NS_IPA + GRAN, LIST(1),
			      fix_alloc_delegated(f), &x1), ERR_INPUT);
	assert_int_equal(x1, 0);
	/* A protected (DATA) mapping is not what UNPROT_UNMAP unmaps, and vice versa. */
	rt_tables(f, 0, 3);
	assert_rmi(rt_v2_map(f, 0, fix_alloc_delegated(f), 1), 0);
	assert_rmi(unmap_fail(f, RMI_FID_RTT_UNPROT_UNMAP, 0, GRAN, 0, 0, &x1), ERR_INPUT);
	assert_rmi(unmap_fail(f, RMI_FID_RTT_DATA_UNMAP, NS_IPA + 4 * GRAN, NS_IPA + 5 * GRAN,
			      SINGLE, 0, &x1), ERR_INPUT);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, fix_teardown)

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		T(data_map_init_order),
		T(data_map_order_arguments),
		T(data_map_order_blocks),
		T(data_unmap_order),
		T(unprot_map_order),
		T(unprot_unmap_order),
	};

	return fix_run_v2_group("v2 conditions: map", tests, argc, argv);
}
