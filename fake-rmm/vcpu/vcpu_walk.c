// SPDX-License-Identifier: BSD-3-Clause
/*
 * Host-side translation walks over the realm's tables.
 *
 * Unicorn walks the tables itself while the realm runs, but it never tells
 * the host what it found (no syndrome API, spike §4.4), and uc_mem_read on an
 * IPA reads the cover, not realm memory (spike §1.4).  So the engine walks
 * the same VMSAv8-64 4 KiB-granule tables itself to read the instruction at
 * a trapping PC and to name the fault status code of a stage-2 abort.
 */
#include <string.h>

#include "vcpu_internal.h"

#define DESC_VALID      (1ULL << 0)
#define DESC_TABLE      (1ULL << 1)
#define DESC_AF         (1ULL << 10)
#define DESC_OA_MASK    0x0000fffffffff000ULL
#define S2AP_READ       (1ULL << 6)
#define S2AP_WRITE      (1ULL << 7)
#define S2_XN           (1ULL << 54)
#define S1_AP_RDONLY    (1ULL << 7)
#define S1_PXN          (1ULL << 53)

#define FSC_ADDR_SIZE(l)  (0x00 | (l))
#define FSC_TRANSLATION(l) (0x04 | (l))
#define FSC_ACCESS_FLAG(l) (0x08 | (l))
#define FSC_PERMISSION(l) (0x0c | (l))

void *arena_ptr(struct vcpu *v, uint64_t pa, uint64_t len)
{
	if (pa < v->pa_base || len > v->arena_size ||
	    pa - v->pa_base > v->arena_size - len)
		return NULL;
	return v->arena + (pa - v->pa_base);
}

static bool read_desc(struct vcpu *v, uint64_t pa, uint64_t *desc)
{
	void *p = arena_ptr(v, pa, sizeof(*desc));

	if (!p)
		return false;
	/*
	 * The RMM rewrites descriptors, from other threads while the REC runs:
	 * read each once, whole (a single-copy atomic 64-bit load).
	 */
	*desc = __atomic_load_n((const uint64_t *)p, __ATOMIC_ACQUIRE);
	return true;
}

static unsigned int level_shift(unsigned int level)
{
	return 12 + 9 * (3 - level);
}

static struct walk_result fault(bool stage1, uint8_t fsc)
{
	return (struct walk_result){ .ok = false, .stage1_fault = stage1, .fsc = fsc };
}

struct walk_result walk_stage2(struct vcpu *v, uint64_t ipa, bool write, bool fetch)
{
	unsigned int level = v->start_level;
	uint64_t table = v->rtt_base;
	unsigned int index_bits = v->ipa_bits - level_shift(level);
	uint64_t desc = 0;

	if (v->ipa_bits < 64 && (ipa >> v->ipa_bits) != 0)
		return fault(false, FSC_ADDR_SIZE(level));

	for (;;) {
		unsigned int shift = level_shift(level);
		uint64_t idx = (ipa >> shift) & ((1ULL << index_bits) - 1);

		if (!read_desc(v, table + idx * 8, &desc))
			return fault(false, FSC_TRANSLATION(level));
		if (!(desc & DESC_VALID))
			return fault(false, FSC_TRANSLATION(level));
		if (level < 3 && (desc & DESC_TABLE)) {
			table = desc & DESC_OA_MASK;
			level++;
			index_bits = 9;
			continue;
		}
		/* Blocks exist at levels 1-2 only; 0b01 at level 3 is reserved. */
		if (level == 0 || (level == 3 && !(desc & DESC_TABLE)))
			return fault(false, FSC_TRANSLATION(level));
		if (!(desc & DESC_AF))
			return fault(false, FSC_ACCESS_FLAG(level));
		if ((write && !(desc & S2AP_WRITE)) || (!write && !(desc & S2AP_READ)) ||
		    (fetch && (desc & S2_XN)))
			return fault(false, FSC_PERMISSION(level));

		uint64_t block_mask = (1ULL << shift) - 1;
		uint64_t pa = (desc & DESC_OA_MASK & ~block_mask) | (ipa & block_mask);
		void *host = arena_ptr(v, pa, 1);

		if (!host)      /* RMM bug: output outside the arena */
			return fault(false, FSC_ADDR_SIZE(level));
		return (struct walk_result){ .ok = true, .ipa = ipa, .host = host };
	}
}

/*
 * TCR_EL1.IPS as a number of bits, capped at PAMax: the stage-1 output
 * size.  QEMU 5.0's own walk does not check it, so an output address
 * beyond it reaches stage 2; this walk names the fault it should have been.
 */
