// SPDX-License-Identifier: BSD-3-Clause
/*
 * Donate requests of every form the spec allows, forced by fault rules
 * (fault.h): 2 MiB blocks, contiguous or not, delegated or undelegated
 * memory.  OP_MEM_DONATE checks the list against the request as TF-RMM
 * addr_list_validate() / smc_op_mem_donate() do (block size, alignment,
 * state, one naturally aligned power-of-two block when contiguous, never
 * more than wanted); undelegated granules are delegated by the RMM itself
 * and undelegated again before they come back; reclaim lists whole blocks
 * in the size and state they were given; OP_CANCEL gives back what is
 * held, then ends the operation with SUCCESS, the command never run.
 * Every call is followed by the invariant check (rc()).
 */
#include <string.h>

#include <cca-double/fault.h>

#include "v2_fixture.h"

#define MEMREQ_IDX(req) ((uint64_t)(req) << (V2(RETURN_CODE_MEMREQ_SHIFT) - V2(RETURN_CODE_INDEX_SHIFT)))
#define CANCEL_IDX (1ULL << (V2(RETURN_CODE_CAN_CANCEL_SHIFT) - V2(RETURN_CODE_INDEX_SHIFT)))
#define DONATE_IDX MEMREQ_IDX(V2(MEM_REQ_DONATE))
#define PMD_GRANULES 512
#define L2 V2(BLOCK_SIZE_L2)

/* x2 of a donate request: `count` blocks of `size`, contiguous or not, undelegated or not. */
static uint64_t req_of(unsigned int size, uint64_t count, bool contig, bool undelegated)
{
	return v2_donate_req(size, count, contig,
			     v2_mem_state(undelegated ? "UNDELEGATED" : "DELEGATED"));
}

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

static int add_rule(struct fix *f, struct fault_plan *plan, uint64_t index, uint64_t req,
		    char *err, size_t errlen)
{
	struct fault_rule rule = { .command = "RTT_CREATE", .iface = ABI_RMI, .action = FAULT_RETURN,
				   .status = V2(STATUS_INCOMPLETE), .index = index,
				   .donate_req = req, .nth = 1 };

	return fault_plan_add(plan, rmm_profile(f->rmm), &rule, err, errlen, NULL, 0);
}

/* RTT_CREATE (level 2 at IPA 0) answers INCOMPLETE with this request; *h the handle. */
static struct fault_plan *inject_rtt_create(struct fix *f, uint64_t index, uint64_t req,
					    uint64_t *rtt, uint64_t *h)
{
	struct fault_plan *plan = fault_plan_new();
	struct smc_regs r;
	char err[256];

	if (add_rule(f, plan, index, req, err, sizeof(err)))
		fail_msg("fault_plan_add: %s", err);
	rmm_set_faults(f->rmm, plan);
	*rtt = fix_alloc_delegated(f);
	assert_int_equal(X0_STATUS(rc(f, RMI_FID_RTT_CREATE, f->rd, *rtt, 0, 2, 0, &r)),
			 V2(STATUS_INCOMPLETE));
	assert_int_equal(r.x[2], req);
	*h = r.x[1];
	return plan;
}

static void done(struct fix *f, struct fault_plan *plan)
{
	rmm_set_faults(f->rmm, NULL);
	fault_plan_free(plan);
}

/* The fixture's next granule moved up to a 2 MiB boundary. */
static void align_next_pmd(struct fix *f)
{
	f->next = (f->next + L2_SIZE - 1) & ~(L2_SIZE - 1);
}

/* `n` PMD-aligned 2 MiB blocks of fresh granules, delegated unless `ns`; the first PA. */
static uint64_t pmd_run(struct fix *f, unsigned int n, bool ns)
{
	align_next_pmd(f);
	if (!ns)
		return v2_delegated_run(f, n * PMD_GRANULES);
	for (unsigned int i = 1; i < n * PMD_GRANULES; i++)
		fix_alloc(f);
	return fix_alloc(f) - ((uint64_t)n * PMD_GRANULES - 1) * GRAN;
}

static uint64_t donate(struct fix *f, uint64_t h, const uint64_t *list, unsigned int n,
		       struct smc_regs *r)
{
	return rc(f, RMI_FID_OP_MEM_DONATE, h, v2_list(f, list, n), n, 0, 0, r);
}

