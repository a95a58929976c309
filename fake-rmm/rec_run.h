/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * One REC entry's run loop, shared by REC_ENTER's handler and the files
 * that decide what each engine exit means: rec_exit.c (aborts, WFI,
 * interrupts, sysregs), rsi.c (RSI calls), psci.c (PSCI calls).
 *
 * A handler either resumes the realm (REC_STEP_RESUME: the call was
 * answered inside the RMM) or fills `struct rec_exit_info` and ends the
 * entry (REC_STEP_EXIT).  The profile's REC_ENTER copies the info into its
 * rec_exit page layout.
 */
#ifndef FAKE_RMM_REC_RUN_H
#define FAKE_RMM_REC_RUN_H

#include "rec.h"

enum rec_step { REC_STEP_RESUME, REC_STEP_EXIT };

struct rec_exit_info {
	enum rec_exit_kind kind;	/* its value: the profile's (rmm_layout.exit_reason) */
	unsigned int forced_reason;	/* EXIT_FORCED: a fault rule's value of the profile */
	uint64_t esr, far, hpfar;
	uint64_t gprs[REC_NR_GPRS];
	uint64_t ripas_base, ripas_top;
	unsigned int ripas_value;
	uint16_t imm;
};

/* ---- rec_exit.c ---- */
enum rec_step rec_handle_vcpu_exit(struct rmm *rmm, struct rec *rec, const struct vcpu_exit *x,
				   uint64_t enter_flags, struct rec_exit_info *out);
/*
 * An RSI call whose IPA argument is RIPAS RAM but not mapped: the host gets
 * a stage-2 data abort at that IPA (ESR translation fault at the walk
 * level, FAR 0, HPFAR of the IPA); the realm sees nothing.
 */
void rec_emulated_s2_abort(uint64_t ipa, int level, struct rec_exit_info *out);
/*
 * An EL1 timer output of the realm changed since the last exit reported it
 * (asserted: enabled, condition met, not masked): an IRQ exit is due.
 */
bool rec_timer_irq_due(const struct rec *rec, const struct vcpu_timers *t);
/* The timer state an exit reports to the host (rec_exit cntv_ctl, cntp_ctl). */
void rec_timer_reported(struct rec *rec, const struct vcpu_timers *t);
/*
 * The realm's PMU overflow interrupt request now (false for a realm
 * without a PMU: pmu_ovf_status is then NOT_ACTIVE), and whether it
 * changed since the last exit reported it: an IRQ exit is due.
 */
bool rec_pmu_overflow(struct rec *rec);
bool rec_pmu_irq_due(struct rec *rec);

/* ---- cmd_rec_enter.c ---- */
/*
 * An IRQ exit is due now: a host interrupt is pending (taken by this
 * answer), a GIC maintenance interrupt is asserted, or a timer output or
 * the PMU overflow interrupt changed since the last exit.
 */
bool rec_irq_due(struct rmm *rmm, struct rec *rec);

/* ---- rsi.c ---- */
enum rec_step rsi_handle_smc(struct rmm *rmm, struct rec *rec, struct rec_exit_info *out);
/* REC_ENTER completions of a host call and of a RIPAS change. */
enum rec_step rsi_complete_host_call(struct rmm *rmm, struct rec *rec, const uint64_t *gprs,
				     struct rec_exit_info *out);
void rsi_complete_ripas_change(struct rec *rec);

/* ---- psci.c ---- */
bool psci_fid(uint32_t fid);
enum rec_step psci_handle(struct rmm *rmm, struct rec *rec, uint32_t fid,
			  struct rec_exit_info *out);
/* PSCI_COMPLETE after the REC-level checks: RMI status. */
uint64_t psci_complete(struct rmm *rmm, struct rec *calling, struct rec *target,
		       uint64_t status);

/* Trace one RSI/PSCI call (args = x1..). */
void rec_trace_call(struct rmm *rmm, uint32_t fid, const uint64_t *args, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#endif
