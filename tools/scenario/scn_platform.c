// SPDX-License-Identifier: BSD-3-Clause
/*
 * The platform's physical memory in a scenario: `memory: {size, base}`
 * places the arena, `features: {pa_bits, memory_map}` sizes the PA space
 * and says what else is where (rmm_platform in cca-double/rmm.h).  Shapes
 * are checked where they are written; the map against the arena and the
 * PA size with rmm_platform_check(), so a range at fault is reported at
 * its own file:line:col when the file loads.
 */
#include <string.h>

#include <cca-double/pmem.h>

#include "scn_internal.h"

/* `memory:` - a size (the arena at the default base) or {size, base}. */
int scn_load_memory(struct scenario *s, yaml_node_t *n)
{
	static const char *const keys[] = { "size", "base", NULL };
	yaml_node_t *size = n, *base = NULL;

	s->memory = 64ULL << 20;
	s->arena_base = PMEM_DEFAULT_PA_BASE;
	if (!n)
		return 0;
	if (ynode_is_map(n)) {
		if (ymap_check_keys(&s->doc, n, "memory", keys))
			return -1;
		if (!ymap_len(n))
			return ydoc_err(&s->doc, n, "memory: a size, or {size: SIZE, base: PA} with at least one of them");
		size = ymap_get(&s->doc, n, "size");
		base = ymap_get(&s->doc, n, "base");
	}
	if (size && yscalar_size(&s->doc, size, "memory", &s->memory))
		return -1;
	if (s->memory < (1ULL << 20) || s->memory > (4ULL << 30) || s->memory % PMEM_GRANULE_SIZE)
		return ydoc_err(&s->doc, size, "memory: 1M..4G, a multiple of 4K");
	if (!base)
		return 0;
	if (yscalar_size(&s->doc, base, "base", &s->arena_base))
		return -1;
	/* pmem: a granule-aligned base (0 means its default) with the arena below 2^48. */
	if (!s->arena_base || s->arena_base % PMEM_GRANULE_SIZE || s->arena_base >= (1ULL << 48) ||
	    s->memory > (1ULL << 48) - s->arena_base)
		return ydoc_err(&s->doc, base,
				"base: a nonzero multiple of 4K with base + size at most 2^48");
	return 0;
}

static int load_range(struct scenario *s, yaml_node_t *n, struct rmm_mem_range *m)
{
	static const char *const keys[] = { "base", "size", "kind", NULL };
	static const enum rmm_mem_kind kinds[] = { RMM_MEM_NS_DRAM, RMM_MEM_SECURE, RMM_MEM_MMIO };
	yaml_node_t *v;
	const char *kind;

	if (!ynode_is_map(n))
		return ydoc_err(&s->doc, n, "memory_map: each range is {base: PA, size: SIZE, kind: ns_dram|secure|mmio}");
	if (ymap_check_keys(&s->doc, n, "memory range", keys))
		return -1;
	v = ymap_get(&s->doc, n, "base");
	if (!v)
		return ydoc_err(&s->doc, n, "memory range: missing 'base'");
	if (yscalar_size(&s->doc, v, "base", &m->base))
		return -1;
	v = ymap_get(&s->doc, n, "size");
	if (!v)
		return ydoc_err(&s->doc, n, "memory range: missing 'size'");
	if (yscalar_size(&s->doc, v, "size", &m->size))
		return -1;
	v = ymap_get(&s->doc, n, "kind");
	if (!v)
		return ydoc_err(&s->doc, n, "memory range: missing 'kind'");
	if (yscalar_str(&s->doc, v, "kind", &kind))
		return -1;
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (!strcmp(kind, rmm_mem_kind_name(kinds[i]))) {
			m->kind = kinds[i];
			return 0;
		}
	return ydoc_err(&s->doc, v, "kind: '%s' is not ns_dram, secure or mmio", kind);
}

/* `pa_bits` and `memory_map` of `features:` (the mapping n), checked against the arena. */
int scn_load_platform_map(struct scenario *s, yaml_node_t *n)
{
	yaml_node_t *bits = ymap_get(&s->doc, n, "pa_bits");
	yaml_node_t *map = ymap_get(&s->doc, n, "memory_map");
	yaml_node_t *range_nodes[RMM_MEM_MAP_MAX];
	char err[256];
	uint64_t u;
	int bad;

	if (bits) {
		if (yscalar_u64(&s->doc, bits, "pa_bits", &u))
			return -1;
		if (u > 64)
			return ydoc_err(&s->doc, bits, "pa_bits: %llu is out of range",
					(unsigned long long)u);
		s->platform.pa_bits = (unsigned int)u;
	}
	if (map) {
		if (!ynode_is_seq(map))
			return ydoc_err(&s->doc, map, "memory_map: a list of {base, size, kind} ranges");
		if (yseq_len(map) > RMM_MEM_MAP_MAX)
			return ydoc_err(&s->doc, map, "memory_map: at most %d ranges", RMM_MEM_MAP_MAX);
		for (size_t i = 0; i < yseq_len(map); i++) {
			range_nodes[i] = yseq_at(&s->doc, map, i);
			if (load_range(s, range_nodes[i], &s->mem_map[i]))
				return -1;
		}
		s->platform.mem_map = s->mem_map;
		s->platform.mem_map_len = (unsigned int)yseq_len(map);
	}
	/* FEATURES.S2SZ left at its default follows a smaller PA space, as in rmm_create(). */
	if (s->platform.pa_bits && !ymap_get(&s->doc, n, "s2sz") &&
	    s->features.s2sz > s->platform.pa_bits)
		s->features.s2sz = s->platform.pa_bits;
	if (rmm_platform_check(&s->platform, s->arena_base, s->memory, &bad, err, sizeof(err)))
		return ydoc_err(&s->doc, bad >= 0 ? range_nodes[bad] : bits ? bits : n, "%s", err);
	return 0;
}
