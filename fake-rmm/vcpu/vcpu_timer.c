// SPDX-License-Identifier: BSD-3-Clause
/*
 * Per-vCPU model of the EL1 generic timers (CNTV_* and CNTP_*).
 *
 * Unicorn 2.0.1 drops CTL/CVAL/TVAL writes and never raises a timer
 * interrupt (spike §3.2, §8.12), so the MRS/MSR hook routes these
 * registers here.  The counter itself is Unicorn's (host clock at
 * 62.5 MHz), so what the realm reads from CNTVCT_EL0 and what the model
 * compares against agree.  The engine does not raise the interrupt: it
 * reports CTL (with a computed ISTATUS) and CVAL in every exit and the REC
 * layer decides, as the RMM reports timer state in rec_exit.
 */
#include "vcpu_internal.h"

#define CTL_ENABLE      (1ULL << 0)
#define CTL_IMASK       (1ULL << 1)
#define CTL_ISTATUS     (1ULL << 2)

enum timer_field { TIMER_TVAL = 0, TIMER_CTL = 1, TIMER_CVAL = 2 };

uint64_t timer_counter(struct vcpu *v)
{
	return sysreg_read(v, SYS_CNTVCT_EL0);
}

static uint64_t ctl_now(const struct timer_regs *t, uint64_t now)
{
	uint64_t ctl = t->ctl & (CTL_ENABLE | CTL_IMASK);

	if ((ctl & CTL_ENABLE) && now >= t->cval)
		ctl |= CTL_ISTATUS;
	return ctl;
}

/* Returns false when cp is not a timer register of the model. */
bool timer_sysreg(struct vcpu *v, const uc_arm64_cp_reg *cp, bool read,
		  uint64_t *value)
{
	struct timer_regs *t;
	uint64_t now;

	if (cp->op0 != 3 || cp->op1 != 3 || cp->crn != 14 || cp->op2 > 2)
		return false;
	if (cp->crm == 2)
		t = &v->ptimer;
	else if (cp->crm == 3)
		t = &v->vtimer;
	else
		return false;

	now = timer_counter(v);
	switch ((enum timer_field)cp->op2) {
	case TIMER_TVAL:
		if (read)
			*value = (uint32_t)(t->cval - now);
		else
			t->cval = now + (uint64_t)(int64_t)(int32_t)*value;
		break;
	case TIMER_CTL:
		if (read)
			*value = ctl_now(t, now);
		else
			t->ctl = *value & (CTL_ENABLE | CTL_IMASK);
		break;
	case TIMER_CVAL:
		if (read)
			*value = t->cval;
		else
			t->cval = *value;
		break;
	}
	return true;
}

void timer_snapshot(struct vcpu *v, struct vcpu_timers *out)
{
	uint64_t now = timer_counter(v);

	out->cntvct = now;
	out->cntv_ctl = ctl_now(&v->vtimer, now);
	out->cntv_cval = v->vtimer.cval;
	out->cntp_ctl = ctl_now(&v->ptimer, now);
	out->cntp_cval = v->ptimer.cval;
}

void vcpu_get_timers(struct vcpu *v, struct vcpu_timers *out)
{
	timer_snapshot(v, out);
}
