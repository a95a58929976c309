/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Helpers for the RTT / DATA / RIPAS tests: every call checks the
 * bookkeeping invariants afterwards, and small builders create tables,
 * data granules and unprotected mappings with asserted success.
 */
#ifndef FAKE_RMM_TEST_RTT_FIXTURE_H
#define FAKE_RMM_TEST_RTT_FIXTURE_H

#include <pthread.h>
#include <stdatomic.h>

#include "fixture.h"

#define GRAN 0x1000ULL
#define L3_SIZE GRAN
#define L2_SIZE (GRAN << 9)
#define L1_SIZE (GRAN << 18)
#define L0_SIZE (GRAN << 27)

static inline uint64_t level_size(int level)
{
	return 1ULL << (12 + 9 * (3 - level));
}

/* An RMI call followed by fix_check_invariants(). */
uint64_t rc(struct fix *f, uint32_t fid, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4,
	    uint64_t a5, struct smc_regs *out);

/* The default test realm: s2sz 40, start level 1, 2 start tables, SHA-256. */
void rt_realm(struct fix *f);
void rt_realm_with(struct fix *f, unsigned int s2sz, int level, unsigned int num_start,
		   unsigned int hash_algo);

/* RTT_CREATE of every missing table from the start level + 1 down to `level`. */
void rt_tables(struct fix *f, uint64_t ipa, int level);
/* RTT_CREATE of one table with a fresh delegated granule; returns x0, *rtt its PA. */
uint64_t rt_create(struct fix *f, uint64_t ipa, int level, uint64_t *rtt);

struct rt_entry {
	uint64_t x0;
	int walk_level;
	uint64_t state, desc, ripas;
};

struct rt_entry rt_read(struct fix *f, uint64_t ipa, int level);

/* An NS source granule filled with `fill`. */
uint64_t rt_src(struct fix *f, uint8_t fill);
/* DATA_CREATE (tables created as needed); returns the data PA. */
uint64_t rt_data(struct fix *f, uint64_t ipa, uint64_t flags, uint8_t fill);
/* DATA_CREATE_UNKNOWN (tables created as needed); returns the data PA. */
uint64_t rt_data_unknown(struct fix *f, uint64_t ipa);
/* Bytes of a granule through the RMM view (for content checks). */
const uint8_t *rt_rmm_bytes(struct fix *f, uint64_t pa);

/*
 * 2.0-bet1 harness: granules delegated with GRANULE_RANGE_DELEGATE (the
 * fixture configured and activated the RMM), the realm made by REALM_CREATE.
 */
void rt_v2_realm(struct fix *f, unsigned int s2sz, int level, unsigned int num_start);
uint64_t rt_v2_delegated(struct fix *f);
/* A protected assigned entry at ipa (level 3) with `ripas`, by real RMI calls (realm NEW). */
uint64_t rt_v2_assign(struct fix *f, uint64_t ipa, unsigned int ripas);
/* RTT_DATA_MAP of `pages` contiguous delegated pages from `pa` at ipa (SINGLE); x0. */
uint64_t rt_v2_map(struct fix *f, uint64_t ipa, uint64_t pa, unsigned int pages);

/* Geometries for the table-driven tests: every valid start level / concatenation. */
struct rt_geometry {
	unsigned int s2sz;
	int level;
	unsigned int num_start;
};

extern const struct rt_geometry rt_geometries[];
extern const unsigned int rt_ngeometries;

/*
 * IPAs at the edges a walk must get right for the realm in `f`: 0, both
 * sides of the PAR edge, the last granule, and both sides of each
 * boundary between concatenated start tables.  Returns the count.
 */
unsigned int rt_edge_ipas(const struct rt_geometry *g, uint64_t *out, unsigned int max);

/*
 * A stage-2 walk written from the architecture (VMSAv8-64, 4 KiB granule,
 * concatenated start tables), independent of the RMM's own decoder:
 * returns the output PA for `ipa`, or -1 if the walk hits an invalid
 * descriptor.  *leaf_level gets the level of the leaf.
 */
int64_t rt_hw_walk(struct fix *f, const struct rt_geometry *g, uint64_t rtt_base, uint64_t ipa,
		   int *leaf_level);

/*
 * A host thread's kick: rmm_host_irq_raise() once the realm inside
 * REC_ENTER has run at least one slice, so the kick is neither before the
 * entry (another case) nor before the first instruction, however loaded
 * the machine.  Counts slices with the RMM's host IRQ poll function until
 * rec_kicker_join().
 */
struct rec_kicker {
	struct rmm *rmm;
	pthread_t thread;
	atomic_uint polls;
};
void rec_kicker_start(struct rec_kicker *k, struct rmm *rmm);
void rec_kicker_join(struct rec_kicker *k);

/* Replaces the (still empty) RMM of `f` with one whose FEATURES.S2SZ is `s2sz`. */
void rt_reopen_with_s2sz(struct fix *f, unsigned int s2sz);

#endif
