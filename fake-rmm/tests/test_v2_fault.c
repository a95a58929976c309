// SPDX-License-Identifier: BSD-3-Clause
/*
 * Fault injection on the 2.0 profile: forced BUSY / BLOCKED leave the state
 * unchanged; a forced INCOMPLETE (each memory request: none, donate,
 * reclaim; with or without can-cancel) hands out a real handle, changes
 * nothing until the host drives the operation to its end, which then runs
 * the interrupted command.  Any other forced failure answers the results
 * the real command gives when it fails without doing anything (spec
 * `on_failure`): a range delegation's x1 is base, never 0.
 */
#include <string.h>

#include <cca-double/fault.h>

#include "fault_compare.h"
#include "v2_fixture.h"

#define MEMREQ_IDX(req) ((uint64_t)(req) << (V2(RETURN_CODE_MEMREQ_SHIFT) - V2(RETURN_CODE_INDEX_SHIFT)))
#define CANCEL_IDX (1ULL << (V2(RETURN_CODE_CAN_CANCEL_SHIFT) - V2(RETURN_CODE_INDEX_SHIFT)))
#define NS_IPA (1ULL << 39)		/* first unprotected IPA of the s2sz-40 realm */
#define MB2 (2ULL << 20)
#define SINGLE V2(ADDR_TYPE_SINGLE)
#define UNPROT_FLAGS(type, attr, s2ap) ((uint64_t)(type) | \
	((uint64_t)(attr) << V2(UNPROT_MAP_FLAGS_MEMATTR_SHIFT)) | \
	((uint64_t)(s2ap) << V2(UNPROT_MAP_FLAGS_S2AP_SHIFT)))
#define RW (V2(S2AP_DIRECT_READ_MASK) | V2(S2AP_DIRECT_WRITE_MASK))

/* INTERNAL granules the test realm holds from its creation (2.0-bet3: its aux state). */
static uint64_t internal0;

/* INTERNAL granules beyond the realm's own: what an operation holds. */
static uint64_t internal(struct fix *f)
{
	return rmm_granules_in_state(f->rmm, GRANULE_INTERNAL) - internal0;
}

