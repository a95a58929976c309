// SPDX-License-Identifier: BSD-3-Clause
/*
 * 1.0 failure conditions of DATA_CREATE, DATA_CREATE_UNKNOWN and
 * DATA_DESTROY (V1_CONDITIONS.md): each condition with fail_call() (exact
 * x0 / index, DATA_DESTROY's x1 / top, nothing changed — the data granule
 * still DELEGATED and zero, no RIM extension), and the earlier of two
 * conditions winning.
 */
#include "cond.h"

#include "realm.h"

#define GB1 (1ULL << 30)
#define IPA 0x5000ULL

static int setup(void **state)
{
	if (fix_setup_v1(state))
		return -1;
	rt_realm(*state);
	return 0;
}

static uint64_t create(struct fix *f, uint64_t rd, uint64_t data, uint64_t ipa, uint64_t src,
		       uint64_t flags)
{
	return fail_call(f, RMI_FID_DATA_CREATE, rd, data, ipa, src, flags, NULL);
}

static uint64_t unknown(struct fix *f, uint64_t rd, uint64_t data, uint64_t ipa)
{
	return fail_call(f, RMI_FID_DATA_CREATE_UNKNOWN, rd, data, ipa, 0, 0, NULL);
}

/* ---- DATA_CREATE ---- */

static void create_input_conditions(void **state)
{
	struct fix *f = *state;
	uint64_t data = fix_alloc_delegated(f), src = rt_src(f, 0xa5);
	uint64_t end = pmem_pa_base(f->pm) + pmem_ngranules(f->pm) * GRAN;

	rt_tables(f, IPA, 3);
	/* 1 flags_valid */
	assert_rmi(create(f, f->rd, data, IPA, src, 2), ERR_INPUT);
	assert_rmi(create(f, f->rd, data, IPA, src, ~0ULL), ERR_INPUT);
	/* 2 src_align, src_bound, src_pas (DELEGATED, the RD, an RTT) */
	assert_rmi(create(f, f->rd, data, IPA, src + 8, 0), ERR_INPUT);
	assert_rmi(create(f, f->rd, data, IPA, end, 0), ERR_INPUT);
	assert_rmi(create(f, f->rd, data, IPA, fix_alloc_delegated(f), 0), ERR_INPUT);
	assert_rmi(create(f, f->rd, data, IPA, f->rd, 0), ERR_INPUT);
	assert_rmi(create(f, f->rd, data, IPA, f->rtt[0], 0), ERR_INPUT);
	/* 3 data_align / data_state (NS, an RTT, the RD), rd_state, data == rd */
	assert_rmi(create(f, f->rd, data + 8, IPA, src, 0), ERR_INPUT);
	assert_rmi(create(f, f->rd, fix_alloc(f), IPA, src, 0), ERR_INPUT);
	assert_rmi(create(f, f->rd, f->rtt[0], IPA, src, 0), ERR_INPUT);
	assert_rmi(create(f, f->rd, f->rd, IPA, src, 0), ERR_INPUT);
	assert_rmi(create(f, f->rtt[0], data, IPA, src, 0), ERR_INPUT);
	assert_rmi(create(f, data, data, IPA, src, 0), ERR_INPUT);
	/* 5 map_addr_align, map_addr_bound, addr_protected */
	assert_rmi(create(f, f->rd, data, IPA + 0x800, src, 0), ERR_INPUT);
	assert_rmi(create(f, f->rd, data, IPA_END, src, 0), ERR_INPUT);
	assert_rmi(create(f, f->rd, data, NS_IPA, src, 0), ERR_INPUT);
	/* 7 rtt_walk: no level-2 table at 1 GiB, no level-3 table at 2 MiB */
	assert_rmi(create(f, f->rd, data, GB1, src, 0), ERR_RTT(1));
	assert_rmi(create(f, f->rd, data, MB2, src, 0), ERR_RTT(2));
	/* 8 rtte_state: assigned -> ERROR_RTT(3) */
	rt_data(f, IPA, 1, 0x11);
	assert_rmi(create(f, f->rd, data, IPA, src, 1), ERR_RTT(3));
	/* The granule stayed DELEGATED and zero (fail_call compared its contents). */
	assert_int_equal(rmm_granule_state(f->rmm, data), GRANULE_DELEGATED);
	assert_rmi(rc(f, RMI_FID_DATA_CREATE, f->rd, data, IPA + GRAN, src, 1, NULL), 0);
}

