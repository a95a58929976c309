// SPDX-License-Identifier: BSD-3-Clause
/*
 * Platform settings (1.0; rmm_config.platform and rmm_config.features):
 * FEATURES as raw register values, answered as given and obeyed by
 * REALM_CREATE; FEATURES by field name; the VMID width; the GIC's priority
 * bits (list registers and what the realm's ICC_CTLR_EL1 says); and a
 * realm whose IPA width the vCPU cannot run, which every RMI call serves
 * and whose REC_ENTER fails saying why.
 */
#include "rec_fixture.h"

#include <stdlib.h>
#include <string.h>

#include <cca-double/trace.h>

#include "rec.h"

#define F0(name, v) (((uint64_t)(v) << RMI_V1_0_FEATURE_REGISTER_0_##name##_SHIFT) & \
		     RMI_V1_0_FEATURE_REGISTER_0_##name##_MASK)

/* An rx with an RMM but no realm yet: the test reopens it with its platform. */
static int setup_bare(void **state)
{
	struct rx *x = calloc(1, sizeof(*x));

	if (!x || fix_setup_v1((void **)&x->f))
		return -1;
	*state = x;
	return 0;
}

static uint64_t create(struct rx *x, void (*edit)(struct realm_desc *d))
{
	struct realm_desc d;

	realm_desc_default(&d);
	if (edit)
		edit(&d);
	return fix_realm_create(x->f, &d);
}

static void s2sz_41(struct realm_desc *d) { d->s2sz = 41; d->num_start = 4; }
static void bps_3(struct realm_desc *d) { d->num_bps = 3; }
static void sha512(struct realm_desc *d) { d->hash_algo = RMI_HASH_ALGO_SHA_512; }
static void vmid_255(struct realm_desc *d) { d->vmid = 255; }
static void vmid_256(struct realm_desc *d) { d->vmid = 256; }

static void raw_feature_registers(void **state)
{
	struct rx *x = *state;
	/* 40-bit IPAs, 2 breakpoints and watchpoints, SHA-256 only, 4 LRs, and a bit no field names. */
	const uint64_t reg0 = F0(S2SZ, 40) | F0(NUM_BPS, 2) | F0(NUM_WPS, 2) | F0(HASH_SHA_256, 1) |
			      F0(GICV3_NUM_LRS, 3) | F0(MAX_RECS_ORDER, 4) | (1ULL << 63);
	struct rmm_platform pl = { .raw_features = true, .feature_register = { reg0, 0x1234 } };
	struct smc_regs r;

	rx_reopen_platform(x->f, &pl, NULL);
	assert_rmi(rc(x->f, RMI_FID_FEATURES, 0, 0, 0, 0, 0, &r), 0);
	assert_int_equal(r.x[1], reg0);
	assert_rmi(rc(x->f, RMI_FID_FEATURES, 1, 0, 0, 0, 0, &r), 0);
	assert_int_equal(r.x[1], 0x1234);		/* as given, undescribed or not */
	/* REALM_CREATE accepts what the fields say, no more. */
	assert_rmi(create(x, s2sz_41), RMI_STATUS_ERROR_INPUT);
	assert_rmi(create(x, bps_3), RMI_STATUS_ERROR_INPUT);
	assert_rmi(create(x, sha512), RMI_STATUS_ERROR_INPUT);
	assert_rmi(create(x, NULL), 0);
}

static void named_features(void **state)
{
	struct rx *x = *state;
	struct rmm_features f;
	struct smc_regs r;

	rmm_default_features(&f);
	f.s2sz = 40;
	f.num_bps = 2;
	f.sha512 = false;
	rx_reopen_platform(x->f, NULL, &f);
	assert_rmi(rc(x->f, RMI_FID_FEATURES, 0, 0, 0, 0, 0, &r), 0);
	assert_int_equal((r.x[1] & RMI_V1_0_FEATURE_REGISTER_0_S2SZ_MASK), 40);
	assert_int_equal(r.x[1] & RMI_V1_0_FEATURE_REGISTER_0_HASH_SHA_512_MASK, 0);
	assert_rmi(create(x, s2sz_41), RMI_STATUS_ERROR_INPUT);
	assert_rmi(create(x, bps_3), RMI_STATUS_ERROR_INPUT);
	assert_rmi(create(x, sha512), RMI_STATUS_ERROR_INPUT);
	assert_rmi(create(x, NULL), 0);
}

