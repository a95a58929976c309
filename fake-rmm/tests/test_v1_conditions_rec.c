// SPDX-License-Identifier: BSD-3-Clause
/*
 * 1.0 failure conditions of REC_CREATE, REC_DESTROY, REC_ENTER,
 * PSCI_COMPLETE and RTT_SET_RIPAS (V1_CONDITIONS.md): each checked with
 * fail_call() (exact x0 / index and outputs, granules and RIM unchanged),
 * plus what granules cannot show — the REC's own state (registers,
 * runnable, pending PSCI / RIPAS requests) and the run page's exit
 * record — and the earlier of two conditions winning.  White-box where
 * RMI alone cannot reach a state (a REC running).
 */
#include "cond.h"
#include "rec_fixture.h"

#include "rec.h"

#define RUNNABLE RMI_V1_0_REC_PARAMS_FLAGS_RUNNABLE_MASK
#define SEA RMI_V1_0_REC_ENTER_FLAGS_INJECT_SEA_MASK
#define MMIO RMI_V1_0_REC_ENTER_FLAGS_EMULATED_MMIO_MASK
#define BASE 0x300000ULL
#define TOP 0x304000ULL
#define STATUS_DENIED ((uint64_t)(int64_t)PSCI_V1_0_STATUS_DENIED)

/* ---- the REC state granules do not hold ---- */

struct rec_snap {
	bool runnable, running, psci_pending, ripas_pending, host_call;
	uint64_t ripas_addr, ripas_top, x[4], pc;
};

static void rec_snap_take(struct rx *x, unsigned int n, struct rec_snap *s)
{
	struct rec *r = rec_of(x->f->rmm, x->rec[n]);

	assert_non_null(r);
	s->runnable = r->runnable;
	s->running = r->running;
	s->psci_pending = r->psci.pending;
	s->ripas_pending = r->ripas.pending;
	s->host_call = r->host_call_pending;
	s->ripas_addr = r->ripas.addr;
	s->ripas_top = r->ripas.top;
	s->pc = r->entry_pc;
	for (unsigned int i = 0; i < 4; i++)
		s->x[i] = rec_get_x(r, i);
}

static void rec_snap_same(struct rx *x, unsigned int n, const struct rec_snap *s)
{
	struct rec_snap now;

	rec_snap_take(x, n, &now);
	assert_int_equal(now.runnable, s->runnable);
	assert_int_equal(now.running, s->running);
	assert_int_equal(now.psci_pending, s->psci_pending);
	assert_int_equal(now.ripas_pending, s->ripas_pending);
	assert_int_equal(now.host_call, s->host_call);
	assert_int_equal(now.ripas_addr, s->ripas_addr);
	assert_int_equal(now.ripas_top, s->ripas_top);
	assert_int_equal(now.pc, s->pc);
	for (unsigned int i = 0; i < 4; i++)
		assert_int_equal(now.x[i], s->x[i]);
}

/* fail_call() that also asserts every REC of x kept its state. */
static uint64_t rec_fail(struct rx *x, uint32_t fid, uint64_t a1, uint64_t a2, uint64_t a3,
			 uint64_t a4, struct smc_regs *r)
{
	struct rec_snap s[RX_MAX_RECS];
	uint64_t x0;

	for (unsigned int i = 0; i < x->nrec; i++)
		rec_snap_take(x, i, &s[i]);
	x0 = fail_call(x->f, fid, a1, a2, a3, a4, 0, r);
	for (unsigned int i = 0; i < x->nrec; i++)
		rec_snap_same(x, i, &s[i]);
	return x0;
}

static void set_running(struct rx *x, unsigned int n, bool on)
{
	/* Only another CPU could see a REC inside REC_ENTER: set it white-box. */
	rec_of(x->f->rmm, x->rec[n])->running = on;
}

/* ---- REC_CREATE ---- */

static uint64_t create_fail(struct rx *x, struct rx_rec_args *a, uint64_t rd, uint64_t rec)
{
	uint64_t params = rx_rec_params(x, a);

	return rec_fail(x, RMI_FID_REC_CREATE, rd, rec, params, 0, NULL);
}

