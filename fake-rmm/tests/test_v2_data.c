// SPDX-License-Identifier: BSD-3-Clause
/*
 * 2.0-bet1 realm memory: RTT_DATA_MAP_INIT (failure order), RTT_DATA_MAP /
 * RTT_DATA_UNMAP (flags, descriptors, one leaf table per call, partial
 * progress, the ERROR_RTT protocol the v14 host follows), RTT_UNPROT_MAP /
 * RTT_UNPROT_UNMAP, and the terminate-then-destroy teardown.
 */
#include <string.h>

#include <cca-double/fault.h>

#include "v2_fixture.h"

#define NS_IPA (1ULL << 39)		/* first unprotected IPA of the s2sz-40 realm */
#define MB2 (2ULL << 20)
#define SINGLE V2(ADDR_TYPE_SINGLE)
#define LIST(n) (V2(ADDR_TYPE_LIST) | ((uint64_t)(n) << V2(MAP_FLAGS_LIST_COUNT_SHIFT)))
#define UNPROT_FLAGS(type, memattr, s2ap) \
	((uint64_t)(type) | ((uint64_t)(memattr) << V2(UNPROT_MAP_FLAGS_MEMATTR_SHIFT)) | \
	 ((uint64_t)(s2ap) << V2(UNPROT_MAP_FLAGS_S2AP_SHIFT)))
#define RW (V2(S2AP_DIRECT_READ_MASK) | V2(S2AP_DIRECT_WRITE_MASK))
#define MT_NORMAL_FWB 6

static int setup(void **state)
{
	if (fix_setup_v2(state))
		return -1;
	rt_v2_realm(*state, 40, 1, 2);
	return 0;
}

static uint64_t map(struct fix *f, uint64_t base, uint64_t top, uint64_t flags, uint64_t oaddr,
		    struct smc_regs *r)
{
	return rc(f, RMI_FID_RTT_DATA_MAP, f->rd, base, top, flags, oaddr, r);
}

static uint64_t unmap(struct fix *f, uint64_t base, uint64_t top, uint64_t flags, uint64_t oaddr,
		      struct smc_regs *r)
{
	return rc(f, RMI_FID_RTT_DATA_UNMAP, f->rd, base, top, flags, oaddr, r);
}

/* ---- RTT_DATA_MAP_INIT ---- */

