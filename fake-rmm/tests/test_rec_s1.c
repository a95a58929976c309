// SPDX-License-Identifier: BSD-3-Clause
/*
 * Stage-1 address size faults (1.0): an output address beyond TCR_EL1.IPS,
 * or an access with the MMU off at or above the PA size (44 bits), is the
 * realm's own address size fault (DFSC 0b0000xx at the walk level), taken
 * to its EL1 vector - not the external abort the RMM injects for an IPA
 * beyond the realm's IPA space.  FEAT_HAFDBS is absent and says so: a
 * realm that sets TCR_EL1.HA/HD anyway takes the access flag fault.  The
 * s1_addr_size guest builds its tables in the page at RX_DATA_IPA and
 * reports what its vector took.
 */
#include "rec_fixture.h"

#define ESR_DABT_CUR(dfsc) ((0x25ULL << 26) | (1ULL << 25) | (dfsc))
#define DFSC_ADDR_SIZE(level) (level)
#define DFSC_SEA 0x10
#define DFSC_ACCESS_FLAG(level) (0x08 | (level))

static void expect_fault(struct rx *x, uint64_t oa, uint64_t ips, uint64_t mmu_off,
			 uint64_t esr, uint64_t far)
{
	const uint64_t gprs[8] = { RX_DATA_IPA, oa, ips, mmu_off };
	struct rmi_v1_0_rec_exit *ex;

	rx_load(x, "s1_addr_size", RX_CODE_IPA);
	rx_ram_page(x, RX_DATA_IPA);
	rx_rec_gprs(x, gprs);
	rx_activate(x);
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
	assert_int_equal(ex->imm, 0x5a);
	if (ex->gprs[0] != esr)
		fail_msg("ESR_EL1 0x%llx, expected 0x%llx", (unsigned long long)ex->gprs[0],
			 (unsigned long long)esr);
	assert_int_equal(ex->gprs[1], far);
	assert_int_equal(ex->gprs[3] & 0xf, 0);		/* ID_AA64MMFR1_EL1.HAFDBS */
	rx_run_to_system_off(x, 0, 4);
}

/* IPS 32 bits, a level-1 block at 4 GiB: address size fault at level 1, FAR the VA. */
static void output_beyond_ips(void **state)
{
	expect_fault(*state, 1ULL << 32, 0, 0, ESR_DABT_CUR(DFSC_ADDR_SIZE(1)), 1ULL << 30);
}

/* MMU off, at the PA size: address size fault at level 0. */
static void mmu_off_beyond_pa_size(void **state)
{
	expect_fault(*state, 1ULL << 44, 0, 1, ESR_DABT_CUR(DFSC_ADDR_SIZE(0)), 1ULL << 44);
}

/* MMU off, inside the PA size but beyond the realm's 40-bit IPA space: the RMM's SEA. */
static void mmu_off_beyond_ipa_space_sea(void **state)
{
	expect_fault(*state, 1ULL << 41, 0, 1, ESR_DABT_CUR(DFSC_SEA), 1ULL << 41);
}

/* TCR_EL1.HA/HD set on a CPU without FEAT_HAFDBS: RES0, the access flag fault stays. */
static void no_hardware_access_flag(void **state)
{
	expect_fault(*state, 0, 0, 2, ESR_DABT_CUR(DFSC_ACCESS_FLAG(1)), 1ULL << 30);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, rx_setup, rx_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(output_beyond_ips), T(mmu_off_beyond_pa_size), T(mmu_off_beyond_ipa_space_sea),
		T(no_hardware_access_flag),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
