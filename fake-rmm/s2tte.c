// SPDX-License-Identifier: BSD-3-Clause
/* Encoding and decoding of RTT entries (layout in s2tte.h). */
#include "s2tte.h"

#include <rmi/common.h>

static uint64_t leaf_type(int level)
{
	/* Level 3 pages are 0b11, blocks at levels 1-2 are 0b01. */
	return level == S2TT_PAGE_LEVEL ? S2TTE_VALID | S2TTE_TYPE_TABLE_OR_PAGE : S2TTE_VALID;
}

uint64_t s2tte_unassigned(unsigned int ripas)
{
	return ((uint64_t)HIPAS_UNASSIGNED << S2TTE_HIPAS_SHIFT) |
	       ((uint64_t)ripas << S2TTE_RIPAS_SHIFT);
}

uint64_t s2tte_unassigned_ns(void)
{
	return (uint64_t)HIPAS_UNASSIGNED_NS << S2TTE_HIPAS_SHIFT;
}

uint64_t s2tte_assigned(uint64_t pa, unsigned int ripas, int level)
{
	if (ripas == RMI_RIPAS_RAM)
		return (pa & S2TTE_OA_MASK) | leaf_type(level) | S2TTE_MEMATTR_NORMAL_WB |
		       S2TTE_S2AP_RW | S2TTE_SH_INNER | S2TTE_AF;
	return (pa & S2TTE_OA_MASK) | ((uint64_t)HIPAS_ASSIGNED << S2TTE_HIPAS_SHIFT) |
	       ((uint64_t)ripas << S2TTE_RIPAS_SHIFT);
}

uint64_t s2tte_assigned_ns(uint64_t host_desc, int level)
{
	uint64_t keep = S2TTE_MEMATTR_MASK | S2TTE_S2AP_MASK | S2TTE_OA_MASK;

	return (host_desc & keep) | leaf_type(level) | S2TTE_SH_INNER | S2TTE_AF | S2TTE_XN |
	       S2TTE_SW_NS;
}

uint64_t s2tte_table(uint64_t child_pa)
{
	return (child_pa & S2TTE_OA_MASK) | S2TTE_VALID | S2TTE_TYPE_TABLE_OR_PAGE;
}

uint64_t s2tte_ns_host_bits(uint64_t e, int level)
{
	return e & (S2TTE_MEMATTR_MASK | S2TTE_S2AP_MASK | S2TTE_OA_MASK);
}

struct s2tte_info s2tte_decode(uint64_t e, int level)
{
	struct s2tte_info i = { .kind = S2TTE_INVALID_ENCODING, .ripas = RMI_RIPAS_EMPTY };

	if (e & S2TTE_VALID) {
		bool page_or_table = e & S2TTE_TYPE_TABLE_OR_PAGE;

		i.pa = e & S2TTE_OA_MASK;
		if (level < S2TT_PAGE_LEVEL && page_or_table) {
			i.kind = S2TTE_TABLE;
		} else if (e & S2TTE_SW_NS) {
			i.kind = S2TTE_ASSIGNED_NS;
		} else {
			i.kind = S2TTE_ASSIGNED;
			i.ripas = RMI_RIPAS_RAM;
		}
		return i;
	}
	i.ripas = (unsigned int)((e & S2TTE_RIPAS_MASK) >> S2TTE_RIPAS_SHIFT);
	switch ((e & S2TTE_HIPAS_MASK) >> S2TTE_HIPAS_SHIFT) {
	case HIPAS_UNASSIGNED:
		i.kind = S2TTE_UNASSIGNED;
		break;
	case HIPAS_ASSIGNED:
		i.kind = S2TTE_ASSIGNED;
		i.pa = e & S2TTE_OA_MASK;
		break;
	case HIPAS_UNASSIGNED_NS:
		i.kind = S2TTE_UNASSIGNED_NS;
		i.ripas = RMI_RIPAS_EMPTY;
		break;
	default:
		break;
	}
	return i;
}

bool s2tte_host_desc_valid(uint64_t desc, int level)
{
	uint64_t oa = S2TTE_OA_MASK & ~(s2tt_entry_size(level) - 1);
	uint64_t allowed = oa | S2TTE_HOST_MEMATTR_MASK | S2TTE_S2AP_MASK;

	if (desc & ~allowed)
		return false;
	return (desc & S2TTE_HOST_MEMATTR_MASK) != S2TTE_HOST_MEMATTR_RESERVED;
}
