// SPDX-License-Identifier: BSD-3-Clause
/*
 * Parameter pages written from a mapping of the structure's fields, using
 * the field layout of the profile's description: realm_params, rec_params,
 * rec_run, rmm_config ... with no offsets in the runner.  An array field
 * takes a list (or an {index: value} mapping), an enum-typed field (same
 * name as an enum, e.g. hash_algo) also takes the enum's value names.
 */
#include "scn_internal.h"

#include <stdlib.h>
#include <string.h>

uint64_t scn_alloc_ns(struct scn_run *r)
{
	uint64_t pa = r->pa_base + r->next_free * PMEM_GRANULE_SIZE;

	if (!r->dry) {
		if (!pmem_contains(r->pm, pa, PMEM_GRANULE_SIZE))
			return 0;
		memset(pmem_host_ptr(r->pm, pa), 0, PMEM_GRANULE_SIZE);
	}
	r->next_free++;
	return pa;
}

static void put(uint8_t *p, const struct abi_field *f, uint32_t i, uint64_t v)
{
	uint8_t *at = p + f->offset + i * f->elem_size;

	switch (f->type) {
	case ABI_U8:
		*at = (uint8_t)v;
		break;
	case ABI_U16:
		memcpy(at, &(uint16_t){ (uint16_t)v }, 2);
		break;
	case ABI_U32:
		memcpy(at, &(uint32_t){ (uint32_t)v }, 4);
		break;
	default:
		memcpy(at, &v, 8);
		break;
	}
}

static int field_value(struct scn_run *r, yaml_node_t *n, const struct abi_field *f,
		       const char *what, uint64_t *v)
{
	const struct abi_enum *e = abi_enum_find(r->abi, f->name);
	int64_t ev;
	uint64_t max;

	if (ynode_is_scalar(n) && e && scn_enum_lookup(e, ynode_str(n), &ev)) {
		*v = (uint64_t)ev;
		return 0;
	}
	if (scn_value(r, n, what, v))
		return -1;
	max = f->elem_size >= 8 ? ~0ULL : (1ULL << (8 * f->elem_size)) - 1;
	/* Negative numbers are fine for signed 64-bit fields (rtt_level_start). */
	if (*v > max && f->type != ABI_S64)
		return scn_err(r, n, "%s: 0x%llx does not fit %u byte(s)", what,
			       (unsigned long long)*v, f->elem_size);
	return 0;
}

int scn_write_struct(struct scn_run *r, yaml_node_t *map, const struct abi_struct *st,
		     uint8_t *page, const char *what)
{
	size_t n = ymap_len(map);

	if (!ynode_is_map(map))
		return scn_err(r, map, "%s: expected a mapping of %s fields", what, st->name);
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *kn, *v;
		const char *k = ymap_key(r->d, map, i, &kn, &v);
		const struct abi_field *f = k ? abi_field_find(st, k) : NULL;
		char fwhat[160];

		if (!f) {
			char list[512] = "";
			size_t used = 0;

			for (unsigned int j = 0; j < st->nfields && used < sizeof(list) - 40; j++)
				used += (size_t)snprintf(list + used, sizeof(list) - used, "%s%s",
							 j ? ", " : "", st->fields[j].name);
			return scn_err(r, kn, "%s has no field '%s' in profile %s (fields: %s)",
				       st->name, k ? k : "?", r->abi->name, list);
		}
		snprintf(fwhat, sizeof(fwhat), "%s.%s", st->name, f->name);
		if (f->type == ABI_STRUCT) {
			const struct abi_struct *sub = abi_struct_find(r->abi, f->struct_type);

			if (scn_write_struct(r, v, sub, page ? page + f->offset : NULL, fwhat))
				return -1;
			continue;
		}
		if (f->count > 1) {
			if (ynode_is_seq(v)) {
				if (yseq_len(v) > f->count)
					return scn_err(r, v, "%s: at most %u elements", fwhat, f->count);
				for (size_t j = 0; j < yseq_len(v); j++) {
					uint64_t x;

					if (field_value(r, yseq_at(r->d, v, j), f, fwhat, &x))
						return -1;
					if (page)
						put(page, f, (uint32_t)j, x);
				}
			} else if (ynode_is_map(v)) {
				for (size_t j = 0; j < ymap_len(v); j++) {
					yaml_node_t *ik, *iv;
					uint64_t idx, x;

					ymap_key(r->d, v, j, &ik, &iv);
					if (yscalar_u64(r->d, ik, "index", &idx) || idx >= f->count)
						return scn_err(r, ik, "%s: index must be 0..%u", fwhat,
							       f->count - 1);
					if (field_value(r, iv, f, fwhat, &x))
						return -1;
					if (page)
						put(page, f, (uint32_t)idx, x);
				}
			} else if (f->type == ABI_U8 && ynode_is_scalar(v)) {
				/* A byte array from a hex string ("rpv: 00ff..."). */
				const char *hex = ynode_str(v);
				size_t len = strlen(hex);

				if (len % 2 || len / 2 > f->count)
					return scn_err(r, v, "%s: hex string of at most %u bytes", fwhat,
						       f->count);
				for (size_t j = 0; j < len / 2; j++) {
					char b[3] = { hex[2 * j], hex[2 * j + 1], 0 };
					uint64_t x;

					if (parse_u64_text((char[]){ '0', 'x', b[0], b[1], 0 }, false, &x))
						return scn_err(r, v, "%s: not hex", fwhat);
					if (page)
						put(page, f, (uint32_t)j, x);
				}
			} else {
				return scn_err(r, v, "%s: expected a list of %u values", fwhat, f->count);
			}
			continue;
		}
		{
			uint64_t x;

			if (field_value(r, v, f, fwhat, &x))
				return -1;
			if (page)
				put(page, f, 0, x);
		}
	}
	return 0;
}
