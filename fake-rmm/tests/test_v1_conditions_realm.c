// SPDX-License-Identifier: BSD-3-Clause
/*
 * 1.0 failure conditions of VERSION, GRANULE_DELEGATE / UNDELEGATE,
 * REALM_CREATE, REALM_ACTIVATE, REALM_DESTROY and REC_AUX_COUNT
 * (V1_CONDITIONS.md): each condition with fail_call() (exact x0 and
 * outputs, nothing changed), the earlier of two conditions winning, and
 * the VMID a failing REALM_CREATE keeps or releases.
 */
#include "cond.h"

#include "realm.h"

#define V1_0 0x10000ULL

static int setup(void **state)
{
	return fix_setup_v1(state);
}

static int setup_realm(void **state)
{
	if (fix_setup_v1(state))
		return -1;
	rt_realm(*state);
	return 0;
}

/* A REC of f's realm (MPIDR `idx`, not runnable) with fresh aux granules; returns its PA. */
static uint64_t make_rec(struct fix *f, uint64_t idx)
{
	uint64_t params = fix_alloc(f), rec = fix_alloc_delegated(f);
	struct rmi_v1_0_rec_params *p = pmem_host_ptr(f->pm, params);

	p->mpidr = idx;
	p->num_aux = REC_AUX_COUNT;
	for (unsigned int i = 0; i < REC_AUX_COUNT; i++)
		p->aux[i] = fix_alloc_delegated(f);
	assert_rmi(rc(f, RMI_FID_REC_CREATE, f->rd, rec, params, 0, 0, NULL), 0);
	return rec;
}

/* ---- VERSION ---- */

static void version_conditions(void **state)
{
	static const uint64_t bad[] = {
		(1ULL << 31) | V1_0,	/* reserved bits 63:31 */
		1ULL << 63,
		0x10001,		/* a later minor */
		0x20000,		/* 2.0 */
		0,
	};
	struct fix *f = *state;
	struct smc_regs r;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_rmi(fail_call(f, RMI_FID_VERSION, bad[i], 0, 0, 0, 0, &r), ERR_INPUT);
		/* x1 = lower, x2 = higher implemented revision, also on failure */
		assert_int_equal(r.x[1], V1_0);
		assert_int_equal(r.x[2], V1_0);
	}
	assert_rmi(rc(f, RMI_FID_VERSION, V1_0, 0, 0, 0, 0, &r), 0);
	assert_int_equal(r.x[1], V1_0);
	assert_int_equal(r.x[2], V1_0);
}

/* ---- GRANULE_DELEGATE / GRANULE_UNDELEGATE ---- */

static void delegate_conditions(void **state)
{
	struct fix *f = *state;
	uint64_t base = pmem_pa_base(f->pm), end = base + pmem_ngranules(f->pm) * GRAN;
	uint64_t ns = fix_alloc(f), del = fix_alloc_delegated(f);

	/* gran_align, gran_bound (below, past the arena, all ones), gran_state */
	assert_rmi(fail_call(f, RMI_FID_GRANULE_DELEGATE, ns + 8, 0, 0, 0, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_GRANULE_DELEGATE, base - GRAN, 0, 0, 0, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_GRANULE_DELEGATE, end, 0, 0, 0, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_GRANULE_DELEGATE, ~0ULL, 0, 0, 0, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_GRANULE_DELEGATE, del, 0, 0, 0, 0, NULL), ERR_INPUT);
	/* Undelegate: the same address rules, and only DELEGATED */
	assert_rmi(fail_call(f, RMI_FID_GRANULE_UNDELEGATE, del + 8, 0, 0, 0, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_GRANULE_UNDELEGATE, end, 0, 0, 0, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_GRANULE_UNDELEGATE, ns, 0, 0, 0, 0, NULL), ERR_INPUT);
	rt_realm(f);
	rt_tables(f, 0, 3);
	rt_data(f, 0x1000, 0, 0x5a);
	assert_rmi(fail_call(f, RMI_FID_GRANULE_DELEGATE, f->rd, 0, 0, 0, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_GRANULE_UNDELEGATE, f->rd, 0, 0, 0, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_GRANULE_UNDELEGATE, f->rtt[0], 0, 0, 0, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_GRANULE_UNDELEGATE, rt_read(f, 0x1000, 3).desc, 0, 0, 0, 0,
			     NULL), ERR_INPUT);
	assert_rmi(rc(f, RMI_FID_GRANULE_UNDELEGATE, del, 0, 0, 0, 0, NULL), 0);
}

/* ---- REALM_CREATE ---- */

