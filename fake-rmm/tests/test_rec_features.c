// SPDX-License-Identifier: BSD-3-Clause
/*
 * FEATURES (1.0) promises only what the realm's CPU has: the id_regs guest
 * reads the ID registers a realm sizes itself by, and each FEATURES field
 * must agree - SVE, PMU and its counters, breakpoints, watchpoints - and
 * the GICv3 system-register interface the RMM emulates is announced.  The
 * realm asks for a PMU with FEATURES' counters (without one PMCR_EL0 is
 * UNDEFINED to it).
 */
#include "rec_fixture.h"

#define F0(name, v) FIELD(RMI_V1_0_FEATURE_REGISTER_0_##name, v)
#define FIELD(f, v) (((v) & f##_MASK) >> f##_SHIFT)

static void features_match_realm_cpu(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_exit *ex;
	struct smc_regs r;
	uint64_t f0, pfr0, dfr0, pmcr;

	assert_rmi(rc(x->f, RMI_FID_FEATURES, 0, 0, 0, 0, 0, &r), 0);
	f0 = r.x[1];
	rx_boot(x, "id_regs", 0);
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
	assert_int_equal(ex->imm, 0x1d);
	pfr0 = ex->gprs[0];
	dfr0 = ex->gprs[1];
	pmcr = ex->gprs[2];
	assert_int_equal(F0(SVE_EN, f0), ((pfr0 >> 32) & 0xf) != 0);
	if (!F0(SVE_EN, f0))
		assert_int_equal(F0(SVE_VL, f0), 0);
	assert_int_equal(F0(PMU_EN, f0), ((dfr0 >> 8) & 0xf) != 0);
	assert_int_equal(F0(PMU_NUM_CTRS, f0), (pmcr >> 11) & 0x1f);
	assert_int_equal(F0(NUM_BPS, f0), ((dfr0 >> 12) & 0xf) + 1);
	assert_int_equal(F0(NUM_WPS, f0), ((dfr0 >> 20) & 0xf) + 1);
	/* The realm may use the ICC_* registers the RMM emulates: PFR0.GIC says so. */
	assert_int_equal((pfr0 >> 24) & 0xf, 1);
	/* No FEAT_HAFDBS, and the realm is told so. */
	assert_int_equal(ex->gprs[4] & 0xf, 0);
	rx_run_to_system_off(x, 0, 4);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, rx_setup_pmu, rx_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(features_match_realm_cpu),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
