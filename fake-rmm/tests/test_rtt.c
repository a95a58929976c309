// SPDX-License-Identifier: BSD-3-Clause
/*
 * RTT_CREATE, RTT_DESTROY, RTT_FOLD, RTT_READ_ENTRY, RTT_MAP_UNPROTECTED
 * and RTT_UNMAP_UNPROTECTED (1.0; the RTT subset also on 2.0-bet1): each
 * failure condition with its exact status, index and outputs, which of two
 * failures the spec ranks first, and the table-driven walk over every
 * start level and number of start tables.  Invariants are checked after
 * every call (rc()).
 */
#include "rtt_fixture.h"

#include <string.h>

/* Default realm: s2sz 40, start level 1, 2 start tables; PAR = [0, 2^39). */
#define PAR_END (1ULL << 39)
#define NS_BASE PAR_END
#define IPA_END (1ULL << 40)
#define NS_DESC(pa) ((pa) | (5ULL << 2) | (3ULL << 6))	/* MemAttr 0b101, S2AP RW */

static uint64_t destroy(struct fix *f, uint64_t ipa, int level, uint64_t *rtt, uint64_t *top)
{
	struct smc_regs r;
	uint64_t x0 = rc(f, RMI_FID_RTT_DESTROY, f->rd, ipa, (uint64_t)level, 0, 0, &r);

	*rtt = r.x[1];
	*top = r.x[2];
	return x0;
}

static uint64_t fold(struct fix *f, uint64_t ipa, int level, uint64_t *rtt)
{
	struct smc_regs r;
	uint64_t x0 = rc(f, RMI_FID_RTT_FOLD, f->rd, ipa, (uint64_t)level, 0, 0, &r);

	*rtt = r.x[1];
	return x0;
}

static uint64_t unmap_ns(struct fix *f, uint64_t ipa, int level, uint64_t *top)
{
	struct smc_regs r;
	uint64_t x0 = rc(f, RMI_FID_RTT_UNMAP_UNPROTECTED, f->rd, ipa, (uint64_t)level, 0, 0, &r);

	*top = r.x[1];
	return x0;
}

static uint64_t map_ns(struct fix *f, uint64_t ipa, int level, uint64_t desc)
{
	return rc(f, RMI_FID_RTT_MAP_UNPROTECTED, f->rd, ipa, (uint64_t)level, desc, 0, NULL);
}

static int setup_realm(void **state)
{
	if (fix_setup_v1(state))
		return -1;
	rt_realm(*state);
	return 0;
}

static uint64_t table_pa(struct fix *f, uint64_t ipa, int level)
{
	struct rt_entry e = rt_read(f, ipa, level - 1);

	assert_int_equal(e.state, RMI_RTT_ENTRY_STATE_TABLE);
	return e.desc;
}

/* ---------------- RTT_CREATE ---------------- */

static void create_rejects_bad_rtt_granule(void **state)
{
	struct fix *f = *state;
	uint64_t ns = fix_alloc(f), del = fix_alloc_delegated(f);
	uint64_t end = pmem_pa_base(f->pm) + pmem_size(f->pm);

	/* rtt_align, rtt_bound, rtt_state (NS, RD, an RTT in use) */
	assert_rmi(rc(f, RMI_FID_RTT_CREATE, f->rd, del + 8, 0, 2, 0, NULL), 1);
	assert_rmi(rc(f, RMI_FID_RTT_CREATE, f->rd, end, 0, 2, 0, NULL), 1);
	assert_rmi(rc(f, RMI_FID_RTT_CREATE, f->rd, ~0ULL & ~0xfffULL, 0, 2, 0, NULL), 1);
	assert_rmi(rc(f, RMI_FID_RTT_CREATE, f->rd, ns, 0, 2, 0, NULL), 1);
	assert_rmi(rc(f, RMI_FID_RTT_CREATE, f->rd, f->rd, 0, 2, 0, NULL), 1);
	assert_rmi(rc(f, RMI_FID_RTT_CREATE, f->rd, f->rtt[0], 0, 2, 0, NULL), 1);
	assert_int_equal(rmm_granule_state(f->rmm, del), GRANULE_DELEGATED);
}

static void create_rejects_bad_rd(void **state)
{
	struct fix *f = *state;
	uint64_t rtt = fix_alloc_delegated(f), other = fix_alloc_delegated(f);

	assert_rmi(rc(f, RMI_FID_RTT_CREATE, other, rtt, 0, 2, 0, NULL), 1);
	assert_rmi(rc(f, RMI_FID_RTT_CREATE, f->rd + 8, rtt, 0, 2, 0, NULL), 1);
	assert_rmi(rc(f, RMI_FID_RTT_CREATE, 0, rtt, 0, 2, 0, NULL), 1);
	assert_rmi(rc(f, RMI_FID_RTT_CREATE, f->rtt[0], rtt, 0, 2, 0, NULL), 1);
}

static void create_rejects_level_out_of_bounds(void **state)
{
	struct fix *f = *state;
	uint64_t rtt = fix_alloc_delegated(f);
	const uint64_t bad[] = { 0, 1 /* start level: root exists */, 4, 64, ~0ULL, 1ULL << 32 };

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_rmi(rc(f, RMI_FID_RTT_CREATE, f->rd, rtt, 0, bad[i], 0, NULL), 1);
}

static void create_rejects_bad_ipa(void **state)
{
	struct fix *f = *state;
	uint64_t rtt = fix_alloc_delegated(f);

	/* addr_align: an L2 table maps 1 GiB, an L3 table 2 MiB */
	assert_rmi(rc(f, RMI_FID_RTT_CREATE, f->rd, rtt, L2_SIZE, 2, 0, NULL), 1);
	assert_rmi(rc(f, RMI_FID_RTT_CREATE, f->rd, rtt, GRAN, 3, 0, NULL), 1);
	/* addr_bound: at or above 2^s2sz */
	assert_rmi(rc(f, RMI_FID_RTT_CREATE, f->rd, rtt, IPA_END, 2, 0, NULL), 1);
	assert_rmi(rc(f, RMI_FID_RTT_CREATE, f->rd, rtt, 1ULL << 63, 2, 0, NULL), 1);
	/* the last L2 slot below 2^s2sz is fine */
	assert_rmi(rc(f, RMI_FID_RTT_CREATE, f->rd, rtt, IPA_END - L1_SIZE, 2, 0, NULL), 0);
}

