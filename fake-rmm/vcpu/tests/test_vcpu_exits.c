// SPDX-License-Identifier: BSD-3-Clause
/* Engine exit records: creation geometry, SMC/HVC, MMIO data aborts of every
 * load/store form, instruction aborts, the budget. */
#include <string.h>

#include "test_fixture.h"

static void test_create_geometries(void **state)
{
	/* 40 bits at level 1 = 2 concatenated tables; 44 bits at level 0
	 * overlaps the arena's PA range (two cover pieces); 32 bits at
	 * level 2 = 4 tables. */
	static const unsigned int geo[][2] = { { 40, 1 }, { 44, 0 }, { 32, 2 }, { 39, 1 } };

	for (size_t i = 0; i < sizeof(geo) / sizeof(geo[0]); i++) {
		struct fixture *f = fixture_new("host_call", geo[i][0], geo[i][1], 7, 1, 2, 3);

		run_expect_smc(f, RSI_HOST_CALL);
		assert_int_equal(f->exit.call.imm, 0);
		fixture_free(f);
	}
}

static void test_create_rejects(void **state)
{
	struct test_realm r;
	struct vcpu_config cfg;

	assert_true(test_realm_init(&r, 40, 1));
	cfg = test_realm_vcpu_config(&r, GUEST_IPA, 0, 0, 0, 0);
	cfg.ipa_bits = 48;
	assert_null(vcpu_create(&cfg));
	assert_non_null(strstr(vcpu_create_error(), "ipa_bits"));
	cfg.ipa_bits = 40;
	cfg.num_start_tables = 1;       /* 40 bits at level 1 needs 2 */
	assert_null(vcpu_create(&cfg));
	assert_non_null(strstr(vcpu_create_error(), "starting tables"));
	test_realm_fini(&r);
}

/*
 * The vCPU exists before its first fetch can succeed: an entry PC whose
 * page is not mapped yet (or lies above the IPA space) is the first run's
 * instruction abort, not a creation failure.
 */
static void test_create_at_unmapped_entry(void **state)
{
	struct test_realm r;
	struct vcpu_config cfg;
	struct vcpu_exit x;
	struct vcpu *v;
	uint64_t pa;

	assert_true(test_realm_init(&r, 40, 1));
	cfg = test_realm_vcpu_config(&r, RAM2_IPA, 0, 0, 0, 0);
	v = vcpu_create(&cfg);
	if (!v)
		fail_msg("vcpu_create at an unmapped entry: %s", vcpu_create_error());
	vcpu_run(v, &x);
	assert_int_equal(x.reason, VCPU_EXIT_INSN_ABORT);
	assert_int_equal(x.abort.ipa, RAM2_IPA);
	assert_int_equal(x.abort.hpfar, (RAM2_IPA >> 12) << 4);
	assert_int_equal(x.pc, RAM2_IPA);
	/* Still unmapped: the same abort again. */
	vcpu_run(v, &x);
	assert_int_equal(x.reason, VCPU_EXIT_INSN_ABORT);
	assert_int_equal(x.abort.ipa, RAM2_IPA);
	/* Mapped now (invalid -> valid needs no invalidation): the code runs. */
	pa = test_realm_load(&r, "host_call", RAM2_IPA);
	assert_true(pa != 0);
	vcpu_run(v, &x);
	assert_int_equal(x.reason, VCPU_EXIT_SMC);
	assert_int_equal(vcpu_get_reg(v, VCPU_REG_X0), RSI_HOST_CALL);
	vcpu_destroy(v);

	/* Above the IPA space. */
	cfg.pc = 1ULL << 41;
	v = vcpu_create(&cfg);
	if (!v)
		fail_msg("vcpu_create beyond the IPA space: %s", vcpu_create_error());
	vcpu_run(v, &x);
	assert_int_equal(x.reason, VCPU_EXIT_INSN_ABORT);
	assert_int_equal(x.abort.ipa, 1ULL << 41);
	vcpu_destroy(v);
	test_realm_fini(&r);
}

