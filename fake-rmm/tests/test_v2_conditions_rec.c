// SPDX-License-Identifier: BSD-3-Clause
/*
 * 2.0 failure conditions of REC_CREATE / REC_DESTROY (SROs), the
 * OP_* commands, PSCI_COMPLETE, RTT_SET_RIPAS and REC_ENTER
 * (V2_CONDITIONS.md).  Orders as TF-RMM main runtime/rmi/rec.c, rtt.c,
 * sro.c.  States one thread cannot reach through RMI (a REC running on
 * another CPU, a pending PSCI or RIPAS request without running the
 * realm's code) are set white-box on the REC object; everything else is
 * plain RMI.
 */
#include "v2_cond.h"

#include "rec.h"

#define RUNNABLE V2(REC_PARAMS_FLAGS_RUNNABLE_MASK)

static int setup(void **state)
{
	if (fix_setup_v2(state))
		return -1;
	rt_v2_realm(*state, 40, 1, 2);
	return 0;
}

/* 96 MiB, no GPF protection (speed): room for 1023 RECs of 17 granules. */
static int setup_big(void **state)
{
	struct pmem_config pc = { .size = 96ULL << 20, .no_gpf_protection = true };

	if (fix_setup_with(state, fix_v2_profile, &pc, true))
		return -1;
	rt_v2_realm(*state, 40, 1, 2);
	return 0;
}

static uint64_t mpidr_of(unsigned int idx)
{
	return (idx & 0xf) | ((uint64_t)(idx >> 4) << 8);
}

static struct rec *rec(struct fix *f, uint64_t pa)
{
	struct rec *r = rec_of(f->rmm, pa);

	assert_non_null(r);
	return r;
}

/* REC_CREATE's first call: INCOMPLETE|DONATE with a handle; *h. */
static void start_create(struct fix *f, uint64_t params, uint64_t *rec_pa, uint64_t *h)
{
	struct smc_regs r;

	*rec_pa = fix_alloc_delegated(f);
	assert_int_equal(rc(f, RMI_FID_REC_CREATE, f->rd, *rec_pa, params, 0, 0, &r),
			 INCOMPLETE(V2(MEM_REQ_DONATE)));
	*h = r.x[1];
}

/* ---- REC_CREATE ---- */

static void rec_create_first_call(void **state)
{
	struct fix *f = *state;
	uint64_t params = v2_rec_params(f, RUNNABLE, 0, 0, NULL), pa, h[16];
	struct smc_regs r;

	/* rec_align, rec_state (NS, RTT, RD); x1 = x2 = 0, no operation */
	pa = fix_alloc_delegated(f);
	assert_rmi(fail_call(f, RMI_FID_REC_CREATE, f->rd, pa + 8, params, 0, 0, &r), ERR_INPUT);
	assert_int_equal(r.x[1], 0);
	assert_int_equal(r.x[2], 0);
	assert_rmi(fail_call(f, RMI_FID_REC_CREATE, f->rd, fix_alloc(f), params, 0, 0, &r), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_REC_CREATE, f->rd, f->rtt[0], params, 0, 0, &r), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_REC_CREATE, f->rd, f->rd, params, 0, 0, &r), ERR_INPUT);
	/* Every context in use: BLOCKED, but a bad REC granule is found first. */
	for (int i = 0; i < 16; i++)
		start_create(f, params, &pa, &h[i]);
	assert_rmi(fail_call(f, RMI_FID_REC_CREATE, f->rd, fix_alloc(f), params, 0, 0, &r), ERR_INPUT);
	pa = fix_alloc_delegated(f);
	assert_rmi(fail_call(f, RMI_FID_REC_CREATE, f->rd, pa, params, 0, 0, &r), BLOCKED);
	assert_int_equal(r.x[1], 0);
	assert_int_equal(r.x[2], 0);
}

