// SPDX-License-Identifier: BSD-3-Clause
#include "test_realm.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "cca-double/guests.h"

#define GRANULE 4096ULL
#define DESC_TABLE 3ULL
#define DESC_PAGE  3ULL
#define DESC_AF    (1ULL << 10)
#define DESC_SH_IS (3ULL << 8)
#define DESC_MEMATTR_WB (0xfULL << 2)
#define OA_MASK 0x0000fffffffff000ULL

static void die(const char *what)
{
	(void)what;
	abort();
}

bool test_realm_init(struct test_realm *r, unsigned int ipa_bits, unsigned int start_level)
{
	unsigned int shift = 12 + 9 * (3 - start_level);
	unsigned int index_bits = ipa_bits - shift;

	memset(r, 0, sizeof(*r));
	r->arena = mmap(NULL, TEST_ARENA_SIZE, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (r->arena == MAP_FAILED)
		return false;
	r->pa_base = VCPU_DEFAULT_PA_BASE;
	r->size = TEST_ARENA_SIZE;
	r->ipa_bits = ipa_bits;
	r->start_level = start_level;
	r->num_start_tables = index_bits > 9 ? 1u << (index_bits - 9) : 1u;
	/* Concatenated starting tables must be aligned to their total size. */
	r->next_free = 16 * GRANULE;
	r->rtt_base = r->pa_base;
	r->next_free = r->num_start_tables * GRANULE > r->next_free ?
		       r->num_start_tables * GRANULE : r->next_free;
	return true;
}

void test_realm_fini(struct test_realm *r)
{
	if (r->arena)
		munmap(r->arena, r->size);
	r->arena = NULL;
}

uint64_t test_realm_alloc_granule(struct test_realm *r)
{
	uint64_t pa;

	if (r->next_free + GRANULE > r->size)
		die("arena full");
	pa = r->pa_base + r->next_free;
	r->next_free += GRANULE;
	memset(test_realm_pa_ptr(r, pa), 0, GRANULE);
	return pa;
}

void *test_realm_pa_ptr(struct test_realm *r, uint64_t pa)
{
	if (pa < r->pa_base || pa - r->pa_base >= r->size)
		die("PA outside the arena");
	return r->arena + (pa - r->pa_base);
}

/* Pointer to the level-3 descriptor of ipa, creating tables on the way. */
static uint64_t *l3_slot(struct test_realm *r, uint64_t ipa, bool create)
{
	unsigned int level = r->start_level;
	uint64_t table = r->rtt_base;
	unsigned int index_bits = r->ipa_bits - (12 + 9 * (3 - level));

	for (;;) {
		unsigned int shift = 12 + 9 * (3 - level);
		uint64_t idx = (ipa >> shift) & ((1ULL << index_bits) - 1);
		uint64_t *slot = (uint64_t *)test_realm_pa_ptr(r, table + idx * 8);

		if (level == 3)
			return slot;
		if (!(*slot & 1)) {
			if (!create)
				return NULL;
			*slot = test_realm_alloc_granule(r) | DESC_TABLE;
		}
		table = *slot & OA_MASK;
		level++;
		index_bits = 9;
	}
}

void test_realm_map(struct test_realm *r, uint64_t ipa, uint64_t pa, uint64_t perm)
{
	*l3_slot(r, ipa, true) = (pa & OA_MASK) | DESC_AF | DESC_SH_IS | perm |
				 DESC_MEMATTR_WB | DESC_PAGE;
}

void test_realm_unmap(struct test_realm *r, uint64_t ipa)
{
	uint64_t *slot = l3_slot(r, ipa, false);

	if (slot)
		*slot = 0;      /* an RMM would keep RIPAS/HIPAS bits here */
}

uint64_t test_realm_load(struct test_realm *r, const char *guest, uint64_t ipa)
{
	const struct guest_program *g = guest_program_find(guest);
	uint64_t first = 0;

	if (!g)
		die("unknown guest");
	for (uint64_t off = 0; off < g->size; off += GRANULE) {
		uint64_t pa = test_realm_alloc_granule(r);
		uint64_t n = g->size - off < GRANULE ? g->size - off : GRANULE;

		memcpy(test_realm_pa_ptr(r, pa), g->bytes + off, n);
		test_realm_map(r, ipa + off, pa, S2_RW);
		if (off == 0)
			first = pa;
	}
	return first;
}

struct vcpu_config test_realm_vcpu_config(struct test_realm *r, uint64_t pc,
					  uint64_t x0, uint64_t x1, uint64_t x2,
					  uint64_t x3)
{
	return (struct vcpu_config){
		.arena = r->arena, .pa_base = r->pa_base, .arena_size = r->size,
		.ipa_bits = r->ipa_bits, .start_level = r->start_level,
		.num_start_tables = r->num_start_tables, .rtt_base = r->rtt_base,
		.vmid = 1, .mpidr = 0x80000000, .pc = pc,
		.x = { x0, x1, x2, x3 }, .budget = 1000000,
		.pmu_counters = VCPU_PMU_COUNTERS,
	};
}
