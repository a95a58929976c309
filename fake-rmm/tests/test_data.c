// SPDX-License-Identifier: BSD-3-Clause
/*
 * DATA_CREATE, DATA_CREATE_UNKNOWN and DATA_DESTROY (1.0): each failure
 * condition with its exact status and outputs, the rank of two failures at
 * once, contents (copied, zeroed, scrubbed) and the RIPAS transitions.
 */
#include "rtt_fixture.h"

#include <string.h>

#define PAR_END (1ULL << 39)
#define IPA_END (1ULL << 40)

static int setup_realm(void **state)
{
	if (fix_setup_v1(state))
		return -1;
	rt_realm(*state);
	rt_tables(*state, 0, 3);
	return 0;
}

static uint64_t create(struct fix *f, uint64_t data, uint64_t ipa, uint64_t src, uint64_t flags)
{
	return rc(f, RMI_FID_DATA_CREATE, f->rd, data, ipa, src, flags, NULL);
}

static uint64_t destroy(struct fix *f, uint64_t ipa, uint64_t *pa, uint64_t *top)
{
	struct smc_regs r;
	uint64_t x0 = rc(f, RMI_FID_DATA_DESTROY, f->rd, ipa, 0, 0, 0, &r);

	*pa = r.x[1];
	*top = r.x[2];
	return x0;
}

static void rim(struct fix *f, uint8_t out[64])
{
	assert_int_equal(rmm_realm_measurement(f->rmm, f->rd, 0, out), 0);
}

static void activate(struct fix *f)
{
	assert_rmi(rc(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), 0);
}

/* ---------------- DATA_CREATE ---------------- */

static void create_rejects_bad_flags(void **state)
{
	struct fix *f = *state;
	uint64_t data = fix_alloc_delegated(f), src = rt_src(f, 1);

	assert_rmi(create(f, data, 0, src, 2), 1);
	assert_rmi(create(f, data, 0, src, ~0ULL), 1);
	assert_int_equal(rmm_granule_state(f->rmm, data), GRANULE_DELEGATED);
}

static void create_rejects_bad_src(void **state)
{
	struct fix *f = *state;
	uint64_t data = fix_alloc_delegated(f), src = rt_src(f, 1);
	uint64_t end = pmem_pa_base(f->pm) + pmem_size(f->pm);

	assert_rmi(create(f, data, 0, src + 8, 1), 1);		/* src_align */
	assert_rmi(create(f, data, 0, end, 1), 1);		/* src_bound */
	assert_rmi(create(f, data, 0, 0, 1), 1);
	assert_rmi(create(f, data, 0, fix_alloc_delegated(f), 1), 1);	/* src_pas */
	assert_rmi(create(f, data, 0, f->rd, 1), 1);
	assert_rmi(create(f, data, 0, data, 1), 1);
	assert_int_equal(rmm_granule_state(f->rmm, data), GRANULE_DELEGATED);
}

static void create_rejects_bad_data_and_rd(void **state)
{
	struct fix *f = *state;
	uint64_t data = fix_alloc_delegated(f), src = rt_src(f, 1);

	assert_rmi(create(f, fix_alloc(f), 0, src, 1), 1);		/* NS */
	assert_rmi(create(f, data + 0x800, 0, src, 1), 1);		/* unaligned */
	assert_rmi(create(f, f->rtt[0], 0, src, 1), 1);		/* RTT */
	assert_rmi(create(f, f->rd, 0, src, 1), 1);			/* RD */
	assert_rmi(rc(f, RMI_FID_DATA_CREATE, f->rtt[0], data, 0, src, 1, NULL), 1);
	assert_rmi(rc(f, RMI_FID_DATA_CREATE, data, data, 0, src, 1, NULL), 1);
}

static void create_rejects_after_activation(void **state)
{
	struct fix *f = *state;
	uint8_t before[64], after[64];

	rim(f, before);
	activate(f);
	assert_rmi(create(f, fix_alloc_delegated(f), 0, rt_src(f, 1), 1), 2);
	rim(f, after);
	assert_memory_equal(before, after, 64);
}

static void create_rejects_bad_ipa(void **state)
{
	struct fix *f = *state;
	uint64_t data = fix_alloc_delegated(f), src = rt_src(f, 1);

	assert_rmi(create(f, data, 0x800, src, 1), 1);		/* map_addr_align */
	assert_rmi(create(f, data, IPA_END, src, 1), 1);	/* map_addr_bound */
	assert_rmi(create(f, data, ~0xfffULL, src, 1), 1);
	assert_rmi(create(f, data, PAR_END, src, 1), 1);	/* unprotected */
	assert_rmi(create(f, data, IPA_END - 0x1000, src, 1), 1);
	/* the last protected granule is fine once its tables exist */
	rt_tables(f, PAR_END - 0x1000, 3);
	assert_rmi(create(f, data, PAR_END - 0x1000, src, 1), 0);
}

