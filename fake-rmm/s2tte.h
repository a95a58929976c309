/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Stage-2 translation table entries as the fake RMM writes them into RTT
 * granules.  Valid entries are real VMSAv8-64 (4 KiB granule) stage-2
 * descriptors so the vCPU's MMU can walk them; invalid entries carry the
 * RMM's own state in bits the hardware ignores:
 *
 *   invalid (bit 0 = 0): [4:2] HIPAS, [6:5] RIPAS, [47:12] PA if assigned
 *   valid, protected:    block/page, Normal WB, S2AP RW, inner shareable, AF
 *   valid, unprotected:  host's MemAttr/S2AP + AF, software bit 55 = NS
 *   table:               [1:0] = 0b11 at levels < 3, next-level PA
 */
#ifndef FAKE_RMM_S2TTE_H
#define FAKE_RMM_S2TTE_H

#include <stdbool.h>
#include <stdint.h>

void call_note_change(void);	/* granule_lock.c */

/*
 * RTT entries are read by a running REC's stage-2 walks while commands on
 * other threads change them (docs/architecture.md, "Concurrency"): every
 * entry of a live table is stored and loaded whole, as the architecture's
 * single-copy atomic descriptor accesses are.
 */
static inline void s2tte_write(uint64_t *entry, uint64_t v)
{
	call_note_change();
	__atomic_store_n(entry, v, __ATOMIC_RELEASE);
}

static inline uint64_t s2tte_read(const uint64_t *entry)
{
	return __atomic_load_n(entry, __ATOMIC_ACQUIRE);
}

#define S2TT_PAGE_LEVEL 3
#define S2TT_ENTRIES 512
#define S2TTE_STRIDE 9

#define S2TTE_VALID (1ULL << 0)
#define S2TTE_TYPE_TABLE_OR_PAGE (1ULL << 1)
#define S2TTE_HIPAS_SHIFT 2
#define S2TTE_HIPAS_MASK (7ULL << S2TTE_HIPAS_SHIFT)
#define S2TTE_RIPAS_SHIFT 5
#define S2TTE_RIPAS_MASK (3ULL << S2TTE_RIPAS_SHIFT)
#define S2TTE_OA_MASK 0x0000FFFFFFFFF000ULL
/* Architectural attribute fields of block/page descriptors. */
#define S2TTE_MEMATTR_SHIFT 2
#define S2TTE_MEMATTR_MASK (0xFULL << S2TTE_MEMATTR_SHIFT)
#define S2TTE_S2AP_SHIFT 6
#define S2TTE_S2AP_MASK (3ULL << S2TTE_S2AP_SHIFT)
#define S2TTE_SH_INNER (3ULL << 8)
#define S2TTE_AF (1ULL << 10)
#define S2TTE_XN (2ULL << 53)
#define S2TTE_SW_NS (1ULL << 55)	/* software bit: unprotected mapping */
#define S2TTE_MEMATTR_NORMAL_WB (0xFULL << S2TTE_MEMATTR_SHIFT)
#define S2TTE_S2AP_RW (3ULL << S2TTE_S2AP_SHIFT)

enum hipas { HIPAS_UNASSIGNED = 0, HIPAS_ASSIGNED = 1, HIPAS_UNASSIGNED_NS = 2 };

/* What an entry means to the RMM. */
enum s2tte_kind {
	S2TTE_UNASSIGNED,	/* protected, no PA; ripas says EMPTY/RAM/DESTROYED */
	S2TTE_ASSIGNED,		/* protected, PA; valid iff ripas RAM */
	S2TTE_UNASSIGNED_NS,	/* unprotected, no mapping */
	S2TTE_ASSIGNED_NS,	/* unprotected, host mapping */
	S2TTE_TABLE,
	S2TTE_INVALID_ENCODING,
};

struct s2tte_info {
	enum s2tte_kind kind;
	unsigned int ripas;	/* RMI_RIPAS_*; EMPTY for NS kinds */
	uint64_t pa;		/* assigned kinds and tables */
};

/* Size of the IPA range one entry at `level` maps (level 0..3). */
static inline uint64_t s2tt_entry_size(int level)
{
	return 1ULL << (12 + 9 * (3 - level));
}

static inline unsigned int s2tt_index(uint64_t ipa, int level)
{
	return (unsigned int)((ipa >> (12 + 9 * (3 - level))) & (S2TT_ENTRIES - 1));
}

uint64_t s2tte_unassigned(unsigned int ripas);
uint64_t s2tte_unassigned_ns(void);
/* Protected assigned entry; valid (mapped) only when ripas is RAM. */
uint64_t s2tte_assigned(uint64_t pa, unsigned int ripas, int level);
/* Unprotected mapping from a host descriptor's MemAttr/S2AP and PA. */
uint64_t s2tte_assigned_ns(uint64_t host_desc, int level);
uint64_t s2tte_table(uint64_t child_pa);

struct s2tte_info s2tte_decode(uint64_t e, int level);
/* Host-visible attribute bits of an unprotected entry (MemAttr, S2AP, OA). */
uint64_t s2tte_ns_host_bits(uint64_t e, int level);

/*
 * RTT_MAP_UNPROTECTED's desc_valid: only the host-controlled fields may be
 * set (OA aligned to `level`, below 2^48; MemAttr[4:2]; S2AP[7:6]) and
 * MemAttr must not be the reserved FWB encoding 0b100 (TF-RMM s2tte.c).
 */
#define S2TTE_HOST_MEMATTR_MASK (7ULL << S2TTE_MEMATTR_SHIFT)
#define S2TTE_HOST_MEMATTR_RESERVED (4ULL << S2TTE_MEMATTR_SHIFT)
bool s2tte_host_desc_valid(uint64_t desc, int level);

/* "Live" entries have a PA: tables, assigned (any RIPAS) and assigned_ns. */
static inline bool s2tte_is_live(const struct s2tte_info *i)
{
	return i->kind == S2TTE_TABLE || i->kind == S2TTE_ASSIGNED ||
	       i->kind == S2TTE_ASSIGNED_NS;
}

/*
 * Entries that count in the RTT granule's refcount: tables and protected
 * assigned entries.  Unprotected mappings do not (as in TF-RMM), so an RTT
 * holding only assigned_ns entries can be destroyed.
 */
static inline bool s2tte_is_counted(const struct s2tte_info *i)
{
	return i->kind == S2TTE_TABLE || i->kind == S2TTE_ASSIGNED;
}

#endif
