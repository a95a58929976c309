// SPDX-License-Identifier: BSD-3-Clause
/*
 * REC_ENTER with each guest program: every rec_exit field the spec defines
 * for the exit reason, the completion on the next entry, and re-entry until
 * the guest calls SYSTEM_OFF.  Register checks after the fact read the REC
 * white-box (rec.h).
 */
#include "rec_fixture.h"

#include <cca-double/fault.h>
#include <openssl/evp.h>
#include <string.h>

#include "rec.h"

#define EC(esr) (((esr) >> 26) & 0x3f)
#define ESR_ISV (1ULL << 24)
#define ESR_SAS(esr) (((esr) >> 22) & 3)
#define ESR_SRT_SSE_AR_IL ((0x1fULL << 16) | (1ULL << 21) | (1ULL << 14) | (1ULL << 25))
#define ESR_SF (1ULL << 15)
#define ESR_WNR (1ULL << 6)
#define HPFAR(ipa) (((ipa) >> 12) << 4)

static uint64_t realm_x(struct rx *x, unsigned int rec, unsigned int n)
{
	return rec_get_x(rec_of(x->f->rmm, x->rec[rec]), n);
}

static void assert_gprs_zero_from(const struct rmi_v1_0_rec_exit *ex, unsigned int from)
{
	for (unsigned int i = from; i < 31; i++)
		if (ex->gprs[i])
			fail_msg("exit gprs[%u] = 0x%llx, expected 0", i, (unsigned long long)ex->gprs[i]);
}

static void host_call_round_trip(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_run *run = rx_run_page(x, 0);
	struct rmi_v1_0_rec_exit *ex;
	uint64_t args[7] = { 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77 };

	rx_load(x, "host_call", RX_CODE_IPA);
	{
		struct rx_rec_args a = { .flags = 1, .pc = RX_CODE_IPA, .gprs = { 0x1234 } };
		uint64_t rec;

		memcpy(&a.gprs[1], args, sizeof(args));
		assert_rmi(rx_rec_create_with(x, &a, &rec), 0);
		x->rec[0] = rec;
		x->run[0] = fix_alloc(x->f);
		x->nrec = 1;
		run = rx_run_page(x, 0);
	}
	rx_activate(x);
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
	assert_int_equal(ex->imm, 0x1234);
	for (unsigned int i = 0; i < 7; i++)
		assert_int_equal(ex->gprs[i], args[i]);
	assert_gprs_zero_from(ex, 7);
	assert_int_equal(ex->esr, 0);
	assert_int_equal(ex->far, 0);
	assert_int_equal(ex->hpfar, 0);
	assert_int_equal(ex->cntv_ctl, 0);
	assert_int_equal(ex->cntp_ctl, 0);

	/* The host's results land in the realm's struct: x9/x10 read them back. */
	run->enter.gprs[0] = 0xaaaa;
	run->enter.gprs[1] = 0xbbbb;
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_PSCI);
	assert_int_equal(ex->gprs[0], PSCI_FID_SYSTEM_OFF);
	assert_gprs_zero_from(ex, 1);
	assert_int_equal(realm_x(x, 0, 9), 0xaaaa);
	assert_int_equal(realm_x(x, 0, 10), 0xbbbb);
	/* SYSTEM_OFF: the realm is off, REC_ENTER answers ERROR_REALM index 1. */
	assert_rmi(rx_enter(x, 0), RET(RMI_STATUS_ERROR_REALM, 1));
}

struct mmio_store {
	unsigned int sas;
	uint64_t offset, value;
};

