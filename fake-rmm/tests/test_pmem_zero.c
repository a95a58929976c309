// SPDX-License-Identifier: BSD-3-Clause
/*
 * pmem_zero(): the range reads as zeros through both views and the memfd,
 * its whole pages are holes in the memfd (nothing written, nothing for an
 * arena copy to copy), the partial pages at its ends keep what lies
 * outside the range.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include <cca-double/pmem.h>

#define PAGE 4096ULL

static bool all_bytes(const uint8_t *p, uint64_t len, uint8_t b)
{
	for (uint64_t i = 0; i < len; i++)
		if (p[i] != b)
			return false;
	return true;
}

static void zero_range_with_partial_ends(void **state)
{
	struct pmem_config pc = { .size = 1 << 20 };
	char err[256];
	struct pmem *pm = pmem_create(&pc, err, sizeof(err));
	uint64_t base, start, len = 3 * PAGE;
	uint8_t *host, *rmm;
	off_t data;

	(void)state;
	if (!pm)
		fail_msg("pmem_create: %s", err);
	base = pmem_pa_base(pm);
	host = pmem_host_ptr(pm, base);
	rmm = pmem_rmm_ptr(pm, base);
	memset(rmm, 0xa5, 8 * PAGE);
	/* From the middle of page 1 to the middle of page 4: pages 2 and 3 are whole. */
	start = PAGE + PAGE / 2;
	pmem_zero(pm, base + start, len);
	/* Pages 2 and 3 are a hole (before anything reads them, which fills them). */
	data = lseek(pmem_memfd(pm), (off_t)(2 * PAGE), SEEK_DATA);
	assert_int_equal(data, (off_t)(4 * PAGE));
	assert_true(all_bytes(host + start, len, 0));
	assert_true(all_bytes(rmm + start, len, 0));
	assert_true(all_bytes(host, start, 0xa5));
	assert_true(all_bytes(host + start + len, 8 * PAGE - start - len, 0xa5));
	/* Within one page: written, not punched. */
	pmem_zero(pm, base + 10, 20);
	assert_true(all_bytes(host + 10, 20, 0));
	assert_int_equal(host[9], 0xa5);
	assert_int_equal(host[30], 0xa5);
	/* Outside the arena, or running past its end: refused, nothing written. */
	assert_int_equal(pmem_zero(pm, base - PAGE, PAGE), -1);
	assert_int_equal(pmem_zero(pm, base + (1 << 20) - PAGE, 2 * PAGE), -1);
	assert_int_equal(pmem_zero(pm, UINT64_MAX - 10, 20), -1);
	pmem_destroy(pm);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(zero_range_with_partial_ends),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