/* The default realm's RD, roots and params page, not created yet. */
struct cr {
	uint64_t rd, rtt_base, params;
};

static void cr_prepare(struct fix *f, const struct realm_desc *d, struct cr *c)
{
	c->rtt_base = fix_alloc_delegated(f);
	for (unsigned int i = 1; i < d->num_start; i++)
		fix_alloc_delegated(f);		/* contiguous with rtt_base */
	c->rd = fix_alloc_delegated(f);
	c->params = fix_realm_params(f, d, c->rtt_base);
}

static uint64_t cr_fail(struct fix *f, uint64_t rd, uint64_t params)
{
	return fail_call(f, RMI_FID_REALM_CREATE, rd, params, 0, 0, 0, NULL);
}

/* Whether VMID `vmid` is free: a realm with it can be created (and is destroyed again). */
static bool vmid_free_now(struct fix *f, unsigned int vmid)
{
	struct realm_desc d;
	struct cr c;
	uint64_t x0;

	realm_desc_default(&d);
	d.vmid = vmid;
	cr_prepare(f, &d, &c);
	x0 = rc(f, RMI_FID_REALM_CREATE, c.rd, c.params, 0, 0, 0, NULL);
	if (x0 == 0)
		assert_rmi(rc(f, RMI_FID_REALM_DESTROY, c.rd, 0, 0, 0, 0, NULL), 0);
	return x0 == 0;
}

static void create_params_page(void **state)
{
	struct fix *f = *state;
	struct realm_desc d;
	struct cr c;

	realm_desc_default(&d);
	cr_prepare(f, &d, &c);
	/* params_align, params_bound, params_pas (DELEGATED, the RD itself) */
	assert_rmi(cr_fail(f, c.rd, c.params + 8), ERR_INPUT);
	assert_rmi(cr_fail(f, c.rd, 0), ERR_INPUT);
	assert_rmi(cr_fail(f, c.rd, ~0ULL & ~(GRAN - 1)), ERR_INPUT);
	assert_rmi(cr_fail(f, c.rd, fix_alloc_delegated(f)), ERR_INPUT);
	assert_rmi(cr_fail(f, c.rd, c.rd), ERR_INPUT);
	/* Nothing reserved: VMID 1 is free. */
	assert_true(vmid_free_now(f, 1));
}

static void create_params_supported(void **state)
{
	static const struct {
		const char *what;
		uint64_t flags;
		unsigned int s2sz, bps, wps, sve_vl, pmu_ctrs, hash;
		int level;
		unsigned int num_start;
	} bad[] = {
		{ "LPA2 without FEAT_LPA2", 1, 40, 2, 2, 0, 0, 0, 1, 2 },
		{ "s2sz 31", 0, 31, 2, 2, 0, 0, 0, 1, 1 },
		{ "s2sz above FEATURES (44)", 0, 45, 2, 2, 0, 0, 0, 1, 64 },
		{ "num_bps 0", 0, 40, 0, 2, 0, 0, 0, 1, 2 },
		{ "num_bps above max", 0, 40, 7, 2, 0, 0, 0, 1, 2 },
		{ "num_wps 0", 0, 40, 2, 0, 0, 0, 0, 1, 2 },
		{ "num_wps above max", 0, 40, 2, 5, 0, 0, 0, 1, 2 },
		{ "sve_vl above max", 2, 40, 2, 2, 16, 0, 0, 1, 2 },
		{ "PMU with 0 counters (no FEAT_HPMN0)", 4, 40, 2, 2, 0, 0, 0, 1, 2 },
		{ "PMU counters above max", 4, 40, 2, 2, 0, 32, 0, 1, 2 },
		{ "level -1 without LPA2", 0, 40, 2, 2, 0, 0, 0, -1, 1 },
		{ "level 4", 0, 40, 2, 2, 0, 0, 0, 4, 1 },
		{ "s2sz 40 at level 3", 0, 40, 2, 2, 0, 0, 0, 3, 1 },
		{ "rtt_num_start 1 for 2 tables", 0, 40, 2, 2, 0, 0, 0, 1, 1 },
		{ "rtt_num_start 4 for 2 tables", 0, 40, 2, 2, 0, 0, 0, 1, 4 },
		{ "hash algorithm 2", 0, 40, 2, 2, 0, 0, 2, 1, 2 },
	};
	struct fix *f = *state;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct realm_desc d;
		struct cr c;

		realm_desc_default(&d);
		d.flags = bad[i].flags;
		d.s2sz = bad[i].s2sz;
		d.num_bps = bad[i].bps;
		d.num_wps = bad[i].wps;
		d.sve_vl = bad[i].sve_vl;
		d.pmu_num_ctrs = bad[i].pmu_ctrs;
		d.hash_algo = bad[i].hash;
		d.level = bad[i].level;
		d.num_start = bad[i].num_start;
		cr_prepare(f, &d, &c);
		if (cr_fail(f, c.rd, c.params) != ERR_INPUT)
			fail_msg("%s accepted", bad[i].what);
	}
	/* A 64-bit rtt_level_start whose low 32 bits say 1 (range-checked before narrowing). */
	{
		struct realm_desc d;
		struct cr c;

		realm_desc_default(&d);
		cr_prepare(f, &d, &c);
		((struct rmi_realm_params *)pmem_host_ptr(f->pm, c.params))->rtt_level_start =
			(int64_t)((1ULL << 32) | 1);
		assert_rmi(cr_fail(f, c.rd, c.params), ERR_INPUT);
	}
	/* None of them kept the VMID. */
	assert_true(vmid_free_now(f, 1));
}