static void create_order(void **state)
{
	struct fix *f = *state;
	uint64_t data = fix_alloc_delegated(f), src = rt_src(f, 0xa5), ns = fix_alloc(f);

	/* 1 > 2: bad flags and src not NS */
	assert_rmi(create(f, f->rd, data, IPA, data, 2), ERR_INPUT);
	/* 2 > 4 and 3 > 4: src / data bad in an ACTIVE realm is ERROR_INPUT, not ERROR_REALM */
	assert_rmi(rc(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), 0);
	assert_rmi(create(f, f->rd, data, IPA, data, 0), ERR_INPUT);
	assert_rmi(create(f, f->rd, ns, IPA, src, 0), ERR_INPUT);
	/* 4 realm_state: ACTIVE; 4 > 5 (bad ipa) and 4 > 7 (no tables) */
	assert_rmi(create(f, f->rd, data, IPA, src, 0), ERR_REALM);
	assert_rmi(create(f, f->rd, data, NS_IPA, src, 0), ERR_REALM);
	assert_rmi(create(f, f->rd, data, IPA + 1, src, 0), ERR_REALM);
	/* SYSTEM_OFF (white-box: set by a realm PSCI call) */
	realm_of_rd(f->rmm, f->rd)->state = REALM_SYSTEM_OFF;
	assert_rmi(create(f, f->rd, data, IPA, src, 0), ERR_REALM);
}

static void create_order_ipa_before_walk(void **state)
{
	struct fix *f = *state;
	uint64_t data = fix_alloc_delegated(f), src = rt_src(f, 0xa5);

	/* 5 > 7: no tables anywhere, the address is still checked first */
	assert_rmi(create(f, f->rd, data, IPA + 0x10, src, 0), ERR_INPUT);
	assert_rmi(create(f, f->rd, data, NS_IPA + IPA, src, 0), ERR_INPUT);
	assert_rmi(create(f, f->rd, data, IPA, src, 0), ERR_RTT(1));
	/* 7 > 8 cannot both hold; 3 > 7: data not delegated where the walk stops */
	assert_rmi(create(f, f->rd, fix_alloc(f), IPA, src, 0), ERR_INPUT);
}

/* ---- DATA_CREATE_UNKNOWN ---- */

static void unknown_conditions(void **state)
{
	struct fix *f = *state;
	uint64_t data = fix_alloc_delegated(f);

	/* 1 data / rd */
	assert_rmi(unknown(f, f->rd, data + 8, IPA), ERR_INPUT);
	assert_rmi(unknown(f, f->rd, fix_alloc(f), IPA), ERR_INPUT);
	assert_rmi(unknown(f, f->rd, f->rd, IPA), ERR_INPUT);
	assert_rmi(unknown(f, f->rtt[1], data, IPA), ERR_INPUT);
	/* Order 1 > 2 */
	assert_rmi(unknown(f, f->rd, fix_alloc(f), NS_IPA), ERR_INPUT);
	/* 2 ipa; order 2 > 4 (no tables) */
	assert_rmi(unknown(f, f->rd, data, IPA + 0x800), ERR_INPUT);
	assert_rmi(unknown(f, f->rd, data, IPA_END), ERR_INPUT);
	assert_rmi(unknown(f, f->rd, data, NS_IPA), ERR_INPUT);
	/* 4 walk short */
	assert_rmi(unknown(f, f->rd, data, IPA), ERR_RTT(1));
	rt_tables(f, 0, 2);
	assert_rmi(unknown(f, f->rd, data, IPA), ERR_RTT(2));
	/* 5 entry assigned */
	rt_data_unknown(f, IPA);
	assert_rmi(unknown(f, f->rd, data, IPA), ERR_RTT(3));
	/* No realm-state condition: works in ACTIVE */
	assert_rmi(rc(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), 0);
	assert_rmi(rc(f, RMI_FID_DATA_CREATE_UNKNOWN, f->rd, data, IPA + GRAN, 0, 0, NULL), 0);
}

