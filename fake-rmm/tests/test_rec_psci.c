// SPDX-License-Identifier: BSD-3-Clause
/*
 * PSCI from the realm and PSCI_COMPLETE (1.0): CPU_ON of a secondary REC
 * and AFFINITY_INFO through the host, the checks the RMM answers alone,
 * and every PSCI_COMPLETE failure condition.
 */
#include "rec_fixture.h"

#include <string.h>

#include "rec.h"

#define STATUS_DENIED ((uint64_t)(int64_t)PSCI_V1_0_STATUS_DENIED)

static uint64_t psci_complete(struct rx *x, uint64_t calling, uint64_t target, uint64_t status)
{
	return rc(x->f, RMI_FID_PSCI_COMPLETE, calling, target, status, 0, 0, NULL);
}

/* psci_cpu_on with REC 0 (runnable) asking for REC 1 (MPIDR 1). */
static void boot_two(struct rx *x)
{
	rx_load(x, "psci_cpu_on", RX_CODE_IPA);
	rx_rec(x, 1);
	rx_rec(x, 0);
	rx_activate(x);
}

static void cpu_on_secondary(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_exit *ex;
	unsigned int polls;

	boot_two(x);
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_PSCI);
	assert_int_equal(ex->gprs[0], PSCI_FID_CPU_ON);
	assert_int_equal(ex->gprs[1], 1);
	for (unsigned int i = 2; i < 31; i++)
		assert_int_equal(ex->gprs[i], 0);
	/* The secondary does not run before the host completes the request. */
	assert_rmi(rx_enter(x, 1), RMI_STATUS_ERROR_REC);
	assert_rmi(psci_complete(x, x->rec[0], x->rec[1], PSCI_V1_0_STATUS_SUCCESS), 0);
	/* Completed once: a second completion has no request. */
	assert_rmi(psci_complete(x, x->rec[0], x->rec[1], PSCI_V1_0_STATUS_SUCCESS), 1);

	/* The primary polls AFFINITY_INFO: the secondary is ON (runnable). */
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_PSCI);
	assert_int_equal(ex->gprs[0], PSCI_FID_AFFINITY_INFO);
	assert_int_equal(ex->gprs[1], 1);
	assert_rmi(psci_complete(x, x->rec[0], x->rec[1], PSCI_V1_0_STATUS_SUCCESS), 0);
	assert_int_equal(rec_get_x(rec_of(x->f->rmm, x->rec[0]), 0), PSCI_V1_0_AFFINITY_STATE_ON);

	/* The secondary starts at the entry point with x0 = context id. */
	ex = rx_enter_expect(x, 1, RMI_EXIT_REASON_HOST_CALL);
	assert_int_equal(ex->imm, 2);
	assert_int_equal(ex->gprs[0], 0x5ec0);
	assert_int_equal(ex->gprs[1], 0x80000001ULL);	/* MPIDR_EL1: Aff0 1, RES1 */
	ex = rx_enter_expect(x, 1, RMI_EXIT_REASON_PSCI);
	assert_int_equal(ex->gprs[0], PSCI_FID_CPU_OFF);
	assert_rmi(rx_enter(x, 1), RMI_STATUS_ERROR_REC);	/* off: not runnable */

	/* Now OFF: the primary's poll ends. */
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_PSCI);
	assert_int_equal(ex->gprs[0], PSCI_FID_AFFINITY_INFO);
	assert_rmi(psci_complete(x, x->rec[0], x->rec[1], PSCI_V1_0_STATUS_SUCCESS), 0);
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
	assert_int_equal(ex->imm, 1);
	assert_int_equal(ex->gprs[0], PSCI_V1_0_STATUS_SUCCESS);	/* CPU_ON */
	assert_int_equal(ex->gprs[1], PSCI_V1_0_AFFINITY_STATE_OFF);
	polls = (unsigned int)ex->gprs[2];
	assert_int_equal(polls, 2);
	rx_run_to_system_off(x, 0, 4);
}

static void cpu_on_denied(void **state)
{
	struct rx *x = *state;

	boot_two(x);
	rx_enter_expect(x, 0, RMI_EXIT_REASON_PSCI);
	assert_rmi(psci_complete(x, x->rec[0], x->rec[1], STATUS_DENIED), 0);
	assert_int_equal(rec_get_x(rec_of(x->f->rmm, x->rec[0]), 0), STATUS_DENIED);
	assert_rmi(rx_enter(x, 1), RMI_STATUS_ERROR_REC);	/* still off */
}

/* CPU_ON of a REC that is already on: the realm gets ALREADY_ON; DENIED is not allowed. */
static void cpu_on_target_already_on(void **state)
{
	struct rx *x = *state;

	boot_two(x);
	rec_of(x->f->rmm, x->rec[1])->runnable = true;
	rx_enter_expect(x, 0, RMI_EXIT_REASON_PSCI);
	assert_rmi(psci_complete(x, x->rec[0], x->rec[1], STATUS_DENIED), 1);
	assert_rmi(psci_complete(x, x->rec[0], x->rec[1], PSCI_V1_0_STATUS_SUCCESS), 0);
	assert_int_equal(rec_get_x(rec_of(x->f->rmm, x->rec[0]), 0),
			 (uint64_t)(int64_t)PSCI_V1_0_STATUS_ALREADY_ON);
}

