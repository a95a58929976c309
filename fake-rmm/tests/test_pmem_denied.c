// SPDX-License-Identifier: BSD-3-Clause
/*
 * pmem_denied_run(): the record pmem keeps of the host view's protections
 * (what pmem_adopt() puts back on a forked child's mapping).  Runs come in
 * address order, merged across neighbouring calls and across 64-granule
 * words, split where access was given back; an arena without protection
 * has none.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <unistd.h>

#include <cmocka.h>

#include <cca-double/pmem.h>

#define PAGE 4096ULL

/* The runs as arena offsets in pages, flattened: start, end, start, end ... */
static unsigned int runs(const struct pmem *pm, uint64_t *out, unsigned int max)
{
	uint64_t from = 0, start, end;
	unsigned int n = 0;

	while (n + 2 <= max && pmem_denied_run(pm, from, &start, &end)) {
		out[n++] = start / PAGE;
		out[n++] = end / PAGE;
		from = end;
	}
	return n;
}

/* The runs are exactly `want` (n values: start, end, start, end ...). */
static void expect_runs(const struct pmem *pm, const uint64_t *want, unsigned int n)
{
	uint64_t r[16];

	assert_int_equal(runs(pm, r, 16), n);
	for (unsigned int i = 0; i < n; i++)
		assert_int_equal(r[i], want[i]);
}

static void runs_follow_the_calls(void **state)
{
	struct pmem_config pc = { .size = 1 << 20 };	/* 256 granules: 4 words */
	char err[256];
	struct pmem *pm = pmem_create(&pc, err, sizeof(err));
	uint64_t base;

	(void)state;
	if (!pm)
		fail_msg("pmem_create: %s", err);
	base = pmem_pa_base(pm);
	expect_runs(pm, NULL, 0);

	/* Two neighbouring calls make one run; one across a word boundary too. */
	assert_int_equal(pmem_set_host_access(pm, base + 3 * PAGE, false), 0);
	assert_int_equal(pmem_set_host_access(pm, base + 4 * PAGE, false), 0);
	assert_int_equal(pmem_set_host_access_range(pm, base + 60 * PAGE, 10 * PAGE, false), 0);
	assert_int_equal(pmem_set_host_access(pm, base + 255 * PAGE, false), 0);
	expect_runs(pm, (const uint64_t[]){ 3, 5, 60, 70, 255, 256 }, 6);

	/* Access given back in the middle splits a run; at its end shortens it. */
	assert_int_equal(pmem_set_host_access(pm, base + 64 * PAGE, true), 0);
	assert_int_equal(pmem_set_host_access(pm, base + 4 * PAGE, true), 0);
	expect_runs(pm, (const uint64_t[]){ 3, 4, 60, 64, 65, 70, 255, 256 }, 8);

	/* A search from inside a run starts there. */
	{
		uint64_t start, end;

		assert_true(pmem_denied_run(pm, 62 * PAGE, &start, &end));
		assert_int_equal(start, 62 * PAGE);
		assert_int_equal(end, 64 * PAGE);
		assert_false(pmem_denied_run(pm, 256 * PAGE, &start, &end));
	}

	/* A range outside the arena changes nothing. */
	assert_int_equal(pmem_set_host_access(pm, base + (1 << 20), false), 0);
	expect_runs(pm, (const uint64_t[]){ 3, 4, 60, 64, 65, 70, 255, 256 }, 8);
	assert_int_equal(pmem_set_host_access_range(pm, base, 1 << 20, true), 0);
	expect_runs(pm, NULL, 0);

	/* From the middle of a word with nothing denied into the next word's start. */
	assert_int_equal(pmem_set_host_access(pm, base + 66 * PAGE, false), 0);
	{
		uint64_t start, end;

		assert_true(pmem_denied_run(pm, 10 * PAGE, &start, &end));
		assert_int_equal(start, 66 * PAGE);
		assert_int_equal(end, 67 * PAGE);
	}
	pmem_destroy(pm);
}

static void no_protection_no_runs(void **state)
{
	struct pmem_config pc = { .size = 1 << 20, .no_gpf_protection = true };
	char err[256];
	struct pmem *pm = pmem_create(&pc, err, sizeof(err));
	(void)state;
	if (!pm)
		fail_msg("pmem_create: %s", err);
	assert_int_equal(pmem_set_host_access(pm, pmem_pa_base(pm), false), 0);
	expect_runs(pm, NULL, 0);
	pmem_destroy(pm);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(runs_follow_the_calls),
		cmocka_unit_test(no_protection_no_runs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
