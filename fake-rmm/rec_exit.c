// SPDX-License-Identifier: BSD-3-Clause
/*
 * What an engine exit means for the REC: handled inside the RMM (RSI,
 * HVC -> UNDEF, SEA injection, the virtual GIC) or an exit to the host with
 * the fields the spec defines for it.  Follows TF-RMM rmm-spec-v1.0-rel0
 * runtime/core/exit.c:
 *
 *  - data abort at an unprotected IPA: ESR keeps EC, ISV, SAS, SF, WnR, SET,
 *    FnV, EA, DFSC -- SRT, SSE, AR and IL are hidden (the RMM completes the
 *    read into Rt itself from rec_enter.gprs[0]); FAR = page offset only;
 *    gprs[0] = the value being written;
 *  - data/instruction abort at a protected IPA with RIPAS RAM or DESTROYED
 *    but no mapping: ESR keeps only EC, SET, FnV, EA, DFSC; FAR = 0;
 *  - IPA >= 2^s2sz or RIPAS EMPTY (and instruction fetches from
 *    unprotected IPAs): a synchronous external abort is injected into the
 *    realm, no exit;
 *  - WFI with TRAP_WFI, WFE with TRAP_WFE: SYNC, ESR = EC WFx + TI only,
 *    the instruction complete.  Without TRAP_WFI a WFI with no virtual
 *    interrupt pending would wait for a physical one: an IRQ exit.  An
 *    untrapped WFE is a no-op (Unicorn cannot trap WFE natively; the engine
 *    finds trapped ones by inspecting translation blocks, vcpu_wfe.c).
 */
#include <stdio.h>

#include <cca-double/trace.h>
#include <rmi/v1_0.h>

#include "rec_run.h"

#define ESR_EC_SHIFT 26
#define ESR_EC_MASK (0x3fULL << ESR_EC_SHIFT)
#define ESR_ISV (1ULL << 24)
#define ESR_SAS_MASK (3ULL << 22)
#define ESR_SF (1ULL << 15)
#define ESR_SET_MASK (3ULL << 11)
#define ESR_FNV (1ULL << 10)
#define ESR_EA (1ULL << 9)
#define ESR_WNR (1ULL << 6)
#define ESR_FSC_MASK 0x3fULL
#define ESR_NONEMULATED_ABORT_MASK (ESR_EC_MASK | ESR_SET_MASK | ESR_FNV | ESR_EA | ESR_FSC_MASK)
#define ESR_EMULATED_ABORT_MASK \
	(ESR_NONEMULATED_ABORT_MASK | ESR_ISV | ESR_SAS_MASK | ESR_SF | ESR_WNR)
#define EC_WFX 0x01ULL
#define EC_DABT_LOW 0x24ULL
#define FSC_TRANSLATION_L0 0x04u
#define PAGE_OFFSET_MASK 0xfffULL

#define CNT_CTL_ENABLE (1ULL << 0)
#define CNT_CTL_IMASK (1ULL << 1)
#define CNT_CTL_ISTATUS (1ULL << 2)

static uint64_t hpfar_of(uint64_t ipa)
{
	return (ipa >> 12) << 4;	/* HPFAR_EL2.FIPA = IPA[51:12] at [43:4] */
}

void rec_emulated_s2_abort(uint64_t ipa, int level, struct rec_exit_info *out)
{
	out->kind = EXIT_SYNC;
	out->esr = (EC_DABT_LOW << ESR_EC_SHIFT) | (FSC_TRANSLATION_L0 + (unsigned int)level);
	out->far = 0;
	out->hpfar = hpfar_of(ipa);
}

static bool timer_asserted(uint64_t ctl)
{
	return (ctl & (CNT_CTL_ENABLE | CNT_CTL_IMASK | CNT_CTL_ISTATUS)) ==
	       (CNT_CTL_ENABLE | CNT_CTL_ISTATUS);
}

/*
 * As TF-RMM lib/timers check_pending_timers(): while the realm runs, an
 * output that is not asserted leaves its physical interrupt unmasked, so it
 * asserting is an IRQ exit; one already reported asserted is masked (the
 * host injects the virtual interrupt, or not) until it changes again.  So
 * a host that ignores the timer does not stop the realm from running.
 */
