// SPDX-License-Identifier: BSD-3-Clause
/*
 * Fault injection on the 2.0 profile: forced BUSY / BLOCKED leave the state
 * unchanged; a forced INCOMPLETE (each memory request: none, donate,
 * reclaim; with or without can-cancel) hands out a real handle, changes
 * nothing until the host drives the operation to its end, which then runs
 * the interrupted command.
 */
#include <string.h>

#include <cca-double/fault.h>

#include "v2_fixture.h"

#define MEMREQ_IDX(req) ((uint64_t)(req) << (V2(RETURN_CODE_MEMREQ_SHIFT) - V2(RETURN_CODE_INDEX_SHIFT)))
#define CANCEL_IDX (1ULL << (V2(RETURN_CODE_CAN_CANCEL_SHIFT) - V2(RETURN_CODE_INDEX_SHIFT)))

static int setup(void **state)
{
	if (fix_setup_v2(state))
		return -1;
	rt_v2_realm(*state, 40, 1, 2);
	return 0;
}

static struct fault_plan *plan_one(struct fix *f, const char *cmd, uint64_t status, uint64_t index,
				   uint64_t donate_req)
{
	struct fault_plan *plan = fault_plan_new();
	struct fault_rule rule = { .iface = ABI_RMI, .action = FAULT_RETURN, .status = status,
				   .index = index, .donate_req = donate_req, .nth = 1 };
	char err[160];

	strcpy(rule.command, cmd);
	if (fault_plan_add(plan, rmm_profile(f->rmm), &rule, err, sizeof(err), NULL, 0))
		fail_msg("fault_plan_add: %s", err);
	rmm_set_faults(f->rmm, plan);
	return plan;
}

static void done(struct fix *f, struct fault_plan *plan)
{
	rmm_set_faults(f->rmm, NULL);
	fault_plan_free(plan);
}

static void busy_and_blocked_change_nothing(void **state)
{
	struct fix *f = *state;
	struct fault_plan *plan = plan_one(f, "RTT_CREATE", V2(STATUS_BUSY), 0, 0);
	uint64_t rtt;

	assert_rmi(rt_create(f, 0, 2, &rtt), V2(STATUS_BUSY));
	assert_int_equal(rmm_granule_state(f->rmm, rtt), GRANULE_DELEGATED);
	/* The host retries: now it runs. */
	assert_rmi(rc(f, RMI_FID_RTT_CREATE, f->rd, rtt, 0, 2, 0, NULL), 0);
	done(f, plan);
	plan = plan_one(f, "REC_CREATE", V2(STATUS_BLOCKED), 0, 0);
	rtt = fix_alloc_delegated(f);
	assert_rmi(rc(f, RMI_FID_REC_CREATE, f->rd, rtt, fix_alloc(f), 0, 0, NULL), V2(STATUS_BLOCKED));
	assert_int_equal(rmm_granule_state(f->rmm, rtt), GRANULE_DELEGATED);
	done(f, plan);
}

