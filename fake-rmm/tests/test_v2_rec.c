// SPDX-License-Identifier: BSD-3-Clause
/*
 * REC_ENTER on 2.0: a guest program loaded with RTT_DATA_MAP_INIT,
 * the REC made by the REC_CREATE SRO, a round trip through a HOST_CALL
 * exit and SYSTEM_OFF with the 2.0 run page (no GIC fields), and the
 * 2.0 answers of PSCI_COMPLETE / RTT_SET_RIPAS, and RSI REALM_CONFIG's
 * 2.0 (RSI 1.1) layout.
 */
#include <pthread.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cca-double/guests.h>

#include <cca-double/fault.h>
#include <cca-double/trace.h>

#include "rec_fixture.h"
#include "v2_fixture.h"

#include "attest.h"
#include "rec.h"
#include "rmm_internal.h"
#include "token_check.h"

#define CODE_IPA 0x100000ULL
#define DATA_IPA 0x200000ULL

static int setup(void **state)
{
	if (fix_setup_v2(state))
		return -1;
	rt_v2_realm(*state, 40, 1, 2);
	return 0;
}

/* The same realm with a PMU of as many counters as FEATURES allows. */
static int setup_pmu(void **state)
{
	struct realm_desc d;
	struct rmm_features feat;

	if (fix_setup_v2(state))
		return -1;
	rmm_default_features(&feat);
	realm_desc_default(&d);
	d.flags = V2(REALM_FLAGS_PMU_MASK);
	d.pmu_num_ctrs = feat.pmu_num_ctrs;
	return fix_realm_create(*state, &d) ? -1 : 0;
}

static void load_at(struct fix *f, const char *name, uint64_t ipa)
{
	const struct guest_program *g = guest_program_find(name);

	assert_non_null(g);
	for (size_t off = 0; off < g->size; off += GRAN) {
		uint64_t src = fix_alloc(f);
		size_t n = g->size - off < GRAN ? g->size - off : GRAN;

		memcpy(pmem_host_ptr(f->pm, src), g->bytes + off, n);
		rt_tables(f, ipa + off, 3);
		assert_rmi(rc(f, RMI_FID_RTT_DATA_MAP_INIT, f->rd, fix_alloc_delegated(f),
			      ipa + off, src, 1, NULL), 0);
	}
}

static void load(struct fix *f, const char *name)
{
	load_at(f, name, CODE_IPA);
}

/* A zero-filled RAM page at ipa (measured as DATA_MAP_INIT content). */
static void ram_page(struct fix *f, uint64_t ipa)
{
	rt_tables(f, ipa, 3);
	assert_rmi(rc(f, RMI_FID_RTT_DATA_MAP_INIT, f->rd, fix_alloc_delegated(f), ipa,
		      fix_alloc(f), 1, NULL), 0);
}

static uint64_t boot_guest(struct fix *f, const char *guest, uint64_t arg0, uint64_t arg1,
			   uint64_t *run)
{
	uint64_t gprs[8] = { arg0, arg1 }, rec;

	load(f, guest);
	assert_rmi(v2_rec_create(f, v2_rec_params(f, V2(REC_PARAMS_FLAGS_RUNNABLE_MASK), 0, CODE_IPA,
						  gprs), &rec), 0);
	*run = fix_alloc(f);
	return rec;
}

static uint64_t boot(struct fix *f, uint64_t arg0, uint64_t *run)
{
	return boot_guest(f, "host_call", arg0, 0, run);
}