static void rec_create_conditions(void **state)
{
	struct rx *x = *state;
	struct rx_rec_args a = { .flags = RUNNABLE };
	uint64_t rec = fix_alloc_delegated(x->f), params = rx_rec_params(x, &a);

	/* 1 params_align, params_bound, params_pas */
	assert_rmi(rec_fail(x, RMI_FID_REC_CREATE, x->f->rd, rec, params + 8, 0, NULL), ERR_INPUT);
	assert_rmi(rec_fail(x, RMI_FID_REC_CREATE, x->f->rd, rec, 0, 0, NULL), ERR_INPUT);
	assert_rmi(rec_fail(x, RMI_FID_REC_CREATE, x->f->rd, rec, rec, 0, NULL), ERR_INPUT);
	/* 2 num_aux > 16 */
	a.num_aux = 17;
	assert_rmi(create_fail(x, &a, x->f->rd, rec), ERR_INPUT);
	a.num_aux = 0;
	/* 3 aux_state (NS, the RD, the REC itself), aux_alias; all rolled back */
	a.aux_override[3] = fix_alloc(x->f);
	assert_rmi(create_fail(x, &a, x->f->rd, rec), ERR_INPUT);
	a.aux_override[3] = x->f->rd;
	assert_rmi(create_fail(x, &a, x->f->rd, rec), ERR_INPUT);
	a.aux_override[3] = rec;
	assert_rmi(create_fail(x, &a, x->f->rd, rec), ERR_INPUT);
	a.aux_override[3] = fix_alloc_delegated(x->f);
	a.aux_override[9] = a.aux_override[3];
	assert_rmi(create_fail(x, &a, x->f->rd, rec), ERR_INPUT);
	memset(a.aux_override, 0, sizeof(a.aux_override));
	/* 4 rec_align / rec_state (NS, the RD), rd_state, rec == rd */
	assert_rmi(create_fail(x, &a, x->f->rd, rec + 8), ERR_INPUT);
	assert_rmi(create_fail(x, &a, x->f->rd, fix_alloc(x->f)), ERR_INPUT);
	assert_rmi(create_fail(x, &a, x->f->rd, x->f->rd), ERR_INPUT);
	assert_rmi(create_fail(x, &a, x->f->rtt[0], rec), ERR_INPUT);
	assert_rmi(create_fail(x, &a, rec, rec), ERR_INPUT);
	/* 7 mpidr_valid (bits outside Aff0[3:0]), mpidr_index (not the next REC) */
	a.mpidr = 0x10;
	assert_rmi(create_fail(x, &a, x->f->rd, rec), ERR_INPUT);
	a.mpidr = 1;
	assert_rmi(create_fail(x, &a, x->f->rd, rec), ERR_INPUT);
	a.mpidr = 1ULL << 32;
	assert_rmi(create_fail(x, &a, x->f->rd, rec), ERR_INPUT);
	a.mpidr = 0;
	/* 8 num_aux != REC_AUX_COUNT */
	a.num_aux = 15;
	assert_rmi(create_fail(x, &a, x->f->rd, rec), ERR_INPUT);
	a.num_aux = 0;
	assert_rmi(rc(x->f, RMI_FID_REC_CREATE, x->f->rd, rec, rx_rec_params(x, &a), 0, 0, NULL), 0);
}

static void rec_create_order(void **state)
{
	struct rx *x = *state;
	struct rx_rec_args a = { .flags = RUNNABLE };
	uint64_t rec = fix_alloc_delegated(x->f);

	rx_activate(x);
	/* 6 realm_state: ACTIVE -> ERROR_REALM */
	assert_rmi(create_fail(x, &a, x->f->rd, rec), ERR_REALM);
	/* 3 > 6 and 4 > 6: a bad aux, a bad rec in an ACTIVE realm -> ERROR_INPUT */
	a.aux_override[0] = fix_alloc(x->f);
	assert_rmi(create_fail(x, &a, x->f->rd, rec), ERR_INPUT);
	a.aux_override[0] = 0;
	assert_rmi(create_fail(x, &a, x->f->rd, fix_alloc(x->f)), ERR_INPUT);
	/* 2 > 6 */
	a.num_aux = 17;
	assert_rmi(create_fail(x, &a, x->f->rd, rec), ERR_INPUT);
	/* 6 > 7, 6 > 8: a bad MPIDR, 15 aux granules -> still ERROR_REALM */
	a.num_aux = 15;
	assert_rmi(create_fail(x, &a, x->f->rd, rec), ERR_REALM);
	a.num_aux = 0;
	a.mpidr = 0x10;
	assert_rmi(create_fail(x, &a, x->f->rd, rec), ERR_REALM);
	/* SYSTEM_OFF is not NEW either */
	realm_of_rd(x->f->rmm, x->f->rd)->state = REALM_SYSTEM_OFF;
	a.mpidr = 0;
	assert_rmi(create_fail(x, &a, x->f->rd, rec), ERR_REALM);
}