/* A contiguous PMD block of delegated memory: only one aligned 2 MiB descriptor will do. */
static void pmd_contiguous_delegated(void **state)
{
	struct fix *f = *state;
	uint64_t req = req_of(L2, 1, true, false), rtt, h, d, desc, list = fix_alloc(f);
	struct fault_plan *plan = inject_rtt_create(f, DONATE_IDX, req, &rtt, &h);
	struct smc_regs r;

	d = pmd_run(f, 2, false);
	/* 512 granule-sized blocks are the right amount of the wrong block size. */
	desc = v2_desc(d, PMD_GRANULES, false);
	assert_rmi(donate(f, h, &desc, 1, &r), RMI_STATUS_ERROR_INPUT);
	/* A 2 MiB block that is not 2 MiB aligned. */
	desc = v2_desc_sized(d + GRAN, L2, 1, false);
	assert_rmi(donate(f, h, &desc, 1, &r), RMI_STATUS_ERROR_INPUT);
	/* The right block in the wrong state. */
	desc = v2_desc_sized(d, L2, 1, true);
	assert_rmi(donate(f, h, &desc, 1, &r), RMI_STATUS_ERROR_INPUT);
	/* Twice as much as asked. */
	desc = v2_desc_sized(d, L2, 2, false);
	assert_rmi(donate(f, h, &desc, 1, &r), RMI_STATUS_ERROR_INPUT);
	assert_int_equal(internal(f), 0);

	/* The block: consumed whole (x1 counts granules), given straight back. */
	desc = v2_desc_sized(d, L2, 1, false);
	assert_int_equal(donate(f, h, &desc, 1, &r), INCOMPLETE(V2(MEM_REQ_RECLAIM)));
	assert_int_equal(r.x[1], PMD_GRANULES);
	assert_int_equal(internal(f), PMD_GRANULES);
	assert_int_equal(rc(f, RMI_FID_OP_MEM_RECLAIM, h, list, 512, 0, 0, &r),
			 INCOMPLETE(V2(MEM_REQ_NONE)));
	assert_int_equal(r.x[1], 1);
	assert_int_equal(*(uint64_t *)pmem_host_ptr(f->pm, list), desc);
	assert_int_equal(rmm_granule_state(f->rmm, d + L2_SIZE - GRAN), GRANULE_DELEGATED);
	assert_rmi(rc(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, NULL), 0);
	assert_int_equal(rmm_granule_state(f->rmm, rtt), GRANULE_RTT);
	done(f, plan);
}

/* Contiguous means one naturally aligned power-of-two block, all of it or nothing. */
static void contiguous_granules_rules(void **state)
{
	struct fix *f = *state;
	uint64_t req = req_of(V2(BLOCK_SIZE_L3), 4, true, false), rtt, h, d, list[2];
	struct fault_plan *plan = inject_rtt_create(f, DONATE_IDX, req, &rtt, &h);
	struct smc_regs r;

	f->next = (f->next + 8 * GRAN - 1) & ~(8 * GRAN - 1);
	d = v2_delegated_run(f, 8);
	/* Four granules not aligned to 16 KiB. */
	list[0] = v2_desc(d + GRAN, 4, false);
	assert_rmi(donate(f, h, list, 1, &r), RMI_STATUS_ERROR_INPUT);
	/* Part of the block. */
	list[0] = v2_desc(d, 2, false);
	assert_rmi(donate(f, h, list, 1, &r), RMI_STATUS_ERROR_INPUT);
	/* Two descriptors, even adjacent ones. */
	list[0] = v2_desc(d, 2, false);
	list[1] = v2_desc(d + 2 * GRAN, 2, false);
	assert_rmi(donate(f, h, list, 2, &r), RMI_STATUS_ERROR_INPUT);
	/* Nothing at all (an empty descriptor) is no progress, not an error. */
	list[0] = v2_desc(d, 0, false);
	assert_int_equal(donate(f, h, list, 1, &r), INCOMPLETE(V2(MEM_REQ_DONATE)));
	assert_int_equal(r.x[1], 0);
	assert_int_equal(r.x[2], req);
	list[0] = v2_desc(d + 4 * GRAN, 4, false);
	assert_int_equal(donate(f, h, list, 1, &r), INCOMPLETE(V2(MEM_REQ_RECLAIM)));
	assert_int_equal(r.x[1], 4);
	assert_rmi(v2_drive(f, h, INCOMPLETE(V2(MEM_REQ_RECLAIM)), 0), 0);
	assert_int_equal(rmm_granule_state(f->rmm, rtt), GRANULE_RTT);
	done(f, plan);
}

