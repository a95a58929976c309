// SPDX-License-Identifier: BSD-3-Clause
/* The RSI/PSCI guest programs, driven by a minimal hand-written "REC layer"
 * that answers their SMCs (the real semantics live in the fake RMM). */
#include <string.h>

#include "test_fixture.h"

static void answer(struct fixture *f, uint64_t x0, uint64_t x1, uint64_t x2)
{
	vcpu_set_reg(f->vcpu, VCPU_REG_X0, x0);
	vcpu_set_reg(f->vcpu, VCPU_REG_X0 + 1, x1);
	vcpu_set_reg(f->vcpu, VCPU_REG_X0 + 2, x2);
}

static void test_rsi_version(void **state)
{
	struct fixture *f = fixture_new("rsi_version", 40, 1, RAM2_IPA, 0, 0, 0);
	uint64_t pa = test_realm_alloc_granule(&f->realm);
	uint16_t imm;
	uint64_t *gprs;

	test_realm_map(&f->realm, RAM2_IPA, pa, S2_RW);
	run_expect_smc(f, RSI_VERSION);
	assert_int_equal(xreg(f, 1), 0x10000);
	answer(f, 0, 0x10000, 0x10000);
	run_expect_smc(f, RSI_FEATURES);
	answer(f, 0, 0, 0);
	run_expect_smc(f, RSI_REALM_CONFIG);
	assert_int_equal(xreg(f, 1), RAM2_IPA);
	*(uint64_t *)test_realm_pa_ptr(&f->realm, pa) = 40;     /* ipa_width */
	answer(f, 0, RAM2_IPA, 0);
	run_expect_smc(f, RSI_HOST_CALL);
	gprs = hostcall_gprs(f, &imm);
	assert_int_equal(imm, 1);
	assert_int_equal(gprs[0], 0);
	assert_int_equal(gprs[1], 0x10000);
	assert_int_equal(gprs[2], 0x10000);
	assert_int_equal(gprs[6], 40);
	assert_int_equal(xreg(f, 28), 40);
	run_expect_smc(f, PSCI_SYSTEM_OFF);
	fixture_free(f);
}

static void test_ripas_change(void **state)
{
	const uint64_t base = 0x40000000, top = base + 0x4000;
	struct fixture *f = fixture_new("ripas_change", 40, 1, base, top, 0, 0);
	uint16_t imm;

	for (uint64_t ripas = 0; ripas <= 1; ripas++) {
		/* The host accepts one granule per call: the guest loops. */
		for (uint64_t at = base; at < top; at += 0x1000) {
			run_expect_smc(f, RSI_IPA_STATE_SET);
			assert_int_equal(xreg(f, 1), at);
			assert_int_equal(xreg(f, 2), top);
			assert_int_equal(xreg(f, 3), ripas);
			assert_int_equal(xreg(f, 4), 0);
			answer(f, 0, at + 0x1000, 0);
		}
	}
	run_expect_smc(f, RSI_HOST_CALL);
	hostcall_gprs(f, &imm);
	assert_int_equal(imm, 1);
	fixture_free(f);

	/* Rejected by the host: reported with HOST_CALL imm 2. */
	f = fixture_new("ripas_change", 40, 1, base, top, 0, 0);
	run_expect_smc(f, RSI_IPA_STATE_SET);
	answer(f, 0, base, 1);
	run_expect_smc(f, RSI_HOST_CALL);
	assert_int_equal(hostcall_gprs(f, &imm)[1], base);
	assert_int_equal(imm, 2);
	fixture_free(f);
}

