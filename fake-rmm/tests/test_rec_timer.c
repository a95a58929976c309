// SPDX-License-Identifier: BSD-3-Clause
/*
 * The realm's EL1 timers (1.0): a timer whose output asserts while the
 * realm runs is an IRQ exit at the next point the engine offers - between
 * slices of a spinning realm, or before the trap that ends the spin - and
 * not only when the instruction budget runs out; once reported asserted it
 * exits no more (TF-RMM masks it until it changes).  The timer_spin guest
 * arms the virtual or the physical timer, spins, then makes a host call.
 */
#include "rec_fixture.h"

#include "rec.h"

#define CTL_ENABLE_ISTATUS 5
#define SPIN_LONG 2000000ULL	/* >= 4 M instructions: milliseconds */
#define SPIN_SHORT 1000ULL	/* 3000 instructions: less than one slice */
#define INSN_SMC0 0xd4000003u

static uint64_t realm_x(struct rx *x, unsigned int n)
{
	return rec_get_x(rec_of(x->f->rmm, x->rec[0]), n);
}

static uint64_t timer_ctl(const struct rmi_v1_0_rec_exit *ex, bool physical)
{
	return physical ? ex->cntp_ctl : ex->cntv_ctl;
}

/* 10 us ahead, 2 M iterations: the timer fires mid-spin, the exit comes there. */
static void spin_then_host_call(struct rx *x, bool physical)
{
	const uint64_t gprs[8] = { 625, physical, SPIN_LONG };
	struct rmi_v1_0_rec_exit *ex;

	rx_load(x, "timer_spin", RX_CODE_IPA);
	rx_rec_gprs(x, gprs);
	rx_activate(x);
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_IRQ);
	assert_int_equal(timer_ctl(ex, physical), CTL_ENABLE_ISTATUS);
	assert_int_equal(timer_ctl(ex, !physical), 0);
	/* Between slices, long before the spin (and the budget) ends. */
	assert_true(realm_x(x, 3) < SPIN_LONG);
	/* Reported asserted: the realm finishes its spin and makes its call. */
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
	assert_int_equal(ex->imm, 9);
	assert_int_equal(ex->gprs[0], CTL_ENABLE_ISTATUS);
	assert_int_equal(ex->gprs[1], SPIN_LONG);
	rx_run_to_system_off(x, 0, 4);
}

static void virtual_timer_fires_while_spinning(void **state)
{
	spin_then_host_call(*state, false);
}

static void physical_timer_fires_while_spinning(void **state)
{
	spin_then_host_call(*state, true);
}

/*
 * A timer one tick ahead and a spin shorter than a slice: the expiry is
 * seen at the host call's SMC, which waits for the next entry (PC on it).
 */
static void timer_expired_before_host_call(void **state)
{
	const uint64_t gprs[8] = { 1, 0, SPIN_SHORT };
	struct rx *x = *state;
	struct rmi_v1_0_rec_exit *ex;
	uint32_t *insn;
	uint64_t pc;

	rx_load(x, "timer_spin", RX_CODE_IPA);
	rx_rec_gprs(x, gprs);
	rx_activate(x);
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_IRQ);
	assert_int_equal(ex->cntv_ctl, CTL_ENABLE_ISTATUS);
	assert_int_equal(realm_x(x, 3), SPIN_SHORT);
	pc = vcpu_get_reg(rec_of(x->f->rmm, x->rec[0])->vcpu, VCPU_REG_PC);
	insn = vcpu_translate(rec_of(x->f->rmm, x->rec[0])->vcpu, pc, NULL);
	assert_non_null(insn);
	assert_int_equal(*insn, INSN_SMC0);
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
	assert_int_equal(ex->imm, 9);
	assert_int_equal(ex->gprs[0], CTL_ENABLE_ISTATUS);
	rx_run_to_system_off(x, 0, 4);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, rx_setup, rx_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(virtual_timer_fires_while_spinning), T(physical_timer_fires_while_spinning),
		T(timer_expired_before_host_call),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