static void create_vmid_in_use(void **state)
{
	struct fix *f = *state;
	struct realm_desc d;
	struct cr c;

	rt_realm(f);				/* VMID 1 */
	realm_desc_default(&d);
	cr_prepare(f, &d, &c);
	assert_rmi(cr_fail(f, c.rd, c.params), ERR_INPUT);
	/* Order: VMID before the rd/RTT checks: rd is a root (alias) and in use. */
	assert_rmi(cr_fail(f, c.rtt_base, c.params), ERR_INPUT);
	assert_rmi(cr_fail(f, f->rd, c.params), ERR_INPUT);
	/* The failing calls did not release the first realm's VMID. */
	assert_false(vmid_free_now(f, 1));
	/* Another VMID with the same granules works. */
	((struct rmi_v1_0_realm_params *)pmem_host_ptr(f->pm, c.params))->vmid = 2;
	assert_rmi(rc(f, RMI_FID_REALM_CREATE, c.rd, c.params, 0, 0, 0, NULL), 0);
	/* Destroying the first realm frees VMID 1. */
	assert_rmi(rc(f, RMI_FID_REALM_DESTROY, f->rd, 0, 0, 0, 0, NULL), 0);
	f->rd = 0;
	assert_true(vmid_free_now(f, 1));
}

static void create_alias_and_granule_states(void **state)
{
	struct fix *f = *state;
	struct realm_desc d;
	struct cr c;
	uint64_t ns = fix_alloc(f);

	realm_desc_default(&d);
	cr_prepare(f, &d, &c);
	/* alias: rd is the first or the second root RTT */
	assert_rmi(cr_fail(f, c.rtt_base, c.params), ERR_INPUT);
	assert_rmi(cr_fail(f, c.rtt_base + GRAN, c.params), ERR_INPUT);
	/* rd_align, rd_bound, rd_state */
	assert_rmi(cr_fail(f, c.rd + 8, c.params), ERR_INPUT);
	assert_rmi(cr_fail(f, 0, c.params), ERR_INPUT);
	assert_rmi(cr_fail(f, ns, c.params), ERR_INPUT);
	/* rtt_align / rtt_state: a root unaligned, NS, or the second one NS (all or nothing) */
	{
		struct cr c2;

		cr_prepare(f, &d, &c2);
		((struct rmi_realm_params *)pmem_host_ptr(f->pm, c2.params))->rtt_base =
			c2.rtt_base + 8;
		assert_rmi(cr_fail(f, c2.rd, c2.params), ERR_INPUT);
		((struct rmi_realm_params *)pmem_host_ptr(f->pm, c2.params))->rtt_base = ns;
		assert_rmi(cr_fail(f, c2.rd, c2.params), ERR_INPUT);
		assert_rmi(rc(f, RMI_FID_GRANULE_UNDELEGATE, c2.rtt_base + GRAN, 0, 0, 0, 0, NULL), 0);
		((struct rmi_realm_params *)pmem_host_ptr(f->pm, c2.params))->rtt_base = c2.rtt_base;
		assert_rmi(cr_fail(f, c2.rd, c2.params), ERR_INPUT);
	}
	/* Every one released the VMID it reserved. */
	assert_true(vmid_free_now(f, 1));
	assert_rmi(rc(f, RMI_FID_REALM_CREATE, c.rd, c.params, 0, 0, 0, NULL), 0);
	/* The RD of a live realm is not DELEGATED. */
	{
		struct cr c3;

		d.vmid = 3;
		cr_prepare(f, &d, &c3);
		assert_rmi(cr_fail(f, c.rd, c3.params), ERR_INPUT);
		assert_rmi(cr_fail(f, c3.rd, c.params), ERR_INPUT);	/* c's roots are RTTs; VMID 1 used */
	}
}

