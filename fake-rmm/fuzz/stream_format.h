/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The structure-aware encoding of an RMI call stream: what the per-profile
 * fuzz targets run (fuzz_stream.c), what `cca-double trace --fuzz-seed`
 * writes from a scenario's calls, and what the custom mutator
 * (fuzz_mutator.c) cuts into whole calls.  All numbers little-endian.
 *
 * A stream is a sequence of records:
 *
 *   op < 0xf0   an RMI call: command op % N (N = the profile's RMI commands
 *               with known arguments, in spec order: fuzz_stream_commands()),
 *               then one value per argument register.
 *   op 0xf0     page write: value (the page), u8 n, then n times
 *               (u16 word index mod 512, value): the host writes those
 *               64-bit words into an NS page (realm/REC params, a rec_run
 *               page, a DATA_CREATE source, a 2.0 descriptor list).
 *   op 0xf1     page zero: value (the page).
 *   op 0xf2     the previous call again, with the same registers.
 *   op 0xf3..   nothing (one byte).
 *
 * A value is a kind byte, high nibble K, low nibble p, then K's bytes:
 *
 *   K 0-3   granule: index (K << 4 | p) << 8 | u8 -> arena base + index * 4 KiB
 *   K 4-7   granule + offset: index as above, then u16 o: + (o & 0x7fff),
 *           o bit 15 sets bit 63 (a 2.0 descriptor's STATE bit)
 *   K 8-9   small: (K & 1) << 4 | p (0..31: levels, flags, counts)
 *   K 10-11 shifted: u16 << ((K & 1) << 4 | p) (IPAs, sizes)
 *   K 12    raw: u64
 *   K 13    recent: the p-th most recent arena address a successful call
 *           took or returned (0 when there are fewer)
 *   K 14    result: x(1 + p % 8) of the previous call
 *   K 15    live: the (p / 4)-th granule, from the arena's start, in state
 *           DELEGATED, RD, REC or RTT (p % 4); 0 when there are fewer
 *
 * Kinds 0-12 name fixed values (what a seed uses: it replays exactly);
 * 13-15 follow the run, so a mutated call still names live objects.
 */
#ifndef FUZZ_STREAM_FORMAT_H
#define FUZZ_STREAM_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#include <cca-double/abi.h>

#define FUZZ_OP_PAGE_WRITE 0xf0
#define FUZZ_OP_PAGE_ZERO 0xf1
#define FUZZ_OP_REPEAT 0xf2
#define FUZZ_OP_FIRST_SPECIAL 0xf0

enum fuzz_kind {
	FUZZ_K_GRANULE = 0,	/* 0-3 */
	FUZZ_K_GRANULE_OFF = 4,	/* 4-7 */
	FUZZ_K_SMALL = 8,	/* 8-9 */
	FUZZ_K_SHIFTED = 10,	/* 10-11 */
	FUZZ_K_RAW = 12,
	FUZZ_K_RECENT = 13,
	FUZZ_K_RESULT = 14,
	FUZZ_K_LIVE = 15,
};

/* The arena every stream runs in: granule indexes name its pages. */
#define FUZZ_ARENA_SIZE (16ULL << 20)
#define FUZZ_GRANULES (FUZZ_ARENA_SIZE / 4096)
#define FUZZ_WORDS_PER_PAGE 512
#define FUZZ_MAX_COMMANDS 96

/* The commands op bytes name; returns how many (at most `max`). */
unsigned int fuzz_stream_commands(const struct abi_profile *abi, const struct abi_command **out,
				  unsigned int max);

/*
 * Encodes `v` with a fixed kind (granule indexes relative to `base`, an
 * arena of `size` bytes, folded into FUZZ_ARENA_SIZE when larger: the
 * lower half as it is, the upper half at the same distance from the end);
 * returns the length written (at most 11).
 */
size_t fuzz_stream_put_value(uint8_t *buf, uint64_t v, uint64_t base, uint64_t size);

/* Length of the value at p (n bytes left), or 0 if it is cut short. */
size_t fuzz_stream_value_len(const uint8_t *p, size_t n);
/* Length of the record at p, or 0 if it is cut short. */
size_t fuzz_stream_record_len(const uint8_t *p, size_t n, const struct abi_command *const *cmds,
			      unsigned int ncmd);

#endif
