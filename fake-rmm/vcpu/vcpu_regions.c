// SPDX-License-Identifier: BSD-3-Clause
/*
 * Unicorn memory regions of one engine: the arena plus IPA covers.
 *
 * Unicorn 2.0.1 checks the *untranslated* address (VA/IPA) against its
 * region list before any translation (spike §1.4), so the whole IPA space
 * [0, 2^ipa_bits) must be covered, although the covers' bytes are never
 * used once stage 2 is on: translated accesses land in the arena.  The
 * arena's own region covers its PA range, so the covers skip it.  That is
 * 2 or 3 regions in total (never one per granule: 1,023-region limit and
 * ms-per-map costs, spike §4.1).
 *
 * All cover pieces alias one host reservation mapped PROT_NONE, so a stage-2
 * descriptor pointing outside the arena (an RMM bug) crashes loudly instead
 * of reading stray memory.  Only its first page is readable: it holds the
 * ERET used once to enter NS-EL1 (spike §1.2), fetched before stage 2 is
 * live, at the start of the first cover piece.
 */
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "vcpu_internal.h"

#define INSN_ERET 0xd69f03e0u

struct piece {
	uint64_t base, len;
};

static int cover_pieces(const struct vcpu *v, struct piece out[2])
{
	uint64_t ipa_top = 1ULL << v->ipa_bits;
	uint64_t a_lo = v->pa_base, a_hi = v->pa_base + v->arena_size;
	int n = 0;

	if (a_lo >= ipa_top) {
		out[n++] = (struct piece){ 0, ipa_top };
		return n;
	}
	if (a_lo > 0)
		out[n++] = (struct piece){ 0, a_lo };
	if (a_hi < ipa_top)
		out[n++] = (struct piece){ a_hi, ipa_top - a_hi };
	return n;
}

int regions_map(struct vcpu *v, char *err, size_t errlen)
{
	struct piece pieces[2];
	int n = cover_pieces(v, pieces);
	size_t len = 0;
	uc_err e;

	if (n == 0) {
		snprintf(err, errlen, "arena covers the whole IPA space: no room for the entry trampoline");
		return -1;
	}
	for (int i = 0; i < n; i++)
		if (pieces[i].len > len)
			len = pieces[i].len;

	v->cover = mmap(NULL, len, PROT_NONE,
			MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (v->cover == MAP_FAILED) {
		v->cover = NULL;
		snprintf(err, errlen, "cannot reserve %zu bytes of host address space for the IPA cover", len);
		return -1;
	}
	v->cover_len = len;
	if (mprotect(v->cover, GRANULE_SIZE, PROT_READ | PROT_WRITE) != 0) {
		snprintf(err, errlen, "mprotect of the trampoline page failed");
		return -1;
	}
	uint32_t eret = INSN_ERET;
	memcpy(v->cover, &eret, sizeof(eret));

	e = uc_mem_map_ptr(v->uc, v->pa_base, v->arena_size, UC_PROT_ALL, v->arena);
	if (e != UC_ERR_OK) {
		snprintf(err, errlen, "mapping the arena at PA 0x%llx: %s",
			 (unsigned long long)v->pa_base, uc_strerror(e));
		return -1;
	}
	for (int i = 0; i < n; i++) {
		e = uc_mem_map_ptr(v->uc, pieces[i].base, pieces[i].len, UC_PROT_ALL, v->cover);
		if (e != UC_ERR_OK) {
			snprintf(err, errlen, "mapping the IPA cover [0x%llx, +0x%llx): %s",
				 (unsigned long long)pieces[i].base,
				 (unsigned long long)pieces[i].len, uc_strerror(e));
			return -1;
		}
	}
	return 0;
}

uint64_t regions_trampoline(const struct vcpu *v)
{
	struct piece pieces[2];

	cover_pieces(v, pieces);
	return pieces[0].base;
}

void regions_unmap(struct vcpu *v)
{
	/* uc_close drops the regions; only the host reservation is ours. */
	if (v->cover)
		munmap(v->cover, v->cover_len);
	v->cover = NULL;
}
