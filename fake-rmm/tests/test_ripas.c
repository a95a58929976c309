// SPDX-License-Identifier: BSD-3-Clause
/*
 * RTT_INIT_RIPAS (1.0 and 2.0-bet1) and the RTT half of RTT_SET_RIPAS
 * (ripas_set_range, driven directly until RECs exist): failure order,
 * the address reached, one table per call, and the RIPAS transition table.
 */
#include "rtt_fixture.h"

#include <stdio.h>
#include <string.h>

#include <cca-double/fault.h>

#include "realm.h"
#include "rtt.h"

#define PAR_END (1ULL << 39)
#define IPA_END (1ULL << 40)

static int setup_realm(void **state)
{
	if (fix_setup_v1(state))
		return -1;
	rt_realm(*state);
	return 0;
}

static uint64_t init(struct fix *f, uint64_t base, uint64_t top, uint64_t *reached)
{
	struct smc_regs r;
	uint64_t x0 = rc(f, RMI_FID_RTT_INIT_RIPAS, f->rd, base, top, 0, 0, &r);

	*reached = r.x[1];
	return x0;
}

static void init_rejects(void **state)
{
	struct fix *f = *state;
	uint64_t x = 9;

	/* size_valid: top <= base (checked even before the RD) */
	assert_rmi(init(f, 0x2000, 0x2000, &x), 1);
	assert_int_equal(x, 0);
	assert_rmi(init(f, 0x2000, 0x1000, &x), 1);
	assert_rmi(rc(f, RMI_FID_RTT_INIT_RIPAS, 0, 0x2000, 0x1000, 0, 0, NULL), 1);
	/* rd */
	assert_rmi(rc(f, RMI_FID_RTT_INIT_RIPAS, f->rtt[0], 0, L1_SIZE, 0, 0, NULL), 1);
	/* alignment and bounds */
	assert_rmi(init(f, 0x10, L1_SIZE, &x), 1);
	assert_rmi(init(f, 0, L1_SIZE + 8, &x), 1);
	assert_rmi(init(f, 0, IPA_END, &x), 1);
	assert_rmi(init(f, 0, ~0xfffULL, &x), 1);
	/* both ends protected: top - 4K inside the PAR, base inside the PAR */
	assert_rmi(init(f, PAR_END - L1_SIZE, PAR_END + 0x1000, &x), 1);
	assert_rmi(init(f, PAR_END, PAR_END + L1_SIZE, &x), 1);
	/* the whole PAR is a valid range (one root table per call) */
	assert_rmi(init(f, PAR_END - L1_SIZE, PAR_END, &x), 0);
	assert_int_equal(x, PAR_END);
}

static void init_realm_state_ranks_between_input_and_rtt(void **state)
{
	struct fix *f = *state;
	uint64_t x;

	assert_rmi(rc(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), 0);
	assert_rmi(init(f, 0, L1_SIZE, &x), 2);
	/* bad alignment and ACTIVE: ERROR_INPUT */
	assert_rmi(init(f, 0x10, L1_SIZE, &x), 1);
	assert_rmi(init(f, PAR_END, PAR_END + L1_SIZE, &x), 1);
	/* ACTIVE and a base not aligned to the root entry: ERROR_REALM */
	assert_rmi(init(f, 0x1000, L1_SIZE, &x), 2);
}

