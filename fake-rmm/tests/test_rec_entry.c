// SPDX-License-Identifier: BSD-3-Clause
/*
 * REC_ENTER (1.0) of a REC whose entry PC the realm cannot fetch yet
 * (DEN0137 "Realm exception model": an instruction fetch from a protected
 * IPA whose RIPAS is RAM but which is not mapped is an instruction abort
 * REC exit; RIPAS EMPTY, an unprotected IPA or one beyond the IPA space
 * gives the realm a synchronous external abort).  The entry_vectors guest
 * sits at IPA 0, where VBAR_EL1 points at reset, and reports what its
 * vector took.
 */
#include "rec_fixture.h"

#include <string.h>

#define ENTRY_IPA 0x400000ULL
#define HPFAR(ipa) (((ipa) >> 12) << 4)
#define EC_IABT_LOW 0x20ULL
#define EC_IABT_CUR 0x21ULL
#define ESR_IL (1ULL << 25)
#define FSC_SEA 0x10ULL
#define FSC_TRANSLATION_L3 0x07ULL

/* entry_vectors at IPA 0 and one runnable REC entering at `pc`. */
static void boot_at(struct rx *x, uint64_t pc)
{
	struct rx_rec_args a = { .flags = RMI_V1_0_REC_PARAMS_FLAGS_RUNNABLE_MASK, .pc = pc };
	uint64_t rec;

	rx_load(x, "entry_vectors", 0);
	assert_rmi(rx_rec_create_with(x, &a, &rec), 0);
	x->rec[0] = rec;
	x->run[0] = fix_alloc(x->f);
	x->nrec = 1;
	rx_activate(x);
}

/* The realm's vector reported a synchronous exception: ESR, ELR, FAR. */
static void expect_vector(struct rx *x, uint64_t esr, uint64_t elr, uint64_t far)
{
	struct rmi_v1_0_rec_exit *ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);

	assert_int_equal(ex->imm, 0xe1);
	assert_int_equal(ex->gprs[0], esr);
	assert_int_equal(ex->gprs[1], elr);
	if (far != ~0ULL)
		assert_int_equal(ex->gprs[2], far);
	rx_run_to_system_off(x, 0, 4);
}

/* RIPAS RAM, not populated: an instruction abort exit; once mapped the fetch succeeds. */
static void entry_pc_unpopulated_ram(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_exit *ex;

	rt_tables(x->f, ENTRY_IPA, 3);
	assert_rmi(rc(x->f, RMI_FID_RTT_INIT_RIPAS, x->f->rd, ENTRY_IPA, ENTRY_IPA + GRAN, 0, 0,
		      NULL), 0);
	boot_at(x, ENTRY_IPA);
	for (unsigned int i = 0; i < 2; i++) {	/* the same until the host maps it */
		ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_SYNC);
		assert_int_equal(ex->esr, (EC_IABT_LOW << 26) | FSC_TRANSLATION_L3);
		assert_int_equal(ex->hpfar, HPFAR(ENTRY_IPA));
		assert_int_equal(ex->far, 0);
		assert_int_equal(ex->gprs[0], 0);
	}
	/* Neither flag answers an instruction abort. */
	rx_run_page(x, 0)->enter.flags = RMI_V1_0_REC_ENTER_FLAGS_INJECT_SEA_MASK;
	assert_rmi(rx_enter(x, 0), RMI_STATUS_ERROR_REC);
	rx_run_page(x, 0)->enter.flags = 0;
	/* A zeroed page: the fetch now succeeds and runs UDF #0 (an UNDEF for the realm). */
	rt_data_unknown(x->f, ENTRY_IPA);
	expect_vector(x, ESR_IL, ENTRY_IPA, ~0ULL);
}

/* RIPAS EMPTY: the realm takes an SEA on the fetch, no exit. */
static void entry_pc_empty_sea(void **state)
{
	struct rx *x = *state;

	rt_tables(x->f, ENTRY_IPA, 3);
	boot_at(x, ENTRY_IPA);
	expect_vector(x, (EC_IABT_CUR << 26) | ESR_IL | FSC_SEA, ENTRY_IPA, ENTRY_IPA);
}

/* An unprotected IPA cannot hold realm code: SEA as well. */
static void entry_pc_unprotected_sea(void **state)
{
	struct rx *x = *state;

	boot_at(x, RX_MMIO_IPA + 0x40);
	expect_vector(x, (EC_IABT_CUR << 26) | ESR_IL | FSC_SEA, RX_MMIO_IPA + 0x40,
		      RX_MMIO_IPA + 0x40);
}

/* Beyond the realm's IPA space (s2sz 40): SEA. */
static void entry_pc_beyond_ipa_space(void **state)
{
	struct rx *x = *state;

	boot_at(x, 1ULL << 40);
	expect_vector(x, (EC_IABT_CUR << 26) | ESR_IL | FSC_SEA, 1ULL << 40, 1ULL << 40);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, rx_setup, rx_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(entry_pc_unpopulated_ram), T(entry_pc_empty_sea), T(entry_pc_unprotected_sea),
		T(entry_pc_beyond_ipa_space),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