/* 5: the RD refcount (RECs) at 1023 -> ERROR_REALM, before the MPIDR and realm state. */
static int setup_big(void **state)
{
	struct pmem_config pc = { .size = 96ULL << 20, .no_gpf_protection = true };

	if (fix_setup_with(state, "1.0", &pc, false))
		return -1;
	rt_realm(*state);
	return 0;
}

static uint64_t mpidr_of(unsigned int idx)
{
	return (idx & 0xf) | ((uint64_t)(idx >> 4) << 8);
}

static void rec_create_refcount_limit(void **state)
{
	struct fix *f = *state;
	uint64_t params = fix_alloc(f), rec;
	struct rmi_v1_0_rec_params *p = pmem_host_ptr(f->pm, params);
	struct smc_regs r;

	p->num_aux = REC_AUX_COUNT;
	for (unsigned int i = 0; i < 1023; i++) {
		p->mpidr = mpidr_of(i);
		for (unsigned int j = 0; j < REC_AUX_COUNT; j++)
			p->aux[j] = fix_alloc_delegated(f);
		rec = fix_alloc_delegated(f);
		assert_rmi(fix_call(f, RMI_FID_REC_CREATE, f->rd, rec, params, 0, 0, &r), 0);
	}
	fix_check_invariants(f);
	assert_int_equal(rmm_granule_refcount(f->rmm, f->rd), 1023);
	for (unsigned int j = 0; j < REC_AUX_COUNT; j++)
		p->aux[j] = fix_alloc_delegated(f);
	rec = fix_alloc_delegated(f);
	/* The next one, with the right MPIDR, a wrong one, and in an ACTIVE realm: ERROR_REALM */
	p->mpidr = mpidr_of(1023);
	assert_rmi(fail_call(f, RMI_FID_REC_CREATE, f->rd, rec, params, 0, 0, NULL), ERR_REALM);
	p->mpidr = 0x10;
	assert_rmi(fail_call(f, RMI_FID_REC_CREATE, f->rd, rec, params, 0, 0, NULL), ERR_REALM);
	p->num_aux = 15;
	assert_rmi(fail_call(f, RMI_FID_REC_CREATE, f->rd, rec, params, 0, 0, NULL), ERR_REALM);
	/* 4 > 5: a bad rec granule is ERROR_INPUT */
	assert_rmi(fail_call(f, RMI_FID_REC_CREATE, f->rd, fix_alloc(f), params, 0, 0, NULL),
		   ERR_INPUT);
}

/* ---- REC_DESTROY ---- */

static void rec_destroy_conditions(void **state)
{
	struct rx *x = *state;

	rx_rec(x, 0);
	/* 1 rec_align / rec_state */
	assert_rmi(rec_fail(x, RMI_FID_REC_DESTROY, x->rec[0] + 8, 0, 0, 0, NULL), ERR_INPUT);
	assert_rmi(rec_fail(x, RMI_FID_REC_DESTROY, x->f->rd, 0, 0, 0, NULL), ERR_INPUT);
	assert_rmi(rec_fail(x, RMI_FID_REC_DESTROY, fix_alloc_delegated(x->f), 0, 0, 0, NULL),
		   ERR_INPUT);
	/* 2 rec_busy */
	set_running(x, 0, true);
	assert_rmi(rec_fail(x, RMI_FID_REC_DESTROY, x->rec[0], 0, 0, 0, NULL), ERR_REC);
	set_running(x, 0, false);
	assert_rmi(rc(x->f, RMI_FID_REC_DESTROY, x->rec[0], 0, 0, 0, 0, NULL), 0);
	x->nrec = 0;
}