static void mmio_exits(void **state)
{
	static const struct mmio_store stores[] = {
		{ 0, 0, 0x11 }, { 1, 2, 0x2222 }, { 2, 4, 0x33333333 }, { 3, 8, 0x4444444444444444ULL },
	};
	struct rx *x = *state;
	struct rmi_v1_0_rec_run *run;
	struct rmi_v1_0_rec_exit *ex;

	rx_boot(x, "hello_mmio", RX_MMIO_IPA);
	run = rx_run_page(x, 0);
	for (unsigned int i = 0; i < 4; i++) {
		ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_SYNC);
		assert_int_equal(EC(ex->esr), 0x24);
		assert_true(ex->esr & ESR_ISV);
		assert_true(ex->esr & ESR_WNR);
		assert_int_equal(ESR_SAS(ex->esr), stores[i].sas);
		/* 1.0: SRT, SSE, AR and IL are not given to the host. */
		assert_int_equal(ex->esr & ESR_SRT_SSE_AR_IL, 0);
		assert_int_equal(ex->far, stores[i].offset);	/* page offset only */
		assert_int_equal(ex->hpfar, HPFAR(RX_MMIO_IPA));
		assert_int_equal(ex->gprs[0], stores[i].value);
		assert_gprs_zero_from(ex, 1);
		run->enter.flags = RMI_V1_0_REC_ENTER_FLAGS_EMULATED_MMIO_MASK;
	}
	/* ldr w5: a 32-bit read; the RMM puts gprs[0] into w5 (zero-extended). */
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_SYNC);
	assert_true(ex->esr & ESR_ISV);
	assert_false(ex->esr & ESR_WNR);
	assert_false(ex->esr & ESR_SF);
	assert_int_equal(ESR_SAS(ex->esr), 2);
	assert_int_equal(ex->far, 16);
	assert_int_equal(ex->gprs[0], 0);
	run->enter.flags = RMI_V1_0_REC_ENTER_FLAGS_EMULATED_MMIO_MASK;
	run->enter.gprs[0] = 0xfedcba9876543210ULL;
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_PSCI);
	assert_int_equal(ex->gprs[0], PSCI_FID_SYSTEM_OFF);
	assert_int_equal(realm_x(x, 0, 5), 0x76543210);
}

/* An access without a valid syndrome (ldp) reaches the host with ISV = 0; EMULATED_MMIO is refused. */
static void mmio_without_syndrome(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_run *run;
	struct rmi_v1_0_rec_exit *ex = NULL;

	rx_boot(x, "mmio_forms", RX_MMIO_IPA + 0x100);
	run = rx_run_page(x, 0);
	/* Forms 0..14 have ISV = 1; form 15 is the ldp. */
	for (unsigned int i = 0; i < 16; i++) {
		ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_SYNC);
		run->enter.flags = RMI_V1_0_REC_ENTER_FLAGS_EMULATED_MMIO_MASK;
		assert_int_equal(!!(ex->esr & ESR_ISV), i < 15);
	}
	assert_rmi(rx_enter(x, 0), RMI_STATUS_ERROR_REC);
	/* Without the flag the ldp runs again and faults again. */
	run->enter.flags = 0;
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_SYNC);
	assert_false(ex->esr & ESR_ISV);
}

static void measurement_read_extend(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_exit *ex;
	uint8_t rim[64], rem[64], zero[32] = { 0 }, pattern[64], expect[32];
	unsigned int len = 32;
	EVP_MD_CTX *md = EVP_MD_CTX_new();

	rx_boot(x, "measurement", 64);
	assert_int_equal(rmm_realm_measurement(x->f->rmm, x->f->rd, 0, rim), 0);
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
	assert_int_equal(ex->imm, 4);
	assert_int_equal(ex->gprs[0], RSI_V1_0_STATUS_SUCCESS);
	assert_memory_equal(&ex->gprs[1], rim, 64);		/* READ 0 = RIM, x1..x8 */
	assert_int_equal(ex->gprs[9], RSI_V1_0_STATUS_SUCCESS);
	assert_int_equal(ex->gprs[10], RSI_V1_0_STATUS_SUCCESS);
	/* REM1 = SHA-256(REM1 (32 zero bytes) || bytes 0x00..0x3f). */
	for (unsigned int i = 0; i < 64; i++)
		pattern[i] = (uint8_t)i;
	EVP_DigestInit_ex(md, EVP_sha256(), NULL);
	EVP_DigestUpdate(md, zero, sizeof(zero));
	EVP_DigestUpdate(md, pattern, sizeof(pattern));
	EVP_DigestFinal_ex(md, expect, &len);
	EVP_MD_CTX_free(md);
	assert_memory_equal(&ex->gprs[11], expect, 32);
	assert_int_equal(ex->gprs[15], 0);			/* SHA-256: upper 32 bytes zero */
	assert_int_equal(rmm_realm_measurement(x->f->rmm, x->f->rd, 1, rem), 0);
	assert_memory_equal(rem, expect, 32);
	rx_run_to_system_off(x, 0, 4);
}

static void rsi_version_features_config(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_exit *ex;

	rx_load(x, "rsi_version", RX_CODE_IPA);
	rx_ram_page(x, RX_DATA_IPA);
	rx_rec(x, RX_DATA_IPA);
	rx_activate(x);
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
	assert_int_equal(ex->imm, 1);
	assert_int_equal(ex->gprs[0], RSI_V1_0_STATUS_SUCCESS);	/* VERSION(1.0) */
	assert_int_equal(ex->gprs[1], 0x10000);
	assert_int_equal(ex->gprs[2], 0x10000);
	assert_int_equal(ex->gprs[3], RSI_V1_0_STATUS_SUCCESS);	/* FEATURES(0) */
	assert_int_equal(ex->gprs[4], 0);
	assert_int_equal(ex->gprs[5], RSI_V1_0_STATUS_SUCCESS);	/* REALM_CONFIG */
	assert_int_equal(ex->gprs[6], 40);				/* ipa_width */
	assert_int_equal(ex->gprs[7], RSI_V1_0_HASH_ALGO_SHA_256);	/* hash_algo */
	assert_int_equal(ex->gprs[8], 0);	/* 0x18 is padding in the 1.0 layout */
	rx_run_to_system_off(x, 0, 4);
}