static void test_psci_cpu_on(void **state)
{
	struct fixture *f = fixture_new("psci_cpu_on", 40, 1, 0x80000001, 0, 0, 0);
	struct vcpu_config cfg;
	struct vcpu *secondary;
	struct vcpu_exit x;
	uint16_t imm;
	uint64_t *gprs;
	uint64_t entry, context;

	run_expect_smc(f, PSCI_CPU_ON);
	assert_int_equal(xreg(f, 1), 0x80000001);
	entry = xreg(f, 2);
	context = xreg(f, 3);
	assert_in_range(entry, GUEST_IPA, GUEST_IPA + 0xfff);
	assert_int_equal(context, 0x5ec0);

	cfg = test_realm_vcpu_config(&f->realm, entry, context, 0, 0, 0);
	cfg.mpidr = 0x80000001;
	secondary = vcpu_create(&cfg);
	assert_non_null(secondary);
	answer(f, 0, 0, 0);

	run_expect_smc(f, PSCI_AFFINITY_INFO);
	answer(f, 0, 0, 0);                     /* ON */

	vcpu_run(secondary, &x);
	assert_int_equal(x.reason, VCPU_EXIT_SMC);
	assert_int_equal(vcpu_get_reg(secondary, VCPU_REG_X0), RSI_HOST_CALL);
	gprs = vcpu_translate(secondary, vcpu_get_reg(secondary, VCPU_REG_X0 + 1), NULL);
	assert_non_null(gprs);
	assert_int_equal(*(uint16_t *)gprs, 2);
	assert_int_equal(gprs[1], 0x5ec0);      /* context id in x0 */
	assert_int_equal(gprs[2], 0x80000001);  /* its own MPIDR */
	vcpu_run(secondary, &x);
	assert_int_equal(x.reason, VCPU_EXIT_SMC);
	assert_int_equal(vcpu_get_reg(secondary, VCPU_REG_X0), PSCI_CPU_OFF);
	vcpu_destroy(secondary);

	run_expect_smc(f, PSCI_AFFINITY_INFO);
	answer(f, 1, 0, 0);                     /* OFF */
	run_expect_smc(f, RSI_HOST_CALL);
	gprs = hostcall_gprs(f, &imm);
	assert_int_equal(imm, 1);
	assert_int_equal(gprs[0], 0);           /* CPU_ON status */
	assert_int_equal(gprs[1], 1);           /* OFF */
	assert_int_equal(gprs[2], 2);           /* polls */
	fixture_free(f);
}

static void test_measurement(void **state)
{
	struct fixture *f = fixture_new("measurement", 40, 1, 64, 0, 0, 0);
	uint16_t imm;
	uint64_t *gprs;

	run_expect_smc(f, RSI_MEASUREMENT_READ);
	assert_int_equal(xreg(f, 1), 0);
	for (unsigned int i = 1; i <= 8; i++)
		vcpu_set_reg(f->vcpu, (enum vcpu_reg)i, 0x100 + i);
	vcpu_set_reg(f->vcpu, VCPU_REG_X0, 0);
	run_expect_smc(f, RSI_MEASUREMENT_EXTEND);
	assert_int_equal(xreg(f, 1), 1);
	assert_int_equal(xreg(f, 2), 64);
	assert_int_equal(xreg(f, 3), 0x0706050403020100ULL);
	assert_int_equal(xreg(f, 10), 0x3f3e3d3c3b3a3938ULL);
	vcpu_set_reg(f->vcpu, VCPU_REG_X0, 0);
	run_expect_smc(f, RSI_MEASUREMENT_READ);
	assert_int_equal(xreg(f, 1), 1);
	for (unsigned int i = 1; i <= 8; i++)
		vcpu_set_reg(f->vcpu, (enum vcpu_reg)i, 0x200 + i);
	vcpu_set_reg(f->vcpu, VCPU_REG_X0, 0);
	run_expect_smc(f, RSI_HOST_CALL);
	gprs = hostcall_gprs(f, &imm);
	assert_int_equal(imm, 4);
	assert_int_equal(gprs[1], 0x101);
	assert_int_equal(gprs[8], 0x108);
	assert_int_equal(gprs[11], 0x201);
	assert_int_equal(gprs[18], 0x208);
	fixture_free(f);
}

/*
 * What a realm reads from its ID registers is what vcpu.h says the engine
 * provides (the fake RMM's FEATURES follow those constants): a GICv3
 * system-register interface, SVE, PMU counters, breakpoints, watchpoints,
 * no FEAT_HAFDBS.
 */
static void test_id_regs(void **state)
{
	struct fixture *f = fixture_new("id_regs", 40, 1, 0, 0, 0, 0);
	uint64_t *g;

	run_expect_smc(f, RSI_HOST_CALL);
	g = hostcall_gprs(f, NULL);
	assert_int_equal((g[0] >> 24) & 0xf, 1);                 /* PFR0.GIC: system registers */
	assert_int_equal((g[0] >> 32) & 0xf, VCPU_SVE);          /* PFR0.SVE */
	assert_int_equal(((g[1] >> 12) & 0xf) + 1, VCPU_NUM_BPS); /* DFR0.BRPs */
	assert_int_equal(((g[1] >> 20) & 0xf) + 1, VCPU_NUM_WPS); /* DFR0.WRPs */
	assert_true(((g[1] >> 8) & 0xf) >= 1);                    /* DFR0.PMUVer: PMUv3 */
	assert_int_equal((g[2] >> 11) & 0x1f, VCPU_PMU_COUNTERS); /* PMCR_EL0.N */
	assert_int_equal(g[3], 0);                                /* ID_AA64ZFR0_EL1 */
	assert_int_equal(g[4] & 0xf, 0);                          /* MMFR1.HAFDBS */
	assert_int_equal(g[5] & 0xf, 4);                          /* MMFR0.PARange: 44 bits */
	fixture_free(f);
}

