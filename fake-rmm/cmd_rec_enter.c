// SPDX-License-Identifier: BSD-3-Clause
/*
 * REC_ENTER (1.0 and 2.0): the checks on the REC, the run page and the enter flags
 * in the order of TF-RMM rmm-spec-v1.0-rel0 runtime/rmi/run.c
 * (smc_rec_enter), the completions of the last exit,
 * then the REC's code on its engine until something needs the host.
 *
 * The profiles differ only in the run page: 2.0 has no GIC fields (the host
 * programs the ICH_* registers itself, so the realm sees no list registers
 * here) and reports rtt_tree / plane (always 0: no planes).  The enter
 * flags this RMM acts on sit at the same bits in both.
 */
#include <stdio.h>

#include <cca-double/trace.h>
#include <rmi/v1_0.h>
#include <rmi/v2.h>

#include "rec_run.h"

/*
 * Calls the RMM answers inside one entry (RSI, GIC, injected exceptions)
 * before it gives the host an IRQ exit: with the instruction budget per
 * engine run, this bounds every entry.
 */
#define MAX_RESUMES_PER_ENTRY 65536

static bool flag(uint64_t flags, uint64_t mask)
{
	return (flags & mask) != 0;
}

/* The enter flags must fit the last exit (spec "rec_enter flags" conditions). */
static bool flags_fit_last_exit(const struct rec *rec, uint64_t flags)
{
	bool sea = flag(flags, RMI_V1_0_REC_ENTER_FLAGS_INJECT_SEA_MASK);

	/* INJECT_SEA only answers an emulatable (unprotected) data abort. */
	if (sea && (!rec->last.data_abort || rec->last.protected_ipa))
		return false;
	/* EMULATED_MMIO only answers a data abort reported with ISV = 1. */
	if (!sea && flag(flags, RMI_V1_0_REC_ENTER_FLAGS_EMULATED_MMIO_MASK) &&
	    (!rec->last.data_abort || !rec->last.isv))
		return false;
	return true;
}

/* The enter half of the run page, whatever the profile's layout. */
struct rec_entry {
	uint64_t flags;
	uint64_t gprs[REC_NR_GPRS];
	bool has_gic;			/* 1.0 only */
	uint64_t gicv3_hcr;
	uint64_t gicv3_lrs[VGIC_MAX_LRS];
};

static bool read_entry(const struct rmm *rmm, uint64_t run_pa, struct rec_entry *e)
{
	memset(e, 0, sizeof(*e));
	if (rmm->family == RMM_V1) {
		struct rmi_v1_0_rec_enter v1;

		if (!ns_granule_read(rmm, run_pa, &v1, sizeof(v1)))
			return false;
		e->flags = v1.flags;
		memcpy(e->gprs, v1.gprs, sizeof(e->gprs));
		e->has_gic = true;
		e->gicv3_hcr = v1.gicv3_hcr;
		memcpy(e->gicv3_lrs, v1.gicv3_lrs, sizeof(e->gicv3_lrs));
	} else {
		struct rmi_v2_rec_enter v2;

		if (!ns_granule_read(rmm, run_pa, &v2, sizeof(v2)))
			return false;
		e->flags = v2.flags;
		memcpy(e->gprs, v2.gprs, sizeof(e->gprs));
	}
	return true;
}

static uint64_t entry_checks(struct rmm *rmm, struct rec *rec, const struct rec_entry *enter)
{
	/* 2.0 (TF-RMM main): any realm state but ACTIVE is a plain ERROR_REALM. */
	if (rmm->family != RMM_V1 && rec->realm->state != REALM_ACTIVE)
		return RMI_EREALM;
	switch ((enum realm_state)rec->realm->state) {	/* one atomic load */
	case REALM_ACTIVE:
		break;
	case REALM_SYSTEM_OFF:
		return rmi_ret(RMI_STATUS_ERROR_REALM, 1);	/* index 1: realm is off */
	default:
		return RMI_EREALM;
	}
	if (!rec->runnable)
		return RMI_EREC;
	if (rec->psci.pending)
		return RMI_EREC;
	if (enter->has_gic && !vgic_entry_valid(&rec->gic, enter->gicv3_hcr, enter->gicv3_lrs))
		return RMI_EREC;
	if (!flags_fit_last_exit(rec, enter->flags))
		return RMI_EREC;
	return RMI_OK;
}

