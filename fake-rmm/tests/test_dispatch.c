// SPDX-License-Identifier: BSD-3-Clause
/* Dispatch: unknown FIDs, any register values, VERSION and FEATURES. */
#include "fixture.h"

#include <stdlib.h>
#include <string.h>

static void unknown_fids_answer_smc_unknown(void **state)
{
	struct fix *f = *state;
	struct smc_regs r;

	/* Holes in the 1.0 range, RSI FIDs from the host, SMC32, garbage. */
	static const uint64_t fids[] = { 0xC4000156, 0xC4000160, 0xC4000163, 0xC400016A,
		0xC4000190, 0x84000150, 0, ~0ULL, 0xC4000150ULL | (1ULL << 32) };

	for (size_t i = 0; i < sizeof(fids) / sizeof(fids[0]); i++) {
		struct smc_regs in = { .x = { fids[i], 1, 2, 3 } };

		r = in;
		rmm_smc(f->rmm, &r);
		assert_int_equal(r.x[0], SMC_UNKNOWN);
		/* Other registers are left as they were. */
		assert_int_equal(r.x[1], 1);
		assert_int_equal(r.x[3], 3);
	}
}

static void v2_only_commands_unknown_in_1_0(void **state)
{
	struct fix *f = *state;

	assert_int_equal(fix_call(f, RMI_FID_GRANULE_RANGE_DELEGATE, 0, 0, 0, 0, 0, NULL),
			 SMC_UNKNOWN);
	assert_int_equal(fix_call(f, RMI_FID_REALM_TERMINATE, 0, 0, 0, 0, 0, NULL), SMC_UNKNOWN);
}

static void v1_only_commands_unknown_in_2_0(void **state)
{
	struct fix *f = *state;

	assert_int_equal(fix_call(f, RMI_FID_GRANULE_DELEGATE, 0, 0, 0, 0, 0, NULL), SMC_UNKNOWN);
	assert_int_equal(fix_call(f, RMI_FID_REC_AUX_COUNT, 0, 0, 0, 0, 0, NULL), SMC_UNKNOWN);
	assert_int_equal(fix_call(f, RMI_FID_DATA_DESTROY, 0, 0, 0, 0, 0, NULL), SMC_UNKNOWN);
}

/*
 * The dispatch table binds handlers to the profile's FIDs by name: a
 * command listed for its FID only (args: ~, device assignment and the
 * like, 2.0-bet3's PDEV_STREAM_INFO and VSMMU_EVENT_HANDLE) answers
 * SMC_UNKNOWN, and so does an FID the profile does not list (2.0-bet3 has
 * no VDEV_COMPLETE, 0xC400018E).  A command described with its arguments
 * does not.
 */
static void described_commands_only(void **state)
{
	struct fix *f = *state;
	const struct abi_profile *p = rmm_profile(f->rmm);
	unsigned int unknown = 0;

	for (unsigned int i = 0; i < p->ncommands; i++) {
		const struct abi_command *c = &p->commands[i];
		uint64_t x0;

		if (c->iface != ABI_RMI)
			continue;
		x0 = fix_call(f, c->fid, 0, 0, 0, 0, 0, NULL);
		if (!c->args_known) {
			if (x0 != SMC_UNKNOWN)
				fail_msg("%s (0x%x, no arguments described) answered 0x%llx", c->name,
					 c->fid, (unsigned long long)x0);
			unknown++;
		} else if (x0 == SMC_UNKNOWN) {
			fail_msg("%s (0x%x) has no handler", c->name, c->fid);
		}
	}
	/* 2.0 lists the device-assignment commands it does not describe. */
	if (!strcmp(p->family, "v2"))
		assert_true(unknown > 0);
	if (!abi_command_by_fid(p, 0xC400018E))
		assert_int_equal(fix_call(f, 0xC400018E, 0, 0, 0, 0, 0, NULL), SMC_UNKNOWN);
}