/* VERSION of a revision the RMM does not implement: ERROR_INPUT, lower = higher = 1.0. */
static void rsi_version_unsupported(void **state)
{
	const uint64_t gprs[8] = { RX_DATA_IPA, 0x10001 };
	struct rx *x = *state;
	struct rmi_v1_0_rec_exit *ex;

	rx_load(x, "rsi_version", RX_CODE_IPA);
	rx_ram_page(x, RX_DATA_IPA);
	rx_rec_gprs(x, gprs);
	rx_activate(x);
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
	assert_int_equal(ex->gprs[0], RSI_V1_0_STATUS_ERROR_INPUT);
	assert_int_equal(ex->gprs[1], 0x10000);
	assert_int_equal(ex->gprs[2], 0x10000);
	rx_run_to_system_off(x, 0, 4);
}

/* REALM_CONFIG into a RAM page that is not mapped: the host sees a stage-2 abort at that IPA. */
static void rsi_call_on_unmapped_ram(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_exit *ex;

	rx_load(x, "rsi_version", RX_CODE_IPA);
	rt_tables(x->f, RX_DATA_IPA, 3);
	assert_rmi(rc(x->f, RMI_FID_RTT_INIT_RIPAS, x->f->rd, RX_DATA_IPA, RX_DATA_IPA + GRAN, 0, 0,
		      NULL), 0);
	rx_rec(x, RX_DATA_IPA);
	rx_activate(x);
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_SYNC);
	assert_int_equal(ex->esr, (0x24ULL << 26) | 0x07);	/* translation fault, level 3 */
	assert_int_equal(ex->far, 0);
	assert_int_equal(ex->hpfar, HPFAR(RX_DATA_IPA));
	/* The host maps it; the SMC runs again and succeeds. */
	rt_data_unknown(x->f, RX_DATA_IPA);
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
	assert_int_equal(ex->gprs[5], RSI_V1_0_STATUS_SUCCESS);
	assert_int_equal(ex->gprs[6], 40);
	rx_run_to_system_off(x, 0, 4);
}

static void wfi_trapped(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_run *run;
	struct rmi_v1_0_rec_exit *ex;

	rx_boot(x, "wfi_loop", 2);
	run = rx_run_page(x, 0);
	for (unsigned int i = 0; i < 2; i++) {
		run->enter.flags = RMI_V1_0_REC_ENTER_FLAGS_TRAP_WFI_MASK;
		ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_SYNC);
		assert_int_equal(ex->esr, 0x01ULL << 26);	/* EC WFx, TI 0 (WFI) */
		assert_int_equal(ex->far, 0);
		assert_int_equal(ex->hpfar, 0);
	}
	run->enter.flags = RMI_V1_0_REC_ENTER_FLAGS_TRAP_WFI_MASK;
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
	assert_int_equal(ex->imm, 3);
	assert_int_equal(ex->gprs[0], 2);	/* wakeups */
	assert_int_equal(ex->gprs[1], 0);	/* IRQs */
	rx_run_to_system_off(x, 0, 4);
}

#define LR_PENDING_GROUP1(intid, prio) \
	((1ULL << 62) | (1ULL << 60) | ((uint64_t)(prio) << 48) | (intid))

/* A pending list register makes a virtual IRQ; the realm acks and EOIs it through ICC_*. */
static void virtual_irq_from_list_register(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_run *run;
	struct rmi_v1_0_rec_exit *ex;

	rx_boot(x, "wfi_loop", 1);
	run = rx_run_page(x, 0);
	run->enter.gicv3_lrs[0] = LR_PENDING_GROUP1(27, 0xa0);
	/* IRQ taken and completed, then the WFI has nothing to wait for: an IRQ exit. */
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_IRQ);
	assert_int_equal(ex->gicv3_lrs[0] >> 62, 0);		/* invalid again after EOI */
	assert_int_equal(ex->gicv3_lrs[0] & 0xffffffff, 27);
	assert_int_equal(ex->gicv3_hcr, 0);
	memcpy(run->enter.gicv3_lrs, ex->gicv3_lrs, sizeof(run->enter.gicv3_lrs));
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
	assert_int_equal(ex->imm, 3);
	assert_int_equal(ex->gprs[0], 1);	/* wakeups */
	assert_int_equal(ex->gprs[1], 1);	/* IRQs taken */
	assert_int_equal(ex->gprs[2], 27);	/* INTID from ICC_IAR1_EL1 */
	rx_run_to_system_off(x, 0, 4);
}