static unsigned int s1_output_bits(uint64_t tcr)
{
	static const unsigned int bits[] = { 32, 36, 40, 42, 44, 48, 52 };
	unsigned int ips = (tcr >> 32) & 7;
	unsigned int n = ips < sizeof(bits) / sizeof(bits[0]) ? bits[ips] : VCPU_PA_BITS;

	return n < VCPU_PA_BITS ? n : VCPU_PA_BITS;
}

static bool beyond(uint64_t addr, unsigned int bits)
{
	return (addr & DESC_OA_MASK) >> bits != 0;
}

/* Stage 1 with the 4 KiB granule (the only one the engine supports). */
static struct walk_result walk_stage1(struct vcpu *v, uint64_t va, bool write,
				      bool fetch, uint64_t *ipa)
{
	uint64_t tcr = sysreg_read(v, SYS_TCR_EL1);
	bool upper = (va >> 55) & 1;
	unsigned int tsz = upper ? (tcr >> 16) & 0x3f : tcr & 0x3f;
	unsigned int tg = upper ? (tcr >> 30) & 3 : (tcr >> 14) & 3;
	bool epd = upper ? (tcr >> 23) & 1 : (tcr >> 7) & 1;
	bool tbi = upper ? (tcr >> 38) & 1 : (tcr >> 37) & 1;
	uint64_t ttbr = sysreg_read(v, upper ? SYS_TTBR1_EL1 : SYS_TTBR0_EL1);
	unsigned int inputsize = 64 - tsz;
	uint64_t addr = tbi ? (uint64_t)((int64_t)(va << 8) >> 8) : va;
	uint64_t top = inputsize >= 64 ? 0 : addr >> inputsize;

	if (tg != (upper ? 2u : 0u) || inputsize < 16 || inputsize > 48)
		return fault(true, FSC_TRANSLATION(0));       /* unsupported setup */
	if (epd || top != (upper ? (~0ULL >> inputsize) : 0))
		return fault(true, FSC_TRANSLATION(0));

	unsigned int level = 4 - (inputsize - 12 + 8) / 9;
	unsigned int index_bits = inputsize - level_shift(level);
	unsigned int oa_bits = s1_output_bits(tcr);
	uint64_t table = ttbr & DESC_OA_MASK;

	/* A table base beyond the output size: address size fault at the start level. */
	if (beyond(table, oa_bits))
		return fault(true, FSC_ADDR_SIZE(level));

	for (;;) {
		unsigned int shift = level_shift(level);
		uint64_t idx = (addr >> shift) & ((1ULL << index_bits) - 1);
		struct walk_result s2 = walk_stage2(v, table + idx * 8, false, false);
		uint64_t desc;

		if (!s2.ok)
			return s2;      /* stage-2 fault on the stage-1 walk */
		memcpy(&desc, s2.host, sizeof(desc));
		if (!(desc & DESC_VALID))
			return fault(true, FSC_TRANSLATION(level));
		if (level < 3 && (desc & DESC_TABLE)) {
			table = desc & DESC_OA_MASK;
			if (beyond(table, oa_bits))
				return fault(true, FSC_ADDR_SIZE(level));
			level++;
			index_bits = 9;
			continue;
		}
		if (level == 0 || (level == 3 && !(desc & DESC_TABLE)))
			return fault(true, FSC_TRANSLATION(level));
		if (beyond(desc, oa_bits))
			return fault(true, FSC_ADDR_SIZE(level));
		if (!(desc & DESC_AF))
			return fault(true, FSC_ACCESS_FLAG(level));
		if ((write && (desc & S1_AP_RDONLY)) || (fetch && (desc & S1_PXN)))
			return fault(true, FSC_PERMISSION(level));

		uint64_t block_mask = (1ULL << shift) - 1;

		*ipa = (desc & DESC_OA_MASK & ~block_mask) | (addr & block_mask);
		return (struct walk_result){ .ok = true };
	}
}

struct walk_result walk_va(struct vcpu *v, uint64_t va, bool write, bool fetch)
{
	uint64_t ipa = va;

	if (sysreg_read(v, SYS_SCTLR_EL1) & SCTLR_M) {
		struct walk_result s1 = walk_stage1(v, va, write, fetch, &ipa);

		if (!s1.ok)
			return s1;
	}
	return walk_stage2(v, ipa, write, fetch);
}

bool fetch_insn(struct vcpu *v, uint64_t va, uint32_t *insn)
{
	struct walk_result w;

	if (va & 3)
		return false;
	w = walk_va(v, va, false, true);
	if (!w.ok)
		return false;
	memcpy(insn, w.host, sizeof(*insn));   /* A64 code is little-endian */
	return true;
}

void *vcpu_translate(struct vcpu *v, uint64_t va, uint64_t *ipa_out)
{
	struct walk_result w = walk_va(v, va, false, false);

	if (!w.ok)
		return NULL;
	if (ipa_out)
		*ipa_out = w.ipa;
	return w.host;
}