static void init_walk_alignment_and_progress(void **state)
{
	struct fix *f = *state;
	uint64_t x = 5, data;

	/* base below a root entry boundary with no tables: ERROR_RTT(1) */
	assert_rmi(init(f, 0x1000, 0x400000, &x), RET(4, 1));
	assert_int_equal(x, 0);
	/* a range smaller than the entry at base: no progress, ERROR_RTT(level) */
	assert_rmi(init(f, 0, 0x1000, &x), RET(4, 1));
	rt_tables(f, 0, 3);
	/* [ran] INIT_RIPAS(0x1000, 0x400000) stops at the end of the L3: 0x200000 */
	assert_rmi(init(f, 0x1000, 0x400000, &x), 0);
	assert_int_equal(x, 0x200000);
	assert_int_equal(rt_read(f, 0x1000, 3).ripas, RMI_RIPAS_RAM);
	assert_int_equal(rt_read(f, 0, 3).ripas, RMI_RIPAS_EMPTY);
	/* the L2 continues from 0x200000, 2 MiB entries: top 0x400000 ends it */
	assert_rmi(init(f, 0x200000, 0x500000, &x), 0);
	assert_int_equal(x, 0x400000);
	assert_int_equal(rt_read(f, 0x3ff000, 3).walk_level, 2);
	assert_int_equal(rt_read(f, 0x3ff000, 3).ripas, RMI_RIPAS_RAM);
	/* already RAM is processed again (and measured) */
	assert_rmi(init(f, 0x1000, 0x3000, &x), 0);
	assert_int_equal(x, 0x3000);
	/* data stops it (1.0): entries before are changed, x1 = the data IPA */
	data = rt_data(f, 0x5000, 0, 1);
	(void)data;
	assert_rmi(init(f, 0, 0x10000, &x), 0);
	assert_int_equal(x, 0x5000);
	assert_rmi(init(f, 0x5000, 0x10000, &x), RET(4, 3));
	/* DESTROYED stops it */
	{
		struct smc_regs r;

		assert_rmi(rc(f, RMI_FID_DATA_DESTROY, f->rd, 0x5000, 0, 0, 0, &r), 0);
		assert_rmi(init(f, 0x5000, 0x10000, &x), RET(4, 3));
	}
	/* a table entry stops it */
	rt_tables(f, 0x400000, 3);
	assert_rmi(init(f, 0x200000, L1_SIZE, &x), 0);
	assert_int_equal(x, 0x400000);
	assert_rmi(init(f, 0x400000, 0x400000 + L2_SIZE, &x), 0);
	assert_int_equal(x, 0x600000);
}

static void init_root_level_and_concatenated_tables(void **state)
{
	struct fix *f = *state;
	uint64_t x, span = 512 * L1_SIZE;	/* one level-1 start table */

	fix_teardown(state);
	assert_int_equal(fix_setup_v1(state), 0);
	f = *state;
	rt_realm_with(f, 41, 1, 4, RMI_HASH_ALGO_SHA_256);	/* PAR = 1 TiB = 2 start tables */
	assert_rmi(init(f, 0, 2 * span, &x), 0);
	assert_int_equal(x, span);	/* never crosses a start table */
	assert_rmi(init(f, span - L1_SIZE, 2 * span, &x), 0);	/* already RAM: processed */
	assert_int_equal(x, span);
	assert_rmi(init(f, span, 2 * span, &x), 0);
	assert_int_equal(x, 2 * span);
	assert_int_equal(rt_read(f, 2 * span - L1_SIZE, 1).ripas, RMI_RIPAS_RAM);
}

static void init_honours_injected_progress_limit(void **state)
{
	struct fix *f = *state;
	struct fault_plan *plan = fault_plan_new();
	struct fault_rule rule;
	char err[128], warn[128];
	uint64_t x;

	memset(&rule, 0, sizeof(rule));
	snprintf(rule.command, sizeof(rule.command), "RTT_INIT_RIPAS");
	rule.iface = ABI_RMI;
	rule.action = FAULT_PROGRESS;
	rule.progress = 3;
	assert_int_equal(fault_plan_add(plan, rmm_profile(f->rmm), &rule, err, sizeof(err), warn,
					sizeof(warn)), 0);
	rmm_set_faults(f->rmm, plan);
	rt_tables(f, 0, 3);
	assert_rmi(init(f, 0, L2_SIZE, &x), 0);
	assert_int_equal(x, 0x3000);
	rmm_set_faults(f->rmm, NULL);
	fault_plan_free(plan);
}

/* ---------------- ripas_set_range (RTT_SET_RIPAS's table half) ---------------- */

static struct realm *realm(struct fix *f)
{
	return realm_of_rd(f->rmm, f->rd);
}

static uint64_t set(struct fix *f, uint64_t base, uint64_t top, unsigned int ripas, bool cd,
		    uint64_t *reached)
{
	uint64_t x0 = ripas_set_range(f->rmm, realm(f), base, top, ripas, cd, reached);

	fix_check_invariants(f);
	return x0;
}