static void budget_ends_spin_with_irq(void **state)
{
	struct rx *x = *state;
	uint64_t count;

	x->f->rmm->rec_insn_budget = 100000;
	rx_boot(x, "spin", 0);
	rx_enter_expect(x, 0, RMI_EXIT_REASON_IRQ);
	count = realm_x(x, 0, 1);
	assert_true(count > 1000 && count <= 100000);
	rx_enter_expect(x, 0, RMI_EXIT_REASON_IRQ);
	assert_true(realm_x(x, 0, 1) > count);
}

static void sea_for_empty_ipa(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_exit *ex;
	uint64_t ipa = 0x400000;

	rt_tables(x->f, ipa, 3);	/* RIPAS EMPTY, unassigned */
	rx_boot(x, "destroyed_access", ipa + 0x18);
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
	assert_int_equal(ex->imm, 0x5ea);
	assert_int_equal(EC(ex->gprs[0]), 0x25);	/* data abort, same EL */
	assert_int_equal(ex->gprs[0] & 0x3f, 0x10);	/* synchronous external abort */
	assert_int_equal(ex->gprs[1], ipa + 0x18);	/* FAR_EL1 (MMU off: VA = IPA) */
	rx_run_to_system_off(x, 0, 4);
}

static void sea_beyond_ipa_space(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_exit *ex;

	rx_boot(x, "destroyed_access", 1ULL << 40);
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
	assert_int_equal(ex->imm, 0x5ea);
	assert_int_equal(ex->gprs[0] & 0x3f, 0x10);
	rx_run_to_system_off(x, 0, 4);
}

static bool count_polls(void *ctx, uint64_t rec)
{
	(void)rec;
	++*(unsigned int *)ctx;
	return false;
}

/*
 * The realm reads EMPTY memory with no vector table (VBAR_EL1 0, IPA 0
 * EMPTY too): the SEA's vector fetch takes the same SEA again.  The entry
 * ends with IRQ once that loop stops changing anything, not after
 * thousands of identical injections (each polled for host interrupts).
 */
static void sea_at_unfetchable_vector_ends_entry(void **state)
{
	struct rx *x = *state;
	struct rec *rec;
	unsigned int polls = 0;
	uint64_t ipa = 0x400000;

	rt_tables(x->f, ipa, 3);
	rx_boot(x, "read_loop", ipa + 0x18);
	rmm_set_host_irq_poll(x->f->rmm, count_polls, &polls);
	rx_enter_expect(x, 0, RMI_EXIT_REASON_IRQ);
	assert_true(polls <= 8);
	rec = rec_of(x->f->rmm, x->rec[0]);
	assert_int_equal(vcpu_get_reg(rec->vcpu, VCPU_REG_PC), 0x200);
	/* Still wedged at the next entry, and ended as quickly. */
	polls = 0;
	rx_enter_expect(x, 0, RMI_EXIT_REASON_IRQ);
	assert_true(polls <= 8);
	rmm_set_host_irq_poll(x->f->rmm, NULL, NULL);
}

/* Protected RAM without a mapping: a SYNC exit with the non-emulated ESR, FAR 0. */
static void protected_unmapped_ram_exit(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_run *run;
	struct rmi_v1_0_rec_exit *ex;
	uint64_t ipa = 0x400000;

	rt_tables(x->f, ipa, 3);
	assert_rmi(rc(x->f, RMI_FID_RTT_INIT_RIPAS, x->f->rd, ipa, ipa + GRAN, 0, 0, NULL), 0);
	rx_boot(x, "destroyed_access", ipa + 0x18);
	run = rx_run_page(x, 0);
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_SYNC);
	assert_int_equal(ex->esr, (0x24ULL << 26) | 0x07);	/* EC, DFSC only */
	assert_int_equal(ex->far, 0);
	assert_int_equal(ex->hpfar, HPFAR(ipa));
	/* Neither flag fits a protected abort. */
	run->enter.flags = RMI_V1_0_REC_ENTER_FLAGS_INJECT_SEA_MASK;
	assert_rmi(rx_enter(x, 0), RMI_STATUS_ERROR_REC);
	run->enter.flags = RMI_V1_0_REC_ENTER_FLAGS_EMULATED_MMIO_MASK;
	assert_rmi(rx_enter(x, 0), RMI_STATUS_ERROR_REC);
	/* The host maps a (zeroed) page; the load completes and reads 0. */
	rt_data_unknown(x->f, ipa);
	run->enter.flags = 0;
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
	assert_int_equal(ex->imm, 1);
	assert_int_equal(ex->gprs[0], 0);
	rx_run_to_system_off(x, 0, 4);
}

