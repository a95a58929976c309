// SPDX-License-Identifier: BSD-3-Clause
/* Stage-2 TLB invalidation, code-cache coherence, SEA injection. */
#include <string.h>

#include "test_fixture.h"

static void test_stale_tlb_flush(void **state)
{
	struct fixture *f = fixture_new("read_loop", 40, 1, RAM2_IPA, 0, 0, 0);
	uint64_t pa = test_realm_alloc_granule(&f->realm);

	*(uint64_t *)test_realm_pa_ptr(&f->realm, pa) = 0x5151;
	test_realm_map(&f->realm, RAM2_IPA, pa, S2_RW);
	run_expect(f, VCPU_EXIT_SMC);
	assert_int_equal(f->exit.call.imm, 1);
	assert_int_equal(xreg(f, 1), 0x5151);

	/* valid -> invalid without a flush: QEMU's TLB still has it
	 * (spike §1.3); this proves the flush below is what matters. */
	test_realm_unmap(&f->realm, RAM2_IPA);
	run_expect(f, VCPU_EXIT_SMC);
	assert_int_equal(xreg(f, 1), 0x5151);

	vcpu_stage2_changed(f->vcpu);
	run_expect(f, VCPU_EXIT_DATA_ABORT);
	assert_int_equal(f->exit.abort.ipa, RAM2_IPA);
	assert_int_equal(f->exit.abort.fsc, 0x07);      /* translation, level 3 */

	/* invalid -> valid needs nothing. */
	test_realm_map(&f->realm, RAM2_IPA, pa, S2_RW);
	run_expect(f, VCPU_EXIT_SMC);
	assert_int_equal(xreg(f, 1), 0x5151);
	fixture_free(f);
}

static void test_permission_fault(void **state)
{
	struct fixture *f = fixture_new("hello_mmio", 40, 1, RAM2_IPA, 0, 0, 0);
	uint64_t pa = test_realm_alloc_granule(&f->realm);

	test_realm_map(&f->realm, RAM2_IPA, pa, S2_RO);
	run_expect(f, VCPU_EXIT_DATA_ABORT);
	assert_true(f->exit.abort.write);
	assert_int_equal(f->exit.abort.ipa, RAM2_IPA);
	assert_int_equal(f->exit.abort.fsc, 0x0f);      /* permission, level 3 */
	fixture_free(f);
}

static void test_code_changed(void **state)
{
	struct fixture *f = fixture_new("exit_immediately", 40, 1, 0, 0, 0, 0);
	uint32_t *code = test_realm_pa_ptr(&f->realm, f->guest_pa);
	const uint32_t mov_x9_7 = 0xd28000e9;   /* mov x9, #7 */

	run_expect_smc(f, RSI_HOST_CALL);
	assert_int_equal(xreg(f, 9), 1);
	/* Patch `mov x9, #1` and restart at it: stale until told. */
	code[0] = mov_x9_7;
	vcpu_set_reg(f->vcpu, VCPU_REG_PC, GUEST_IPA);
	run_expect_smc(f, RSI_HOST_CALL);
	assert_int_equal(xreg(f, 9), 1);
	vcpu_code_changed(f->vcpu, f->guest_pa, 4);
	vcpu_set_reg(f->vcpu, VCPU_REG_PC, GUEST_IPA);
	run_expect_smc(f, RSI_HOST_CALL);
	assert_int_equal(xreg(f, 9), 7);
	/* The round trip still works after the regime juggling. */
	run_expect_smc(f, RSI_HOST_CALL);
	assert_int_equal(xreg(f, 9), 8);
	fixture_free(f);
}

static void test_sea_injection(void **state)
{
	struct fixture *f = fixture_new("destroyed_access", 40, 1, RAM2_IPA + 0x18, 0, 0, 0);
	uint16_t imm;
	uint64_t *gprs;
	uint64_t fault_pc;

	/* RAM2_IPA is never mapped: as if DESTROYED. */
	run_expect(f, VCPU_EXIT_DATA_ABORT);
	assert_int_equal(f->exit.abort.ipa, RAM2_IPA + 0x18);
	assert_false(f->exit.abort.write);
	fault_pc = f->exit.pc;
	assert_int_equal(vcpu_inject_sea(f->vcpu, f->exit.abort.va), 0);
	run_expect_smc(f, RSI_HOST_CALL);
	gprs = hostcall_gprs(f, &imm);
	assert_int_equal(imm, 0x5ea);
	assert_int_equal(gprs[0], (0x25ULL << 26) | (1ULL << 25) | 0x10);  /* ESR_EL1 */
	assert_int_equal(gprs[1], RAM2_IPA + 0x18);                        /* FAR_EL1 */
	assert_int_equal(gprs[2], fault_pc);                               /* ELR_EL1 */
	fixture_free(f);
}