static void set_ripas_transitions(void **state)
{
	struct fix *f = *state;
	uint64_t x, pa, top, d;
	struct smc_regs r;
	struct rt_entry e;

	rt_tables(f, 0, 3);
	/* unassigned EMPTY -> RAM -> EMPTY */
	assert_rmi(set(f, 0, 0x4000, RMI_RIPAS_RAM, false, &x), 0);
	assert_int_equal(x, 0x4000);
	assert_int_equal(rt_read(f, 0x3000, 3).ripas, RMI_RIPAS_RAM);
	assert_rmi(set(f, 0x2000, 0x4000, RMI_RIPAS_EMPTY, false, &x), 0);
	assert_int_equal(rt_read(f, 0x2000, 3).ripas, RMI_RIPAS_EMPTY);
	assert_int_equal(rt_read(f, 0x1000, 3).ripas, RMI_RIPAS_RAM);
	/* assigned RAM -> EMPTY keeps the PA, drops the mapping; EMPTY -> RAM maps it again */
	d = rt_data(f, 0x8000, 1, 1);
	assert_rmi(set(f, 0x8000, 0x9000, RMI_RIPAS_EMPTY, false, &x), 0);
	e = rt_read(f, 0x8000, 3);
	assert_int_equal(e.state, RMI_RTT_ENTRY_STATE_ASSIGNED);
	assert_int_equal(e.desc, d);
	assert_int_equal(e.ripas, RMI_RIPAS_EMPTY);
	assert_int_equal(((const uint64_t *)rt_rmm_bytes(f, rt_read(f, 0, 2).desc))[8] & 1, 0);
	assert_rmi(set(f, 0x8000, 0x9000, RMI_RIPAS_RAM, false, &x), 0);
	assert_int_equal(((const uint64_t *)rt_rmm_bytes(f, rt_read(f, 0, 2).desc))[8] & 3, 3);
	/* DESTROYED: stops without CHANGE_DESTROYED, changes with it */
	assert_rmi(rc(f, RMI_FID_DATA_DESTROY, f->rd, 0x8000, 0, 0, 0, &r), 0);
	(void)pa;
	(void)top;
	assert_rmi(set(f, 0x8000, 0x9000, RMI_RIPAS_RAM, false, &x), RET(4, 3));
	assert_rmi(set(f, 0x7000, 0x9000, RMI_RIPAS_RAM, false, &x), 0);
	assert_int_equal(x, 0x8000);
	assert_rmi(set(f, 0x8000, 0x9000, RMI_RIPAS_EMPTY, false, &x), RET(4, 3));
	assert_rmi(set(f, 0x8000, 0x9000, RMI_RIPAS_EMPTY, true, &x), 0);
	assert_int_equal(rt_read(f, 0x8000, 3).ripas, RMI_RIPAS_EMPTY);
	/* assigned DESTROYED -> RAM only with CHANGE_DESTROYED */
	rt_data(f, 0xc000, 1, 1);
	assert_rmi(rc(f, RMI_FID_DATA_DESTROY, f->rd, 0xc000, 0, 0, 0, &r), 0);
	d = rt_data_unknown(f, 0xc000);
	assert_rmi(set(f, 0xc000, 0xd000, RMI_RIPAS_RAM, false, &x), RET(4, 3));
	assert_rmi(set(f, 0xc000, 0xd000, RMI_RIPAS_RAM, true, &x), 0);
	e = rt_read(f, 0xc000, 3);
	assert_int_equal(e.state, RMI_RTT_ENTRY_STATE_ASSIGNED);
	assert_int_equal(e.desc, d);
	assert_int_equal(e.ripas, RMI_RIPAS_RAM);
	/* assigned EMPTY -> RAM needs no flag */
	d = rt_data_unknown(f, 0xa000);
	assert_rmi(set(f, 0xa000, 0xb000, RMI_RIPAS_RAM, false, &x), 0);
	assert_int_equal(rt_read(f, 0xa000, 3).ripas, RMI_RIPAS_RAM);
}

static void set_ripas_walk_and_stops(void **state)
{
	struct fix *f = *state;
	uint64_t x = 1;

	/* base not aligned to the entry the walk reached */
	assert_rmi(set(f, 0x1000, 0x2000, RMI_RIPAS_RAM, false, &x), RET(4, 1));
	assert_int_equal(x, 0x1000);
	/* range smaller than the root entry */
	assert_rmi(set(f, 0, 0x2000, RMI_RIPAS_RAM, false, &x), RET(4, 1));
	/* one table per call; a table entry stops it */
	rt_tables(f, L1_SIZE, 2);
	assert_rmi(set(f, 0, 3 * L1_SIZE, RMI_RIPAS_RAM, false, &x), 0);
	assert_int_equal(x, L1_SIZE);
	rt_tables(f, 0, 3);
	assert_rmi(set(f, 0x1ff000, 0x400000, RMI_RIPAS_RAM, false, &x), 0);
	assert_int_equal(x, 0x200000);
}