static void data_map_init_failure_order(void **state)
{
	struct fix *f = *state;
	uint64_t src = rt_src(f, 0x5a), data = fix_alloc_delegated(f), ipa = 0x3000;
	uint8_t rim0[64], rim1[64];
	struct rt_entry e;

	/* flags_valid */
	assert_rmi(rc(f, RMI_FID_RTT_DATA_MAP_INIT, f->rd, data, ipa, src, 2, NULL),
		   RMI_STATUS_ERROR_INPUT);
	/* data == rd */
	assert_rmi(rc(f, RMI_FID_RTT_DATA_MAP_INIT, f->rd, f->rd, ipa, src, 1, NULL),
		   RMI_STATUS_ERROR_INPUT);
	/* src not NS */
	assert_rmi(rc(f, RMI_FID_RTT_DATA_MAP_INIT, f->rd, data, ipa, data, 1, NULL),
		   RMI_STATUS_ERROR_INPUT);
	/* rd not an RD */
	assert_rmi(rc(f, RMI_FID_RTT_DATA_MAP_INIT, data, f->rtt[0], ipa, src, 1, NULL),
		   RMI_STATUS_ERROR_INPUT);
	/* ipa: unaligned, unprotected, outside the IPA space */
	assert_rmi(rc(f, RMI_FID_RTT_DATA_MAP_INIT, f->rd, data, ipa + 8, src, 1, NULL),
		   RMI_STATUS_ERROR_INPUT);
	assert_rmi(rc(f, RMI_FID_RTT_DATA_MAP_INIT, f->rd, data, NS_IPA, src, 1, NULL),
		   RMI_STATUS_ERROR_INPUT);
	assert_rmi(rc(f, RMI_FID_RTT_DATA_MAP_INIT, f->rd, data, 1ULL << 40, src, 1, NULL),
		   RMI_STATUS_ERROR_INPUT);
	/* rtt_walk: no level-2 table yet (the walk stops at the level-1 root). */
	assert_rmi(rc(f, RMI_FID_RTT_DATA_MAP_INIT, f->rd, data, ipa, src, 1, NULL),
		   RET(RMI_STATUS_ERROR_RTT, 1));
	/* The data granule is checked after the walk: an NS one still gets ERROR_RTT. */
	assert_rmi(rc(f, RMI_FID_RTT_DATA_MAP_INIT, f->rd, fix_alloc(f), ipa, src, 1, NULL),
		   RET(RMI_STATUS_ERROR_RTT, 1));
	rt_tables(f, ipa, 3);
	/* data_state: NS, or the leaf table itself */
	assert_rmi(rc(f, RMI_FID_RTT_DATA_MAP_INIT, f->rd, fix_alloc(f), ipa, src, 1, NULL),
		   RMI_STATUS_ERROR_INPUT);
	e = rt_read(f, ipa, 2);
	assert_rmi(rc(f, RMI_FID_RTT_DATA_MAP_INIT, f->rd, e.desc, ipa, src, 1, NULL),
		   RMI_STATUS_ERROR_INPUT);
	/* Success: measured, contents copied, RAM. */
	rmm_realm_measurement(f->rmm, f->rd, 0, rim0);
	assert_rmi(rc(f, RMI_FID_RTT_DATA_MAP_INIT, f->rd, data, ipa, src, 1, NULL), 0);
	rmm_realm_measurement(f->rmm, f->rd, 0, rim1);
	assert_memory_not_equal(rim0, rim1, 64);
	assert_int_equal(rt_rmm_bytes(f, data)[100], 0x5a);
	e = rt_read(f, ipa, 3);
	assert_int_equal(e.state, RMI_RTT_ENTRY_STATE_ASSIGNED);
	assert_int_equal(e.desc, data);
	assert_int_equal(e.ripas, RMI_RIPAS_RAM);
	/* rtte_state: mapped already */
	assert_rmi(rc(f, RMI_FID_RTT_DATA_MAP_INIT, f->rd, fix_alloc_delegated(f), ipa, src, 1, NULL),
		   RET(RMI_STATUS_ERROR_RTT, 3));
	/* realm_state (before the IPA checks): an active realm cannot be populated. */
	assert_rmi(rc(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), 0);
	assert_rmi(rc(f, RMI_FID_RTT_DATA_MAP_INIT, f->rd, fix_alloc_delegated(f), ipa + 8, src, 1,
		      NULL), RMI_STATUS_ERROR_REALM);
}

/* ---- RTT_DATA_MAP ---- */

static void data_map_argument_failures(void **state)
{
	struct fix *f = *state;
	uint64_t d = v2_delegated_run(f, 4), desc = v2_desc(d, 1, false), base = 0x10000;
	uint64_t list = v2_list(f, &desc, 1);

	rt_tables(f, base, 3);
	/* rd */
	assert_rmi(rc(f, RMI_FID_RTT_DATA_MAP, d, base, base + GRAN, SINGLE, desc, NULL),
		   RMI_STATUS_ERROR_INPUT);
	/* top <= base */
	assert_rmi(map(f, base, base, SINGLE, desc, NULL), RMI_STATUS_ERROR_INPUT);
	/* oaddr type NONE or reserved (3) */
	assert_rmi(map(f, base, base + GRAN, V2(ADDR_TYPE_NONE), desc, NULL), RMI_STATUS_ERROR_INPUT);
	assert_rmi(map(f, base, base + GRAN, 3, desc, NULL), RMI_STATUS_ERROR_INPUT);
	/* LIST: count 0, unaligned list, list not NS */
	assert_rmi(map(f, base, base + GRAN, LIST(0), list, NULL), RMI_STATUS_ERROR_INPUT);
	assert_rmi(map(f, base, base + GRAN, LIST(1), list + 4, NULL), RMI_STATUS_ERROR_INPUT);
	assert_rmi(map(f, base, base + GRAN, LIST(1), d + GRAN, NULL), RMI_STATUS_ERROR_INPUT);
	/* first descriptor: "undelegated", or a 512 GiB block (level 0) */
	assert_rmi(map(f, base, base + GRAN, SINGLE, v2_desc(d, 1, true), NULL),
		   RMI_STATUS_ERROR_INPUT);
	assert_rmi(map(f, base, base + GRAN, SINGLE, v2_desc_sized(0, 3, 1, false), NULL),
		   RMI_STATUS_ERROR_INPUT);
	/* base not aligned to the block (2 MiB descriptor), top not aligned, range unprotected */
	assert_rmi(map(f, base, base + MB2, SINGLE, v2_desc_sized(0, 1, 1, false), NULL),
		   RMI_STATUS_ERROR_INPUT);
	assert_rmi(map(f, base, base + GRAN + 8, SINGLE, desc, NULL), RMI_STATUS_ERROR_INPUT);
	assert_rmi(map(f, NS_IPA, NS_IPA + GRAN, SINGLE, desc, NULL), RMI_STATUS_ERROR_INPUT);
	assert_rmi(map(f, NS_IPA - GRAN, NS_IPA + GRAN, SINGLE, desc, NULL), RMI_STATUS_ERROR_INPUT);
	/* shorter than one block: ERROR_RTT(level of the block) */
	assert_rmi(map(f, 0, GRAN, SINGLE, v2_desc_sized(0, 1, 1, false), NULL),
		   RET(RMI_STATUS_ERROR_RTT, 2));
	/* no table at level 3 there */
	assert_rmi(map(f, 1ULL << 30, (1ULL << 30) + GRAN, SINGLE, desc, NULL),
		   RET(RMI_STATUS_ERROR_RTT, 1));
	/* realm_state: a terminated realm */
	assert_rmi(rc(f, RMI_FID_REALM_TERMINATE, f->rd, 0, 0, 0, 0, NULL), 0);
	assert_rmi(map(f, base, base + GRAN, SINGLE, desc, NULL), RMI_STATUS_ERROR_REALM);
	assert_int_equal(rmm_granules_in_state(f->rmm, GRANULE_DATA), 0);
}

