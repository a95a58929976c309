// SPDX-License-Identifier: BSD-3-Clause
/* WFI exits, vIRQ delivery to the guest vector, ICC_* exits, timers. */
#include "test_fixture.h"

#define ICC_IAR1_CRM 12

static void test_wfi_exits(void **state)
{
	struct fixture *f = fixture_new("wfi_loop", 40, 1, 3, 0, 0, 0);
	uint16_t imm;
	uint64_t *gprs;

	for (int i = 0; i < 3; i++) {
		run_expect(f, VCPU_EXIT_WFI);
		assert_int_equal(f->exit.esr, (0x01ULL << 26) | (1ULL << 25));
		/* PC after the WFI. */
		assert_int_equal(f->exit.pc, vcpu_get_reg(f->vcpu, VCPU_REG_PC));
		vcpu_skip_insn(f->vcpu);        /* no-op: already past */
		assert_int_equal(f->exit.pc, vcpu_get_reg(f->vcpu, VCPU_REG_PC));
	}
	run_expect_smc(f, RSI_HOST_CALL);
	gprs = hostcall_gprs(f, &imm);
	assert_int_equal(imm, 3);
	assert_int_equal(gprs[0], 3);   /* wakeups */
	assert_int_equal(gprs[1], 0);   /* no IRQ */
	fixture_free(f);
}

static void test_virq_and_icc(void **state)
{
	struct fixture *f = fixture_new("wfi_loop", 40, 1, 2, 0, 0, 0);
	uint16_t imm;
	uint64_t *gprs;

	run_expect(f, VCPU_EXIT_WFI);
	vcpu_set_virq(f->vcpu, true);
	/* QEMU takes the vIRQ and the handler reads ICC_IAR1_EL1. */
	run_expect(f, VCPU_EXIT_SYSREG);
	assert_true(f->exit.sysreg.read);
	assert_int_equal(f->exit.sysreg.op0, 3);
	assert_int_equal(f->exit.sysreg.crn, 12);
	assert_int_equal(f->exit.sysreg.crm, ICC_IAR1_CRM);
	assert_int_equal(f->exit.sysreg.op2, 0);
	assert_int_equal(f->exit.sysreg.rt, 24);
	assert_int_equal(f->exit.esr >> 26, 0x18);
	assert_int_equal(f->exit.esr & 1, 1);
	/* Taken by QEMU itself: EL1h handler code, SPSR from EL1h, ELR in
	 * the WFI loop. */
	assert_in_range(f->exit.pc, GUEST_IPA, GUEST_IPA + 0x7ff);
	assert_int_equal(vcpu_get_reg(f->vcpu, VCPU_REG_SPSR_EL1) & 0xf, 5);
	assert_in_range(vcpu_get_reg(f->vcpu, VCPU_REG_ELR_EL1), GUEST_IPA, GUEST_IPA + 0x7ff);
	vcpu_set_virq(f->vcpu, false);
	assert_int_equal(vcpu_complete_sysreg(f->vcpu, 27), 0);
	run_expect(f, VCPU_EXIT_SYSREG);        /* ICC_EOIR1_EL1 write */
	assert_false(f->exit.sysreg.read);
	assert_int_equal(f->exit.sysreg.op2, 1);
	assert_int_equal(f->exit.sysreg.value, 27);
	assert_int_equal(vcpu_complete_sysreg(f->vcpu, 0), 0);
	run_expect(f, VCPU_EXIT_WFI);           /* second WFI */
	run_expect_smc(f, RSI_HOST_CALL);
	gprs = hostcall_gprs(f, &imm);
	assert_int_equal(imm, 3);
	assert_int_equal(gprs[0], 2);
	assert_int_equal(gprs[1], 1);
	assert_int_equal(gprs[2], 27);
	fixture_free(f);
}

static void test_timer_model(void **state)
{
	struct fixture *f = fixture_new("spin", 40, 1, 0, 0, 0, 0);
	uint32_t *code = test_realm_pa_ptr(&f->realm, f->guest_pa);
	struct vcpu_timers t;

	/* msr cntv_cval_el0, x1; msr cntv_ctl_el0, x2; mrs x3, cntv_ctl_el0;
	 * mrs x4, mpidr_el1; smc #2 */
	code[0] = 0xd51be341;
	code[1] = 0xd51be322;
	code[2] = 0xd53be323;
	code[3] = 0xd53800a4;
	code[4] = 0xd4000043;
	vcpu_code_changed(f->vcpu, f->guest_pa, 20);
	vcpu_set_reg(f->vcpu, VCPU_REG_X0 + 1, 1);      /* CVAL in the past */
	vcpu_set_reg(f->vcpu, VCPU_REG_X0 + 2, 1);      /* ENABLE */
	run_expect(f, VCPU_EXIT_SMC);
	assert_int_equal(f->exit.call.imm, 2);
	assert_int_equal(xreg(f, 3), 5);                /* ENABLE | ISTATUS */
	assert_int_equal(xreg(f, 4), 0x80000000);
	assert_int_equal(f->exit.timers.cntv_ctl, 5);
	assert_int_equal(f->exit.timers.cntv_cval, 1);
	vcpu_get_timers(f->vcpu, &t);
	assert_int_equal(t.cntp_ctl, 0);
	assert_true(t.cntvct > 0);
	fixture_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wfi_exits),
		cmocka_unit_test(test_virq_and_icc),
		cmocka_unit_test(test_timer_model),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
