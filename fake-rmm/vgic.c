// SPDX-License-Identifier: BSD-3-Clause
/*
 * The realm's GICv3 virtual CPU interface in RMM 1.0: the host passes
 * ICH_HCR_EL2 and the list registers in rec_enter, the RMM checks them and
 * gets them back in rec_exit.  On hardware the realm's ICC_* accesses hit
 * the ICV_* registers without trapping; Unicorn has no GIC, so the engine
 * stops on every ICC_* access and this file plays the virtual interface:
 *   IAR1 acknowledges the highest-priority pending LR (-> active),
 *   EOIR1 (EOImode 0) or DIR (EOImode 1) deactivates the matching active
 *   LR; with none, ICH_HCR_EL2.EOIcount counts it, HPPIR1 peeks,
 *   PMR/BPR1/CTLR/IGRPEN1 are kept and reported as ICH_VMCR_EL2,
 *   group 0, AP*R and RPR are RAZ/WI,
 *   SGI generation (SGI0R/SGI1R/ASGI1R) goes to the host as a SYNC exit.
 * The maintenance interrupt state (ICH_MISR_EL2) follows the list registers
 * and ICH_HCR_EL2 as the GICv3 architecture defines it; while any is
 * asserted the REC exits with IRQ, as the physical maintenance interrupt
 * makes a real REC exit.
 * Simplification (no test relies on it): the running priority and PMR do
 * not mask delivery.
 */
#include <string.h>

#include "rec.h"

#define ICH_HCR_UIE (1ULL << 1)
#define ICH_HCR_LRENPIE (1ULL << 2)
#define ICH_HCR_NPIE (1ULL << 3)
#define ICH_HCR_VGRP0EIE (1ULL << 4)
#define ICH_HCR_VGRP0DIE (1ULL << 5)
#define ICH_HCR_VGRP1EIE (1ULL << 6)
#define ICH_HCR_VGRP1DIE (1ULL << 7)
#define ICH_HCR_TDIR (1ULL << 14)
/* ICH_HCR_EL2 bits the host may set in rec_enter (TF-RMM ICH_HCR_EL2_NS_MASK). */
#define ICH_HCR_NS_MASK (ICH_HCR_UIE | ICH_HCR_LRENPIE | ICH_HCR_NPIE | ICH_HCR_VGRP0EIE | \
			 ICH_HCR_VGRP0DIE | ICH_HCR_VGRP1EIE | ICH_HCR_VGRP1DIE | ICH_HCR_TDIR)
#define ICH_HCR_EOICOUNT_SHIFT 27
#define ICH_HCR_EOICOUNT_MASK (0x1fULL << ICH_HCR_EOICOUNT_SHIFT)

/* ICH_MISR_EL2 (GICv3 architecture). */
#define ICH_MISR_EOI (1ULL << 0)
#define ICH_MISR_U (1ULL << 1)
#define ICH_MISR_LRENP (1ULL << 2)
#define ICH_MISR_NP (1ULL << 3)
#define ICH_MISR_VGRP0E (1ULL << 4)
#define ICH_MISR_VGRP0D (1ULL << 5)
#define ICH_MISR_VGRP1E (1ULL << 6)
#define ICH_MISR_VGRP1D (1ULL << 7)

#define LR_VINTID_MASK 0xffffffffULL
#define LR_PINTID_MASK (0x1fffULL << 32)
#define LR_EOI (1ULL << 41)
#define LR_PRIORITY_SHIFT 48
#define LR_HW (1ULL << 61)
#define LR_STATE_SHIFT 62
#define LR_PENDING (1ULL << 62)
#define LR_ACTIVE (1ULL << 63)
#define LR_STATE_MASK (LR_PENDING | LR_ACTIVE)

/* The low 8 - pri_bits bits of a priority are RES0 (the platform's priority bits, default 5). */
static unsigned int pri_res0_mask(const struct vgic *g)
{
	return (1u << (8 - g->pri_bits)) - 1;
}
#define MAX_SPI_ID 1019u
#define MIN_LPI_ID 8192u
#define MAX_VINTID 0xffffu		/* 16 ID bits */
#define MIN_SPECIAL_ID 1020u		/* 1020..1023: special INTIDs */
#define INTID_SPURIOUS 1023u
#define ICC_CTLR_EOIMODE (1ULL << 1)
#define ICC_INTID_MASK 0xffffffULL		/* ICC_EOIR1/DIR INTID [23:0] */

