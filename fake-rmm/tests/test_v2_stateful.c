// SPDX-License-Identifier: BSD-3-Clause
/*
 * Stateful RMI Operations forced by fault rules, on every command that
 * takes part in one (2.0-bet3: the continue-only RTT, data and range
 * commands and GPT_INFO; the rest run the same on 2.0-bet1).  Each case
 * is run on two RMMs built alike ("twins"): one gets the command, the
 * other the command with an injected INCOMPLETE (memreq NONE) and then
 * OP_CONTINUE.  With KEEP_GOING the answer and every granule (state,
 * refcount, RMM-view contents) must match the uninterrupted call; with
 * STOP they must match the call limited to one step (a range command
 * returns after its first block; DEN0137 2.0 RmiContinueBeyond); an
 * injected BLOCKED changes nothing.  Every continue-only command the
 * profile describes must have a case here.  Fault rules accept INCOMPLETE
 * and BLOCKED on every stateful command of the profile without a warning.
 */
#include <stdlib.h>
#include <string.h>

#include <cca-double/fault.h>

#include "v2_fixture.h"

#include "rec.h"

#define NS_IPA (1ULL << 39)	/* first unprotected IPA of the s2sz-40 realm */
#define PAGES 4

struct twin {
	struct fix *a, *b;
};

static int setup(void **state)
{
	struct twin *t = calloc(1, sizeof(*t));
	void *a, *b;

	if (!t || fix_setup_v2(&a) || fix_setup_v2(&b))
		return -1;
	t->a = a;
	t->b = b;
	*state = t;
	return 0;
}

static int teardown(void **state)
{
	struct twin *t = *state;
	void *a = t->a, *b = t->b;

	fix_teardown(&a);
	fix_teardown(&b);
	free(t);
	return 0;
}

/* ---- the cases: each prepares one RMM and names the call ---- */

static uint64_t single(void)
{
	return abi_bits_put(abi_bits(fix_v2_abi(), "map_flags", "OADDR_TYPE"),
			    (uint64_t)abi_enum_or(fix_v2_abi(), "addr_type", "SINGLE", 1));
}

static uint64_t unprot_flags(void)
{
	const struct abi_profile *p = fix_v2_abi();

	return single() | abi_bits_put(abi_bits(p, "unprot_map_flags", "MEMATTR"), 6) |
	       abi_bits_put(abi_bits(p, "unprot_map_flags", "S2AP"), 3);
}

/* `n` contiguous fresh NS granules; the first. */
static uint64_t ns_run(struct fix *f, unsigned int n)
{
	uint64_t first = fix_alloc(f);

	for (unsigned int i = 1; i < n; i++)
		fix_alloc(f);
	return first;
}

static void p_rtt_create(struct fix *f, uint64_t *a)
{
	a[0] = f->rd, a[1] = rt_v2_delegated(f), a[2] = 0, a[3] = 2;
}

static void p_rtt_destroy(struct fix *f, uint64_t *a)
{
	rt_tables(f, 0, 3);
	a[0] = f->rd, a[1] = 0, a[2] = 3;
}

static void p_rtt_fold(struct fix *f, uint64_t *a)
{
	rt_tables(f, 0, 3);
	assert_rmi(rc(f, RMI_FID_RTT_INIT_RIPAS, f->rd, 0, L2_SIZE, 0, 0, NULL), 0);
	a[0] = f->rd, a[1] = 0, a[2] = 3;
}

static void p_init_ripas(struct fix *f, uint64_t *a)
{
	rt_tables(f, 0, 3);
	a[0] = f->rd, a[1] = 0, a[2] = PAGES * GRAN;
}

static void p_data_map_init(struct fix *f, uint64_t *a)
{
	rt_tables(f, 0, 3);
	a[0] = f->rd, a[1] = rt_v2_delegated(f), a[2] = 0, a[3] = rt_src(f, 0x5a), a[4] = 1;
}

static void p_data_map(struct fix *f, uint64_t *a)
{
	rt_tables(f, 0, 3);
	a[0] = f->rd, a[1] = 0, a[2] = PAGES * GRAN, a[3] = single();
	a[4] = v2_desc(v2_delegated_run(f, PAGES), PAGES, false);
}

