// SPDX-License-Identifier: BSD-3-Clause
/*
 * The platform memory map and PA size (rmm_platform.pa_bits, .mem_map), on
 * every profile: what rmm_create() refuses; that only the arena is
 * delegable (MMIO, Secure memory, NS DRAM outside the arena, holes and
 * PAs past 2^pa_bits answer ERROR_INPUT, for delegation, a params page and
 * a DATA_CREATE / RTT_DATA_MAP_INIT source); that the PA size, not a constant,
 * bounds the stage-2 start level (level 0 needs 44 bits) and FEATURES.S2SZ;
 * and on 2.0 what GRANULE_TRACKING_GET reports of each kind and where the
 * PA space ends for it, GPT_L1_CREATE and GPT_INFO.
 */
#include "fixture.h"
#include "v2_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BASE 0x80000000ULL	/* 2 GiB: below a 40-bit PA space */
#define MMIO_BASE 0x08000000ULL
#define SECURE_BASE 0x0e000000ULL
#define RANGE_16M 0x01000000ULL
#define DRAM_BASE 0x100000000ULL	/* 4 GiB, 1 GiB of NS DRAM */
#define DRAM_SIZE 0x40000000ULL
#define HOLE 0x20000000ULL
#define PA40 (1ULL << 40)

static const struct rmm_mem_range map[] = {
	{ DRAM_BASE, DRAM_SIZE, RMM_MEM_NS_DRAM },
	{ MMIO_BASE, RANGE_16M, RMM_MEM_MMIO },
	{ SECURE_BASE, RANGE_16M, RMM_MEM_SECURE },
};

static const char *profile;

static bool is_v1(void)
{
	return !strcmp(profile, "1.0");
}

/* An arena at ARENA_BASE and an RMM on `pl` (booted on 2.0); NULL and err if refused. */
static struct fix *open_platform(const struct rmm_platform *pl, const struct rmm_features *feat,
				 char *err, size_t errlen)
{
	struct pmem_config pc = { .size = FIX_ARENA_SIZE, .pa_base = ARENA_BASE };
	struct rmm_config rc = { .profile = profile };
	struct fix *f = calloc(1, sizeof(*f));

	assert_non_null(f);
	f->pm = pmem_create(&pc, err, errlen);
	if (!f->pm)
		fail_msg("pmem_create: %s", err);
	rc.pmem = f->pm;
	rc.platform = *pl;
	if (feat) {
		rc.features = *feat;
		rc.features_set = true;
	}
	f->rmm = rmm_create(&rc, err, errlen);
	if (!f->rmm) {
		pmem_destroy(f->pm);
		free(f);
		return NULL;
	}
	f->profile = profile;
	f->next = ARENA_BASE;
	if (!is_v1()) {
		assert_rmi(fix_call(f, RMI_FID_RMM_CONFIG_SET, fix_alloc(f), 0, 0, 0, 0, NULL), 0);
		assert_rmi(fix_call(f, RMI_FID_RMM_ACTIVATE, 0, 0, 0, 0, 0, NULL), 0);
	}
	return f;
}

static struct fix *open_ok(const struct rmm_platform *pl, const struct rmm_features *feat)
{
	char err[256];
	struct fix *f = open_platform(pl, feat, err, sizeof(err));

	if (!f)
		fail_msg("rmm_create: %s", err);
	return f;
}

static void close_fix(struct fix *f)
{
	void *state = f;

	fix_teardown(&state);
}

static struct rmm_platform mapped40(void)
{
	struct rmm_platform pl = { .pa_bits = 40, .mem_map = map, .mem_map_len = 3 };

	return pl;
}

/* rmm_create refuses, with `what` in the message; rmm_platform_check names range `bad`. */
static void refused(const struct rmm_platform *pl, const struct rmm_features *feat,
		    const char *what, int bad)
{
	char err[256];
	int idx = 99;
	struct fix *f = open_platform(pl, feat, err, sizeof(err));

	assert_null(f);
	if (!strstr(err, what))
		fail_msg("\"%s\" does not say \"%s\"", err, what);
	if (!feat) {
		assert_int_equal(rmm_platform_check(pl, ARENA_BASE, FIX_ARENA_SIZE, &idx, err,
						    sizeof(err)), -1);
		assert_int_equal(idx, bad);
	}
}

