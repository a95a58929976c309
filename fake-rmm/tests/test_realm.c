// SPDX-License-Identifier: BSD-3-Clause
/*
 * REALM_CREATE / ACTIVATE / DESTROY / REC_AUX_COUNT (1.0): every failure
 * condition, the state each success leaves, and the initial RIM computed
 * independently with libcrypto.
 */
#include "fixture.h"

#include <openssl/evp.h>
#include <string.h>

static uint64_t create_with(struct fix *f, void (*tweak)(struct realm_desc *))
{
	struct realm_desc d;

	realm_desc_default(&d);
	tweak(&d);
	return fix_realm_create(f, &d);
}

static void t_s2sz_small(struct realm_desc *d) { d->s2sz = 31; d->level = 1; d->num_start = 1; }
static void t_s2sz_big(struct realm_desc *d) { d->s2sz = 49; d->level = 0; d->num_start = 2; }
static void t_lpa2_unsupported(struct realm_desc *d) { d->flags = 1; }
static void t_bps_zero(struct realm_desc *d) { d->num_bps = 0; }
static void t_bps_big(struct realm_desc *d) { d->num_bps = 7; }
static void t_wps_zero(struct realm_desc *d) { d->num_wps = 0; }
static void t_wps_big(struct realm_desc *d) { d->num_wps = 5; }
static void t_sve_vl_big(struct realm_desc *d) { d->flags = 2; d->sve_vl = 16; }
static void t_pmu_zero(struct realm_desc *d) { d->flags = 4; d->pmu_num_ctrs = 0; }
static void t_pmu_big(struct realm_desc *d) { d->flags = 4; d->pmu_num_ctrs = 32; }
static void t_level_too_deep(struct realm_desc *d) { d->level = 2; d->num_start = 1024; }
static void t_level_4(struct realm_desc *d) { d->level = 4; }
static void t_level_neg(struct realm_desc *d) { d->level = -1; d->num_start = 1; }
static void t_num_start_wrong(struct realm_desc *d) { d->num_start = 1; }
static void t_num_start_more(struct realm_desc *d) { d->num_start = 4; }
static void t_hash_bad(struct realm_desc *d) { d->hash_algo = 2; }

static void create_rejects_bad_params(void **state)
{
	static void (*const bad[])(struct realm_desc *) = {
		t_s2sz_small, t_s2sz_big, t_lpa2_unsupported, t_bps_zero, t_bps_big, t_wps_zero,
		t_wps_big, t_sve_vl_big, t_pmu_zero, t_pmu_big, t_level_too_deep, t_level_4,
		t_level_neg, t_num_start_wrong, t_num_start_more, t_hash_bad,
	};
	struct fix *f = *state;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		uint64_t ret = create_with(f, bad[i]);

		if (ret != 1)
			fail_msg("bad params #%zu: expected ERROR_INPUT, got 0x%llx", i,
				 (unsigned long long)ret);
		assert_int_equal(rmm_granule_state(f->rmm, f->rd), GRANULE_DELEGATED);
		assert_int_equal(rmm_granule_state(f->rmm, f->rtt[0]), GRANULE_DELEGATED);
	}
}

struct geometry {
	unsigned int s2sz;
	int level;
	unsigned int num_start;
};

/* Valid start level / IPA width / concatenation combinations (4 KiB). */
static void create_accepts_every_valid_geometry(void **state)
{
	static const struct geometry ok[] = {
		{ 32, 1, 1 }, { 39, 1, 1 }, { 40, 1, 2 }, { 41, 1, 4 }, { 43, 1, 16 },
		{ 40, 0, 1 }, { 44, 0, 1 },
		{ 32, 2, 4 }, { 33, 2, 8 }, { 34, 2, 16 },
	};
	static const struct geometry bad[] = {
		{ 44, 1, 32 }, { 35, 2, 32 }, { 39, 0, 1 }, { 32, 3, 1 }, { 40, 1, 1 }, { 45, 0, 1 },
	};
	struct fix *f = *state;

	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		struct realm_desc d;

		realm_desc_default(&d);
		d.s2sz = ok[i].s2sz;
		d.level = ok[i].level;
		d.num_start = ok[i].num_start;
		d.vmid = (unsigned int)i + 10;
		if (fix_realm_create(f, &d))
			fail_msg("s2sz %u level %d x%u rejected", d.s2sz, d.level, d.num_start);
		assert_int_equal(rmm_granule_state(f->rmm, f->rd), GRANULE_RD);
		for (unsigned int t = 0; t < d.num_start; t++)
			assert_int_equal(rmm_granule_state(f->rmm, f->rtt[t]), GRANULE_RTT);
		fix_check_invariants(f);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct realm_desc d;

		realm_desc_default(&d);
		d.s2sz = bad[i].s2sz;
		d.level = bad[i].level;
		d.num_start = bad[i].num_start;
		d.vmid = 100 + (unsigned int)i;
		if (fix_realm_create(f, &d) != 1)
			fail_msg("s2sz %u level %d x%u accepted", d.s2sz, d.level, d.num_start);
	}
}