/* Destroyed vCPUs' engines wait to be closed, never more than four of them. */
static void test_destroyed_engines_are_bounded(void **state)
{
	struct test_realm r;
	struct vcpu_config cfg;

	(void)state;
	assert_true(test_realm_init(&r, 40, 1));
	cfg = test_realm_vcpu_config(&r, GUEST_IPA, 0, 0, 0, 0);
	vcpu_retired_engines(true);
	for (unsigned int i = 0; i < 7; i++) {
		struct vcpu *v = vcpu_create(&cfg);

		if (!v)
			fail_msg("vcpu_create: %s", vcpu_create_error());
		vcpu_destroy(v);
		assert_int_equal(vcpu_retired_engines(false), i < 4 ? i + 1 : 4);
	}
	assert_int_equal(vcpu_retired_engines(true), 0);
	test_realm_fini(&r);
}

static void test_host_call_smc(void **state)
{
	struct fixture *f = fixture_new("host_call", 40, 1, 0x42, 0x1111, 0x2222, 0x3333);
	uint16_t imm;
	uint64_t *gprs;

	run_expect_smc(f, RSI_HOST_CALL);
	assert_int_equal(f->exit.call.imm, 0);
	assert_int_equal(f->exit.esr, (0x17ULL << 26) | (1ULL << 25));
	assert_int_equal(xreg(f, 1), GUEST_IPA + HOSTCALL_OFF);
	gprs = hostcall_gprs(f, &imm);
	assert_int_equal(imm, 0x42);
	assert_int_equal(gprs[0], 0x1111);
	assert_int_equal(gprs[1], 0x2222);
	assert_int_equal(gprs[2], 0x3333);
	/* PC is already past the SMC. */
	assert_int_equal(f->exit.pc, vcpu_get_reg(f->vcpu, VCPU_REG_PC));
	gprs[0] = 0xaaaa;               /* the host's answer */
	gprs[1] = 0xbbbb;
	run_expect_smc(f, PSCI_SYSTEM_OFF);
	assert_int_equal(xreg(f, 9), 0xaaaa);
	assert_int_equal(xreg(f, 10), 0xbbbb);
	fixture_free(f);
}

/* A prepared engine (as a sweep's brancher makes before it forks) runs a realm as a new one does. */
static void test_prepared_engine_runs(void **state)
{
	struct fixture *f;

	(void)state;
	assert_int_equal(vcpu_prepare_engine(), 0);
	assert_int_equal(vcpu_prepare_engine(), 0);	/* one is ready: nothing more */
	f = fixture_new("host_call", 40, 1, 0x42, 0x1111, 0x2222, 0x3333);
	run_expect_smc(f, RSI_HOST_CALL);
	assert_int_equal(xreg(f, 1), GUEST_IPA + HOSTCALL_OFF);
	assert_int_equal(f->exit.pc, vcpu_get_reg(f->vcpu, VCPU_REG_PC));
	fixture_free(f);
}

static void test_hello_mmio(void **state)
{
	struct fixture *f = fixture_new("hello_mmio", 40, 1, MMIO_IPA, 0, 0, 0);
	static const struct { uint64_t off; uint8_t sas; uint64_t value; } stores[] = {
		{ 0, 0, 0x11 }, { 2, 1, 0x2222 }, { 4, 2, 0x33333333 },
		{ 8, 3, 0x4444444444444444ULL },
	};

	for (size_t i = 0; i < 4; i++) {
		run_expect(f, VCPU_EXIT_DATA_ABORT);
		assert_int_equal(f->exit.abort.ipa, MMIO_IPA + stores[i].off);
		assert_int_equal(f->exit.abort.hpfar, (MMIO_IPA >> 12) << 4);
		assert_true(f->exit.abort.isv);
		assert_true(f->exit.abort.write);
		assert_int_equal(f->exit.abort.sas, stores[i].sas);
		assert_int_equal(f->exit.abort.value, stores[i].value);
		assert_int_equal(f->exit.abort.fsc, 0x05);   /* translation, level 1 */
		assert_int_equal(f->exit.pc, vcpu_get_reg(f->vcpu, VCPU_REG_PC));
		vcpu_skip_insn(f->vcpu);
	}
	run_expect(f, VCPU_EXIT_DATA_ABORT);
	assert_false(f->exit.abort.write);
	assert_int_equal(f->exit.abort.ipa, MMIO_IPA + 16);
	assert_int_equal(f->exit.abort.srt, 5);
	assert_int_equal(vcpu_complete_mmio_read(f->vcpu, 0xfeedfacecafef00dULL), 0);
	run_expect_smc(f, PSCI_SYSTEM_OFF);
	assert_int_equal(xreg(f, 5), 0xcafef00d);        /* W register: 32 bits */
	fixture_free(f);
}