/* ---- REC_ENTER: nothing written to the exit record on failure ---- */

static uint64_t enter_fail(struct rx *x, unsigned int n, uint64_t rec, uint64_t run)
{
	struct rmi_v1_0_rec_run *page = rx_run_page(x, n);
	uint8_t before[sizeof(page->exit)];
	uint64_t x0;

	memset(&page->exit, 0xee, sizeof(page->exit));
	memcpy(before, &page->exit, sizeof(before));
	x0 = rec_fail(x, RMI_FID_REC_ENTER, rec, run, 0, 0, NULL);
	assert_memory_equal(&page->exit, before, sizeof(before));
	return x0;
}

static void rec_enter_conditions(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_run *run;

	rx_load(x, "host_call", RX_CODE_IPA);
	rx_rec(x, 1);
	rx_rec(x, 1);				/* not runnable */
	run = rx_run_page(x, 0);
	/* 1 run_align, run_bound, run_pas */
	assert_rmi(enter_fail(x, 0, x->rec[0], x->run[0] + 8), ERR_INPUT);
	assert_rmi(enter_fail(x, 0, x->rec[0], x->rec[1]), ERR_INPUT);
	assert_rmi(enter_fail(x, 0, x->rec[0], ~0ULL & ~(GRAN - 1)), ERR_INPUT);
	/* 2 rec_align, rec_state */
	assert_rmi(enter_fail(x, 0, x->rec[0] + 8, x->run[0]), ERR_INPUT);
	assert_rmi(enter_fail(x, 0, x->f->rd, x->run[0]), ERR_INPUT);
	/* 3 rec_busy; order 1 > 3 and 3 > 4 (realm NEW) */
	set_running(x, 0, true);
	assert_rmi(enter_fail(x, 0, x->rec[0], x->run[0] + 8), ERR_INPUT);
	assert_rmi(enter_fail(x, 0, x->rec[0], x->run[0]), ERR_REC);
	set_running(x, 0, false);
	/* 4 realm NEW -> ERROR_REALM index 0; 4 > 5 (REC 1 not runnable), 4 > 7, 4 > 8 */
	assert_rmi(enter_fail(x, 0, x->rec[0], x->run[0]), RET(RMI_STATUS_ERROR_REALM, 0));
	assert_rmi(enter_fail(x, 1, x->rec[1], x->run[1]), RET(RMI_STATUS_ERROR_REALM, 0));
	run->enter.flags = SEA;
	run->enter.gicv3_hcr = 1;
	assert_rmi(enter_fail(x, 0, x->rec[0], x->run[0]), RET(RMI_STATUS_ERROR_REALM, 0));
	run->enter.gicv3_hcr = 0;
	rx_activate(x);
	/* 5 not runnable */
	run = rx_run_page(x, 1);
	assert_rmi(enter_fail(x, 1, x->rec[1], x->run[1]), ERR_REC);
	/* 7 GIC state invalid; 8 INJECT_SEA, 9 EMULATED_MMIO without a fitting exit */
	run = rx_run_page(x, 0);
	run->enter.flags = 0;
	run->enter.gicv3_hcr = 1;
	assert_rmi(enter_fail(x, 0, x->rec[0], x->run[0]), ERR_REC);
	run->enter.gicv3_hcr = 0;
	run->enter.flags = SEA;
	assert_rmi(enter_fail(x, 0, x->rec[0], x->run[0]), ERR_REC);
	run->enter.flags = MMIO;
	assert_rmi(enter_fail(x, 0, x->rec[0], x->run[0]), ERR_REC);
	run->enter.flags = 0;
	rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
	/* After a host call exit neither fits either */
	run->enter.flags = SEA;
	assert_rmi(enter_fail(x, 0, x->rec[0], x->run[0]), ERR_REC);
	run->enter.flags = MMIO;
	assert_rmi(enter_fail(x, 0, x->rec[0], x->run[0]), ERR_REC);
	run->enter.flags = 0;
	/* 4 SYSTEM_OFF -> ERROR_REALM index 1, before 5 (REC 1 not runnable) */
	realm_of_rd(x->f->rmm, x->f->rd)->state = REALM_SYSTEM_OFF;
	assert_rmi(enter_fail(x, 1, x->rec[1], x->run[1]), RET(RMI_STATUS_ERROR_REALM, 1));
	assert_rmi(enter_fail(x, 0, x->rec[0], x->run[0]), RET(RMI_STATUS_ERROR_REALM, 1));
}

