// SPDX-License-Identifier: BSD-3-Clause
/*
 * Per-vCPU model of the PMUv3 a realm sees (Arm ARM D11 "The Performance
 * Monitors Extension").
 *
 * Unicorn 2.0.1's own PMU does not work for a realm: an enabled event
 * counter loses what is written to it and never counts, and the cycle
 * counter stays 0 (probed with the engine), so the MRS/MSR hook routes
 * every PMU register here, as it does the timers.
 *
 * What is modelled: PMCR_EL0 (E, P, C, LC; N = the realm's counters), the
 * enable, interrupt-enable and overflow bitmaps, PMSELR and the PMXEV*
 * aliases, the event counters (32 bits) with PMEVTYPER, the cycle counter
 * with PMCCFILTR, PMSWINC.  Events counted: SW_INCR (0x00) on PMSWINC
 * writes and CPU_CYCLES (0x11), as is the cycle counter, from the generic
 * counter at 16 cycles per tick (a 1 GHz core beside the 62.5 MHz
 * counter).  Not modelled: the event filters (P, U, NSK...), PMCR.D and
 * other events (they count nothing, and PMCEID says which exist).
 * Counters are brought up to date at every PMU register access and when
 * vcpu_pmu_irq() is asked, which is when an overflow becomes visible.
 *
 * A realm without a PMU (config pmu_counters 0) gets UNDEF for every PMU
 * register, as an RMM that traps them (MDCR_EL2.TPM) injects.
 */
#include "vcpu_internal.h"

#define PMCR_E          (1ULL << 0)
#define PMCR_P          (1ULL << 1)
#define PMCR_C          (1ULL << 2)
#define PMCR_LC         (1ULL << 6)
#define PMCR_WRITABLE   (PMCR_E | (1ULL << 3) | (1ULL << 4) | (1ULL << 5) | PMCR_LC)
#define PMCR_N_SHIFT    11
#define PMCR_IMP_ARM    (0x41ULL << 24)
#define CYCLE_BIT       31
#define PMSELR_CYCLE    31
#define EVT_SW_INCR     0x00
#define EVT_CPU_CYCLES  0x11
#define EVTYPER_EVENT   0xffffULL
#define CYCLES_PER_TICK 16
/* PMCEID0_EL0: the common events counted (bit n = event n). */
#define PMCEID0_VALUE   ((1ULL << EVT_SW_INCR) | (1ULL << EVT_CPU_CYCLES))

void pmu_reset(struct vcpu *v, unsigned int counters)
{
	v->pmu = (struct pmu_regs){ .counters = counters, .pmcr = PMCR_LC };
	v->pmu.synced_at = timer_counter(v);
}

static uint32_t implemented(const struct pmu_regs *p)
{
	return (uint32_t)((1ULL << p->counters) - 1) | (1U << CYCLE_BIT);
}

static bool counting(const struct pmu_regs *p, unsigned int bit)
{
	return (p->pmcr & PMCR_E) && (p->cnten & (1U << bit));
}

/* Adds n to a 32-bit event counter; its overflow bit on a wrap. */
static void add_event(struct pmu_regs *p, unsigned int i, uint64_t n)
{
	uint64_t sum = (uint64_t)p->evcntr[i] + n;

	if (sum >> 32)
		p->ovs |= 1U << i;
	p->evcntr[i] = (uint32_t)sum;
}

/* The cycles since the last sync, to the cycle counter and CPU_CYCLES counters. */
static void pmu_sync(struct vcpu *v)
{
	struct pmu_regs *p = &v->pmu;
	uint64_t now = timer_counter(v), cycles, old;

	cycles = (now - p->synced_at) * CYCLES_PER_TICK;
	p->synced_at = now;
	if (!cycles)
		return;
	if (counting(p, CYCLE_BIT)) {
		old = p->ccntr;
		p->ccntr += cycles;
		/* LC: overflow at 64 bits, else when bit 31 carries out. */
		if ((p->pmcr & PMCR_LC) ? p->ccntr < old
					: ((old & 0xffffffffULL) + cycles) >> 32)
			p->ovs |= 1U << CYCLE_BIT;
	}
	for (unsigned int i = 0; i < p->counters; i++)
		if (counting(p, i) && (p->evtyper[i] & EVTYPER_EVENT) == EVT_CPU_CYCLES)
			add_event(p, i, cycles);
}

static void sw_increment(struct pmu_regs *p, uint64_t mask)
{
	for (unsigned int i = 0; i < p->counters; i++)
		if ((mask >> i & 1) && counting(p, i) &&
		    (p->evtyper[i] & EVTYPER_EVENT) == EVT_SW_INCR)
			add_event(p, i, 1);
}

static void write_pmcr(struct pmu_regs *p, uint64_t val)
{
	p->pmcr = val & PMCR_WRITABLE;
	if (val & PMCR_P)
		for (unsigned int i = 0; i < p->counters; i++)
			p->evcntr[i] = 0;
	if (val & PMCR_C)
		p->ccntr = 0;
}

