/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Unit-test helper: an arena, a bump granule allocator, hand-built stage-2
 * tables (4 KiB granule, real descriptors) and guest-program loading, so the
 * engine can be tested without the fake RMM.
 */
#ifndef CCA_VCPU_TEST_REALM_H
#define CCA_VCPU_TEST_REALM_H

#include <stdbool.h>
#include <stdint.h>

#include "cca-double/vcpu.h"

#define TEST_ARENA_SIZE (16ULL << 20)

struct test_realm {
	uint8_t *arena;
	uint64_t pa_base, size, next_free;
	unsigned int ipa_bits, start_level, num_start_tables;
	uint64_t rtt_base;
};

/* Arena + zeroed starting table(s); false if the geometry is invalid. */
bool test_realm_init(struct test_realm *r, unsigned int ipa_bits,
		     unsigned int start_level);
void test_realm_fini(struct test_realm *r);

uint64_t test_realm_alloc_granule(struct test_realm *r);
void *test_realm_pa_ptr(struct test_realm *r, uint64_t pa);

#define S2_RW   (3ULL << 6)
#define S2_RO   (1ULL << 6)
/* Map one 4 KiB page IPA -> PA with S2AP perm (normal WB memory). */
void test_realm_map(struct test_realm *r, uint64_t ipa, uint64_t pa, uint64_t perm);
/* Clear the level-3 descriptor of ipa (valid -> invalid). */
void test_realm_unmap(struct test_realm *r, uint64_t ipa);

/* Copy a guest program into fresh granules mapped RW at ipa; returns the PA
 * of its first page. */
uint64_t test_realm_load(struct test_realm *r, const char *guest, uint64_t ipa);

/* A vcpu_config for this realm starting at pc with x0..x3. */
struct vcpu_config test_realm_vcpu_config(struct test_realm *r, uint64_t pc,
					  uint64_t x0, uint64_t x1, uint64_t x2,
					  uint64_t x3);

#endif
