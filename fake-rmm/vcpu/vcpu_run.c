// SPDX-License-Identifier: BSD-3-Clause
/*
 * vcpu_run: one REC entry.  uc_emu_start with until = 0 (no exit address
 * exists, see vcpu_create.c), timeout = 0 and count = the budget.
 *
 * Budget mechanism: Unicorn's instruction count (count > 0 on every
 * uc_emu_start, never 0, since switching flushes all TBs, spike §8.11).
 * vcpu_bench, this machine: the count hook costs ~1.5 ns per instruction
 * on a pure ALU loop (1.64 vs 0.19 ns with count = 0) but realm code is
 * dominated by stores (~70-120 ns each, spike §4.2) and exits; round trips
 * stay at ~2.8 M/s.  In exchange the stop is exact and reproducible
 * (test_budget checks the instruction count), needs no thread, and cannot
 * be lost: a watchdog kick arriving between two uc_emu_start calls is
 * dropped (spike §6), and its latency measured 4.6 us.
 *
 * WFI: HCR_EL2.TWI is always set, so WFI traps as UDEF with PC on it (spike
 * §3.1); without it, a WFI returns from uc_emu_start with no hook and could
 * not be told apart from the budget running out.  Whether the realm asked
 * for a trap is the REC layer's business (an untrapped WFI with nothing
 * pending would sleep until a host interrupt: an IRQ exit).  WFE cannot be
 * trapped in 2.0.1 and runs as a no-op; a WFE wait loop spins into the budget.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "vcpu_internal.h"

#define INSN_WFI        0xd503207fu
/* Guest exceptions vectored by the engine without returning to the REC
 * layer, per vcpu_run.  Each one starts a full budget again, so the worst
 * case is this many budgets; then a BUDGET exit hands control back. */
#define MAX_GUEST_EXCEPTIONS_PER_RUN 8

enum step { STEP_EXIT, STEP_CONTINUE };