#define ICC_SRE_VALUE 0x7ULL		/* SRE, DFB, DIB: system registers only */

static unsigned int lr_state(uint64_t lr)
{
	return (unsigned int)(lr >> LR_STATE_SHIFT);
}

static uint32_t lr_intid(uint64_t lr)
{
	return (uint32_t)(lr & LR_VINTID_MASK);
}

static bool vintid_valid(uint64_t intid)
{
	return intid <= MAX_SPI_ID || (intid >= MIN_LPI_ID && intid <= MAX_VINTID);
}

/*
 * ICH_VTR_EL2 of the emulated interface (Arm GICv3 architecture): ListRegs
 * [4:0] = LRs - 1, IDbits [25:23] = 0 (16 ID bits), PRIbits [31:29] =
 * priority bits - 1 and PREbits [28:26] = preemption bits - 1, at most 7
 * preemption bits (5..7).  RSI 1.1 REALM_CONFIG hands it to the realm
 * (TF-RMM reads the hardware's).
 */
#define ICH_VTR_LISTREGS_SHIFT 0
#define ICH_VTR_PREBITS_SHIFT 26
#define ICH_VTR_PRIBITS_SHIFT 29
#define MAX_PRE_BITS 7u
#define ICC_CTLR_PRIBITS_SHIFT 8

uint64_t vgic_ich_vtr(const struct vgic *g)
{
	unsigned int pre = g->pri_bits < MAX_PRE_BITS ? g->pri_bits : MAX_PRE_BITS;

	return ((uint64_t)(g->nr_lrs - 1) << ICH_VTR_LISTREGS_SHIFT) |
	       ((uint64_t)(pre - 1) << ICH_VTR_PREBITS_SHIFT) |
	       ((uint64_t)(g->pri_bits - 1) << ICH_VTR_PRIBITS_SHIFT);
}

void vgic_init(struct vgic *g, unsigned int nr_lrs, unsigned int pri_bits)
{
	memset(g, 0, sizeof(*g));
	g->nr_lrs = nr_lrs > VGIC_MAX_LRS ? VGIC_MAX_LRS : nr_lrs;
	g->pri_bits = pri_bits;
}

bool vgic_entry_valid(const struct vgic *g, uint64_t hcr, const uint64_t *lrs)
{
	if (hcr & ~ICH_HCR_NS_MASK)
		return false;
	for (unsigned int i = 0; i < g->nr_lrs; i++) {
		uint64_t lr = lrs[i];

		if (!lr_state(lr))
			continue;
		/* The RMM spec requires HW == 0; only EOI may be set in pINTID. */
		if ((lr & LR_HW) || ((lr >> LR_PRIORITY_SHIFT) & 0xff & pri_res0_mask(g)) ||
		    (lr & LR_PINTID_MASK & ~LR_EOI) || !vintid_valid(lr_intid(lr)))
			return false;
		/* Two valid LRs with one vINTID are UNPREDICTABLE: refused. */
		for (unsigned int j = i + 1; j < g->nr_lrs; j++)
			if (lr_state(lrs[j]) && lr_intid(lrs[j]) == lr_intid(lr))
				return false;
	}
	return true;
}

void vgic_load(struct vgic *g, uint64_t hcr, const uint64_t *lrs)
{
	g->hcr = hcr;
	memset(g->lrs, 0, sizeof(g->lrs));
	memcpy(g->lrs, lrs, g->nr_lrs * sizeof(*lrs));
}

void vgic_save(const struct vgic *g, uint64_t *hcr, uint64_t *lrs, uint64_t *misr,
	       uint64_t *vmcr)
{
	*hcr = g->hcr & (ICH_HCR_EOICOUNT_MASK | ICH_HCR_NS_MASK);
	memcpy(lrs, g->lrs, g->nr_lrs * sizeof(*lrs));
	*misr = vgic_misr(g);
	/* ICH_VMCR_EL2: VPMR [31:24], VBPR1 [20:18], VEOIM [9], VENG1 [1]. */
	*vmcr = ((g->pmr & 0xff) << 24) | ((g->bpr1 & 7) << 18) | (((g->ctlr >> 1) & 1) << 9) |
		((g->igrpen1 & 1) << 1);
}

