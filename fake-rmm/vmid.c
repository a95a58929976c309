// SPDX-License-Identifier: BSD-3-Clause
/*
 * VMIDs: chosen by the host in 1.0 (must be unique), allocated by the RMM
 * in 2.0; below 2^vmid_bits (the platform's VMID width, 8 or 16).
 */
#include "rmm_internal.h"

#define VMID_COUNT (1u << rmm->vmid_bits)

bool vmid_reserve(struct rmm *rmm, unsigned int vmid)
{
	if (vmid >= VMID_COUNT || (rmm->vmid_used[vmid / 8] & (1u << (vmid % 8))))
		return false;
	rmm->vmid_used[vmid / 8] |= (uint8_t)(1u << (vmid % 8));
	return true;
}

void vmid_free(struct rmm *rmm, unsigned int vmid)
{
	if (vmid < VMID_COUNT)
		rmm->vmid_used[vmid / 8] &= (uint8_t)~(1u << (vmid % 8));
}

int vmid_alloc(struct rmm *rmm)
{
	/* VMID 0 is left to the host's own stage 2. */
	for (unsigned int v = 1; v < VMID_COUNT; v++)
		if (vmid_reserve(rmm, v))
			return (int)v;
	return -1;
}
