/* SPDX-License-Identifier: BSD-3-Clause */
/* Realm Descriptor contents and realm lifecycle (spec "Realm" and "RD"). */
#ifndef FAKE_RMM_REALM_H
#define FAKE_RMM_REALM_H

#include <stdbool.h>
#include <stdint.h>

#include "measurement.h"
#include "rmm_internal.h"

/* Spec RealmState; ZOMBIE is 2.0's terminated-but-not-destroyed. */
enum realm_state { REALM_NEW, REALM_ACTIVE, REALM_SYSTEM_OFF, REALM_ZOMBIE };

#define REC_AUX_COUNT 16	/* 1.0: aux granules per REC (TF-RMM uses 16) */
/*
 * Where REALM_CREATE is a Stateful RMI Operation with memory transfer (the
 * post-v14 host drives it with rmi_sro_memxfer_cmd), the RMM asks for this
 * many delegated 4 KiB granules for the realm's auxiliary state and gives
 * them back at REALM_DESTROY (choice, V2_CONDITIONS.md: the count is the
 * RMM's own; TF-RMM main keeps a realm in its RD).
 */
#define RD_AUX_COUNT 2
#define REALM_MAX_RECS 1023	/* the RD refcount is 10 bits in TF-RMM */

struct rec;

struct realm {
	uint64_t rd;
	_Atomic enum realm_state state;	/* read without the RD lock by REC_ENTER */
	/* Stage 2: IPA width, start level, root tables. */
	unsigned int s2sz;
	int start_level;
	unsigned int num_start;
	uint64_t rtt_base;
	bool lpa2;
	unsigned int vmid;
	/* Attributes. */
	uint64_t flags;
	bool sve, pmu;
	unsigned int sve_vl, num_bps, num_wps, pmu_num_ctrs;
	enum hash_algo hash_algo;
	uint8_t rpv[64];
	uint8_t measurements[MEASUREMENT_SLOTS][MEASUREMENT_MAX];
	/* Donated at REALM_CREATE (INTERNAL, obj = the realm); 0 where it is one call. */
	unsigned int num_aux;
	uint64_t aux[RD_AUX_COUNT];
	/* RECs: created so far (the next MPIDR index), and by index. */
	unsigned int rec_count;
	struct rec **recs;
	unsigned int recs_cap;
};

struct realm *realm_of_rd(const struct rmm *rmm, uint64_t rd);	/* RD granule -> realm */
/*
 * A running REC changing or reading realm-wide state (measurements, the
 * realm's state on SYSTEM_OFF) takes its RD's lock for that moment, as
 * TF-RMM's RSI handlers do; its REC_ENTER holds no other lock by then.
 */
void realm_lock_rd(const struct rmm *rmm, const struct realm *r);
void realm_unlock_rd(const struct rmm *rmm, const struct realm *r);
/*
 * REALM_CREATE / REALM_DESTROY as Stateful RMI Operations (cmd_realm_sro.c),
 * after every failure condition passed and (sro_context_free()) with an
 * operation context free.  create: the realm is built, its RD PARTIAL
 * until the donation is in; destroy: the realm is gone, its RD PARTIAL
 * until the host reclaimed the aux granules.
 */
struct sro_ctx;
/* ctx: reserved by the caller (sro_alloc()). */
uint64_t realm_create_sro(struct rmm *rmm, struct realm *r, struct sro_ctx *ctx,
			  struct rmi_call *c);
uint64_t realm_destroy_sro(struct rmm *rmm, struct realm *r, struct sro_ctx *ctx,
			   struct rmi_call *c);
/* Undoes a realm that never became usable: roots DELEGATED, VMID free, object freed. */
void realm_unbuild(struct rmm *rmm, struct realm *r);
/* Frees the realm object only (no granule transitions). */
void realm_free(struct rmm *rmm, struct realm *r);
/* IPA space: [0, 2^s2sz); protected half (PAR): [0, 2^(s2sz-1)). */
static inline uint64_t realm_ipa_size(const struct realm *r)
{
	return 1ULL << r->s2sz;
}

static inline bool realm_ipa_is_protected(const struct realm *r, uint64_t ipa)
{
	return ipa < (1ULL << (r->s2sz - 1));
}

#endif