/*
 * ICH_MISR_EL2 (GICv3 architecture; ICH_HCR_EL2.En is the RMM's and always
 * set for a realm): EOI while an invalid LR with HW 0 has its EOI bit set,
 * U while UIE and at most one LR is valid, LRENP while LRENPIE and
 * EOIcount is not 0, NP while NPIE and no LR is pending, the group
 * enable/disable ones from ICH_VMCR_EL2.VENG0/VENG1 (group 0 is not
 * implemented for realms: VENG0 reads 0).
 */
uint64_t vgic_misr(const struct vgic *g)
{
	unsigned int valid = 0;
	bool pending = false, eoi = false, veng0 = false, veng1 = g->igrpen1 & 1;
	uint64_t misr = 0;

	for (unsigned int i = 0; i < g->nr_lrs; i++) {
		uint64_t lr = g->lrs[i];
		unsigned int state = lr_state(lr);

		if (state)
			valid++;
		if (state == LR_PENDING >> LR_STATE_SHIFT)
			pending = true;
		if (!state && (lr & LR_EOI) && !(lr & LR_HW))
			eoi = true;
	}
	if (eoi)
		misr |= ICH_MISR_EOI;
	if ((g->hcr & ICH_HCR_UIE) && valid <= 1)
		misr |= ICH_MISR_U;
	if ((g->hcr & ICH_HCR_LRENPIE) && (g->hcr & ICH_HCR_EOICOUNT_MASK))
		misr |= ICH_MISR_LRENP;
	if ((g->hcr & ICH_HCR_NPIE) && !pending)
		misr |= ICH_MISR_NP;
	if ((g->hcr & ICH_HCR_VGRP0EIE) && veng0)
		misr |= ICH_MISR_VGRP0E;
	if ((g->hcr & ICH_HCR_VGRP0DIE) && !veng0)
		misr |= ICH_MISR_VGRP0D;
	if ((g->hcr & ICH_HCR_VGRP1EIE) && veng1)
		misr |= ICH_MISR_VGRP1E;
	if ((g->hcr & ICH_HCR_VGRP1DIE) && !veng1)
		misr |= ICH_MISR_VGRP1D;
	return misr;
}

bool vgic_irq_pending(const struct vgic *g)
{
	for (unsigned int i = 0; i < g->nr_lrs; i++)
		if (g->lrs[i] & LR_PENDING)
			return true;
	return false;
}

/* The pending LR with the lowest priority value (the highest priority), or -1. */
static int highest_pending(const struct vgic *g)
{
	int best = -1;

	for (unsigned int i = 0; i < g->nr_lrs; i++) {
		if (!(g->lrs[i] & LR_PENDING))
			continue;
		if (best < 0 || ((g->lrs[i] >> LR_PRIORITY_SHIFT) & 0xff) <
				((g->lrs[best] >> LR_PRIORITY_SHIFT) & 0xff))
			best = (int)i;
	}
	return best;
}

static uint64_t acknowledge(struct vgic *g)
{
	int i = highest_pending(g);

	if (i < 0)
		return INTID_SPURIOUS;
	g->lrs[i] = (g->lrs[i] & ~LR_STATE_MASK) | LR_ACTIVE;
	return lr_intid(g->lrs[i]);
}

/*
 * Deactivation of `intid`: its active LR goes (pending stays); an INTID in
 * no LR - the host moved it out - counts in ICH_HCR_EL2.EOIcount (5 bits,
 * wrapping), which LRENP then reports.
 */
static void deactivate(struct vgic *g, uint64_t intid)
{
	uint64_t count;

	intid &= ICC_INTID_MASK;
	if (intid >= MIN_SPECIAL_ID && intid <= INTID_SPURIOUS)
		return;		/* special INTIDs: no effect */
	for (unsigned int i = 0; i < g->nr_lrs; i++)
		if ((g->lrs[i] & LR_ACTIVE) && lr_intid(g->lrs[i]) == (uint32_t)intid) {
			g->lrs[i] &= ~LR_ACTIVE;
			return;
		}
	count = ((g->hcr & ICH_HCR_EOICOUNT_MASK) >> ICH_HCR_EOICOUNT_SHIFT) + 1;
	g->hcr = (g->hcr & ~ICH_HCR_EOICOUNT_MASK) |
		 ((count << ICH_HCR_EOICOUNT_SHIFT) & ICH_HCR_EOICOUNT_MASK);
}

