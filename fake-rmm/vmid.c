// SPDX-License-Identifier: BSD-3-Clause
/*
 * VMIDs: chosen by the host in 1.0 (must be unique), allocated by the RMM
 * in 2.0; below 2^vmid_bits (the platform's VMID width, 8 or 16).
 */
#include "rmm_internal.h"

#define VMID_COUNT (1u << rmm->vmid_bits)

/* Realms of different RDs are made at once: the bitmap is under rmm->objects_lock. */
bool vmid_reserve(struct rmm *rmm, unsigned int vmid)
{
	bool ok = false;

	pthread_mutex_lock(&rmm->objects_lock);
	if (vmid < VMID_COUNT && !(rmm->vmid_used[vmid / 8] & (1u << (vmid % 8)))) {
		rmm->vmid_used[vmid / 8] |= (uint8_t)(1u << (vmid % 8));
		ok = true;
	}
	pthread_mutex_unlock(&rmm->objects_lock);
	return ok;
}

void vmid_free(struct rmm *rmm, unsigned int vmid)
{
	pthread_mutex_lock(&rmm->objects_lock);
	if (vmid < VMID_COUNT)
		rmm->vmid_used[vmid / 8] &= (uint8_t)~(1u << (vmid % 8));
	pthread_mutex_unlock(&rmm->objects_lock);
}

int vmid_alloc(struct rmm *rmm)
{
	/* VMID 0 is left to the host's own stage 2. */
	for (unsigned int v = 1; v < VMID_COUNT; v++)
		if (vmid_reserve(rmm, v))
			return (int)v;
	return -1;
}
