/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * 2.0 address-range descriptors (RmiAddrRangeDesc, 4 KiB granules) and
 * the lists of them that DATA_MAP / UNPROT_MAP read, DATA_UNMAP /
 * UNPROT_UNMAP write, and the SRO donate / reclaim commands exchange.
 * Field positions and state values are the profile's (rmm_layout, from
 * addr_range_desc and op_mem_state in spec/<profile>.yaml): STATE is one
 * bit in some 2.0 revisions and two in others.
 */
#ifndef FAKE_RMM_ADDR_RANGE_H
#define FAKE_RMM_ADDR_RANGE_H

#include <stdbool.h>
#include <stdint.h>

#include "rmm_internal.h"

/* A host list never crosses its granule: at most 512 slots. */
#define ADDR_LIST_MAX (GRANULE_SIZE / sizeof(uint64_t))

struct addr_range {
	uint64_t pa;		/* base, aligned per `size` when valid */
	unsigned int size;	/* RMI_BLOCK_SIZE_*: 0 = 4 KiB, 1 = 2 MiB, 2 = 1 GiB, 3 = 512 GiB */
	uint64_t count;		/* blocks */
	uint64_t state;		/* STATE field: an op_mem_state value of the profile */
	bool delegated;		/* state is DELEGATED */
	bool undelegated;	/* state is UNDELEGATED */
};

struct addr_range addr_range_decode(const struct rmm_layout *lay, uint64_t desc);
/* A descriptor; output lists only ever say DELEGATED or UNDELEGATED. */
uint64_t addr_range_encode(const struct rmm_layout *lay, uint64_t pa, unsigned int size,
			   uint64_t count, bool undelegated);
/* Bytes of one block of size code `size`. */
static inline uint64_t addr_range_block_bytes(unsigned int size)
{
	return GRANULE_SIZE << (9 * size);
}
/* RTT level whose entries map one block of size code `size` (3 - size). */
static inline int addr_range_level(unsigned int size)
{
	return 3 - (int)size;
}

/*
 * The host's list at `pa` (8-byte aligned, inside one NS granule):
 * `count` is clipped to the slots left in that granule.  Returns false if
 * pa is not 8-byte aligned or not in an NS granule; *n = entries read.
 */
bool addr_list_read(const struct rmm *rmm, uint64_t pa, uint64_t count, uint64_t *out,
		    unsigned int *n);
/* Slots from `pa` to the end of its granule (0 if pa is not 8-byte aligned). */
unsigned int addr_list_slots(uint64_t pa);
bool addr_list_write(const struct rmm *rmm, uint64_t pa, const uint64_t *desc, unsigned int n);

/*
 * An output list being built: each block joins the last descriptor when
 * it continues it (same size and state, next PA, count not saturated),
 * else starts a new one.  false when a new one would exceed `cap`.
 */
struct addr_list_out {
	const struct rmm_layout *lay;
	uint64_t desc[ADDR_LIST_MAX];
	unsigned int n, cap;
};

void addr_list_out_init(struct addr_list_out *l, const struct rmm_layout *lay, unsigned int cap);
bool addr_list_out_add(struct addr_list_out *l, uint64_t pa, unsigned int size, bool undelegated);
/* Would `pa` extend the last descriptor (for the SINGLE contiguity rule)? */
bool addr_list_out_continues(const struct addr_list_out *l, uint64_t pa, unsigned int size);

#endif
