// SPDX-License-Identifier: BSD-3-Clause
/*
 * libFuzzer custom mutator and cross-over for the call-stream encoding
 * (stream_format.h): half the time a structural change on whole records -
 * drop a run of calls, repeat one, copy a run elsewhere, swap two
 * neighbours, or insert a new call whose arguments name live objects
 * (recent addresses, live granules, the previous call's results) - and
 * otherwise libFuzzer's own byte-level mutation.  Cross-over splices the
 * head of one stream onto the tail of another.  Whole-record edits keep
 * a seed's later calls in step, so inputs stay hundreds of calls long.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cca-double/abi.h>

#include "stream_format.h"

#ifndef FUZZ_PROFILE
#define FUZZ_PROFILE "1.0"
#endif

#define MAX_RECORDS 8192

size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed);
size_t LLVMFuzzerCustomCrossOver(const uint8_t *d1, size_t s1, const uint8_t *d2, size_t s2,
				 uint8_t *out, size_t max_out, unsigned int seed);

static const struct abi_command *cmds[FUZZ_MAX_COMMANDS];
static unsigned int ncmd;

static void init(void)
{
	if (!ncmd)
		ncmd = fuzz_stream_commands(abi_profile_find(FUZZ_PROFILE), cmds, FUZZ_MAX_COMMANDS);
	if (!ncmd)
		abort();
}

/* Offsets of the whole records in data; at[n] is where they end. */
static size_t split(const uint8_t *data, size_t size, size_t *at, size_t max)
{
	size_t n = 0, pos = 0, l;

	while (n < max && (l = fuzz_stream_record_len(data + pos, size - pos, cmds, ncmd))) {
		at[n++] = pos;
		pos += l;
	}
	at[n] = pos;
	return n;
}

static unsigned int rnd(unsigned int *s)
{
	/* rand_r's job, without its range limits: xorshift32. */
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

/* Inserts `ilen` bytes at `pos`; leaves data as it is where that would pass `max`. */
static size_t insert(uint8_t *data, size_t size, size_t max, size_t pos, const uint8_t *ins,
		     size_t ilen)
{
	if (size + ilen > max)
		return size;
	memmove(data + pos + ilen, data + pos, size - pos);
	memcpy(data + pos, ins, ilen);
	return size + ilen;
}

/* A call whose arguments follow the run: recent addresses, live granules, results, small values. */
static size_t new_call(uint8_t *buf, unsigned int *s)
{
	const struct abi_command *c;
	size_t len = 1;

	buf[0] = (uint8_t)(rnd(s) % ncmd);
	c = cmds[buf[0]];
	for (unsigned int a = 0; a < c->nargs; a++) {
		unsigned int r = rnd(s);

		switch (r % 5) {
		case 0:
			buf[len++] = (uint8_t)(FUZZ_K_RECENT << 4 | (r >> 8) % 4);
			break;
		case 1:
			buf[len++] = (uint8_t)(FUZZ_K_LIVE << 4 | (r >> 8) % 16);
			break;
		case 2:
			buf[len++] = (uint8_t)(FUZZ_K_RESULT << 4 | (r >> 8) % 4);
			break;
		case 3:
			buf[len++] = (uint8_t)(FUZZ_K_SMALL << 4 | (r >> 8) % 4);
			break;
		default:
			/* An IPA at a level's alignment: 4 KiB, 2 MiB, 1 GiB. */
			buf[len++] = (uint8_t)(FUZZ_K_SHIFTED << 4 | (12 + 9 * ((r >> 8) % 3)));
			buf[len++] = (uint8_t)(r >> 16 & 0x1f);
			buf[len++] = 0;
			break;
		}
	}
	return len;
}

size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed)
{
	static size_t at[MAX_RECORDS + 1];
	static uint8_t tmp[1 << 16];
	unsigned int s = seed | 1;
	size_t n, i, j, k, len;

	init();
	n = split(data, size, at, MAX_RECORDS);
	if (rnd(&s) % 2 || n < 2)
		return LLVMFuzzerMutate(data, size, max_size);
	i = rnd(&s) % n;
	j = rnd(&s) % (n + 1);
	switch (rnd(&s) % 5) {
	case 0:	/* drop 1..4 calls */
		k = i + 1 + rnd(&s) % 4;
		if (k > n)
			k = n;
		memmove(data + at[i], data + at[k], size - at[k]);
		return size - (at[k] - at[i]);
	case 1:	/* repeat one record 1..4 times, in place */
		len = at[i + 1] - at[i];
		if (len > sizeof(tmp))
			break;
		memcpy(tmp, data + at[i], len);
		for (k = 1 + rnd(&s) % 4; k--;)
			size = insert(data, size, max_size, at[i], tmp, len);
		return size;
	case 2:	/* copy a run of 1..16 records to another place */
		k = i + 1 + rnd(&s) % 16;
		if (k > n)
			k = n;
		len = at[k] - at[i];
		if (len > sizeof(tmp))
			break;
		memcpy(tmp, data + at[i], len);
		return insert(data, size, max_size, at[j], tmp, len);
	case 3:	/* swap two neighbours */
		if (i + 2 > n)
			break;
		len = at[i + 2] - at[i];
		if (len > sizeof(tmp))
			break;
		memcpy(tmp, data + at[i + 1], at[i + 2] - at[i + 1]);
		memcpy(tmp + (at[i + 2] - at[i + 1]), data + at[i], at[i + 1] - at[i]);
		memcpy(data + at[i], tmp, len);
		return size;
	default: /* a new call naming live objects */
		len = new_call(tmp, &s);
		return insert(data, size, max_size, at[j], tmp, len);
	}
	return LLVMFuzzerMutate(data, size, max_size);
}

size_t LLVMFuzzerCustomCrossOver(const uint8_t *d1, size_t s1, const uint8_t *d2, size_t s2,
				 uint8_t *out, size_t max_out, unsigned int seed)
{
	static size_t a1[MAX_RECORDS + 1], a2[MAX_RECORDS + 1];
	unsigned int s = seed | 1;
	size_t n1, n2, h, t;

	init();
	n1 = split(d1, s1, a1, MAX_RECORDS);
	n2 = split(d2, s2, a2, MAX_RECORDS);
	h = a1[rnd(&s) % (n1 + 1)];
	t = a2[rnd(&s) % (n2 + 1)];
	if (h > max_out)
		h = max_out;
	memcpy(out, d1, h);
	if (s2 - t > max_out - h)
		t = s2 - (max_out - h);
	memcpy(out + h, d2 + t, s2 - t);
	return h + (s2 - t);
}