static void rec_create_continue_order(void **state)
{
	struct fix *f = *state;
	uint64_t pa;

	/* mpidr_valid: bits outside Aff0[3:0] / Aff1..Aff3 -> ERROR_INPUT at OP_CONTINUE */
	assert_rmi(v2_rec_create(f, v2_rec_params(f, 0, 0x10, 0, NULL), &pa), ERR_INPUT);
	assert_int_equal(rmm_granule_state(f->rmm, pa), GRANULE_DELEGATED);
	assert_rmi(v2_rec_create(f, v2_rec_params(f, 0, 1ULL << 40, 0, NULL), &pa), ERR_INPUT);
	assert_rmi(v2_rec_create(f, v2_rec_params(f, 0, 1ULL << 31, 0, NULL), &pa), ERR_INPUT);
	/* mpidr_index: Aff1 = 1 is index 16, not 0 */
	assert_rmi(v2_rec_create(f, v2_rec_params(f, 0, 0x100, 0, NULL), &pa), ERR_INPUT);
	assert_rmi(v2_rec_create(f, v2_rec_params(f, RUNNABLE, 0, 0, NULL), &pa), 0);
	assert_int_equal(rmm_granule_refcount(f->rmm, f->rd), 1);
	/* realm_state before mpidr: ACTIVE + a bad MPIDR -> ERROR_REALM */
	assert_rmi(rc(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), 0);
	assert_rmi(v2_rec_create(f, v2_rec_params(f, 0, 0x10, 0, NULL), &pa), ERR_REALM);
	/* rd before realm_state: not an RD -> ERROR_INPUT */
	{
		uint64_t saved = f->rd;

		f->rd = f->rtt[0];
		assert_rmi(v2_rec_create(f, v2_rec_params(f, 0, 1, 0, NULL), &pa), ERR_INPUT);
		f->rd = saved;
	}
	/* params_pas before realm_state: a delegated params page, realm ACTIVE */
	assert_rmi(v2_rec_create(f, fix_alloc_delegated(f), &pa), ERR_INPUT);
	assert_int_equal(rmm_granules_in_state(f->rmm, GRANULE_REC), 1);
	assert_int_equal(rmm_granules_in_state(f->rmm, GRANULE_PARTIAL), 0);
	assert_int_equal(rmm_granules_in_state(f->rmm, GRANULE_REC_AUX), 16);
}

/*
 * The RD reference count saturates at 1023 RECs (TF-RMM REFCOUNT_MAX,
 * FEATURES MAX_RECS_ORDER 10): the 1024th REC_CREATE ends in ERROR_REALM
 * at OP_CONTINUE, even with an MPIDR that is wrong too (the limit is
 * checked before the MPIDR), and gives its memory back.
 */
static void rec_create_refcount_limit(void **state)
{
	struct fix *f = *state;
	uint64_t params = v2_rec_params(f, 0, 0, 0, NULL), list = fix_alloc(f), pa, h, d, last = 0;
	struct rmi_v2_rec_params *p = pmem_host_ptr(f->pm, params);
	uint64_t *l = pmem_host_ptr(f->pm, list);
	struct smc_regs r;

	for (unsigned int i = 0; i < 1023; i++) {
		p->mpidr = mpidr_of(i);
		pa = fix_alloc_delegated(f);
		assert_int_equal(fix_call(f, RMI_FID_REC_CREATE, f->rd, pa, params, 0, 0, &r),
				 INCOMPLETE(V2(MEM_REQ_DONATE)));
		h = r.x[1];
		d = v2_delegated_run(f, 16);
		l[0] = v2_desc(d, 16, false);
		assert_int_equal(fix_call(f, RMI_FID_OP_MEM_DONATE, h, list, 1, 0, 0, &r),
				 INCOMPLETE(V2(MEM_REQ_NONE)));
		assert_rmi(fix_call(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, &r), 0);
		last = pa;
	}
	fix_check_invariants(f);
	assert_int_equal(rmm_granule_refcount(f->rmm, f->rd), 1023);
	/* The next one, with the right MPIDR and with a wrong one: ERROR_REALM. */
	p->mpidr = mpidr_of(1023);
	assert_rmi(v2_rec_create(f, params, &pa), ERR_REALM);
	assert_int_equal(rmm_granule_state(f->rmm, pa), GRANULE_DELEGATED);
	p->mpidr = 0x10;
	assert_rmi(v2_rec_create(f, params, &pa), ERR_REALM);
	assert_int_equal(rmm_granule_refcount(f->rmm, f->rd), 1023);
	assert_int_equal(rmm_granules_in_state(f->rmm, GRANULE_REC), 1023);
	assert_int_equal(rmm_granules_in_state(f->rmm, GRANULE_REC_AUX), 1023 * 16);
	assert_int_equal(rmm_granules_in_state(f->rmm, GRANULE_PARTIAL), 0);
	/* One REC fewer: the limit is not reached any more (the MPIDR check is next). */
	assert_rmi(v2_rec_destroy(f, last), 0);
	p->mpidr = 0x10;
	assert_rmi(v2_rec_create(f, params, &pa), ERR_INPUT);
}

