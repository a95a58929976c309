// SPDX-License-Identifier: BSD-3-Clause
/*
 * REC_CREATE / REC_DESTROY as Stateful RMI Operations (2.0), and
 * REALM_CREATE / REALM_DESTROY where the profile makes them operations: the
 * full transcripts, the expected-next-FID rule, handles, donation of too
 * few / wrong-state granules, reclaim into short lists, failures found at
 * OP_CONTINUE, STOP, cancel, context exhaustion.  Every call is followed
 * by the invariant check (rc()).
 */
#include <string.h>

#include "v2_fixture.h"

#define NAUX 16

static int setup(void **state)
{
	if (fix_setup_v2(state))
		return -1;
	rt_v2_realm(*state, 40, 1, 2);
	return 0;
}

static uint64_t params0(struct fix *f)
{
	return v2_rec_params(f, V2(REC_PARAMS_FLAGS_RUNNABLE_MASK), 0, 0x1000, NULL);
}

static uint64_t start_create(struct fix *f, uint64_t params, uint64_t *rec, uint64_t *h,
			     uint64_t *req)
{
	struct smc_regs r;
	uint64_t x0;

	*rec = fix_alloc_delegated(f);
	x0 = rc(f, RMI_FID_REC_CREATE, f->rd, *rec, params, 0, 0, &r);
	*h = r.x[1];
	*req = r.x[2];
	return x0;
}

/* Donates `n` contiguous fresh delegated granules with one descriptor; x0, x1, x2 out. */
static uint64_t donate_run(struct fix *f, uint64_t h, unsigned int n, struct smc_regs *r,
			   uint64_t *first)
{
	uint64_t d = v2_delegated_run(f, n), desc = v2_desc(d, n, false);

	if (first)
		*first = d;
	return rc(f, RMI_FID_OP_MEM_DONATE, h, v2_list(f, &desc, 1), 1, 0, 0, r);
}