static void fail(struct vcpu_exit *out, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void fail(struct vcpu_exit *out, const char *fmt, ...)
{
	va_list ap;

	out->reason = VCPU_EXIT_ERROR;
	va_start(ap, fmt);
	vsnprintf(out->message, sizeof(out->message), fmt, ap);
	va_end(ap);
}

static uint64_t esr(unsigned int ec, uint64_t iss)
{
	return ((uint64_t)ec << 26) | ESR_IL | iss;
}

/* SMC/HVC: PC is already past the instruction (spike §2). */
static enum step on_call(struct vcpu *v, struct vcpu_exit *out, bool smc)
{
	uint64_t pc = reg_read(v, UC_ARM64_REG_PC);
	uint32_t insn = 0;

	v->trap_pc = pc - 4;
	if (!fetch_insn(v, v->trap_pc, &insn)) {
		fail(out, "%s at 0x%llx: instruction not readable", smc ? "SMC" : "HVC",
		     (unsigned long long)v->trap_pc);
		return STEP_EXIT;
	}
	out->reason = smc ? VCPU_EXIT_SMC : VCPU_EXIT_HVC;
	out->call.imm = (uint16_t)(insn >> 5);
	out->esr = esr(smc ? EC_SMC64 : EC_HVC64, out->call.imm);
	return STEP_EXIT;
}

/* Stage-1 faults are the realm's own business: vector them to its EL1. */
static enum step guest_fault(struct vcpu *v, struct vcpu_exit *out, bool fetch,
			     const struct ldst_info *d, uint64_t va, uint8_t fsc)
{
	uint64_t iss = fsc;

	if (!fetch && d->write)
		iss |= 1ULL << 6;
	v->trap_pc = reg_read(v, UC_ARM64_REG_PC);
	if (inject_sync(v, esr(fetch ? EC_IABT_CUR : EC_DABT_CUR, iss), va, v->trap_pc) != 0) {
		fail(out, "stage-1 fault at EL0 (va 0x%llx): Unicorn cannot vector from EL0",
		     (unsigned long long)va);
		return STEP_EXIT;
	}
	return STEP_CONTINUE;
}

static uint64_t store_value(struct vcpu *v, const struct ldst_info *d)
{
	uint64_t val = xreg_read(v, d->srt, false);

	return d->sas == 3 ? val : val & ((1ULL << (8u << d->sas)) - 1);
}

static void fill_data_abort(struct vcpu *v, struct vcpu_exit *out,
			    const struct ldst_info *d, uint64_t ipa, uint8_t fsc)
{
	out->reason = VCPU_EXIT_DATA_ABORT;
	out->abort.ipa = ipa;
	out->abort.va = d->va;
	out->abort.va_valid = d->va_valid;
	out->abort.write = d->write;
	out->abort.isv = d->isv;
	out->abort.sas = d->sas;
	out->abort.sse = d->sse;
	out->abort.srt = d->srt;
	out->abort.sf = d->sf;
	out->abort.ar = d->ar;
	out->abort.fsc = fsc;
	if (d->isv && d->write)
		out->abort.value = store_value(v, d);
	out->esr = esr(EC_DABT_LOW, dabt_iss(d, fsc));
}

static enum step on_data_abort(struct vcpu *v, struct vcpu_exit *out)
{
	uint64_t pc = reg_read(v, UC_ARM64_REG_PC);
	bool mmu_on = sysreg_read(v, SYS_SCTLR_EL1) & SCTLR_M;
	struct ldst_info d = { 0 };
	uint32_t insn;
	uint64_t hpfar, ipa;
	struct walk_result w;

	v->trap_pc = pc;
	if (!fetch_insn(v, pc, &insn)) {
		fail(out, "data abort at 0x%llx: instruction not readable", (unsigned long long)pc);
		return STEP_EXIT;
	}
	if (!decode_ldst(v, insn, &d) && mmu_on) {
		fail(out, "data abort at 0x%llx by 0x%08x: cannot tell stage 1 from stage 2",
		     (unsigned long long)pc, insn);
		return STEP_EXIT;
	}
	if (mmu_on) {
		w = walk_va(v, d.va, d.write, false);
		if (!w.ok && w.stage1_fault)
			return guest_fault(v, out, false, &d, d.va, w.fsc);
	}
	hpfar = sysreg_read(v, SYS_HPFAR_EL2);
	ipa = (hpfar >> 4) << 12;
	if (d.va_valid)
		ipa |= d.va & GRANULE_MASK;
	w = walk_stage2(v, ipa, d.write, false);
	fill_data_abort(v, out, &d, ipa, w.ok ? 0x07 : w.fsc);
	out->abort.hpfar = hpfar;
	return STEP_EXIT;
}

static enum step on_insn_abort(struct vcpu *v, struct vcpu_exit *out)
{
	uint64_t pc = reg_read(v, UC_ARM64_REG_PC);
	struct walk_result w;
	uint64_t hpfar, ipa;

	v->trap_pc = pc;
	if (sysreg_read(v, SYS_SCTLR_EL1) & SCTLR_M) {
		struct ldst_info none = { 0 };

		w = walk_va(v, pc, false, true);
		if (!w.ok && w.stage1_fault)
			return guest_fault(v, out, true, &none, pc, w.fsc);
	}
	hpfar = sysreg_read(v, SYS_HPFAR_EL2);
	ipa = ((hpfar >> 4) << 12) | (pc & GRANULE_MASK);
	w = walk_stage2(v, ipa, false, true);
	out->reason = VCPU_EXIT_INSN_ABORT;
	out->abort.ipa = ipa;
	out->abort.hpfar = hpfar;
	out->abort.va = pc;
	out->abort.va_valid = true;
	out->abort.fsc = w.ok ? 0x07 : w.fsc;
	out->esr = esr(EC_IABT_LOW, out->abort.fsc);
	return STEP_EXIT;
}

/* UDEF with PC on the instruction: a trapped WFI, or a real UNDEF. */
static enum step on_undef(struct vcpu *v, struct vcpu_exit *out)
{
	uint64_t pc = reg_read(v, UC_ARM64_REG_PC);
	uint32_t insn = 0;

	v->trap_pc = pc;
	if (fetch_insn(v, pc, &insn) && insn == INSN_WFI) {
		out->reason = VCPU_EXIT_WFI;
		out->esr = esr(EC_WFX, 0);
		reg_write(v, UC_ARM64_REG_PC, pc + 4);
		return STEP_EXIT;
	}
	if (inject_sync(v, esr(EC_UNKNOWN, 0), sysreg_read(v, SYS_FAR_EL1), pc) != 0) {
		fail(out, "UNDEF at EL0 pc 0x%llx (insn 0x%08x): cannot vector from EL0",
		     (unsigned long long)pc, insn);
		return STEP_EXIT;
	}
	return STEP_CONTINUE;
}

/* SVC (PC past it) and BRK (PC on it) go to the realm's own vector. */
static enum step on_guest_trap(struct vcpu *v, struct vcpu_exit *out, bool svc)
{
	uint64_t pc = reg_read(v, UC_ARM64_REG_PC);
	uint64_t insn_pc = svc ? pc - 4 : pc;
	uint32_t insn = 0;

	v->trap_pc = insn_pc;
	fetch_insn(v, insn_pc, &insn);
	if (inject_sync(v, esr(svc ? EC_SVC64 : EC_BRK64, (insn >> 5) & 0xffff),
			sysreg_read(v, SYS_FAR_EL1), pc) != 0) {
		fail(out, "%s at EL0 pc 0x%llx: cannot vector from EL0", svc ? "SVC" : "BRK",
		     (unsigned long long)insn_pc);
		return STEP_EXIT;
	}
	return STEP_CONTINUE;
}

static enum step on_intr(struct vcpu *v, struct vcpu_exit *out)
{
	switch (v->ev.intno) {
	case EXCP_SMC:
		return on_call(v, out, true);
	case EXCP_HVC:
		return on_call(v, out, false);
	case EXCP_DATA_ABORT:
		return on_data_abort(v, out);
	case EXCP_PREFETCH_ABORT:
		return on_insn_abort(v, out);
	case EXCP_UDEF:
		return on_undef(v, out);
	case EXCP_SWI:
		return on_guest_trap(v, out, true);
	case EXCP_BKPT:
		return on_guest_trap(v, out, false);
	default:
		v->trap_pc = reg_read(v, UC_ARM64_REG_PC);
		fail(out, "unexpected exception %u at pc 0x%llx", v->ev.intno,
		     (unsigned long long)v->trap_pc);
		return STEP_EXIT;
	}
}

static void on_sysreg_event(struct vcpu *v, struct vcpu_exit *out)
{
	uint64_t iss;

	v->trap_pc = reg_read(v, UC_ARM64_REG_PC);
	out->reason = VCPU_EXIT_SYSREG;
	out->sysreg.op0 = v->ev.op0;
	out->sysreg.op1 = v->ev.op1;
	out->sysreg.crn = v->ev.crn;
	out->sysreg.crm = v->ev.crm;
	out->sysreg.op2 = v->ev.op2;
	out->sysreg.read = v->ev.read;
	out->sysreg.rt = v->ev.rt;
	out->sysreg.value = v->ev.value;
	iss = ((uint64_t)v->ev.op0 << 20) | ((uint64_t)v->ev.op2 << 17) |
	      ((uint64_t)v->ev.op1 << 14) | ((uint64_t)v->ev.crn << 10) |
	      ((uint64_t)v->ev.rt << 5) | ((uint64_t)v->ev.crm << 1) | v->ev.read;
	out->esr = esr(EC_SYS64, iss);
}

/*
 * An access outside every region: beyond the IPA space (MMU off) or a VA
 * no cover holds (MMU on).  With the MMU off, an address at or above the
 * PA size is the realm's own stage-1 address size fault at level 0 (Arm
 * ARM: flat mapping, output address beyond PAMax); below it, a stage-2
 * fault beyond the IPA space for the RMM.
 */
static enum step on_unmapped_event(struct vcpu *v, struct vcpu_exit *out)
{
	uint64_t pc = reg_read(v, UC_ARM64_REG_PC);
	struct ldst_info d = { 0 };
	uint32_t insn;

	v->trap_pc = pc;
	if (!(sysreg_read(v, SYS_SCTLR_EL1) & SCTLR_M) && v->ev.addr >> VCPU_PA_BITS) {
		d.write = v->ev.write;
		return guest_fault(v, out, v->ev.fetch, &d, v->ev.addr, 0x00);
	}
	if (v->ev.fetch) {
		out->reason = VCPU_EXIT_INSN_ABORT;
		out->abort.ipa = v->ev.addr;
		out->abort.va = v->ev.addr;
		out->abort.va_valid = true;
		out->esr = esr(EC_IABT_LOW, 0);
		return STEP_EXIT;
	}
	if (fetch_insn(v, pc, &insn))
		decode_ldst(v, insn, &d);
	d.write = v->ev.write;
	d.va = v->ev.addr;
	d.va_valid = true;
	fill_data_abort(v, out, &d, v->ev.addr, 0);
	if (d.isv && d.write)
		out->abort.value = v->ev.value;
	return STEP_EXIT;
}

static enum step classify(struct vcpu *v, uc_err e, struct vcpu_exit *out);

/*
 * A block ending in a trapped WFE (vcpu_wfe.c) was about to run: run its
 * instructions up to the WFE (trapping off, an exact count), then step
 * over the WFE and report it.  Anything else those instructions do (an
 * abort, an SMC) comes first and is reported instead.
 */
static enum step on_wfe(struct vcpu *v, struct vcpu_exit *out)
{
	uint64_t wfe = v->ev.addr, block = v->ev.value;
	uc_err e;

	if (block < wfe) {
		uint64_t n = (wfe - block) / 4;

		v->trap_wfe = false;
		v->ev = (struct hook_event){ 0 };
		e = uc_emu_start(v->uc, block, 0, 0, n);
		v->trap_wfe = true;
		out->instructions += n;
		if (v->ev.kind != EV_NONE || e != UC_ERR_OK || reg_read(v, UC_ARM64_REG_PC) != wfe)
			return classify(v, e, out);
	}
	reg_write(v, UC_ARM64_REG_PC, wfe + 4);
	v->trap_pc = wfe;
	out->reason = VCPU_EXIT_WFE;
	out->esr = esr(EC_WFX, 1);      /* TI: WFE */
	return STEP_EXIT;
}

static enum step classify(struct vcpu *v, uc_err e, struct vcpu_exit *out)
{
	switch (v->ev.kind) {
	case EV_INTR:
		return on_intr(v, out);
	case EV_SYSREG:
		on_sysreg_event(v, out);
		return STEP_EXIT;
	case EV_WFE:
		return on_wfe(v, out);
	case EV_SYSREG_UNDEF:
		v->trap_pc = v->ev.addr;
		if (inject_sync(v, esr(EC_UNKNOWN, 0), sysreg_read(v, SYS_FAR_EL1), v->trap_pc) != 0) {
			fail(out, "system register access at EL0 pc 0x%llx: cannot vector from EL0",
			     (unsigned long long)v->trap_pc);
			return STEP_EXIT;
		}
		return STEP_CONTINUE;
	case EV_UNMAPPED:
		return on_unmapped_event(v, out);
	case EV_HOOK_LIMIT:
		fail(out, "hook invoked more than %llu times in one run",
		     (unsigned long long)v->hook_limit);
		return STEP_EXIT;
	case EV_NONE:
		break;
	}
	if (e != UC_ERR_OK) {
		fail(out, "uc_emu_start: %s at pc 0x%llx", uc_strerror(e),
		     (unsigned long long)reg_read(v, UC_ARM64_REG_PC));
		return STEP_EXIT;
	}
	out->reason = VCPU_EXIT_BUDGET;
	return STEP_EXIT;
}

/* Instructions the next uc_emu_start may run: the budget left, cut to a slice when polling. */
static uint64_t next_slice(const struct vcpu *v, uint64_t remaining)
{
	return v->poll && remaining > v->slice ? v->slice : remaining;
}

int vcpu_run(struct vcpu *v, struct vcpu_exit *out)
{
	uint64_t remaining = v->budget;
	unsigned int exceptions = 0;

	memset(out, 0, sizeof(*out));
	v->hook_calls = 0;
	/* Every hooked instruction also counts against the budget, so more
	 * hook calls than that means a hook is looping. */
	v->hook_limit = v->budget + 64;

	for (;;) {
		uint64_t n = next_slice(v, remaining);
		enum step step;
		uc_err e;

		v->ev = (struct hook_event){ 0 };
		/* count = n runs exactly n instructions (test_budget and
		 * test_poll_slices check it, across slices too). */
		e = uc_emu_start(v->uc, reg_read(v, UC_ARM64_REG_PC), 0, 0, n);
		v->ran = true;
		out->instructions += n;
		step = classify(v, e, out);
		if (step == STEP_CONTINUE) {
			/* A guest exception vectored here: a fresh budget, a bounded number of times. */
			if (++exceptions == MAX_GUEST_EXCEPTIONS_PER_RUN) {
				out->reason = VCPU_EXIT_BUDGET;
				break;
			}
			remaining = v->budget;
			continue;
		}
		if (out->reason != VCPU_EXIT_BUDGET)
			break;
		/* The slice ran out: the whole budget, or time to poll. */
		remaining -= n < remaining ? n : remaining;
		if (remaining == 0)
			break;
		if (v->poll(v->poll_ctx)) {
			out->reason = VCPU_EXIT_POLL;
			break;
		}
		out->reason = VCPU_EXIT_NONE;
	}

	out->pc = reg_read(v, UC_ARM64_REG_PC);
	v->pc_on_trap_insn = out->reason == VCPU_EXIT_DATA_ABORT ||
			     out->reason == VCPU_EXIT_INSN_ABORT ||
			     out->reason == VCPU_EXIT_SYSREG;
	timer_snapshot(v, &out->timers);
	v->last = *out;
	return out->reason == VCPU_EXIT_ERROR ? -1 : 0;
}

static uint64_t mmio_read_value(const struct vcpu_exit *x, uint64_t value)
{
	unsigned int bits = 8u << x->abort.sas;

	if (bits < 64) {
		value &= (1ULL << bits) - 1;
		if (x->abort.sse && (value >> (bits - 1)) & 1)
			value |= ~0ULL << bits;
	}
	return x->abort.sf ? value : (uint32_t)value;
}

int vcpu_complete_mmio_read(struct vcpu *v, uint64_t value)
{
	const struct vcpu_exit *x = &v->last;

	if (x->reason != VCPU_EXIT_DATA_ABORT || x->abort.write || !x->abort.isv ||
	    !v->pc_on_trap_insn)
		return -1;
	xreg_write(v, x->abort.srt, mmio_read_value(x, value));
	reg_write(v, UC_ARM64_REG_PC, v->trap_pc + 4);
	v->pc_on_trap_insn = false;
	return 0;
}

int vcpu_complete_sysreg(struct vcpu *v, uint64_t value)
{
	const struct vcpu_exit *x = &v->last;

	if (x->reason != VCPU_EXIT_SYSREG || !v->pc_on_trap_insn)
		return -1;
	if (x->sysreg.read)
		xreg_write(v, x->sysreg.rt, value);
	reg_write(v, UC_ARM64_REG_PC, v->trap_pc + 4);
	v->pc_on_trap_insn = false;
	return 0;
}

void vcpu_skip_insn(struct vcpu *v)
{
	if (!v->pc_on_trap_insn)
		return;
	reg_write(v, UC_ARM64_REG_PC, v->trap_pc + 4);
	v->pc_on_trap_insn = false;
}