static void create_reports_missing_parent_level(void **state)
{
	struct fix *f = *state;
	uint64_t rtt;

	/* [ran] L3 create with no L2: ERROR_RTT index 1 */
	assert_rmi(rt_create(f, 0, 3, &rtt), RET(4, 1));
	assert_int_equal(rmm_granule_state(f->rmm, rtt), GRANULE_DELEGATED);
	assert_rmi(rt_create(f, NS_BASE + 5 * L2_SIZE, 3, &rtt), RET(4, 1));
}

static void create_reports_existing_table_at_parent_level(void **state)
{
	struct fix *f = *state;
	uint64_t rtt, spare;

	assert_rmi(rt_create(f, 0, 2, &rtt), 0);
	assert_int_equal(rmm_granule_refcount(f->rmm, f->rtt[0]), 1);
	/* rtt_live: the kernel frees its spare on index == level - 1 */
	assert_rmi(rt_create(f, 0, 2, &spare), RET(4, 1));
	assert_int_equal(rmm_granule_state(f->rmm, spare), GRANULE_DELEGATED);
	assert_int_equal(rmm_granule_refcount(f->rmm, f->rtt[0]), 1);
	assert_rmi(rt_create(f, 0, 3, &rtt), 0);
	assert_rmi(rt_create(f, 0, 3, &spare), RET(4, 2));
}

static void create_ranks_input_before_rtt(void **state)
{
	struct fix *f = *state;
	uint64_t rtt = fix_alloc_delegated(f);

	/* bad level and a missing parent: ERROR_INPUT wins */
	assert_rmi(rc(f, RMI_FID_RTT_CREATE, f->rd, rtt, 0, 4, 0, NULL), 1);
	/* misaligned ipa for L3 and a missing L2 */
	assert_rmi(rc(f, RMI_FID_RTT_CREATE, f->rd, rtt, GRAN, 3, 0, NULL), 1);
	/* bad rd and an existing table */
	assert_rmi(rt_create(f, 0, 2, NULL), 0);
	assert_rmi(rc(f, RMI_FID_RTT_CREATE, f->rtt[0], rtt, 0, 2, 0, NULL), 1);
	/* rtt not delegated and an existing table */
	assert_rmi(rc(f, RMI_FID_RTT_CREATE, f->rd, fix_alloc(f), 0, 2, 0, NULL), 1);
}

static void create_inherits_parent_state(void **state)
{
	struct fix *f = *state;
	uint64_t rtt, top;
	struct rt_entry e;

	/* unassigned EMPTY */
	assert_rmi(rt_create(f, 0, 2, NULL), 0);
	e = rt_read(f, 511 * L2_SIZE, 2);
	assert_int_equal(e.walk_level, 2);
	assert_int_equal(e.state, RMI_RTT_ENTRY_STATE_UNASSIGNED);
	assert_int_equal(e.ripas, RMI_RIPAS_EMPTY);
	/* unassigned RAM: INIT_RIPAS of a whole 1 GiB root entry */
	assert_rmi(rc(f, RMI_FID_RTT_INIT_RIPAS, f->rd, L1_SIZE, 2 * L1_SIZE, 0, 0, NULL), 0);
	assert_rmi(rt_create(f, L1_SIZE, 2, NULL), 0);
	e = rt_read(f, L1_SIZE + 7 * L2_SIZE, 2);
	assert_int_equal(e.ripas, RMI_RIPAS_RAM);
	/* unassigned DESTROYED: destroy the L2 at 0, create it again */
	assert_rmi(destroy(f, 0, 2, &rtt, &top), 0);
	assert_rmi(rt_create(f, 0, 2, NULL), 0);
	assert_rmi(rt_create(f, 0, 3, NULL), 0);
	e = rt_read(f, 0x1ff000, 3);
	assert_int_equal(e.walk_level, 3);
	assert_int_equal(e.ripas, RMI_RIPAS_DESTROYED);
	/* unassigned NS */
	assert_rmi(rt_create(f, NS_BASE, 2, NULL), 0);
	e = rt_read(f, NS_BASE + L2_SIZE, 2);
	assert_int_equal(e.state, RMI_RTT_ENTRY_STATE_UNASSIGNED);
	assert_int_equal(e.ripas, RMI_RIPAS_EMPTY);
	/* the parent counts each new table */
	assert_int_equal(rmm_granule_refcount(f->rmm, f->rtt[0]), 2);
	assert_int_equal(rmm_granule_refcount(f->rmm, f->rtt[1]), 1);
}

static void create_unfolds_ns_block(void **state)
{
	struct fix *f = *state;
	uint64_t l2, l3, ipa = NS_BASE + 3 * L2_SIZE, oa = 0x40000000ULL;
	const uint64_t *t;

	assert_rmi(rt_create(f, ipa, 2, &l2), 0);
	assert_rmi(map_ns(f, ipa, 2, NS_DESC(oa)), 0);
	assert_int_equal(rmm_granule_refcount(f->rmm, l2), 0);	/* NS: not counted */
	assert_rmi(rt_create(f, ipa, 3, &l3), 0);
	assert_int_equal(rmm_granule_refcount(f->rmm, l2), 1);	/* the new table is */
	assert_int_equal(rmm_granule_refcount(f->rmm, l3), 0);
	t = (const uint64_t *)rt_rmm_bytes(f, l3);
	for (unsigned int i = 0; i < 512; i++) {
		struct rt_entry e = rt_read(f, ipa + i * GRAN, 3);

		assert_int_equal(e.state, RMI_RTT_ENTRY_STATE_ASSIGNED);
		assert_int_equal(e.desc, NS_DESC(oa + i * GRAN));
		assert_int_equal(t[i] & 3, 3);	/* valid page descriptors */
	}
}

/* ---------------- RTT_DESTROY ---------------- */