static void data_map_across_table_boundary(void **state)
{
	struct fix *f = *state;
	uint64_t d = v2_delegated_run(f, 4), base = MB2 - 2 * GRAN;
	struct smc_regs r;
	struct rt_entry e;

	rt_tables(f, base, 3);
	rt_tables(f, MB2, 3);
	/* One descriptor of 4 pages: the first call ends with the leaf table. */
	assert_rmi(map(f, base, base + 4 * GRAN, SINGLE, v2_desc(d, 4, false), &r), 0);
	assert_int_equal(r.x[1], MB2);
	/* The host continues from x1 with what is left. */
	assert_rmi(map(f, MB2, base + 4 * GRAN, SINGLE, v2_desc(d + 2 * GRAN, 2, false), &r), 0);
	assert_int_equal(r.x[1], base + 4 * GRAN);
	for (int i = 0; i < 4; i++) {
		e = rt_read(f, base + i * GRAN, 3);
		assert_int_equal(e.desc, d + i * GRAN);
		/* The entry keeps its RIPAS (EMPTY here): contents unknown, zeroed. */
		assert_int_equal(e.ripas, RMI_RIPAS_EMPTY);
		assert_int_equal(rmm_granule_state(f->rmm, d + i * GRAN), GRANULE_DATA);
	}
	/* Mapping the same PA again is a no-op; another PA is in the way. */
	assert_rmi(map(f, MB2, MB2 + GRAN, SINGLE, v2_desc(d + 2 * GRAN, 1, false), &r), 0);
	assert_int_equal(r.x[1], MB2 + GRAN);
	assert_rmi(map(f, MB2, MB2 + GRAN, SINGLE, v2_desc(fix_alloc_delegated(f), 1, false), &r),
		   RET(RMI_STATUS_ERROR_RTT, 3));
}

static void data_map_partial_progress(void **state)
{
	struct fix *f = *state;
	uint64_t d = v2_delegated_run(f, 2), ns = fix_alloc(f), list[3], base = 0x40000;
	struct smc_regs r;

	rt_tables(f, base, 3);
	assert_rmi(rc(f, RMI_FID_RTT_INIT_RIPAS, f->rd, base, base + 4 * GRAN, 0, 0, NULL), 0);
	/* A LIST whose second block is not delegated: the first is mapped, SUCCESS, x1 after it. */
	list[0] = v2_desc(d, 1, false);
	list[1] = v2_desc(ns, 1, false);
	list[2] = v2_desc(d + GRAN, 1, false);
	assert_rmi(map(f, base, base + 3 * GRAN, LIST(3), v2_list(f, list, 3), &r), 0);
	assert_int_equal(r.x[1], base + GRAN);
	assert_int_equal(rt_read(f, base, 3).ripas, RMI_RIPAS_RAM);
	/* From there the bad block is first: ERROR_INPUT, nothing changes. */
	assert_rmi(map(f, base + GRAN, base + 3 * GRAN, LIST(2), v2_list(f, list + 1, 2), &r),
		   RMI_STATUS_ERROR_INPUT);
	/* A descriptor of another block size ends the call too. */
	list[0] = v2_desc(d + GRAN, 1, false);
	list[1] = v2_desc_sized(0, 1, 1, false);
	assert_rmi(map(f, base + GRAN, base + 3 * GRAN, LIST(2), v2_list(f, list, 2), &r), 0);
	assert_int_equal(r.x[1], base + 2 * GRAN);
	/* Descriptors used up before top: SUCCESS with what was mapped. */
	assert_int_equal(rmm_granules_in_state(f->rmm, GRANULE_DATA), 2);
}