bool rec_timer_irq_due(const struct rec *rec, const struct vcpu_timers *t)
{
	return timer_asserted(t->cntv_ctl) != rec->vtimer_reported ||
	       timer_asserted(t->cntp_ctl) != rec->ptimer_reported;
}

/*
 * The PMU's overflow interrupt is a physical PPI while the realm runs
 * (TF-RMM pmu_update_rec_exit(): PMCR_EL0.E and PMOVSSET & PMINTENSET &
 * PMCNTENSET); like a timer output, a change of it is an IRQ exit and the
 * host, told by pmu_ovf_status, injects the virtual one.
 */
bool rec_pmu_overflow(struct rec *rec)
{
	return rec->realm->pmu && vcpu_pmu_irq(rec->vcpu);
}

bool rec_pmu_irq_due(struct rec *rec)
{
	return rec_pmu_overflow(rec) != rec->pmu_reported;
}

void rec_timer_reported(struct rec *rec, const struct vcpu_timers *t)
{
	rec->vtimer_reported = timer_asserted(t->cntv_ctl);
	rec->ptimer_reported = timer_asserted(t->cntp_ctl);
}

/*
 * A realm whose SEA vector cannot be fetched takes the same SEA again at
 * the vector, without retiring an instruction; from the second repeat on
 * its state no longer changes (ELR, ESR, FAR, SPSR and PC all equal).  On
 * hardware only the host's next interrupt ends that loop, so the entry
 * ends now with the IRQ exit the budget would give, instead of injecting
 * the same SEA until MAX_RESUMES_PER_ENTRY.
 */
#define SEA_REFETCHES_WEDGED 2

static enum rec_step inject_sea(struct rec *rec, const struct vcpu_exit *x,
				struct rec_exit_info *out)
{
	bool refetch = x->reason == VCPU_EXIT_INSN_ABORT && x->pc == rec->sea_vector;

	vcpu_inject_sea(rec->vcpu, x->abort.va_valid ? x->abort.va : x->abort.ipa);
	rec->sea_refetches = refetch ? rec->sea_refetches + 1 : 0;
	rec->sea_vector = vcpu_get_reg(rec->vcpu, VCPU_REG_PC);
	if (rec->sea_refetches < SEA_REFETCHES_WEDGED)
		return REC_STEP_RESUME;
	out->kind = EXIT_IRQ;
	return REC_STEP_EXIT;
}

static enum rec_step data_abort(struct rmm *rmm, struct rec *rec, const struct vcpu_exit *x,
				struct rec_exit_info *out)
{
	const struct realm *r = rec->realm;
	uint64_t ipa = x->abort.ipa;
	uint64_t hpfar = x->abort.hpfar ? x->abort.hpfar : hpfar_of(ipa);
	void *p;
	int level;

	if (ipa >= realm_ipa_size(r))
		return inject_sea(rec, x, out);
	if (realm_ipa_is_protected(r, ipa) && rec_ipa_lookup(rmm, r, ipa, &p, &level) == IPA_EMPTY)
		return inject_sea(rec, x, out);
	out->kind = EXIT_SYNC;
	out->hpfar = hpfar;
	rec->last.data_abort = true;
	rec->last.far = x->abort.va;
	if (realm_ipa_is_protected(r, ipa)) {
		rec->last.protected_ipa = true;
		out->esr = x->esr & ESR_NONEMULATED_ABORT_MASK;
		return REC_STEP_EXIT;
	}
	rec->last.isv = x->abort.isv;
	out->esr = x->esr & ESR_EMULATED_ABORT_MASK;
	out->far = x->abort.va & PAGE_OFFSET_MASK;
	if (x->abort.write && x->abort.isv)
		out->gprs[0] = x->abort.value;
	return REC_STEP_EXIT;
}

static enum rec_step insn_abort(struct rmm *rmm, struct rec *rec, const struct vcpu_exit *x,
				struct rec_exit_info *out)
{
	const struct realm *r = rec->realm;
	uint64_t ipa = x->abort.ipa;
	void *p;
	int level;

