// SPDX-License-Identifier: BSD-3-Clause
/*
 * 2.0 boot: the sequence the v14 host runs (arm64_init_rmi()),
 * RMM_CONFIG_SET / GET, RMM_ACTIVATE and the global-state gate,
 * GRANULE_TRACKING_GET, GPT_L1_CREATE, and range (un)delegation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cca-double/fault.h>

#include "v2_fixture.h"

#define L0GPT_1G (1ULL << 30)

/* A 2.0 RMM straight out of reset (INIT state, not configured). */
static int setup_init(void **state)
{
	struct pmem_config pc = { .size = FIX_ARENA_SIZE };

	return fix_setup_with(state, fix_v2_profile, &pc, false);
}

static uint64_t arena_base(struct fix *f)
{
	return pmem_pa_base(f->pm);
}

static uint64_t arena_top(struct fix *f)
{
	return pmem_pa_base(f->pm) + pmem_size(f->pm);
}

static uint64_t config_page(struct fix *f, uint64_t tracking, uint64_t granule)
{
	uint64_t pa = fix_alloc(f);
	struct rmi_v2_rmm_config *c = pmem_host_ptr(f->pm, pa);

	c->tracking_region_size = tracking;
	c->rmi_granule_size = granule;
	return pa;
}

/* A FEATURES field of the profile (0 and absent: width 0). */
static uint64_t feature(struct fix *f, unsigned int reg, const char *field)
{
	char name[32];
	struct smc_regs r;

	snprintf(name, sizeof(name), "feature_register_%u", reg);
	assert_rmi(fix_call(f, RMI_FID_FEATURES, reg, 0, 0, 0, 0, &r), 0);
	return abi_bits_get(abi_bits(rmm_profile(f->rmm), name, field), r.x[1]);
}

/*
 * Fields only some 2.0 revisions have sit where the profile says, and a
 * revision without them sees those bits 0: 2.0-bet3's S2OASZ (the output
 * address width RTT_DATA_MAP accepts: 48 without LPA2), L0GPT_BLOCK_DELEGATE
 * (0: static GPT), REALM_MAX_VDEVS_ORDER and RTT_PLANE (0: no DA, no planes).
 */
static void features_of_the_profile(void **state)
{
	struct fix *f = *state;
	const struct abi_profile *p = rmm_profile(f->rmm);
	struct smc_regs r;

	assert_rmi(fix_call(f, RMI_FID_FEATURES, 0, 0, 0, 0, 0, &r), 0);
	if (abi_bits(p, "feature_register_0", "S2OASZ").width) {
		assert_int_equal(feature(f, 0, "S2OASZ"), 48);
		assert_int_equal(feature(f, 0, "L0GPT_BLOCK_DELEGATE"), 0);
		assert_int_equal(r.x[1] >> 32, 48ULL << 1);
	} else {
		assert_int_equal(r.x[1] >> 32, 0);
	}
	assert_int_equal(feature(f, 0, "S2SZ"), 44);
	assert_int_equal(feature(f, 2, "REALM_MAX_VDEVS_ORDER"), 0);
	assert_int_equal(feature(f, 3, "RTT_PLANE"), 0);
	for (unsigned int reg = 2; reg <= 4; reg++) {
		assert_rmi(fix_call(f, RMI_FID_FEATURES, reg, 0, 0, 0, 0, &r), 0);
		assert_int_equal(r.x[1], 0);
	}
}