/* ---- DATA_DESTROY: x1 = 0 on every error; x2 = 0 (ERROR_INPUT) or top ---- */

static void destroy_conditions(void **state)
{
	struct fix *f = *state;
	struct smc_regs r;

	rt_tables(f, 0, 3);
	rt_data(f, 0x9000, 0, 0x22);
	/* 1 rd */
	assert_rmi(fail_call(f, RMI_FID_DATA_DESTROY, f->rtt[0], 0x9000, 0, 0, 0, &r), ERR_INPUT);
	assert_int_equal(r.x[1], 0);
	assert_int_equal(r.x[2], 0);
	/* 2 map_addr_align, map_addr_bound, addr_protected */
	assert_rmi(fail_call(f, RMI_FID_DATA_DESTROY, f->rd, 0x9800, 0, 0, 0, &r), ERR_INPUT);
	assert_int_equal(r.x[2], 0);
	assert_rmi(fail_call(f, RMI_FID_DATA_DESTROY, f->rd, IPA_END, 0, 0, 0, &r), ERR_INPUT);
	assert_int_equal(r.x[2], 0);
	assert_rmi(fail_call(f, RMI_FID_DATA_DESTROY, f->rd, NS_IPA, 0, 0, 0, &r), ERR_INPUT);
	assert_int_equal(r.x[1], 0);
	assert_int_equal(r.x[2], 0);
	/* Order 2 > 3: unaligned where no table is */
	assert_rmi(fail_call(f, RMI_FID_DATA_DESTROY, f->rd, GB1 + 8, 0, 0, 0, &r), ERR_INPUT);
	assert_int_equal(r.x[2], 0);
	/* 3 walk short: no level-3 table at 2 MiB -> ERROR_RTT(2), top = end of the L2 table */
	assert_rmi(fail_call(f, RMI_FID_DATA_DESTROY, f->rd, MB2, 0, 0, 0, &r), ERR_RTT(2));
	assert_int_equal(r.x[1], 0);
	assert_int_equal(r.x[2], GB1);
	/* 3 no level-2 table at 1 GiB -> ERROR_RTT(1), top = end of the first root table */
	assert_rmi(fail_call(f, RMI_FID_DATA_DESTROY, f->rd, GB1 + MB2, 0, 0, 0, &r), ERR_RTT(1));
	assert_int_equal(r.x[1], 0);
	assert_int_equal(r.x[2], 512 * GB1);
	/* 4 entry not assigned: ERROR_RTT(3), top = the next assigned page */
	assert_rmi(fail_call(f, RMI_FID_DATA_DESTROY, f->rd, 0x1000, 0, 0, 0, &r), ERR_RTT(3));
	assert_int_equal(r.x[1], 0);
	assert_int_equal(r.x[2], 0x9000);
	/* ... or the end of the table when none follows */
	assert_rmi(fail_call(f, RMI_FID_DATA_DESTROY, f->rd, 0xa000, 0, 0, 0, &r), ERR_RTT(3));
	assert_int_equal(r.x[2], MB2);
	/* Success: x1 = PA, x2 = top */
	assert_rmi(rc(f, RMI_FID_DATA_DESTROY, f->rd, 0x9000, 0, 0, 0, &r), 0);
	assert_int_equal(rmm_granule_state(f->rmm, r.x[1]), GRANULE_DELEGATED);
	assert_int_equal(r.x[2], MB2);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, fix_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(create_input_conditions),
		T(create_order),
		T(create_order_ipa_before_walk),
		T(unknown_conditions),
		T(destroy_conditions),
	};

	return cmocka_run_group_tests_name("v1 conditions: data", tests, NULL, NULL);
}
