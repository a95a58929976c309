// SPDX-License-Identifier: BSD-3-Clause
/*
 * An arena an external harness can share: the host view at a chosen
 * address (pmem_config.host_va; here PA == VA), with GPF protection on it,
 * and the memfd behind it at file offset PA - pa_base.
 */
#include <setjmp.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fixture.h"
#include "rtt_fixture.h"

#define ARENA (8ULL << 20)

/* PA == VA: a free address range of this process (found, then let go) is the PA base. */
static uint64_t base;

static sigjmp_buf gpf_jmp;
static struct pmem_gpf last_gpf;

static void gpf_hook(const struct pmem_gpf *g, void *ctx)
{
	(void)ctx;
	last_gpf = *g;
	siglongjmp(gpf_jmp, 1);
}

static int setup_identity(void **state)
{
	void *p = mmap(NULL, ARENA, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	struct pmem_config pc = { .size = ARENA };

	if (p == MAP_FAILED)
		return -1;
	munmap(p, ARENA);
	base = (uint64_t)(uintptr_t)p;
	pc.pa_base = base;
	pc.host_va = p;
	return fix_setup_with(state, "1.0", &pc, false);
}

static void host_view_at_pa(void **state)
{
	struct fix *f = *state;
	uint64_t pa = fix_alloc(f), got;
	volatile uint8_t *p = (volatile uint8_t *)(uintptr_t)pa;

	assert_ptr_equal(pmem_host_ptr(f->pm, pa), (void *)(uintptr_t)pa);
	p[5] = 0x5a;
	assert_int_equal(((uint8_t *)pmem_rmm_ptr(f->pm, pa))[5], 0x5a);
	assert_true(pmem_host_to_pa(f->pm, (const void *)(uintptr_t)(pa + 7), &got));
	assert_int_equal(got, pa + 7);
	/* The memfd: file offset = PA - pa_base. */
	uint8_t b = 0;
	assert_int_equal(pread(pmem_memfd(f->pm), &b, 1, (off_t)(pa + 5 - base)), 1);
	assert_int_equal(b, 0x5a);
}

static void gpf_protection_on_that_view(void **state)
{
	struct fix *f = *state;
	uint64_t pa = fix_alloc_delegated(f);
	volatile uint8_t *p = (volatile uint8_t *)(uintptr_t)pa;

	pmem_set_gpf_hook(gpf_hook, NULL);
	if (!sigsetjmp(gpf_jmp, 1)) {
		p[3] = 1;
		fail_msg("write to a delegated granule at PA == VA was not caught");
	}
	pmem_set_gpf_hook(NULL, NULL);
	assert_int_equal(last_gpf.pa, pa + 3);
	assert_true(last_gpf.write);
	assert_string_equal(last_gpf.state, "DELEGATED");
}

static void host_va_taken_or_misaligned(void **state)
{
	struct fix *f = *state;
	struct pmem_config pc = { .size = 1 << 20, .pa_base = base, .host_va = (void *)(uintptr_t)base };
	char err[256];

	(void)f;
	/* The first arena sits there: refused, not replaced. */
	assert_null(pmem_create(&pc, err, sizeof(err)));
	assert_non_null(strstr(err, "host_va"));
	assert_non_null(strstr(err, "already mapped"));
	pc.host_va = (void *)(uintptr_t)(base + ARENA + 0x800);
	assert_null(pmem_create(&pc, err, sizeof(err)));
	assert_non_null(strstr(err, "aligned"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(host_view_at_pa, setup_identity, fix_teardown),
		cmocka_unit_test_setup_teardown(gpf_protection_on_that_view, setup_identity, fix_teardown),
		cmocka_unit_test_setup_teardown(host_va_taken_or_misaligned, setup_identity, fix_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