static void destroy_rejects_bad_rd_level_ipa_with_top_zero(void **state)
{
	struct fix *f = *state;
	uint64_t rtt = 7, top = 7;

	assert_rmi(rt_create(f, 0, 2, NULL), 0);
	assert_rmi(rc(f, RMI_FID_RTT_DESTROY, f->rtt[0], 0, 2, 0, 0, NULL), 1);
	assert_rmi(destroy(f, 0, 1, &rtt, &top), 1);
	assert_int_equal(top, 0);
	assert_int_equal(rtt, 0);
	top = 7;
	assert_rmi(destroy(f, 0, 4, &rtt, &top), 1);
	assert_int_equal(top, 0);
	assert_rmi(rc(f, RMI_FID_RTT_DESTROY, f->rd, 0, ~0ULL, 0, 0, NULL), 1);
	assert_rmi(destroy(f, L2_SIZE, 2, &rtt, &top), 1);	/* addr_align */
	assert_int_equal(top, 0);
	assert_rmi(destroy(f, IPA_END, 2, &rtt, &top), 1);	/* addr_bound */
	assert_int_equal(top, 0);
	{
		struct smc_regs r;

		assert_rmi(rc(f, RMI_FID_RTT_DESTROY, fix_alloc(f), 0, 2, 0, 0, &r), 1);
		assert_int_equal(r.x[2], 0);
	}
}

static void destroy_missing_table_reports_walk_level_and_top(void **state)
{
	struct fix *f = *state;
	uint64_t rtt, top;

	/* No L2 anywhere: the walk stops in the first root table; top = its end (2^39). */
	assert_rmi(destroy(f, 0, 2, &rtt, &top), RET(4, 1));
	assert_int_equal(top, PAR_END);
	assert_int_equal(rtt, 0);
	/* L3 at 0 with no L2: same level, same top */
	assert_rmi(destroy(f, 0, 3, &rtt, &top), RET(4, 1));
	assert_int_equal(top, PAR_END);
	/* in the second concatenated root table, the end is 2^40 */
	assert_rmi(destroy(f, NS_BASE, 2, &rtt, &top), RET(4, 1));
	assert_int_equal(top, IPA_END);
	/* the next live entry: an L2 at 5 GiB */
	assert_rmi(rt_create(f, 5 * L1_SIZE, 2, NULL), 0);
	assert_rmi(destroy(f, L1_SIZE, 2, &rtt, &top), RET(4, 1));
	assert_int_equal(top, 5 * L1_SIZE);
	/* L3 at 5 GiB + 2 MiB with the L2 present but no L3: the L2's scan */
	assert_rmi(destroy(f, 5 * L1_SIZE + L2_SIZE, 3, &rtt, &top), RET(4, 2));
	assert_int_equal(top, 6 * L1_SIZE);
	/* a live entry further on in the same L2 */
	assert_rmi(rt_create(f, 5 * L1_SIZE + 9 * L2_SIZE, 3, NULL), 0);
	assert_rmi(destroy(f, 5 * L1_SIZE + L2_SIZE, 3, &rtt, &top), RET(4, 2));
	assert_int_equal(top, 5 * L1_SIZE + 9 * L2_SIZE);
	/* the parent entry is not a table: index 2, top = the next live entry */
	assert_rmi(destroy(f, 5 * L1_SIZE, 3, &rtt, &top), RET(4, 2));
	assert_int_equal(top, 5 * L1_SIZE + 9 * L2_SIZE);
	/* the parent entry is live but a block: top = ipa */
	assert_rmi(rt_create(f, NS_BASE, 2, NULL), 0);
	assert_rmi(map_ns(f, NS_BASE + 2 * L2_SIZE, 2, NS_DESC(0)), 0);
	assert_rmi(destroy(f, NS_BASE + 2 * L2_SIZE, 3, &rtt, &top), RET(4, 2));
	assert_int_equal(top, NS_BASE + 2 * L2_SIZE);
}

static void destroy_live_table_reports_level_and_ipa(void **state)
{
	struct fix *f = *state;
	uint64_t rtt, top, l2;

	assert_rmi(rt_create(f, 0, 2, &l2), 0);
	assert_rmi(rt_create(f, 0, 3, NULL), 0);
	/* rtt_live: the L2 holds a table */
	assert_rmi(destroy(f, 0, 2, &rtt, &top), RET(4, 2));
	assert_int_equal(top, 0);
	assert_int_equal(rtt, 0);
	assert_int_equal(rmm_granule_state(f->rmm, l2), GRANULE_RTT);
	/* an L3 holding DATA */
	rt_data(f, 0x5000, 1, 0xaa);
	assert_rmi(destroy(f, 0, 3, &rtt, &top), RET(4, 3));
	assert_int_equal(top, 0);
}

static void destroy_success_outputs_and_parent_state(void **state)
{
	struct fix *f = *state;
	uint64_t rtt, top, l2, l3;
	struct rt_entry e;

	assert_rmi(rt_create(f, 0, 2, &l2), 0);
	assert_rmi(rt_create(f, 0, 3, &l3), 0);
	/* RAM entries are non-zero descriptors, so the scrub is visible */
	assert_rmi(rc(f, RMI_FID_RTT_INIT_RIPAS, f->rd, 0, L2_SIZE, 0, 0, NULL), 0);
	assert_rmi(destroy(f, 0, 3, &rtt, &top), 0);
	assert_int_equal(rtt, l3);
	assert_int_equal(top, L1_SIZE);	/* [ran] end of the L2 table */
	assert_int_equal(rmm_granule_state(f->rmm, l3), GRANULE_DELEGATED);
	for (unsigned int i = 0; i < GRAN; i++)
		assert_int_equal(rt_rmm_bytes(f, l3)[i], 0);
	assert_int_equal(rmm_granule_refcount(f->rmm, l2), 0);
	e = rt_read(f, 0, 3);
	assert_int_equal(e.walk_level, 2);
	assert_int_equal(e.state, RMI_RTT_ENTRY_STATE_UNASSIGNED);
	assert_int_equal(e.ripas, RMI_RIPAS_DESTROYED);	/* [ran] `0 2 0 0 2` */
	/* the L2 goes too, and the root entry becomes DESTROYED */
	assert_rmi(destroy(f, 0, 2, &rtt, &top), 0);
	assert_int_equal(rtt, l2);
	assert_int_equal(top, PAR_END);
	assert_int_equal(rmm_granule_refcount(f->rmm, f->rtt[0]), 0);
	/* outside the PAR the parent becomes unassigned NS */
	assert_rmi(rt_create(f, NS_BASE + L1_SIZE, 2, &l2), 0);
	assert_rmi(destroy(f, NS_BASE + L1_SIZE, 2, &rtt, &top), 0);
	assert_int_equal(top, IPA_END);
	assert_rmi(map_ns(f, NS_BASE + L1_SIZE, 1, NS_DESC(0)), 0);	/* only on unassigned_ns */
	/* the undelegate works: the RTT is really DELEGATED */
	assert_rmi(rc(f, RMI_FID_GRANULE_UNDELEGATE, l2, 0, 0, 0, 0, NULL), 0);
}