static void incomplete_none_runs_on_continue(void **state)
{
	struct fix *f = *state;
	struct fault_plan *plan = plan_one(f, "RTT_CREATE", V2(STATUS_INCOMPLETE),
					   MEMREQ_IDX(V2(MEM_REQ_NONE)), 0);
	uint64_t rtt = fix_alloc_delegated(f), h;
	struct smc_regs r;

	assert_int_equal(rc(f, RMI_FID_RTT_CREATE, f->rd, rtt, 0, 2, 0, &r),
			 INCOMPLETE(V2(MEM_REQ_NONE)));
	h = r.x[1];
	assert_int_equal(rmm_granule_state(f->rmm, rtt), GRANULE_DELEGATED);
	/* A valid handle: the wrong next FID is refused, OP_CONTINUE runs the command. */
	assert_rmi(rc(f, RMI_FID_OP_MEM_DONATE, h, fix_alloc(f), 1, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	assert_rmi(rc(f, RMI_FID_OP_CANCEL, h, 0, 0, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	assert_rmi(rc(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, NULL), 0);
	assert_int_equal(rmm_granule_state(f->rmm, rtt), GRANULE_RTT);
	assert_rmi(rc(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	done(f, plan);
}

static void incomplete_donate_then_reclaim(void **state)
{
	struct fix *f = *state;
	uint64_t req = 2ULL << V2(DONATE_REQUEST_COUNT_SHIFT);
	struct fault_plan *plan = plan_one(f, "GRANULE_RANGE_DELEGATE", V2(STATUS_INCOMPLETE),
					   MEMREQ_IDX(V2(MEM_REQ_DONATE)), req);
	uint64_t b = fix_alloc(f), h, d, desc, list = fix_alloc(f);
	struct smc_regs r;

	assert_int_equal(rc(f, RMI_FID_GRANULE_RANGE_DELEGATE, b, b + GRAN, 0, 0, 0, &r),
			 INCOMPLETE(V2(MEM_REQ_DONATE)));
	h = r.x[1];
	assert_int_equal(r.x[2], req);
	assert_int_equal(rmm_granule_state(f->rmm, b), GRANULE_NS);
	/* The donated granules are the RMM's (INTERNAL) until it gives them back. */
	d = v2_delegated_run(f, 2);
	desc = v2_desc(d, 2, false);
	assert_int_equal(rc(f, RMI_FID_OP_MEM_DONATE, h, v2_list(f, &desc, 1), 1, 0, 0, &r),
			 INCOMPLETE(V2(MEM_REQ_RECLAIM)));
	assert_int_equal(r.x[1], 2);
	assert_int_equal(rmm_granules_in_state(f->rmm, GRANULE_INTERNAL), 2);
	assert_int_equal(rc(f, RMI_FID_OP_MEM_RECLAIM, h, list, 512, 0, 0, &r),
			 INCOMPLETE(V2(MEM_REQ_NONE)));
	assert_int_equal(r.x[1], 1);
	assert_int_equal(*(uint64_t *)pmem_host_ptr(f->pm, list), desc);
	assert_int_equal(rmm_granules_in_state(f->rmm, GRANULE_INTERNAL), 0);
	/* Now the command runs, with its own results. */
	assert_rmi(rc(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, &r), 0);
	assert_int_equal(r.x[1], b + GRAN);
	assert_int_equal(rmm_granule_state(f->rmm, b), GRANULE_DELEGATED);
	done(f, plan);
}

static void incomplete_reclaim_then_command_results(void **state)
{
	struct fix *f = *state;
	struct fault_plan *plan;
	uint64_t d = v2_delegated_run(f, 1), h;
	struct smc_regs r;

	rt_tables(f, 0, 3);
	assert_rmi(rt_v2_map(f, 0, d, 1), 0);
	plan = plan_one(f, "RTT_DATA_UNMAP", V2(STATUS_INCOMPLETE), MEMREQ_IDX(V2(MEM_REQ_RECLAIM)), 0);
	assert_int_equal(rc(f, RMI_FID_RTT_DATA_UNMAP, f->rd, 0, GRAN, V2(ADDR_TYPE_SINGLE), 0, &r),
			 INCOMPLETE(V2(MEM_REQ_RECLAIM)));
	h = r.x[1];
	assert_int_equal(rmm_granule_state(f->rmm, d), GRANULE_DATA);
	/* Nothing to give back: 0 written. */
	assert_int_equal(rc(f, RMI_FID_OP_MEM_RECLAIM, h, fix_alloc(f), 512, 0, 0, &r),
			 INCOMPLETE(V2(MEM_REQ_NONE)));
	assert_int_equal(r.x[1], 0);
	/* OP_CONTINUE answers with DATA_UNMAP's x1..x3. */
	assert_rmi(rc(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, &r), 0);
	assert_int_equal(r.x[1], GRAN);
	assert_int_equal(r.x[2], v2_desc(d, 1, false));
	assert_int_equal(rmm_granule_state(f->rmm, d), GRANULE_DELEGATED);
	done(f, plan);
}

static void cancel_only_with_can_cancel(void **state)
{
	struct fix *f = *state;
	uint64_t req = 2ULL << V2(DONATE_REQUEST_COUNT_SHIFT), h, desc, x0;
	struct fault_plan *plan = plan_one(f, "RTT_CREATE", V2(STATUS_INCOMPLETE),
					   MEMREQ_IDX(V2(MEM_REQ_DONATE)) | CANCEL_IDX, req);
	uint64_t rtt = fix_alloc_delegated(f);
	struct smc_regs r;

	x0 = rc(f, RMI_FID_RTT_CREATE, f->rd, rtt, 0, 2, 0, &r);
	assert_int_equal(X0_STATUS(x0), V2(STATUS_INCOMPLETE));
	assert_int_equal(X0_MEMREQ(x0), V2(MEM_REQ_DONATE));
	assert_int_equal(X0_CAN_CANCEL(x0), 1);
	h = r.x[1];
	desc = v2_desc(v2_delegated_run(f, 1), 1, false);
	x0 = rc(f, RMI_FID_OP_MEM_DONATE, h, v2_list(f, &desc, 1), 1, 0, 0, &r);
	assert_int_equal(X0_CAN_CANCEL(x0), 1);
	assert_int_equal(DONATE_COUNT(r.x[2]), 1);
	/* Cancelled: what was donated comes back, then SUCCESS; the command never ran. */
	assert_int_equal(rc(f, RMI_FID_OP_CANCEL, h, 0, 0, 0, 0, NULL), INCOMPLETE(V2(MEM_REQ_RECLAIM)));
	assert_rmi(rc(f, RMI_FID_OP_CANCEL, h, 0, 0, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	assert_int_equal(rc(f, RMI_FID_OP_MEM_RECLAIM, h, fix_alloc(f), 512, 0, 0, &r),
			 INCOMPLETE(V2(MEM_REQ_NONE)));
	assert_rmi(rc(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, NULL), 0);
	assert_int_equal(rmm_granule_state(f->rmm, rtt), GRANULE_DELEGATED);
	assert_int_equal(rmm_granules_in_state(f->rmm, GRANULE_INTERNAL), 0);
	done(f, plan);
	/* Nothing held: OP_CANCEL ends it at once. */
	plan = plan_one(f, "RTT_CREATE", V2(STATUS_INCOMPLETE), CANCEL_IDX, 0);
	assert_int_equal(X0_CAN_CANCEL(rc(f, RMI_FID_RTT_CREATE, f->rd, rtt, 0, 2, 0, &r)), 1);
	assert_rmi(rc(f, RMI_FID_OP_CANCEL, r.x[1], 0, 0, 0, 0, NULL), 0);
	assert_rmi(rc(f, RMI_FID_OP_CONTINUE, r.x[1], 0, 0, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	assert_int_equal(rmm_granule_state(f->rmm, rtt), GRANULE_DELEGATED);
	done(f, plan);
}

static void incomplete_on_rec_create_keeps_the_handle(void **state)
{
	struct fix *f = *state;
	struct fault_plan *plan = plan_one(f, "REC_CREATE", V2(STATUS_INCOMPLETE), 0, 0);
	uint64_t rec = fix_alloc_delegated(f), h, x0;
	struct smc_regs r;

	rc(f, RMI_FID_REC_CREATE, f->rd, rec, v2_rec_params(f, 0, 0, 0, NULL), 0, 0, &r);
	h = r.x[1];
	assert_int_equal(rmm_granule_state(f->rmm, rec), GRANULE_DELEGATED);
	/* Continuing runs REC_CREATE, whose own operation takes over the same handle. */
	x0 = rc(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, &r);
	assert_int_equal(x0, INCOMPLETE(V2(MEM_REQ_DONATE)));
	assert_int_equal(r.x[1], h);
	assert_int_equal(rmm_granule_state(f->rmm, rec), GRANULE_PARTIAL);
	assert_rmi(v2_drive(f, h, x0, r.x[2]), 0);
	assert_int_equal(rmm_granule_state(f->rmm, rec), GRANULE_REC);
	done(f, plan);
}

static void incomplete_on_op_continue_layers_on_the_operation(void **state)
{
	struct fix *f = *state;
	struct fault_plan *plan;
	uint64_t rec = fix_alloc_delegated(f), h, x0, desc;
	struct smc_regs r;

	x0 = rc(f, RMI_FID_REC_CREATE, f->rd, rec, v2_rec_params(f, 0, 0, 0, NULL), 0, 0, &r);
	h = r.x[1];
	desc = v2_desc(v2_delegated_run(f, 16), 16, false);
	assert_int_equal(rc(f, RMI_FID_OP_MEM_DONATE, h, v2_list(f, &desc, 1), 1, 0, 0, &r),
			 INCOMPLETE(V2(MEM_REQ_NONE)));
	/* A spurious donate request on the OP_CONTINUE: same handle, then the real step. */
	plan = plan_one(f, "OP_CONTINUE", V2(STATUS_INCOMPLETE), MEMREQ_IDX(V2(MEM_REQ_DONATE)), 0);
	x0 = rc(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, &r);
	assert_int_equal(x0, INCOMPLETE(V2(MEM_REQ_DONATE)));
	assert_int_equal(r.x[1], h);
	assert_int_equal(DONATE_COUNT(r.x[2]), 1);
	assert_rmi(v2_drive(f, h, x0, r.x[2]), 0);
	assert_int_equal(rmm_granule_state(f->rmm, rec), GRANULE_REC);
	done(f, plan);
}

static void bad_incomplete_rules_refused(void **state)
{
	struct fix *f = *state;
	struct fault_plan *plan = fault_plan_new();
	struct fault_rule rule = { .command = "RTT_CREATE", .iface = ABI_RMI,
				   .action = FAULT_RETURN, .status = V2(STATUS_INCOMPLETE) };
	char err[160];

	rule.index = 3;		/* memreq 3 is reserved */
	assert_int_equal(fault_plan_add(plan, rmm_profile(f->rmm), &rule, err, sizeof(err), NULL, 0), -1);
	rule.index = 8;		/* above can-cancel */
	assert_int_equal(fault_plan_add(plan, rmm_profile(f->rmm), &rule, err, sizeof(err), NULL, 0), -1);
	rule.index = MEMREQ_IDX(V2(MEM_REQ_DONATE));
	rule.donate_req = 1ULL << V2(DONATE_REQUEST_SIZE_SHIFT);	/* 2 MiB blocks */
	assert_int_equal(fault_plan_add(plan, rmm_profile(f->rmm), &rule, err, sizeof(err), NULL, 0), -1);
	rule.donate_req = (uint64_t)(FAULT_MAX_DONATE + 1) << V2(DONATE_REQUEST_COUNT_SHIFT);
	assert_int_equal(fault_plan_add(plan, rmm_profile(f->rmm), &rule, err, sizeof(err), NULL, 0), -1);
	rule.index = MEMREQ_IDX(V2(MEM_REQ_NONE));
	rule.donate_req = 1ULL << V2(DONATE_REQUEST_COUNT_SHIFT);	/* no donation asked */
	assert_int_equal(fault_plan_add(plan, rmm_profile(f->rmm), &rule, err, sizeof(err), NULL, 0), -1);
	assert_int_equal(fault_plan_nrules(plan), 0);
	fault_plan_free(plan);
}

static void incomplete_without_free_context_is_blocked(void **state)
{
	struct fix *f = *state;
	struct fault_plan *plan = fault_plan_new();
	struct fault_rule rule = { .command = "RTT_CREATE", .iface = ABI_RMI, .action = FAULT_RETURN,
				   .status = V2(STATUS_INCOMPLETE) };
	uint64_t rtt = fix_alloc_delegated(f);
	char err[160];

	assert_int_equal(fault_plan_add(plan, rmm_profile(f->rmm), &rule, err, sizeof(err), NULL, 0), 0);
	rmm_set_faults(f->rmm, plan);
	for (int i = 0; i < 16; i++)
		assert_int_equal(rc(f, RMI_FID_RTT_CREATE, f->rd, rtt, 0, 2, 0, NULL),
				 INCOMPLETE(V2(MEM_REQ_NONE)));
	assert_rmi(rc(f, RMI_FID_RTT_CREATE, f->rd, rtt, 0, 2, 0, NULL), V2(STATUS_BLOCKED));
	done(f, plan);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(busy_and_blocked_change_nothing, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(incomplete_none_runs_on_continue, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(incomplete_donate_then_reclaim, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(incomplete_reclaim_then_command_results, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(cancel_only_with_can_cancel, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(incomplete_on_rec_create_keeps_the_handle, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(incomplete_on_op_continue_layers_on_the_operation, setup,
						fix_teardown),
		cmocka_unit_test_setup_teardown(bad_incomplete_rules_refused, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(incomplete_without_free_context_is_blocked, setup, fix_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