static void data_map_progress_fault(void **state)
{
	struct fix *f = *state;
	struct fault_plan *plan = fault_plan_new();
	struct fault_rule rule = { .command = "RTT_DATA_MAP", .iface = ABI_RMI,
				   .action = FAULT_PROGRESS, .progress = 1 };
	uint64_t d = v2_delegated_run(f, 3);
	char err[128];
	struct smc_regs r;

	rt_tables(f, 0, 3);
	assert_int_equal(fault_plan_add(plan, rmm_profile(f->rmm), &rule, err, sizeof(err), NULL, 0), 0);
	rmm_set_faults(f->rmm, plan);
	assert_rmi(map(f, 0, 3 * GRAN, SINGLE, v2_desc(d, 3, false), &r), 0);
	assert_int_equal(r.x[1], GRAN);
	rmm_set_faults(f->rmm, NULL);
	fault_plan_free(plan);
}

/* ---- RTT_DATA_UNMAP ---- */

static void data_unmap_single_and_table_boundary(void **state)
{
	struct fix *f = *state;
	uint64_t d = v2_delegated_run(f, 4), base = MB2 - 2 * GRAN;
	struct smc_regs r;

	rt_tables(f, base, 3);
	rt_tables(f, MB2, 3);
	assert_rmi(rc(f, RMI_FID_RTT_INIT_RIPAS, f->rd, base, MB2, 0, 0, NULL), 0);
	assert_rmi(map(f, base, MB2, SINGLE, v2_desc(d, 2, false), &r), 0);
	assert_rmi(map(f, MB2, MB2 + 2 * GRAN, SINGLE, v2_desc(d + 2 * GRAN, 2, false), &r), 0);
	/* SINGLE: x2 describes the freed PAs; x1 stops at the end of the leaf table. */
	assert_rmi(unmap(f, base, base + 4 * GRAN, SINGLE, 0, &r), 0);
	assert_int_equal(r.x[1], MB2);
	assert_int_equal(r.x[2], v2_desc(d, 2, false));
	assert_int_equal(r.x[3], 0);
	assert_int_equal(rmm_granule_state(f->rmm, d), GRANULE_DELEGATED);
	/* RAM contents are gone: DESTROYED; EMPTY stays EMPTY. */
	assert_int_equal(rt_read(f, base, 3).ripas, RMI_RIPAS_DESTROYED);
	assert_rmi(unmap(f, MB2, base + 4 * GRAN, SINGLE, 0, &r), 0);
	assert_int_equal(r.x[1], base + 4 * GRAN);
	assert_int_equal(r.x[2], v2_desc(d + 2 * GRAN, 2, false));
	assert_int_equal(rt_read(f, MB2, 3).ripas, RMI_RIPAS_EMPTY);
	assert_int_equal(rmm_granules_in_state(f->rmm, GRANULE_DATA), 0);
	v2_undelegate(f, d, d + 4 * GRAN);
}