static void sve_hint_bit_is_ignored(void **state)
{
	struct fix *f = *state;
	struct smc_regs r;

	fix_call(f, RMI_FID_VERSION | (1u << 16), RMI_V1_0_RMI_VERSION, 0, 0, 0, 0, &r);
	assert_int_equal(r.x[0], 0);
	assert_int_equal(r.x[1], 0x10000);
}

/* Random registers at every FID of the range: nothing may crash. */
static void survives_any_registers(void **state)
{
	struct fix *f = *state;
	unsigned int seed = 1;
	char msg[256];

	for (int i = 0; i < 20000; i++) {
		struct smc_regs r;

		r.x[0] = 0xC4000150 + (rand_r(&seed) % 0xC0);
		for (int j = 1; j < SMC_NREGS; j++) {
			uint64_t v = ((uint64_t)rand_r(&seed) << 32) ^ (uint64_t)rand_r(&seed);

			/* Half the time, point into the arena to reach deeper checks. */
			if (rand_r(&seed) & 1)
				v = pmem_pa_base(f->pm) + (v % FIX_ARENA_SIZE);
			if (rand_r(&seed) % 4 == 0)
				v &= ~0xfffULL;
			r.x[j] = v;
		}
		rmm_smc(f->rmm, &r);
	}
	assert_int_equal(rmm_check_invariants(f->rmm, msg, sizeof(msg)), 0);
}

static void version_1_0(void **state)
{
	struct fix *f = *state;
	struct smc_regs r;

	assert_int_equal(fix_call(f, RMI_FID_VERSION, 0x10000, 0, 0, 0, 0, &r), 0);
	assert_int_equal(r.x[1], 0x10000);
	assert_int_equal(r.x[2], 0x10000);
	/* Any other revision: ERROR_INPUT, but the range is still reported. */
	assert_int_equal(fix_call(f, RMI_FID_VERSION, 0x20000, 0, 0, 0, 0, &r), 1);
	assert_int_equal(r.x[1], 0x10000);
	assert_int_equal(r.x[2], 0x10000);
	assert_int_equal(fix_call(f, RMI_FID_VERSION, 0x10001, 0, 0, 0, 0, &r), 1);
	assert_int_equal(fix_call(f, RMI_FID_VERSION, 0, 0, 0, 0, 0, &r), 1);
}

static void version_2_0(void **state)
{
	struct fix *f = *state;
	struct smc_regs r;

	assert_int_equal(fix_call(f, RMI_FID_VERSION, 0x20000, 0, 0, 0, 0, &r), 0);
	assert_int_equal(r.x[1], 0x20000);
	assert_int_equal(r.x[2], 0x20000);
	assert_int_equal(fix_call(f, RMI_FID_VERSION, 0x10000, 0, 0, 0, 0, &r), 1);
	assert_int_equal(r.x[2], 0x20000);
	assert_int_equal(fix_call(f, RMI_FID_VERSION, 0x30000, 0, 0, 0, 0, &r), 1);
}