/* 8-bit VMIDs: the host's VMID 256 does not exist on this platform. */
static void vmid_width(void **state)
{
	struct rx *x = *state;
	struct rmm_platform pl = { .vmid_bits = 8 };

	rx_reopen_platform(x->f, &pl, NULL);
	assert_rmi(create(x, vmid_256), RMI_STATUS_ERROR_INPUT);
	assert_rmi(create(x, vmid_255), 0);
}

static void platform_out_of_range(void **state)
{
	struct rx *x = *state;
	struct rmm_config rc = { .profile = "1.0", .pmem = x->f->pm };
	char err[256];

	rc.platform.vmid_bits = 12;
	assert_null(rmm_create(&rc, err, sizeof(err)));
	assert_non_null(strstr(err, "vmid_bits"));
	rc.platform.vmid_bits = 0;
	rc.platform.gic_priority_bits = 9;
	assert_null(rmm_create(&rc, err, sizeof(err)));
	assert_non_null(strstr(err, "gic_priority_bits"));
}

#define LR_PENDING_PRI(intid, pri) ((1ULL << 62) | (1ULL << 60) | ((uint64_t)(pri) << 48) | (intid))

/* 8 priority bits: an LR priority with its low bits set is valid; the realm's ICC_CTLR_EL1 says 8. */
static void gic_priority_bits(void **state)
{
	struct rx *x = *state;
	struct rmm_platform pl = { .gic_priority_bits = 8 };
	struct rmi_v1_0_rec_run *run;

	rx_reopen_platform(x->f, &pl, NULL);
	rt_realm(x->f);
	rx_boot(x, "host_call", 1);
	run = rx_run_page(x, 0);
	run->enter.gicv3_lrs[0] = LR_PENDING_PRI(27, 0xa1);
	rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
	/* The vGIC's ICH_VTR_EL2: PRIbits 7, PREbits 6 (at most 7 preemption bits). */
	assert_int_equal(vgic_ich_vtr(&rec_of(x->f->rmm, x->rec[0])->gic) >> 26, (7 << 3) | 6);
}

/* The default 5 bits: the same LR is refused. */
static void gic_priority_bits_default(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_run *run;

	rt_realm(x->f);
	rx_boot(x, "host_call", 1);
	run = rx_run_page(x, 0);
	run->enter.gicv3_lrs[0] = LR_PENDING_PRI(27, 0xa1);
	assert_rmi(rx_enter(x, 0), RMI_STATUS_ERROR_REC);
}

/*
 * FEATURES.S2SZ 48 on a 44-bit vCPU: a 48-bit realm is created, populated
 * and activated like any other; its REC_ENTER is ERROR_REC and the trace
 * says why.
 */
static void ipa_width_the_vcpu_cannot_run(void **state)
{
	struct rx *x = *state;
	struct rmm_features f;
	struct realm_desc d;
	struct trace *t = trace_new(NULL, true);
	bool said = false;

	rmm_default_features(&f);
	f.s2sz = 48;
	rx_reopen_platform(x->f, NULL, &f);
	realm_desc_default(&d);
	d.s2sz = 48;
	d.level = 0;
	d.num_start = 1;
	assert_rmi(fix_realm_create(x->f, &d), 0);
	rx_boot(x, "host_call", 1);
	rmm_set_trace(x->f->rmm, t);
	assert_rmi(rx_enter(x, 0), RMI_STATUS_ERROR_REC);
	for (size_t i = 0; i < trace_nlines(t); i++)
		said |= strstr(trace_line(t, i), "ipa_bits 48 unsupported") != NULL;
	assert_true(said);
	rmm_set_trace(x->f->rmm, NULL);
	trace_free(t);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup_bare, rx_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(raw_feature_registers), T(named_features), T(vmid_width), T(platform_out_of_range),
		T(gic_priority_bits), T(gic_priority_bits_default), T(ipa_width_the_vcpu_cannot_run),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
