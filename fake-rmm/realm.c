// SPDX-License-Identifier: BSD-3-Clause
/* Realm objects: lookup from the RD granule, the list of live realms. */
#include "realm.h"
#include "rec.h"

#include <stdlib.h>

struct realm *realm_of_rd(const struct rmm *rmm, uint64_t rd)
{
	struct granule *g = granule_lock(rmm, rd, GRANULE_RD);

	return g ? g->obj : NULL;
}

void realm_lock_rd(const struct rmm *rmm, const struct realm *r)
{
	granule_lock_raw(granule_at(rmm, r->rd));
}

void realm_unlock_rd(const struct rmm *rmm, const struct realm *r)
{
	granule_unlock_raw(granule_at(rmm, r->rd));
}

void realm_list_add(struct rmm *rmm, struct realm *r)
{
	pthread_mutex_lock(&rmm->objects_lock);
	if (rmm->nrealms == rmm->realms_cap) {
		unsigned int cap = rmm->realms_cap ? rmm->realms_cap * 2 : 8;
		struct realm **n = realloc(rmm->realms, cap * sizeof(*n));

		if (!n)
			abort();
		rmm->realms = n;
		rmm->realms_cap = cap;
	}
	rmm->realms[rmm->nrealms++] = r;
	pthread_mutex_unlock(&rmm->objects_lock);
}

void realm_list_remove(struct rmm *rmm, struct realm *r)
{
	pthread_mutex_lock(&rmm->objects_lock);
	for (unsigned int i = 0; i < rmm->nrealms; i++)
		if (rmm->realms[i] == r) {
			rmm->realms[i] = rmm->realms[--rmm->nrealms];
			break;
		}
	pthread_mutex_unlock(&rmm->objects_lock);
}

void realm_free(struct rmm *rmm, struct realm *r)
{
	realm_list_remove(rmm, r);
	/* rmm_destroy with RECs alive: their objects and engines go too. */
	for (unsigned int i = 0; i < r->rec_count; i++)
		if (r->recs[i])
			rec_free(r->recs[i]);
	free(r->recs);
	free(r);
}

int rmm_realm_measurement(const struct rmm *rmm, uint64_t rd, unsigned int slot, uint8_t out[64])
{
	struct realm *r = realm_of_rd(rmm, rd);

	if (!r || slot >= MEASUREMENT_SLOTS)
		return -1;
	memcpy(out, r->measurements[slot], MEASUREMENT_MAX);
	return 0;
}
