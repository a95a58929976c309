// SPDX-License-Identifier: BSD-3-Clause
/*
 * The platform's physical address map: the size of the PA space and what
 * lies where besides the arena (NS DRAM, Secure memory, MMIO), as
 * rmm_platform describes it (rmm.h).
 *
 * The arena is the only memory the RMM's granule table covers, so it is
 * the only delegable memory (DEN0137 leaves PaIsDelegable() to the
 * platform; TF-RMM's is "inside the DRAM banks the firmware gave it").
 * Nothing here widens what an RMI call accepts: a PA outside the arena
 * already finds no granule (granule_at()).  The map tells apart what
 * GRANULE_TRACKING_GET reports, and pa_bits bounds the PA arguments that
 * are not granules (cmd_rmm.c) and the stage-2 start level (cmd_realm.c).
 */
#include <stdio.h>

#include "rmm_internal.h"

#define DEFAULT_PA_BITS 48

const char *rmm_mem_kind_name(enum rmm_mem_kind kind)
{
	switch (kind) {
	case RMM_MEM_NS_DRAM:
		return "ns_dram";
	case RMM_MEM_SECURE:
		return "secure";
	case RMM_MEM_MMIO:
		return "mmio";
	}
	return NULL;
}

/* The PARange values of ID_AA64MMFR0_EL1 (Arm ARM D19.2). */
static bool pa_bits_valid(unsigned int bits)
{
	static const unsigned int parange[] = { 32, 36, 40, 42, 44, 48, 52 };

	for (size_t i = 0; i < sizeof(parange) / sizeof(parange[0]); i++)
		if (bits == parange[i])
			return true;
	return false;
}

static bool overlaps(uint64_t a, uint64_t asize, uint64_t b, uint64_t bsize)
{
	return a < b + bsize && b < a + asize;
}

static int range_err(int *bad, int i, char *err, size_t errlen, const struct rmm_mem_range *m,
		     const char *why)
{
	*bad = i;
	snprintf(err, errlen, "platform: memory range %d (%s at 0x%llx, size 0x%llx) %s", i,
		 rmm_mem_kind_name(m->kind) ? rmm_mem_kind_name(m->kind) : "?",
		 (unsigned long long)m->base, (unsigned long long)m->size, why);
	return -1;
}

int rmm_platform_check(const struct rmm_platform *p, uint64_t arena_base, uint64_t arena_size,
		       int *bad_range, char *err, size_t errlen)
{
	unsigned int bits = p->pa_bits ? p->pa_bits : DEFAULT_PA_BITS;
	uint64_t limit;
	int dummy;

	if (!bad_range)
		bad_range = &dummy;
	*bad_range = -1;
	if (!pa_bits_valid(bits)) {
		snprintf(err, errlen, "platform: pa_bits %u is not a PA size (32, 36, 40, 42, 44, 48, 52)",
			 bits);
		return -1;
	}
	limit = 1ULL << bits;
	if (arena_base >= limit || arena_size > limit - arena_base) {
		snprintf(err, errlen, "platform: the arena [0x%llx, 0x%llx) is not below 2^%u",
			 (unsigned long long)arena_base, (unsigned long long)(arena_base + arena_size),
			 bits);
		return -1;
	}
	if (p->mem_map_len > RMM_MEM_MAP_MAX || (p->mem_map_len && !p->mem_map)) {
		snprintf(err, errlen, "platform: a memory map of at most %d ranges (got %u)",
			 RMM_MEM_MAP_MAX, p->mem_map_len);
		return -1;
	}
	for (unsigned int i = 0; i < p->mem_map_len; i++) {
		const struct rmm_mem_range *m = &p->mem_map[i];

		if (!rmm_mem_kind_name(m->kind))
			return range_err(bad_range, (int)i, err, errlen, m,
					 "has no kind (ns_dram, secure, mmio)");
		if ((m->base | m->size) & (GRANULE_SIZE - 1) || !m->size)
			return range_err(bad_range, (int)i, err, errlen, m,
					 "is not whole 4 KiB granules");
		if (m->base >= limit || m->size > limit - m->base) {
			char why[64];

			snprintf(why, sizeof(why), "is not below 2^%u (pa_bits)", bits);
			return range_err(bad_range, (int)i, err, errlen, m, why);
		}
		if (overlaps(m->base, m->size, arena_base, arena_size))
			return range_err(bad_range, (int)i, err, errlen, m,
					 "overlaps the arena (which is NS DRAM already)");
		for (unsigned int j = 0; j < i; j++)
			if (overlaps(m->base, m->size, p->mem_map[j].base, p->mem_map[j].size)) {
				char why[48];

				snprintf(why, sizeof(why), "overlaps range %u", j);
				return range_err(bad_range, (int)i, err, errlen, m, why);
			}
	}
	return 0;
}

int platform_map_init(struct rmm *rmm, const struct rmm_platform *p, char *err, size_t errlen)
{
	if (rmm_platform_check(p, rmm->pa_base, rmm->ngranules << GRANULE_SHIFT, NULL, err, errlen))
		return -1;
	rmm->pa_bits = p->pa_bits ? p->pa_bits : DEFAULT_PA_BITS;
	/* FEATURES.S2SZ: the IPA space is no larger than the PA space (TF-RMM reports the PA width). */
	if (rmm->feat.s2sz > rmm->pa_bits) {
		snprintf(err, errlen, "platform: FEATURES S2SZ %u is above pa_bits %u",
			 rmm->feat.s2sz, rmm->pa_bits);
		return -1;
	}
	/* A sorted copy: the caller's array need not outlive rmm_create(). */
	rmm->mem_map_len = 0;
	for (unsigned int i = 0; i < p->mem_map_len; i++) {
		unsigned int j = rmm->mem_map_len++;

		while (j && rmm->mem_map[j - 1].base > p->mem_map[i].base) {
			rmm->mem_map[j] = rmm->mem_map[j - 1];
			j--;
		}
		rmm->mem_map[j] = p->mem_map[i];
	}
	return 0;
}

uint64_t platform_pa_limit(const struct rmm *rmm)
{
	return 1ULL << rmm->pa_bits;
}

enum pa_kind platform_pa_kind(const struct rmm *rmm, uint64_t pa, uint64_t *top)
{
	static const enum pa_kind kinds[] = {
		[RMM_MEM_NS_DRAM] = PA_NS_DRAM,
		[RMM_MEM_SECURE] = PA_SECURE,
		[RMM_MEM_MMIO] = PA_MMIO,
	};
	uint64_t arena_top = rmm->pa_base + (rmm->ngranules << GRANULE_SHIFT);
	uint64_t next = platform_pa_limit(rmm);

	if (pa >= next) {
		*top = ~0ULL;
		return PA_BEYOND;
	}
	if (pa >= rmm->pa_base && pa < arena_top) {
		*top = arena_top;
		return PA_ARENA;
	}
	if (pa < rmm->pa_base)
		next = rmm->pa_base;
	for (unsigned int i = 0; i < rmm->mem_map_len; i++) {
		const struct rmm_mem_range *m = &rmm->mem_map[i];

		if (pa >= m->base && pa - m->base < m->size) {
			*top = m->base + m->size;
			return kinds[m->kind];
		}
		if (m->base > pa && m->base < next)
			next = m->base;
	}
	*top = next;
	return PA_HOLE;
}
