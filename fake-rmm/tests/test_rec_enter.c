// SPDX-License-Identifier: BSD-3-Clause
/*
 * REC_ENTER (1.0): one test per failure condition on the REC, the run page
 * and the enter flags (GIC list registers, INJECT_SEA, EMULATED_MMIO), and
 * pairs that show which condition ranks first.
 */
#include "rec_fixture.h"

#include <string.h>

#include <cca-double/fault.h>

#include "rec.h"

#define LR(state, intid) (((uint64_t)(state) << 62) | (1ULL << 60) | (0xa0ULL << 48) | (intid))

static void set_running(struct rx *x, unsigned int n, bool on)
{
	/* Only a second CPU could observe a REC inside REC_ENTER: set white-box. */
	rec_of(x->f->rmm, x->rec[n])->running = on;
}

static void run_not_ns(void **state)
{
	struct rx *x = *state;

	rx_boot(x, "host_call", 1);
	assert_rmi(rc(x->f, RMI_FID_REC_ENTER, x->rec[0], fix_alloc_delegated(x->f), 0, 0, 0, NULL), 1);
	assert_rmi(rc(x->f, RMI_FID_REC_ENTER, x->rec[0], x->run[0] + 8, 0, 0, 0, NULL), 1);
	assert_rmi(rc(x->f, RMI_FID_REC_ENTER, x->rec[0], x->rec[0], 0, 0, 0, NULL), 1);
	assert_rmi(rc(x->f, RMI_FID_REC_ENTER, x->rec[0], ~0ULL, 0, 0, 0, NULL), 1);
}

static void rec_not_rec(void **state)
{
	struct rx *x = *state;

	rx_boot(x, "host_call", 1);
	assert_rmi(rc(x->f, RMI_FID_REC_ENTER, x->f->rd, x->run[0], 0, 0, 0, NULL), 1);
	assert_rmi(rc(x->f, RMI_FID_REC_ENTER, x->rec[0] + 0x800, x->run[0], 0, 0, 0, NULL), 1);
	assert_rmi(rc(x->f, RMI_FID_REC_ENTER, fix_alloc_delegated(x->f), x->run[0], 0, 0, 0, NULL), 1);
}

static void rec_running(void **state)
{
	struct rx *x = *state;

	rx_boot(x, "host_call", 1);
	set_running(x, 0, true);
	assert_rmi(rx_enter(x, 0), RMI_STATUS_ERROR_REC);
	set_running(x, 0, false);
	rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
}

static void realm_new(void **state)
{
	struct rx *x = *state;

	rx_load(x, "host_call", RX_CODE_IPA);
	rx_rec(x, 1);
	assert_rmi(rx_enter(x, 0), RET(RMI_STATUS_ERROR_REALM, 0));
}

static void realm_system_off(void **state)
{
	struct rx *x = *state;

	rx_boot(x, "host_call", 1);
	rx_run_to_system_off(x, 0, 4);		/* asserts ERROR_REALM index 1 */
}

static void rec_not_runnable(void **state)
{
	struct rx *x = *state;

	rx_load(x, "host_call", RX_CODE_IPA);
	rx_rec(x, 1);
	rx_rec(x, 1);				/* REC 1 is created not runnable */
	rx_activate(x);
	assert_rmi(rx_enter(x, 1), RMI_STATUS_ERROR_REC);
}

static void psci_pending(void **state)
{
	struct rx *x = *state;

	rx_load(x, "psci_cpu_on", RX_CODE_IPA);
	rx_rec(x, 1);
	rx_rec(x, 0);
	rx_activate(x);
	rx_enter_expect(x, 0, RMI_EXIT_REASON_PSCI);
	assert_rmi(rx_enter(x, 0), RMI_STATUS_ERROR_REC);
}

static void gic_state_invalid(void **state)
{
	static const struct { uint64_t hcr; uint64_t lr0, lr1; const char *what; } bad[] = {
		{ 1, 0, 0, "ICH_HCR.En (not host-writable)" },
		{ 1ULL << 27, 0, 0, "ICH_HCR.EOIcount" },
		{ 0, LR(1, 27) | (1ULL << 61), 0, "LR.HW = 1" },
		{ 0, (LR(1, 27) & ~(0xffULL << 48)) | (0xa1ULL << 48), 0, "priority RES0 bits" },
		{ 0, LR(1, 27) | (5ULL << 32), 0, "pINTID bits" },
		{ 0, LR(1, 1020), 0, "vINTID 1020" },
		{ 0, LR(1, 0x10000), 0, "vINTID beyond 16 bits" },
		{ 0, LR(1, 27), LR(2, 27), "one vINTID in two LRs" },
	};
	struct rx *x = *state;
	struct rmi_v1_0_rec_run *run;

	rx_boot(x, "host_call", 1);
	run = rx_run_page(x, 0);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		run->enter.gicv3_hcr = bad[i].hcr;
		run->enter.gicv3_lrs[0] = bad[i].lr0;
		run->enter.gicv3_lrs[5] = bad[i].lr1;
		if (rx_enter(x, 0) != RMI_STATUS_ERROR_REC)
			fail_msg("%s accepted", bad[i].what);
	}
	/* Allowed: EOI in pINTID, host-writable HCR bits, an LPI, invalid LRs with junk. */
	run->enter.gicv3_hcr = (1ULL << 14) | (1ULL << 1);
	run->enter.gicv3_lrs[0] = LR(1, 27) | (1ULL << 41);
	run->enter.gicv3_lrs[5] = LR(0, 27) | (1ULL << 61);
	run->enter.gicv3_lrs[6] = LR(1, 8192);
	rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
}