static void p_data_unmap(struct fix *f, uint64_t *a)
{
	p_data_map(f, a);
	assert_rmi(rc(f, RMI_FID_RTT_DATA_MAP, a[0], a[1], a[2], a[3], a[4], NULL), 0);
	a[3] = 0, a[4] = 0;	/* output NONE */
}

static void p_unprot_map(struct fix *f, uint64_t *a)
{
	rt_tables(f, NS_IPA, 3);
	a[0] = f->rd, a[1] = NS_IPA, a[2] = NS_IPA + PAGES * GRAN, a[3] = unprot_flags();
	a[4] = v2_desc(ns_run(f, PAGES), PAGES, true);
}

static void p_unprot_unmap(struct fix *f, uint64_t *a)
{
	p_unprot_map(f, a);
	assert_rmi(rc(f, RMI_FID_RTT_UNPROT_MAP, a[0], a[1], a[2], a[3], a[4], NULL), 0);
	a[3] = 0, a[4] = 0;
}

static void p_set_ripas(struct fix *f, uint64_t *a)
{
	uint64_t rec;

	rt_tables(f, 0, 3);
	assert_rmi(v2_rec_create(f, v2_rec_params(f, V2(REC_PARAMS_FLAGS_RUNNABLE_MASK), 0, 0, NULL),
				 &rec), 0);
	assert_rmi(rc(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), 0);
	/* What an RSI_IPA_STATE_SET exit leaves on the REC (white-box: no guest run here). */
	rec_of(f->rmm, rec)->ripas = (struct rec_ripas_change){ .pending = true, .base = 0,
		.top = PAGES * GRAN, .addr = 0, .ripas = RMI_RIPAS_RAM };
	a[0] = f->rd, a[1] = rec, a[2] = 0, a[3] = PAGES * GRAN;
}

static void p_range_delegate(struct fix *f, uint64_t *a)
{
	a[0] = ns_run(f, PAGES), a[1] = a[0] + PAGES * GRAN;
}

static void p_range_undelegate(struct fix *f, uint64_t *a)
{
	a[0] = v2_delegated_run(f, PAGES), a[1] = a[0] + PAGES * GRAN;
}

static void p_gpt_info(struct fix *f, uint64_t *a)
{
	a[0] = pmem_pa_base(f->pm) & ~((1ULL << 30) - 1), a[1] = a[0] + (1ULL << 30);
}

static const struct stateful_case {
	const char *cmd;
	void (*prep)(struct fix *f, uint64_t *a);
} cases[] = {
	{ "RTT_CREATE", p_rtt_create },
	{ "RTT_DESTROY", p_rtt_destroy },
	{ "RTT_FOLD", p_rtt_fold },
	{ "RTT_INIT_RIPAS", p_init_ripas },
	{ "RTT_DATA_MAP_INIT", p_data_map_init },
	{ "RTT_DATA_MAP", p_data_map },
	{ "RTT_DATA_UNMAP", p_data_unmap },
	{ "RTT_UNPROT_MAP", p_unprot_map },
	{ "RTT_UNPROT_UNMAP", p_unprot_unmap },
	{ "RTT_SET_RIPAS", p_set_ripas },
	{ "GRANULE_RANGE_DELEGATE", p_range_delegate },
	{ "GRANULE_RANGE_UNDELEGATE", p_range_undelegate },
	{ "GPT_INFO", p_gpt_info },
};

#define NCASES (sizeof(cases) / sizeof(cases[0]))

/* ---- comparing the twins ---- */

static void same_memory(struct twin *t, const char *what)
{
	uint64_t base = pmem_pa_base(t->a->pm);

	assert_int_equal(base, pmem_pa_base(t->b->pm));
	for (uint64_t pa = base; pa < base + pmem_size(t->a->pm); pa += GRAN) {
		enum granule_state s = rmm_granule_state(t->a->rmm, pa);

		if (s != rmm_granule_state(t->b->rmm, pa) ||
		    rmm_granule_refcount(t->a->rmm, pa) != rmm_granule_refcount(t->b->rmm, pa))
			fail_msg("%s: granule 0x%llx is %s / %s", what, (unsigned long long)pa,
				 granule_state_name(s),
				 granule_state_name(rmm_granule_state(t->b->rmm, pa)));
		if (s != GRANULE_NS &&
		    memcmp(pmem_rmm_ptr(t->a->pm, pa), pmem_rmm_ptr(t->b->pm, pa), GRAN))
			fail_msg("%s: granule 0x%llx (%s) differs", what, (unsigned long long)pa,
				 granule_state_name(s));
	}
}