/* EOIR1: priority drop, and deactivation too unless EOImode splits it off to DIR. */
static void end_of_interrupt(struct vgic *g, uint64_t intid)
{
	if (!(g->ctlr & ICC_CTLR_EOIMODE))
		deactivate(g, intid);
}

/* ICC_* encodings: op0 3, op1 0, CRn 12 (and PMR at CRn 4). */
enum icc_reg {
	ICC_PMR, ICC_IAR0, ICC_EOIR0, ICC_HPPIR0, ICC_BPR0, ICC_AP, ICC_DIR, ICC_RPR,
	ICC_SGI, ICC_IAR1, ICC_EOIR1, ICC_HPPIR1, ICC_BPR1, ICC_CTLR, ICC_SRE, ICC_IGRPEN0,
	ICC_IGRPEN1, ICC_OTHER,
};

static enum icc_reg icc_decode(const struct vcpu_exit *x)
{
	unsigned int crm = x->sysreg.crm, op2 = x->sysreg.op2;

	if (x->sysreg.crn == 4)
		return ICC_PMR;
	if (crm == 8) {
		static const enum icc_reg r8[] = { ICC_IAR0, ICC_EOIR0, ICC_HPPIR0, ICC_BPR0,
						   ICC_AP, ICC_AP, ICC_AP, ICC_AP };
		return r8[op2 & 7];
	}
	if (crm == 9)
		return ICC_AP;
	if (crm == 11) {
		static const enum icc_reg r11[] = { ICC_OTHER, ICC_DIR, ICC_OTHER, ICC_RPR,
						    ICC_OTHER, ICC_SGI, ICC_SGI, ICC_SGI };
		return r11[op2 & 7];
	}
	if (crm == 12) {
		static const enum icc_reg r12[] = { ICC_IAR1, ICC_EOIR1, ICC_HPPIR1, ICC_BPR1,
						    ICC_CTLR, ICC_SRE, ICC_IGRPEN0, ICC_IGRPEN1 };
		return r12[op2 & 7];
	}
	return ICC_OTHER;
}

bool vgic_sysreg(struct vgic *g, const struct vcpu_exit *x, uint64_t *value)
{
	bool rd = x->sysreg.read;
	uint64_t v = x->sysreg.value;
	int hp;

	*value = 0;
	switch (icc_decode(x)) {
	case ICC_SGI:
		return false;	/* an SGI to another vCPU: the host's business */
	case ICC_IAR1:
		if (rd)
			*value = acknowledge(g);
		break;
	case ICC_EOIR1:
		if (!rd)
			end_of_interrupt(g, v);
		break;
	case ICC_DIR:
		if (!rd && (g->ctlr & ICC_CTLR_EOIMODE))
			deactivate(g, v);
		break;
	case ICC_HPPIR1:
		hp = highest_pending(g);
		*value = hp < 0 ? INTID_SPURIOUS : lr_intid(g->lrs[hp]);
		break;
	case ICC_IAR0:
	case ICC_HPPIR0:
		*value = INTID_SPURIOUS;	/* no group 0 interrupts for realms */
		break;
	case ICC_PMR:
		if (rd)
			*value = g->pmr;
		else
			g->pmr = v & 0xff & ~pri_res0_mask(g);
		break;
	case ICC_BPR1:
		if (rd)
			*value = g->bpr1;
		else
			g->bpr1 = v & 7;
		break;
	case ICC_CTLR:
		if (rd)
			*value = g->ctlr | ((uint64_t)(g->pri_bits - 1) << ICC_CTLR_PRIBITS_SHIFT);
		else
			g->ctlr = v & 2;		/* EOImode */
		break;
	case ICC_IGRPEN1:
		if (rd)
			*value = g->igrpen1;
		else
			g->igrpen1 = v & 1;
		break;
	case ICC_SRE:
		*value = ICC_SRE_VALUE;
		break;
	case ICC_RPR:
		*value = 0xff;			/* idle priority */
		break;
	default:
		break;				/* RAZ/WI */
	}
	return true;
}