static void destroy_table_with_only_ns_mappings(void **state)
{
	struct fix *f = *state;
	uint64_t rtt, top, l3, ipa = NS_BASE + L2_SIZE;

	assert_rmi(rt_create(f, ipa, 2, NULL), 0);
	assert_rmi(rt_create(f, ipa, 3, &l3), 0);
	assert_rmi(map_ns(f, ipa + 4 * GRAN, 3, NS_DESC(0x1000)), 0);
	/* assigned_ns takes no reference (TF-RMM), so the table is not live */
	assert_int_equal(rmm_granule_refcount(f->rmm, l3), 0);
	assert_rmi(destroy(f, ipa, 3, &rtt, &top), 0);
	assert_int_equal(rtt, l3);
}

/* ---------------- RTT_FOLD ---------------- */

static void fold_rejects_and_reports(void **state)
{
	struct fix *f = *state;
	uint64_t rtt = 9;

	assert_rmi(rc(f, RMI_FID_RTT_FOLD, fix_alloc_delegated(f), 0, 2, 0, 0, NULL), 1);
	assert_rmi(fold(f, 0, 1, &rtt), 1);	/* level_bound: root */
	assert_int_equal(rtt, 0);
	assert_rmi(fold(f, 0, 4, &rtt), 1);
	assert_rmi(fold(f, GRAN, 3, &rtt), 1);	/* addr_align */
	assert_rmi(fold(f, IPA_END, 2, &rtt), 1);	/* addr_bound */
	/* rtt_walk: no L2 for an L3 fold */
	assert_rmi(fold(f, 0, 3, &rtt), RET(4, 1));
	/* rtt_state: no table at the parent entry */
	assert_rmi(fold(f, 0, 2, &rtt), RET(4, 1));
	assert_rmi(rt_create(f, 0, 2, NULL), 0);
	assert_rmi(fold(f, 0, 3, &rtt), RET(4, 2));
	/* bad level ranks before the missing table */
	assert_rmi(fold(f, 0, 0, &rtt), 1);
}

static void fold_uniform_unassigned(void **state)
{
	struct fix *f = *state;
	uint64_t rtt, l3, l2, top;
	struct rt_entry e;

	/* EMPTY */
	assert_rmi(rt_create(f, 0, 2, &l2), 0);
	assert_rmi(rt_create(f, 0, 3, &l3), 0);
	assert_rmi(fold(f, 0, 3, &rtt), 0);
	assert_int_equal(rtt, l3);
	assert_int_equal(rmm_granule_state(f->rmm, l3), GRANULE_DELEGATED);
	assert_int_equal(rmm_granule_refcount(f->rmm, l2), 0);
	e = rt_read(f, 0, 3);
	assert_int_equal(e.walk_level, 2);
	assert_int_equal(e.ripas, RMI_RIPAS_EMPTY);
	/* RAM */
	assert_rmi(rt_create(f, 0, 3, &l3), 0);
	assert_rmi(rc(f, RMI_FID_RTT_INIT_RIPAS, f->rd, 0, L2_SIZE, 0, 0, NULL), 0);
	assert_rmi(fold(f, 0, 3, &rtt), 0);
	assert_int_equal(rt_read(f, 0, 2).ripas, RMI_RIPAS_RAM);
	/* DESTROYED (L2 of destroyed entries folds into the root) */
	assert_rmi(rt_create(f, 0, 3, &l3), 0);
	assert_rmi(destroy(f, 0, 3, &rtt, &top), 0);
	/* the L2 now mixes DESTROYED (entry 0) and EMPTY: no fold */
	assert_rmi(fold(f, 0, 2, &rtt), RET(4, 2));
	/* an L3 created under the DESTROYED entry is uniform DESTROYED: folds back */
	assert_rmi(rt_create(f, 0, 3, &l3), 0);
	assert_rmi(fold(f, 0, 3, &rtt), 0);
	assert_int_equal(rtt, l3);
	e = rt_read(f, 0, 3);
	assert_int_equal(e.walk_level, 2);
	assert_int_equal(e.ripas, RMI_RIPAS_DESTROYED);
	/* NS */
	assert_rmi(rt_create(f, NS_BASE, 2, &l2), 0);
	assert_rmi(rt_create(f, NS_BASE, 3, &l3), 0);
	assert_rmi(fold(f, NS_BASE, 3, &rtt), 0);
	assert_rmi(fold(f, NS_BASE, 2, &rtt), 0);
	assert_int_equal(rtt, l2);
	assert_int_equal(rmm_granule_refcount(f->rmm, f->rtt[1]), 0);
}

static void fold_mixed_unassigned_is_refused(void **state)
{
	struct fix *f = *state;
	uint64_t rtt = 5;

	rt_tables(f, 0, 3);
	assert_rmi(rc(f, RMI_FID_RTT_INIT_RIPAS, f->rd, 0, GRAN, 0, 0, NULL), 0);
	assert_rmi(fold(f, 0, 3, &rtt), RET(4, 3));
	assert_int_equal(rtt, 0);
}

/* Fills the L3 table at `ipa` (2 MiB aligned) with 512 DATA granules at consecutive PAs. */
static uint64_t fill_l3_with_data(struct fix *f, uint64_t ipa, bool contiguous, bool aligned)
{
	uint64_t base, datas[512];

	f->next = (f->next + L2_SIZE - 1) & ~(L2_SIZE - 1);
	if (!aligned)
		f->next += GRAN;
	base = f->next;
	for (unsigned int i = 0; i < 512; i++)
		datas[i] = fix_alloc_delegated(f);
	if (!contiguous) {
		uint64_t t = datas[1];

		datas[1] = datas[2];
		datas[2] = t;
	}
	rt_tables(f, ipa, 3);
	for (unsigned int i = 0; i < 512; i++) {
		uint64_t src = rt_src(f, (uint8_t)i);

		assert_rmi(fix_call(f, RMI_FID_DATA_CREATE, f->rd, datas[i], ipa + i * GRAN, src, 0,
				    NULL), 0);
	}
	fix_check_invariants(f);
	return base;
}