struct form {
	const char *what;
	uint64_t off;           /* from the MMIO base */
	bool isv, write, sse, sf, ar;
	uint8_t sas, srt;
	uint64_t value;         /* store value, or value supplied to a read */
	uint64_t expect_rt;     /* Rt after completion (reads) */
};

static void test_mmio_forms(void **state)
{
	const uint64_t v3 = 0x89abcdef89abcdefULL;
	const struct form forms[] = {
		{ "ldr x", 0, 1, 0, 0, 1, 0, 3, 1, 0x1122334455667788ULL, 0x1122334455667788ULL },
		{ "ldr w", 4, 1, 0, 0, 0, 0, 2, 4, 0xffffffff80000001ULL, 0x80000001 },
		{ "ldrb", 1, 1, 0, 0, 0, 0, 0, 5, 0x1ff, 0xff },
		{ "ldrsh x", 2, 1, 0, 1, 1, 0, 1, 6, 0x8001, 0xffffffffffff8001ULL },
		{ "ldrsw", 4, 1, 0, 1, 1, 0, 2, 7, 0x80000000, 0xffffffff80000000ULL },
		{ "ldrsb w", 3, 1, 0, 1, 0, 0, 0, 8, 0x80, 0xffffff80 },
		{ "str x", 8, 1, 1, 0, 1, 0, 3, 3, v3, 0 },
		{ "str w", 12, 1, 1, 0, 0, 0, 2, 3, 0x89abcdef, 0 },
		{ "strh", 14, 1, 1, 0, 0, 0, 1, 3, 0xcdef, 0 },
		{ "strb wzr", 15, 1, 1, 0, 0, 0, 0, 31, 0, 0 },
		{ "ldur -8", (uint64_t)-8, 1, 0, 0, 1, 0, 3, 10, 5, 5 },
		{ "ldr [x,x]", 8, 1, 0, 0, 1, 0, 3, 11, 6, 6 },
		{ "str [x,w,uxtw#2]", 32, 1, 1, 0, 0, 0, 2, 3, 0x89abcdef, 0 },
		{ "ldar", 0, 1, 0, 0, 1, 1, 3, 12, 7, 7 },
		{ "stlr w", 0, 1, 1, 0, 0, 1, 2, 3, 0x89abcdef, 0 },
		{ "ldp", 16, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
		{ "ldr pre-index", 8, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
	};
	/* Base in the middle of a page so ldur -8 stays in the same page. */
	const uint64_t base = MMIO_IPA + 0x800;
	struct fixture *f = fixture_new("mmio_forms", 40, 1, base, 0, 0, 0);

	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		const struct form *e = &forms[i];
		const struct vcpu_exit *x = &f->exit;
		uint64_t esr_iss;

		run_expect(f, VCPU_EXIT_DATA_ABORT);
		if (x->abort.ipa != base + e->off || x->abort.isv != e->isv)
			fail_msg("%s: ipa 0x%llx isv %d", e->what,
				 (unsigned long long)x->abort.ipa, x->abort.isv);
		assert_true(x->abort.va_valid);
		assert_int_equal(x->abort.va, base + e->off);
		assert_int_equal(x->abort.write, e->write);
		esr_iss = x->esr & 0x1ffffff;
		assert_int_equal(x->esr >> 26, 0x24);
		assert_int_equal((esr_iss >> 24) & 1, e->isv);
		assert_int_equal((esr_iss >> 6) & 1, e->write);
		if (e->isv) {
			assert_int_equal(x->abort.sas, e->sas);
			assert_int_equal(x->abort.sse, e->sse);
			assert_int_equal(x->abort.sf, e->sf);
			assert_int_equal(x->abort.ar, e->ar);
			assert_int_equal(x->abort.srt, e->srt);
			assert_int_equal((esr_iss >> 16) & 31, e->srt);
			assert_int_equal((esr_iss >> 22) & 3, e->sas);
		}
		if (e->isv && e->write) {
			assert_int_equal(x->abort.value, e->value);
			vcpu_skip_insn(f->vcpu);
		} else if (e->isv) {
			assert_int_equal(vcpu_complete_mmio_read(f->vcpu, e->value), 0);
			assert_int_equal(xreg(f, e->srt), e->expect_rt);
		} else {
			/* ISV=0 cannot be completed as MMIO; the RMM would
			 * inject an SEA.  Here: skip it. */
			assert_int_equal(vcpu_complete_mmio_read(f->vcpu, 0), -1);
			vcpu_skip_insn(f->vcpu);
		}
	}
	run_expect_smc(f, PSCI_SYSTEM_OFF);
	fixture_free(f);
}

static void test_insn_abort(void **state)
{
	struct fixture *f = fixture_new("spin", 40, 1, 0, 0, 0, 0);

	vcpu_set_reg(f->vcpu, VCPU_REG_PC, MMIO_IPA + 0x40);
	run_expect(f, VCPU_EXIT_INSN_ABORT);
	assert_int_equal(f->exit.abort.ipa, MMIO_IPA + 0x40);
	assert_int_equal(f->exit.pc, MMIO_IPA + 0x40);
	assert_int_equal(f->exit.esr >> 26, 0x20);
	assert_int_equal(f->exit.abort.fsc, 0x05);
	/* Above the IPA space: the pre-translation check fires (spike §1.4). */
	vcpu_set_reg(f->vcpu, VCPU_REG_PC, 1ULL << 41);
	run_expect(f, VCPU_EXIT_INSN_ABORT);
	assert_int_equal(f->exit.abort.ipa, 1ULL << 41);
	fixture_free(f);
}

/* WFE traps only when asked (translation-block inspection), PC past it. */
static void test_wfe_trap(void **state)
{
	struct fixture *f = fixture_new("wfe_loop", 40, 1, 3, 0, 0, 0);
	uint64_t *g;

	/* Not trapped: a yield; the three WFEs run through to the host call. */
	run_expect_smc(f, RSI_HOST_CALL);
	g = hostcall_gprs(f, NULL);
	assert_int_equal(g[0], 3);
	fixture_free(f);

	/* Trapping asked for after realm code was translated (a flush). */
	f = fixture_new("wfe_loop", 40, 1, 3, 0, 0, 0);
	vcpu_set_budget(f->vcpu, 3);
	run_expect(f, VCPU_EXIT_BUDGET);
	vcpu_set_budget(f->vcpu, 1000000);
	vcpu_set_trap_wfe(f->vcpu, true);
	for (uint64_t i = 1; i <= 3; i++) {
		run_expect(f, VCPU_EXIT_WFE);
		assert_int_equal(f->exit.esr, (0x01ULL << 26) | (1ULL << 25) | 1);
		assert_int_equal(xreg(f, 21), i);
		/* PC past the WFE: the cmp. */
		assert_int_equal(vcpu_get_reg(f->vcpu, VCPU_REG_PC), GUEST_IPA + 0x14);
	}
	/* Off again: no more exits. */
	vcpu_set_trap_wfe(f->vcpu, false);
	run_expect_smc(f, RSI_HOST_CALL);
	fixture_free(f);
}

static void test_budget(void **state)
{
	struct fixture *f = fixture_new("spin", 40, 1, 0, 0, 0, 0);
	uint64_t before;

	vcpu_set_budget(f->vcpu, 1001);
	run_expect(f, VCPU_EXIT_BUDGET);
	/* mov + 500 x (add, b): exactly 500 increments, PC back on the add. */
	assert_int_equal(xreg(f, 1), 500);
	assert_int_equal(f->exit.pc, GUEST_IPA + 4);
	before = xreg(f, 1);
	/* 501 x add + 500 x b: the 1001st instruction is an add. */
	run_expect(f, VCPU_EXIT_BUDGET);
	assert_int_equal(xreg(f, 1), before + 501);
	assert_int_equal(f->exit.pc, GUEST_IPA + 8);
	vcpu_set_budget(f->vcpu, 50000000);
	run_expect(f, VCPU_EXIT_BUDGET);
	fixture_free(f);
}

static bool poll_count(void *ctx)
{
	unsigned int *calls = ctx;

	return ++*calls == 3;
}

static bool poll_never(void *ctx)
{
	++*(unsigned int *)ctx;
	return false;
}

/* Polling between slices: exact budgets across slices, a poll that says stop ends the run. */
static void test_poll_slices(void **state)
{
	struct fixture *f = fixture_new("spin", 40, 1, 0, 0, 0, 0);
	unsigned int calls = 0;

	/* Slices of 100 under a budget of 1001: still exactly 1001 instructions. */
	vcpu_set_poll(f->vcpu, poll_never, &calls, 100);
	vcpu_set_budget(f->vcpu, 1001);
	run_expect(f, VCPU_EXIT_BUDGET);
	assert_int_equal(xreg(f, 1), 500);
	assert_int_equal(calls, 10);            /* after each of the 10 full slices */
	assert_int_equal(f->exit.pc, GUEST_IPA + 4);
	/* The third poll says stop: 3 slices of 100 from the add, 150 increments. */
	calls = 0;
	vcpu_set_poll(f->vcpu, poll_count, &calls, 100);
	vcpu_set_budget(f->vcpu, 1000000);
	run_expect(f, VCPU_EXIT_POLL);
	assert_int_equal(calls, 3);
	assert_int_equal(xreg(f, 1), 500 + 150);
	assert_int_equal(f->exit.pc, vcpu_get_reg(f->vcpu, VCPU_REG_PC));
	/* No poll function: one slice of the whole budget. */
	vcpu_set_poll(f->vcpu, NULL, NULL, 0);
	vcpu_set_budget(f->vcpu, 1000);
	run_expect(f, VCPU_EXIT_BUDGET);
	assert_int_equal(xreg(f, 1), 650 + 500);
	fixture_free(f);
}

static void test_hvc_and_undef(void **state)
{
	struct fixture *f = fixture_new("spin", 40, 1, 0, 0, 0, 0);
	uint32_t *code = test_realm_pa_ptr(&f->realm, f->guest_pa);

	code[0] = 0xd40000a2;           /* hvc #5 */
	vcpu_code_changed(f->vcpu, f->guest_pa, 4);
	vcpu_set_reg(f->vcpu, VCPU_REG_VBAR_EL1, GUEST_IPA + 0x800);
	run_expect(f, VCPU_EXIT_HVC);
	assert_int_equal(f->exit.call.imm, 5);
	assert_int_equal(f->exit.pc, GUEST_IPA + 4);
	assert_int_equal(vcpu_inject_undef(f->vcpu), 0);
	assert_int_equal(vcpu_get_reg(f->vcpu, VCPU_REG_PC), GUEST_IPA + 0x800 + 0x200);
	assert_int_equal(vcpu_get_reg(f->vcpu, VCPU_REG_ELR_EL1), GUEST_IPA);
	assert_int_equal(vcpu_get_reg(f->vcpu, VCPU_REG_ESR_EL1), 1ULL << 25);
	assert_int_equal(vcpu_get_reg(f->vcpu, VCPU_REG_SPSR_EL1) & 0xf, 0x5);
	fixture_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create_geometries),
		cmocka_unit_test(test_create_rejects),
		cmocka_unit_test(test_create_at_unmapped_entry),
		cmocka_unit_test(test_destroyed_engines_are_bounded),
		cmocka_unit_test(test_prepared_engine_runs),
		cmocka_unit_test(test_host_call_smc),
		cmocka_unit_test(test_hello_mmio),
		cmocka_unit_test(test_mmio_forms),
		cmocka_unit_test(test_insn_abort),
		cmocka_unit_test(test_budget),
		cmocka_unit_test(test_poll_slices),
		cmocka_unit_test(test_wfe_trap),
		cmocka_unit_test(test_hvc_and_undef),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