/* Finishes what the last exit asked of the host; EXIT if the REC must exit again at once. */
static enum rec_step complete_last_exit(struct rmm *rmm, struct rec *rec,
					const struct rec_entry *enter,
					struct rec_exit_info *out)
{
	uint64_t flags = enter->flags;

	if (flag(flags, RMI_V1_0_REC_ENTER_FLAGS_INJECT_SEA_MASK))
		vcpu_inject_sea(rec->vcpu, rec->last.far);
	else if (flag(flags, RMI_V1_0_REC_ENTER_FLAGS_EMULATED_MMIO_MASK) &&
		 vcpu_complete_mmio_read(rec->vcpu, enter->gprs[0]) != 0)
		vcpu_skip_insn(rec->vcpu);	/* a write: emulated, move past it */
	rec->ripas.reject = flag(flags, RMI_V1_0_REC_ENTER_FLAGS_RIPAS_RESPONSE_MASK);
	rsi_complete_ripas_change(rec);
	if (rec->last.sysreg_read)
		vcpu_complete_sysreg(rec->vcpu, enter->gprs[0]);
	return rsi_complete_host_call(rmm, rec, enter->gprs, out);
}

void rmm_host_irq_raise(struct rmm *rmm)
{
	atomic_store(&rmm->host_irq, true);
}

void rmm_set_host_irq_poll(struct rmm *rmm, rmm_host_irq_fn fn, void *ctx)
{
	rmm->host_irq_fn = fn;
	rmm->host_irq_ctx = ctx;
}

/* A host interrupt is pending for the CPU running `rec`; the exit it causes takes it. */
static bool host_irq_take(struct rmm *rmm, const struct rec *rec)
{
	if (atomic_exchange(&rmm->host_irq, false))
		return true;
	return rmm->host_irq_fn && rmm->host_irq_fn(rmm->host_irq_ctx, rec->pa);
}

struct rec_irq_poll {
	struct rmm *rmm;
	struct rec *rec;
};

/*
 * TF-RMM checks before every return into the realm, and a physical
 * interrupt is taken at the next instruction boundary.
 */
bool rec_irq_due(struct rmm *rmm, struct rec *rec)
{
	struct vcpu_timers t;

	if (host_irq_take(rmm, rec) || vgic_misr(&rec->gic) || rec_pmu_irq_due(rec))
		return true;
	vcpu_get_timers(rec->vcpu, &t);
	return rec_timer_irq_due(rec, &t);
}

/*
 * Drops the engine's cached stage-2 translations if an RMI call finished
 * since they were last dropped (rec->tlb_calls_done).  The count is read
 * before the flush, so a call that finishes meanwhile is seen next time;
 * one still running is not counted yet (its entry may still be valid).
 */
static void rec_tlb_sync(struct rmm *rmm, struct rec *rec)
{
	uint64_t done = atomic_load(&rmm->calls_done);

	if (done != rec->tlb_calls_done) {
		rec->tlb_calls_done = done;
		vcpu_stage2_changed(rec->vcpu);
	}
}

/*
 * Between the engine's slices of a spinning realm.  An RMI call from
 * another thread meanwhile may have unmapped what this REC maps: TF-RMM's
 * RTT commands end in a broadcast TLB invalidation that a running REC sees
 * at once, so the engine's TLB forgets its stage-2 entries here (at most a
 * slice later), not at the REC's next entry.
 */
static bool poll_irq(void *ctx)
{
	struct rec_irq_poll *p = ctx;
	rec_tlb_sync(p->rmm, p->rec);
	return rec_irq_due(p->rmm, p->rec);
}