	if (rec_ipa_lookup(rmm, r, ipa, &p, &level) == IPA_EMPTY ||
	    ipa >= realm_ipa_size(r) || !realm_ipa_is_protected(r, ipa))
		return inject_sea(rec, x, out);
	out->kind = EXIT_SYNC;
	out->esr = x->esr & ESR_NONEMULATED_ABORT_MASK;
	out->hpfar = x->abort.hpfar ? x->abort.hpfar : hpfar_of(ipa);
	return REC_STEP_EXIT;
}

static enum rec_step wfi(struct rec *rec, const struct vcpu_exit *x, uint64_t enter_flags,
			 struct rec_exit_info *out)
{
	if (FIELD_OF(RMI_V1_0_REC_ENTER_FLAGS_TRAP_WFI, enter_flags)) {
		out->kind = EXIT_SYNC;
		out->esr = x->esr & (ESR_EC_MASK | 1);	/* EC and TI (0: WFI) */
		return REC_STEP_EXIT;
	}
	if (vgic_irq_pending(&rec->gic))
		return REC_STEP_RESUME;		/* the WFI completes at once */
	out->kind = EXIT_IRQ;
	return REC_STEP_EXIT;
}

static enum rec_step sysreg(struct rec *rec, const struct vcpu_exit *x, struct rec_exit_info *out)
{
	uint64_t value;

	if (vgic_sysreg(&rec->gic, x, &value)) {
		vcpu_complete_sysreg(rec->vcpu, value);
		vcpu_set_virq(rec->vcpu, vgic_irq_pending(&rec->gic));
		return REC_STEP_RESUME;
	}
	/* To the host with the full syndrome; a write is complete, a read waits for gprs[0]. */
	out->kind = EXIT_SYNC;
	out->esr = x->esr;
	if (x->sysreg.read)
		rec->last.sysreg_read = true;
	else {
		out->gprs[0] = x->sysreg.value;
		vcpu_complete_sysreg(rec->vcpu, 0);
	}
	return REC_STEP_EXIT;
}

enum rec_step rec_handle_vcpu_exit(struct rmm *rmm, struct rec *rec, const struct vcpu_exit *x,
				   uint64_t enter_flags, struct rec_exit_info *out)
{
	switch (x->reason) {
	case VCPU_EXIT_SMC:
		return rsi_handle_smc(rmm, rec, out);
	case VCPU_EXIT_HVC:
		vcpu_inject_undef(rec->vcpu);	/* realms have no hypervisor calls */
		return REC_STEP_RESUME;
	case VCPU_EXIT_DATA_ABORT:
		return data_abort(rmm, rec, x, out);
	case VCPU_EXIT_INSN_ABORT:
		return insn_abort(rmm, rec, x, out);
	case VCPU_EXIT_WFI:
		return wfi(rec, x, enter_flags, out);
	case VCPU_EXIT_WFE:
		if (!FIELD_OF(RMI_V1_0_REC_ENTER_FLAGS_TRAP_WFE, enter_flags))
			return REC_STEP_RESUME;		/* a yield */
		out->kind = EXIT_SYNC;
		out->esr = x->esr & (ESR_EC_MASK | 1);	/* EC and TI (1: WFE) */
		return REC_STEP_EXIT;
	case VCPU_EXIT_SYSREG:
		return sysreg(rec, x, out);
	case VCPU_EXIT_BUDGET:
		/* The per-entry budget stands for a host timer tick: an IRQ exit. */
	case VCPU_EXIT_POLL:
		/* A timer output changed or a host interrupt came while the realm ran. */
		out->kind = EXIT_IRQ;
		return REC_STEP_EXIT;
	default:
		/* The engine could not go on: say so loudly, give the host an SError exit. */
		fprintf(stderr, "cca-double: REC 0x%llx: engine error: %s\n",
			(unsigned long long)rec->pa, x->message);
		trace_note(rmm->trace, "REC 0x%llx engine error: %s", (unsigned long long)rec->pa,
			   x->message);
		out->kind = EXIT_SERROR;
		return REC_STEP_EXIT;
	}
}
