// SPDX-License-Identifier: BSD-3-Clause
/*
 * 2.0-bet1 failure conditions of GRANULE_RANGE_DELEGATE / UNDELEGATE,
 * RMM_CONFIG_SET / GET and GRANULE_TRACKING_GET (V2_CONDITIONS.md): the
 * conditions test_v2_boot.c does not reach, x1 on every error, the 1 GiB
 * tracking-region stop, nothing changed on failure.
 */
#include "v2_cond.h"

#include "rmm_internal.h"

#define GB1 (1ULL << 30)

static int setup(void **state)
{
	return fix_setup_v2(state);
}

/* An activated RMM whose arena straddles the 1 GiB boundary at 1 TiB. */
static int setup_straddle(void **state)
{
	struct pmem_config pc = { .size = 32ULL << 20, .pa_base = (1ULL << 40) - (16ULL << 20) };

	return fix_setup_with(state, fix_v2_profile, &pc, true);
}

static uint64_t arena_top(struct fix *f)
{
	return pmem_pa_base(f->pm) + pmem_size(f->pm);
}

static void range_conditions(void **state)
{
	struct fix *f = *state;
	uint64_t b = fix_alloc(f), rtt_base, x1;
	struct smc_regs r;

	fix_alloc(f);
	/* top <= base with a base near the top of the address space: no wrap, x1 = base */
	assert_rmi(fail_call(f, RMI_FID_GRANULE_RANGE_DELEGATE, ~0ULL & ~(GRAN - 1), 0, 0, 0, 0, &r),
		   ERR_INPUT);
	assert_int_equal(r.x[1], ~0ULL & ~(GRAN - 1));
	assert_rmi(fail_call(f, RMI_FID_GRANULE_RANGE_UNDELEGATE, b + 1, b + 2, 0, 0, 0, &r),
		   ERR_INPUT);
	assert_int_equal(r.x[1], b + 1);
	/* the first granule not DELEGATED for UNDELEGATE: an RD, a root RTT */
	rt_v2_realm(f, 40, 1, 2);
	rtt_base = f->rtt[0];
	assert_rmi(fail_call(f, RMI_FID_GRANULE_RANGE_UNDELEGATE, f->rd, f->rd + GRAN, 0, 0, 0, &r),
		   ERR_INPUT);
	assert_int_equal(r.x[1], f->rd);
	assert_rmi(fail_call(f, RMI_FID_GRANULE_RANGE_UNDELEGATE, rtt_base, rtt_base + 2 * GRAN, 0,
			     0, 0, &r), ERR_INPUT);
	assert_int_equal(r.x[1], rtt_base);
	/* the first granule not NS for DELEGATE */
	assert_rmi(fail_call(f, RMI_FID_GRANULE_RANGE_DELEGATE, f->rd, f->rd + GRAN, 0, 0, 0, &r),
		   ERR_INPUT);
	assert_int_equal(r.x[1], f->rd);
	/* a later untracked granule ends the call early: SUCCESS, x1 = the arena's top */
	x1 = arena_top(f) - GRAN;
	assert_rmi(rc(f, RMI_FID_GRANULE_RANGE_DELEGATE, x1, x1 + 4 * GRAN, 0, 0, 0, &r), 0);
	assert_int_equal(r.x[1], arena_top(f));
	assert_int_equal(rmm_granule_state(f->rmm, x1), GRANULE_DELEGATED);
	/* a later granule in the wrong state (an RTT) ends it too */
	x1 = v2_delegated_run(f, 2);
	assert_rmi(rc(f, RMI_FID_RTT_CREATE, f->rd, x1 + GRAN, 0, 2, 0, NULL), 0);
	assert_rmi(rc(f, RMI_FID_GRANULE_RANGE_UNDELEGATE, x1, x1 + 2 * GRAN, 0, 0, 0, &r), 0);
	assert_int_equal(r.x[1], x1 + GRAN);
	assert_int_equal(rmm_granule_state(f->rmm, x1), GRANULE_NS);
	assert_int_equal(rmm_granule_state(f->rmm, x1 + GRAN), GRANULE_RTT);
}