static void create_checks_the_map(void **state)
{
	struct rmm_mem_range bad[2] = { { 0x1000, 0x1000, RMM_MEM_MMIO } };
	struct rmm_platform pl = { .pa_bits = 40, .mem_map = bad, .mem_map_len = 1 };
	struct rmm_features feat;
	int idx = 99;
	char err[256];

	(void)state;
	pl.pa_bits = 41;
	refused(&pl, NULL, "pa_bits 41", -1);
	pl.pa_bits = 40;
	bad[0].base = 0x1800;
	refused(&pl, NULL, "whole 4 KiB granules", 0);
	bad[0].base = 0x1000;
	bad[0].size = 0;
	refused(&pl, NULL, "whole 4 KiB granules", 0);
	bad[0].size = 0x1000;
	bad[0].kind = (enum rmm_mem_kind)7;
	refused(&pl, NULL, "no kind", 0);
	bad[0].kind = RMM_MEM_SECURE;
	bad[0].base = PA40 - 0x1000;
	bad[0].size = 0x2000;
	refused(&pl, NULL, "not below 2^40", 0);
	bad[0].base = ~0ULL & ~0xfffULL;	/* base + size wraps */
	refused(&pl, NULL, "not below 2^40", 0);
	bad[0].base = ARENA_BASE + FIX_ARENA_SIZE - 0x1000;
	refused(&pl, NULL, "overlaps the arena", 0);
	bad[0].base = 0x1000;
	bad[1] = (struct rmm_mem_range){ 0, 0x3000, RMM_MEM_NS_DRAM };
	pl.mem_map_len = 2;
	refused(&pl, NULL, "overlaps range 0", 1);
	pl.mem_map_len = RMM_MEM_MAP_MAX + 1;
	refused(&pl, NULL, "at most", -1);
	/* The arena itself must be inside the PA space. */
	pl = (struct rmm_platform){ .pa_bits = 32 };
	assert_int_equal(rmm_platform_check(&pl, 1ULL << 40, FIX_ARENA_SIZE, &idx, err,
					    sizeof(err)), -1);
	assert_int_equal(idx, -1);
	assert_non_null(strstr(err, "not below 2^32"));
	/* FEATURES.S2SZ above the PA size. */
	rmm_default_features(&feat);
	feat.s2sz = 44;
	pl.pa_bits = 40;
	refused(&pl, &feat, "S2SZ 44 is above pa_bits 40", -1);
	/* Adjacent ranges and the full map are fine. */
	pl = mapped40();
	assert_int_equal(rmm_platform_check(&pl, ARENA_BASE, FIX_ARENA_SIZE, &idx, err,
					    sizeof(err)), 0);
	close_fix(open_ok(&pl, NULL));
}

/* Only the arena is delegable: every other kind of PA answers ERROR_INPUT. */
static void only_the_arena_is_delegable(void **state)
{
	struct rmm_platform pl = mapped40();
	struct fix *f = open_ok(&pl, NULL);
	const uint64_t outside[] = {
		MMIO_BASE, MMIO_BASE + RANGE_16M - 0x1000, SECURE_BASE, DRAM_BASE,
		DRAM_BASE + DRAM_SIZE - 0x1000, HOLE, PA40 - 0x1000, PA40, 1ULL << 47,
	};

	(void)state;
	for (size_t i = 0; i < sizeof(outside) / sizeof(outside[0]); i++) {
		assert_rmi(fix_delegate(f, outside[i]), RMI_STATUS_ERROR_INPUT);
		assert_int_equal(rmm_granule_state(f->rmm, outside[i]), GRANULE_INVALID);
	}
	assert_rmi(fix_delegate(f, fix_alloc(f)), 0);
	close_fix(f);
}