static void features_1_0(void **state)
{
	struct fix *f = *state;
	struct smc_regs r;
	uint64_t v;

	assert_int_equal(fix_call(f, RMI_FID_FEATURES, 0, 0, 0, 0, 0, &r), 0);
	v = r.x[1];
	assert_int_equal((v & RMI_V1_0_FEATURE_REGISTER_0_S2SZ_MASK) >>
			 RMI_V1_0_FEATURE_REGISTER_0_S2SZ_SHIFT, 44);
	assert_true(v & RMI_V1_0_FEATURE_REGISTER_0_HASH_SHA_256_MASK);
	assert_true(v & RMI_V1_0_FEATURE_REGISTER_0_HASH_SHA_512_MASK);
	/* GICV3_NUM_LRS holds the count minus one (16 LRs -> 15). */
	assert_int_equal((v & RMI_V1_0_FEATURE_REGISTER_0_GICV3_NUM_LRS_MASK) >>
			 RMI_V1_0_FEATURE_REGISTER_0_GICV3_NUM_LRS_SHIFT, 15);
	assert_int_equal((v & RMI_V1_0_FEATURE_REGISTER_0_MAX_RECS_ORDER_MASK) >>
			 RMI_V1_0_FEATURE_REGISTER_0_MAX_RECS_ORDER_SHIFT, 10);
	assert_int_equal(v & RMI_V1_0_FEATURE_REGISTER_0_RESERVED_MASK, 0);
	/* Other indices read as zero. */
	for (uint64_t i = 1; i < 8; i++) {
		assert_int_equal(fix_call(f, RMI_FID_FEATURES, i, 0, 0, 0, 0, &r), 0);
		assert_int_equal(r.x[1], 0);
	}
	assert_int_equal(fix_call(f, RMI_FID_FEATURES, ~0ULL, 0, 0, 0, 0, &r), 0);
	assert_int_equal(r.x[1], 0);
}

static void features_2_0(void **state)
{
	struct fix *f = *state;
	struct smc_regs r;

	assert_int_equal(fix_call(f, RMI_FID_FEATURES, 1, 0, 0, 0, 0, &r), 0);
	assert_true(r.x[1] & RMI_V2_FEATURE_REGISTER_1_RMI_GRAN_SZ_4KB_MASK);
	assert_false(r.x[1] & RMI_V2_FEATURE_REGISTER_1_RMI_GRAN_SZ_16KB_MASK);
	assert_int_equal(fix_call(f, RMI_FID_FEATURES, 0, 0, 0, 0, 0, &r), 0);
	/*
	 * The hash bits moved to register 1 in 2.0: bits 32 and up hold only
	 * what the profile describes there (2.0-bet3's L0GPT_BLOCK_DELEGATE, S2OASZ).
	 */
	assert_int_equal(r.x[1] >> 32,
			 abi_bits_put(abi_bits(rmm_profile(f->rmm), "feature_register_0", "S2OASZ"),
				      48) >> 32);
	assert_int_equal(fix_call(f, RMI_FID_FEATURES, 3, 0, 0, 0, 0, &r), 0);
	assert_int_equal(r.x[1], 0);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest v1[] = {
		cmocka_unit_test_setup_teardown(unknown_fids_answer_smc_unknown, fix_setup_v1, fix_teardown),
		cmocka_unit_test_setup_teardown(v2_only_commands_unknown_in_1_0, fix_setup_v1, fix_teardown),
		cmocka_unit_test_setup_teardown(described_commands_only, fix_setup_v1, fix_teardown),
		cmocka_unit_test_setup_teardown(sve_hint_bit_is_ignored, fix_setup_v1, fix_teardown),
		cmocka_unit_test_setup_teardown(survives_any_registers, fix_setup_v1, fix_teardown),
		cmocka_unit_test_setup_teardown(version_1_0, fix_setup_v1, fix_teardown),
		cmocka_unit_test_setup_teardown(features_1_0, fix_setup_v1, fix_teardown),
	};
	const struct CMUnitTest v2[] = {
		cmocka_unit_test_setup_teardown(described_commands_only, fix_setup_v2, fix_teardown),
		cmocka_unit_test_setup_teardown(v1_only_commands_unknown_in_2_0, fix_setup_v2, fix_teardown),
		cmocka_unit_test_setup_teardown(survives_any_registers, fix_setup_v2, fix_teardown),
		cmocka_unit_test_setup_teardown(version_2_0, fix_setup_v2, fix_teardown),
		cmocka_unit_test_setup_teardown(features_2_0, fix_setup_v2, fix_teardown),
	};
	int fails = cmocka_run_group_tests_name("dispatch_1_0", v1, NULL, NULL);

	fails += fix_run_v2_group("dispatch_2_0", v2, argc, argv);
	return fails ? 1 : 0;
}