/* A call stops at the end of a 1 GiB tracking region: SUCCESS, x1 = the boundary. */
static void range_stops_at_tracking_region(void **state)
{
	struct fix *f = *state;
	uint64_t edge = 1ULL << 40;
	struct smc_regs r;

	assert_rmi(rc(f, RMI_FID_GRANULE_RANGE_DELEGATE, edge - 2 * GRAN, edge + 2 * GRAN, 0, 0, 0,
		      &r), 0);
	assert_int_equal(r.x[1], edge);
	assert_int_equal(rmm_granule_state(f->rmm, edge), GRANULE_NS);
	assert_rmi(rc(f, RMI_FID_GRANULE_RANGE_DELEGATE, edge, edge + 2 * GRAN, 0, 0, 0, &r), 0);
	assert_int_equal(r.x[1], edge + 2 * GRAN);
	assert_rmi(rc(f, RMI_FID_GRANULE_RANGE_UNDELEGATE, edge - 2 * GRAN, edge + 2 * GRAN, 0, 0, 0,
		      &r), 0);
	assert_int_equal(r.x[1], edge);
	assert_rmi(fail_call(f, RMI_FID_GRANULE_RANGE_DELEGATE, edge, edge + GRAN, 0, 0, 0, &r),
		   ERR_INPUT);
	assert_int_equal(r.x[1], edge);
}

static void config_and_tracking_conditions(void **state)
{
	struct fix *f = *state;
	uint64_t del = fix_alloc_delegated(f), b = pmem_pa_base(f->pm);
	struct smc_regs r;

	/* config_pas: a delegated page is neither read nor written */
	assert_rmi(fail_call(f, RMI_FID_RMM_CONFIG_GET, del, 0, 0, 0, 0, &r), ERR_INPUT);
	/* (RMM_CONFIG_SET after activation is ERROR_GLOBAL first: test_v2_boot.c) */
	assert_rmi(fail_call(f, RMI_FID_RMM_CONFIG_SET, del, 0, 0, 0, 0, &r), ERR_GLOBAL);
	/* GRANULE_TRACKING_GET errors: x1..x3 = 0 */
	assert_rmi(fail_call(f, RMI_FID_GRANULE_TRACKING_GET, 1ULL << 48, (1ULL << 48) + GRAN, 0, 0,
			     0, &r), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_GRANULE_TRACKING_GET, b, b + GRAN - 1, 0, 0, 0, &r), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_GRANULE_TRACKING_GET, b + GRAN, b + 8, 0, 0, 0, &r), ERR_INPUT);
	for (int i = 1; i <= 3; i++)
		assert_int_equal(r.x[i], 0);
}

/* RMM_CONFIG_SET before activation: a page that is not NS. */
static void config_set_not_ns(void **state)
{
	struct fix *f = *state;
	struct pmem_config pc = { .size = 4ULL << 20 };
	struct rmm_config cfg = { .profile = fix_v2_profile };
	char err[256];
	uint64_t pa, rtt;

	/* An RMM in its INIT state, with one realm-PAS granule made by hand (white-box). */
	rmm_destroy(f->rmm);
	pmem_destroy(f->pm);
	f->pm = pmem_create(&pc, err, sizeof(err));
	assert_non_null(f->pm);
	cfg.pmem = f->pm;
	f->rmm = rmm_create(&cfg, err, sizeof(err));
	assert_non_null(f->rmm);
	f->next = pmem_pa_base(f->pm);
	pa = fix_alloc(f);
	rtt = fix_alloc(f);
	granule_at(f->rmm, rtt)->state = GRANULE_DELEGATED;
	assert_rmi(fix_call(f, RMI_FID_RMM_CONFIG_SET, rtt, 0, 0, 0, 0, NULL), ERR_INPUT);
	assert_rmi(fix_call(f, RMI_FID_RMM_CONFIG_GET, rtt, 0, 0, 0, 0, NULL), ERR_INPUT);
	granule_at(f->rmm, rtt)->state = GRANULE_NS;
	assert_rmi(fix_call(f, RMI_FID_RMM_CONFIG_SET, pa, 0, 0, 0, 0, NULL), 0);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(range_conditions, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(range_stops_at_tracking_region, setup_straddle,
						fix_teardown),
		cmocka_unit_test_setup_teardown(config_and_tracking_conditions, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(config_set_not_ns, setup, fix_teardown),
	};

	return fix_run_v2_group("v2 conditions: range", tests, argc, argv);
}