static void data_unmap_unassigned_first(void **state)
{
	struct fix *f = *state;
	uint64_t d = v2_delegated_run(f, 1);
	struct smc_regs r;

	rt_tables(f, 0, 3);
	assert_rmi(map(f, 0x5000, 0x6000, SINGLE, v2_desc(d, 1, false), &r), 0);
	/*
	 * Nothing at base: ERROR_RTT(3) and x1 = the next mapped IPA (> base:
	 * "skip"), or, where results are defined on SUCCESS only, the
	 * unmapped entries skipped: SUCCESS, x1 = there, nothing unmapped.
	 */
	assert_rmi(unmap(f, 0x1000, 0x5000, SINGLE, 0, &r), v2_unmap_nothing_x0("RTT_DATA_UNMAP", 3));
	assert_int_equal(r.x[1], 0x5000);
	assert_int_equal(r.x[2], 0);
	assert_int_equal(rmm_granule_state(f->rmm, d), GRANULE_DATA);
	/* No level-3 table at all: the level where the walk stopped, x1 past it. */
	assert_rmi(unmap(f, 1ULL << 30, (1ULL << 30) + GRAN, SINGLE, 0, &r),
		   v2_unmap_nothing_x0("RTT_DATA_UNMAP", 1));
	assert_true(v2_unmap_next("RTT_DATA_UNMAP", 1ULL << 30, r.x[0], r.x[1]) > 1ULL << 30);
	/* Unassigned entries after a mapped one are skipped. */
	assert_rmi(unmap(f, 0x5000, 0x8000, SINGLE, 0, &r), 0);
	assert_int_equal(r.x[1], 0x8000);
	assert_int_equal(r.x[2], v2_desc(d, 1, false));
}

static void data_unmap_output_types(void **state)
{
	struct fix *f = *state;
	uint64_t a = fix_alloc_delegated(f), b, c, list = fix_alloc(f);
	const uint64_t *l = pmem_host_ptr(f->pm, list);
	struct smc_regs r;

	fix_alloc(f);
	b = fix_alloc_delegated(f);
	fix_alloc(f);
	c = fix_alloc_delegated(f);
	rt_tables(f, 0, 3);
	assert_rmi(map(f, 0, GRAN, SINGLE, v2_desc(a, 1, false), &r), 0);
	assert_rmi(map(f, GRAN, 2 * GRAN, SINGLE, v2_desc(b, 1, false), &r), 0);
	assert_rmi(map(f, 2 * GRAN, 3 * GRAN, SINGLE, v2_desc(c, 1, false), &r), 0);
	/* SINGLE stops where the PAs stop being contiguous. */
	assert_rmi(unmap(f, 0, 3 * GRAN, SINGLE, 0, &r), 0);
	assert_int_equal(r.x[1], GRAN);
	assert_int_equal(r.x[2], v2_desc(a, 1, false));
	/* LIST: one descriptor per run written to the host's list, x3 = count. */
	assert_rmi(unmap(f, GRAN, 3 * GRAN, LIST(8), list, &r), 0);
	assert_int_equal(r.x[1], 3 * GRAN);
	assert_int_equal(r.x[2], 0);
	assert_int_equal(r.x[3], 2);
	assert_int_equal(l[0], v2_desc(b, 1, false));
	assert_int_equal(l[1], v2_desc(c, 1, false));
	/* NONE: nothing reported, still unmapped. */
	assert_rmi(map(f, 0, GRAN, SINGLE, v2_desc(a, 1, false), &r), 0);
	assert_rmi(unmap(f, 0, GRAN, V2(ADDR_TYPE_NONE), 0, &r), 0);
	assert_int_equal(r.x[1], GRAN);
	assert_int_equal(r.x[2], 0);
	assert_int_equal(r.x[3], 0);
	assert_int_equal(rmm_granules_in_state(f->rmm, GRANULE_DATA), 0);
}

static void data_unmap_argument_failures(void **state)
{
	struct fix *f = *state;
	uint64_t list = fix_alloc(f);

	rt_tables(f, 0, 3);
	assert_rmi(rc(f, RMI_FID_RTT_DATA_UNMAP, list, 0, GRAN, SINGLE, 0, NULL), RMI_STATUS_ERROR_INPUT);
	assert_rmi(unmap(f, GRAN, GRAN, SINGLE, 0, NULL), RMI_STATUS_ERROR_INPUT);
	assert_rmi(unmap(f, 8, GRAN, SINGLE, 0, NULL), RMI_STATUS_ERROR_INPUT);
	assert_rmi(unmap(f, 0, GRAN + 8, SINGLE, 0, NULL), RMI_STATUS_ERROR_INPUT);
	assert_rmi(unmap(f, 0, (1ULL << 40) + GRAN, SINGLE, 0, NULL), RMI_STATUS_ERROR_INPUT);
	assert_rmi(unmap(f, NS_IPA, NS_IPA + GRAN, SINGLE, 0, NULL), RMI_STATUS_ERROR_INPUT);
	/* NONE / SINGLE: oaddr and list_count SBZ */
	assert_rmi(unmap(f, 0, GRAN, SINGLE, list, NULL), RMI_STATUS_ERROR_INPUT);
	assert_rmi(unmap(f, 0, GRAN, V2(ADDR_TYPE_NONE) | LIST(1), 0, NULL), RMI_STATUS_ERROR_INPUT);
	/* LIST: count 0, unaligned, not NS; reserved type */
	assert_rmi(unmap(f, 0, GRAN, LIST(0), list, NULL), RMI_STATUS_ERROR_INPUT);
	assert_rmi(unmap(f, 0, GRAN, LIST(1), list + 1, NULL), RMI_STATUS_ERROR_INPUT);
	assert_rmi(unmap(f, 0, GRAN, LIST(1), fix_alloc_delegated(f), NULL), RMI_STATUS_ERROR_INPUT);
	assert_rmi(unmap(f, 0, GRAN, 3, 0, NULL), RMI_STATUS_ERROR_INPUT);
}

