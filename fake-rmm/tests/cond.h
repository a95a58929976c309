/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Helpers for the failure-condition tests of both profiles
 * (test_v1_conditions_*.c, test_v2_conditions_*.c; tables in
 * V1_CONDITIONS.md and V2_CONDITIONS.md): a snapshot of every granule's
 * state and refcount, the RMM-view contents of every granule that is not
 * NS, and the RIM, so that a test can assert that a failing command
 * changed nothing.
 */
#ifndef FAKE_RMM_TEST_COND_H
#define FAKE_RMM_TEST_COND_H

#include <stdlib.h>
#include <string.h>

#include "rtt_fixture.h"

struct snap {
	uint64_t base, n;
	uint8_t *st;
	uint16_t *ref;
	uint8_t *mem;		/* n granules; only non-NS ones are filled */
	uint64_t rd;
	int rim_ok;
	uint8_t rim[64];
};

static inline void snap_take(struct fix *f, struct snap *s)
{
	s->base = pmem_pa_base(f->pm);
	s->n = pmem_ngranules(f->pm);
	s->st = malloc(s->n);
	s->ref = malloc(s->n * sizeof(*s->ref));
	s->mem = malloc(s->n * GRAN);
	assert_non_null(s->st);
	assert_non_null(s->ref);
	assert_non_null(s->mem);
	for (uint64_t i = 0; i < s->n; i++) {
		uint64_t pa = s->base + i * GRAN;

		s->st[i] = (uint8_t)rmm_granule_state(f->rmm, pa);
		s->ref[i] = (uint16_t)rmm_granule_refcount(f->rmm, pa);
		if (s->st[i] != GRANULE_NS)
			memcpy(s->mem + i * GRAN, pmem_rmm_ptr(f->pm, pa), GRAN);
	}
	s->rd = f->rd;
	s->rim_ok = f->rd ? rmm_realm_measurement(f->rmm, f->rd, 0, s->rim) == 0 : 0;
}

/* Asserts nothing changed since snap_take(), and frees the snapshot. */
static inline void snap_same(struct fix *f, struct snap *s)
{
	uint8_t rim[64];

	for (uint64_t i = 0; i < s->n; i++) {
		uint64_t pa = s->base + i * GRAN;

		if (rmm_granule_state(f->rmm, pa) != s->st[i])
			fail_msg("granule 0x%llx: state %s, was %s", (unsigned long long)pa,
				 granule_state_name(rmm_granule_state(f->rmm, pa)),
				 granule_state_name(s->st[i]));
		if (rmm_granule_refcount(f->rmm, pa) != s->ref[i])
			fail_msg("granule 0x%llx: refcount %u, was %u", (unsigned long long)pa,
				 rmm_granule_refcount(f->rmm, pa), s->ref[i]);
		if (s->st[i] != GRANULE_NS &&
		    memcmp(s->mem + i * GRAN, pmem_rmm_ptr(f->pm, pa), GRAN))
			fail_msg("granule 0x%llx (%s): contents changed", (unsigned long long)pa,
				 granule_state_name(s->st[i]));
	}
	if (s->rim_ok) {
		assert_int_equal(rmm_realm_measurement(f->rmm, s->rd, 0, rim), 0);
		assert_memory_equal(rim, s->rim, 64);
	}
	free(s->st);
	free(s->ref);
	free(s->mem);
}

/*
 * A call that must fail: snapshot, call (with the invariant check), assert
 * nothing changed.  Returns x0; *r (if given) holds the output registers.
 */
static inline uint64_t fail_call(struct fix *f, uint32_t fid, uint64_t a1, uint64_t a2,
				 uint64_t a3, uint64_t a4, uint64_t a5, struct smc_regs *r)
{
	struct smc_regs tmp;
	struct snap s;
	uint64_t x0;

	snap_take(f, &s);
	x0 = rc(f, fid, a1, a2, a3, a4, a5, r ? r : &tmp);
	snap_same(f, &s);
	return x0;
}

#define ERR_INPUT ((uint64_t)RMI_STATUS_ERROR_INPUT)
#define ERR_REALM ((uint64_t)RMI_STATUS_ERROR_REALM)
#define ERR_REC ((uint64_t)RMI_STATUS_ERROR_REC)
#define ERR_RTT(l) RET(RMI_STATUS_ERROR_RTT, (l))

/* The realm the conditions tests build: IPA width 40 (s2sz), start level 1. */
#define NS_IPA (1ULL << 39)	/* first unprotected IPA */
#define IPA_END (1ULL << 40)
#define MB2 (2ULL << 20)

/*
 * RTT_CREATE's argument checks, alike on both profiles, with `rtt` a
 * delegated granule: level_bound (the start level, 4, negative, a 64-bit
 * value whose low bits say 2), addr_align (to the parent entry: 1 GiB for
 * a level-2 table) and addr_bound; then, for order, two that the walk would
 * answer ERROR_RTT(1) (no level-2 table yet) fail on the arguments first:
 * an unaligned IPA, an NS rtt.
 */
static inline void rtt_create_argument_conditions(struct fix *f, uint64_t rtt)
{
	assert_rmi(fail_call(f, RMI_FID_RTT_CREATE, f->rd, rtt, 0, 1, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_CREATE, f->rd, rtt, 0, 4, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_CREATE, f->rd, rtt, 0, (uint64_t)-1, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_CREATE, f->rd, rtt, 0, (1ULL << 32) | 2, 0, NULL),
		   ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_CREATE, f->rd, rtt, MB2, 2, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_CREATE, f->rd, rtt, IPA_END, 2, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_CREATE, f->rd, rtt, GRAN, 3, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_RTT_CREATE, f->rd, fix_alloc(f), 0, 3, 0, NULL), ERR_INPUT);
}

#endif
