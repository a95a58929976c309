// SPDX-License-Identifier: BSD-3-Clause
/*
 * Fault injection on the 1.0 profile: a forced failure answers the
 * results the real command gives when it fails without doing anything
 * (spec `on_failure`).  The teardown protocols read them: RTT_DESTROY's
 * top (kernel-series.md §2.9: x2 == ipa means "live children, recurse"),
 * DATA_DESTROY's and RTT_UNMAP_UNPROTECTED's top (where to go on), and
 * VERSION's range on refusal.  An injected ERROR_RTT with top = 0 would be
 * an answer no RMM gives.
 */
#include <string.h>

#include <cca-double/fault.h>

#include "rtt_fixture.h"

#define NS_BASE (1ULL << 39)	/* first unprotected IPA of the default realm */
#define NS_DESC(pa) ((pa) | (5ULL << 2) | (3ULL << 6))	/* MemAttr 0b101, S2AP RW */

static int setup(void **state)
{
	if (fix_setup_v1(state))
		return -1;
	rt_realm(*state);
	return 0;
}

struct compared {
	const char *cmd;
	int64_t status;
};

/*
 * The real command fails here with `want` and changes nothing; the same
 * call with that status and index forced must answer the same x1...
 */
static void forced_same_as_real(struct fix *f, const char *name, uint32_t fid, const uint64_t *a,
				uint64_t want, struct compared *seen, unsigned int *nseen)
{
	const struct abi_command *c = abi_command_by_name(rmm_profile(f->rmm), ABI_RMI, name);
	struct fault_plan *plan = fault_plan_new();
	struct fault_rule rule = { .iface = ABI_RMI, .action = FAULT_RETURN, .status = want & 0xff,
				   .index = (want >> 8) & 0xff, .nth = 1 };
	struct smc_regs real, forced;
	char err[160];

	assert_non_null(c);
	assert_rmi(rc(f, fid, a[0], a[1], a[2], a[3], a[4], &real), want);
	strcpy(rule.command, name);
	if (fault_plan_add(plan, rmm_profile(f->rmm), &rule, err, sizeof(err), NULL, 0))
		fail_msg("fault_plan_add: %s", err);
	rmm_set_faults(f->rmm, plan);
	assert_rmi(rc(f, fid, a[0], a[1], a[2], a[3], a[4], &forced), want);
	assert_int_equal(fault_plan_rule(plan, 0)->fired, 1);
	for (unsigned int i = 1; i <= c->nresults; i++)
		if (forced.x[i] != real.x[i])
			fail_msg("%s forced 0x%llx: %s = 0x%llx, the real failure gives 0x%llx", name,
				 (unsigned long long)want, c->results[i - 1],
				 (unsigned long long)forced.x[i], (unsigned long long)real.x[i]);
	rmm_set_faults(f->rmm, NULL);
	fault_plan_free(plan);
	seen[*nseen].cmd = name;
	seen[(*nseen)++].status = (int64_t)(want & 0xff);
}