/* The engine stopped on an instruction that traps to EL2 (not a budget or poll stop). */
static bool trapped(const struct vcpu_exit *x)
{
	switch (x->reason) {
	case VCPU_EXIT_SMC:
	case VCPU_EXIT_HVC:
	case VCPU_EXIT_DATA_ABORT:
	case VCPU_EXIT_INSN_ABORT:
	case VCPU_EXIT_WFI:
	case VCPU_EXIT_WFE:
	case VCPU_EXIT_SYSREG:
		return true;
	default:
		return false;
	}
}

/*
 * The engine saw the trap after an interrupt that was already due: the
 * interrupt comes first and the instruction runs again at the next entry.
 * Aborts and system register traps leave PC on the instruction; SMC and
 * HVC are past it; a WFI or WFE woken by the interrupt returns past it anyway.
 */
static void irq_before_trap(struct rec *rec, const struct vcpu_exit *x)
{
	if (x->reason == VCPU_EXIT_SMC || x->reason == VCPU_EXIT_HVC)
		vcpu_set_reg(rec->vcpu, VCPU_REG_PC, x->pc - 4);
}

static void run(struct rmm *rmm, struct rec *rec, uint64_t flags, struct rec_exit_info *out)
{
	struct rec_irq_poll poll = { rmm, rec };
	struct vcpu *v = rec->vcpu;
	struct vcpu_exit x;

	vcpu_set_budget(v, rmm->rec_insn_budget);
	vcpu_set_poll(v, poll_irq, &poll, 0);
	vcpu_set_trap_wfe(v, flag(flags, RMI_V1_0_REC_ENTER_FLAGS_TRAP_WFE_MASK));
	rec->sea_vector = UINT64_MAX;
	rec->sea_refetches = 0;
	out->kind = EXIT_IRQ;
	for (unsigned int n = 0; n < MAX_RESUMES_PER_ENTRY; n++) {
		if (rec_irq_due(rmm, rec))
			break;
		vcpu_run(v, &x);
		if (trapped(&x) && rec_irq_due(rmm, rec)) {
			irq_before_trap(rec, &x);
			out->kind = EXIT_IRQ;
			break;
		}
		if (rec_handle_vcpu_exit(rmm, rec, &x, flags, out) == REC_STEP_EXIT)
			break;
		out->kind = EXIT_IRQ;
	}
	vcpu_set_poll(v, NULL, NULL, 0);
}

/* The run page's exit record of either profile; both place the shared fields alike (common.h). */
union rec_exit_record {
	struct rmi_rec_exit common;
	struct rmi_v1_0_rec_exit v1;
	struct rmi_v2_rec_exit v2;
};
_Static_assert(sizeof(union rec_exit_record) == sizeof(struct rmi_rec_exit),
	       "one exit record size for every profile");

static void write_exit_common(const struct rmm *rmm, struct rec *rec,
			      const struct rec_exit_info *info, struct rmi_rec_exit *ex)
{
	struct vcpu_timers t;

	/* The profile's number for the reason: 2.0 revisions renumber some. */
	ex->exit_reason = info->kind == EXIT_FORCED ? (uint8_t)info->forced_reason
						    : rmm->lay.exit_reason[info->kind];
	ex->esr = info->esr;
	ex->far = info->far;
	ex->hpfar = info->hpfar;
	memcpy(ex->gprs, info->gprs, sizeof(ex->gprs));
	/* Timer state is reported on every exit (spec: Realm EL1 timer state). */
	vcpu_get_timers(rec->vcpu, &t);
	rec_timer_reported(rec, &t);
	ex->cntp_ctl = t.cntp_ctl;
	ex->cntp_cval = t.cntp_cval;
	ex->cntv_ctl = t.cntv_ctl;
	ex->cntv_cval = t.cntv_cval;
	ex->ripas_base = info->ripas_base;
	ex->ripas_top = info->ripas_top;
	ex->ripas_value = (uint8_t)info->ripas_value;
	ex->imm = info->imm;
	rec->pmu_reported = rec_pmu_overflow(rec);
	ex->pmu_ovf_status = rec->pmu_reported ? RMI_PMU_OVERFLOW_STATUS_ACTIVE
					       : RMI_PMU_OVERFLOW_STATUS_NOT_ACTIVE;
}