/* What arch/arm64/kernel/rmi.c does at boot, in order. */
static void v14_boot_sequence(void **state)
{
	struct fix *f = *state;
	uint64_t start = arena_base(f), end = arena_top(f), l0gpt;
	struct smc_regs r;
	unsigned int calls = 0;

	assert_rmi(fix_call(f, RMI_FID_VERSION, 0x20000, 0, 0, 0, 0, &r), 0);
	assert_int_equal(r.x[1], 0x20000);
	assert_int_equal(r.x[2], 0x20000);
	assert_rmi(fix_call(f, RMI_FID_FEATURES, 0, 0, 0, 0, 0, &r), 0);
	assert_int_equal(r.x[1] & V2(FEATURE_REGISTER_0_S2SZ_MASK), 44);
	assert_rmi(fix_call(f, RMI_FID_FEATURES, 1, 0, 0, 0, 0, &r), 0);
	assert_true(r.x[1] & V2(FEATURE_REGISTER_1_RMI_GRAN_SZ_4KB_MASK));
	l0gpt = L0GPT_1G << ((r.x[1] & V2(FEATURE_REGISTER_1_L0GPTSZ_MASK)) >>
			     V2(FEATURE_REGISTER_1_L0GPTSZ_SHIFT));
	/* rmi_granule_size = host PAGE_SIZE (4K), tracking size left 0 */
	assert_rmi(fix_call(f, RMI_FID_RMM_CONFIG_SET, config_page(f, 0, 0), 0, 0, 0, 0, NULL), 0);
	assert_rmi(fix_call(f, RMI_FID_RMM_ACTIVATE, 0, 0, 0, 0, 0, NULL), 0);
	/* For the memblock region: TRACKING_GET until the region is covered. */
	for (uint64_t s = start; s < end; s = r.x[3]) {
		assert_rmi(fix_call(f, RMI_FID_GRANULE_TRACKING_GET, s, end, 0, 0, 0, &r), 0);
		assert_int_equal(r.x[1], V2(MEM_CATEGORY_CONVENTIONAL));
		assert_int_equal(r.x[2], V2(TRACKING_STATE_FINE));
		assert_true(r.x[3] > s && r.x[3] <= end);
		assert_true(++calls < 8);
	}
	/* GPT_L1_CREATE for every L0GPT block the region overlaps: 0 or ERROR_GPT. */
	for (uint64_t b = start & ~(l0gpt - 1); b < end; b += l0gpt)
		assert_rmi(fix_call(f, RMI_FID_GPT_L1_CREATE, b, 0, 0, 0, 0, NULL),
			   V2(STATUS_ERROR_GPT));
}

static void gate_before_activation(void **state)
{
	struct fix *f = *state;
	uint64_t pa = fix_alloc(f);
	struct smc_regs r;

	/* Only VERSION, FEATURES, CONFIG_GET/SET, ACTIVATE, TRACKING_GET work in INIT. */
	assert_rmi(fix_call(f, RMI_FID_GRANULE_RANGE_DELEGATE, pa, pa + GRAN, 0, 0, 0, &r),
		   V2(STATUS_ERROR_GLOBAL));
	/* Refused before it ran: its on_failure result, x1 = base (nothing moved). */
	assert_int_equal(r.x[1], pa);
	assert_rmi(fix_call(f, RMI_FID_REALM_CREATE, pa, pa, 0, 0, 0, NULL), V2(STATUS_ERROR_GLOBAL));
	assert_rmi(fix_call(f, RMI_FID_GPT_L1_CREATE, 0, 0, 0, 0, 0, NULL), V2(STATUS_ERROR_GLOBAL));
	assert_rmi(fix_call(f, RMI_FID_OP_CONTINUE, 0, 0, 0, 0, 0, NULL), V2(STATUS_ERROR_GLOBAL));
	assert_rmi(fix_call(f, RMI_FID_RMM_CONFIG_GET, pa, 0, 0, 0, 0, NULL), 0);
	assert_rmi(fix_call(f, RMI_FID_GRANULE_TRACKING_GET, pa, pa + GRAN, 0, 0, 0, &r), 0);
	assert_int_equal(rmm_granule_state(f->rmm, pa), GRANULE_NS);
}