/*
 * Undelegated memory: the host gives NS granules, the RMM delegates them
 * itself (they are the RMM's, INTERNAL, at once) and gives them back
 * scrubbed and undelegated, listed with the undelegated state bit.
 */
static void undelegated_granules(void **state)
{
	struct fix *f = *state;
	uint64_t req = req_of(V2(BLOCK_SIZE_L3), 3, false, true), rtt, h, list[3], out;
	struct fault_plan *plan = inject_rtt_create(f, DONATE_IDX, req, &rtt, &h);
	uint64_t g[3] = { fix_alloc(f), fix_alloc(f), fix_alloc(f) };
	struct smc_regs r;

	memset(pmem_host_ptr(f->pm, g[0]), 0xa5, GRAN);
	/* Delegated memory described as delegated: the wrong state for this request. */
	list[0] = v2_desc(fix_alloc_delegated(f), 1, false);
	assert_rmi(donate(f, h, list, 1, &r), RMI_STATUS_ERROR_INPUT);
	/* One NS granule: taken, one at a time is fine when not contiguous. */
	list[0] = v2_desc(g[0], 1, true);
	assert_int_equal(donate(f, h, list, 1, &r), INCOMPLETE(V2(MEM_REQ_DONATE)));
	assert_int_equal(r.x[1], 1);
	assert_int_equal(r.x[2], req_of(V2(BLOCK_SIZE_L3), 2, false, true));
	assert_int_equal(rmm_granule_state(f->rmm, g[0]), GRANULE_INTERNAL);
	/* The other two, then everything comes back NS, scrubbed, state bit set. */
	list[0] = v2_desc(g[1], 1, true);
	list[1] = v2_desc(g[2], 1, true);
	assert_int_equal(donate(f, h, list, 2, &r), INCOMPLETE(V2(MEM_REQ_RECLAIM)));
	assert_int_equal(r.x[1], 2);
	out = fix_alloc(f);
	assert_int_equal(rc(f, RMI_FID_OP_MEM_RECLAIM, h, out, 512, 0, 0, &r),
			 INCOMPLETE(V2(MEM_REQ_NONE)));
	/* Adjacent granules come back as one descriptor. */
	assert_int_equal(r.x[1], 1);
	assert_int_equal(((uint64_t *)pmem_host_ptr(f->pm, out))[0], v2_desc(g[0], 3, true));
	for (int i = 0; i < 3; i++)
		assert_int_equal(rmm_granule_state(f->rmm, g[i]), GRANULE_NS);
	assert_int_equal(*(uint8_t *)pmem_host_ptr(f->pm, g[0]), 0);
	assert_rmi(rc(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, NULL), 0);
	assert_int_equal(rmm_granule_state(f->rmm, rtt), GRANULE_RTT);
	done(f, plan);
}

/*
 * A CONDITIONAL request (2.0-bet3 op_mem_state): each block may come
 * delegated or undelegated, its descriptor saying which (a later TF-RMM's
 * host_sro_prepare_donation(): "a CONDITIONAL request accepts either
 * state"); CONDITIONAL itself is no state memory is in.  The RMM delegates
 * what came NS, and each block goes back in the state it came in.  In the
 * descriptors STATE is bits 63:62 there.
 */