/* ---- REC_DESTROY ---- */

static void rec_destroy_conditions(void **state)
{
	struct fix *f = *state;
	uint64_t params = v2_rec_params(f, 0, 0, 0, NULL), pa, other, h[16];
	struct smc_regs r;

	assert_rmi(v2_rec_create(f, params, &pa), 0);
	/* rec_align, rec_state */
	assert_rmi(fail_call(f, RMI_FID_REC_DESTROY, pa + 8, 0, 0, 0, 0, &r), ERR_INPUT);
	assert_int_equal(r.x[1], 0);
	assert_rmi(fail_call(f, RMI_FID_REC_DESTROY, f->rd, 0, 0, 0, 0, &r), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_REC_DESTROY, ~0ULL, 0, 0, 0, 0, &r), ERR_INPUT);
	/* rec_busy: running on another CPU -> ERROR_REC, x1 = 0, nothing changes */
	rec(f, pa)->running = true;
	{
		struct snap s;

		snap_take(f, &s);
		assert_rmi(fix_call(f, RMI_FID_REC_DESTROY, pa, 0, 0, 0, 0, &r), ERR_REC);
		assert_int_equal(r.x[1], 0);
		snap_same(f, &s);
	}
	/* The context is reserved first: every context in use -> BLOCKED, even when running. */
	for (int i = 0; i < 16; i++)
		start_create(f, v2_rec_params(f, 0, 1, 0, NULL), &other, &h[i]);
	assert_rmi(fix_call(f, RMI_FID_REC_DESTROY, pa, 0, 0, 0, 0, &r), BLOCKED);
	rec(f, pa)->running = false;
	assert_rmi(fix_call(f, RMI_FID_REC_DESTROY, pa, 0, 0, 0, 0, &r), BLOCKED);
	assert_int_equal(rmm_granule_state(f->rmm, pa), GRANULE_REC);
	assert_rmi(rc(f, RMI_FID_OP_MEM_DONATE, h[0], fix_alloc(f), 0, 0, 0, &r),
		   INCOMPLETE(V2(MEM_REQ_DONATE)));
}

/* ---- OP_* ---- */