static void gate_after_activation(void **state)
{
	struct fix *f = *state;

	/* Activation does not need a configuration first (TF-RMM main). */
	assert_rmi(fix_call(f, RMI_FID_RMM_ACTIVATE, 0, 0, 0, 0, 0, NULL), 0);
	assert_rmi(fix_call(f, RMI_FID_RMM_ACTIVATE, 0, 0, 0, 0, 0, NULL), V2(STATUS_ERROR_GLOBAL));
	/* Even a bad config page: the state is checked first. */
	assert_rmi(fix_call(f, RMI_FID_RMM_CONFIG_SET, 1, 0, 0, 0, 0, NULL), V2(STATUS_ERROR_GLOBAL));
	assert_rmi(fix_call(f, RMI_FID_RMM_CONFIG_SET, config_page(f, 0, 0), 0, 0, 0, 0, NULL),
		   V2(STATUS_ERROR_GLOBAL));
	assert_rmi(fix_call(f, RMI_FID_RMM_CONFIG_GET, fix_alloc(f), 0, 0, 0, 0, NULL), 0);
}

static void config_set_failures(void **state)
{
	struct fix *f = *state;
	uint64_t ok = config_page(f, 0, 0);

	/* config_align / bound / pas */
	assert_rmi(fix_call(f, RMI_FID_RMM_CONFIG_SET, 0, 0, 0, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	assert_rmi(fix_call(f, RMI_FID_RMM_CONFIG_SET, ok + 8, 0, 0, 0, 0, NULL),
		   RMI_STATUS_ERROR_INPUT);
	assert_rmi(fix_call(f, RMI_FID_RMM_CONFIG_SET, arena_top(f), 0, 0, 0, 0, NULL),
		   RMI_STATUS_ERROR_INPUT);
	/* only 4 KiB granules, only tracking region size 0 (1 GiB) */
	assert_rmi(fix_call(f, RMI_FID_RMM_CONFIG_SET, config_page(f, 0, V2(GRANULE_SIZE_16KB)), 0,
			    0, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	assert_rmi(fix_call(f, RMI_FID_RMM_CONFIG_SET, config_page(f, 0, V2(GRANULE_SIZE_64KB)), 0,
			    0, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	assert_rmi(fix_call(f, RMI_FID_RMM_CONFIG_SET, config_page(f, 1, 0), 0, 0, 0, 0, NULL),
		   RMI_STATUS_ERROR_INPUT);
	assert_rmi(fix_call(f, RMI_FID_RMM_CONFIG_SET, ok, 0, 0, 0, 0, NULL), 0);
	/* Again before activation: accepted. */
	assert_rmi(fix_call(f, RMI_FID_RMM_CONFIG_SET, ok, 0, 0, 0, 0, NULL), 0);
}

static void config_get_writes_defaults(void **state)
{
	struct fix *f = *state;
	uint64_t pa = config_page(f, 7, 7);
	const struct rmi_v2_rmm_config *c = pmem_host_ptr(f->pm, pa);

	assert_rmi(fix_call(f, RMI_FID_RMM_CONFIG_GET, pa + 8, 0, 0, 0, 0, NULL),
		   RMI_STATUS_ERROR_INPUT);
	assert_rmi(fix_call(f, RMI_FID_RMM_CONFIG_GET, 0, 0, 0, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	assert_rmi(fix_call(f, RMI_FID_RMM_CONFIG_GET, pa, 0, 0, 0, 0, NULL), 0);
	assert_int_equal(c->tracking_region_size, 0);
	assert_int_equal(c->rmi_granule_size, V2(GRANULE_SIZE_4KB));
}

static void tracking_get(void **state)
{
	struct fix *f = *state;
	uint64_t b = arena_base(f), t = arena_top(f);
	struct smc_regs r;

	/* range_valid, alignment */
	assert_rmi(fix_call(f, RMI_FID_GRANULE_TRACKING_GET, b, b, 0, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	assert_rmi(fix_call(f, RMI_FID_GRANULE_TRACKING_GET, b + GRAN, b, 0, 0, 0, NULL),
		   RMI_STATUS_ERROR_INPUT);
	assert_rmi(fix_call(f, RMI_FID_GRANULE_TRACKING_GET, b + 1, t, 0, 0, 0, NULL),
		   RMI_STATUS_ERROR_INPUT);
	assert_rmi(fix_call(f, RMI_FID_GRANULE_TRACKING_GET, b, t + 1, 0, 0, 0, NULL),
		   RMI_STATUS_ERROR_INPUT);
	assert_rmi(fix_call(f, RMI_FID_GRANULE_TRACKING_GET, b, 1ULL << 48, 0, 0, 0, NULL),
		   RMI_STATUS_ERROR_INPUT);
	/* Inside the arena: FINE up to the arena's end. */
	assert_rmi(fix_call(f, RMI_FID_GRANULE_TRACKING_GET, b, t + L0GPT_1G, 0, 0, 0, &r), 0);
	assert_int_equal(r.x[2], V2(TRACKING_STATE_FINE));
	assert_int_equal(r.x[3], t);
	/* Beyond it: untracked, to the end of the range asked. */
	assert_rmi(fix_call(f, RMI_FID_GRANULE_TRACKING_GET, t, t + L0GPT_1G, 0, 0, 0, &r), 0);
	assert_int_equal(r.x[1], V2(MEM_CATEGORY_CONVENTIONAL));
	assert_int_equal(r.x[2], V2(TRACKING_STATE_NONE));
	assert_int_equal(r.x[3], t + L0GPT_1G);
	/* Below it: untracked, up to the arena's base. */
	assert_rmi(fix_call(f, RMI_FID_GRANULE_TRACKING_GET, 0, t, 0, 0, 0, &r), 0);
	assert_int_equal(r.x[2], V2(TRACKING_STATE_NONE));
	assert_int_equal(r.x[3], b);
}

static void gpt_l1_create(void **state)
{
	struct fix *f = *state;

	assert_rmi(fix_call(f, RMI_FID_RMM_ACTIVATE, 0, 0, 0, 0, 0, NULL), 0);
	assert_rmi(fix_call(f, RMI_FID_GPT_L1_CREATE, L0GPT_1G + GRAN, 0, 0, 0, 0, NULL),
		   RMI_STATUS_ERROR_INPUT);
	assert_rmi(fix_call(f, RMI_FID_GPT_L1_CREATE, L0GPT_1G / 2, 0, 0, 0, 0, NULL),
		   RMI_STATUS_ERROR_INPUT);
	assert_rmi(fix_call(f, RMI_FID_GPT_L1_CREATE, 1ULL << 48, 0, 0, 0, 0, NULL),
		   RMI_STATUS_ERROR_INPUT);
	assert_rmi(fix_call(f, RMI_FID_GPT_L1_CREATE, arena_base(f) & ~(L0GPT_1G - 1), 0, 0, 0, 0,
			    NULL), V2(STATUS_ERROR_GPT));
	assert_rmi(fix_call(f, RMI_FID_GPT_L1_CREATE, 0, 0, 0, 0, 0, NULL), V2(STATUS_ERROR_GPT));
}

/* ---- commands only some 2.0 revisions have (2.0-bet3) ---- */

/* The command is described with its arguments (bound to a handler), or answers SMC_UNKNOWN. */
static bool described(struct fix *f, const char *name, uint32_t fid)
{
	const struct abi_command *c = abi_command_by_name(rmm_profile(f->rmm), ABI_RMI, name);

	if (c && c->args_known)
		return true;
	assert_int_equal(fix_call(f, fid, 0, 0, 0, 0, 0, NULL), SMC_UNKNOWN);
	return false;
}

static void activate(struct fix *f)
{
	assert_rmi(fix_call(f, RMI_FID_RMM_CONFIG_SET, config_page(f, 0, 0), 0, 0, 0, 0, NULL), 0);
	assert_rmi(fix_call(f, RMI_FID_RMM_ACTIVATE, 0, 0, 0, 0, 0, NULL), 0);
}

/*
 * RMM_DEACTIVATE: ACTIVE -> INIT only while no granule is delegated
 * (ERROR_GLOBAL) and no operation is open (BUSY); then the RMM is in INIT
 * (range delegation refused, configuration accepted) and can be activated
 * again.
 */
static void rmm_deactivate_lifecycle(void **state)
{
	struct fix *f = *state;
	uint64_t g = fix_alloc(f), h;
	struct fault_plan *plan;
	struct fault_rule rule = { .command = "GRANULE_RANGE_DELEGATE", .iface = ABI_RMI,
				   .action = FAULT_RETURN, .status = V2(STATUS_INCOMPLETE),
				   .nth = 1 };
	struct smc_regs r;
	char err[128];

	if (!described(f, "RMM_DEACTIVATE", RMI_V2_FID_RMM_DEACTIVATE))
		return;
	assert_rmi(fix_call(f, RMI_V2_FID_RMM_DEACTIVATE, 0, 0, 0, 0, 0, NULL), V2(STATUS_ERROR_GLOBAL));
	activate(f);
	/* A delegated granule: ERROR_GLOBAL, still ACTIVE. */
	assert_rmi(fix_call(f, RMI_FID_GRANULE_RANGE_DELEGATE, g, g + GRAN, 0, 0, 0, NULL), 0);
	assert_rmi(fix_call(f, RMI_V2_FID_RMM_DEACTIVATE, 0, 0, 0, 0, 0, NULL), V2(STATUS_ERROR_GLOBAL));
	v2_undelegate(f, g, g + GRAN);
	/* An open operation: BUSY. */
	plan = fault_plan_new();
	if (fault_plan_add(plan, rmm_profile(f->rmm), &rule, err, sizeof(err), NULL, 0))
		fail_msg("%s", err);
	rmm_set_faults(f->rmm, plan);
	assert_int_equal(fix_call(f, RMI_FID_GRANULE_RANGE_DELEGATE, g, g + GRAN, 0, 0, 0, &r) & 0xff,
			 V2(STATUS_INCOMPLETE));
	h = r.x[1];
	rmm_set_faults(f->rmm, NULL);
	fault_plan_free(plan);
	assert_rmi(fix_call(f, RMI_V2_FID_RMM_DEACTIVATE, 0, 0, 0, 0, 0, NULL), V2(STATUS_BUSY));
	assert_rmi(fix_call(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, NULL), 0);
	v2_undelegate(f, g, g + GRAN);
	/* Nothing left: INIT, x1..x3 = 0. */
	r = (struct smc_regs){ .x = { RMI_V2_FID_RMM_DEACTIVATE, 7, 7, 7 } };
	rmm_smc(f->rmm, &r);
	assert_rmi(r.x[0], 0);
	assert_int_equal(r.x[1], 0);
	assert_int_equal(r.x[2], 0);
	assert_rmi(fix_call(f, RMI_FID_GRANULE_RANGE_DELEGATE, g, g + GRAN, 0, 0, 0, NULL),
		   V2(STATUS_ERROR_GLOBAL));
	assert_rmi(fix_call(f, RMI_V2_FID_RMM_DEACTIVATE, 0, 0, 0, 0, 0, NULL), V2(STATUS_ERROR_GLOBAL));
	assert_rmi(fix_call(f, RMI_FID_VERSION, 0x20000, 0, 0, 0, 0, NULL), 0);
	/* And back: configured and activated again, then deactivated again. */
	activate(f);
	assert_rmi(fix_call(f, RMI_FID_GRANULE_RANGE_DELEGATE, g, g + GRAN, 0, 0, 0, NULL), 0);
	v2_undelegate(f, g, g + GRAN);
	assert_rmi(fix_call(f, RMI_V2_FID_RMM_DEACTIVATE, 0, 0, 0, 0, 0, NULL), 0);
}

/*
 * GPT_INFO(base, top): L0GPT-aligned, inside the PA space, top > base;
 * the answer covers the whole range (x1 = top) and says PLAT - the static,
 * firmware-made GPT the post-v14 host requires (rmi_verify_gpt_firmware_managed).
 */
static void gpt_info(void **state)
{
	struct fix *f = *state;
	uint64_t l0 = L0GPT_1G, start = arena_base(f) & ~(l0 - 1);
	uint64_t end = (arena_top(f) + l0 - 1) & ~(l0 - 1), plat;
	struct smc_regs r;

	if (!described(f, "GPT_INFO", RMI_V2_FID_GPT_INFO))
		return;
	plat = (uint64_t)abi_enum_or(rmm_profile(f->rmm), "gpt_par", "PLAT", -1);
	assert_rmi(fix_call(f, RMI_V2_FID_GPT_INFO, start, end, 0, 0, 0, NULL), V2(STATUS_ERROR_GLOBAL));
	activate(f);
	for (uint64_t s = start; s < end; s = r.x[1]) {
		assert_rmi(fix_call(f, RMI_V2_FID_GPT_INFO, s, end, 0, 0, 0, &r), 0);
		assert_int_equal(r.x[1], end);
		assert_int_equal(r.x[2], plat);
	}
	/* Alignment, order, PA space: ERROR_INPUT, results 0. */
	assert_rmi(fix_call(f, RMI_V2_FID_GPT_INFO, start + GRAN, end, 0, 0, 0, &r), V2(STATUS_ERROR_INPUT));
	assert_int_equal(r.x[1], 0);
	assert_int_equal(r.x[2], 0);
	assert_rmi(fix_call(f, RMI_V2_FID_GPT_INFO, start, end - GRAN, 0, 0, 0, NULL), V2(STATUS_ERROR_INPUT));
	assert_rmi(fix_call(f, RMI_V2_FID_GPT_INFO, end, start, 0, 0, 0, NULL), V2(STATUS_ERROR_INPUT));
	assert_rmi(fix_call(f, RMI_V2_FID_GPT_INFO, start, start, 0, 0, 0, NULL), V2(STATUS_ERROR_INPUT));
	assert_rmi(fix_call(f, RMI_V2_FID_GPT_INFO, 1ULL << 48, (1ULL << 48) + l0, 0, 0, 0, NULL),
		   V2(STATUS_ERROR_INPUT));
	assert_rmi(fix_call(f, RMI_V2_FID_GPT_INFO, (1ULL << 48) - l0, 1ULL << 48, 0, 0, 0, NULL),
		   V2(STATUS_ERROR_INPUT));
	assert_rmi(fix_call(f, RMI_V2_FID_GPT_INFO, (1ULL << 48) - 2 * l0, (1ULL << 48) - l0, 0, 0, 0,
			    NULL), 0);
}

/*
 * A stale platform token (the platform changed: rmm_platform_token_expire)
 * stops REALM_CREATE with ERROR_GLOBAL, nothing changed, until
 * ATTEST_PLAT_TOKEN_REFRESH: BUSY while the refresh runs, then SUCCESS.
 * Where the profile cannot refresh, nothing reads the token.
 */
static void platform_token_refresh(void **state)
{
	struct fix *f = *state;
	struct realm_desc d;
	bool refresh;

	refresh = described(f, "ATTEST_PLAT_TOKEN_REFRESH", RMI_V2_FID_ATTEST_PLAT_TOKEN_REFRESH);
	if (refresh)
		assert_rmi(fix_call(f, RMI_V2_FID_ATTEST_PLAT_TOKEN_REFRESH, 0, 0, 0, 0, 0, NULL),
			   V2(STATUS_ERROR_GLOBAL));
	activate(f);
	realm_desc_default(&d);
	rmm_platform_token_expire(f->rmm);
	if (!refresh) {
		assert_rmi(fix_realm_create(f, &d), 0);
		return;
	}
	assert_rmi(fix_realm_create(f, &d), V2(STATUS_ERROR_GLOBAL));
	assert_int_equal(rmm_granule_state(f->rmm, f->rd), GRANULE_DELEGATED);
	assert_rmi(fix_call(f, RMI_V2_FID_ATTEST_PLAT_TOKEN_REFRESH, 0, 0, 0, 0, 0, NULL), V2(STATUS_BUSY));
	assert_rmi(fix_call(f, RMI_FID_REALM_CREATE, f->rd, f->params, 0, 0, 0, NULL),
		   V2(STATUS_ERROR_GLOBAL));
	assert_rmi(fix_call(f, RMI_V2_FID_ATTEST_PLAT_TOKEN_REFRESH, 0, 0, 0, 0, 0, NULL), 0);
	/* Valid now: a refresh is one call. */
	assert_rmi(fix_call(f, RMI_V2_FID_ATTEST_PLAT_TOKEN_REFRESH, 0, 0, 0, 0, 0, NULL), 0);
	assert_rmi(v2_op(f, RMI_FID_REALM_CREATE, f->rd, f->params, 0, NULL), 0);
	assert_int_equal(rmm_granule_state(f->rmm, f->rd), GRANULE_RD);
}

/* ---- range delegation (activated RMM: fix_setup_v2) ---- */

static void range_delegate_whole_range(void **state)
{
	struct fix *f = *state;
	uint64_t b = fix_alloc(f);
	struct smc_regs r;

	for (int i = 0; i < 7; i++)
		fix_alloc(f);
	assert_rmi(fix_call(f, RMI_FID_GRANULE_RANGE_DELEGATE, b, b + 8 * GRAN, 0, 0, 0, &r), 0);
	assert_int_equal(r.x[1], b + 8 * GRAN);
	assert_int_equal(rmm_granules_in_state(f->rmm, GRANULE_DELEGATED), 8);
	assert_rmi(fix_call(f, RMI_FID_GRANULE_RANGE_UNDELEGATE, b, b + 8 * GRAN, 0, 0, 0, &r), 0);
	assert_int_equal(r.x[1], b + 8 * GRAN);
	assert_int_equal(rmm_granules_not_ns(f->rmm), 0);
}

static void range_delegate_failures(void **state)
{
	struct fix *f = *state;
	uint64_t b = fix_alloc(f), t = arena_top(f);
	struct smc_regs r;

	fix_alloc(f);
	/* base/top alignment, top <= base: ERROR_INPUT, x1 = base */
	assert_rmi(fix_call(f, RMI_FID_GRANULE_RANGE_DELEGATE, b + 1, b + GRAN, 0, 0, 0, &r),
		   RMI_STATUS_ERROR_INPUT);
	assert_int_equal(r.x[1], b + 1);
	assert_rmi(fix_call(f, RMI_FID_GRANULE_RANGE_DELEGATE, b, b + GRAN + 8, 0, 0, 0, &r),
		   RMI_STATUS_ERROR_INPUT);
	assert_rmi(fix_call(f, RMI_FID_GRANULE_RANGE_DELEGATE, b + GRAN, b, 0, 0, 0, &r),
		   RMI_STATUS_ERROR_INPUT);
	assert_int_equal(r.x[1], b + GRAN);
	/* Size 0: an error, never SUCCESS with x1 == base (a looping host would spin). */
	assert_rmi(fix_call(f, RMI_FID_GRANULE_RANGE_DELEGATE, b, b, 0, 0, 0, &r),
		   RMI_STATUS_ERROR_INPUT);
	assert_int_equal(r.x[1], b);
	assert_rmi(fix_call(f, RMI_FID_GRANULE_RANGE_UNDELEGATE, b, b, 0, 0, 0, &r),
		   RMI_STATUS_ERROR_INPUT);
	assert_int_equal(r.x[1], b);
	/* Untracked memory. */
	assert_rmi(fix_call(f, RMI_FID_GRANULE_RANGE_DELEGATE, t, t + GRAN, 0, 0, 0, &r),
		   RMI_STATUS_ERROR_INPUT);
	assert_int_equal(r.x[1], t);
	/* The first granule in the wrong state: nothing changes. */
	assert_rmi(fix_call(f, RMI_FID_GRANULE_RANGE_UNDELEGATE, b, b + 2 * GRAN, 0, 0, 0, &r),
		   RMI_STATUS_ERROR_INPUT);
	assert_int_equal(r.x[1], b);
	assert_int_equal(rmm_granules_not_ns(f->rmm), 0);
}

static void range_delegate_early_stop(void **state)
{
	struct fix *f = *state;
	uint64_t b = fix_alloc(f);
	struct smc_regs r;

	for (int i = 0; i < 5; i++)
		fix_alloc(f);
	/* The 4th granule is delegated already: the call stops there. */
	assert_rmi(fix_delegate(f, b + 3 * GRAN), 0);
	assert_rmi(fix_call(f, RMI_FID_GRANULE_RANGE_DELEGATE, b, b + 6 * GRAN, 0, 0, 0, &r), 0);
	assert_int_equal(r.x[1], b + 3 * GRAN);
	/* Continuing from x1: the bad granule is first now. */
	assert_rmi(fix_call(f, RMI_FID_GRANULE_RANGE_DELEGATE, r.x[1], b + 6 * GRAN, 0, 0, 0, &r),
		   RMI_STATUS_ERROR_INPUT);
	assert_int_equal(r.x[1], b + 3 * GRAN);
	assert_rmi(fix_call(f, RMI_FID_GRANULE_RANGE_DELEGATE, b + 4 * GRAN, b + 6 * GRAN, 0, 0, 0,
			    &r), 0);
	assert_int_equal(rmm_granules_in_state(f->rmm, GRANULE_DELEGATED), 6);
	/* The whole run goes back in one call. */
	assert_rmi(fix_call(f, RMI_FID_GRANULE_RANGE_UNDELEGATE, b, b + 6 * GRAN, 0, 0, 0, &r), 0);
	assert_int_equal(r.x[1], b + 6 * GRAN);
}

static void range_delegate_progress_fault(void **state)
{
	struct fix *f = *state;
	struct fault_plan *plan = fault_plan_new();
	struct fault_rule rule = { .command = "GRANULE_RANGE_DELEGATE", .iface = ABI_RMI,
				   .action = FAULT_PROGRESS, .progress = 2 };
	uint64_t b = fix_alloc(f), base;
	char err[128];
	struct smc_regs r;

	for (int i = 0; i < 4; i++)
		fix_alloc(f);
	assert_int_equal(fault_plan_add(plan, rmm_profile(f->rmm), &rule, err, sizeof(err), NULL, 0), 0);
	rmm_set_faults(f->rmm, plan);
	/* The host loops on x1: 2 + 2 + 1 granules. */
	for (base = b; base < b + 5 * GRAN; base = r.x[1]) {
		assert_rmi(fix_call(f, RMI_FID_GRANULE_RANGE_DELEGATE, base, b + 5 * GRAN, 0, 0, 0, &r), 0);
		assert_int_equal(r.x[1], base + 2 * GRAN < b + 5 * GRAN ? base + 2 * GRAN : b + 5 * GRAN);
	}
	assert_int_equal(rmm_granules_in_state(f->rmm, GRANULE_DELEGATED), 5);
	rmm_set_faults(f->rmm, NULL);
	fault_plan_free(plan);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(features_of_the_profile, setup_init, fix_teardown),
		cmocka_unit_test_setup_teardown(v14_boot_sequence, setup_init, fix_teardown),
		cmocka_unit_test_setup_teardown(gate_before_activation, setup_init, fix_teardown),
		cmocka_unit_test_setup_teardown(gate_after_activation, setup_init, fix_teardown),
		cmocka_unit_test_setup_teardown(config_set_failures, setup_init, fix_teardown),
		cmocka_unit_test_setup_teardown(config_get_writes_defaults, setup_init, fix_teardown),
		cmocka_unit_test_setup_teardown(tracking_get, setup_init, fix_teardown),
		cmocka_unit_test_setup_teardown(gpt_l1_create, setup_init, fix_teardown),
		cmocka_unit_test_setup_teardown(rmm_deactivate_lifecycle, setup_init, fix_teardown),
		cmocka_unit_test_setup_teardown(gpt_info, setup_init, fix_teardown),
		cmocka_unit_test_setup_teardown(platform_token_refresh, setup_init, fix_teardown),
		cmocka_unit_test_setup_teardown(range_delegate_whole_range, fix_setup_v2, fix_teardown),
		cmocka_unit_test_setup_teardown(range_delegate_failures, fix_setup_v2, fix_teardown),
		cmocka_unit_test_setup_teardown(range_delegate_early_stop, fix_setup_v2, fix_teardown),
		cmocka_unit_test_setup_teardown(range_delegate_progress_fault, fix_setup_v2, fix_teardown),
	};

	return fix_run_v2_group("v2_boot", tests, argc, argv);
}