static void data_block_map_and_split(void **state)
{
	struct fix *f = *state;
	uint64_t base = 4 * MB2, d;
	struct smc_regs r;
	struct rt_entry e;

	/* 512 delegated granules on a 2 MiB boundary. */
	f->next = (f->next + MB2 - 1) & ~(MB2 - 1);
	d = v2_delegated_run(f, 512);
	rt_tables(f, base, 2);
	assert_rmi(map(f, base, base + MB2, SINGLE, v2_desc_sized(d, 1, 1, false), &r), 0);
	assert_int_equal(r.x[1], base + MB2);
	e = rt_read(f, base, 3);
	assert_int_equal(e.walk_level, 2);
	assert_int_equal(e.desc, d);
	/* Unmapping part of the block: ERROR_RTT(2) with x1 == base: split it first. */
	assert_rmi(unmap(f, base + GRAN, base + 2 * GRAN, SINGLE, 0, &r), RET(RMI_STATUS_ERROR_RTT, 2));
	assert_int_equal(r.x[1], v2_on_failure("RTT_DATA_UNMAP", "top", r.x[0], base + GRAN));
	assert_rmi(unmap(f, base, base + GRAN, SINGLE, 0, &r), RET(RMI_STATUS_ERROR_RTT, 2));
	assert_int_equal(r.x[1], v2_on_failure("RTT_DATA_UNMAP", "top", r.x[0], base));
	/* The whole block: one 2 MiB descriptor. */
	assert_rmi(unmap(f, base, base + MB2, SINGLE, 0, &r), 0);
	assert_int_equal(r.x[2], v2_desc_sized(d, 1, 1, false));
	assert_int_equal(rmm_granules_in_state(f->rmm, GRANULE_DATA), 0);
}

/* ---- RTT_UNPROT_MAP / RTT_UNPROT_UNMAP ---- */

static void unprot_map_and_unmap(void **state)
{
	struct fix *f = *state;
	uint64_t ns = fix_alloc(f), flags = UNPROT_FLAGS(SINGLE, MT_NORMAL_FWB, RW);
	struct smc_regs r;
	struct rt_entry e;

	fix_alloc(f);
	/* no tables there yet */
	assert_rmi(rc(f, RMI_FID_RTT_UNPROT_MAP, f->rd, NS_IPA, NS_IPA + GRAN, flags,
		      v2_desc(ns, 1, true), &r), RET(RMI_STATUS_ERROR_RTT, 1));
	rt_tables(f, NS_IPA, 3);
	assert_rmi(rc(f, RMI_FID_RTT_UNPROT_MAP, f->rd, NS_IPA, NS_IPA + 2 * GRAN, flags,
		      v2_desc(ns, 2, true), &r), 0);
	assert_int_equal(r.x[1], NS_IPA + 2 * GRAN);
	e = rt_read(f, NS_IPA + GRAN, 3);
	assert_int_equal(e.state, RMI_RTT_ENTRY_STATE_ASSIGNED);
	/* The descriptor as 1.0 had it: PA | MemAttr[4:2] | S2AP[7:6] (read, write). */
	assert_int_equal(e.desc, (ns + GRAN) | (MT_NORMAL_FWB << 2) | (3 << 6));
	/* Same again: no-op; other attributes: in the way. */
	assert_rmi(rc(f, RMI_FID_RTT_UNPROT_MAP, f->rd, NS_IPA, NS_IPA + GRAN, flags,
		      v2_desc(ns, 1, true), &r), 0);
	assert_rmi(rc(f, RMI_FID_RTT_UNPROT_MAP, f->rd, NS_IPA, NS_IPA + GRAN,
		      UNPROT_FLAGS(SINGLE, MT_NORMAL_FWB, V2(S2AP_DIRECT_READ_MASK)),
		      v2_desc(ns, 1, true), &r), RET(RMI_STATUS_ERROR_RTT, 3));
	/* Unmap: x2 names the NS PAs, state "undelegated". */
	assert_rmi(rc(f, RMI_FID_RTT_UNPROT_UNMAP, f->rd, NS_IPA, NS_IPA + 2 * GRAN, SINGLE, 0, &r), 0);
	assert_int_equal(r.x[1], NS_IPA + 2 * GRAN);
	assert_int_equal(r.x[2], v2_desc(ns, 2, true));
	/* Nothing mapped any more: ERROR_RTT(3), x1 past base (the v14 host skips), or skipped. */
	assert_rmi(rc(f, RMI_FID_RTT_UNPROT_UNMAP, f->rd, NS_IPA, NS_IPA + GRAN, 0, 0, &r),
		   v2_unmap_nothing_x0("RTT_UNPROT_UNMAP", 3));
	assert_true(v2_unmap_next("RTT_UNPROT_UNMAP", NS_IPA, r.x[0], r.x[1]) > NS_IPA);
}

