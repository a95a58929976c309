// SPDX-License-Identifier: BSD-3-Clause
/*
 * The call-stream encoding's writer (stream_format.c): which kind each value
 * gets, how a scenario arena larger than the fuzz arena folds into it, and
 * record lengths as the custom mutator cuts them.  The round trip through
 * the target is rmm.fuzz_seeds@<profile>.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "stream_format.h"

#define BASE 0x10000000000ULL
#define MIB (1ULL << 20)

/* Granule index of a 2-byte granule value. */
static uint64_t granule_index(const uint8_t *b)
{
	return (uint64_t)b[0] << 8 | b[1];
}

static void arena_addresses_are_granule_indexes(void **state)
{
	uint8_t b[16];

	assert_int_equal(fuzz_stream_put_value(b, BASE + 5 * 4096, BASE, 16 * MIB), 2);
	assert_int_equal(b[0] >> 4, FUZZ_K_GRANULE);
	assert_int_equal(granule_index(b), 5);
	/* The arena's end (a range's top) is a granule index too. */
	assert_int_equal(fuzz_stream_put_value(b, BASE + 16 * MIB, BASE, 16 * MIB), 2);
	assert_int_equal(granule_index(b), FUZZ_GRANULES);
	/* Past the end: not an arena address. */
	assert_int_equal(fuzz_stream_put_value(b, BASE + 16 * MIB + 4096, BASE, 16 * MIB), 9);
}

static void larger_arena_folds_keeping_distance_from_the_end(void **state)
{
	uint8_t b[16];

	/* Lower half as it is. */
	assert_int_equal(fuzz_stream_put_value(b, BASE + 4096, BASE, 64 * MIB), 2);
	assert_int_equal(granule_index(b), 1);
	/* Upper half: the last page of 64 MiB is the last page of the fuzz arena. */
	assert_int_equal(fuzz_stream_put_value(b, BASE + 64 * MIB - 4096, BASE, 64 * MIB), 2);
	assert_int_equal(granule_index(b), FUZZ_GRANULES - 1);
	assert_int_equal(fuzz_stream_put_value(b, BASE + 64 * MIB, BASE, 64 * MIB), 2);
	assert_int_equal(granule_index(b), FUZZ_GRANULES);
	/* 2 MiB alignment survives: a 2 MiB boundary 4 MiB below the end stays one. */
	assert_int_equal(fuzz_stream_put_value(b, BASE + 60 * MIB, BASE, 64 * MIB), 2);
	assert_int_equal(granule_index(b) * 4096 % (2 * MIB), 0);
	/* The middle of a large arena is in neither half: a plain value, no granule. */
	assert_int_not_equal(fuzz_stream_put_value(b, BASE + 32 * MIB + 4096, BASE, 64 * MIB), 2);
	assert_true(b[0] >> 4 >= FUZZ_K_SMALL);
}

static void descriptors_keep_offset_and_bit_63(void **state)
{
	uint8_t b[16];
	uint64_t v = (BASE + 7 * 4096) | 3 << 2 | 1ULL << 63;

	assert_int_equal(fuzz_stream_put_value(b, v, BASE, 16 * MIB), 4);
	assert_in_range(b[0] >> 4, FUZZ_K_GRANULE_OFF, FUZZ_K_GRANULE_OFF + 3);
	assert_int_equal(((uint64_t)(b[0] & 15) << 8 | b[1]), 7);
	assert_int_equal(b[2] | b[3] << 8, (3 << 2) | 0x8000);
}

static void plain_values(void **state)
{
	uint8_t b[16];
	uint64_t raw;

	assert_int_equal(fuzz_stream_put_value(b, 3, BASE, 16 * MIB), 1);
	assert_int_equal(b[0], FUZZ_K_SMALL << 4 | 3);
	assert_int_equal(fuzz_stream_put_value(b, 31, BASE, 16 * MIB), 1);
	assert_int_equal(b[0], (FUZZ_K_SMALL + 1) << 4 | 15);
	/* IPAs: a 16-bit value shifted left by (K & 1) << 4 | p. */
	assert_int_equal(fuzz_stream_put_value(b, 0x40000000, BASE, 16 * MIB), 3);
	assert_in_range(b[0] >> 4, FUZZ_K_SHIFTED, FUZZ_K_SHIFTED + 1);
	assert_int_equal((uint64_t)(b[1] | b[2] << 8) << (((b[0] >> 4) & 1) << 4 | (b[0] & 15)),
			 0x40000000);
	assert_int_equal(fuzz_stream_put_value(b, 0xffffULL << 31, BASE, 16 * MIB), 3);
	assert_int_equal(b[0], (FUZZ_K_SHIFTED + 1) << 4 | 15);
	assert_int_equal(fuzz_stream_put_value(b, 0x123456789abcdefULL, BASE, 16 * MIB), 9);
	memcpy(&raw, b + 1, 8);
	assert_true(raw == 0x123456789abcdefULL);
}

static void record_lengths(void **state)
{
	static const struct abi_command two = { .name = "TWO", .nargs = 2 };
	const struct abi_command *cmds[] = { &two };
	uint8_t r[64];
	size_t n = 1;

	r[0] = 0;	/* TWO, a granule and a raw value */
	n += fuzz_stream_put_value(r + n, BASE, BASE, 16 * MIB);
	n += fuzz_stream_put_value(r + n, 0x123456789abcdefULL, BASE, 16 * MIB);
	assert_int_equal(fuzz_stream_record_len(r, n, cmds, 1), n);
	assert_int_equal(fuzz_stream_record_len(r, n - 1, cmds, 1), 0);	/* cut short */
	/* A page write of one word: op, page, count, u16 index, value. */
	r[0] = FUZZ_OP_PAGE_WRITE;
	n = 1 + fuzz_stream_put_value(r + 1, BASE, BASE, 16 * MIB);
	r[n++] = 1;
	r[n++] = 4;
	r[n++] = 0;
	n += fuzz_stream_put_value(r + n, 39, BASE, 16 * MIB);
	assert_int_equal(fuzz_stream_record_len(r, n, cmds, 1), n);
	assert_int_equal(fuzz_stream_record_len(r, n - 1, cmds, 1), 0);
	r[0] = FUZZ_OP_REPEAT;
	assert_int_equal(fuzz_stream_record_len(r, 1, cmds, 1), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(arena_addresses_are_granule_indexes),
		cmocka_unit_test(larger_arena_folds_keeping_distance_from_the_end),
		cmocka_unit_test(descriptors_keep_offset_and_bit_63),
		cmocka_unit_test(plain_values),
		cmocka_unit_test(record_lengths),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