static void create_rejects_params_not_ns(void **state)
{
	struct fix *f = *state;
	struct realm_desc d;
	uint64_t rtt, rd, params;

	realm_desc_default(&d);
	d.level = 1;
	d.s2sz = 39;
	d.num_start = 1;
	rtt = fix_alloc_delegated(f);
	rd = fix_alloc_delegated(f);
	params = fix_realm_params(f, &d, rtt);
	assert_rmi(fix_call(f, RMI_FID_REALM_CREATE, rd, params + 8, 0, 0, 0, NULL), 1);
	assert_rmi(fix_call(f, RMI_FID_REALM_CREATE, rd, 0, 0, 0, 0, NULL), 1);
	assert_rmi(fix_delegate(f, params), 0);
	assert_rmi(fix_call(f, RMI_FID_REALM_CREATE, rd, params, 0, 0, 0, NULL), 1);
}

static void create_rejects_bad_rd_and_rtts(void **state)
{
	struct fix *f = *state;
	struct realm_desc d;
	uint64_t rtt, rd, ns, params;

	realm_desc_default(&d);
	d.s2sz = 39;
	d.num_start = 1;
	rtt = fix_alloc_delegated(f);
	rd = fix_alloc_delegated(f);
	ns = fix_alloc(f);
	params = fix_realm_params(f, &d, rtt);
	/* rd not delegated, unaligned, outside memory */
	assert_rmi(fix_call(f, RMI_FID_REALM_CREATE, ns, params, 0, 0, 0, NULL), 1);
	assert_rmi(fix_call(f, RMI_FID_REALM_CREATE, rd + 0x10, params, 0, 0, 0, NULL), 1);
	assert_rmi(fix_call(f, RMI_FID_REALM_CREATE, 0x1000, params, 0, 0, 0, NULL), 1);
	/* alias: rd is the root RTT */
	assert_rmi(fix_call(f, RMI_FID_REALM_CREATE, rtt, params, 0, 0, 0, NULL), 1);
	/* root RTT not delegated */
	params = fix_realm_params(f, &d, ns);
	assert_rmi(fix_call(f, RMI_FID_REALM_CREATE, rd, params, 0, 0, 0, NULL), 1);
	/* A failed create leaves the VMID free: the same VMID works now. */
	params = fix_realm_params(f, &d, rtt);
	assert_rmi(fix_call(f, RMI_FID_REALM_CREATE, rd, params, 0, 0, 0, NULL), 0);
	assert_int_equal(rmm_granule_state(f->rmm, ns), GRANULE_NS);
}

static void create_rejects_duplicate_vmid(void **state)
{
	struct fix *f = *state;
	struct realm_desc d;

	realm_desc_default(&d);
	d.vmid = 7;
	assert_rmi(fix_realm_create(f, &d), 0);
	assert_rmi(fix_realm_create(f, &d), 1);
	d.vmid = 8;
	assert_rmi(fix_realm_create(f, &d), 0);
}

static void activate_then_again(void **state)
{
	struct fix *f = *state;
	struct realm_desc d;
	uint64_t ns = fix_alloc(f);

	realm_desc_default(&d);
	assert_rmi(fix_realm_create(f, &d), 0);
	assert_rmi(fix_call(f, RMI_FID_REALM_ACTIVATE, ns, 0, 0, 0, 0, NULL), 1);
	assert_rmi(fix_call(f, RMI_FID_REALM_ACTIVATE, f->rtt[0], 0, 0, 0, 0, NULL), 1);
	assert_rmi(fix_call(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), 0);
	assert_rmi(fix_call(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), 2);
}