static void fold_assigned_ram_into_block_and_unfold(void **state)
{
	struct fix *f = *state;
	uint64_t l2, l3, rtt, base;
	struct rt_entry e;
	const uint64_t *t2;

	base = fill_l3_with_data(f, 0, true, true);
	l2 = table_pa(f, 0, 2);
	l3 = table_pa(f, 0, 3);
	assert_int_equal(rmm_granule_refcount(f->rmm, l3), 512);
	assert_rmi(fold(f, 0, 3, &rtt), 0);
	assert_int_equal(rtt, l3);
	assert_int_equal(rmm_granule_refcount(f->rmm, l2), 1);	/* table -> block: still 1 */
	e = rt_read(f, 0x3000, 3);
	assert_int_equal(e.walk_level, 2);
	assert_int_equal(e.state, RMI_RTT_ENTRY_STATE_ASSIGNED);
	assert_int_equal(e.desc, base);
	assert_int_equal(e.ripas, RMI_RIPAS_RAM);
	t2 = (const uint64_t *)rt_rmm_bytes(f, l2);
	assert_int_equal(t2[0] & 3, 1);	/* a valid level-2 block descriptor */
	assert_int_equal(t2[0] & 0x0000FFFFFFFFF000ULL, base);
	/* DATA_DESTROY cannot reach into the block: ERROR_RTT at 2, top = ipa (live) */
	{
		struct smc_regs r;

		assert_rmi(rc(f, RMI_FID_DATA_DESTROY, f->rd, 0x3000, 0, 0, 0, &r), RET(4, 2));
		assert_int_equal(r.x[2], 0x3000);
	}
	/* RTT_CREATE unfolds it: 512 pages over the same PAs, child refcount 512 */
	assert_rmi(rt_create(f, 0, 3, &l3), 0);
	assert_int_equal(rmm_granule_refcount(f->rmm, l3), 512);
	assert_int_equal(rmm_granule_refcount(f->rmm, l2), 1);
	e = rt_read(f, 0x3000, 3);
	assert_int_equal(e.walk_level, 3);
	assert_int_equal(e.desc, base + 0x3000);
	assert_int_equal(e.ripas, RMI_RIPAS_RAM);
	/* an L2 table holding a block is live */
	assert_rmi(fold(f, 0, 3, &rtt), 0);
	{
		uint64_t top;

		assert_rmi(destroy(f, 0, 2, &rtt, &top), RET(4, 2));
		assert_int_equal(top, 0);
	}
}

static void fold_full_table_refused_when_not_a_block(void **state)
{
	struct fix *f = *state;
	uint64_t rtt;

	/* not contiguous */
	fill_l3_with_data(f, 0, false, true);
	assert_rmi(fold(f, 0, 3, &rtt), RET(4, 3));
	/* contiguous but not 2 MiB aligned */
	fill_l3_with_data(f, L2_SIZE, true, false);
	assert_rmi(fold(f, L2_SIZE, 3, &rtt), RET(4, 3));
}

static void fold_partly_populated_is_refused(void **state)
{
	struct fix *f = *state;
	uint64_t rtt;

	rt_data(f, 0x7000, 0, 1);
	assert_rmi(fold(f, 0, 3, &rtt), RET(4, 3));
}

static void fold_mixed_ripas_assigned_is_refused(void **state)
{
	struct fix *f = *state;
	uint64_t base, datas[512], rtt;

	f->next = (f->next + L2_SIZE - 1) & ~(L2_SIZE - 1);
	base = f->next;
	for (unsigned int i = 0; i < 512; i++)
		datas[i] = fix_alloc_delegated(f);
	rt_tables(f, 0, 3);
	/* entry 0 stays EMPTY (DATA_CREATE_UNKNOWN keeps RIPAS), the rest are RAM */
	assert_rmi(fix_call(f, RMI_FID_DATA_CREATE_UNKNOWN, f->rd, datas[0], 0, 0, 0, NULL), 0);
	for (unsigned int i = 1; i < 512; i++)
		assert_rmi(fix_call(f, RMI_FID_DATA_CREATE, f->rd, datas[i], i * GRAN, rt_src(f, 0), 0,
				    NULL), 0);
	fix_check_invariants(f);
	(void)base;
	assert_rmi(fold(f, 0, 3, &rtt), RET(4, 3));
}

static void fold_ns_pages_into_block(void **state)
{
	struct fix *f = *state;
	uint64_t ipa = NS_BASE + 4 * L2_SIZE, oa = 0x80000000ULL, rtt, l3;
	struct rt_entry e;

	rt_tables(f, ipa, 3);
	l3 = rt_read(f, ipa, 2).desc;
	for (unsigned int i = 0; i < 512; i++)
		assert_rmi(fix_call(f, RMI_FID_RTT_MAP_UNPROTECTED, f->rd, ipa + i * GRAN, 3,
				    NS_DESC(oa + i * GRAN), 0, NULL), 0);
	fix_check_invariants(f);
	assert_rmi(fold(f, ipa, 3, &rtt), 0);
	assert_int_equal(rtt, l3);
	e = rt_read(f, ipa + GRAN, 3);
	assert_int_equal(e.walk_level, 2);
	assert_int_equal(e.state, RMI_RTT_ENTRY_STATE_ASSIGNED);
	assert_int_equal(e.desc, NS_DESC(oa));
	/* different attributes on one page: no fold */
	assert_rmi(rt_create(f, ipa, 3, &l3), 0);	/* unfold again */
	assert_rmi(unmap_ns(f, ipa + 8 * GRAN, 3, &rtt), 0);
	assert_rmi(map_ns(f, ipa + 8 * GRAN, 3, (oa + 8 * GRAN) | (3ULL << 6)), 0);
	assert_rmi(fold(f, ipa, 3, &rtt), RET(4, 3));
}

/* Level-1 tables cannot become level-0 blocks: ERROR_RTT at level - 1. */
static void fold_at_level_1_refuses_blocks(void **state)
{
	struct fix *f = *state;
	uint64_t ns = 1ULL << 40, rtt, l1;	/* s2sz 41 at level 0: PAR = [0, 1 TiB) */

	rt_realm_with(f, 41, 0, 1, RMI_HASH_ALGO_SHA_256);
	assert_rmi(rt_create(f, ns, 1, &l1), 0);
	for (unsigned int i = 0; i < 512; i++)
		assert_rmi(fix_call(f, RMI_FID_RTT_MAP_UNPROTECTED, f->rd, ns + i * L1_SIZE, 1,
				    NS_DESC((1ULL << 39) + i * L1_SIZE), 0, NULL), 0);
	fix_check_invariants(f);
	assert_rmi(fold(f, ns, 1, &rtt), RET(4, 0));
	/* all unassigned NS folds into a level-0 entry fine */
	for (unsigned int i = 0; i < 512; i++)
		assert_rmi(fix_call(f, RMI_FID_RTT_UNMAP_UNPROTECTED, f->rd, ns + i * L1_SIZE, 1, 0, 0,
				    NULL), 0);
	assert_rmi(fold(f, ns, 1, &rtt), 0);
	assert_int_equal(rtt, l1);
}

