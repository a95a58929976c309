// SPDX-License-Identifier: BSD-3-Clause
/* GRANULE_DELEGATE / UNDELEGATE and Granule Protection Faults. */
#include "fixture.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(delegate_moves_ns_to_delegated_and_scrubs, fix_setup_v1, fix_teardown),
		cmocka_unit_test_setup_teardown(delegate_rejects_unaligned, fix_setup_v1, fix_teardown),
		cmocka_unit_test_setup_teardown(delegate_rejects_out_of_range, fix_setup_v1, fix_teardown),
		cmocka_unit_test_setup_teardown(delegate_rejects_non_ns, fix_setup_v1, fix_teardown),
		cmocka_unit_test_setup_teardown(undelegate_rejects_wrong_states, fix_setup_v1, fix_teardown),
		cmocka_unit_test_setup_teardown(host_access_to_delegated_granule_is_a_gpf, fix_setup_v1, fix_teardown),
	};

	return cmocka_run_group_tests_name("granule", tests, NULL, NULL) ? 1 : 0;
}