static void rec_create_transcript(void **state)
{
	struct fix *f = *state;
	uint64_t rec, h, req, x0, list[6], d;
	struct smc_regs r;

	x0 = start_create(f, params0(f), &rec, &h, &req);
	/* INCOMPLETE, memreq DONATE, cannot cancel; x1 handle; x2 16 x 4 KiB, delegated */
	assert_int_equal(x0, INCOMPLETE(V2(MEM_REQ_DONATE)));
	assert_int_equal(X0_CAN_CANCEL(x0), 0);
	assert_int_equal(req, (uint64_t)NAUX << V2(DONATE_REQUEST_COUNT_SHIFT));
	assert_int_equal(rmm_granule_state(f->rmm, rec), GRANULE_PARTIAL);

	/* Anything but OP_MEM_DONATE on this handle: ERROR_INPUT, nothing changes. */
	assert_rmi(rc(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	assert_rmi(rc(f, RMI_FID_OP_MEM_RECLAIM, h, fix_alloc(f), 512, 0, 0, NULL),
		   RMI_STATUS_ERROR_INPUT);
	assert_rmi(rc(f, RMI_FID_OP_CANCEL, h, 0, 0, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	/* Handles that name no operation. */
	assert_rmi(rc(f, RMI_FID_OP_MEM_DONATE, h + 1, fix_alloc(f), 1, 0, 0, NULL),
		   RMI_STATUS_ERROR_INPUT);
	assert_rmi(rc(f, RMI_FID_OP_MEM_DONATE, ~0ULL, fix_alloc(f), 1, 0, 0, NULL),
		   RMI_STATUS_ERROR_INPUT);

	/* 10 of 16: x1 = 10 consumed, x2 asks for the other 6. */
	x0 = donate_run(f, h, 10, &r, NULL);
	assert_int_equal(x0, INCOMPLETE(V2(MEM_REQ_DONATE)));
	assert_int_equal(r.x[1], 10);
	assert_int_equal(DONATE_COUNT(r.x[2]), 6);
	assert_int_equal(rmm_granules_in_state(f->rmm, GRANULE_REC_AUX), 10);

	/* 6 descriptors, the 4th names an NS granule: the first 3 are taken, then it stops. */
	d = v2_delegated_run(f, 5);
	list[0] = v2_desc(d, 1, false);
	list[1] = v2_desc(d + GRAN, 1, false);
	list[2] = v2_desc(d + 2 * GRAN, 1, false);
	list[3] = v2_desc(fix_alloc(f), 1, false);
	list[4] = v2_desc(d + 3 * GRAN, 1, false);
	list[5] = v2_desc(d + 4 * GRAN, 1, false);
	x0 = rc(f, RMI_FID_OP_MEM_DONATE, h, v2_list(f, list, 6), 6, 0, 0, &r);
	assert_int_equal(x0, INCOMPLETE(V2(MEM_REQ_DONATE)));
	assert_int_equal(r.x[1], 3);
	assert_int_equal(DONATE_COUNT(r.x[2]), 3);
	assert_int_equal(rmm_granule_state(f->rmm, d + 3 * GRAN), GRANULE_DELEGATED);

	/* The last 3: memory complete, memreq NONE, x2 = 0. */
	list[0] = v2_desc(d + 3 * GRAN, 2, false);
	list[1] = v2_desc(v2_delegated_run(f, 1), 1, false);
	x0 = rc(f, RMI_FID_OP_MEM_DONATE, h, v2_list(f, list, 2), 2, 0, 0, &r);
	assert_int_equal(x0, INCOMPLETE(V2(MEM_REQ_NONE)));
	assert_int_equal(r.x[1], 3);
	assert_int_equal(r.x[2], 0);
	/* No more donations wanted. */
	assert_rmi(donate_run(f, h, 1, &r, NULL), RMI_STATUS_ERROR_INPUT);

	/* OP_CONTINUE (STOP is accepted and has no stopping point here): SUCCESS. */
	assert_rmi(rc(f, RMI_FID_OP_CONTINUE, h, V2(OP_CONTINUE_FLAGS_STOP_MASK), 0, 0, 0, NULL), 0);
	assert_int_equal(rmm_granule_state(f->rmm, rec), GRANULE_REC);
	assert_int_equal(rmm_granules_in_state(f->rmm, GRANULE_REC_AUX), NAUX);
	assert_int_equal(rmm_granule_refcount(f->rmm, f->rd), 1);
	/* The handle is gone. */
	assert_rmi(rc(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
}

static void rec_create_donate_list_errors(void **state)
{
	struct fix *f = *state;
	uint64_t rec, h, req, d = 0, desc, list;
	struct smc_regs r;

	assert_int_equal(start_create(f, params0(f), &rec, &h, &req), INCOMPLETE(V2(MEM_REQ_DONATE)));
	d = v2_delegated_run(f, 17);
	desc = v2_desc(d, 1, false);
	list = v2_list(f, &desc, 1);
	/* list_align */
	assert_rmi(rc(f, RMI_FID_OP_MEM_DONATE, h, list + 4, 1, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	/* list_pas: the list page itself delegated */
	assert_rmi(rc(f, RMI_FID_OP_MEM_DONATE, h, d, 1, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	/* state "undelegated" where delegated memory was asked */
	desc = v2_desc(d, 1, true);
	assert_rmi(rc(f, RMI_FID_OP_MEM_DONATE, h, v2_list(f, &desc, 1), 1, 0, 0, NULL),
		   RMI_STATUS_ERROR_INPUT);
	/* more than asked: 17 granules, or one 2 MiB block */
	desc = v2_desc(d, 17, false);
	assert_rmi(rc(f, RMI_FID_OP_MEM_DONATE, h, v2_list(f, &desc, 1), 1, 0, 0, NULL),
		   RMI_STATUS_ERROR_INPUT);
	desc = v2_desc_sized(d & ~((2ULL << 20) - 1), V2(BLOCK_SIZE_L2), 1, false);
	assert_rmi(rc(f, RMI_FID_OP_MEM_DONATE, h, v2_list(f, &desc, 1), 1, 0, 0, NULL),
		   RMI_STATUS_ERROR_INPUT);
	assert_int_equal(rmm_granules_in_state(f->rmm, GRANULE_REC_AUX), 0);
	/* An empty list (count 0) is no progress, not an error. */
	assert_int_equal(rc(f, RMI_FID_OP_MEM_DONATE, h, list, 0, 0, 0, &r),
			 INCOMPLETE(V2(MEM_REQ_DONATE)));
	assert_int_equal(r.x[1], 0);
	assert_int_equal(DONATE_COUNT(r.x[2]), NAUX);
	/* A count past the end of the list's granule is clipped to it: one slot left. */
	desc = v2_desc(d, 1, false);
	list = fix_alloc(f) + GRAN - 8;
	*(uint64_t *)pmem_host_ptr(f->pm, list) = desc;
	assert_int_equal(rc(f, RMI_FID_OP_MEM_DONATE, h, list, 100, 0, 0, &r),
			 INCOMPLETE(V2(MEM_REQ_DONATE)));
	assert_int_equal(r.x[1], 1);
}

static void rec_create_bad_first_granule(void **state)
{
	struct fix *f = *state;
	uint64_t rec, h, req, d, desc, x0;
	const uint64_t *l;
	uint64_t list;
	struct smc_regs r;

	assert_int_equal(start_create(f, params0(f), &rec, &h, &req), INCOMPLETE(V2(MEM_REQ_DONATE)));
	assert_int_equal(donate_run(f, h, 5, &r, &d), INCOMPLETE(V2(MEM_REQ_DONATE)));
	/* The first granule of this donation is NS: the operation fails, memory comes back. */
	desc = v2_desc(fix_alloc(f), 1, false);
	x0 = rc(f, RMI_FID_OP_MEM_DONATE, h, v2_list(f, &desc, 1), 1, 0, 0, &r);
	assert_int_equal(x0, INCOMPLETE(V2(MEM_REQ_RECLAIM)));
	assert_int_equal(r.x[1], 0);
	/* Reclaim: the 5 granules, one descriptor (contiguous), DELEGATED again. */
	list = fix_alloc(f);
	x0 = rc(f, RMI_FID_OP_MEM_RECLAIM, h, list, 512, 0, 0, &r);
	assert_int_equal(x0, INCOMPLETE(V2(MEM_REQ_NONE)));
	assert_int_equal(r.x[1], 1);
	l = pmem_host_ptr(f->pm, list);
	assert_int_equal(l[0], v2_desc(d, 5, false));
	assert_int_equal(rmm_granules_in_state(f->rmm, GRANULE_REC_AUX), 0);
	/* OP_CONTINUE ends it with the error; the REC granule is DELEGATED again. */
	assert_rmi(rc(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	assert_int_equal(rmm_granule_state(f->rmm, rec), GRANULE_DELEGATED);
	assert_int_equal(rmm_granules_in_state(f->rmm, GRANULE_PARTIAL), 0);
}

/* Donates 16 non-contiguous granules (every other one), so reclaim needs 16 descriptors. */
static void donate_scattered(struct fix *f, uint64_t h, uint64_t *first)
{
	uint64_t list[NAUX];
	struct smc_regs r;

	for (unsigned int i = 0; i < NAUX; i++) {
		list[i] = v2_desc(fix_alloc_delegated(f), 1, false);
		fix_alloc(f);
		if (!i)
			*first = list[0];
	}
	assert_int_equal(rc(f, RMI_FID_OP_MEM_DONATE, h, v2_list(f, list, NAUX), NAUX, 0, 0, &r),
			 INCOMPLETE(V2(MEM_REQ_NONE)));
	assert_int_equal(r.x[1], NAUX);
}

static void rec_create_fails_at_continue(void **state)
{
	struct fix *f = *state;
	uint64_t rec, h, req, first, list;
	const uint64_t *l;
	struct smc_regs r;

	/* MPIDR 1 for the first REC: RECs come in MPIDR order. */
	assert_int_equal(start_create(f, v2_rec_params(f, 0, 1, 0, NULL), &rec, &h, &req),
			 INCOMPLETE(V2(MEM_REQ_DONATE)));
	donate_scattered(f, h, &first);
	assert_int_equal(rc(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, &r), INCOMPLETE(V2(MEM_REQ_RECLAIM)));
	assert_int_equal(r.x[1], h);
	/* Wrong next FID while reclaiming. */
	assert_rmi(rc(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	assert_rmi(donate_run(f, h, 1, &r, NULL), RMI_STATUS_ERROR_INPUT);
	/* A list page that is not NS, an unaligned one: ERROR_INPUT, nothing reclaimed. */
	assert_rmi(rc(f, RMI_FID_OP_MEM_RECLAIM, h, fix_alloc_delegated(f), 512, 0, 0, NULL),
		   RMI_STATUS_ERROR_INPUT);
	assert_rmi(rc(f, RMI_FID_OP_MEM_RECLAIM, h, fix_alloc(f) + 1, 512, 0, 0, NULL),
		   RMI_STATUS_ERROR_INPUT);
	assert_int_equal(rmm_granules_in_state(f->rmm, GRANULE_REC_AUX), NAUX);
	/* No room (count 0): still RECLAIM, nothing written. */
	assert_int_equal(rc(f, RMI_FID_OP_MEM_RECLAIM, h, fix_alloc(f), 0, 0, 0, &r),
			 INCOMPLETE(V2(MEM_REQ_RECLAIM)));
	assert_int_equal(r.x[1], 0);
	/* One slot left in the list's granule: one descriptor per call. */
	list = fix_alloc(f) + GRAN - 8;
	assert_int_equal(rc(f, RMI_FID_OP_MEM_RECLAIM, h, list, 512, 0, 0, &r),
			 INCOMPLETE(V2(MEM_REQ_RECLAIM)));
	assert_int_equal(r.x[1], 1);
	assert_int_equal(*(uint64_t *)pmem_host_ptr(f->pm, list), first);
	assert_int_equal(rmm_granules_in_state(f->rmm, GRANULE_REC_AUX), NAUX - 1);
	/* The rest in one call. */
	list = fix_alloc(f);
	assert_int_equal(rc(f, RMI_FID_OP_MEM_RECLAIM, h, list, 512, 0, 0, &r),
			 INCOMPLETE(V2(MEM_REQ_NONE)));
	assert_int_equal(r.x[1], NAUX - 1);
	l = pmem_host_ptr(f->pm, list);
	assert_int_equal(l[0], first + 2 * GRAN);
	assert_rmi(rc(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	assert_int_equal(rmm_granule_state(f->rmm, rec), GRANULE_DELEGATED);
	assert_int_equal(rmm_granules_in_state(f->rmm, GRANULE_REC_AUX), 0);
}

static void rec_create_realm_and_params_checks(void **state)
{
	struct fix *f = *state;
	uint64_t rec, params = params0(f);

	/* rec not DELEGATED (NS; the RD): ERROR_INPUT at once, no operation. */
	assert_rmi(rc(f, RMI_FID_REC_CREATE, f->rd, fix_alloc(f), params, 0, 0, NULL),
		   RMI_STATUS_ERROR_INPUT);
	assert_rmi(rc(f, RMI_FID_REC_CREATE, f->rd, f->rd, params, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	/* rd not an RD, params not NS: found at OP_CONTINUE, after the donation. */
	{
		uint64_t saved = f->rd;

		f->rd = fix_alloc_delegated(f);
		assert_rmi(v2_rec_create(f, params, &rec), RMI_STATUS_ERROR_INPUT);
		f->rd = saved;
	}
	assert_rmi(v2_rec_create(f, fix_alloc_delegated(f), &rec), RMI_STATUS_ERROR_INPUT);
	assert_int_equal(rmm_granule_state(f->rmm, rec), GRANULE_DELEGATED);
	/* The REC in MPIDR order works; the realm active: ERROR_REALM. */
	assert_rmi(v2_rec_create(f, params, &rec), 0);
	assert_rmi(rc(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), 0);
	assert_rmi(v2_rec_create(f, v2_rec_params(f, 0, 1, 0, NULL), &rec), RMI_STATUS_ERROR_REALM);
	assert_int_equal(rmm_granules_in_state(f->rmm, GRANULE_REC), 1);
	assert_int_equal(rmm_granules_in_state(f->rmm, GRANULE_PARTIAL), 0);
}

static void rec_create_measured_if_runnable(void **state)
{
	struct fix *f = *state;
	uint8_t before[64], after[64];
	uint64_t rec;

	rmm_realm_measurement(f->rmm, f->rd, 0, before);
	assert_rmi(v2_rec_create(f, v2_rec_params(f, 0, 0, 0x1000, NULL), &rec), 0);
	rmm_realm_measurement(f->rmm, f->rd, 0, after);
	assert_memory_equal(before, after, 64);
	assert_rmi(v2_rec_create(f, v2_rec_params(f, V2(REC_PARAMS_FLAGS_RUNNABLE_MASK), 1, 0x1000,
						  NULL), &rec), 0);
	rmm_realm_measurement(f->rmm, f->rd, 0, after);
	assert_memory_not_equal(before, after, 64);
}

static void rec_destroy_transcript(void **state)
{
	struct fix *f = *state;
	uint64_t rec, h, x0, list;
	const uint64_t *l;
	struct smc_regs r;
	uint64_t total = 0;

	assert_rmi(v2_rec_create(f, params0(f), &rec), 0);
	/* Not a REC: ERROR_INPUT (no operation). */
	assert_rmi(rc(f, RMI_FID_REC_DESTROY, f->rd, 0, 0, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	assert_rmi(rc(f, RMI_FID_REC_DESTROY, rec + 8, 0, 0, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	x0 = rc(f, RMI_FID_REC_DESTROY, rec, 0, 0, 0, 0, &r);
	assert_int_equal(x0, INCOMPLETE(V2(MEM_REQ_RECLAIM)));
	h = r.x[1];
	assert_int_equal(rmm_granule_state(f->rmm, rec), GRANULE_PARTIAL);
	assert_int_equal(rmm_granule_refcount(f->rmm, f->rd), 0);
	/* Destroying it again: it is not a REC any more. */
	assert_rmi(rc(f, RMI_FID_REC_DESTROY, rec, 0, 0, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	/* Wrong next FID. */
	assert_rmi(rc(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	assert_rmi(donate_run(f, h, 1, &r, NULL), RMI_STATUS_ERROR_INPUT);
	assert_rmi(rc(f, RMI_FID_OP_CANCEL, h, 0, 0, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	/* Reclaim: descriptors of the 16 aux granules, DELEGATED. */
	list = fix_alloc(f);
	x0 = rc(f, RMI_FID_OP_MEM_RECLAIM, h, list, 512, 0, 0, &r);
	assert_int_equal(x0, INCOMPLETE(V2(MEM_REQ_NONE)));
	l = pmem_host_ptr(f->pm, list);
	for (uint64_t i = 0; i < r.x[1]; i++) {
		assert_int_equal(v2_desc_state_of(l[i]), v2_mem_state("DELEGATED"));
		assert_int_equal(l[i] & V2(ADDR_RANGE_DESC_SIZE_MASK), 0);
		total += (l[i] & V2(ADDR_RANGE_DESC_COUNT_MASK)) >> V2(ADDR_RANGE_DESC_COUNT_SHIFT);
		assert_int_equal(rmm_granule_state(f->rmm, l[i] & V2(ADDR_RANGE_DESC_ADDR_MASK)),
				 GRANULE_DELEGATED);
	}
	assert_int_equal(total, NAUX);
	assert_int_equal(rmm_granules_in_state(f->rmm, GRANULE_REC_AUX), 0);
	assert_rmi(rc(f, RMI_FID_OP_MEM_RECLAIM, h, list, 512, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	assert_rmi(rc(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, NULL), 0);
	assert_int_equal(rmm_granule_state(f->rmm, rec), GRANULE_DELEGATED);
	assert_int_equal(rmm_granules_in_state(f->rmm, GRANULE_PARTIAL), 0);
	/* The realm can go now. */
	assert_rmi(rc(f, RMI_FID_REALM_TERMINATE, f->rd, 0, 0, 0, 0, NULL), 0);
	assert_rmi(v2_op(f, RMI_FID_REALM_DESTROY, f->rd, 0, 0, NULL), 0);
}

static void contexts_exhausted_blocked(void **state)
{
	struct fix *f = *state;
	uint64_t rec, h[17], req;

	for (int i = 0; i < 16; i++)
		assert_int_equal(start_create(f, params0(f), &rec, &h[i], &req),
				 INCOMPLETE(V2(MEM_REQ_DONATE)));
	/* Every context in use (sealed): BLOCKED, nothing changes. */
	rec = fix_alloc_delegated(f);
	assert_rmi(rc(f, RMI_FID_REC_CREATE, f->rd, rec, params0(f), 0, 0, NULL),
		   V2(STATUS_BLOCKED));
	assert_int_equal(rmm_granule_state(f->rmm, rec), GRANULE_DELEGATED);
	/* REC_DESTROY reserves its context first: BLOCKED even for a bad address. */
	assert_rmi(rc(f, RMI_FID_REC_DESTROY, 0, 0, 0, 0, 0, NULL), V2(STATUS_BLOCKED));
	/* Finishing one frees a context. */
	assert_rmi(v2_drive(f, h[0], INCOMPLETE(V2(MEM_REQ_DONATE)), req), 0);
	assert_int_equal(start_create(f, v2_rec_params(f, 0, 1, 0, NULL), &rec, &h[16], &req),
			 INCOMPLETE(V2(MEM_REQ_DONATE)));
}

/* ---- REALM_CREATE / REALM_DESTROY: one call, or operations (2.0-bet3) ---- */

#define RD_AUX 2	/* fake-rmm/realm.h RD_AUX_COUNT */

/* Does the profile make `cmd` a Stateful RMI Operation with memory transfer? */
static bool transfers(struct fix *f, const char *cmd)
{
	return abi_command_by_name(rmm_profile(f->rmm), ABI_RMI, cmd)->stateful ==
	       ABI_STATEFUL_TRANSFER;
}

/* Roots (2, aligned) and an RD, delegated, and a params page: a realm ready to create. */
static void realm_parts(struct fix *f, uint64_t *rd, uint64_t *params, uint64_t *roots)
{
	struct realm_desc d;

	realm_desc_default(&d);
	f->next = (f->next + 2 * GRAN - 1) & ~(2 * GRAN - 1);
	*roots = fix_alloc_delegated(f);
	fix_alloc_delegated(f);
	*rd = fix_alloc_delegated(f);
	*params = fix_realm_params(f, &d, *roots);
}

/*
 * Where REALM_CREATE transfers memory: INCOMPLETE|DONATE (can cancel) for
 * RD_AUX delegated 4 KiB granules, the RD PARTIAL (it names no realm yet),
 * the roots already RTTs; the donation in, OP_CONTINUE makes the realm.
 * REALM_DESTROY then gives the granules back (INCOMPLETE|RECLAIM).  One
 * call each where the profile has them stateless.
 */
static void realm_create_destroy_transcript(void **state)
{
	struct fix *f = *state;
	uint64_t rd, params, roots, h, list, x0, internal = rmm_granules_in_state(f->rmm, GRANULE_INTERNAL);
	struct smc_regs r;

	realm_parts(f, &rd, &params, &roots);
	x0 = rc(f, RMI_FID_REALM_CREATE, rd, params, 0, 0, 0, &r);
	if (!transfers(f, "REALM_CREATE")) {
		assert_rmi(x0, 0);
		assert_int_equal(rmm_granule_state(f->rmm, rd), GRANULE_RD);
		assert_rmi(rc(f, RMI_FID_REALM_TERMINATE, rd, 0, 0, 0, 0, NULL), 0);
		assert_rmi(rc(f, RMI_FID_REALM_DESTROY, rd, 0, 0, 0, 0, NULL), 0);
		return;
	}
	assert_int_equal(X0_STATUS(x0), V2(STATUS_INCOMPLETE));
	assert_int_equal(X0_MEMREQ(x0), V2(MEM_REQ_DONATE));
	assert_int_equal(X0_CAN_CANCEL(x0), 1);
	h = r.x[1];
	assert_int_equal(r.x[2], v2_donate_req(V2(BLOCK_SIZE_L3), RD_AUX, false,
					       v2_mem_state("DELEGATED")));
	assert_int_equal(rmm_granule_state(f->rmm, rd), GRANULE_PARTIAL);
	assert_int_equal(rmm_granule_state(f->rmm, roots), GRANULE_RTT);
	/* Not a realm yet; the operation wants memory, not OP_CONTINUE. */
	assert_rmi(rc(f, RMI_FID_REALM_ACTIVATE, rd, 0, 0, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	assert_rmi(rc(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	assert_int_equal(donate_run(f, h, 1, &r, NULL), INCOMPLETE(V2(MEM_REQ_DONATE)) | (1ULL << 10));
	assert_int_equal(DONATE_COUNT(r.x[2]), RD_AUX - 1);
	assert_int_equal(donate_run(f, h, 1, &r, NULL), INCOMPLETE(V2(MEM_REQ_NONE)) | (1ULL << 10));
	assert_rmi(rc(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, NULL), 0);
	assert_int_equal(rmm_granule_state(f->rmm, rd), GRANULE_RD);
	assert_int_equal(rmm_granules_in_state(f->rmm, GRANULE_INTERNAL), internal + RD_AUX);
	assert_rmi(rc(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	/* Terminate: one call.  Destroy: the aux granules come back, delegated. */
	assert_rmi(rc(f, RMI_FID_REALM_TERMINATE, rd, 0, 0, 0, 0, NULL), 0);
	assert_true(transfers(f, "REALM_DESTROY"));
	x0 = rc(f, RMI_FID_REALM_DESTROY, rd, 0, 0, 0, 0, &r);
	assert_int_equal(x0, INCOMPLETE(V2(MEM_REQ_RECLAIM)));
	h = r.x[1];
	assert_int_equal(rmm_granule_state(f->rmm, rd), GRANULE_PARTIAL);
	assert_int_equal(rmm_granule_state(f->rmm, roots), GRANULE_DELEGATED);
	assert_rmi(rc(f, RMI_FID_REALM_DESTROY, rd, 0, 0, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	list = fix_alloc(f);
	assert_int_equal(rc(f, RMI_FID_OP_MEM_RECLAIM, h, list, 512, 0, 0, &r),
			 INCOMPLETE(V2(MEM_REQ_NONE)));
	for (uint64_t i = 0, n = 0; i < r.x[1]; i++) {
		uint64_t *l = pmem_host_ptr(f->pm, list);

		assert_int_equal(v2_desc_state_of(l[i]), v2_mem_state("DELEGATED"));
		n += (l[i] & V2(ADDR_RANGE_DESC_COUNT_MASK)) >> V2(ADDR_RANGE_DESC_COUNT_SHIFT);
		if (i + 1 == r.x[1])
			assert_int_equal(n, RD_AUX);
	}
	assert_rmi(rc(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, NULL), 0);
	assert_int_equal(rmm_granule_state(f->rmm, rd), GRANULE_DELEGATED);
	assert_int_equal(rmm_granules_in_state(f->rmm, GRANULE_INTERNAL), internal);
	assert_int_equal(rmm_granules_in_state(f->rmm, GRANULE_PARTIAL), 0);
}

/*
 * REALM_CREATE ending early undoes the realm: OP_CANCEL after part of the
 * donation, or a donation whose first block is not delegated.  What was
 * donated comes back, the roots and RD are DELEGATED again, the VMID free.
 */
static void realm_create_cancelled_or_refused(void **state)
{
	struct fix *f = *state;
	uint64_t rd, params, roots, h, rtts_before;
	struct smc_regs r;

	if (!transfers(f, "REALM_CREATE"))
		skip();
	rtts_before = rmm_granules_in_state(f->rmm, GRANULE_RTT);
	realm_parts(f, &rd, &params, &roots);
	rc(f, RMI_FID_REALM_CREATE, rd, params, 0, 0, 0, &r);
	h = r.x[1];
	assert_int_equal(donate_run(f, h, 1, &r, NULL), INCOMPLETE(V2(MEM_REQ_DONATE)) | (1ULL << 10));
	assert_int_equal(rc(f, RMI_FID_OP_CANCEL, h, 0, 0, 0, 0, NULL), INCOMPLETE(V2(MEM_REQ_RECLAIM)));
	assert_int_equal(rc(f, RMI_FID_OP_MEM_RECLAIM, h, fix_alloc(f), 512, 0, 0, &r),
			 INCOMPLETE(V2(MEM_REQ_NONE)));
	assert_int_equal(r.x[1], 1);
	assert_rmi(rc(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, NULL), 0);
	assert_int_equal(rmm_granule_state(f->rmm, rd), GRANULE_DELEGATED);
	assert_int_equal(rmm_granule_state(f->rmm, roots), GRANULE_DELEGATED);
	assert_int_equal(rmm_granules_in_state(f->rmm, GRANULE_RTT), rtts_before);
	/* A refused donation (an NS granule said to be delegated): ERROR_INPUT at the end. */
	rc(f, RMI_FID_REALM_CREATE, rd, params, 0, 0, 0, &r);
	h = r.x[1];
	{
		uint64_t desc = v2_desc(fix_alloc(f), 1, false);

		assert_int_equal(rc(f, RMI_FID_OP_MEM_DONATE, h, v2_list(f, &desc, 1), 1, 0, 0, &r),
				 INCOMPLETE(V2(MEM_REQ_RECLAIM)));
	}
	assert_int_equal(v2_drive(f, h, INCOMPLETE(V2(MEM_REQ_RECLAIM)), 0), RMI_STATUS_ERROR_INPUT);
	assert_int_equal(rmm_granule_state(f->rmm, rd), GRANULE_DELEGATED);
	assert_int_equal(rmm_granule_state(f->rmm, roots), GRANULE_DELEGATED);
	/* Nothing leaked: the same granules make the realm now. */
	assert_rmi(v2_op(f, RMI_FID_REALM_CREATE, rd, params, 0, NULL), 0);
	assert_int_equal(rmm_granule_state(f->rmm, rd), GRANULE_RD);
}

/* No context free: REALM_CREATE and REALM_DESTROY answer BLOCKED after their checks, nothing changes. */
static void realm_sro_blocked(void **state)
{
	struct fix *f = *state;
	uint64_t rd, params, roots, rec, h, req;

	if (!transfers(f, "REALM_CREATE"))
		skip();
	realm_parts(f, &rd, &params, &roots);
	for (int i = 0; i < 16; i++)
		start_create(f, params0(f), &rec, &h, &req);
	/* A failure condition still wins. */
	assert_rmi(rc(f, RMI_FID_REALM_CREATE, rd, fix_alloc(f), 0, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	assert_rmi(rc(f, RMI_FID_REALM_CREATE, rd, params, 0, 0, 0, NULL), V2(STATUS_BLOCKED));
	assert_int_equal(rmm_granule_state(f->rmm, rd), GRANULE_DELEGATED);
	assert_int_equal(rmm_granule_state(f->rmm, roots), GRANULE_DELEGATED);
	/* One context free again: the realm is made; all in use again: destroy is BLOCKED. */
	assert_rmi(v2_drive(f, h, INCOMPLETE(V2(MEM_REQ_DONATE)), req), 0);
	assert_rmi(v2_op(f, RMI_FID_REALM_CREATE, rd, params, 0, NULL), 0);
	start_create(f, v2_rec_params(f, 0, 1, 0, NULL), &rec, &h, &req);
	assert_rmi(rc(f, RMI_FID_REALM_TERMINATE, rd, 0, 0, 0, 0, NULL), 0);
	assert_rmi(rc(f, RMI_FID_REALM_DESTROY, rd, 0, 0, 0, 0, NULL), V2(STATUS_BLOCKED));
	assert_int_equal(rmm_granule_state(f->rmm, rd), GRANULE_RD);
	assert_rmi(v2_drive(f, h, INCOMPLETE(V2(MEM_REQ_DONATE)), req), 0);
	assert_rmi(v2_op(f, RMI_FID_REALM_DESTROY, rd, 0, 0, NULL), 0);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(rec_create_transcript, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(rec_create_donate_list_errors, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(rec_create_bad_first_granule, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(rec_create_fails_at_continue, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(rec_create_realm_and_params_checks, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(rec_create_measured_if_runnable, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(rec_destroy_transcript, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(contexts_exhausted_blocked, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(realm_create_destroy_transcript, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(realm_create_cancelled_or_refused, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(realm_sro_blocked, setup, fix_teardown),
	};

	return fix_run_v2_group("v2_sro", tests, argc, argv);
}