static void rec_enter_psci_pending(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_run *run;

	rx_load(x, "psci_cpu_on", RX_CODE_IPA);
	rx_rec(x, 1);
	rx_rec(x, 0);
	rx_activate(x);
	rx_enter_expect(x, 0, RMI_EXIT_REASON_PSCI);
	/* 6 PSCI request pending -> ERROR_REC, request kept */
	assert_rmi(enter_fail(x, 0, x->rec[0], x->run[0]), ERR_REC);
	run = rx_run_page(x, 0);
	run->enter.flags = SEA;
	assert_rmi(enter_fail(x, 0, x->rec[0], x->run[0]), ERR_REC);
	run->enter.flags = 0;
	/* Order 4 > 6: SYSTEM_OFF -> ERROR_REALM index 1 */
	realm_of_rd(x->f->rmm, x->f->rd)->state = REALM_SYSTEM_OFF;
	assert_rmi(enter_fail(x, 0, x->rec[0], x->run[0]), RET(RMI_STATUS_ERROR_REALM, 1));
}

/* ---- PSCI_COMPLETE: all ERROR_INPUT; the request and both RECs kept ---- */

static uint64_t complete(struct rx *x, uint64_t calling, uint64_t target, uint64_t status)
{
	return rec_fail(x, RMI_FID_PSCI_COMPLETE, calling, target, status, 0, NULL);
}

static void psci_complete_conditions(void **state)
{
	struct rx *x = *state;

	rx_load(x, "psci_cpu_on", RX_CODE_IPA);
	rx_rec(x, 1);
	rx_rec(x, 0);
	rx_rec(x, 0);
	rx_activate(x);
	/* 4 no request yet */
	assert_rmi(complete(x, x->rec[0], x->rec[1], 0), ERR_INPUT);
	rx_enter_expect(x, 0, RMI_EXIT_REASON_PSCI);	/* CPU_ON of MPIDR 1 */
	/* 1 calling / target unaligned */
	assert_rmi(complete(x, x->rec[0] + 8, x->rec[1], 0), ERR_INPUT);
	assert_rmi(complete(x, x->rec[0], x->rec[1] + 8, 0), ERR_INPUT);
	/* 2 not RECs, one REC twice */
	assert_rmi(complete(x, x->f->rd, x->rec[1], 0), ERR_INPUT);
	assert_rmi(complete(x, x->rec[0], x->f->rd, 0), ERR_INPUT);
	assert_rmi(complete(x, x->rec[0], x->rec[0], 0), ERR_INPUT);
	/* 3 calling REC running */
	set_running(x, 0, true);
	assert_rmi(complete(x, x->rec[0], x->rec[1], 0), ERR_INPUT);
	set_running(x, 0, false);
	/* 6 target is not the REC the realm named */
	assert_rmi(complete(x, x->rec[0], x->rec[2], 0), ERR_INPUT);
	/* 7 status: CPU_ON takes SUCCESS or DENIED only; DENIED for a target already on */
	assert_rmi(complete(x, x->rec[0], x->rec[1], (uint64_t)(int64_t)PSCI_V1_0_STATUS_NOT_SUPPORTED),
		   ERR_INPUT);
	assert_rmi(complete(x, x->rec[0], x->rec[1], 1), ERR_INPUT);
	rec_of(x->f->rmm, x->rec[1])->runnable = true;	/* the target is on */
	/*
	 * Spec: a failed command changes nothing.  TF-RMM 1.0-rel0
	 * psci_complete_request() answers ERROR_INPUT here but has already
	 * completed the request (realm gets ALREADY_ON).
	 */
	assert_rmi(complete(x, x->rec[0], x->rec[1], STATUS_DENIED), ERR_INPUT);
	rec_of(x->f->rmm, x->rec[1])->runnable = false;
	assert_rmi(rc(x->f, RMI_FID_PSCI_COMPLETE, x->rec[0], x->rec[1], 0, 0, 0, NULL), 0);
	/* 4 again: completed once */
	assert_rmi(complete(x, x->rec[0], x->rec[1], 0), ERR_INPUT);
}

