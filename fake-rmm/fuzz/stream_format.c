// SPDX-License-Identifier: BSD-3-Clause
/* The call-stream encoding's shared pieces (format: stream_format.h). */
#include "stream_format.h"

#include <string.h>

unsigned int fuzz_stream_commands(const struct abi_profile *abi, const struct abi_command **out,
				  unsigned int max)
{
	unsigned int n = 0;

	for (unsigned int i = 0; i < abi->ncommands && n < max; i++)
		if (abi->commands[i].iface == ABI_RMI && abi->commands[i].args_known)
			out[n++] = &abi->commands[i];
	return n;
}

static size_t put16(uint8_t *buf, uint16_t v)
{
	buf[0] = (uint8_t)v;
	buf[1] = (uint8_t)(v >> 8);
	return 2;
}

size_t fuzz_stream_put_value(uint8_t *buf, uint64_t v, uint64_t base, uint64_t size)
{
	uint64_t addr = v & ~(1ULL << 63), idx = ~0ULL, off = 0;

	/*
	 * An arena address (or its end): by granule index, so any arena base
	 * replays it.  A larger arena folds into the fuzz arena: its lower
	 * half stays, its upper half keeps its distance from the end (hosts
	 * allocate from the top).  Offsets change by multiples of 2 MiB, so
	 * block alignment and contiguous ranges survive.
	 */
	if (addr >= base && addr <= base + size) {
		idx = (addr - base) / 4096;
		off = (addr - base) % 4096;
		if (size > FUZZ_ARENA_SIZE && idx >= FUZZ_GRANULES / 2)
			idx = size / 4096 - idx <= FUZZ_GRANULES / 2 ? FUZZ_GRANULES - (size / 4096 - idx)
								     : ~0ULL;
	}
	if (idx <= FUZZ_GRANULES && idx < (1u << 14)) {

		if (!off && addr == v) {
			buf[0] = (uint8_t)((FUZZ_K_GRANULE << 4) | (idx >> 8));
			buf[1] = (uint8_t)idx;
			return 2;
		}
		buf[0] = (uint8_t)(((FUZZ_K_GRANULE_OFF + (idx >> 12)) << 4) | ((idx >> 8) & 15));
		buf[1] = (uint8_t)idx;
		return 2 + put16(buf + 2, (uint16_t)(off | (v >> 63 << 15)));
	}
	if (v < 32) {
		buf[0] = (uint8_t)(((FUZZ_K_SMALL + (v >> 4)) << 4) | (v & 15));
		return 1;
	}
	for (unsigned int s = 0; s < 32; s++)
		if (v >> s < 0x10000 && (v >> s) << s == v) {
			buf[0] = (uint8_t)(((FUZZ_K_SHIFTED + (s >> 4)) << 4) | (s & 15));
			return 1 + put16(buf + 1, (uint16_t)(v >> s));
		}
	buf[0] = FUZZ_K_RAW << 4;
	memcpy(buf + 1, &v, 8);	/* little-endian hosts only, as the RMM's own layouts */
	return 9;
}

size_t fuzz_stream_value_len(const uint8_t *p, size_t n)
{
	size_t len;

	if (!n)
		return 0;
	switch (p[0] >> 4) {
	case 0: case 1: case 2: case 3:
		len = 2;
		break;
	case 4: case 5: case 6: case 7:
		len = 4;
		break;
	case 10: case 11:
		len = 3;
		break;
	case FUZZ_K_RAW:
		len = 9;
		break;
	default:
		len = 1;
		break;
	}
	return len <= n ? len : 0;
}

size_t fuzz_stream_record_len(const uint8_t *p, size_t n, const struct abi_command *const *cmds,
			      unsigned int ncmd)
{
	size_t at = 1, l;

	if (!n)
		return 0;
	if (p[0] < FUZZ_OP_FIRST_SPECIAL) {
		const struct abi_command *c = cmds[p[0] % ncmd];

		for (unsigned int a = 0; a < c->nargs; a++, at += l)
			if (!(l = fuzz_stream_value_len(p + at, n - at)))
				return 0;
		return at;
	}
	if (p[0] == FUZZ_OP_PAGE_ZERO || p[0] == FUZZ_OP_PAGE_WRITE) {
		unsigned int words;

		if (!(l = fuzz_stream_value_len(p + at, n - at)))
			return 0;
		at += l;
		if (p[0] == FUZZ_OP_PAGE_ZERO)
			return at;
		if (at >= n)
			return 0;
		words = p[at++];
		for (unsigned int w = 0; w < words; w++, at += l) {
			if (at + 2 > n)
				return 0;
			at += 2;
			if (!(l = fuzz_stream_value_len(p + at, n - at)))
				return 0;
		}
		return at;
	}
	return 1;
}
