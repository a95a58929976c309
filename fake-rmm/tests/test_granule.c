// SPDX-License-Identifier: BSD-3-Clause
/* GRANULE_DELEGATE / UNDELEGATE (and 2.0 range delegation) and Granule Protection Faults. */
#include "fixture.h"
#include "rtt_fixture.h"

#include <string.h>

static void delegate_moves_ns_to_delegated_and_scrubs(void **state)
{
	struct fix *f = *state;
	uint64_t pa = fix_alloc(f);

	memset(pmem_host_ptr(f->pm, pa), 0xaa, PMEM_GRANULE_SIZE);
	assert_rmi(fix_call(f, RMI_FID_GRANULE_DELEGATE, pa, 0, 0, 0, 0, NULL), 0);
	assert_int_equal(rmm_granule_state(f->rmm, pa), GRANULE_DELEGATED);
	assert_int_equal(((uint8_t *)pmem_rmm_ptr(f->pm, pa))[100], 0);
	assert_rmi(fix_call(f, RMI_FID_GRANULE_UNDELEGATE, pa, 0, 0, 0, 0, NULL), 0);
	assert_int_equal(rmm_granule_state(f->rmm, pa), GRANULE_NS);
	/* Host access is back. */
	((uint8_t *)pmem_host_ptr(f->pm, pa))[0] = 1;
}

static void delegate_rejects_unaligned(void **state)
{
	struct fix *f = *state;
	uint64_t pa = fix_alloc(f);

	assert_rmi(fix_call(f, RMI_FID_GRANULE_DELEGATE, pa + 8, 0, 0, 0, 0, NULL), 1);
	assert_rmi(fix_call(f, RMI_FID_GRANULE_DELEGATE, pa + 0x800, 0, 0, 0, 0, NULL), 1);
	assert_int_equal(rmm_granule_state(f->rmm, pa), GRANULE_NS);
}

static void delegate_rejects_out_of_range(void **state)
{
	struct fix *f = *state;
	uint64_t base = pmem_pa_base(f->pm);

	assert_rmi(fix_call(f, RMI_FID_GRANULE_DELEGATE, base - PMEM_GRANULE_SIZE, 0, 0, 0, 0, NULL), 1);
	assert_rmi(fix_call(f, RMI_FID_GRANULE_DELEGATE, base + FIX_ARENA_SIZE, 0, 0, 0, 0, NULL), 1);
	assert_rmi(fix_call(f, RMI_FID_GRANULE_DELEGATE, 0, 0, 0, 0, 0, NULL), 1);
	assert_rmi(fix_call(f, RMI_FID_GRANULE_DELEGATE, ~0xfffULL, 0, 0, 0, 0, NULL), 1);
}

static void delegate_rejects_non_ns(void **state)
{
	struct fix *f = *state;
	uint64_t pa = fix_alloc_delegated(f);

	/* Double delegate. */
	assert_rmi(fix_call(f, RMI_FID_GRANULE_DELEGATE, pa, 0, 0, 0, 0, NULL), 1);
	assert_int_equal(rmm_granule_state(f->rmm, pa), GRANULE_DELEGATED);
}

static void undelegate_rejects_wrong_states(void **state)
{
	struct fix *f = *state;
	uint64_t ns = fix_alloc(f);
	struct realm_desc d;

	assert_rmi(fix_call(f, RMI_FID_GRANULE_UNDELEGATE, ns, 0, 0, 0, 0, NULL), 1);
	assert_rmi(fix_call(f, RMI_FID_GRANULE_UNDELEGATE, ns + 1, 0, 0, 0, 0, NULL), 1);
	realm_desc_default(&d);
	assert_rmi(fix_realm_create(f, &d), 0);
	/* An RD and an RTT are not DELEGATED. */
	assert_rmi(fix_call(f, RMI_FID_GRANULE_UNDELEGATE, f->rd, 0, 0, 0, 0, NULL), 1);
	assert_rmi(fix_call(f, RMI_FID_GRANULE_UNDELEGATE, f->rtt[0], 0, 0, 0, 0, NULL), 1);
	assert_int_equal(rmm_granule_state(f->rmm, f->rd), GRANULE_RD);
	assert_int_equal(rmm_granule_state(f->rmm, f->rtt[0]), GRANULE_RTT);
}

/* ---- GPF: a host access to a delegated granule is caught and attributed ---- */

static sigjmp_buf gpf_jmp;
static struct pmem_gpf last_gpf;