static int setup(void **state)
{
	if (fix_setup_v2(state))
		return -1;
	rt_v2_realm(*state, 40, 1, 2);
	internal0 = rmm_granules_in_state(((struct fix *)*state)->rmm, GRANULE_INTERNAL);
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
	assert_int_equal(internal(f), 2);
	assert_int_equal(rc(f, RMI_FID_OP_MEM_RECLAIM, h, list, 512, 0, 0, &r),
			 INCOMPLETE(V2(MEM_REQ_NONE)));
	assert_int_equal(r.x[1], 1);
	assert_int_equal(*(uint64_t *)pmem_host_ptr(f->pm, list), desc);
	assert_int_equal(internal(f), 0);
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
	assert_int_equal(internal(f), 0);
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

/*
 * The same for every command the profile makes an operation with memory
 * transfer (2.0-bet3: REALM_CREATE, REALM_DESTROY too): a forced INCOMPLETE
 * first, then the command's own operation under the same handle, driven
 * to its end as a host does.
 */
static void incomplete_on_transfer_commands(void **state)
{
	struct fix *f = *state;
	const struct abi_command *create =
		abi_command_by_name(rmm_profile(f->rmm), ABI_RMI, "REALM_CREATE");
	struct realm_desc d;
	struct fault_plan *plan;
	uint64_t rd, h, x0;
	struct smc_regs r;

	realm_desc_default(&d);
	plan = plan_one(f, "REALM_CREATE", V2(STATUS_INCOMPLETE), 0, 0);
	x0 = fix_realm_create(f, &d);	/* drives the forced layer and the command's own SRO */
	done(f, plan);
	assert_rmi(x0, 0);
	rd = f->rd;
	assert_int_equal(rmm_granule_state(f->rmm, rd), GRANULE_RD);
	assert_rmi(rc(f, RMI_FID_REALM_TERMINATE, rd, 0, 0, 0, 0, NULL), 0);
	plan = plan_one(f, "REALM_DESTROY", V2(STATUS_INCOMPLETE), 0, 0);
	rc(f, RMI_FID_REALM_DESTROY, rd, 0, 0, 0, 0, &r);
	h = r.x[1];
	assert_int_equal(rmm_granule_state(f->rmm, rd), GRANULE_RD);
	x0 = rc(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, &r);
	if (create->stateful == ABI_STATEFUL_TRANSFER) {
		/* REALM_DESTROY's own operation, in the handle the host holds. */
		assert_int_equal(x0, INCOMPLETE(V2(MEM_REQ_RECLAIM)));
		assert_int_equal(r.x[1], h);
		x0 = v2_drive(f, h, x0, 0);
	}
	assert_rmi(x0, 0);
	assert_int_equal(rmm_granule_state(f->rmm, rd), GRANULE_DELEGATED);
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
	rule.donate_req = 2ULL | 1ULL << V2(DONATE_REQUEST_COUNT_SHIFT);	/* 1 GiB block */
	assert_int_equal(fault_plan_add(plan, rmm_profile(f->rmm), &rule, err, sizeof(err), NULL, 0), -1);
	rule.donate_req = (uint64_t)(FAULT_MAX_DONATE_GRANULES + 1) << V2(DONATE_REQUEST_COUNT_SHIFT);
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

/* ---- forced failures answer what the real command answers (spec on_failure) ---- */

static const struct abi_command *cmd_of(struct fix *f, const char *name)
{
	const struct abi_command *c = abi_command_by_name(rmm_profile(f->rmm), ABI_RMI, name);

	assert_non_null(c);
	return c;
}

static void forced_failures_look_like_real_ones(void **state)
{
	struct fix *f = *state;
	struct fault_compare_log log = { 0 };
	uint64_t ns = fix_alloc(f), del = fix_alloc_delegated(f), d, nsblk, base = 4 * MB2;

	fix_alloc(f);
	/* VERSION of a revision it does not speak: x1, x2 the range it does. */
	fault_compare_forced_real(f, "VERSION", RMI_FID_VERSION, (uint64_t[]){ 0x10000, 0, 0, 0, 0 },
				  RMI_STATUS_ERROR_INPUT, &log);
	/* OP_MEM_DONATE naming no operation: x1 = 0 granules consumed. */
	fault_compare_forced_real(f, "OP_MEM_DONATE", RMI_FID_OP_MEM_DONATE,
				  (uint64_t[]){ 7, ns, 1, 0, 0 }, RMI_STATUS_ERROR_INPUT, &log);
	/* Range (un)delegation refused at its first granule: x1 = base. */
	fault_compare_forced_real(f, "GRANULE_RANGE_DELEGATE", RMI_FID_GRANULE_RANGE_DELEGATE,
				  (uint64_t[]){ del, del + GRAN, 0, 0, 0 }, RMI_STATUS_ERROR_INPUT, &log);
	fault_compare_forced_real(f, "GRANULE_RANGE_UNDELEGATE", RMI_FID_GRANULE_RANGE_UNDELEGATE,
				  (uint64_t[]){ ns, ns + GRAN, 0, 0, 0 }, RMI_STATUS_ERROR_INPUT, &log);
	/* RTT_DESTROY of a table with a live child table: ERROR_RTT(2), top = ipa. */
	rt_tables(f, 1ULL << 30, 3);
	fault_compare_forced_real(f, "RTT_DESTROY", RMI_FID_RTT_DESTROY,
				  (uint64_t[]){ f->rd, 1ULL << 30, 2, 0, 0 },
				  RET(RMI_STATUS_ERROR_RTT, 2), &log);
	/* DATA_UNMAP of part of a 2 MiB block: ERROR_RTT(2), x1 = base (split it). */
	f->next = (f->next + MB2 - 1) & ~(MB2 - 1);
	d = v2_delegated_run(f, 512);
	rt_tables(f, base, 2);
	assert_rmi(rc(f, RMI_FID_RTT_DATA_MAP, f->rd, base, base + MB2, SINGLE,
		      v2_desc_sized(d, 1, 1, false), NULL), 0);
	fault_compare_forced_real(f, "RTT_DATA_UNMAP", RMI_FID_RTT_DATA_UNMAP,
				  (uint64_t[]){ f->rd, base + GRAN, base + 2 * GRAN, SINGLE, 0 },
				  RET(RMI_STATUS_ERROR_RTT, 2), &log);
	/* The same for an unprotected 2 MiB block. */
	f->next = (f->next + MB2 - 1) & ~(MB2 - 1);
	nsblk = fix_alloc(f);
	for (int i = 1; i < 512; i++)
		fix_alloc(f);
	rt_tables(f, NS_IPA, 2);
	assert_rmi(rc(f, RMI_FID_RTT_UNPROT_MAP, f->rd, NS_IPA, NS_IPA + MB2,
		      UNPROT_FLAGS(SINGLE, 6, RW), v2_desc_sized(nsblk, 1, 1, true), NULL), 0);
	fault_compare_forced_real(f, "RTT_UNPROT_UNMAP", RMI_FID_RTT_UNPROT_UNMAP,
				  (uint64_t[]){ f->rd, NS_IPA + GRAN, NS_IPA + 2 * GRAN, SINGLE, 0 },
				  RET(RMI_STATUS_ERROR_RTT, 2), &log);
	fault_compare_assert_all(f, &log);
}

/*
 * Every status a sweep injects into range delegation answers x1 = base and
 * moves nothing: a host looping on x1 sees no progress, never a jump back
 * to 0 (v14 rmi_delegate_range()).
 */
static void forced_range_failures_answer_base(void **state)
{
	struct fix *f = *state;
	static const char *const names[] = { "GRANULE_RANGE_DELEGATE", "GRANULE_RANGE_UNDELEGATE" };
	static const uint32_t fids[] = { RMI_FID_GRANULE_RANGE_DELEGATE,
					 RMI_FID_GRANULE_RANGE_UNDELEGATE };

	for (int u = 0; u < 2; u++) {
		const struct abi_command *c = cmd_of(f, names[u]);

		for (unsigned int e = 0; e < c->nerrors; e++) {
			uint64_t base;

			enum granule_state st = u ? GRANULE_DELEGATED : GRANULE_NS;
			struct fault_plan *plan;
			struct smc_regs r;
			int64_t status;

			/* A stateful command's INCOMPLETE is no failure: x1 is its handle. */
			if (!strcmp(c->errors[e], "INCOMPLETE"))
				continue;
			base = u ? v2_delegated_run(f, 2) : fix_alloc(f);
			if (!u)
				fix_alloc(f);
			assert_true(abi_enum_value(abi_enum_find(rmm_profile(f->rmm), "status"),
						   c->errors[e], &status));
			plan = plan_one(f, names[u], (uint64_t)status, 0, 0);
			assert_rmi(rc(f, fids[u], base, base + 2 * GRAN, 0, 0, 0, &r), (uint64_t)status);
			assert_int_equal(r.x[1], base);
			assert_int_equal(rmm_granule_state(f->rmm, base), st);
			assert_int_equal(rmm_granule_state(f->rmm, base + GRAN), st);
			done(f, plan);
		}
	}
	/* ERROR_GPT named: the case a host would read as "went backwards". */
	{
		uint64_t base = fix_alloc(f);
		struct fault_plan *plan = plan_one(f, "GRANULE_RANGE_DELEGATE", V2(STATUS_ERROR_GPT), 0, 0);
		struct smc_regs r;

		assert_rmi(rc(f, RMI_FID_GRANULE_RANGE_DELEGATE, base, base + GRAN, 0, 0, 0, &r),
			   V2(STATUS_ERROR_GPT));
		assert_int_equal(r.x[1], base);
		done(f, plan);
		/* And the call runs for real afterwards. */
		assert_rmi(rc(f, RMI_FID_GRANULE_RANGE_DELEGATE, base, base + GRAN, 0, 0, 0, &r), 0);
		assert_int_equal(r.x[1], base + GRAN);
	}
}

/* A forced SUCCESS, or a failure no on_failure names, leaves the results 0. */
static void forced_results_default_to_zero(void **state)
{
	struct fix *f = *state;
	uint64_t base = fix_alloc(f);
	struct fault_plan *plan = plan_one(f, "RTT_DESTROY", RMI_STATUS_ERROR_INPUT, 0, 0);
	struct smc_regs r;

	assert_rmi(rc(f, RMI_FID_RTT_DESTROY, f->rd, 1ULL << 30, 2, 0, 0, &r), RMI_STATUS_ERROR_INPUT);
	assert_int_equal(r.x[1], 0);
	assert_int_equal(r.x[2], 0);	/* top: ERROR_RTT only (TF-RMM: x2 = 0 on ERROR_INPUT) */
	done(f, plan);
	plan = plan_one(f, "GRANULE_RANGE_DELEGATE", RMI_STATUS_SUCCESS, 0, 0);
	assert_rmi(rc(f, RMI_FID_GRANULE_RANGE_DELEGATE, base, base + GRAN, 0, 0, 0, &r), 0);
	assert_int_equal(r.x[1], 0);
	done(f, plan);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(busy_and_blocked_change_nothing, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(incomplete_none_runs_on_continue, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(incomplete_donate_then_reclaim, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(incomplete_reclaim_then_command_results, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(cancel_only_with_can_cancel, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(incomplete_on_rec_create_keeps_the_handle, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(incomplete_on_transfer_commands, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(incomplete_on_op_continue_layers_on_the_operation, setup,
						fix_teardown),
		cmocka_unit_test_setup_teardown(bad_incomplete_rules_refused, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(incomplete_without_free_context_is_blocked, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(forced_failures_look_like_real_ones, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(forced_range_failures_answer_base, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(forced_results_default_to_zero, setup, fix_teardown),
	};

	return fix_run_v2_group("v2_fault", tests, argc, argv);
}