static void conditional_donation(void **state)
{
	struct fix *f = *state;
	int64_t cond = abi_enum_or(rmm_profile(f->rmm), "op_mem_state", "CONDITIONAL", -1);
	uint64_t rtt, h, list[2], out, ns, del, req, *l;
	struct fault_plan *plan;
	struct smc_regs r;

	if (cond < 0)
		skip();
	req = v2_donate_req(V2(BLOCK_SIZE_L3), 2, false, (uint64_t)cond);
	plan = inject_rtt_create(f, DONATE_IDX, req, &rtt, &h);
	ns = fix_alloc(f);
	fix_alloc(f);
	del = fix_alloc_delegated(f);
	/* A descriptor saying CONDITIONAL names no state: refused. */
	list[0] = v2_desc_state(ns, V2(BLOCK_SIZE_L3), 1, (uint64_t)cond);
	assert_rmi(donate(f, h, list, 1, &r), RMI_STATUS_ERROR_INPUT);
	assert_int_equal(r.x[1], 0);
	/* One block undelegated (NS), one delegated: both taken. */
	list[0] = v2_desc(ns, 1, true);
	list[1] = v2_desc(del, 1, false);
	assert_int_equal((list[0] >> abi_bits(rmm_profile(f->rmm), "addr_range_desc", "STATE").shift), 1);
	assert_int_equal(donate(f, h, list, 2, &r), INCOMPLETE(V2(MEM_REQ_RECLAIM)));
	assert_int_equal(r.x[1], 2);
	assert_int_equal(rmm_granule_state(f->rmm, ns), GRANULE_INTERNAL);
	assert_int_equal(rmm_granule_state(f->rmm, del), GRANULE_INTERNAL);
	out = fix_alloc(f);
	assert_int_equal(rc(f, RMI_FID_OP_MEM_RECLAIM, h, out, 512, 0, 0, &r),
			 INCOMPLETE(V2(MEM_REQ_NONE)));
	assert_int_equal(r.x[1], 2);
	l = pmem_host_ptr(f->pm, out);
	assert_int_equal(l[0], v2_desc(ns, 1, true));
	assert_int_equal(l[1], v2_desc(del, 1, false));
	assert_int_equal(rmm_granule_state(f->rmm, ns), GRANULE_NS);
	assert_int_equal(rmm_granule_state(f->rmm, del), GRANULE_DELEGATED);
	assert_rmi(rc(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, NULL), 0);
	assert_int_equal(rmm_granule_state(f->rmm, rtt), GRANULE_RTT);
	done(f, plan);
}