static void inject_sea_without_abort(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_run *run;

	rx_boot(x, "host_call", 1);
	run = rx_run_page(x, 0);
	run->enter.flags = RMI_V1_0_REC_ENTER_FLAGS_INJECT_SEA_MASK;
	assert_rmi(rx_enter(x, 0), RMI_STATUS_ERROR_REC);	/* no exit yet */
	run->enter.flags = 0;
	rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
	run->enter.flags = RMI_V1_0_REC_ENTER_FLAGS_INJECT_SEA_MASK;
	assert_rmi(rx_enter(x, 0), RMI_STATUS_ERROR_REC);	/* last exit a host call */
}

static void emulated_mmio_without_abort(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_run *run;

	rx_boot(x, "hello_mmio", RX_MMIO_IPA);
	run = rx_run_page(x, 0);
	run->enter.flags = RMI_V1_0_REC_ENTER_FLAGS_EMULATED_MMIO_MASK;
	assert_rmi(rx_enter(x, 0), RMI_STATUS_ERROR_REC);
	run->enter.flags = 0;
	rx_enter_expect(x, 0, RMI_EXIT_REASON_SYNC);
	/* After a store's abort the flag fits: the store is done, the next one exits. */
	run->enter.flags = RMI_V1_0_REC_ENTER_FLAGS_EMULATED_MMIO_MASK;
	rx_enter_expect(x, 0, RMI_EXIT_REASON_SYNC);
}

/* An IRQ exit clears what the last exit allowed. */
static void flags_after_irq_exit(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_run *run;
	struct fault_plan *plan = fault_plan_new();
	struct fault_rule rule = { .command = "REC_ENTER", .iface = ABI_RMI, .nth = 1,
				   .action = FAULT_EXIT, .exit_reason = RMI_EXIT_REASON_IRQ };
	char err[128];

	assert_int_equal(fault_plan_add(plan, rmm_profile(x->f->rmm), &rule, err, sizeof(err),
					NULL, 0), 0);
	rx_boot(x, "hello_mmio", RX_MMIO_IPA);
	run = rx_run_page(x, 0);
	rx_enter_expect(x, 0, RMI_EXIT_REASON_SYNC);
	rmm_set_faults(x->f->rmm, plan);
	run->enter.flags = RMI_V1_0_REC_ENTER_FLAGS_EMULATED_MMIO_MASK;
	rx_enter_expect(x, 0, RMI_EXIT_REASON_IRQ);		/* forced, MMIO completed */
	assert_rmi(rx_enter(x, 0), RMI_STATUS_ERROR_REC);	/* no abort to complete */
	run->enter.flags = 0;
	rx_enter_expect(x, 0, RMI_EXIT_REASON_SYNC);		/* the next store */
	rmm_set_faults(x->f->rmm, NULL);
	fault_plan_free(plan);
}

static void two_failures_rank(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_run *run;

	rx_load(x, "host_call", RX_CODE_IPA);
	rx_rec(x, 1);
	rx_rec(x, 1);
	run = rx_run_page(x, 1);
	/* Realm NEW (ERROR_REALM) before REC not runnable (ERROR_REC). */
	assert_rmi(rx_enter(x, 1), RET(RMI_STATUS_ERROR_REALM, 0));
	/* REC busy (ERROR_REC) before realm NEW (ERROR_REALM). */
	set_running(x, 1, true);
	assert_rmi(rx_enter(x, 1), RMI_STATUS_ERROR_REC);
	/* Run page (ERROR_INPUT) before REC busy. */
	assert_rmi(rc(x->f, RMI_FID_REC_ENTER, x->rec[1], x->run[1] + 1, 0, 0, 0, NULL), 1);
	set_running(x, 1, false);
	rx_activate(x);
	/* Not runnable before an invalid GIC state (both ERROR_REC), and before flags. */
	run->enter.gicv3_hcr = 1;
	run->enter.flags = RMI_V1_0_REC_ENTER_FLAGS_INJECT_SEA_MASK;
	assert_rmi(rx_enter(x, 1), RMI_STATUS_ERROR_REC);
	/* Realm SYSTEM_OFF (index 1) before GIC and flags. */
	run = rx_run_page(x, 0);
	rx_run_to_system_off(x, 0, 4);
	run->enter.gicv3_hcr = 1;
	run->enter.flags = RMI_V1_0_REC_ENTER_FLAGS_EMULATED_MMIO_MASK;
	assert_rmi(rx_enter(x, 0), RET(RMI_STATUS_ERROR_REALM, 1));
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, rx_setup, rx_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(run_not_ns), T(rec_not_rec), T(rec_running), T(realm_new), T(realm_system_off),
		T(rec_not_runnable), T(psci_pending), T(gic_state_invalid),
		T(inject_sea_without_abort), T(emulated_mmio_without_abort), T(flags_after_irq_exit),
		T(two_failures_rank),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
