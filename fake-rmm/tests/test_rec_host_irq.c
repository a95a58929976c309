// SPDX-License-Identifier: BSD-3-Clause
/*
 * Host interrupts while a REC runs (1.0): rmm_host_irq_raise() from another
 * thread ends a spinning realm's REC_ENTER with an IRQ exit within a slice,
 * not at the budget; one raised before the entry is taken at once; a poll
 * function is asked with the REC between slices.
 */
#include "rec_fixture.h"

#include "rec.h"
#include "rmm_internal.h"

/* Without the interrupt the spin guest would run for seconds (1e9 iterations). */
#define LONG_BUDGET 2000000000ULL

static uint64_t realm_x(struct rx *x, unsigned int n)
{
	return rec_get_x(rec_of(x->f->rmm, x->rec[0]), n);
}

static void host_thread_kicks_spinning_rec(void **state)
{
	struct rx *x = *state;
	struct rec_kicker k;
	uint64_t count;

	x->f->rmm->rec_insn_budget = LONG_BUDGET;
	rx_boot(x, "spin", 0);
	rec_kicker_start(&k, x->f->rmm);
	rx_enter_expect(x, 0, RMI_EXIT_REASON_IRQ);
	rec_kicker_join(&k);
	count = realm_x(x, 1);
	/*
	 * The kick, not the budget: far fewer than budget / 2 iterations.  No
	 * wall-clock bound (a loaded machine can hold either thread off for
	 * long); poll_function below pins the slice granularity exactly.
	 */
	assert_true(count > 0 && count < LONG_BUDGET / 4);
	/* Taken by that exit: the next entry runs to its (small) budget, 50000 iterations. */
	x->f->rmm->rec_insn_budget = 100000;
	rx_enter_expect(x, 0, RMI_EXIT_REASON_IRQ);
	assert_int_equal(realm_x(x, 1), count + 50000);
}

static void raised_before_entry(void **state)
{
	struct rx *x = *state;
	struct rec *rec;

	rx_boot(x, "spin", 0);
	rmm_host_irq_raise(x->f->rmm);
	rx_enter_expect(x, 0, RMI_EXIT_REASON_IRQ);
	/* Not one instruction ran. */
	rec = rec_of(x->f->rmm, x->rec[0]);
	assert_int_equal(vcpu_get_reg(rec->vcpu, VCPU_REG_PC), RX_CODE_IPA);
	x->f->rmm->rec_insn_budget = 1001;
	rx_enter_expect(x, 0, RMI_EXIT_REASON_IRQ);
	assert_int_equal(realm_x(x, 1), 500);
}

struct poller {
	unsigned int calls;
	uint64_t rec;
};

static bool poll_fifth(void *ctx, uint64_t rec)
{
	struct poller *p = ctx;

	p->rec = rec;
	return ++p->calls == 5;
}

/* Asked before the realm runs, then after each slice: the fifth answer ends the fourth slice. */
static void poll_function(void **state)
{
	struct rx *x = *state;
	struct poller p = { 0 };

	x->f->rmm->rec_insn_budget = LONG_BUDGET;
	rx_boot(x, "spin", 0);
	rmm_set_host_irq_poll(x->f->rmm, poll_fifth, &p);
	rx_enter_expect(x, 0, RMI_EXIT_REASON_IRQ);
	assert_int_equal(p.calls, 5);
	assert_int_equal(p.rec, x->rec[0]);
	assert_int_equal(realm_x(x, 1), 4 * VCPU_DEFAULT_SLICE / 2);
	rmm_set_host_irq_poll(x->f->rmm, NULL, NULL);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, rx_setup, rx_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(host_thread_kicks_spinning_rec), T(raised_before_entry), T(poll_function),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