static void complete_unaligned(void **state)
{
	struct rx *x = *state;

	boot_two(x);
	rx_enter_expect(x, 0, RMI_EXIT_REASON_PSCI);
	assert_rmi(psci_complete(x, x->rec[0] + 8, x->rec[1], 0), 1);
	assert_rmi(psci_complete(x, x->rec[0], x->rec[1] + 8, 0), 1);
}

static void complete_not_recs(void **state)
{
	struct rx *x = *state;

	boot_two(x);
	rx_enter_expect(x, 0, RMI_EXIT_REASON_PSCI);
	assert_rmi(psci_complete(x, x->f->rd, x->rec[1], 0), 1);
	assert_rmi(psci_complete(x, x->rec[0], x->f->rd, 0), 1);
	assert_rmi(psci_complete(x, x->rec[0], x->rec[0], 0), 1);	/* one granule twice */
	assert_rmi(psci_complete(x, x->rec[0], x->rec[1], 0), 0);
}

static void complete_calling_running(void **state)
{
	struct rx *x = *state;

	boot_two(x);
	rx_enter_expect(x, 0, RMI_EXIT_REASON_PSCI);
	rec_of(x->f->rmm, x->rec[0])->running = true;	/* white-box: another CPU */
	assert_rmi(psci_complete(x, x->rec[0], x->rec[1], 0), 1);
	rec_of(x->f->rmm, x->rec[0])->running = false;
	assert_rmi(psci_complete(x, x->rec[0], x->rec[1], 0), 0);
}

static void complete_no_request(void **state)
{
	struct rx *x = *state;

	boot_two(x);
	assert_rmi(psci_complete(x, x->rec[0], x->rec[1], 0), 1);
	assert_rmi(psci_complete(x, x->rec[1], x->rec[0], 0), 1);
}

static void complete_other_realm(void **state)
{
	struct rx *x = *state;
	uint64_t rd = x->f->rd, other;
	struct rx_rec_args a = { .flags = 1 };

	boot_two(x);
	rx_enter_expect(x, 0, RMI_EXIT_REASON_PSCI);
	/* A second realm with a REC of MPIDR 1 (index 1 as asked). */
	{
		struct realm_desc d;

		realm_desc_default(&d);
		d.vmid = 2;
		assert_rmi(fix_realm_create(x->f, &d), 0);
	}
	assert_rmi(rx_rec_create_with(x, &a, &other), 0);
	a.mpidr = 1;
	assert_rmi(rx_rec_create_with(x, &a, &other), 0);
	x->f->rd = rd;
	assert_rmi(psci_complete(x, x->rec[0], other, 0), 1);
	assert_rmi(psci_complete(x, x->rec[0], x->rec[1], 0), 0);
}

static void complete_wrong_target(void **state)
{
	struct rx *x = *state;

	rx_load(x, "psci_cpu_on", RX_CODE_IPA);
	rx_rec(x, 1);
	rx_rec(x, 0);
	rx_rec(x, 0);
	rx_activate(x);
	rx_enter_expect(x, 0, RMI_EXIT_REASON_PSCI);
	assert_rmi(psci_complete(x, x->rec[0], x->rec[2], 0), 1);	/* asked for MPIDR 1 */
	assert_rmi(psci_complete(x, x->rec[0], x->rec[1], 0), 0);
}

static void complete_bad_status(void **state)
{
	struct rx *x = *state;

	boot_two(x);
	rx_enter_expect(x, 0, RMI_EXIT_REASON_PSCI);			/* CPU_ON */
	assert_rmi(psci_complete(x, x->rec[0], x->rec[1],
				 (uint64_t)(int64_t)PSCI_V1_0_STATUS_INVALID_PARAMETERS), 1);
	assert_rmi(psci_complete(x, x->rec[0], x->rec[1], 1), 1);
	assert_rmi(psci_complete(x, x->rec[0], x->rec[1], 0), 0);
	rx_enter_expect(x, 0, RMI_EXIT_REASON_PSCI);			/* AFFINITY_INFO */
	assert_rmi(psci_complete(x, x->rec[0], x->rec[1], STATUS_DENIED), 1);	/* only SUCCESS */
	assert_rmi(psci_complete(x, x->rec[0], x->rec[1], 0), 0);
}

static void complete_two_failures_rank(void **state)
{
	struct rx *x = *state;

	boot_two(x);
	/* Unaligned (first check) with no request. */
	assert_rmi(psci_complete(x, x->rec[0] + 1, x->rec[1], 5), 1);
	rx_enter_expect(x, 0, RMI_EXIT_REASON_PSCI);
	/* Calling REC running and bad status: both ERROR_INPUT; nothing changes. */
	rec_of(x->f->rmm, x->rec[0])->running = true;
	assert_rmi(psci_complete(x, x->rec[0], x->rec[1], 5), 1);
	rec_of(x->f->rmm, x->rec[0])->running = false;
	assert_true(rec_of(x->f->rmm, x->rec[0])->psci.pending);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, rx_setup, rx_teardown)
	const struct CMUnitTest tests[] = {
		T(cpu_on_secondary), T(cpu_on_denied), T(cpu_on_target_already_on),
		T(complete_unaligned), T(complete_not_recs), T(complete_calling_running),
		T(complete_no_request), T(complete_other_realm), T(complete_wrong_target),
		T(complete_bad_status), T(complete_two_failures_rank),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