static void create_reports_walk_and_entry_state(void **state)
{
	struct fix *f = *state;
	uint64_t data = fix_alloc_delegated(f), src = rt_src(f, 1), l3, rtt;
	struct smc_regs r;

	/* rtt_walk: no L2 / no L3 */
	assert_rmi(create(f, data, 5 * L1_SIZE, src, 1), RET(4, 1));
	assert_rmi(create(f, data, L2_SIZE, src, 1), RET(4, 2));
	/* rtte_state: already assigned */
	assert_rmi(create(f, data, 0x3000, src, 1), 0);
	assert_rmi(create(f, fix_alloc_delegated(f), 0x3000, src, 1), RET(4, 3));
	assert_rmi(rc(f, RMI_FID_DATA_DESTROY, f->rd, 0x3000, 0, 0, 0, &r), 0);
	(void)l3;
	(void)rtt;
}

static void create_ranks_failures(void **state)
{
	struct fix *f = *state;
	uint64_t data = fix_alloc_delegated(f), src = rt_src(f, 1);

	activate(f);
	/* flags before realm state, src before realm state */
	assert_rmi(create(f, data, 0, src, 3), 1);
	assert_rmi(create(f, data, 0, data, 1), 1);
	/* data/rd before realm state */
	assert_rmi(create(f, fix_alloc(f), 0, src, 1), 1);
	/* realm state before ipa and before the walk */
	assert_rmi(create(f, data, PAR_END, src, 1), 2);
	assert_rmi(create(f, data, 0x800, src, 1), 2);
	assert_rmi(create(f, data, 7 * L1_SIZE, src, 1), 2);
}

static void create_ranks_ipa_before_walk(void **state)
{
	struct fix *f = *state;
	uint64_t data = fix_alloc_delegated(f), src = rt_src(f, 1);

	/* unprotected address with no tables: ERROR_INPUT, not ERROR_RTT */
	assert_rmi(create(f, data, PAR_END + 3 * L1_SIZE, src, 1), 1);
	/* flags bad and walk missing */
	assert_rmi(create(f, data, 7 * L1_SIZE, src, 9), 1);
}

static void create_copies_and_maps_ram(void **state)
{
	struct fix *f = *state;
	uint64_t src = rt_src(f, 0x5a), data = fix_alloc_delegated(f), l3 = rt_read(f, 0, 2).desc;
	uint8_t *host = pmem_host_ptr(f->pm, src);
	struct rt_entry e;

	host[17] = 0x11;
	assert_rmi(create(f, data, 0x4000, src, 0), 0);
	assert_memory_equal(rt_rmm_bytes(f, data), host, GRAN);
	assert_int_equal(rmm_granule_state(f->rmm, data), GRANULE_DATA);
	assert_int_equal(rmm_granule_state(f->rmm, src), GRANULE_NS);
	assert_int_equal(host[0], 0x5a);	/* the source is untouched and still host-readable */
	assert_int_equal(rmm_granule_refcount(f->rmm, l3), 1);
	e = rt_read(f, 0x4000, 3);
	assert_int_equal(e.state, RMI_RTT_ENTRY_STATE_ASSIGNED);
	assert_int_equal(e.desc, data);
	assert_int_equal(e.ripas, RMI_RIPAS_RAM);	/* EMPTY before: DATA_CREATE makes RAM */
	/* the same on a RAM and on a DESTROYED entry */
	assert_rmi(rc(f, RMI_FID_RTT_INIT_RIPAS, f->rd, 0x5000, 0x6000, 0, 0, NULL), 0);
	rt_data(f, 0x5000, 1, 1);
	assert_int_equal(rt_read(f, 0x5000, 3).ripas, RMI_RIPAS_RAM);
	{
		uint64_t pa, top;

		assert_rmi(destroy(f, 0x5000, &pa, &top), 0);
		assert_int_equal(rt_read(f, 0x5000, 3).ripas, RMI_RIPAS_DESTROYED);
		rt_data(f, 0x5000, 1, 1);
		assert_int_equal(rt_read(f, 0x5000, 3).ripas, RMI_RIPAS_RAM);
	}
}

/* ---------------- DATA_CREATE_UNKNOWN ---------------- */