/* ---------------- RTT_READ_ENTRY ---------------- */

static void read_entry_rejects(void **state)
{
	struct fix *f = *state;
	struct smc_regs r;

	assert_rmi(rc(f, RMI_FID_RTT_READ_ENTRY, fix_alloc_delegated(f), 0, 1, 0, 0, &r), 1);
	assert_rmi(rc(f, RMI_FID_RTT_READ_ENTRY, f->rd, 0, 0, 0, 0, &r), 1);	/* below start */
	assert_rmi(rc(f, RMI_FID_RTT_READ_ENTRY, f->rd, 0, 4, 0, 0, &r), 1);
	assert_rmi(rc(f, RMI_FID_RTT_READ_ENTRY, f->rd, 0, ~0ULL, 0, 0, &r), 1);
	assert_rmi(rc(f, RMI_FID_RTT_READ_ENTRY, f->rd, GRAN, 2, 0, 0, &r), 1);
	assert_rmi(rc(f, RMI_FID_RTT_READ_ENTRY, f->rd, IPA_END, 1, 0, 0, &r), 1);
	assert_int_equal(r.x[1] | r.x[2] | r.x[3] | r.x[4], 0);
	/* the root level itself is readable, never ERROR_RTT */
	assert_rmi(rc(f, RMI_FID_RTT_READ_ENTRY, f->rd, IPA_END - L1_SIZE, 1, 0, 0, &r), 0);
	assert_int_equal(r.x[1], 1);
	assert_rmi(rc(f, RMI_FID_RTT_READ_ENTRY, f->rd, IPA_END - GRAN, 3, 0, 0, &r), 0);
	assert_int_equal(r.x[1], 1);
}

static void read_entry_reports_each_kind(void **state)
{
	struct fix *f = *state;
	uint64_t data, l3;
	struct rt_entry e;

	rt_tables(f, 0, 3);
	l3 = rt_read(f, 0, 2).desc;
	e = rt_read(f, 0, 2);
	assert_int_equal(e.state, RMI_RTT_ENTRY_STATE_TABLE);
	assert_int_equal(e.desc, l3);
	assert_int_equal(e.ripas, 0);
	data = rt_data(f, 0x2000, 1, 3);	/* [ran] `0 3 1 <pa> 1` */
	e = rt_read(f, 0x2000, 3);
	assert_int_equal(e.x0, 0);
	assert_int_equal(e.walk_level, 3);
	assert_int_equal(e.state, RMI_RTT_ENTRY_STATE_ASSIGNED);
	assert_int_equal(e.desc, data);
	assert_int_equal(e.ripas, RMI_RIPAS_RAM);
	/* unassigned_ns / assigned_ns */
	e = rt_read(f, NS_BASE, 1);
	assert_int_equal(e.state, RMI_RTT_ENTRY_STATE_UNASSIGNED);
	assert_int_equal(e.desc, 0);
	assert_rmi(map_ns(f, NS_BASE, 1, NS_DESC(0x40000000)), 0);
	e = rt_read(f, NS_BASE, 3);
	assert_int_equal(e.walk_level, 1);
	assert_int_equal(e.state, RMI_RTT_ENTRY_STATE_ASSIGNED);
	assert_int_equal(e.desc, NS_DESC(0x40000000));
	assert_int_equal(e.ripas, RMI_RIPAS_EMPTY);
}

/* ---------------- RTT_MAP_UNPROTECTED / RTT_UNMAP_UNPROTECTED ---------------- */

static void map_ns_rejects(void **state)
{
	struct fix *f = *state;
	uint64_t ipa = NS_BASE + L2_SIZE;

	rt_tables(f, ipa, 3);
	/* level_bound, also before a bad rd */
	assert_rmi(map_ns(f, ipa, 0, NS_DESC(0)), 1);
	assert_rmi(map_ns(f, ipa, 4, NS_DESC(0)), 1);
	assert_rmi(rc(f, RMI_FID_RTT_MAP_UNPROTECTED, 0, ipa, 0, NS_DESC(0), 0, NULL), 1);
	/* rd */
	assert_rmi(rc(f, RMI_FID_RTT_MAP_UNPROTECTED, f->rtt[0], ipa, 3, NS_DESC(0), 0, NULL), 1);
	/* desc_valid: [ran] bit 0 set; OA not aligned to level; OA >= 2^48; reserved MemAttr; AF */
	assert_rmi(map_ns(f, ipa, 3, NS_DESC(0) | 1), 1);
	assert_rmi(map_ns(f, ipa, 3, NS_DESC(0) | (1ULL << 10)), 1);
	assert_rmi(map_ns(f, ipa & ~(L2_SIZE - 1), 2, NS_DESC(GRAN)), 1);
	assert_rmi(map_ns(f, ipa, 3, NS_DESC(1ULL << 48)), 1);
	assert_rmi(map_ns(f, ipa, 3, (4ULL << 2) | (3ULL << 6)), 1);
	assert_rmi(map_ns(f, ipa, 3, (1ULL << 5) | (3ULL << 6)), 1);	/* bit 5 is not the host's */
	/* addr_align, addr_bound, addr in the PAR */
	assert_rmi(map_ns(f, ipa + 8, 3, NS_DESC(0)), 1);
	assert_rmi(map_ns(f, IPA_END, 3, NS_DESC(0)), 1);
	assert_rmi(map_ns(f, PAR_END - GRAN, 3, NS_DESC(0)), 1);
	/* bad desc with a missing table: ERROR_INPUT first */
	assert_rmi(map_ns(f, NS_BASE + 9 * L1_SIZE, 3, NS_DESC(0) | 1), 1);
	/* PAR address with a missing table: ERROR_INPUT first */
	assert_rmi(map_ns(f, 9 * L1_SIZE, 3, NS_DESC(0)), 1);
	/* rtt_walk: [ran] 0x204-style index of the level reached */
	assert_rmi(map_ns(f, NS_BASE + 9 * L1_SIZE, 3, NS_DESC(0)), RET(4, 1));
	assert_rmi(map_ns(f, ipa + L2_SIZE, 3, NS_DESC(0)), RET(4, 2));
	/* rtte_state: [ran] re-map -> 0x304; also a table in the way at level 2 */
	assert_rmi(map_ns(f, ipa, 3, NS_DESC(0)), 0);
	assert_rmi(map_ns(f, ipa, 3, NS_DESC(0x2000)), RET(4, 3));
	assert_rmi(map_ns(f, ipa, 2, NS_DESC(0)), RET(4, 2));
	/* the lowest unprotected IPA is mappable, the last granule too */
	rt_tables(f, NS_BASE, 3);
	assert_rmi(map_ns(f, NS_BASE, 3, NS_DESC(0)), 0);
	rt_tables(f, IPA_END - GRAN, 3);
	assert_rmi(map_ns(f, IPA_END - GRAN, 3, NS_DESC(0)), 0);
}