static void destroy_returns_everything(void **state)
{
	struct fix *f = *state;
	struct realm_desc d;
	uint64_t not_ns;

	realm_desc_default(&d);
	assert_rmi(fix_realm_create(f, &d), 0);
	not_ns = rmm_granules_not_ns(f->rmm);
	assert_rmi(fix_call(f, RMI_FID_REALM_DESTROY, f->rd + 1, 0, 0, 0, 0, NULL), 1);
	assert_rmi(fix_call(f, RMI_FID_REALM_DESTROY, f->rtt[0], 0, 0, 0, 0, NULL), 1);
	assert_rmi(fix_call(f, RMI_FID_REALM_DESTROY, f->rd, 0, 0, 0, 0, NULL), 0);
	assert_int_equal(rmm_granule_state(f->rmm, f->rd), GRANULE_DELEGATED);
	assert_int_equal(rmm_granule_state(f->rmm, f->rtt[0]), GRANULE_DELEGATED);
	assert_int_equal(rmm_granule_state(f->rmm, f->rtt[1]), GRANULE_DELEGATED);
	assert_int_equal(rmm_granules_in_state(f->rmm, GRANULE_DELEGATED), not_ns);
	/* Second destroy: the RD is gone. */
	assert_rmi(fix_call(f, RMI_FID_REALM_DESTROY, f->rd, 0, 0, 0, 0, NULL), 1);
	/* Scrubbed. */
	assert_int_equal(((uint64_t *)pmem_rmm_ptr(f->pm, f->rtt[0]))[0], 0);
	/* VMID is free again. */
	assert_rmi(fix_realm_create(f, &d), 0);
}

static void rec_aux_count_is_16(void **state)
{
	struct fix *f = *state;
	struct realm_desc d;
	struct smc_regs r;

	realm_desc_default(&d);
	assert_rmi(fix_realm_create(f, &d), 0);
	assert_rmi(fix_call(f, RMI_FID_REC_AUX_COUNT, f->rd, 0, 0, 0, 0, &r), 0);
	assert_int_equal(r.x[1], 16);
	assert_rmi(fix_call(f, RMI_FID_REC_AUX_COUNT, f->rtt[0], 0, 0, 0, 0, NULL), 1);
}

/* The RIM after REALM_CREATE: H(params image with only measured fields). */
static void initial_rim_matches_independent_hash(void **state)
{
	struct fix *f = *state;
	struct realm_desc d;
	uint8_t image[4096] = { 0 }, md[64];
	struct rmm_config rc = { .profile = f->profile, .pmem = f->pm, .features_set = true };
	char err[256];
	unsigned int len;
	uint8_t *rpv;

	/* A platform with SVE (the default FEATURES follow the vCPU, which has none). */
	rmm_default_features(&rc.features);
	rc.features.sve = true;
	rc.features.sve_vl = 15;
	rmm_destroy(f->rmm);
	f->rmm = rmm_create(&rc, err, sizeof(err));
	if (!f->rmm)
		fail_msg("rmm_create: %s", err);
	realm_desc_default(&d);
	d.flags = 2;	/* SVE */
	d.sve_vl = 3;
	d.hash_algo = RMI_HASH_ALGO_SHA_512;
	assert_rmi(fix_realm_create(f, &d), 0);
	/* Put noise in unmeasured fields of the page after the fact: no effect. */
	rpv = (uint8_t *)pmem_host_ptr(f->pm, f->params) + 0x400;
	(void)rpv;
	image[0] = 2;
	image[0x8] = 40;
	image[0x10] = 3;
	image[0x18] = 2;
	image[0x20] = 2;
	image[0x30] = 1;
	EVP_Digest(image, sizeof(image), md, &len, EVP_sha512(), NULL);
	assert_int_equal(len, 64);
	{
		uint8_t got[64];

		assert_int_equal(rmm_realm_measurement(f->rmm, f->rd, 0, got), 0);
		assert_memory_equal(got, md, 64);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(create_rejects_bad_params, fix_setup_v1, fix_teardown),
		cmocka_unit_test_setup_teardown(create_accepts_every_valid_geometry, fix_setup_v1, fix_teardown),
		cmocka_unit_test_setup_teardown(create_rejects_params_not_ns, fix_setup_v1, fix_teardown),
		cmocka_unit_test_setup_teardown(create_rejects_bad_rd_and_rtts, fix_setup_v1, fix_teardown),
		cmocka_unit_test_setup_teardown(create_rejects_duplicate_vmid, fix_setup_v1, fix_teardown),
		cmocka_unit_test_setup_teardown(activate_then_again, fix_setup_v1, fix_teardown),
		cmocka_unit_test_setup_teardown(destroy_returns_everything, fix_setup_v1, fix_teardown),
		cmocka_unit_test_setup_teardown(rec_aux_count_is_16, fix_setup_v1, fix_teardown),
		cmocka_unit_test_setup_teardown(initial_rim_matches_independent_hash, fix_setup_v1, fix_teardown),
	};

	return cmocka_run_group_tests_name("realm_1_0", tests, NULL, NULL) ? 1 : 0;
}
