// SPDX-License-Identifier: BSD-3-Clause
/*
 * Fault injection on the 1.0 profile: a forced failure answers the
 * results the real command gives when it fails without doing anything
 * (spec `on_failure`).  The teardown protocols read them: RTT_DESTROY's
 * top (the kernel's teardown walk: x2 == ipa means "live children, recurse"),
 * DATA_DESTROY's and RTT_UNMAP_UNPROTECTED's top (where to go on), and
 * VERSION's range on refusal.  An injected ERROR_RTT with top = 0 would be
 * an answer no RMM gives.
 */
#include <string.h>

#include <cca-double/fault.h>

#include "fault_compare.h"
#include "rtt_fixture.h"

#define NS_BASE (1ULL << 39)	/* first unprotected IPA of the default realm */
#define NS_DESC(pa) ((pa) | (5ULL << 2) | (3ULL << 6))	/* MemAttr 0b101, S2AP RW */

static int setup(void **state)
{
	if (fix_setup_v1(state))
		return -1;
	rt_realm(*state);
	return 0;
}

static void forced_failures_look_like_real_ones(void **state)
{
	struct fix *f = *state;
	struct fault_compare_log log = { 0 };
	uint64_t blk = 4 * L2_SIZE, base;

	/* VERSION of a revision it does not speak: x1, x2 the one it does. */
	fault_compare_forced_real(f, "VERSION", RMI_FID_VERSION, (uint64_t[]){ 0x20000, 0, 0, 0, 0 },
				  RMI_STATUS_ERROR_INPUT, &log);
	/* RTT_DESTROY of a table with a live child table: ERROR_RTT(2), top = ipa. */
	rt_tables(f, L1_SIZE, 3);
	fault_compare_forced_real(f, "RTT_DESTROY", RMI_FID_RTT_DESTROY,
				  (uint64_t[]){ f->rd, L1_SIZE, 2, 0, 0 }, RET(RMI_STATUS_ERROR_RTT, 2), &log);
	/* DATA_DESTROY inside a level-2 block: ERROR_RTT(2), top = ipa (live). */
	f->next = (f->next + L2_SIZE - 1) & ~(L2_SIZE - 1);
	base = f->next;
	for (unsigned int i = 0; i < 512; i++)
		fix_alloc_delegated(f);
	rt_tables(f, blk, 3);
	for (unsigned int i = 0; i < 512; i++)
		assert_rmi(fix_call(f, RMI_FID_DATA_CREATE_UNKNOWN, f->rd, base + i * GRAN,
				    blk + i * GRAN, 0, 0, NULL), 0);
	assert_rmi(rc(f, RMI_FID_RTT_FOLD, f->rd, blk, 3, 0, 0, NULL), 0);
	fault_compare_forced_real(f, "DATA_DESTROY", RMI_FID_DATA_DESTROY,
				  (uint64_t[]){ f->rd, blk + 0x3000, 0, 0, 0 }, RET(RMI_STATUS_ERROR_RTT, 2), &log);
	/* RTT_UNMAP_UNPROTECTED at level 3 inside a level-2 NS block: ERROR_RTT(2), top = ipa. */
	rt_tables(f, NS_BASE, 2);
	assert_rmi(rc(f, RMI_FID_RTT_MAP_UNPROTECTED, f->rd, NS_BASE + L2_SIZE, 2, NS_DESC(0), 0,
		      NULL), 0);
	fault_compare_forced_real(f, "RTT_UNMAP_UNPROTECTED", RMI_FID_RTT_UNMAP_UNPROTECTED,
				  (uint64_t[]){ f->rd, NS_BASE + L2_SIZE, 3, 0, 0 },
				  RET(RMI_STATUS_ERROR_RTT, 2), &log);
	fault_compare_assert_all(f, &log);
}

/*
 * The teardown walk's protocol on a forced RTT_DESTROY ERROR_RTT(level):
 * top == ipa (live children, recurse), as the real RMM answers; and
 * ERROR_INPUT leaves top 0 (TF-RMM: x2 = 0), as the real one does.
 */
static void forced_rtt_destroy_top(void **state)
{
	struct fix *f = *state;
	struct fault_plan *plan = fault_plan_new();
	struct fault_rule rule = { .command = "RTT_DESTROY", .iface = ABI_RMI, .action = FAULT_RETURN,
				   .status = RMI_STATUS_ERROR_RTT, .index = 2, .nth = 1 };
	struct smc_regs r;
	char err[160];

	rt_tables(f, L1_SIZE, 2);
	assert_int_equal(fault_plan_add(plan, rmm_profile(f->rmm), &rule, err, sizeof(err), NULL, 0), 0);
	rule.status = RMI_STATUS_ERROR_INPUT;
	rule.index = 0;
	rule.nth = 2;
	assert_int_equal(fault_plan_add(plan, rmm_profile(f->rmm), &rule, err, sizeof(err), NULL, 0), 0);
	rmm_set_faults(f->rmm, plan);
	assert_rmi(rc(f, RMI_FID_RTT_DESTROY, f->rd, L1_SIZE, 2, 0, 0, &r), RET(RMI_STATUS_ERROR_RTT, 2));
	assert_int_equal(r.x[1], 0);
	assert_int_equal(r.x[2], L1_SIZE);
	assert_rmi(rc(f, RMI_FID_RTT_DESTROY, f->rd, L1_SIZE, 2, 0, 0, &r), RMI_STATUS_ERROR_INPUT);
	assert_int_equal(r.x[2], 0);
	/* The table is still there: the third call runs and destroys it. */
	assert_rmi(rc(f, RMI_FID_RTT_DESTROY, f->rd, L1_SIZE, 2, 0, 0, &r), 0);
	assert_int_not_equal(r.x[1], 0);
	rmm_set_faults(f->rmm, NULL);
	fault_plan_free(plan);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(forced_failures_look_like_real_ones, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(forced_rtt_destroy_top, setup, fix_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