static void map_ns_writes_valid_descriptors(void **state)
{
	struct fix *f = *state;
	uint64_t l3, ipa = NS_BASE + L2_SIZE;
	const uint64_t *t;

	rt_tables(f, ipa, 3);
	l3 = rt_read(f, ipa, 2).desc;
	assert_rmi(map_ns(f, ipa + GRAN, 3, NS_DESC(0x123000)), 0);
	assert_int_equal(rmm_granule_refcount(f->rmm, l3), 0);
	t = (const uint64_t *)rt_rmm_bytes(f, l3);
	assert_int_equal(t[1] & 3, 3);			/* page */
	assert_true(t[1] & (1ULL << 10));		/* AF */
	assert_int_equal(t[1] & 0x0000FFFFFFFFF000ULL, 0x123000);
	assert_int_equal(t[1] & (7ULL << 2), 5ULL << 2);	/* host MemAttr */
	assert_int_equal(t[1] & (3ULL << 6), 3ULL << 6);	/* host S2AP */
	assert_int_equal(t[0] & 1, 0);			/* neighbours stay invalid */
	/* level-1 block on a root entry */
	assert_rmi(map_ns(f, NS_BASE + 7 * L1_SIZE, 1, NS_DESC(0x40000000)), 0);
	t = (const uint64_t *)rt_rmm_bytes(f, f->rtt[1]);
	assert_int_equal(t[7] & 3, 1);			/* block */
}

static void unmap_ns_rejects_and_reports_top(void **state)
{
	struct fix *f = *state;
	uint64_t ipa = NS_BASE + L2_SIZE, top = 5;

	/* level, rd, ipa, PAR: ERROR_INPUT, top 0 */
	assert_rmi(unmap_ns(f, ipa, 0, &top), 1);
	assert_int_equal(top, 0);
	assert_rmi(unmap_ns(f, ipa, 4, &top), 1);
	assert_rmi(rc(f, RMI_FID_RTT_UNMAP_UNPROTECTED, f->rtt[0], ipa, 3, 0, 0, NULL), 1);
	assert_rmi(unmap_ns(f, ipa + 8, 3, &top), 1);
	assert_rmi(unmap_ns(f, IPA_END, 3, &top), 1);
	assert_rmi(unmap_ns(f, 0, 3, &top), 1);
	assert_int_equal(top, 0);
	/* walk stops at the root: index 1, top = end of the second root table */
	assert_rmi(unmap_ns(f, ipa, 3, &top), RET(4, 1));
	assert_int_equal(top, IPA_END);
	/* walk stops at level 2 */
	assert_rmi(rt_create(f, ipa, 2, NULL), 0);
	assert_rmi(unmap_ns(f, ipa, 3, &top), RET(4, 2));
	assert_int_equal(top, NS_BASE + L1_SIZE);
	/* [ran] first unmap 0 + end of table, second 0x304 + the same */
	rt_tables(f, ipa, 3);
	assert_rmi(map_ns(f, ipa + 0x5000, 3, NS_DESC(0)), 0);
	assert_rmi(map_ns(f, ipa + 0x9000, 3, NS_DESC(0)), 0);
	assert_rmi(unmap_ns(f, ipa, 3, &top), RET(4, 3));	/* not mapped: skip to 0x5000 */
	assert_int_equal(top, ipa + 0x5000);
	assert_rmi(unmap_ns(f, ipa + 0x5000, 3, &top), 0);
	assert_int_equal(top, ipa + 0x9000);
	assert_rmi(unmap_ns(f, ipa + 0x9000, 3, &top), 0);
	assert_int_equal(top, ipa + L2_SIZE);
	assert_rmi(unmap_ns(f, ipa + 0x9000, 3, &top), RET(4, 3));
	assert_int_equal(top, ipa + L2_SIZE);
	/* a block mapped at level 2: unmapping at level 3 reports level 2, top = ipa (live) */
	assert_rmi(map_ns(f, ipa + L2_SIZE, 2, NS_DESC(0)), 0);
	assert_rmi(unmap_ns(f, ipa + L2_SIZE, 3, &top), RET(4, 2));
	assert_int_equal(top, ipa + L2_SIZE);
	assert_rmi(unmap_ns(f, ipa + L2_SIZE, 2, &top), 0);
	assert_int_equal(top, NS_BASE + L1_SIZE);
}

/* ---------------- every geometry ---------------- */