static void unprot_map_failures(void **state)
{
	struct fix *f = *state;
	uint64_t ns = fix_alloc(f), desc = v2_desc(ns, 1, true);

	rt_tables(f, NS_IPA, 3);
	/* inside the PAR */
	assert_rmi(rc(f, RMI_FID_RTT_UNPROT_MAP, f->rd, 0, GRAN, UNPROT_FLAGS(SINGLE, 6, RW), desc,
		      NULL), RMI_STATUS_ERROR_INPUT);
	/* S2AP: only the read and write bits */
	assert_rmi(rc(f, RMI_FID_RTT_UNPROT_MAP, f->rd, NS_IPA, NS_IPA + GRAN,
		      UNPROT_FLAGS(SINGLE, 6, 4 | RW), desc, NULL), RMI_STATUS_ERROR_INPUT);
	/* MemAttr 0b100 is reserved with FWB */
	assert_rmi(rc(f, RMI_FID_RTT_UNPROT_MAP, f->rd, NS_IPA, NS_IPA + GRAN,
		      UNPROT_FLAGS(SINGLE, 4, RW), desc, NULL), RMI_STATUS_ERROR_INPUT);
	/* oaddr type NONE */
	assert_rmi(rc(f, RMI_FID_RTT_UNPROT_MAP, f->rd, NS_IPA, NS_IPA + GRAN,
		      UNPROT_FLAGS(V2(ADDR_TYPE_NONE), 6, RW), desc, NULL), RMI_STATUS_ERROR_INPUT);
	/* shorter than the 2 MiB block the descriptor names */
	assert_rmi(rc(f, RMI_FID_RTT_UNPROT_MAP, f->rd, NS_IPA, NS_IPA + GRAN,
		      UNPROT_FLAGS(SINGLE, 6, RW), v2_desc_sized(0, 1, 1, true), NULL),
		   RET(RMI_STATUS_ERROR_RTT, 2));
	/* UNPROT_UNMAP inside the PAR */
	assert_rmi(rc(f, RMI_FID_RTT_UNPROT_UNMAP, f->rd, 0, GRAN, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
}

/* ---- teardown ---- */

/* RTT_DESTROY walk at `level` over the whole IPA space, using x2 to skip. */
static void destroy_tables(struct fix *f, int level)
{
	struct smc_regs r;
	uint64_t x0;

	for (uint64_t ipa = 0; ipa < (1ULL << 40);) {
		x0 = rc(f, RMI_FID_RTT_DESTROY, f->rd, ipa, (uint64_t)level, 0, 0, &r);
		if (x0 == 0) {
			v2_undelegate(f, r.x[1], r.x[1] + GRAN);
		} else {
			assert_int_equal(x0 & 0xff, RMI_STATUS_ERROR_RTT);
			assert_true(r.x[2] > ipa);
		}
		ipa = r.x[2];
	}
}

static void terminate_then_destroy(void **state)
{
	struct fix *f = *state;
	uint64_t src = rt_src(f, 1), rec, d, ns = fix_alloc(f), rd = f->rd;
	struct smc_regs r;

	/* A realm with contents, an unprotected mapping and a REC. */
	for (uint64_t ipa = 0; ipa < 4 * GRAN; ipa += GRAN) {
		rt_tables(f, ipa, 3);
		assert_rmi(rc(f, RMI_FID_RTT_DATA_MAP_INIT, f->rd, fix_alloc_delegated(f), ipa, src, 1,
			      NULL), 0);
	}
	d = v2_delegated_run(f, 2);
	rt_tables(f, 1ULL << 30, 3);
	assert_rmi(map(f, 1ULL << 30, (1ULL << 30) + 2 * GRAN, SINGLE, v2_desc(d, 2, false), &r), 0);
	rt_tables(f, NS_IPA, 3);
	assert_rmi(rc(f, RMI_FID_RTT_UNPROT_MAP, f->rd, NS_IPA, NS_IPA + GRAN,
		      UNPROT_FLAGS(SINGLE, 6, RW), v2_desc(ns, 1, true), &r), 0);
	assert_rmi(v2_rec_create(f, v2_rec_params(f, V2(REC_PARAMS_FLAGS_RUNNABLE_MASK), 0, 0, NULL),
				 &rec), 0);
	assert_rmi(rc(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), 0);

	/* The v14 order: RECs, terminate, unmap everything, tables bottom-up, RD. */
	assert_rmi(v2_rec_destroy(f, rec), 0);
	v2_undelegate(f, rec, rec + GRAN);
	/* Destroying a live realm is refused until it is terminated. */
	assert_rmi(rc(f, RMI_FID_REALM_DESTROY, f->rd, 0, 0, 0, 0, NULL), RMI_STATUS_ERROR_REALM);
	assert_rmi(rc(f, RMI_FID_REALM_TERMINATE, f->rd, 0, 0, 0, 0, NULL), 0);
	for (uint64_t ipa = 0, next; ipa < NS_IPA;) {
		uint64_t x0 = unmap(f, ipa, NS_IPA, SINGLE, 0, &r);

		if (x0 == 0 && r.x[2]) {
			uint64_t pa = r.x[2] & V2(ADDR_RANGE_DESC_ADDR_MASK);
			uint64_t n = (r.x[2] & V2(ADDR_RANGE_DESC_COUNT_MASK)) >>
				     V2(ADDR_RANGE_DESC_COUNT_SHIFT);

			v2_undelegate(f, pa, pa + n * GRAN);
		} else if (x0) {
			assert_int_equal(x0 & 0xff, RMI_STATUS_ERROR_RTT);
		}
		next = v2_unmap_next("RTT_DATA_UNMAP", ipa, x0, r.x[1]);
		assert_true(next > ipa);
		ipa = next;
	}
	for (uint64_t ipa = NS_IPA, next; ipa < (1ULL << 40);) {
		uint64_t x0 = rc(f, RMI_FID_RTT_UNPROT_UNMAP, f->rd, ipa, 1ULL << 40, 0, 0, &r);

		assert_true(x0 == 0 || (x0 & 0xff) == RMI_STATUS_ERROR_RTT);
		next = v2_unmap_next("RTT_UNPROT_UNMAP", ipa, x0, r.x[1]);
		assert_true(next > ipa);
		ipa = next;
	}
	destroy_tables(f, 3);
	destroy_tables(f, 2);
	assert_rmi(v2_op(f, RMI_FID_REALM_DESTROY, f->rd, 0, 0, NULL), 0);
	v2_undelegate(f, rd, rd + GRAN);
	for (unsigned int i = 0; i < f->nrtt; i++)
		v2_undelegate(f, f->rtt[i], f->rtt[i] + GRAN);
	/* Every granule is NS again. */
	assert_int_equal(rmm_granules_not_ns(f->rmm), 0);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(data_map_init_failure_order, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(data_map_argument_failures, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(data_map_across_table_boundary, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(data_map_partial_progress, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(data_map_progress_fault, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(data_unmap_single_and_table_boundary, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(data_unmap_unassigned_first, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(data_unmap_output_types, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(data_unmap_argument_failures, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(data_block_map_and_split, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(unprot_map_and_unmap, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(unprot_map_failures, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(terminate_then_destroy, setup, fix_teardown),
	};

	return fix_run_v2_group("v2_data", tests, argc, argv);
}
