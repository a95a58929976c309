// SPDX-License-Identifier: BSD-3-Clause
/*
 * WFE with TRAP_WFE (1.0): each WFE is a SYNC exit whose ESR carries only
 * EC 0x01 and TI = 1 (as TF-RMM masks a WFx trap), the WFE complete; without
 * the flag a WFE is a no-op.  The wfe_loop guest counts its WFEs.
 */
#include "rec_fixture.h"

#define ESR_WFE ((0x01ULL << 26) | 1)

static void wfe_trapped(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_run *run;
	struct rmi_v1_0_rec_exit *ex;

	rx_boot(x, "wfe_loop", 2);
	run = rx_run_page(x, 0);
	for (unsigned int i = 0; i < 2; i++) {
		run->enter.flags = RMI_V1_0_REC_ENTER_FLAGS_TRAP_WFE_MASK;
		ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_SYNC);
		assert_int_equal(ex->esr, ESR_WFE);
		assert_int_equal(ex->far, 0);
		assert_int_equal(ex->hpfar, 0);
	}
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
	assert_int_equal(ex->imm, 0xfe);
	assert_int_equal(ex->gprs[0], 2);
	rx_run_to_system_off(x, 0, 4);
}

/* Without TRAP_WFE (and with only TRAP_WFI) a WFE does not exit. */
static void wfe_not_trapped(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_exit *ex;

	rx_boot(x, "wfe_loop", 5);
	rx_run_page(x, 0)->enter.flags = RMI_V1_0_REC_ENTER_FLAGS_TRAP_WFI_MASK;
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
	assert_int_equal(ex->gprs[0], 5);
	rx_run_to_system_off(x, 0, 4);
}

/* A host that asks on one entry only: the next entry runs the rest through. */
static void wfe_trap_per_entry(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_run *run;
	struct rmi_v1_0_rec_exit *ex;

	rx_boot(x, "wfe_loop", 4);
	run = rx_run_page(x, 0);
	run->enter.flags = RMI_V1_0_REC_ENTER_FLAGS_TRAP_WFE_MASK;
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_SYNC);
	assert_int_equal(ex->esr, ESR_WFE);
	run->enter.flags = 0;
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
	assert_int_equal(ex->gprs[0], 4);
	rx_run_to_system_off(x, 0, 4);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, rx_setup, rx_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(wfe_trapped), T(wfe_not_trapped), T(wfe_trap_per_entry),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