static void op_conditions(void **state)
{
	struct fix *f = *state;
	uint64_t pa, h, list = fix_alloc(f), del = fix_alloc_delegated(f), d;
	struct smc_regs r;

	/* handle_valid: out of range, free */
	assert_rmi(fail_call(f, RMI_FID_OP_CONTINUE, 16, 0, 0, 0, 0, &r), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_OP_CONTINUE, 0, 0, 0, 0, 0, &r), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_OP_CANCEL, ~0ULL, 0, 0, 0, 0, &r), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_OP_MEM_RECLAIM, 3, list, 1, 0, 0, &r), ERR_INPUT);
	start_create(f, v2_rec_params(f, 0, 0x10, 0, NULL), &pa, &h);
	/* DONATE: the list page must be NS even for an empty list (count 0) */
	assert_rmi(fail_call(f, RMI_FID_OP_MEM_DONATE, h, del, 0, 0, 0, &r), ERR_INPUT);
	assert_int_equal(r.x[1], 0);
	assert_int_equal(r.x[2], 0);
	/* RECLAIM: list alignment before the expected-FID check (both ERROR_INPUT) */
	assert_rmi(fail_call(f, RMI_FID_OP_MEM_RECLAIM, h, list + 4, 1, 0, 0, &r), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_OP_MEM_RECLAIM, h, list, 1, 0, 0, &r), ERR_INPUT);
	/* Donate all, continue: the MPIDR is wrong -> INCOMPLETE|RECLAIM */
	d = v2_delegated_run(f, 16);
	*(uint64_t *)pmem_host_ptr(f->pm, list) = v2_desc(d, 16, false);
	assert_int_equal(rc(f, RMI_FID_OP_MEM_DONATE, h, list, 1, 0, 0, &r), INCOMPLETE(V2(MEM_REQ_NONE)));
	assert_int_equal(rc(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, &r), INCOMPLETE(V2(MEM_REQ_RECLAIM)));
	/* RECLAIM with count 0: no room, INCOMPLETE|RECLAIM, x1 = 0 - before the list-PAS check */
	assert_int_equal(fail_call(f, RMI_FID_OP_MEM_RECLAIM, h, del, 0, 0, 0, &r),
			 INCOMPLETE(V2(MEM_REQ_RECLAIM)));
	assert_int_equal(r.x[1], 0);
	assert_rmi(fail_call(f, RMI_FID_OP_MEM_RECLAIM, h, del, 1, 0, 0, &r), ERR_INPUT);
	assert_int_equal(r.x[1], 0);
	/* not cancellable */
	assert_rmi(fail_call(f, RMI_FID_OP_CANCEL, h, 0, 0, 0, 0, &r), ERR_INPUT);
	assert_int_equal(v2_drive(f, h, INCOMPLETE(V2(MEM_REQ_RECLAIM)), 0), ERR_INPUT);
	assert_int_equal(rmm_granule_state(f->rmm, pa), GRANULE_DELEGATED);
}

/* ---- PSCI_COMPLETE ---- */

static void psci_pending(struct fix *f, uint64_t caller, uint32_t fid, uint64_t target_mpidr)
{
	rec(f, caller)->psci = (struct rec_psci_request){ .pending = true, .fid = fid,
							  .target_mpidr = target_mpidr,
							  .entry = 0x1000 };
}

/* PSCI_COMPLETE(calling, [target,] status) as the profile lays it out. */
static uint64_t psci(struct fix *f, bool expect_fail, uint64_t calling, uint64_t target,
		     uint64_t status)
{
	uint64_t a[3];

	v2_psci_args(calling, target, status, a);
	if (expect_fail)
		return fail_call(f, RMI_FID_PSCI_COMPLETE, a[0], a[1], a[2], 0, 0, NULL);
	return rc(f, RMI_FID_PSCI_COMPLETE, a[0], a[1], a[2], 0, 0, NULL);
}