static uint64_t *evtyper(struct pmu_regs *p, unsigned int n)
{
	if (n == PMSELR_CYCLE)
		return &p->ccfiltr;
	return n < p->counters ? &p->evtyper[n] : NULL;
}

/* PMEVCNTR<n> read/write; the cycle counter through PMSELR 31 is not an event counter. */
static void evcntr_access(struct pmu_regs *p, unsigned int n, bool read, uint64_t *value)
{
	if (n >= p->counters) {
		if (read)
			*value = 0;     /* not implemented: RAZ/WI */
		return;
	}
	if (read)
		*value = p->evcntr[n];
	else
		p->evcntr[n] = (uint32_t)*value;
}

static void evtyper_access(struct pmu_regs *p, unsigned int n, bool read, uint64_t *value)
{
	uint64_t *t = evtyper(p, n);

	if (read)
		*value = t ? *t : 0;
	else if (t)
		*t = *value;
}

/* Bitmaps: SET/CLR pairs and the overflow status. */
static void bitmap_access(uint32_t *map, uint32_t impl, bool read, bool set, uint64_t *value)
{
	if (read)
		*value = *map;
	else if (set)
		*map |= (uint32_t)*value & impl;
	else
		*map &= ~((uint32_t)*value & impl);
}

bool pmu_is_sysreg(const uc_arm64_cp_reg *cp)
{
	if (cp->op0 != 3)
		return false;
	if (cp->crn == 9 && cp->op1 == 3 && cp->crm >= 12 && cp->crm <= 14)
		return true;                            /* PMCR ... PMOVSSET */
	if (cp->crn == 9 && cp->op1 == 0 && cp->crm == 14 && (cp->op2 == 1 || cp->op2 == 2))
		return true;                            /* PMINTENSET/CLR_EL1 */
	return cp->crn == 14 && cp->op1 == 3 && cp->crm >= 8;   /* PMEVCNTR, PMEVTYPER */
}

bool pmu_sysreg(struct vcpu *v, const uc_arm64_cp_reg *cp, bool read, uint64_t *value)
{
	struct pmu_regs *p = &v->pmu;
	uint32_t impl = implemented(p);
	unsigned int n;

	pmu_sync(v);
	if (cp->crn == 14) {
		n = ((cp->crm & 3) << 3) | cp->op2;
		if (cp->crm < 12)
			evcntr_access(p, n, read, value);
		else
			evtyper_access(p, n, read, value);
		return true;
	}
	if (cp->op1 == 0) {                             /* PMINTENSET/CLR_EL1 */
		bitmap_access(&p->inten, impl, read, cp->op2 == 1, value);
		return true;
	}
	switch (cp->crm << 3 | cp->op2) {
	case 12 << 3 | 0:                               /* PMCR_EL0 */
		if (read)
			*value = PMCR_IMP_ARM | ((uint64_t)p->counters << PMCR_N_SHIFT) | p->pmcr;
		else
			write_pmcr(p, *value);
		break;
	case 12 << 3 | 1:                               /* PMCNTENSET_EL0 */
	case 12 << 3 | 2:                               /* PMCNTENCLR_EL0 */
		bitmap_access(&p->cnten, impl, read, cp->op2 == 1, value);
		break;
	case 12 << 3 | 3:                               /* PMOVSCLR_EL0 */
	case 14 << 3 | 3:                               /* PMOVSSET_EL0 */
		bitmap_access(&p->ovs, impl, read, cp->crm == 14, value);
		break;
	case 12 << 3 | 4:                               /* PMSWINC_EL0 (WO) */
		if (!read)
			sw_increment(p, *value);
		else
			*value = 0;
		break;
	case 12 << 3 | 5:                               /* PMSELR_EL0 */
		if (read)
			*value = p->selr;
		else
			p->selr = *value & 0x1f;
		break;
	case 12 << 3 | 6:                               /* PMCEID0_EL0 */
		*value = read ? PMCEID0_VALUE : 0;
		break;
	case 13 << 3 | 0:                               /* PMCCNTR_EL0 */
		if (read)
			*value = p->ccntr;
		else
			p->ccntr = *value;
		break;
	case 13 << 3 | 1:                               /* PMXEVTYPER_EL0 */
		evtyper_access(p, (unsigned int)p->selr, read, value);
		break;
	case 13 << 3 | 2:                               /* PMXEVCNTR_EL0 */
		evcntr_access(p, (unsigned int)p->selr, read, value);
		break;
	case 14 << 3 | 0:                               /* PMUSERENR_EL0 */
		if (read)
			*value = p->userenr;
		else
			p->userenr = *value & 0xf;
		break;
	default:                                        /* PMCEID1 and the rest: RAZ/WI */
		if (read)
			*value = 0;
		break;
	}
	return true;
}

bool vcpu_pmu_irq(struct vcpu *v)
{
	struct pmu_regs *p = &v->pmu;

	if (!p->counters)
		return false;
	pmu_sync(v);
	return (p->pmcr & PMCR_E) && (p->ovs & p->inten & p->cnten);
}