static void gpf_hook(const struct pmem_gpf *g, void *ctx)
{
	last_gpf = *g;
	siglongjmp(gpf_jmp, 1);
}

static void host_access_to_delegated_granule_is_a_gpf(void **state)
{
	struct fix *f = *state;
	uint64_t pa = fix_alloc_delegated(f);
	volatile uint8_t *p = pmem_host_ptr(f->pm, pa + 0x10);
	unsigned long before = pmem_gpf_count();

	pmem_set_gpf_hook(gpf_hook, NULL);
	if (!sigsetjmp(gpf_jmp, 1)) {
		(void)p[0];
		fail_msg("read of a delegated granule was not caught");
	}
	assert_int_equal(last_gpf.pa, pa + 0x10);
	assert_false(last_gpf.write);
	assert_string_equal(last_gpf.state, "DELEGATED");
	if (!sigsetjmp(gpf_jmp, 1)) {
		p[1] = 5;
		fail_msg("write to a delegated granule was not caught");
	}
	assert_int_equal(last_gpf.pa, pa + 0x11);
	assert_true(last_gpf.write);
	assert_int_equal(pmem_gpf_count(), before + 2);
	pmem_set_gpf_hook(NULL, NULL);
	/* Undelegated again, the same access is fine. */
	assert_rmi(fix_call(f, RMI_FID_GRANULE_UNDELEGATE, pa, 0, 0, 0, 0, NULL), 0);
	p[1] = 5;
	assert_int_equal(pmem_gpf_count(), before + 2);
}

/* True if a host read of the granule at pa is a GPF (attributed to that PA). */
static bool host_read_faults(struct fix *f, uint64_t pa)
{
	volatile uint8_t *p = pmem_host_ptr(f->pm, pa);
	bool faulted = false;

	pmem_set_gpf_hook(gpf_hook, NULL);
	if (!sigsetjmp(gpf_jmp, 1))
		(void)p[0];
	else
		faulted = last_gpf.pa == pa;
	pmem_set_gpf_hook(NULL, NULL);
	return faulted;
}

/*
 * Protection changes are batched per call (granule.c): a range delegation
 * closes exactly its granules, an undelegation of part of it reopens exactly
 * those, and the neighbours of each run stay open.
 */
static void range_protection_is_exact(void **state)
{
	struct fix *f = *state;
	uint64_t before = fix_alloc(f), base = fix_alloc(f), after;
	struct smc_regs r;

	for (unsigned int i = 1; i < 8; i++)
		fix_alloc(f);
	after = fix_alloc(f);
	assert_rmi(fix_call(f, RMI_FID_GRANULE_RANGE_DELEGATE, base, base + 8 * GRAN, 0, 0, 0, &r), 0);
	assert_int_equal(r.x[1], base + 8 * GRAN);
	assert_rmi(fix_call(f, RMI_FID_GRANULE_RANGE_UNDELEGATE, base + 2 * GRAN, base + 5 * GRAN, 0,
			    0, 0, &r), 0);
	assert_false(host_read_faults(f, before));
	assert_false(host_read_faults(f, after));
	for (unsigned int i = 0; i < 8; i++)
		if (host_read_faults(f, base + i * GRAN) != (i < 2 || i >= 5))
			fail_msg("granule %u of the range: host access %s", i,
				 i < 2 || i >= 5 ? "allowed while DELEGATED" : "refused while NS");
}

int main(int argc, char **argv)
{
	const struct CMUnitTest v2[] = {
		cmocka_unit_test_setup_teardown(range_protection_is_exact, fix_setup_v2, fix_teardown),
	};
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(delegate_moves_ns_to_delegated_and_scrubs, fix_setup_v1, fix_teardown),
		cmocka_unit_test_setup_teardown(delegate_rejects_unaligned, fix_setup_v1, fix_teardown),
		cmocka_unit_test_setup_teardown(delegate_rejects_out_of_range, fix_setup_v1, fix_teardown),
		cmocka_unit_test_setup_teardown(delegate_rejects_non_ns, fix_setup_v1, fix_teardown),
		cmocka_unit_test_setup_teardown(undelegate_rejects_wrong_states, fix_setup_v1, fix_teardown),
		cmocka_unit_test_setup_teardown(host_access_to_delegated_granule_is_a_gpf, fix_setup_v1, fix_teardown),
	};
	int fails = cmocka_run_group_tests_name("granule", tests, NULL, NULL);

	return fails + fix_run_v2_group("granule 2.0", v2, argc, argv) ? 1 : 0;
}