static void change_entry_reports_tlbi_only_for_valid_mappings(void **state)
{
	uint64_t e;

	(void)state;
	e = s2tte_assigned(0x40000000, RMI_RIPAS_RAM, 3);
	assert_int_equal(ripas_change_entry(&e, 3, RMI_RIPAS_EMPTY, false), RIPAS_STEP_DONE_TLBI);
	assert_int_equal(ripas_change_entry(&e, 3, RMI_RIPAS_RAM, false), RIPAS_STEP_DONE);
	e = s2tte_unassigned(RMI_RIPAS_RAM);
	assert_int_equal(ripas_change_entry(&e, 3, RMI_RIPAS_EMPTY, false), RIPAS_STEP_DONE);
	e = s2tte_unassigned_ns();
	assert_int_equal(ripas_change_entry(&e, 3, RMI_RIPAS_EMPTY, true), RIPAS_STEP_STOP);
	e = s2tte_table(0x40000000);
	assert_int_equal(ripas_change_entry(&e, 2, RMI_RIPAS_RAM, true), RIPAS_STEP_STOP);
}

/* ---------------- 2.0 (each revision) ---------------- */

static void v2_init_ripas_converts_assigned_and_does_not_measure(void **state)
{
	struct fix *f = *state;
	uint8_t before[64], after[64];
	uint64_t x;

	rt_v2_realm(f, 40, 1, 2);
	rt_tables(f, 0, 3);
	rt_v2_assign(f, 0x2000, RMI_RIPAS_EMPTY);
	rt_v2_assign(f, 0x3000, RMI_RIPAS_RAM);
	rt_v2_assign(f, 0x6000, RMI_RIPAS_DESTROYED);
	assert_int_equal(rmm_realm_measurement(f->rmm, f->rd, 0, before), 0);
	assert_rmi(init(f, 0, 0x10000, &x), 0);
	assert_int_equal(x, 0x6000);	/* DESTROYED still stops it */
	assert_int_equal(rt_read(f, 0x2000, 3).ripas, RMI_RIPAS_RAM);
	assert_int_equal(rt_read(f, 0x2000, 3).state, RMI_RTT_ENTRY_STATE_ASSIGNED);
	assert_int_equal(rt_read(f, 0x5000, 3).ripas, RMI_RIPAS_RAM);
	assert_int_equal(rmm_realm_measurement(f->rmm, f->rd, 0, after), 0);
	assert_memory_equal(before, after, 64);
	/* over populated memory again: no RTT error (the kernel would loop) */
	assert_rmi(init(f, 0x2000, 0x6000, &x), 0);
	assert_int_equal(x, 0x6000);
}

static void v1_init_ripas_stops_at_assigned_empty(void **state)
{
	struct fix *f = *state;
	uint64_t x;

	rt_data_unknown(f, 0x2000);
	assert_rmi(init(f, 0, 0x10000, &x), 0);
	assert_int_equal(x, 0x2000);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup_realm, fix_teardown)

int main(int argc, char **argv)
{
	const struct CMUnitTest v1[] = {
		T(init_rejects),
		T(init_realm_state_ranks_between_input_and_rtt),
		T(init_walk_alignment_and_progress),
		T(init_root_level_and_concatenated_tables),
		T(init_honours_injected_progress_limit),
		T(set_ripas_transitions),
		T(set_ripas_walk_and_stops),
		T(change_entry_reports_tlbi_only_for_valid_mappings),
		T(v1_init_ripas_stops_at_assigned_empty),
	};
	const struct CMUnitTest v2[] = {
		cmocka_unit_test_setup_teardown(v2_init_ripas_converts_assigned_and_does_not_measure,
						fix_setup_v2, fix_teardown),
	};
	int fails = cmocka_run_group_tests_name("ripas 1.0", v1, NULL, NULL);

	return fails + fix_run_v2_group("ripas 2.0", v2, argc, argv);
}
