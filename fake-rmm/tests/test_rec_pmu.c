// SPDX-License-Identifier: BSD-3-Clause
/*
 * PMU overflow (1.0): rec_exit.pmu_ovf_status reports the realm PMU's
 * overflow interrupt request (PMCR_EL0.E and a counter enabled, interrupt
 * enabled and overflowed, as TF-RMM pmu_update_rec_exit), and its
 * assertion is an IRQ exit at the next point the engine offers.  The
 * pmu_overflow guest overflows a SW_INCR counter or the cycle counter.
 */
#include "rec_fixture.h"

#include "rec.h"

#define ACTIVE RMI_PMU_OVERFLOW_STATUS_ACTIVE
#define NOT_ACTIVE RMI_PMU_OVERFLOW_STATUS_NOT_ACTIVE

static struct rmi_v1_0_rec_exit *boot(struct rx *x, uint64_t mode, uint64_t spin)
{
	const uint64_t gprs[8] = { mode, spin };

	rx_load(x, "pmu_overflow", RX_CODE_IPA);
	rx_rec_gprs(x, gprs);
	rx_activate(x);
	return &rx_run_page(x, 0)->exit;
}

/* Interrupt enabled: an IRQ exit before the host call, ACTIVE; once reported, no second exit. */
static void sw_incr_overflow_irq(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_exit *ex = boot(x, 1, 0);

	rx_enter_expect(x, 0, RMI_EXIT_REASON_IRQ);
	assert_int_equal(ex->pmu_ovf_status, ACTIVE);
	rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
	assert_int_equal(ex->imm, 0x9e);
	assert_int_equal(ex->gprs[0], 1);
	assert_int_equal(ex->gprs[1], 1);
	assert_int_equal(ex->pmu_ovf_status, ACTIVE);
	rx_run_to_system_off(x, 0, 4);
}

/* Overflowed but its interrupt disabled: nothing to report, no exit. */
static void overflow_without_interrupt(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_exit *ex = boot(x, 0, 0);

	rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
	assert_int_equal(ex->gprs[0], 1);
	assert_int_equal(ex->gprs[1], 0);
	assert_int_equal(ex->pmu_ovf_status, NOT_ACTIVE);
	rx_run_to_system_off(x, 0, 4);
}

/* The cycle counter wraps while the realm spins: an IRQ exit in the spin. */
static void cycle_counter_overflow_while_spinning(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_exit *ex = boot(x, 2, 2000000);

	rx_enter_expect(x, 0, RMI_EXIT_REASON_IRQ);
	assert_int_equal(ex->pmu_ovf_status, ACTIVE);
	assert_true(rec_get_x(rec_of(x->f->rmm, x->rec[0]), 3) < 2000000);
	rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
	assert_int_equal(ex->gprs[0], 1ULL << 31);
	assert_int_equal(ex->gprs[2], 2000000);
	rx_run_to_system_off(x, 0, 4);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, rx_setup_pmu, rx_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(sw_incr_overflow_irq), T(overflow_without_interrupt),
		T(cycle_counter_overflow_while_spinning),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