static void every_geometry_walks_edges(void **state)
{
	struct fix *f = *state;

	for (unsigned int gi = 0; gi < rt_ngeometries; gi++) {
		const struct rt_geometry *g = &rt_geometries[gi];
		uint64_t ipas[40], par = 1ULL << (g->s2sz - 1);
		unsigned int n;

		fix_teardown(state);
		assert_int_equal(fix_setup_v1(state), 0);
		f = *state;
		if (g->s2sz > 44)
			rt_reopen_with_s2sz(f, 48);
		rt_realm_with(f, g->s2sz, g->level, g->num_start, RMI_HASH_ALGO_SHA_256);
		n = rt_edge_ipas(g, ipas, 40);
		/* before any table exists the walk stops at the start level */
		assert_int_equal(rt_read(f, ipas[n - 1], 3).walk_level, g->level);
		for (unsigned int k = 0; k < n; k++) {
			uint64_t ipa = ipas[k], pa, top, rtt;
			int leaf = -1;
			struct rt_entry e;

			rt_tables(f, ipa, 3);
			if (ipa < par) {
				pa = rt_data(f, ipa, k & 1, (uint8_t)k);
			} else {
				pa = 0x7000000ULL + k * GRAN;
				assert_rmi(map_ns(f, ipa, 3, NS_DESC(pa)), 0);
			}
			/* an architectural walk over the raw descriptors finds the page */
			assert_int_equal(rt_hw_walk(f, g, f->rtt[0], ipa + 0x10, &leaf), pa + 0x10);
			assert_int_equal(leaf, 3);
			e = rt_read(f, ipa, 3);
			assert_int_equal(e.walk_level, 3);
			assert_int_equal(e.state, RMI_RTT_ENTRY_STATE_ASSIGNED);
			/* the L3 is live only if it maps protected data */
			assert_rmi(destroy(f, ipa & ~(L2_SIZE - 1), 3, &rtt, &top),
				   ipa < par ? RET(4, 3) : 0);
			if (ipa >= par) {
				/* and the address space above it reads as unmapped again */
				assert_int_equal(rt_hw_walk(f, g, f->rtt[0], ipa, &leaf), -1);
			}
		}
		/* first/last protected and unprotected at the root level */
		assert_rmi(map_ns(f, par - GRAN, 3, NS_DESC(0)), 1);
		assert_rmi(rc(f, RMI_FID_RTT_INIT_RIPAS, f->rd, par - GRAN, par + GRAN, 0, 0, NULL),
			   1);
	}
}

/* ---------------- 2.0 (each revision): the same commands ---------------- */

static void v2_rtt_commands(void **state)
{
	struct fix *f = *state;
	uint64_t rtt, top, l3, data;
	struct rt_entry e;

	rt_v2_realm(f, 40, 1, 2);
	assert_rmi(rt_create(f, 0, 2, NULL), 0);
	assert_rmi(rt_create(f, 0, 3, &l3), 0);
	assert_rmi(rt_create(f, 0, 3, NULL), RET(4, 2));
	assert_rmi(destroy(f, 0x40000000, 3, &rtt, &top), RET(4, 1));
	assert_int_equal(top, PAR_END);
	/* 2.0 reports the PA of an assigned DESTROYED granule */
	data = rt_v2_assign(f, 0x4000, RMI_RIPAS_DESTROYED);
	e = rt_read(f, 0x4000, 3);
	assert_int_equal(e.state, RMI_RTT_ENTRY_STATE_ASSIGNED);
	assert_int_equal(e.desc, data);
	assert_int_equal(e.ripas, RMI_RIPAS_DESTROYED);
	assert_rmi(destroy(f, 0, 3, &rtt, &top), RET(4, 3));
	assert_rmi(fold(f, 0, 3, &rtt), RET(4, 3));
	/* 1.0-only commands are not there */
	assert_int_equal(fix_call(f, RMI_FID_RTT_MAP_UNPROTECTED, f->rd, NS_BASE, 1, 0, 0, NULL),
			 SMC_UNKNOWN);
	assert_int_equal(fix_call(f, RMI_FID_DATA_DESTROY, f->rd, 0, 0, 0, 0, NULL), SMC_UNKNOWN);
}

/* RTT_READ_ENTRY of an assigned DESTROYED entry reports its PA (the spec; not TF-RMM 1.0-rel0's 0). */
static void v1_destroyed_pa_reported(void **state)
{
	struct fix *f = *state;
	uint64_t top, rtt;
	struct rt_entry e;

	/* assigned DESTROYED in 1.0: DATA_CREATE_UNKNOWN on a destroyed IPA */
	rt_tables(f, 0, 3);
	assert_rmi(destroy(f, 0, 3, &rtt, &top), 0);
	rt_data_unknown(f, 0x3000);
	e = rt_read(f, 0x3000, 3);
	assert_int_equal(e.state, RMI_RTT_ENTRY_STATE_ASSIGNED);
	assert_int_not_equal(e.desc, 0);
	assert_int_equal(rmm_granule_state(f->rmm, e.desc), GRANULE_DATA);
	assert_int_equal(e.ripas, RMI_RIPAS_DESTROYED);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup_realm, fix_teardown)

int main(int argc, char **argv)
{
	const struct CMUnitTest v1[] = {
		T(create_rejects_bad_rtt_granule),
		T(create_rejects_bad_rd),
		T(create_rejects_level_out_of_bounds),
		T(create_rejects_bad_ipa),
		T(create_reports_missing_parent_level),
		T(create_reports_existing_table_at_parent_level),
		T(create_ranks_input_before_rtt),
		T(create_inherits_parent_state),
		T(create_unfolds_ns_block),
		T(destroy_rejects_bad_rd_level_ipa_with_top_zero),
		T(destroy_missing_table_reports_walk_level_and_top),
		T(destroy_live_table_reports_level_and_ipa),
		T(destroy_success_outputs_and_parent_state),
		T(destroy_table_with_only_ns_mappings),
		T(fold_rejects_and_reports),
		T(fold_uniform_unassigned),
		T(fold_mixed_unassigned_is_refused),
		T(fold_assigned_ram_into_block_and_unfold),
		T(fold_full_table_refused_when_not_a_block),
		T(fold_partly_populated_is_refused),
		T(fold_mixed_ripas_assigned_is_refused),
		T(fold_ns_pages_into_block),
		cmocka_unit_test_setup_teardown(fold_at_level_1_refuses_blocks, fix_setup_v1, fix_teardown),
		T(read_entry_rejects),
		T(read_entry_reports_each_kind),
		T(map_ns_rejects),
		T(map_ns_writes_valid_descriptors),
		T(unmap_ns_rejects_and_reports_top),
		cmocka_unit_test_setup_teardown(every_geometry_walks_edges, fix_setup_v1, fix_teardown),
		T(v1_destroyed_pa_reported),
	};
	const struct CMUnitTest v2[] = {
		cmocka_unit_test_setup_teardown(v2_rtt_commands, fix_setup_v2, fix_teardown),
	};
	int fails = cmocka_run_group_tests_name("rtt 1.0", v1, NULL, NULL);

	return fails + fix_run_v2_group("rtt 2.0", v2, argc, argv);
}