static void psci_complete_other_realm(void **state)
{
	struct rx *x = *state;
	struct rx_rec_args a = { .flags = RUNNABLE };
	uint64_t rd, other;
	struct realm_desc d;

	rx_load(x, "psci_cpu_on", RX_CODE_IPA);
	rx_rec(x, 1);
	rx_rec(x, 0);
	rx_activate(x);
	rx_enter_expect(x, 0, RMI_EXIT_REASON_PSCI);
	rd = x->f->rd;
	realm_desc_default(&d);
	d.vmid = 2;
	assert_rmi(fix_realm_create(x->f, &d), 0);
	assert_rmi(rx_rec_create_with(x, &a, &other), 0);
	a.mpidr = 1;
	assert_rmi(rx_rec_create_with(x, &a, &other), 0);	/* index 1, as asked */
	x->f->rd = rd;
	/* 5 target of another realm; 5 > 7 (a bad status as well) */
	assert_rmi(complete(x, x->rec[0], other, 0), ERR_INPUT);
	assert_rmi(complete(x, x->rec[0], other, 7), ERR_INPUT);
	assert_rmi(rc(x->f, RMI_FID_PSCI_COMPLETE, x->rec[0], x->rec[1], 0, 0, 0, NULL), 0);
}

/* ---- RTT_SET_RIPAS: x1 = 0 on every error, the REC's next address kept ---- */

/* The ripas_change guest over [BASE, TOP), stopped at its first request (to EMPTY). */
static void boot_ripas(struct rx *x)
{
	struct rx_rec_args a = { .flags = RUNNABLE, .pc = RX_CODE_IPA, .gprs = { BASE, TOP } };
	uint64_t rec;

	rt_tables(x->f, BASE, 3);
	rx_load(x, "ripas_change", RX_CODE_IPA);
	assert_rmi(rx_rec_create_with(x, &a, &rec), 0);
	x->rec[0] = rec;
	x->run[0] = fix_alloc(x->f);
	x->nrec = 1;
	rx_activate(x);
	assert_int_equal(rx_enter_expect(x, 0, RMI_EXIT_REASON_RIPAS_CHANGE)->ripas_value,
			 RMI_RIPAS_EMPTY);
}

static uint64_t set_ripas(struct rx *x, uint64_t rd, uint64_t rec, uint64_t base, uint64_t top)
{
	struct smc_regs r;
	uint64_t x0 = rec_fail(x, RMI_FID_RTT_SET_RIPAS, rd, rec, base, top, &r);

	assert_int_equal(r.x[1], 0);
	return x0;
}