/* The PMU model: a SW_INCR counter overflows; the interrupt request needs PMINTENSET. */
static void test_pmu_overflow(void **state)
{
	for (uint64_t mode = 0; mode < 2; mode++) {
		struct fixture *f = fixture_new("pmu_overflow", 40, 1, mode, 0, 0, 0);
		uint64_t *g;

		assert_false(vcpu_pmu_irq(f->vcpu));
		run_expect_smc(f, RSI_HOST_CALL);
		g = hostcall_gprs(f, NULL);
		assert_int_equal(g[0], 1);              /* PMOVSSET: counter 0 */
		assert_int_equal(g[1], mode);           /* PMINTENSET */
		assert_int_equal(vcpu_pmu_irq(f->vcpu), mode == 1);
		fixture_free(f);
	}
}

/* The cycle counter counts with the generic counter and overflows at 2^64 (LC). */
static void test_pmu_cycle_counter(void **state)
{
	struct fixture *f = fixture_new("pmu_overflow", 40, 1, 2, 2000000, 0, 0);
	uint64_t *g;

	vcpu_set_budget(f->vcpu, 100000000);
	run_expect_smc(f, RSI_HOST_CALL);
	g = hostcall_gprs(f, NULL);
	assert_int_equal(g[0], 1ULL << 31);
	assert_int_equal(g[1], 1ULL << 31);
	assert_true(vcpu_pmu_irq(f->vcpu));
	fixture_free(f);
}

/* Without a PMU (pmu_counters 0) its registers are UNDEFINED to the realm. */
static void test_pmu_absent_undef(void **state)
{
	struct test_realm r;
	struct vcpu_config cfg;
	struct vcpu_exit x;
	struct vcpu *v;

	assert_true(test_realm_init(&r, 40, 1));
	test_realm_load(&r, "pmu_overflow", GUEST_IPA);
	cfg = test_realm_vcpu_config(&r, GUEST_IPA, 1, 0, 0, 0);
	cfg.pmu_counters = 0;
	v = vcpu_create(&cfg);
	assert_non_null(v);
	vcpu_set_reg(v, VCPU_REG_VBAR_EL1, MMIO_IPA);    /* nothing mapped there */
	vcpu_run(v, &x);
	/* The fetch of the vector faults: the UNDEF was taken first. */
	assert_int_equal(x.reason, VCPU_EXIT_INSN_ABORT);
	assert_int_equal(x.abort.ipa, MMIO_IPA + 0x200);
	assert_int_equal(vcpu_get_reg(v, VCPU_REG_ESR_EL1), 1ULL << 25);        /* EC 0, IL */
	assert_int_equal(vcpu_get_reg(v, VCPU_REG_ELR_EL1), GUEST_IPA + 12);    /* msr pmcr_el0 */
	assert_false(vcpu_pmu_irq(v));
	vcpu_destroy(v);
	test_realm_fini(&r);
}

static void test_guest_table(void **state)
{
	static const char *const names[] = {
		"hello_mmio", "rsi_version", "ripas_change", "psci_cpu_on",
		"wfi_loop", "host_call", "measurement", "destroyed_access",
		"spin", "exit_immediately",
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const struct guest_program *g = guest_program_find(names[i]);

		assert_non_null(g);
		assert_in_range(g->size, 4, 8192);
		assert_int_equal(g->entry, 0);
		assert_true(strlen(g->description) > 10);
	}
	assert_null(guest_program_find("no_such_guest"));
	assert_true(guest_program_count() >= 10);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rsi_version),
		cmocka_unit_test(test_id_regs),
		cmocka_unit_test(test_pmu_overflow),
		cmocka_unit_test(test_pmu_cycle_counter),
		cmocka_unit_test(test_pmu_absent_undef),
		cmocka_unit_test(test_ripas_change),
		cmocka_unit_test(test_psci_cpu_on),
		cmocka_unit_test(test_measurement),
		cmocka_unit_test(test_guest_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