/*
 * Stage-1 address size faults go to the realm's vector: an output address
 * beyond TCR_EL1.IPS (QEMU 5.0 does not check it; the engine's walk does)
 * and, MMU off, an address at the PA size.  Beyond the IPA space but
 * inside the PA size is a stage-2 abort for the RMM.
 */
static void test_s1_address_size(void **state)
{
	static const struct { uint64_t oa, ips, off; enum vcpu_exit_reason reason; uint64_t esr, far; } c[] = {
		{ 1ULL << 32, 0, 0, VCPU_EXIT_SMC, 0x96000001, 1ULL << 30 },
		{ 1ULL << 32, 2, 0, VCPU_EXIT_DATA_ABORT, 0, 0 },
		{ 1ULL << 44, 0, 1, VCPU_EXIT_SMC, 0x96000000, 1ULL << 44 },
		{ 1ULL << 41, 0, 1, VCPU_EXIT_DATA_ABORT, 0, 0 },
	};

	for (size_t i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		struct fixture *f = fixture_new("s1_addr_size", 40, 1, RAM2_IPA, c[i].oa, c[i].ips,
						c[i].off);
		uint16_t imm;
		uint64_t *g;

		test_realm_map(&f->realm, RAM2_IPA, test_realm_alloc_granule(&f->realm), S2_RW);
		run_expect(f, c[i].reason);
		if (c[i].reason == VCPU_EXIT_SMC) {
			g = hostcall_gprs(f, &imm);
			assert_int_equal(imm, 0x5a);
			assert_int_equal(g[0], c[i].esr);
			assert_int_equal(g[1], c[i].far);
		} else {
			assert_int_equal(f->exit.abort.ipa, c[i].oa);
		}
		fixture_free(f);
	}
}

/*
 * FEAT_HAFDBS is hidden (ID_AA64MMFR1_EL1.HAFDBS reads 0) and not half
 * there: a realm that sets TCR_EL1.HA/HD anyway (RES0 without the feature)
 * takes an access flag fault, no hardware update.
 */
static void test_no_hafdbs(void **state)
{
	struct fixture *f = fixture_new("s1_addr_size", 40, 1, RAM2_IPA, 0, 0, 2);
	uint16_t imm;
	uint64_t *g;

	test_realm_map(&f->realm, RAM2_IPA, test_realm_alloc_granule(&f->realm), S2_RW);
	run_expect_smc(f, RSI_HOST_CALL);
	g = hostcall_gprs(f, &imm);
	assert_int_equal(imm, 0x5a);
	assert_int_equal(g[0], 0x96000009);     /* DABT, access flag fault, level 1 */
	assert_int_equal(g[1], 1ULL << 30);
	assert_int_equal(g[3] & 0xf, 0);        /* HAFDBS */
	fixture_free(f);
}

static void test_reset(void **state)
{
	struct fixture *f = fixture_new("host_call", 40, 1, 1, 2, 3, 4);
	const uint64_t x[8] = { 9, 8, 7, 6, 5, 4, 3, 2 };
	uint16_t imm;

	run_expect_smc(f, RSI_HOST_CALL);
	vcpu_set_virq(f->vcpu, true);
	assert_int_equal(vcpu_reset(f->vcpu, GUEST_IPA, x), 0);
	run_expect_smc(f, RSI_HOST_CALL);
	assert_int_equal(hostcall_gprs(f, &imm)[0], 8);
	assert_int_equal(imm, 9);
	assert_int_equal(vcpu_get_reg(f->vcpu, VCPU_REG_PSTATE) & 0x3cf, 0x3c5);
	fixture_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stale_tlb_flush),
		cmocka_unit_test(test_permission_fault),
		cmocka_unit_test(test_code_changed),
		cmocka_unit_test(test_sea_injection),
		cmocka_unit_test(test_reset),
		cmocka_unit_test(test_s1_address_size),
		cmocka_unit_test(test_no_hafdbs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