/* An NS page the RMM must read (REALM_CREATE's params) outside the arena: ERROR_INPUT. */
static void params_outside_the_arena(void **state)
{
	struct rmm_platform pl = mapped40();
	struct fix *f = open_ok(&pl, NULL);
	uint64_t rd = fix_alloc_delegated(f);
	const uint64_t outside[] = { DRAM_BASE, MMIO_BASE, SECURE_BASE, HOLE, PA40 };

	(void)state;
	for (size_t i = 0; i < sizeof(outside) / sizeof(outside[0]); i++)
		assert_rmi(is_v1() ? fix_call(f, RMI_FID_REALM_CREATE, rd, outside[i], 0, 0, 0, NULL)
				   : v2_op(f, RMI_FID_REALM_CREATE, rd, outside[i], 0, NULL),
			   RMI_STATUS_ERROR_INPUT);
	assert_int_equal(rmm_granule_state(f->rmm, rd), GRANULE_DELEGATED);
	close_fix(f);
}

static uint64_t create(struct fix *f, unsigned int s2sz, int level, unsigned int num_start)
{
	struct realm_desc d;

	realm_desc_default(&d);
	d.s2sz = s2sz;
	d.level = level;
	d.num_start = num_start;
	return fix_realm_create(f, &d);
}

/*
 * DATA_CREATE (1.0) / RTT_DATA_MAP_INIT (2.0) from an NS source outside
 * the arena: ERROR_INPUT, the data granule left DELEGATED; the same call
 * from the arena succeeds.  The RMM has no NS DRAM outside the arena to
 * read, and does not pretend to (no zero-filled copy).
 */
static void data_source_outside_the_arena(void **state)
{
	struct rmm_platform pl = mapped40();
	struct fix *f = open_ok(&pl, NULL);
	const uint64_t outside[] = { DRAM_BASE, MMIO_BASE, SECURE_BASE, HOLE, PA40 };
	const struct abi_command *cmd = abi_command_by_name(rmm_profile(f->rmm), ABI_RMI,
							    is_v1() ? "DATA_CREATE" : "RTT_DATA_MAP_INIT");
	uint64_t data, src;

	(void)state;
	assert_non_null(cmd);
	assert_rmi(create(f, 40, 1, 2), 0);
	rt_tables(f, 0, 3);
	data = is_v1() ? fix_alloc_delegated(f) : rt_v2_delegated(f);
	for (size_t i = 0; i < sizeof(outside) / sizeof(outside[0]); i++) {
		assert_rmi(fix_call(f, cmd->fid, f->rd, data, 0, outside[i], 0, NULL),
			   RMI_STATUS_ERROR_INPUT);
		assert_int_equal(rmm_granule_state(f->rmm, data), GRANULE_DELEGATED);
	}
	src = rt_src(f, 0x5a);
	assert_rmi(fix_call(f, cmd->fid, f->rd, data, 0, src, 0, NULL), 0);
	assert_int_equal(rmm_granule_state(f->rmm, data), GRANULE_DATA);
	close_fix(f);
}

/* A stage-2 walk starts at level 0 only on a PA space of 44 bits or more. */
static void start_level_follows_pa_bits(void **state)
{
	struct rmm_platform pl = { .pa_bits = 40 };
	struct smc_regs r;
	struct fix *f = open_ok(&pl, NULL);

	(void)state;
	/* Default features on a 40-bit platform: FEATURES.S2SZ says 40. */
	assert_rmi(fix_call(f, RMI_FID_FEATURES, 0, 0, 0, 0, 0, &r), 0);
	assert_int_equal(r.x[1] & 0xff, 40);
	assert_rmi(create(f, 40, 0, 1), RMI_STATUS_ERROR_INPUT);
	assert_rmi(create(f, 40, 1, 2), 0);
	close_fix(f);

	pl.pa_bits = 44;
	f = open_ok(&pl, NULL);
	assert_rmi(fix_call(f, RMI_FID_FEATURES, 0, 0, 0, 0, 0, &r), 0);
	assert_int_equal(r.x[1] & 0xff, 44);
	assert_rmi(create(f, 40, 0, 1), 0);
	close_fix(f);
}

static uint64_t mem_category_none(void)
{
	/* 2.0-bet3 has MEM_CATEGORY_NONE; 2.0-bet1 has conventional and device memory only. */
	return !strcmp(profile, "2.0-bet3") ? 3 : V2(MEM_CATEGORY_CONVENTIONAL);
}

static void tracking(struct fix *f, uint64_t base, uint64_t top, uint64_t category,
		     uint64_t tracking_state, uint64_t region_top)
{
	struct smc_regs r;

	assert_rmi(fix_call(f, RMI_FID_GRANULE_TRACKING_GET, base, top, 0, 0, 0, &r), 0);
	assert_int_equal(r.x[1], category);
	assert_int_equal(r.x[2], tracking_state);
	assert_int_equal(r.x[3], region_top);
}