static bool write_exit_record(struct rmm *rmm, struct rec *rec, const struct rec_exit_info *info,
			      uint64_t run_pa)
{
	union rec_exit_record ex;
	size_t at;

	memset(&ex, 0, sizeof(ex));
	write_exit_common(rmm, rec, info, &ex.common);
	if (rmm->family == RMM_V1) {
		vgic_save(&rec->gic, &ex.v1.gicv3_hcr, ex.v1.gicv3_lrs, &ex.v1.gicv3_misr,
			  &ex.v1.gicv3_vmcr);
		at = offsetof(struct rmi_v1_0_rec_run, exit);
	} else {
		/* 2.0: the GIC state travels in system registers; no planes, the primary tree. */
		ex.v2.rtt_tree = 0;
		ex.v2.plane = 0;
		at = offsetof(struct rmi_v2_rec_run, exit);
	}
	return ns_granule_write(rmm, run_pa, at, &ex, sizeof(ex));
}

uint64_t smc_rec_enter(struct rmm *rmm, struct rmi_call *c)
{
	uint64_t rec_pa = c->arg[0], run_pa = c->arg[1];
	struct rec_entry enter;
	struct rec_exit_info info;
	const char *why = "";
	struct rec *rec;
	uint64_t ret;

	/* run_align, run_bound, run_pas */
	if (rmm_granule_state(rmm, run_pa) != GRANULE_NS || (run_pa & (GRANULE_SIZE - 1)))
		return RMI_EINPUT;
	/* rec_align, rec_bound, rec_gran_state */
	rec = rec_of(rmm, rec_pa);
	if (!rec)
		return RMI_EINPUT;
	/* rec_busy: another CPU is running it (its REC_ENTER holds no lock now) */
	if (atomic_load(&rec->running))
		return RMI_EREC;
	if (!read_entry(rmm, run_pa, &enter))
		return RMI_EINPUT;
	ret = entry_checks(rmm, rec, &enter);
	if (ret != RMI_OK)
		return ret;
	if (!rec_vcpu(rmm, rec, &why)) {
		fprintf(stderr, "cca-double: REC 0x%llx cannot run: %s\n",
			(unsigned long long)rec_pa, why);
		trace_note(rmm->trace, "REC 0x%llx cannot run: %s", (unsigned long long)rec_pa, why);
		return RMI_EREC;
	}
	/*
	 * TLBs: any other RMI call since this REC last ran may have unmapped
	 * something (the REC_ENTER of another REC too, on one thread); one
	 * that finishes while this REC runs, or after, by rec_tlb_sync().
	 */
	if (rec->calls_at_exit + 1 != atomic_load(&rmm->ncalls))
		vcpu_stage2_changed(rec->vcpu);
	rec_tlb_sync(rmm, rec);

	/*
	 * From here REC_ENTER holds its REC by the running flag alone (TF-RMM:
	 * the REC granule's refcount): the REC lock and any other goes, so RTT
	 * and DATA commands on the realm, REC_DESTROY (ERROR_REC) and a second
	 * REC_ENTER (ERROR_REC) of this REC proceed while it runs.
	 */
	atomic_store(&rec->running, true);
	call_unlock_all(rmm);
	memset(&info, 0, sizeof(info));
	vgic_load(&rec->gic, enter.gicv3_hcr, enter.gicv3_lrs);
	vcpu_set_virq(rec->vcpu, vgic_irq_pending(&rec->gic));
	if (complete_last_exit(rmm, rec, &enter, &info) == REC_STEP_RESUME) {
		rec->last = (struct rec_last_exit){ 0 };
		if (call_forced_exit() >= 0) {
			info.kind = EXIT_FORCED;	/* fault injection */
			info.forced_reason = (unsigned int)call_forced_exit();
		} else {
			run(rmm, rec, enter.flags, &info);
		}
	}
	rec->calls_at_exit = atomic_load(&rmm->ncalls);

	ret = write_exit_record(rmm, rec, &info, run_pa) ? RMI_OK : RMI_EINPUT;
	/* Last: the REC is the next caller's once this store is seen. */
	atomic_store_explicit(&rec->running, false, memory_order_release);
	return ret;
}