/* ---- REALM_ACTIVATE ---- */

static void activate_conditions(void **state)
{
	struct fix *f = *state;

	/* rd_align, rd_bound, rd_state */
	assert_rmi(fail_call(f, RMI_FID_REALM_ACTIVATE, f->rd + 8, 0, 0, 0, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_REALM_ACTIVATE, 0, 0, 0, 0, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_REALM_ACTIVATE, f->rtt[0], 0, 0, 0, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_REALM_ACTIVATE, fix_alloc_delegated(f), 0, 0, 0, 0, NULL),
		   ERR_INPUT);
	assert_rmi(rc(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), 0);
	/* realm_state: ACTIVE, SYSTEM_OFF (set white-box: a realm PSCI call does it) */
	assert_rmi(fail_call(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), ERR_REALM);
	realm_of_rd(f->rmm, f->rd)->state = REALM_SYSTEM_OFF;
	assert_rmi(fail_call(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), ERR_REALM);
	assert_int_equal(realm_of_rd(f->rmm, f->rd)->state, REALM_SYSTEM_OFF);
}

/* ---- REALM_DESTROY ---- */

static void destroy_conditions(void **state)
{
	struct fix *f = *state;
	uint64_t rec;

	assert_rmi(fail_call(f, RMI_FID_REALM_DESTROY, f->rd + 8, 0, 0, 0, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_REALM_DESTROY, f->rtt[1], 0, 0, 0, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_REALM_DESTROY, fix_alloc(f), 0, 0, 0, 0, NULL), ERR_INPUT);
	/* realm_live: a REC (RD refcount), a table in a root (root refcount), both */
	rec = make_rec(f, 0);
	assert_rmi(fail_call(f, RMI_FID_REALM_DESTROY, f->rd, 0, 0, 0, 0, NULL), ERR_REALM);
	rt_tables(f, 1ULL << 39, 2);	/* in the second root */
	assert_rmi(fail_call(f, RMI_FID_REALM_DESTROY, f->rd, 0, 0, 0, 0, NULL), ERR_REALM);
	assert_rmi(rc(f, RMI_FID_REC_DESTROY, rec, 0, 0, 0, 0, NULL), 0);
	assert_rmi(fail_call(f, RMI_FID_REALM_DESTROY, f->rd, 0, 0, 0, 0, NULL), ERR_REALM);
	/* Only an unprotected mapping in a root-level table: still live (a table entry). */
	assert_rmi(rc(f, RMI_FID_RTT_DESTROY, f->rd, 1ULL << 39, 2, 0, 0, NULL), 0);
	/* 1.0: any realm state can be destroyed (ACTIVE here). */
	assert_rmi(rc(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), 0);
	assert_rmi(rc(f, RMI_FID_REALM_DESTROY, f->rd, 0, 0, 0, 0, NULL), 0);
	assert_int_equal(rmm_granule_state(f->rmm, f->rd), GRANULE_DELEGATED);
	f->rd = 0;
}

/* ---- REC_AUX_COUNT ---- */

static void aux_count_conditions(void **state)
{
	struct fix *f = *state;
	struct smc_regs r;

	assert_rmi(fail_call(f, RMI_FID_REC_AUX_COUNT, f->rd + 8, 0, 0, 0, 0, &r), ERR_INPUT);
	assert_int_equal(r.x[1], 0);
	assert_rmi(fail_call(f, RMI_FID_REC_AUX_COUNT, f->rtt[0], 0, 0, 0, 0, &r), ERR_INPUT);
	assert_int_equal(r.x[1], 0);
	assert_rmi(fail_call(f, RMI_FID_REC_AUX_COUNT, fix_alloc(f), 0, 0, 0, 0, &r), ERR_INPUT);
	assert_int_equal(r.x[1], 0);
	assert_rmi(rc(f, RMI_FID_REC_AUX_COUNT, f->rd, 0, 0, 0, 0, &r), 0);
	assert_int_equal(r.x[1], REC_AUX_COUNT);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, fix_teardown)
#define TR(fn) cmocka_unit_test_setup_teardown(fn, setup_realm, fix_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(version_conditions),
		T(delegate_conditions),
		T(create_params_page),
		T(create_params_supported),
		T(create_vmid_in_use),
		T(create_alias_and_granule_states),
		TR(activate_conditions),
		TR(destroy_conditions),
		TR(aux_count_conditions),
	};

	return cmocka_run_group_tests_name("v1 conditions: realm", tests, NULL, NULL);
}