static void psci_complete_conditions(void **state)
{
	struct fix *f = *state;
	uint64_t a, b, c, rd1 = f->rd, rd2, rtt[2];

	assert_rmi(v2_rec_create(f, v2_rec_params(f, RUNNABLE, 0, 0, NULL), &a), 0);
	assert_rmi(v2_rec_create(f, v2_rec_params(f, 0, 1, 0, NULL), &b), 0);
	/* A REC of another realm (index 1 there too). */
	rtt[0] = f->rtt[0];
	rtt[1] = f->rtt[1];
	rt_v2_realm(f, 40, 1, 2);
	rd2 = f->rd;
	assert_rmi(v2_rec_create(f, v2_rec_params(f, 0, 0, 0, NULL), &c), 0);
	assert_rmi(v2_rec_create(f, v2_rec_params(f, 0, 1, 0, NULL), &c), 0);
	f->rd = rd1;
	f->rtt[0] = rtt[0];
	f->rtt[1] = rtt[1];
	assert_rmi(rc(f, RMI_FID_REALM_ACTIVATE, rd1, 0, 0, 0, 0, NULL), 0);

	/* no request pending */
	assert_rmi(psci(f, true, a, b, 0), ERR_INPUT);
	psci_pending(f, a, PSCI_FID_CPU_ON, 1);
	/* alignment, REC state */
	assert_rmi(psci(f, true, a + 8, b, 0), ERR_INPUT);
	assert_rmi(psci(f, true, rd1, b, 0), ERR_INPUT);
	if (v2_psci_has_target()) {
		/* the target's alignment and state, the same REC twice */
		assert_rmi(psci(f, true, a, b + 8, 0), ERR_INPUT);
		assert_rmi(psci(f, true, a, rd1, 0), ERR_INPUT);
		assert_rmi(psci(f, true, a, a, 0), ERR_INPUT);
		/* target of another realm; target not the MPIDR asked for */
		assert_rmi(psci(f, true, a, c, 0), ERR_INPUT);
		psci_pending(f, a, PSCI_FID_CPU_ON, 0x100);
		assert_rmi(psci(f, true, a, b, 0), ERR_INPUT);
	} else {
		/*
		 * The RMM finds the target itself: an MPIDR naming no REC (never
		 * created, or destroyed since) is off - CPU_ON only DENIED,
		 * AFFINITY_INFO OFF.
		 */
		psci_pending(f, a, PSCI_FID_CPU_ON, 0x100);
		assert_rmi(psci(f, true, a, 0, 0), ERR_INPUT);
		assert_rmi(psci(f, false, a, 0, (uint64_t)-3), 0);
		assert_int_equal(rec_get_x(rec(f, a), 0), (uint64_t)-3);
		psci_pending(f, a, PSCI_FID_AFFINITY_INFO, 0x100);
		assert_rmi(psci(f, false, a, 0, 0), 0);
		assert_int_equal(rec_get_x(rec(f, a), 0), 1 /* OFF */);
		assert_false(rec(f, a)->psci.pending);
	}
	psci_pending(f, a, PSCI_FID_CPU_ON, 1);
	/* CPU_ON status: only SUCCESS or DENIED */
	assert_rmi(psci(f, true, a, b, (uint64_t)-2), ERR_INPUT);
	assert_rmi(psci(f, true, a, b, 1), ERR_INPUT);
	/* the caller running (another CPU): ERROR_INPUT, the request still pending */
	rec(f, a)->running = true;
	{
		uint64_t x[3];

		v2_psci_args(a, b, 0, x);
		assert_rmi(fix_call(f, RMI_FID_PSCI_COMPLETE, x[0], x[1], x[2], 0, 0, NULL),
			   ERR_INPUT);
	}
	rec(f, a)->running = false;
	assert_true(rec(f, a)->psci.pending);
	assert_false(rec(f, b)->runnable);
	/* AFFINITY_INFO: only SUCCESS */
	psci_pending(f, a, PSCI_FID_AFFINITY_INFO, 1);
	assert_rmi(psci(f, true, a, b, (uint64_t)-3), ERR_INPUT);
	/* CPU_ON of a target already on, answered DENIED: ERROR_INPUT */
	psci_pending(f, b, PSCI_FID_CPU_ON, 0);
	assert_rmi(psci(f, true, b, a, (uint64_t)-3), ERR_INPUT);
	/* The request as set up completes: the RMM turned the REC the MPIDR names on. */
	psci_pending(f, a, PSCI_FID_CPU_ON, 1);
	assert_rmi(psci(f, false, a, b, 0), 0);
	assert_true(rec(f, b)->runnable);
	assert_false(rec(f, a)->psci.pending);
	(void)rd2;
}

/* ---- RTT_SET_RIPAS ---- */

static void ripas_pending(struct fix *f, uint64_t pa, uint64_t base, uint64_t top,
			  unsigned int ripas)
{
	rec(f, pa)->ripas = (struct rec_ripas_change){ .pending = true, .base = base, .top = top,
						       .addr = base, .ripas = ripas };
}