static void unknown_rejects(void **state)
{
	struct fix *f = *state;
	uint64_t data = fix_alloc_delegated(f);

	assert_rmi(rc(f, RMI_FID_DATA_CREATE_UNKNOWN, f->rd, fix_alloc(f), 0, 0, 0, NULL), 1);
	assert_rmi(rc(f, RMI_FID_DATA_CREATE_UNKNOWN, f->rd, data + 1, 0, 0, 0, NULL), 1);
	assert_rmi(rc(f, RMI_FID_DATA_CREATE_UNKNOWN, f->rtt[1], data, 0, 0, 0, NULL), 1);
	assert_rmi(rc(f, RMI_FID_DATA_CREATE_UNKNOWN, f->rd, data, 0x10, 0, 0, NULL), 1);
	assert_rmi(rc(f, RMI_FID_DATA_CREATE_UNKNOWN, f->rd, data, PAR_END, 0, 0, NULL), 1);
	assert_rmi(rc(f, RMI_FID_DATA_CREATE_UNKNOWN, f->rd, data, IPA_END, 0, 0, NULL), 1);
	assert_rmi(rc(f, RMI_FID_DATA_CREATE_UNKNOWN, f->rd, data, 3 * L1_SIZE, 0, 0, NULL),
		   RET(4, 1));
	assert_rmi(rc(f, RMI_FID_DATA_CREATE_UNKNOWN, f->rd, data, 0, 0, 0, NULL), 0);
	assert_rmi(rc(f, RMI_FID_DATA_CREATE_UNKNOWN, f->rd, fix_alloc_delegated(f), 0, 0, 0, NULL),
		   RET(4, 3));
	/* ipa unprotected and walk missing: ERROR_INPUT first */
	assert_rmi(rc(f, RMI_FID_DATA_CREATE_UNKNOWN, f->rd, fix_alloc_delegated(f),
		      PAR_END + L1_SIZE, 0, 0, NULL), 1);
}

static void unknown_any_state_keeps_ripas_zeroes_not_measured(void **state)
{
	struct fix *f = *state;
	uint8_t before[64], after[64];
	uint64_t data = fix_alloc_delegated(f), pa, top;
	struct rt_entry e;

	rim(f, before);
	activate(f);
	/* stale bytes in the delegated granule must not reach the realm */
	memset(pmem_rmm_ptr(f->pm, data), 0xee, GRAN);
	assert_rmi(rc(f, RMI_FID_DATA_CREATE_UNKNOWN, f->rd, data, 0x1000, 0, 0, NULL), 0);
	for (unsigned int i = 0; i < GRAN; i++)
		assert_int_equal(rt_rmm_bytes(f, data)[i], 0);
	e = rt_read(f, 0x1000, 3);	/* [ran] at unassigned_empty -> ASSIGNED, ripas 0 */
	assert_int_equal(e.state, RMI_RTT_ENTRY_STATE_ASSIGNED);
	assert_int_equal(e.desc, data);
	assert_int_equal(e.ripas, RMI_RIPAS_EMPTY);
	/* assigned EMPTY is not a valid mapping: the descriptor is invalid */
	assert_int_equal(((const uint64_t *)rt_rmm_bytes(f, rt_read(f, 0, 2).desc))[1] & 1, 0);
	rim(f, after);
	assert_memory_equal(before, after, 64);
	/* assigned EMPTY goes back to unassigned EMPTY */
	rt_data_unknown(f, 0x2000);
	assert_rmi(destroy(f, 0x2000, &pa, &top), 0);
	assert_int_equal(rt_read(f, 0x2000, 3).ripas, RMI_RIPAS_EMPTY);	/* EMPTY stays EMPTY */
}

/* ---------------- DATA_DESTROY ---------------- */

static void destroy_rejects_with_top_zero(void **state)
{
	struct fix *f = *state;
	uint64_t pa = 3, top = 3;
	struct smc_regs r;

	rt_data(f, 0, 1, 1);
	assert_rmi(rc(f, RMI_FID_DATA_DESTROY, f->rtt[0], 0, 0, 0, 0, &r), 1);
	assert_int_equal(r.x[1] | r.x[2], 0);
	assert_rmi(destroy(f, 0x10, &pa, &top), 1);
	assert_int_equal(pa | top, 0);
	assert_rmi(destroy(f, PAR_END, &pa, &top), 1);
	assert_int_equal(top, 0);
	assert_rmi(destroy(f, IPA_END, &pa, &top), 1);
	assert_int_equal(top, 0);
	/* unprotected and missing tables: ERROR_INPUT first */
	assert_rmi(destroy(f, PAR_END + 2 * L1_SIZE, &pa, &top), 1);
}