static void set_ripas_conditions(void **state)
{
	struct rx *x = *state;
	uint64_t rd = x->f->rd, rec;

	boot_ripas(x);
	rec = x->rec[0];
	/*
	 * 1 size_valid: top <= base; top_align (spec; TF-RMM 1.0-rel0 lacks
	 * it, added later as commit 62ece7d0 "Added top_gran_align check")
	 */
	assert_rmi(set_ripas(x, rd, rec, BASE, BASE), ERR_INPUT);
	assert_rmi(set_ripas(x, rd, rec, BASE, BASE + 0x1800), ERR_INPUT);
	/* 2 rd / rec align and state */
	assert_rmi(set_ripas(x, rd + 8, rec, BASE, TOP), ERR_INPUT);
	assert_rmi(set_ripas(x, x->f->rtt[0], rec, BASE, TOP), ERR_INPUT);
	assert_rmi(set_ripas(x, rd, rec + 8, BASE, TOP), ERR_INPUT);
	assert_rmi(set_ripas(x, rd, rd, BASE, TOP), ERR_INPUT);
	/* 3 rec_busy; order 1 > 3, 2 > 3, 3 > 5 */
	set_running(x, 0, true);
	assert_rmi(set_ripas(x, rd, rec, TOP, BASE), ERR_INPUT);
	assert_rmi(set_ripas(x, x->f->rtt[0], rec, BASE, TOP), ERR_INPUT);
	assert_rmi(set_ripas(x, rd, rec, BASE + GRAN, TOP), ERR_REC);
	assert_rmi(set_ripas(x, rd, rec, BASE, TOP), ERR_REC);
	set_running(x, 0, false);
	/* 5 base_valid (not the next address), top_bound (beyond the request) */
	assert_rmi(set_ripas(x, rd, rec, BASE + GRAN, TOP), ERR_INPUT);
	assert_rmi(set_ripas(x, rd, rec, BASE - GRAN, TOP), ERR_INPUT);
	assert_rmi(set_ripas(x, rd, rec, BASE, TOP + GRAN), ERR_INPUT);
	/* Progress, then 5 again on the old base */
	assert_rmi(rc(x->f, RMI_FID_RTT_SET_RIPAS, rd, rec, BASE, BASE + GRAN, 0, NULL), 0);
	assert_rmi(set_ripas(x, rd, rec, BASE, TOP), ERR_INPUT);
	assert_rmi(rc(x->f, RMI_FID_RTT_SET_RIPAS, rd, rec, BASE + GRAN, TOP, 0, NULL), 0);
}

static void set_ripas_other_realm(void **state)
{
	struct rx *x = *state;
	uint64_t rd;
	struct realm_desc d;

	boot_ripas(x);
	rd = x->f->rd;
	realm_desc_default(&d);
	d.vmid = 2;
	assert_rmi(fix_realm_create(x->f, &d), 0);
	/* 4 rec_owner: the second realm's RD; 4 > 5 (base wrong as well) */
	assert_rmi(set_ripas(x, x->f->rd, x->rec[0], BASE, TOP), ERR_REC);
	assert_rmi(set_ripas(x, x->f->rd, x->rec[0], BASE + GRAN, TOP), ERR_REC);
	/* 3 > 4 */
	set_running(x, 0, true);
	assert_rmi(set_ripas(x, x->f->rd, x->rec[0], BASE, TOP), ERR_REC);
	set_running(x, 0, false);
	x->f->rd = rd;
	assert_rmi(rc(x->f, RMI_FID_RTT_SET_RIPAS, rd, x->rec[0], BASE, TOP, 0, NULL), 0);
}

static void set_ripas_walk(void **state)
{
	struct rx *x = *state;
	uint64_t rd = x->f->rd;

	boot_ripas(x);
	/* 6 base unaligned to the walk's entry: without the level-3 table, a 2 MiB entry */
	assert_rmi(rc(x->f, RMI_FID_RTT_DESTROY, rd, BASE & ~(L2_SIZE - 1), 3, 0, 0, NULL), 0);
	assert_rmi(set_ripas(x, rd, x->rec[0], BASE, TOP), ERR_RTT(2));
	/* Order 5 > 6: a wrong base where the walk would fail too */
	assert_rmi(set_ripas(x, rd, x->rec[0], BASE + GRAN, TOP), ERR_INPUT);
	/* 7 first entry cannot change: DESTROYED (inherited), no CHANGE_DESTROYED */
	assert_rmi(rt_create(x->f, BASE, 3, NULL), 0);
	assert_int_equal(rt_read(x->f, BASE, 3).ripas, RMI_RIPAS_DESTROYED);
	assert_rmi(set_ripas(x, rd, x->rec[0], BASE, TOP), ERR_RTT(3));
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, rx_setup, rx_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(rec_create_conditions),
		T(rec_create_order),
		cmocka_unit_test_setup_teardown(rec_create_refcount_limit, setup_big, fix_teardown),
		T(rec_destroy_conditions),
		T(rec_enter_conditions),
		T(rec_enter_psci_pending),
		T(psci_complete_conditions),
		T(psci_complete_other_realm),
		T(set_ripas_conditions),
		T(set_ripas_other_realm),
		T(set_ripas_walk),
	};

	return cmocka_run_group_tests_name("v1 conditions: rec", tests, NULL, NULL);
}