static void set_ripas_conditions(void **state)
{
	struct fix *f = *state;
	uint64_t a, c, rd1 = f->rd, rtt[2];
	struct smc_regs r;

	rt_tables(f, 0, 3);
	assert_rmi(v2_rec_create(f, v2_rec_params(f, RUNNABLE, 0, 0, NULL), &a), 0);
	rtt[0] = f->rtt[0];
	rtt[1] = f->rtt[1];
	rt_v2_realm(f, 40, 1, 2);
	assert_rmi(v2_rec_create(f, v2_rec_params(f, 0, 0, 0, NULL), &c), 0);
	f->rd = rd1;
	f->rtt[0] = rtt[0];
	f->rtt[1] = rtt[1];

	/* no request pending: ERROR_INPUT, x1 = 0 */
	assert_rmi(fail_call(f, RMI_FID_RTT_SET_RIPAS, rd1, a, 0, GRAN, 0, &r), ERR_INPUT);
	assert_int_equal(r.x[1], 0);
	ripas_pending(f, a, 0, 0x4000, RMI_RIPAS_RAM);
	ripas_pending(f, c, 0, 0x4000, RMI_RIPAS_RAM);
	/* size_valid, top alignment: before everything else (also before rec_busy) */
	assert_rmi(fail_call(f, RMI_FID_RTT_SET_RIPAS, rd1, a, GRAN, GRAN, 0, &r), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_SET_RIPAS, rd1, a, 0, GRAN + 8, 0, &r), ERR_INPUT);
	rec(f, a)->running = true;
	assert_rmi(fix_call(f, RMI_FID_RTT_SET_RIPAS, rd1, a, 0, GRAN + 8, 0, &r), ERR_INPUT);
	/* rec_busy before rec_owner and the request checks */
	assert_rmi(fix_call(f, RMI_FID_RTT_SET_RIPAS, rd1, a, 0x1000, 0x2000, 0, &r), ERR_REC);
	assert_int_equal(r.x[1], 0);
	rec(f, a)->running = false;
	/* rd, rec: align, state */
	assert_rmi(fail_call(f, RMI_FID_RTT_SET_RIPAS, a, a, 0, GRAN, 0, &r), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_SET_RIPAS, rd1, rd1, 0, GRAN, 0, &r), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_SET_RIPAS, rd1, a + 8, 0, GRAN, 0, &r), ERR_INPUT);
	/* rec_owner (ERROR_REC) before base_valid (ERROR_INPUT) */
	assert_rmi(fail_call(f, RMI_FID_RTT_SET_RIPAS, rd1, c, 0, GRAN, 0, &r), ERR_REC);
	assert_rmi(fail_call(f, RMI_FID_RTT_SET_RIPAS, rd1, c, 0x1000, GRAN * 2, 0, &r), ERR_REC);
	/* base_valid: not where the request continues; top_valid: beyond it */
	assert_rmi(fail_call(f, RMI_FID_RTT_SET_RIPAS, rd1, a, GRAN, 2 * GRAN, 0, &r), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_SET_RIPAS, rd1, a, 0, 0x5000, 0, &r), ERR_INPUT);
	assert_int_equal(rec(f, a)->ripas.addr, 0);
	/* rtt_walk: base not aligned to the entry it reaches (level 1) */
	ripas_pending(f, a, GRAN + (1ULL << 30), 0x4000 + (1ULL << 30), RMI_RIPAS_RAM);
	assert_rmi(fail_call(f, RMI_FID_RTT_SET_RIPAS, rd1, a, GRAN + (1ULL << 30),
			     0x4000 + (1ULL << 30), 0, &r), ERR_RTT(1));
	assert_int_equal(r.x[1], 0);
	assert_int_equal(rec(f, a)->ripas.addr, GRAN + (1ULL << 30));
	/* first entry cannot change (DESTROYED without CHANGE_DESTROYED): ERROR_RTT(3) */
	rt_v2_assign(f, 0x2000, RMI_RIPAS_DESTROYED);
	ripas_pending(f, a, 0x2000, 0x4000, RMI_RIPAS_RAM);
	assert_rmi(fail_call(f, RMI_FID_RTT_SET_RIPAS, rd1, a, 0x2000, 0x4000, 0, &r), ERR_RTT(3));
	assert_int_equal(r.x[1], 0);
	assert_int_equal(rec(f, a)->ripas.addr, 0x2000);
	/* Works from where the request is; the REC's address moves on. */
	ripas_pending(f, a, 0, 0x4000, RMI_RIPAS_RAM);
	assert_rmi(rc(f, RMI_FID_RTT_SET_RIPAS, rd1, a, 0, 0x4000, 0, &r), 0);
	assert_int_equal(r.x[1], 0x2000);
	assert_int_equal(rec(f, a)->ripas.addr, 0x2000);
}

/* ---- REC_ENTER (checks before any realm code runs) ---- */