/* A first block in the wrong PAS state ends the operation with ERROR_INPUT, command not run. */
static void undelegated_first_block_not_ns(void **state)
{
	struct fix *f = *state;
	uint64_t req = req_of(V2(BLOCK_SIZE_L3), 1, false, true), rtt, h, list[1];
	struct fault_plan *plan = inject_rtt_create(f, DONATE_IDX, req, &rtt, &h);
	struct smc_regs r;

	/* Described as undelegated, but delegated: passes the list check, fails at the granule. */
	list[0] = v2_desc(fix_alloc_delegated(f), 1, true);
	assert_int_equal(donate(f, h, list, 1, &r), INCOMPLETE(V2(MEM_REQ_NONE)));
	assert_int_equal(r.x[1], 0);
	assert_rmi(rc(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	assert_int_equal(rmm_granule_state(f->rmm, rtt), GRANULE_DELEGATED);
	done(f, plan);
}

/*
 * Two undelegated 2 MiB blocks, not contiguous: the RMM takes whole blocks
 * only (a block with one granule it cannot take is left entirely), asks
 * for the rest; OP_CANCEL then gives back the block it holds, undelegated,
 * and the command is never run.
 */
static void pmd_partial_then_cancel(void **state)
{
	struct fix *f = *state;
	uint64_t req = req_of(L2, 2, false, true), rtt, h, a, b, list[2], out;
	struct fault_plan *plan = inject_rtt_create(f, DONATE_IDX | CANCEL_IDX, req, &rtt, &h);
	struct smc_regs r;

	a = pmd_run(f, 1, true);
	b = pmd_run(f, 1, true);
	assert_rmi(fix_delegate(f, b + 7 * GRAN), 0);	/* one granule of b is not NS */
	list[0] = v2_desc_sized(a, L2, 1, true);
	list[1] = v2_desc_sized(b, L2, 1, true);
	assert_int_equal(donate(f, h, list, 2, &r),
			 INCOMPLETE(V2(MEM_REQ_DONATE)) | V2(RETURN_CODE_CAN_CANCEL_MASK));
	assert_int_equal(r.x[1], PMD_GRANULES);
	assert_int_equal(r.x[2], req_of(L2, 1, false, true));
	assert_int_equal(rmm_granule_state(f->rmm, a + L2_SIZE - GRAN), GRANULE_INTERNAL);
	assert_int_equal(rmm_granule_state(f->rmm, b), GRANULE_NS);

	/* Cancelled while it still wants memory: what it holds comes back first. */
	assert_int_equal(rc(f, RMI_FID_OP_CANCEL, h, 0, 0, 0, 0, NULL),
			 INCOMPLETE(V2(MEM_REQ_RECLAIM)));
	/* A list with no room: nothing written, still reclaiming. */
	out = fix_alloc(f);
	assert_int_equal(rc(f, RMI_FID_OP_MEM_RECLAIM, h, out, 0, 0, 0, &r),
			 INCOMPLETE(V2(MEM_REQ_RECLAIM)));
	assert_int_equal(r.x[1], 0);
	assert_int_equal(rc(f, RMI_FID_OP_MEM_RECLAIM, h, out, 512, 0, 0, &r),
			 INCOMPLETE(V2(MEM_REQ_NONE)));
	assert_int_equal(r.x[1], 1);
	assert_int_equal(((uint64_t *)pmem_host_ptr(f->pm, out))[0], v2_desc_sized(a, L2, 1, true));
	assert_int_equal(rmm_granule_state(f->rmm, a), GRANULE_NS);
	assert_rmi(rc(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, NULL), 0);
	assert_rmi(rc(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	assert_int_equal(rmm_granule_state(f->rmm, rtt), GRANULE_DELEGATED);
	assert_int_equal(internal(f), 0);
	done(f, plan);
}

/* Reclaim into a list too short for everything: whole blocks per call, in order. */
static void reclaim_in_short_lists(void **state)
{
	struct fix *f = *state;
	uint64_t req = req_of(L2, 2, false, false), rtt, h, a, b, list[2], out;
	struct fault_plan *plan = inject_rtt_create(f, DONATE_IDX, req, &rtt, &h);
	struct smc_regs r;

	a = pmd_run(f, 1, false);
	fix_alloc(f);				/* keep the blocks apart: two descriptors */
	b = pmd_run(f, 1, false);
	list[0] = v2_desc_sized(a, L2, 1, false);
	list[1] = v2_desc_sized(b, L2, 1, false);
	assert_int_equal(donate(f, h, list, 2, &r), INCOMPLETE(V2(MEM_REQ_RECLAIM)));
	assert_int_equal(r.x[1], 2 * PMD_GRANULES);
	out = fix_alloc(f);
	assert_int_equal(rc(f, RMI_FID_OP_MEM_RECLAIM, h, out, 1, 0, 0, &r),
			 INCOMPLETE(V2(MEM_REQ_RECLAIM)));
	assert_int_equal(r.x[1], 1);
	assert_int_equal(((uint64_t *)pmem_host_ptr(f->pm, out))[0], list[0]);
	assert_int_equal(rmm_granule_state(f->rmm, b), GRANULE_INTERNAL);
	assert_int_equal(rc(f, RMI_FID_OP_MEM_RECLAIM, h, out, 1, 0, 0, &r),
			 INCOMPLETE(V2(MEM_REQ_NONE)));
	assert_int_equal(((uint64_t *)pmem_host_ptr(f->pm, out))[0], list[1]);
	assert_rmi(rc(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, NULL), 0);
	assert_int_equal(rmm_granule_state(f->rmm, rtt), GRANULE_RTT);
	done(f, plan);
}

/*
 * OP_CANCEL names the operation: cancelling a layer injected on REC_CREATE's
 * OP_CONTINUE ends REC_CREATE itself - its sixteen auxiliary granules come
 * back, the REC granule is DELEGATED again, SUCCESS.
 */
static void cancel_layer_ends_the_operation(void **state)
{
	struct fix *f = *state;
	struct fault_plan *plan = fault_plan_new();
	struct fault_rule rule = { .command = "OP_CONTINUE", .iface = ABI_RMI, .action = FAULT_RETURN,
				   .status = V2(STATUS_INCOMPLETE), .index = DONATE_IDX | CANCEL_IDX,
				   .donate_req = req_of(L2, 1, true, false), .nth = 1 };
	uint64_t rec = fix_alloc_delegated(f), h, desc, out = fix_alloc(f);
	struct smc_regs r;
	char err[256];

	rc(f, RMI_FID_REC_CREATE, f->rd, rec, v2_rec_params(f, 0, 0, 0, NULL), 0, 0, &r);
	h = r.x[1];
	desc = v2_desc(v2_delegated_run(f, 16), 16, false);
	assert_int_equal(donate(f, h, &desc, 1, &r), INCOMPLETE(V2(MEM_REQ_NONE)));
	if (fault_plan_add(plan, rmm_profile(f->rmm), &rule, err, sizeof(err), NULL, 0))
		fail_msg("fault_plan_add: %s", err);
	rmm_set_faults(f->rmm, plan);
	assert_int_equal(X0_CAN_CANCEL(rc(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, &r)), 1);
	assert_int_equal(rc(f, RMI_FID_OP_CANCEL, h, 0, 0, 0, 0, NULL), INCOMPLETE(V2(MEM_REQ_RECLAIM)));
	assert_int_equal(rc(f, RMI_FID_OP_MEM_RECLAIM, h, out, 512, 0, 0, &r),
			 INCOMPLETE(V2(MEM_REQ_NONE)));
	assert_int_equal(((uint64_t *)pmem_host_ptr(f->pm, out))[0], desc);
	assert_rmi(rc(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, NULL), 0);
	assert_int_equal(rmm_granule_state(f->rmm, rec), GRANULE_DELEGATED);
	assert_int_equal(rmm_granules_in_state(f->rmm, GRANULE_REC_AUX), 0);
	assert_rmi(rc(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	done(f, plan);
}

/* Fault rules: every allowed form is accepted; the rest refused with the reason. */
static void donate_rules_checked(void **state)
{
	struct fix *f = *state;
	struct fault_plan *plan = fault_plan_new();
	char err[256];

	assert_int_equal(add_rule(f, plan, DONATE_IDX, req_of(L2, 4, true, false), err, sizeof(err)), 0);
	assert_int_equal(add_rule(f, plan, DONATE_IDX | CANCEL_IDX, req_of(L2, 3, false, true), err,
				  sizeof(err)), 0);
	assert_int_equal(add_rule(f, plan, DONATE_IDX, req_of(0, FAULT_MAX_DONATE_GRANULES, false, true),
				  err, sizeof(err)), 0);
	assert_int_equal(add_rule(f, plan, DONATE_IDX, req_of(L2, 5, false, false), err, sizeof(err)), -1);
	assert_non_null(strstr(err, "FAULT_MAX_DONATE_GRANULES"));
	assert_int_equal(add_rule(f, plan, DONATE_IDX, req_of(V2(BLOCK_SIZE_L1), 1, false, false), err,
				  sizeof(err)), -1);
	assert_non_null(strstr(err, "1 GiB"));
	assert_int_equal(add_rule(f, plan, DONATE_IDX, req_of(V2(BLOCK_SIZE_L0), 1, false, false), err,
				  sizeof(err)), -1);
	assert_int_equal(add_rule(f, plan, DONATE_IDX, req_of(0, 3, true, false), err, sizeof(err)), -1);
	assert_non_null(strstr(err, "power-of-two"));
	assert_int_equal(add_rule(f, plan, DONATE_IDX, req_of(0, 1, false, false) | (1ULL << 20), err,
				  sizeof(err)), -1);
	/* The state: a value of the profile's op_mem_state (CONDITIONAL only where it has one). */
	{
		int64_t cond = abi_enum_or(rmm_profile(f->rmm), "op_mem_state", "CONDITIONAL", -1);
		struct abi_bits st = abi_bits(rmm_profile(f->rmm), "donate_request", "state");
		uint64_t one = req_of(0, 1, false, false);

		if (cond >= 0) {
			assert_int_equal(add_rule(f, plan, DONATE_IDX, one | abi_bits_put(st, (uint64_t)cond),
						  err, sizeof(err)), 0);
			assert_int_equal(add_rule(f, plan, DONATE_IDX, one | abi_bits_put(st, 3), err,
						  sizeof(err)), -1);
			assert_non_null(strstr(err, "op_mem_state"));
		} else {
			assert_int_equal(add_rule(f, plan, DONATE_IDX, one | (st.mask << 1), err,
						  sizeof(err)), -1);
		}
		assert_int_equal(fault_plan_nrules(plan), cond >= 0 ? 4 : 3);
	}
	fault_plan_free(plan);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(pmd_contiguous_delegated, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(contiguous_granules_rules, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(undelegated_granules, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(undelegated_first_block_not_ns, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(conditional_donation, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(pmd_partial_then_cancel, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(reclaim_in_short_lists, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(cancel_layer_ends_the_operation, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(donate_rules_checked, setup, fix_teardown),
	};

	return fix_run_v2_group("v2_sro_donate", tests, argc, argv);
}