static void host_call_round_trip(void **state)
{
	struct fix *f = *state;
	uint64_t run, rec = boot(f, 7, &run);
	struct rmi_v2_rec_run *p;

	/* Realm NEW: ERROR_REALM. */
	assert_rmi(rc(f, RMI_FID_REC_ENTER, rec, run, 0, 0, 0, NULL), RMI_STATUS_ERROR_REALM);
	assert_rmi(rc(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), 0);
	/* run page not NS, rec not a REC */
	assert_rmi(rc(f, RMI_FID_REC_ENTER, rec, rec, 0, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	assert_rmi(rc(f, RMI_FID_REC_ENTER, run, run, 0, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	p = pmem_host_ptr(f->pm, run);
	assert_rmi(rc(f, RMI_FID_REC_ENTER, rec, run, 0, 0, 0, NULL), 0);
	assert_int_equal(p->exit.exit_reason, V2(EXIT_REASON_HOST_CALL));
	assert_int_equal(p->exit.imm, 7);
	assert_int_equal(p->exit.rtt_tree, 0);
	assert_int_equal(p->exit.plane, 0);
	/* The host answers the call and re-enters: the guest goes on to SYSTEM_OFF. */
	p->enter.flags = 0;
	p->enter.gprs[0] = 0xabcd;
	assert_rmi(rc(f, RMI_FID_REC_ENTER, rec, run, 0, 0, 0, NULL), 0);
	assert_int_equal(p->exit.exit_reason, V2(EXIT_REASON_PSCI));
	assert_int_equal(p->exit.gprs[0], PSCI_FID_SYSTEM_OFF);
	/* The realm is off: 2.0 answers a plain ERROR_REALM (index 0). */
	assert_rmi(rc(f, RMI_FID_REC_ENTER, rec, run, 0, 0, 0, NULL), RMI_STATUS_ERROR_REALM);
	/* And the REC goes away through its SRO. */
	assert_rmi(v2_rec_destroy(f, rec), 0);
}

static void psci_complete_and_set_ripas_v2(void **state)
{
	struct fix *f = *state;
	uint64_t run, rec = boot(f, 1, &run), rec1, a[3];

	assert_rmi(v2_rec_create(f, v2_rec_params(f, 0, 1, CODE_IPA, NULL), &rec1), 0);
	assert_rmi(rc(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), 0);
	/* No PSCI request pending: ERROR_INPUT (1.0 rules, unchanged in 2.0). */
	v2_psci_args(rec, rec1, 0, a);
	assert_rmi(rc(f, RMI_FID_PSCI_COMPLETE, a[0], a[1], a[2], 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	v2_psci_args(rec, rec, 0, a);
	assert_rmi(rc(f, RMI_FID_PSCI_COMPLETE, a[0], a[1], a[2], 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	/* No RIPAS change pending: ERROR_INPUT; top not aligned: ERROR_INPUT. */
	assert_rmi(rc(f, RMI_FID_RTT_SET_RIPAS, f->rd, rec, 0, GRAN, 0, NULL), RMI_STATUS_ERROR_INPUT);
	assert_rmi(rc(f, RMI_FID_RTT_SET_RIPAS, f->rd, rec, 0, 8, 0, NULL), RMI_STATUS_ERROR_INPUT);
	assert_rmi(rc(f, RMI_FID_RTT_SET_RIPAS, f->rd, f->rd, 0, GRAN, 0, NULL), RMI_STATUS_ERROR_INPUT);
}

/*
 * rec_exit.exit_reason is the profile's number for the reason: the run
 * loop says what happened, the layout (from spec exit_reason) numbers it.
 * A forced exit carries the profile's value through (VDEV_VALIDATE_MAPPING
 * is 9 in 2.0-bet1 and 8 in 2.0-bet3).
 */
static void exit_reason_from_profile(void **state)
{
	static const char *const names[] = { "SYNC", "IRQ", "FIQ", "PSCI", "RIPAS_CHANGE",
					     "HOST_CALL", "SERROR" };
	struct fix *f = *state;
	const struct abi_profile *prof = rmm_profile(f->rmm);
	uint64_t run, rec = boot(f, 3, &run);
	struct rmi_v2_rec_run *p = pmem_host_ptr(f->pm, run);
	int64_t vdev = abi_enum_or(prof, "exit_reason", "VDEV_VALIDATE_MAPPING", -1);
	struct fault_rule rule = { .command = "REC_ENTER", .iface = ABI_RMI, .action = FAULT_EXIT,
				   .nth = 1 };
	struct fault_plan *plan = fault_plan_new();
	char err[128];

	for (unsigned int k = 0; k < EXIT_KINDS; k++)
		assert_int_equal(f->rmm->lay.exit_reason[k], abi_enum_or(prof, "exit_reason", names[k], -1));
	assert_rmi(rc(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), 0);
	/* The writer takes the number from the layout, not from a revision's constant. */
	f->rmm->lay.exit_reason[EXIT_HOST_CALL] = 0x42;
	assert_rmi(rc(f, RMI_FID_REC_ENTER, rec, run, 0, 0, 0, NULL), 0);
	assert_int_equal(p->exit.exit_reason, 0x42);
	assert_int_equal(p->exit.imm, 3);
	f->rmm->lay.exit_reason[EXIT_HOST_CALL] = (uint8_t)abi_enum_or(prof, "exit_reason", "HOST_CALL", 0);
	assert_true(vdev > 0);
	rule.exit_reason = (unsigned int)vdev;
	if (fault_plan_add(plan, prof, &rule, err, sizeof(err), NULL, 0))
		fail_msg("%s", err);
	rmm_set_faults(f->rmm, plan);
	assert_rmi(rc(f, RMI_FID_REC_ENTER, rec, run, 0, 0, 0, NULL), 0);
	assert_int_equal(p->exit.exit_reason, vdev);
	rmm_set_faults(f->rmm, NULL);
	fault_plan_free(plan);
}

/*
 * A realm CPU_ON through the host: the PSCI exit names the target MPIDR,
 * PSCI_COMPLETE as the profile takes it (2.0-bet3: calling REC and status
 * only, the RMM finds the target) turns REC 1 on, and REC 1 runs from the
 * entry point with the context id.
 */
static void psci_cpu_on_round_trip(void **state)
{
	struct fix *f = *state;
	uint64_t run, rec0 = boot_guest(f, "psci_cpu_on", 1, 0, &run), rec1, a[3];
	struct rmi_v2_rec_run *p = pmem_host_ptr(f->pm, run);

	assert_rmi(v2_rec_create(f, v2_rec_params(f, 0, 1, CODE_IPA, NULL), &rec1), 0);
	assert_rmi(rc(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), 0);
	assert_rmi(rc(f, RMI_FID_REC_ENTER, rec0, run, 0, 0, 0, NULL), 0);
	assert_int_equal(p->exit.exit_reason, V2(EXIT_REASON_PSCI));
	assert_int_equal(p->exit.gprs[0], PSCI_FID_CPU_ON);
	assert_int_equal(p->exit.gprs[1], 1);
	/* REC 1 is off until the host completes the request. */
	assert_rmi(rc(f, RMI_FID_REC_ENTER, rec1, run, 0, 0, 0, NULL), RMI_STATUS_ERROR_REC);
	v2_psci_args(rec0, rec1, 0, a);
	assert_rmi(rc(f, RMI_FID_PSCI_COMPLETE, a[0], a[1], a[2], 0, 0, NULL), 0);
	/* Only once. */
	assert_rmi(rc(f, RMI_FID_PSCI_COMPLETE, a[0], a[1], a[2], 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	memset(&p->enter, 0, sizeof(p->enter));
	assert_rmi(rc(f, RMI_FID_REC_ENTER, rec1, run, 0, 0, 0, NULL), 0);
	assert_int_equal(p->exit.exit_reason, V2(EXIT_REASON_HOST_CALL));
	assert_int_equal(p->exit.imm, 2);
	assert_int_equal(p->exit.gprs[0], 0x5ec0);
	assert_int_equal(p->exit.gprs[1] & 0xffffff, 1);
}

/*
 * The rsi_version guest asking for `req` (0: 1.0), run to its report: the
 * exit record holds VERSION's x0..x2, FEATURES, REALM_CONFIG's status and
 * the config fields it read (rsi_version.S).  *rec is left for the caller.
 */
static struct rmi_v2_rec_exit *rsi_version_report(struct fix *f, uint64_t req,
							 uint64_t *rec, uint64_t *run)
{
	struct rmi_v2_rec_run *p;

	ram_page(f, DATA_IPA);
	*rec = boot_guest(f, "rsi_version", DATA_IPA, req, run);
	assert_rmi(rc(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), 0);
	p = pmem_host_ptr(f->pm, *run);
	assert_rmi(rc(f, RMI_FID_REC_ENTER, *rec, *run, 0, 0, 0, NULL), 0);
	assert_int_equal(p->exit.exit_reason, V2(EXIT_REASON_HOST_CALL));
	assert_int_equal(p->exit.imm, 1);
	return &p->exit;
}

/* RSI 1.1 RealmConfig: ipa_width, hash_algo, no planes, and the vGIC's ICH_VTR_EL2. */
static void rsi_realm_config_v2(void **state)
{
	struct fix *f = *state;
	uint64_t run, rec;
	struct rmi_v2_rec_exit *ex = rsi_version_report(f, 0, &rec, &run);

	/* VERSION(1.0) from an RSI 1.1 RMM: supported too; lower = 1.0, higher = 1.1. */
	assert_int_equal(ex->gprs[0], RSI_V2_STATUS_SUCCESS);
	assert_int_equal(ex->gprs[1], 0x10000);
	assert_int_equal(ex->gprs[2], 0x10001);
	assert_int_equal(ex->gprs[5], RSI_V2_STATUS_SUCCESS);	/* REALM_CONFIG */
	assert_int_equal(ex->gprs[6], 40);
	assert_int_equal(ex->gprs[7], RSI_V2_HASH_ALGO_SHA_256);
	/* 16 list registers (ListRegs 15), 5 priority and preemption bits. */
	assert_int_equal(ex->gprs[8], 15 | (4ULL << 26) | (4ULL << 29));
	assert_rmi(rc(f, RMI_FID_REC_ENTER, rec, run, 0, 0, 0, NULL), 0);
	assert_int_equal(ex->exit_reason, V2(EXIT_REASON_PSCI));
	assert_rmi(v2_rec_destroy(f, rec), 0);
}

/* VERSION of a revision it does not implement (2.0): ERROR_INPUT, lower = higher = 1.1. */
static void rsi_version_unsupported_v2(void **state)
{
	struct fix *f = *state;
	uint64_t run, rec;
	struct rmi_v2_rec_exit *ex = rsi_version_report(f, 0x20000, &rec, &run);

	assert_int_equal(ex->gprs[0], RSI_V2_STATUS_ERROR_INPUT);
	assert_int_equal(ex->gprs[1], 0x10001);
	assert_int_equal(ex->gprs[2], 0x10001);
	assert_rmi(rc(f, RMI_FID_REC_ENTER, rec, run, 0, 0, 0, NULL), 0);
	assert_rmi(v2_rec_destroy(f, rec), 0);
}

/*
 * A REC whose entry PC cannot be fetched yet (DEN0137 "Realm exception
 * model"): RIPAS RAM not mapped is an instruction abort exit, and once
 * the host maps the page the fetch succeeds; RIPAS EMPTY gives the realm
 * an SEA.  The entry_vectors guest at IPA 0 (VBAR_EL1 at reset) reports
 * what its vector took.
 */
#define ENTRY_IPA 0x400000ULL

static uint64_t boot_entry_at(struct fix *f, uint64_t pc, uint64_t *run)
{
	uint64_t rec;

	load_at(f, "entry_vectors", 0);
	assert_rmi(v2_rec_create(f, v2_rec_params(f, V2(REC_PARAMS_FLAGS_RUNNABLE_MASK), 0, pc,
						  NULL), &rec), 0);
	assert_rmi(rc(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), 0);
	*run = fix_alloc(f);
	return rec;
}

static void expect_vector(struct fix *f, uint64_t rec, uint64_t run, uint64_t esr, uint64_t elr)
{
	struct rmi_v2_rec_run *p = pmem_host_ptr(f->pm, run);

	memset(&p->enter, 0, sizeof(p->enter));
	assert_rmi(rc(f, RMI_FID_REC_ENTER, rec, run, 0, 0, 0, NULL), 0);
	assert_int_equal(p->exit.exit_reason, V2(EXIT_REASON_HOST_CALL));
	assert_int_equal(p->exit.imm, 0xe1);
	assert_int_equal(p->exit.gprs[0], esr);
	assert_int_equal(p->exit.gprs[1], elr);
	assert_rmi(rc(f, RMI_FID_REC_ENTER, rec, run, 0, 0, 0, NULL), 0);
	assert_int_equal(p->exit.exit_reason, V2(EXIT_REASON_PSCI));
	assert_int_equal(p->exit.gprs[0], PSCI_FID_SYSTEM_OFF);
	assert_rmi(v2_rec_destroy(f, rec), 0);
}

static void entry_pc_unpopulated_ram_v2(void **state)
{
	struct fix *f = *state;
	struct rmi_v2_rec_run *p;
	uint64_t run, rec;

	rt_tables(f, ENTRY_IPA, 3);
	assert_rmi(rc(f, RMI_FID_RTT_INIT_RIPAS, f->rd, ENTRY_IPA, ENTRY_IPA + GRAN, 0, 0, NULL), 0);
	rec = boot_entry_at(f, ENTRY_IPA, &run);
	p = pmem_host_ptr(f->pm, run);
	for (unsigned int i = 0; i < 2; i++) {
		assert_rmi(rc(f, RMI_FID_REC_ENTER, rec, run, 0, 0, 0, NULL), 0);
		assert_int_equal(p->exit.exit_reason, V2(EXIT_REASON_SYNC));
		/* EC instruction abort from a lower EL, IFSC translation fault level 3. */
		assert_int_equal(p->exit.esr, (0x20ULL << 26) | 0x07);
		assert_int_equal(p->exit.hpfar, (ENTRY_IPA >> 12) << 4);
		assert_int_equal(p->exit.far, 0);
	}
	/* A zeroed page mapped: the fetch succeeds and runs UDF #0. */
	assert_rmi(rt_v2_map(f, ENTRY_IPA, rt_v2_delegated(f), 1), 0);
	expect_vector(f, rec, run, 1ULL << 25, ENTRY_IPA);
}

static void entry_pc_empty_sea_v2(void **state)
{
	struct fix *f = *state;
	uint64_t run, rec;

	rt_tables(f, ENTRY_IPA, 3);
	rec = boot_entry_at(f, ENTRY_IPA, &run);
	/* EC instruction abort at the same EL, IL, synchronous external abort. */
	expect_vector(f, rec, run, (0x21ULL << 26) | (1ULL << 25) | 0x10, ENTRY_IPA);
}

/*
 * The realm's EL1 timers on 2.0 (as the 1.0 test_rec_timer): an output
 * that asserts while the realm spins is an IRQ exit between slices, one
 * that asserts just before a host call wins over it (the SMC runs at the
 * next entry), and once reported it exits no more.
 */
static void timer_exits_v2(void **state)
{
	static const struct { uint64_t ticks, physical, spin; bool mid_spin; } cases[] = {
		{ 625, 0, 2000000, true }, { 625, 1, 2000000, true }, { 1, 0, 1000, false },
	};
	struct fix *f = *state;
	uint64_t rec[3];

	load(f, "timer_spin");
	for (unsigned int i = 0; i < 3; i++) {
		uint64_t gprs[8] = { cases[i].ticks, cases[i].physical, cases[i].spin };

		assert_rmi(v2_rec_create(f, v2_rec_params(f, V2(REC_PARAMS_FLAGS_RUNNABLE_MASK), i,
							  CODE_IPA, gprs), &rec[i]), 0);
	}
	assert_rmi(rc(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), 0);
	for (unsigned int i = 0; i < 3; i++) {
		uint64_t run = fix_alloc(f), ctl;
		struct rmi_v2_rec_run *p = pmem_host_ptr(f->pm, run);

		assert_rmi(rc(f, RMI_FID_REC_ENTER, rec[i], run, 0, 0, 0, NULL), 0);
		assert_int_equal(p->exit.exit_reason, V2(EXIT_REASON_IRQ));
		ctl = cases[i].physical ? p->exit.cntp_ctl : p->exit.cntv_ctl;
		assert_int_equal(ctl, 5);			/* ENABLE | ISTATUS */
		if (cases[i].mid_spin)
			assert_true(rec_get_x(rec_of(f->rmm, rec[i]), 3) < cases[i].spin);
		else
			assert_int_equal(rec_get_x(rec_of(f->rmm, rec[i]), 3), cases[i].spin);
		assert_rmi(rc(f, RMI_FID_REC_ENTER, rec[i], run, 0, 0, 0, NULL), 0);
		assert_int_equal(p->exit.exit_reason, V2(EXIT_REASON_HOST_CALL));
		assert_int_equal(p->exit.imm, 9);
		assert_int_equal(p->exit.gprs[0], 5);
		assert_int_equal(p->exit.gprs[1], cases[i].spin);
	}
	for (unsigned int i = 0; i < 3; i++)
		assert_rmi(v2_rec_destroy(f, rec[i]), 0);
}

/*
 * Host interrupts on 2.0 (as the 1.0 test_rec_host_irq): a host thread
 * kicks a spinning REC with rmm_host_irq_raise(); REC_ENTER ends with an
 * IRQ exit within a slice, long before its budget (seconds of spinning).
 */
static void host_irq_kicks_spinning_rec_v2(void **state)
{
	struct fix *f = *state;
	uint64_t run, rec = boot_guest(f, "spin", 0, 0, &run), count;
	struct rmi_v2_rec_run *p = pmem_host_ptr(f->pm, run);
	struct rec_kicker k;

	assert_rmi(rc(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), 0);
	f->rmm->rec_insn_budget = 2000000000ULL;
	rec_kicker_start(&k, f->rmm);
	assert_rmi(rc(f, RMI_FID_REC_ENTER, rec, run, 0, 0, 0, NULL), 0);
	rec_kicker_join(&k);
	assert_int_equal(p->exit.exit_reason, V2(EXIT_REASON_IRQ));
	count = rec_get_x(rec_of(f->rmm, rec), 1);
	/* The kick, not the budget (no wall-clock bound: a loaded machine may stall either thread). */
	assert_true(count > 0 && count < 500000000ULL);
	assert_rmi(v2_rec_destroy(f, rec), 0);
}

/*
 * FEATURES on 2.0 promises only what the realm's CPU has (as the 1.0
 * test_rec_features): SVE, PMU counters, breakpoints and watchpoints agree
 * with the ID registers the id_regs guest reads, and PFR0.GIC announces
 * the GICv3 system registers the RMM emulates.
 */
static void features_match_realm_cpu_v2(void **state)
{
	struct fix *f = *state;
	uint64_t run, rec = boot_guest(f, "id_regs", 0, 0, &run), f0, pfr0, dfr0, pmcr;
	struct rmi_v2_rec_run *p = pmem_host_ptr(f->pm, run);
	struct smc_regs r;

	assert_rmi(rc(f, RMI_FID_FEATURES, 0, 0, 0, 0, 0, &r), 0);
	f0 = r.x[1];
	assert_rmi(rc(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), 0);
	assert_rmi(rc(f, RMI_FID_REC_ENTER, rec, run, 0, 0, 0, NULL), 0);
	assert_int_equal(p->exit.exit_reason, V2(EXIT_REASON_HOST_CALL));
	assert_int_equal(p->exit.imm, 0x1d);
	pfr0 = p->exit.gprs[0];
	dfr0 = p->exit.gprs[1];
	pmcr = p->exit.gprs[2];
#define F0(name) ((f0 & V2(FEATURE_REGISTER_0_##name##_MASK)) >> V2(FEATURE_REGISTER_0_##name##_SHIFT))
	assert_int_equal(F0(SVE), ((pfr0 >> 32) & 0xf) != 0);
	if (!F0(SVE))
		assert_int_equal(F0(SVE_VL), 0);
	assert_int_equal(F0(PMU), ((dfr0 >> 8) & 0xf) != 0);
	assert_int_equal(F0(PMU_NUM_CTRS), (pmcr >> 11) & 0x1f);
	assert_int_equal(F0(NUM_BPS), ((dfr0 >> 12) & 0xf) + 1);
	assert_int_equal(F0(NUM_WPS), ((dfr0 >> 20) & 0xf) + 1);
#undef F0
	assert_int_equal((pfr0 >> 24) & 0xf, 1);
	assert_int_equal(p->exit.gprs[4] & 0xf, 0);		/* MMFR1.HAFDBS: not there */
	assert_rmi(v2_rec_destroy(f, rec), 0);
}

/*
 * The attestation token on 2.0 (as the 1.0 test_rec_attest): every claim,
 * the RAK as a COSE_Key and both ES384 signatures checked by token_check's
 * independent reader and libcrypto verifier; a host interrupt while the
 * RMM signs makes CONTINUE answer INCOMPLETE with an IRQ exit, and the
 * realm's next call gets the token.
 */
struct signing_irq {
	struct rmm *rmm;
	unsigned int fired;
};

/* Raises a host interrupt once, while the RMM signs a token (white-box: the REC's state). */
static bool irq_while_signing_v2(void *ctx, uint64_t rec_pa)
{
	struct signing_irq *s = ctx;
	struct rec *rec = rec_of(s->rmm, rec_pa);

	if (!rec || !attest_token_signing(rec->attest) || s->fired)
		return false;
	s->fired++;
	return true;
}

static void attestation_token_v2(void **state)
{
	struct fix *f = *state;
	uint8_t challenge[64], rpv[64] = { 0 }, m[5][64];
	struct token_expect e = { .challenge = challenge, .rpv = rpv, .rim = m[0],
				  .hash_size = 32, .hash_name = "sha-256" };
	uint64_t run, rec, data = fix_alloc_delegated(f);
	struct signing_irq irq = { .rmm = f->rmm };
	struct rmi_v2_rec_run *p;

	rt_tables(f, DATA_IPA, 3);
	assert_rmi(rc(f, RMI_FID_RTT_DATA_MAP_INIT, f->rd, data, DATA_IPA, fix_alloc(f), 1, NULL), 0);
	rec = boot_guest(f, "attest_token", DATA_IPA, 0, &run);
	p = pmem_host_ptr(f->pm, run);
	assert_rmi(rc(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), 0);
	rmm_set_host_irq_poll(f->rmm, irq_while_signing_v2, &irq);
	assert_rmi(rc(f, RMI_FID_REC_ENTER, rec, run, 0, 0, 0, NULL), 0);
	assert_int_equal(p->exit.exit_reason, V2(EXIT_REASON_IRQ));
	assert_int_equal(rec_get_x(rec_of(f->rmm, rec), 0), RSI_V1_0_STATUS_INCOMPLETE);
	assert_rmi(rc(f, RMI_FID_REC_ENTER, rec, run, 0, 0, 0, NULL), 0);
	rmm_set_host_irq_poll(f->rmm, NULL, NULL);
	assert_int_equal(p->exit.exit_reason, V2(EXIT_REASON_HOST_CALL));
	assert_int_equal(p->exit.imm, 0xa7);
	assert_int_equal(p->exit.gprs[0], RSI_V1_0_STATUS_SUCCESS);
	assert_int_equal(p->exit.gprs[2], RSI_V1_0_STATUS_SUCCESS);
	assert_int_equal(p->exit.gprs[4], 2);		/* interrupted once, then all of it */
	assert_int_equal(p->exit.gprs[5], 1);
	for (unsigned int i = 0; i < 64; i++)
		challenge[i] = (uint8_t)(0x40 + i);
	for (unsigned int i = 0; i < 5; i++) {
		assert_int_equal(rmm_realm_measurement(f->rmm, f->rd, i, m[i]), 0);
		if (i)
			e.rem[i - 1] = m[i];
	}
	token_check(pmem_rmm_ptr(f->pm, data), (size_t)p->exit.gprs[3], &e);
	assert_rmi(v2_rec_destroy(f, rec), 0);
}

/*
 * PMU overflow on 2.0 (as the 1.0 test_rec_pmu): pmu_ovf_status reports
 * the realm PMU's overflow interrupt request and its assertion is an IRQ
 * exit, for a SW_INCR counter and for the cycle counter wrapping while the
 * realm spins.
 */
static void pmu_overflow_v2(void **state)
{
	static const struct { uint64_t mode, spin; uint64_t ovs; } cases[] = {
		{ 1, 0, 1 }, { 2, 2000000, 1ULL << 31 },
	};
	struct fix *f = *state;
	uint64_t rec[2], run = fix_alloc(f);
	struct rmi_v2_rec_run *p = pmem_host_ptr(f->pm, run);

	load(f, "pmu_overflow");
	for (unsigned int i = 0; i < 2; i++) {
		uint64_t gprs[8] = { cases[i].mode, cases[i].spin };

		assert_rmi(v2_rec_create(f, v2_rec_params(f, V2(REC_PARAMS_FLAGS_RUNNABLE_MASK), i,
							  CODE_IPA, gprs), &rec[i]), 0);
	}
	assert_rmi(rc(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), 0);
	for (unsigned int i = 0; i < 2; i++) {
		assert_rmi(rc(f, RMI_FID_REC_ENTER, rec[i], run, 0, 0, 0, NULL), 0);
		assert_int_equal(p->exit.exit_reason, V2(EXIT_REASON_IRQ));
		assert_int_equal(p->exit.pmu_ovf_status, V2(PMU_OVERFLOW_STATUS_ACTIVE));
		assert_rmi(rc(f, RMI_FID_REC_ENTER, rec[i], run, 0, 0, 0, NULL), 0);
		assert_int_equal(p->exit.exit_reason, V2(EXIT_REASON_HOST_CALL));
		assert_int_equal(p->exit.imm, 0x9e);
		assert_int_equal(p->exit.gprs[0], cases[i].ovs);
		assert_int_equal(p->exit.gprs[2], cases[i].spin);
		assert_int_equal(p->exit.pmu_ovf_status, V2(PMU_OVERFLOW_STATUS_ACTIVE));
	}
	for (unsigned int i = 0; i < 2; i++)
		assert_rmi(v2_rec_destroy(f, rec[i]), 0);
}

/*
 * Stage-1 address size faults on 2.0 (as the 1.0 test_rec_s1): an output
 * address beyond TCR_EL1.IPS, or an MMU-off access at the PA size, is the
 * realm's own address size fault at its vector, not the RMM's SEA; without
 * FEAT_HAFDBS (MMFR1.HAFDBS 0) TCR_EL1.HA leaves the access flag fault.
 */
static void s1_address_size_v2(void **state)
{
	static const struct { uint64_t oa, ips, mode, esr, far; } cases[] = {
		{ 1ULL << 32, 0, 0, (0x25ULL << 26) | (1ULL << 25) | 1, 1ULL << 30 },
		{ 1ULL << 44, 0, 1, (0x25ULL << 26) | (1ULL << 25) | 0, 1ULL << 44 },
		/* No FEAT_HAFDBS: TCR_EL1.HA set, access flag fault at level 1. */
		{ 0, 0, 2, (0x25ULL << 26) | (1ULL << 25) | 0x09, 1ULL << 30 },
	};
	struct fix *f = *state;
	uint64_t rec[3], run = fix_alloc(f);
	struct rmi_v2_rec_run *p = pmem_host_ptr(f->pm, run);

	load(f, "s1_addr_size");
	for (unsigned int i = 0; i < 3; i++)
		ram_page(f, DATA_IPA + i * GRAN);
	for (unsigned int i = 0; i < 3; i++) {
		uint64_t gprs[8] = { DATA_IPA + i * GRAN, cases[i].oa, cases[i].ips, cases[i].mode };

		assert_rmi(v2_rec_create(f, v2_rec_params(f, V2(REC_PARAMS_FLAGS_RUNNABLE_MASK), i,
							  CODE_IPA, gprs), &rec[i]), 0);
	}
	assert_rmi(rc(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), 0);
	for (unsigned int i = 0; i < 3; i++) {
		assert_rmi(rc(f, RMI_FID_REC_ENTER, rec[i], run, 0, 0, 0, NULL), 0);
		assert_int_equal(p->exit.exit_reason, V2(EXIT_REASON_HOST_CALL));
		assert_int_equal(p->exit.imm, 0x5a);
		assert_int_equal(p->exit.gprs[0], cases[i].esr);
		assert_int_equal(p->exit.gprs[1], cases[i].far);
		assert_int_equal(p->exit.gprs[3] & 0xf, 0);	/* ID_AA64MMFR1_EL1.HAFDBS */
	}
	for (unsigned int i = 0; i < 3; i++)
		assert_rmi(v2_rec_destroy(f, rec[i]), 0);
}

/* WFE with TRAP_WFE on 2.0 (as the 1.0 test_rec_wfe): a SYNC exit per WFE, ESR EC 0x01 with TI 1. */
static void wfe_trapped_v2(void **state)
{
	struct fix *f = *state;
	uint64_t run, rec = boot_guest(f, "wfe_loop", 2, 0, &run);
	struct rmi_v2_rec_run *p = pmem_host_ptr(f->pm, run);

	assert_rmi(rc(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), 0);
	for (unsigned int i = 0; i < 2; i++) {
		p->enter.flags = V2(REC_ENTER_FLAGS_TRAP_WFE_MASK);
		assert_rmi(rc(f, RMI_FID_REC_ENTER, rec, run, 0, 0, 0, NULL), 0);
		assert_int_equal(p->exit.exit_reason, V2(EXIT_REASON_SYNC));
		assert_int_equal(p->exit.esr, (0x01ULL << 26) | 1);
	}
	assert_rmi(rc(f, RMI_FID_REC_ENTER, rec, run, 0, 0, 0, NULL), 0);
	assert_int_equal(p->exit.exit_reason, V2(EXIT_REASON_HOST_CALL));
	assert_int_equal(p->exit.gprs[0], 2);
	assert_rmi(v2_rec_destroy(f, rec), 0);
}

/*
 * Platform settings on 2.0 (as the 1.0 test_rec_platform): raw FEATURES
 * registers answered as given and obeyed by REALM_CREATE, an 8-bit VMID
 * space the RMM allocates from, and the GIC's priority bits in the
 * ICH_VTR_EL2 RSI REALM_CONFIG hands the realm.
 */
#define V2F(reg, name, v) (((uint64_t)(v) << V2(FEATURE_REGISTER_##reg##_##name##_SHIFT)) & \
			   V2(FEATURE_REGISTER_##reg##_##name##_MASK))

static void platform_raw_features_v2(void **state)
{
	struct fix *f = *state;
	const uint64_t reg0 = V2F(0, S2SZ, 40) | V2F(0, NUM_BPS, 2) | V2F(0, NUM_WPS, 2);
	const uint64_t reg1 = V2F(1, RMI_GRAN_SZ_4KB, 1) | V2F(1, HASH_SHA_256, 1) |
			      V2F(1, MAX_RECS_ORDER, 4);
	struct rmm_platform pl = { .raw_features = true, .feature_register = { reg0, reg1, 0, 0, 7 } };
	struct realm_desc d;
	struct smc_regs r;

	rx_reopen_platform(f, &pl, NULL);
	for (unsigned int i = 0; i < 5; i++) {
		assert_rmi(rc(f, RMI_FID_FEATURES, i, 0, 0, 0, 0, &r), 0);
		assert_int_equal(r.x[1], pl.feature_register[i]);
	}
	realm_desc_default(&d);
	d.hash_algo = RMI_HASH_ALGO_SHA_512;
	assert_rmi(fix_realm_create(f, &d), RMI_STATUS_ERROR_INPUT);
	realm_desc_default(&d);
	d.s2sz = 41;
	d.num_start = 4;
	assert_rmi(fix_realm_create(f, &d), RMI_STATUS_ERROR_INPUT);
	realm_desc_default(&d);
	assert_rmi(fix_realm_create(f, &d), 0);
}

/* 8-bit VMIDs: with 1..254 taken (white-box), one realm gets 255, the next finds none. */
static void platform_vmid_width_v2(void **state)
{
	struct fix *f = *state;
	struct rmm_platform pl = { .vmid_bits = 8 };
	struct realm_desc d;

	rx_reopen_platform(f, &pl, NULL);
	for (unsigned int v = 1; v < 255; v++)
		assert_true(vmid_reserve(f->rmm, v));
	realm_desc_default(&d);
	assert_rmi(fix_realm_create(f, &d), 0);
	assert_int_equal(realm_of_rd(f->rmm, f->rd)->vmid, 255);
	assert_int_equal(fix_realm_create(f, &d) & 0xff, RMI_STATUS_ERROR_GLOBAL);
}

static void platform_gic_priority_bits_v2(void **state)
{
	struct fix *f = *state;
	struct rmm_platform pl = { .gic_priority_bits = 8 };
	uint64_t run, rec;
	struct rmi_v2_rec_run *p;

	rx_reopen_platform(f, &pl, NULL);
	rt_v2_realm(f, 40, 1, 2);
	ram_page(f, DATA_IPA);
	rec = boot_guest(f, "rsi_version", DATA_IPA, 0, &run);
	assert_rmi(rc(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), 0);
	p = pmem_host_ptr(f->pm, run);
	assert_rmi(rc(f, RMI_FID_REC_ENTER, rec, run, 0, 0, 0, NULL), 0);
	assert_int_equal(p->exit.exit_reason, V2(EXIT_REASON_HOST_CALL));
	/* 16 list registers, PREbits 6 (7 bits at most), PRIbits 7 (8 bits). */
	assert_int_equal(p->exit.gprs[8], 15 | (6ULL << 26) | (7ULL << 29));
	assert_rmi(v2_rec_destroy(f, rec), 0);
}

/*
 * FEATURES.S2SZ 48 on the 44-bit vCPU (as the 1.0 test_rec_platform): a
 * 48-bit realm is created, populated, activated and its REC made like any
 * other; REC_ENTER is ERROR_REC and the trace says why; the REC and the
 * realm's memory are torn down as usual.
 */
static void platform_ipa_width_the_vcpu_cannot_run_v2(void **state)
{
	struct fix *f = *state;
	struct rmm_features feat;
	struct trace *t = trace_new(NULL, true);
	uint64_t run, rec;
	bool said = false;

	rmm_default_features(&feat);
	feat.s2sz = 48;
	rx_reopen_platform(f, NULL, &feat);
	rt_v2_realm(f, 48, 0, 1);
	rec = boot_guest(f, "host_call", 1, 0, &run);
	assert_rmi(rc(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), 0);
	rmm_set_trace(f->rmm, t);
	assert_rmi(rc(f, RMI_FID_REC_ENTER, rec, run, 0, 0, 0, NULL), RMI_STATUS_ERROR_REC);
	for (size_t i = 0; i < trace_nlines(t); i++)
		said |= strstr(trace_line(t, i), "ipa_bits 48 unsupported") != NULL;
	assert_true(said);
	rmm_set_trace(f->rmm, NULL);
	trace_free(t);
	assert_rmi(v2_rec_destroy(f, rec), 0);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(psci_cpu_on_round_trip, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(exit_reason_from_profile, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(host_call_round_trip, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(psci_complete_and_set_ripas_v2, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(rsi_realm_config_v2, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(rsi_version_unsupported_v2, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(entry_pc_unpopulated_ram_v2, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(entry_pc_empty_sea_v2, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(timer_exits_v2, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(host_irq_kicks_spinning_rec_v2, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(features_match_realm_cpu_v2, setup_pmu, fix_teardown),
		cmocka_unit_test_setup_teardown(attestation_token_v2, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(pmu_overflow_v2, setup_pmu, fix_teardown),
		cmocka_unit_test_setup_teardown(s1_address_size_v2, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(wfe_trapped_v2, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(platform_raw_features_v2, fix_setup_v2, fix_teardown),
		cmocka_unit_test_setup_teardown(platform_vmid_width_v2, fix_setup_v2, fix_teardown),
		cmocka_unit_test_setup_teardown(platform_gic_priority_bits_v2, fix_setup_v2, fix_teardown),
		cmocka_unit_test_setup_teardown(platform_ipa_width_the_vcpu_cannot_run_v2, fix_setup_v2,
						fix_teardown),
	};

	return fix_run_v2_group("v2_rec", tests, argc, argv);
}