static struct fault_plan *plan_of(struct fix *f, const char *cmd, enum fault_action action,
				  uint64_t status)
{
	struct fault_plan *plan = fault_plan_new();
	struct fault_rule rule = { .iface = ABI_RMI, .action = action, .status = status,
				   .progress = 1, .nth = 1 };
	char err[160];

	strcpy(rule.command, cmd);
	if (fault_plan_add(plan, rmm_profile(f->rmm), &rule, err, sizeof(err), NULL, 0))
		fail_msg("%s: %s", cmd, err);
	rmm_set_faults(f->rmm, plan);
	return plan;
}

static void unplan(struct fix *f, struct fault_plan *plan)
{
	rmm_set_faults(f->rmm, NULL);
	fault_plan_free(plan);
}

/* Both twins prepared alike: the realm, then the case's own state; `a` the call's arguments. */
static const struct abi_command *prepare(struct twin *t, const struct stateful_case *k, uint64_t *a)
{
	uint64_t b[5] = { 0 };

	rt_v2_realm(t->a, 40, 1, 2);
	rt_v2_realm(t->b, 40, 1, 2);
	memset(a, 0, 5 * sizeof(*a));
	k->prep(t->a, a);
	k->prep(t->b, b);
	assert_memory_equal(a, b, sizeof(b));
	same_memory(t, k->cmd);
	return abi_command_by_name(rmm_profile(t->a->rmm), ABI_RMI, k->cmd);
}

/*
 * One case: A runs the command (with `stop`, limited to one step by a
 * progress rule), B gets an injected INCOMPLETE and then OP_CONTINUE with
 * KEEP_GOING or STOP.
 */