/* 2.0: GRANULE_TRACKING_GET by kind; the PA space ends at 2^pa_bits. */
static void tracking_get_by_kind(void **state)
{
	struct rmm_platform pl = mapped40();
	struct fix *f;
	const uint64_t conv = V2(MEM_CATEGORY_CONVENTIONAL), none = V2(TRACKING_STATE_NONE);
	const struct abi_command *gpt_info;
	/* Where Secure memory is a category of its own, it ends the holes around it. */
	bool bet3 = !strcmp(profile, "2.0-bet3");

	(void)state;
	if (is_v1())
		skip();
	f = open_ok(&pl, NULL);
	/* A hole up to the MMIO range, MMIO, another hole, Secure memory, a hole up to the arena. */
	tracking(f, 0, PA40 - 0x1000, conv, none, MMIO_BASE);
	tracking(f, MMIO_BASE, PA40 - 0x1000, V2(MEM_CATEGORY_DEV_NCOH), none, MMIO_BASE + RANGE_16M);
	tracking(f, MMIO_BASE + RANGE_16M, PA40 - 0x1000, conv, none, bet3 ? SECURE_BASE : ARENA_BASE);
	tracking(f, SECURE_BASE, PA40 - 0x1000, mem_category_none(), none,
		 bet3 ? SECURE_BASE + RANGE_16M : ARENA_BASE);
	/* The arena: FINE to its end; NS DRAM outside it and the holes around it: untracked. */
	tracking(f, ARENA_BASE, PA40 - 0x1000, conv, V2(TRACKING_STATE_FINE),
		 ARENA_BASE + FIX_ARENA_SIZE);
	tracking(f, ARENA_BASE + FIX_ARENA_SIZE, DRAM_BASE + 0x1000, conv, none, DRAM_BASE + 0x1000);
	tracking(f, DRAM_BASE, PA40 - 0x1000, conv, none, PA40 - 0x1000);
	/* The end of a 40-bit PA space. */
	assert_rmi(fix_call(f, RMI_FID_GRANULE_TRACKING_GET, DRAM_BASE, PA40, 0, 0, 0, NULL),
		   RMI_STATUS_ERROR_INPUT);
	assert_rmi(fix_call(f, RMI_FID_GRANULE_TRACKING_GET, PA40, PA40 + 0x1000, 0, 0, 0, NULL),
		   RMI_STATUS_ERROR_INPUT);
	assert_rmi(fix_call(f, RMI_FID_GPT_L1_CREATE, PA40, 0, 0, 0, 0, NULL),
		   RMI_STATUS_ERROR_INPUT);
	assert_rmi(fix_call(f, RMI_FID_GPT_L1_CREATE, PA40 - (1ULL << 30), 0, 0, 0, 0, NULL),
		   V2(STATUS_ERROR_GPT));
	gpt_info = abi_command_by_name(rmm_profile(f->rmm), ABI_RMI, "GPT_INFO");
	if (gpt_info) {
		assert_rmi(fix_call(f, gpt_info->fid, 0, PA40, 0, 0, 0, NULL),
			   RMI_STATUS_ERROR_INPUT);
		assert_rmi(fix_call(f, gpt_info->fid, 0, PA40 - (1ULL << 30), 0, 0, 0, NULL), 0);
	}
	close_fix(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(create_checks_the_map),
		cmocka_unit_test(only_the_arena_is_delegable),
		cmocka_unit_test(params_outside_the_arena),
		cmocka_unit_test(data_source_outside_the_arena),
		cmocka_unit_test(start_level_follows_pa_bits),
		cmocka_unit_test(tracking_get_by_kind),
	};
	int failed = 0;

	for (unsigned int i = 0; i < abi_nprofiles; i++) {
		char group[64];

		profile = abi_profiles[i]->name;
		fix_v2_profile = profile;
		snprintf(group, sizeof(group), "platform_map [%s]", profile);
		failed += _cmocka_run_group_tests(group, tests, sizeof(tests) / sizeof(tests[0]),
						  NULL, NULL);
	}
	return failed;
}