static void forced_failures_look_like_real_ones(void **state)
{
	struct fix *f = *state;
	const struct abi_profile *p = rmm_profile(f->rmm);
	struct compared seen[16];
	unsigned int nseen = 0;
	uint64_t blk = 4 * L2_SIZE, base;

	/* VERSION of a revision it does not speak: x1, x2 the one it does. */
	forced_same_as_real(f, "VERSION", RMI_FID_VERSION, (uint64_t[]){ 0x20000, 0, 0, 0, 0 },
			    RMI_STATUS_ERROR_INPUT, seen, &nseen);
	/* RTT_DESTROY of a table with a live child table: ERROR_RTT(2), top = ipa. */
	rt_tables(f, L1_SIZE, 3);
	forced_same_as_real(f, "RTT_DESTROY", RMI_FID_RTT_DESTROY,
			    (uint64_t[]){ f->rd, L1_SIZE, 2, 0, 0 }, RET(RMI_STATUS_ERROR_RTT, 2),
			    seen, &nseen);
	/* DATA_DESTROY inside a level-2 block: ERROR_RTT(2), top = ipa (live). */
	f->next = (f->next + L2_SIZE - 1) & ~(L2_SIZE - 1);
	base = f->next;
	for (unsigned int i = 0; i < 512; i++)
		fix_alloc_delegated(f);
	rt_tables(f, blk, 3);
	for (unsigned int i = 0; i < 512; i++)
		assert_rmi(fix_call(f, RMI_FID_DATA_CREATE_UNKNOWN, f->rd, base + i * GRAN,
				    blk + i * GRAN, 0, 0, NULL), 0);
	assert_rmi(rc(f, RMI_FID_RTT_FOLD, f->rd, blk, 3, 0, 0, NULL), 0);
	forced_same_as_real(f, "DATA_DESTROY", RMI_FID_DATA_DESTROY,
			    (uint64_t[]){ f->rd, blk + 0x3000, 0, 0, 0 }, RET(RMI_STATUS_ERROR_RTT, 2),
			    seen, &nseen);
	/* RTT_UNMAP_UNPROTECTED at level 3 inside a level-2 NS block: ERROR_RTT(2), top = ipa. */
	rt_tables(f, NS_BASE, 2);
	assert_rmi(rc(f, RMI_FID_RTT_MAP_UNPROTECTED, f->rd, NS_BASE + L2_SIZE, 2, NS_DESC(0), 0,
		      NULL), 0);
	forced_same_as_real(f, "RTT_UNMAP_UNPROTECTED", RMI_FID_RTT_UNMAP_UNPROTECTED,
			    (uint64_t[]){ f->rd, NS_BASE + L2_SIZE, 3, 0, 0 },
			    RET(RMI_STATUS_ERROR_RTT, 2), seen, &nseen);
	/* Every on_failure value of the profile was compared with a real failure. */
	for (unsigned int i = 0; i < p->ncommands; i++) {
		const struct abi_command *c = &p->commands[i];

		for (unsigned int j = 0; j < c->non_failure; j++) {
			const struct abi_on_failure *o = &c->on_failure[j];
			bool found = false;

			for (unsigned int k = 0; k < nseen; k++)
				found |= !strcmp(seen[k].cmd, c->name) &&
					 (!o->status || seen[k].status == o->status_value);
			if (!found)
				fail_msg("%s declares on_failure for %s (%s): no real failure compared",
					 c->name, c->results[o->result], o->status ? o->status : "any");
		}
	}
}

/*
 * The teardown walk's protocol on a forced RTT_DESTROY ERROR_RTT(level):
 * top == ipa (live children, recurse), as the real RMM answers; and
 * ERROR_INPUT leaves top 0 (TF-RMM: x2 = 0), as the real one does.
 */
static void forced_rtt_destroy_top(void **state)
{
	struct fix *f = *state;
	struct fault_plan *plan = fault_plan_new();
	struct fault_rule rule = { .command = "RTT_DESTROY", .iface = ABI_RMI, .action = FAULT_RETURN,
				   .status = RMI_STATUS_ERROR_RTT, .index = 2, .nth = 1 };
	struct smc_regs r;
	char err[160];

	rt_tables(f, L1_SIZE, 2);
	assert_int_equal(fault_plan_add(plan, rmm_profile(f->rmm), &rule, err, sizeof(err), NULL, 0), 0);
	rule.status = RMI_STATUS_ERROR_INPUT;
	rule.index = 0;
	rule.nth = 2;
	assert_int_equal(fault_plan_add(plan, rmm_profile(f->rmm), &rule, err, sizeof(err), NULL, 0), 0);
	rmm_set_faults(f->rmm, plan);
	assert_rmi(rc(f, RMI_FID_RTT_DESTROY, f->rd, L1_SIZE, 2, 0, 0, &r), RET(RMI_STATUS_ERROR_RTT, 2));
	assert_int_equal(r.x[1], 0);
	assert_int_equal(r.x[2], L1_SIZE);
	assert_rmi(rc(f, RMI_FID_RTT_DESTROY, f->rd, L1_SIZE, 2, 0, 0, &r), RMI_STATUS_ERROR_INPUT);
	assert_int_equal(r.x[2], 0);
	/* The table is still there: the third call runs and destroys it. */
	assert_rmi(rc(f, RMI_FID_RTT_DESTROY, f->rd, L1_SIZE, 2, 0, 0, &r), 0);
	assert_int_not_equal(r.x[1], 0);
	rmm_set_faults(f->rmm, NULL);
	fault_plan_free(plan);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(forced_failures_look_like_real_ones, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(forced_rtt_destroy_top, setup, fix_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