static void rec_enter_conditions(void **state)
{
	struct fix *f = *state;
	uint64_t a, b, run = fix_alloc(f), del = fix_alloc_delegated(f);
	struct rmi_v2_rec_run *page = pmem_host_ptr(f->pm, run);
	uint8_t exit_before[sizeof(page->exit)];

	memset(&page->exit, 0x5a, sizeof(page->exit));
	memcpy(exit_before, &page->exit, sizeof(exit_before));
	assert_rmi(v2_rec_create(f, v2_rec_params(f, RUNNABLE, 0, 0x1000, NULL), &a), 0);
	assert_rmi(v2_rec_create(f, v2_rec_params(f, 0, 1, 0x1000, NULL), &b), 0);
	/* run_align, run_pas; rec_align, rec_state */
	assert_rmi(fail_call(f, RMI_FID_REC_ENTER, a, run + 8, 0, 0, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_REC_ENTER, a, del, 0, 0, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_REC_ENTER, a, ~0ULL & ~(GRAN - 1), 0, 0, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_REC_ENTER, a + 8, run, 0, 0, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_REC_ENTER, f->rd, run, 0, 0, 0, NULL), ERR_INPUT);
	/* rec_busy (ERROR_REC) before realm_state (NEW: ERROR_REALM) */
	rec(f, a)->running = true;
	assert_rmi(fix_call(f, RMI_FID_REC_ENTER, a, run, 0, 0, 0, NULL), ERR_REC);
	assert_rmi(fix_call(f, RMI_FID_REC_ENTER, a, del, 0, 0, 0, NULL), ERR_INPUT);
	rec(f, a)->running = false;
	/* realm_state NEW: plain ERROR_REALM (index 0), before runnable (b is not) */
	assert_rmi(fail_call(f, RMI_FID_REC_ENTER, a, run, 0, 0, 0, NULL), ERR_REALM);
	assert_rmi(fail_call(f, RMI_FID_REC_ENTER, b, run, 0, 0, 0, NULL), ERR_REALM);
	assert_rmi(rc(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), 0);
	/* rec_runnable */
	assert_rmi(fail_call(f, RMI_FID_REC_ENTER, b, run, 0, 0, 0, NULL), ERR_REC);
	/* PSCI request pending */
	rec(f, a)->psci = (struct rec_psci_request){ .pending = true, .fid = PSCI_FID_CPU_ON,
						     .target_mpidr = 1 };
	assert_rmi(fail_call(f, RMI_FID_REC_ENTER, a, run, 0, 0, 0, NULL), ERR_REC);
	rec(f, a)->psci.pending = false;
	/* flags that do not fit the last exit (there was none) */
	page->enter.flags = V2(REC_ENTER_FLAGS_INJECT_SEA_MASK);
	assert_rmi(fail_call(f, RMI_FID_REC_ENTER, a, run, 0, 0, 0, NULL), ERR_REC);
	page->enter.flags = V2(REC_ENTER_FLAGS_EMULATED_MMIO_MASK);
	assert_rmi(fail_call(f, RMI_FID_REC_ENTER, a, run, 0, 0, 0, NULL), ERR_REC);
	page->enter.flags = 0;
	/* The exit record is not written by a failed entry. */
	assert_memory_equal(&page->exit, exit_before, sizeof(exit_before));
	/* realm_state after REALM_TERMINATE: ERROR_REALM (index 0) */
	assert_rmi(rc(f, RMI_FID_REALM_TERMINATE, f->rd, 0, 0, 0, 0, NULL), 0);
	assert_rmi(fail_call(f, RMI_FID_REC_ENTER, a, run, 0, 0, 0, NULL), ERR_REALM);
	assert_memory_equal(&page->exit, exit_before, sizeof(exit_before));
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, fix_teardown)

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		T(rec_create_first_call),
		T(rec_create_continue_order),
		cmocka_unit_test_setup_teardown(rec_create_refcount_limit, setup_big, fix_teardown),
		T(rec_destroy_conditions),
		T(op_conditions),
		T(psci_complete_conditions),
		T(set_ripas_conditions),
		T(rec_enter_conditions),
	};

	return fix_run_v2_group("v2 conditions: rec", tests, argc, argv);
}
