// SPDX-License-Identifier: BSD-3-Clause
/* Address-range descriptors and host lists of them (addr_range.h). */
#include "addr_range.h"

struct addr_range addr_range_decode(const struct rmm_layout *lay, uint64_t desc)
{
	struct addr_range r;

	r.size = (unsigned int)abi_bits_get(lay->range_size, desc);
	r.count = abi_bits_get(lay->range_count, desc);
	r.pa = desc & lay->range_addr.mask;
	r.state = abi_bits_get(lay->range_state, desc);
	r.delegated = r.state == (uint64_t)lay->mem_delegated;
	r.undelegated = r.state == (uint64_t)lay->mem_undelegated;
	return r;
}

uint64_t addr_range_encode(const struct rmm_layout *lay, uint64_t pa, unsigned int size,
			   uint64_t count, bool undelegated)
{
	return abi_bits_put(lay->range_size, size) | abi_bits_put(lay->range_count, count) |
	       (pa & lay->range_addr.mask) |
	       abi_bits_put(lay->range_state,
			    (uint64_t)(undelegated ? lay->mem_undelegated : lay->mem_delegated));
}

unsigned int addr_list_slots(uint64_t pa)
{
	if (pa & (sizeof(uint64_t) - 1))
		return 0;
	return (unsigned int)((GRANULE_SIZE - (pa & (GRANULE_SIZE - 1))) / sizeof(uint64_t));
}

bool addr_list_read(const struct rmm *rmm, uint64_t pa, uint64_t count, uint64_t *out,
		    unsigned int *n)
{
	unsigned int slots = addr_list_slots(pa);
	uint64_t page = pa & GRANULE_MASK;
	const uint64_t *src;

	*n = 0;
	if (!slots || !granule_is_ns(rmm, page))
		return false;
	if (count > slots)
		count = slots;
	src = (const uint64_t *)((const uint8_t *)granule_map(rmm, page) + (pa - page));
	memcpy(out, src, count * sizeof(uint64_t));
	*n = (unsigned int)count;
	return true;
}

bool addr_list_write(const struct rmm *rmm, uint64_t pa, const uint64_t *desc, unsigned int n)
{
	uint64_t page = pa & GRANULE_MASK;

	if (n > addr_list_slots(pa))
		return false;
	return ns_granule_write(rmm, page, pa - page, desc, n * sizeof(uint64_t));
}

void addr_list_out_init(struct addr_list_out *l, const struct rmm_layout *lay, unsigned int cap)
{
	l->lay = lay;
	l->n = 0;
	l->cap = cap > ADDR_LIST_MAX ? (unsigned int)ADDR_LIST_MAX : cap;
}

bool addr_list_out_continues(const struct addr_list_out *l, uint64_t pa, unsigned int size)
{
	struct addr_range last;

	if (!l->n)
		return false;
	last = addr_range_decode(l->lay, l->desc[l->n - 1]);
	return last.size == size && last.count < l->lay->range_count.mask >> l->lay->range_count.shift &&
	       pa == last.pa + last.count * addr_range_block_bytes(size);
}

bool addr_list_out_add(struct addr_list_out *l, uint64_t pa, unsigned int size, bool undelegated)
{
	if (addr_list_out_continues(l, pa, size) &&
	    addr_range_decode(l->lay, l->desc[l->n - 1]).undelegated == undelegated) {
		struct addr_range last = addr_range_decode(l->lay, l->desc[l->n - 1]);

		l->desc[l->n - 1] = addr_range_encode(l->lay, last.pa, size, last.count + 1,
						      undelegated);
		return true;
	}
	if (l->n >= l->cap)
		return false;
	l->desc[l->n++] = addr_range_encode(l->lay, pa, size, 1, undelegated);
	return true;
}