static void destroy_reports_walk_and_state_with_top(void **state)
{
	struct fix *f = *state;
	uint64_t pa = 3, top;

	/* walk stops at the root: top = the next live root entry (the L2 at 0 is before) */
	assert_rmi(destroy(f, 2 * L1_SIZE, &pa, &top), RET(4, 1));
	assert_int_equal(top, PAR_END);
	assert_int_equal(pa, 0);
	/* walk stops at the L2 */
	assert_rmi(destroy(f, L2_SIZE, &pa, &top), RET(4, 2));
	assert_int_equal(top, L1_SIZE);
	/* entry unassigned: [ran] `304 0 2000` - top is the next live entry */
	rt_data(f, 0x2000, 1, 1);
	assert_rmi(destroy(f, 0x1000, &pa, &top), RET(4, 3));
	assert_int_equal(top, 0x2000);
	assert_int_equal(pa, 0);
	assert_rmi(destroy(f, 0x3000, &pa, &top), RET(4, 3));
	assert_int_equal(top, L2_SIZE);
}

static void destroy_success_transitions_and_scrub(void **state)
{
	struct fix *f = *state;
	uint64_t d_ram, d_empty, d_destroyed, pa, top, l3 = rt_read(f, 0, 2).desc;

	d_ram = rt_data(f, 0x1000, 1, 0x77);
	d_empty = rt_data_unknown(f, 0x2000);
	assert_rmi(destroy(f, 0x1000, &pa, &top), 0);	/* [ran] `0 <pa> 2000` */
	assert_int_equal(pa, d_ram);
	assert_int_equal(top, 0x2000);
	assert_int_equal(rmm_granule_state(f->rmm, d_ram), GRANULE_DELEGATED);
	for (unsigned int i = 0; i < GRAN; i++)
		assert_int_equal(rt_rmm_bytes(f, d_ram)[i], 0);
	assert_int_equal(rt_read(f, 0x1000, 3).ripas, RMI_RIPAS_DESTROYED);
	assert_int_equal(rt_read(f, 0x1000, 3).state, RMI_RTT_ENTRY_STATE_UNASSIGNED);
	/* assigned EMPTY -> unassigned EMPTY; last live entry: top = end of the L3 */
	assert_rmi(destroy(f, 0x2000, &pa, &top), 0);
	assert_int_equal(pa, d_empty);
	assert_int_equal(top, L2_SIZE);
	assert_int_equal(rt_read(f, 0x2000, 3).ripas, RMI_RIPAS_EMPTY);
	/* assigned DESTROYED -> unassigned DESTROYED */
	d_destroyed = rt_data_unknown(f, 0x1000);
	assert_int_equal(rt_read(f, 0x1000, 3).ripas, RMI_RIPAS_DESTROYED);
	assert_rmi(destroy(f, 0x1000, &pa, &top), 0);
	assert_int_equal(pa, d_destroyed);
	assert_int_equal(rt_read(f, 0x1000, 3).ripas, RMI_RIPAS_DESTROYED);
	assert_int_equal(rmm_granule_refcount(f->rmm, l3), 0);
	/* the granule goes back to the host, readable and zero */
	assert_rmi(rc(f, RMI_FID_GRANULE_UNDELEGATE, d_ram, 0, 0, 0, 0, NULL), 0);
	assert_int_equal(((uint8_t *)pmem_host_ptr(f->pm, d_ram))[5], 0);
	/* DATA_DESTROY works in any realm state */
	rt_data(f, 0x9000, 1, 1);
	activate(f);
	assert_rmi(destroy(f, 0x9000, &pa, &top), 0);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup_realm, fix_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(create_rejects_bad_flags),
		T(create_rejects_bad_src),
		T(create_rejects_bad_data_and_rd),
		T(create_rejects_after_activation),
		T(create_rejects_bad_ipa),
		T(create_reports_walk_and_entry_state),
		T(create_ranks_failures),
		T(create_ranks_ipa_before_walk),
		T(create_copies_and_maps_ram),
		T(unknown_rejects),
		T(unknown_any_state_keeps_ripas_zeroes_not_measured),
		T(destroy_rejects_with_top_zero),
		T(destroy_reports_walk_and_state_with_top),
		T(destroy_success_transitions_and_scrub),
	};

	return cmocka_run_group_tests_name("data 1.0", tests, NULL, NULL);
}
