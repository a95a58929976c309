// SPDX-License-Identifier: BSD-3-Clause
/*
 * Data-abort syndrome from the faulting instruction.
 *
 * Unicorn does not expose the syndrome QEMU computed (spike §4.4) and HPFAR
 * holds only the page (spike §1.3), so the engine decodes the load/store to
 * get ISV/SAS/SSE/SRT/SF/AR, the direction and the VA (for the page offset
 * and FAR).  ISV is 1 exactly for single general-purpose-register transfers
 * without writeback, as on hardware; pairs, writeback, SIMD, exclusives and
 * atomics give ISV=0 (the VA is still computed where it is simple).
 */
#include "vcpu_internal.h"

static int64_t sign_extend(uint64_t v, unsigned int bits)
{
	uint64_t m = 1ULL << (bits - 1);

	v &= (bits == 64) ? ~0ULL : (1ULL << bits) - 1;
	return (int64_t)((v ^ m) - m);
}

static uint64_t extend_offset(uint64_t rm, unsigned int option)
{
	switch (option) {
	case 2: return (uint32_t)rm;                            /* UXTW */
	case 6: return (uint64_t)(int64_t)(int32_t)rm;           /* SXTW */
	default: return rm;                                     /* LSL/UXTX, SXTX */
	}
}

/* Single register, general purpose or SIMD: imm12, imm9 and register forms. */
static bool decode_single(struct vcpu *v, uint32_t insn, struct ldst_info *d)
{
	unsigned int size = insn >> 30, opc = (insn >> 22) & 3;
	unsigned int rn = (insn >> 5) & 31, rt = insn & 31;
	bool simd = (insn >> 26) & 1;
	uint64_t base = xreg_read(v, rn, true);
	bool writeback = false;

	if (((insn >> 24) & 3) == 1) {                          /* unsigned imm12 */
		unsigned int scale = simd ? (size | ((opc & 2) << 1)) : size;

		d->va = base + ((uint64_t)((insn >> 10) & 0xfff) << scale);
	} else if ((insn >> 21) & 1) {                          /* register offset */
		unsigned int option = (insn >> 13) & 7, s = (insn >> 12) & 1;
		unsigned int scale = simd ? (size | ((opc & 2) << 1)) : size;
		uint64_t off = extend_offset(xreg_read(v, (insn >> 16) & 31, false), option);

		if ((option & 2) == 0 || ((insn >> 10) & 3) != 2)
			return false;
		d->va = base + (s ? off << scale : off);
	} else {                                                /* imm9 forms */
		unsigned int idx = (insn >> 10) & 3;
		int64_t imm9 = sign_extend(insn >> 12, 9);

		writeback = idx == 1 || idx == 3;
		d->va = (idx == 1) ? base : base + (uint64_t)imm9;   /* post-index */
	}
	d->va_valid = true;

	if (simd) {
		d->write = (opc & 1) == 0;
		return true;                                    /* ISV = 0 */
	}
	if ((size == 3 && opc >= 2) || (size == 2 && opc == 3))
		return false;                                   /* PRFM, unallocated */
	d->write = opc == 0;
	d->sas = (uint8_t)size;
	d->srt = (uint8_t)rt;
	d->sse = opc >= 2;
	d->sf = opc == 2 || (opc < 2 && size == 3);
	d->isv = !writeback;
	return true;
}

/* LDP/STP/LDNP/STNP/LDPSW: never ISV=1. */
static bool decode_pair(struct vcpu *v, uint32_t insn, struct ldst_info *d)
{
	unsigned int opc = insn >> 30, mode = (insn >> 23) & 3;
	bool simd = (insn >> 26) & 1;
	unsigned int scale = simd ? 2 + opc : 2 + (opc >> 1);
	int64_t imm7 = sign_extend(insn >> 15, 7);
	uint64_t base = xreg_read(v, (insn >> 5) & 31, true);

	d->write = ((insn >> 22) & 1) == 0;
	d->va = (mode == 1) ? base : base + (uint64_t)(imm7 * (1LL << scale));
	d->va_valid = true;
	return true;
}

/* Exclusives and ordered accesses: only LDAR and STLR (all sizes) have ISV=1. */
static bool decode_ordered(struct vcpu *v, uint32_t insn, struct ldst_info *d)
{
	unsigned int size = insn >> 30, rt = insn & 31;
	bool o2 = (insn >> 23) & 1, l = (insn >> 22) & 1, o1 = (insn >> 21) & 1;
	bool o0 = (insn >> 15) & 1;

	d->va = xreg_read(v, (insn >> 5) & 31, true);
	d->va_valid = true;
	d->write = !l;
	if (o2 && !o1 && o0) {
		d->isv = true;
		d->ar = true;
		d->sas = (uint8_t)size;
		d->srt = (uint8_t)rt;
		d->sf = size == 3;
	}
	return true;
}

bool decode_ldst(struct vcpu *v, uint32_t insn, struct ldst_info *d)
{
	*d = (struct ldst_info){ 0 };

	if ((insn & 0x3f000000) == 0x08000000)
		return decode_ordered(v, insn, d);
	if ((insn & 0x3a000000) == 0x28000000)
		return decode_pair(v, insn, d);
	if ((insn & 0x3b000000) == 0x39000000 ||               /* imm12 */
	    (insn & 0x3b200000) == 0x38000000 ||               /* imm9 */
	    (insn & 0x3b200c00) == 0x38200800)                 /* register */
		return decode_single(v, insn, d);
	if ((insn & 0x3b200c00) == 0x38200000) {               /* atomics */
		d->va = xreg_read(v, (insn >> 5) & 31, true);
		d->va_valid = true;
		d->write = true;
		return true;
	}
	return false;
}

uint64_t dabt_iss(const struct ldst_info *d, uint8_t fsc)
{
	uint64_t iss = fsc | ((uint64_t)d->write << 6);

	if (d->isv)
		iss |= (1ULL << 24) | ((uint64_t)d->sas << 22) |
		       ((uint64_t)d->sse << 21) | ((uint64_t)d->srt << 16) |
		       ((uint64_t)d->sf << 15) | ((uint64_t)d->ar << 14);
	return iss;
}