/* The host answers an MMIO read with INJECT_SEA: the realm takes a data abort. */
static void inject_sea_after_mmio(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_run *run;
	struct rmi_v1_0_rec_exit *ex;

	rx_boot(x, "destroyed_access", RX_MMIO_IPA + 0x40);
	run = rx_run_page(x, 0);
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_SYNC);
	assert_true(ex->esr & ESR_ISV);
	assert_int_equal(ex->far, 0x40);
	/* Both flags: INJECT_SEA wins, EMULATED_MMIO is ignored. */
	run->enter.flags = RMI_V1_0_REC_ENTER_FLAGS_INJECT_SEA_MASK |
			   RMI_V1_0_REC_ENTER_FLAGS_EMULATED_MMIO_MASK;
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
	assert_int_equal(ex->imm, 0x5ea);
	assert_int_equal(ex->gprs[0] & 0x3f, 0x10);
	assert_int_equal(ex->gprs[1], RX_MMIO_IPA + 0x40);
	rx_run_to_system_off(x, 0, 4);
}

static void exit_immediately_counts_entries(void **state)
{
	struct rx *x = *state;

	rx_boot(x, "exit_immediately", 0);
	for (unsigned int i = 0; i < 50; i++) {
		struct rmi_v1_0_rec_exit *ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);

		assert_int_equal(ex->imm, 0);
	}
	/* x9 counts completed host calls: 49 returned so far, plus the initial 1. */
	assert_int_equal(realm_x(x, 0, 9), 50);
}

/* Fault injection forces an exit reason before any code runs. */
static void forced_exit(void **state)
{
	struct rx *x = *state;
	struct fault_plan *plan = fault_plan_new();
	struct fault_rule rule = { .command = "REC_ENTER", .iface = ABI_RMI, .nth = 1,
				   .action = FAULT_EXIT, .exit_reason = RMI_EXIT_REASON_FIQ };
	char err[128];

	assert_int_equal(fault_plan_add(plan, rmm_profile(x->f->rmm), &rule, err, sizeof(err),
					NULL, 0), 0);
	rmm_set_faults(x->f->rmm, plan);
	rx_boot(x, "host_call", 5);
	rx_enter_expect(x, 0, RMI_EXIT_REASON_FIQ);
	rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
	rmm_set_faults(x->f->rmm, NULL);
	fault_plan_free(plan);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(host_call_round_trip, rx_setup, rx_teardown),
		cmocka_unit_test_setup_teardown(mmio_exits, rx_setup, rx_teardown),
		cmocka_unit_test_setup_teardown(mmio_without_syndrome, rx_setup, rx_teardown),
		cmocka_unit_test_setup_teardown(measurement_read_extend, rx_setup, rx_teardown),
		cmocka_unit_test_setup_teardown(rsi_version_features_config, rx_setup, rx_teardown),
		cmocka_unit_test_setup_teardown(rsi_version_unsupported, rx_setup, rx_teardown),
		cmocka_unit_test_setup_teardown(rsi_call_on_unmapped_ram, rx_setup, rx_teardown),
		cmocka_unit_test_setup_teardown(wfi_trapped, rx_setup, rx_teardown),
		cmocka_unit_test_setup_teardown(virtual_irq_from_list_register, rx_setup, rx_teardown),
		cmocka_unit_test_setup_teardown(budget_ends_spin_with_irq, rx_setup, rx_teardown),
		cmocka_unit_test_setup_teardown(sea_for_empty_ipa, rx_setup, rx_teardown),
		cmocka_unit_test_setup_teardown(sea_beyond_ipa_space, rx_setup, rx_teardown),
		cmocka_unit_test_setup_teardown(sea_at_unfetchable_vector_ends_entry, rx_setup, rx_teardown),
		cmocka_unit_test_setup_teardown(protected_unmapped_ram_exit, rx_setup, rx_teardown),
		cmocka_unit_test_setup_teardown(inject_sea_after_mmio, rx_setup, rx_teardown),
		cmocka_unit_test_setup_teardown(exit_immediately_counts_entries, rx_setup, rx_teardown),
		cmocka_unit_test_setup_teardown(forced_exit, rx_setup, rx_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