static void interrupted_like_direct(struct twin *t, const struct stateful_case *k, bool stop)
{
	uint64_t a[5], x0a, x0b;
	const struct abi_command *c = prepare(t, k, a);
	uint32_t fid = c->fid;
	struct fault_plan *pa = NULL, *pb;
	struct smc_regs ra, rb;

	pb = plan_of(t->b, k->cmd, FAULT_RETURN, V2(STATUS_INCOMPLETE));
	x0b = rc(t->b, fid, a[0], a[1], a[2], a[3], a[4], &rb);
	unplan(t->b, pb);
	assert_int_equal(x0b, INCOMPLETE(V2(MEM_REQ_NONE)));
	/* Nothing happened yet. */
	same_memory(t, k->cmd);
	if (stop)
		pa = plan_of(t->a, k->cmd, FAULT_PROGRESS, 0);
	x0a = rc(t->a, fid, a[0], a[1], a[2], a[3], a[4], &ra);
	if (pa)
		unplan(t->a, pa);
	x0b = rc(t->b, RMI_FID_OP_CONTINUE, rb.x[1],
		 abi_bits_put(abi_bits(fix_v2_abi(), "op_continue_flags", "STOP"), stop), 0, 0, 0, &rb);
	if (x0a != x0b)
		fail_msg("%s %s: 0x%llx directly, 0x%llx through OP_CONTINUE", k->cmd,
			 stop ? "STOP" : "KEEP_GOING", (unsigned long long)x0a,
			 (unsigned long long)x0b);
	for (unsigned int i = 1; i <= c->nresults; i++)
		if (ra.x[i] != rb.x[i])
			fail_msg("%s %s: %s = 0x%llx directly, 0x%llx through OP_CONTINUE", k->cmd,
				 stop ? "STOP" : "KEEP_GOING", c->results[i - 1],
				 (unsigned long long)ra.x[i], (unsigned long long)rb.x[i]);
	same_memory(t, k->cmd);
	/* The handle is gone. */
	assert_rmi(rc(t->b, RMI_FID_OP_CONTINUE, rb.x[1], 0, 0, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
}

static void each_case(void **state, bool stop)
{
	struct twin *t = *state;
	unsigned int ran = 0;

	for (unsigned int i = 0; i < NCASES; i++) {
		const struct abi_command *c =
			abi_command_by_name(rmm_profile(t->a->rmm), ABI_RMI, cases[i].cmd);

		if (!c || !c->args_known)
			continue;	/* not in this revision */
		interrupted_like_direct(t, &cases[i], stop);
		/* A fresh pair of RMMs for the next case. */
		teardown(state);
		assert_int_equal(setup(state), 0);
		t = *state;
		ran++;
	}
	assert_true(ran >= NCASES - 1);
}

static void keep_going_finishes_the_command(void **state)
{
	each_case(state, false);
}

static void stop_returns_after_one_step(void **state)
{
	each_case(state, true);
}

/* An injected BLOCKED (no context free) changes nothing; results only as on_failure says. */
static void blocked_changes_nothing(void **state)
{
	struct twin *t = *state;

	for (unsigned int i = 0; i < NCASES; i++) {
		const struct abi_command *c =
			abi_command_by_name(rmm_profile(t->a->rmm), ABI_RMI, cases[i].cmd);
		struct fault_plan *plan;
		uint64_t a[ABI_MAX_ARGS] = { 0 }, expect[ABI_MAX_RESULTS];
		struct smc_regs r;

		if (!c || !c->args_known)
			continue;
		prepare(t, &cases[i], a);
		plan = plan_of(t->b, cases[i].cmd, FAULT_RETURN, V2(STATUS_BLOCKED));
		assert_rmi(rc(t->b, c->fid, a[0], a[1], a[2], a[3], a[4], &r), V2(STATUS_BLOCKED));
		/* What the spec's on_failure says (range delegation: x1 = base), else 0. */
		abi_failure_results(c, V2(STATUS_BLOCKED), a, expect);
		for (unsigned int k = 1; k <= c->nresults; k++)
			assert_int_equal(r.x[k], expect[k - 1]);
		unplan(t->b, plan);
		same_memory(t, cases[i].cmd);
		teardown(state);
		assert_int_equal(setup(state), 0);
		t = *state;
	}
}

/*
 * Every continue-only command the profile describes has a case above; and
 * fault rules (what a sweep injects: the spec's errors) take INCOMPLETE and
 * BLOCKED on every stateful command without a warning - a memory request
 * on a continue-only one is warned about.
 */
static void every_stateful_command_covered(void **state)
{
	struct twin *t = *state;
	const struct abi_profile *p = rmm_profile(t->a->rmm);
	unsigned int stateful = 0;

	for (unsigned int i = 0; i < p->ncommands; i++) {
		const struct abi_command *c = &p->commands[i];
		static const char *const statuses[] = { "INCOMPLETE", "BLOCKED" };
		bool covered = false;

		if (c->iface != ABI_RMI || c->stateful == ABI_STATELESS || !c->args_known)
			continue;
		stateful++;
		for (unsigned int k = 0; k < NCASES; k++)
			covered |= !strcmp(cases[k].cmd, c->name);
		if (c->stateful == ABI_STATEFUL_CONTINUE && !covered)
			fail_msg("continue-only %s has no case", c->name);
		for (unsigned int s = 0; s < 2; s++) {
			struct fault_plan *plan = fault_plan_new();
			struct fault_rule rule = { .iface = ABI_RMI, .action = FAULT_RETURN, .nth = 1 };
			int64_t v;
			char err[160], warn[160];

			strcpy(rule.command, c->name);
			assert_true(abi_enum_value(abi_enum_find(p, "status"), statuses[s], &v));
			rule.status = (uint64_t)v;
			if (fault_plan_add(plan, p, &rule, err, sizeof(err), warn, sizeof(warn)))
				fail_msg("%s %s: %s", c->name, statuses[s], err);
			if (warn[0])
				fail_msg("%s %s: %s", c->name, statuses[s], warn);
			if (!s && c->stateful == ABI_STATEFUL_CONTINUE) {
				rule.index = (uint64_t)V2(MEM_REQ_DONATE);
				assert_int_equal(fault_plan_add(plan, p, &rule, err, sizeof(err), warn,
								sizeof(warn)), 0);
				assert_non_null(strstr(warn, "continue-only"));
			}
			fault_plan_free(plan);
		}
	}
	assert_true(stateful >= 2);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(keep_going_finishes_the_command, setup, teardown),
		cmocka_unit_test_setup_teardown(stop_returns_after_one_step, setup, teardown),
		cmocka_unit_test_setup_teardown(blocked_changes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(every_stateful_command_covered, setup, teardown),
	};

	return fix_run_v2_group("v2_stateful", tests, argc, argv);
}
