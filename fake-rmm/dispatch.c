// SPDX-License-Identifier: BSD-3-Clause
/*
 * The one dispatch table: FID -> (command description, handler).  Built at
 * rmm_create from the profile's description and the handler registry, so
 * FIDs are never written by hand.  Tracing and fault injection sit here.
 */
#include <stdio.h>

#include <cca-double/fault.h>
#include <cca-double/trace.h>

#include <rmi/v2.h>

#include "rmm_internal.h"
#include "sro.h"

#define SMCCC_SVE_HINT (1u << 16)
#define RMI_FID_BASE 0xC4000000u

static int fn_index(uint32_t fid)
{
	uint32_t fn;

	if ((fid & 0xFFFF0000u) != RMI_FID_BASE)
		return -1;
	fn = fid & 0xFFFFu;
	if (fn < RMI_FN_FIRST || fn > RMI_FN_LAST)
		return -1;
	return (int)(fn - RMI_FN_FIRST);
}

static bool name_in(const char *name, const char *const *list)
{
	for (const char *const *n = list; *n; n++)
		if (!strcmp(*n, name))
			return true;
	return false;
}

/*
 * Arguments that name an external granule (TF-RMM docs/design/locking.rst:
 * any granule an RMI argument names in DELEGATED, RD or REC state, and NS
 * for delegation).  The dispatcher locks them, in ascending PA order,
 * before the handler runs (granule_lock.c).  NS pages the RMM only reads
 * or writes (params, run, src) are not locked, as in TF-RMM.
 */
static bool locks_arg(const struct abi_command *c, const char *arg)
{
	static const char *const granule_args[] = { "rd", "rec", "rtt", "data", "calling_rec",
		"target_rec", NULL };

	if (name_in(arg, granule_args))
		return true;
	/* GRANULE_DELEGATE / UNDELEGATE name the granule they move "addr". */
	return !strcmp(arg, "addr") && !strncmp(c->name, "GRANULE_", 8);
}

int dispatch_build(struct rmm *rmm, char *err, size_t errlen)
{
	const struct abi_profile *p = rmm->abi;

	memset(rmm->table, 0, sizeof(rmm->table));
	for (unsigned int i = 0; i < p->ncommands; i++) {
		const struct abi_command *c = &p->commands[i];
		int idx;

		if (c->iface != ABI_RMI)
			continue;
		idx = fn_index(c->fid);
		if (idx < 0) {
			snprintf(err, errlen, "%s: FID 0x%08x outside the dispatch range", c->name, c->fid);
			return -1;
		}
		rmm->table[idx].cmd = c;
		for (unsigned int a = 0; a < c->nargs && a < ABI_MAX_ARGS; a++)
			if (locks_arg(c, c->args[a]))
				rmm->table[idx].lock_args |= (uint16_t)(1u << a);
		for (unsigned int h = 0; h < rmm_nhandlers; h++) {
			const struct handler_entry *e = &rmm_handlers[h];

			if (!strcmp(e->name, c->name) && (e->families & FAMILY_BIT(rmm->family))) {
				rmm->table[idx].fn = e->fn;
				break;
			}
		}
	}
	return 0;
}

/*
 * 2.0 global state (TF-RMM main runtime/core/handler.c): before
 * RMM_ACTIVATE only the first list answers, everything else ERROR_GLOBAL;
 * RMM_CONFIG_SET and RMM_ACTIVATE answer ERROR_GLOBAL once active.
 */
static bool global_state_ok(const struct rmm *rmm, const char *name)
{
	static const char *const any_state[] = { "VERSION", "FEATURES", "RMM_CONFIG_GET",
		"GRANULE_TRACKING_GET", NULL };
	static const char *const init_only[] = { "RMM_CONFIG_SET", "RMM_ACTIVATE", NULL };

	if (rmm->family == RMM_V1 || name_in(name, any_state))
		return true;
	if (name_in(name, init_only))
		return !rmm->active;
	return rmm->active;
}

/* Does an on_failure entry of `c` name result `i` for a failure with `status`? */
static bool declared_on_failure(const struct abi_command *c, unsigned int i, uint64_t status)
{
	for (unsigned int k = 0; k < c->non_failure; k++) {
		const struct abi_on_failure *o = &c->on_failure[k];

		if (o->result == i && (!o->status || (uint64_t)o->status_value == status))
			return true;
	}
	return false;
}

/*
 * A failure defines only the results the spec's on_failure names (spec
 * README; a revision may define results on SUCCESS only and declare none but
 * a few); everything else reads 0, whatever the handler computed on its
 * way to the failure.  INCOMPLETE is no failure: its x1/x2 are the
 * operation's handle and request.
 */
static void results_on_failure(struct rmi_call *call, uint64_t x0)
{
	const struct abi_command *c = call->answering ? call->answering : call->cmd;
	uint64_t status = x0 & RMI_RETURN_CODE_STATUS_MASK;

	if (status == RMI_STATUS_SUCCESS || status == RMI_STATUS_INCOMPLETE)
		return;
	for (unsigned int i = 0; i < ABI_MAX_RESULTS; i++)
		if (i >= c->nresults || !declared_on_failure(c, i, status))
			call->res[i] = 0;
}

/*
 * A forced INCOMPLETE (2.0): rule->index carries the memreq bits and the
 * can-cancel bit as they sit in x0 above the status.  See sro_inject().
 */
static uint64_t inject_incomplete(struct rmm *rmm, struct dispatch_slot *slot,
				  const uint64_t *args, const struct fault_rule *rule,
				  struct rmi_call *call)
{
	uint64_t above = rule->index << RMI_RETURN_CODE_INDEX_SHIFT;

	return sro_inject(rmm, slot->cmd, slot->fn, args,
			  (unsigned int)FIELD_OF(RMI_V2_RETURN_CODE_MEMREQ, above),
			  FIELD_OF(RMI_V2_RETURN_CODE_CAN_CANCEL, above),
			  rule->donate_req, call);
}

/*
 * The handler with the granules its arguments name locked (granule_lock.c);
 * run again from the start when it met a busy lock out of order before
 * changing anything.
 */
static uint64_t run_locked(struct rmm *rmm, const struct dispatch_slot *slot,
			   const uint64_t *args, struct rmi_call *call)
{
	uint64_t x0;

	for (;;) {
		call_lock_args(rmm, slot, args);
		x0 = slot->fn(rmm, call);
		if (!call_restart_wanted())
			return x0;
		sro_call_end(rmm, true);	/* as they were before this attempt */
		call_unlock_all(rmm);
		memset(call->res, 0, sizeof(call->res));
		call->nres = 0;
		call->answering = NULL;
	}
}

void dispatch_call(struct rmm *rmm, struct smc_regs *regs)
{
	uint32_t fid = (uint32_t)regs->x[0] & ~SMCCC_SVE_HINT;
	int idx = fn_index(fid);
	struct dispatch_slot *slot = idx >= 0 ? &rmm->table[idx] : NULL;
	uint64_t args[ABI_MAX_ARGS];
	struct rmi_call call;
	const struct fault_rule *rule = NULL;
	struct call_ctx ctx, *outer;
	uint64_t x0;

	atomic_fetch_add(&rmm->ncalls, 1);
	/* Upper 32 bits of an SMC64 FID must be zero (SMCCC). */
	if (regs->x[0] >> 32)
		slot = NULL;
	memcpy(args, &regs->x[1], sizeof(args));
	memset(&call, 0, sizeof(call));
	call.arg = args;
	call.regs = regs;
	if (!slot || !slot->cmd || !slot->fn) {
		regs->x[0] = SMC_UNKNOWN;
		trace_rmi(rmm->trace, slot ? slot->cmd : NULL, fid, args, SMC_UNKNOWN, NULL, false);
		return;
	}
	call.cmd = slot->cmd;
	call_begin(&ctx, &outer);
	rule = fault_plan_check(rmm->faults, slot->cmd, args);
	if (rule && rule->action == FAULT_RETURN && rmm->sro &&
	    rule->status == RMI_STATUS_INCOMPLETE) {
		x0 = inject_incomplete(rmm, slot, args, rule, &call);
	} else if (rule && rule->action == FAULT_RETURN) {
		/*
		 * BUSY, BLOCKED, any error: the command is not run, nothing
		 * changes, and the results say so as the command itself would
		 * (spec on_failure: a range command's x1 = base, not 0).
		 */
		x0 = rmi_ret(rule->status, rule->index);
		abi_failure_results(slot->cmd, (int64_t)rule->status, args, call.res);
	} else {
		if (rule && rule->action == FAULT_PROGRESS)
			ctx.progress_limit = rule->progress ? rule->progress : 1;
		if (rule && rule->action == FAULT_EXIT)
			ctx.forced_exit = (int)rule->exit_reason;
		if (!global_state_ok(rmm, slot->cmd->name)) {
			/* Refused before it runs: a failure without progress too. */
			x0 = rmi_ret(RMI_STATUS_ERROR_GLOBAL, 0);
			abi_failure_results(slot->cmd, RMI_STATUS_ERROR_GLOBAL, args, call.res);
		} else {
			x0 = run_locked(rmm, slot, args, &call);
			results_on_failure(&call, x0);
		}
	}
	regs->x[0] = x0;
	for (unsigned int i = 0; i < (call.nres ? call.nres : slot->cmd->nresults) &&
			    i < ABI_MAX_RESULTS && 1 + i < SMC_NREGS; i++)
		regs->x[1 + i] = call.res[i];
	/* Operation contexts this call leaves behind wait for the host now. */
	sro_call_end(rmm, false);
	call_unlock_all(rmm);
	/* A REC_ENTER changes no stage 2 (its realm's own changes are flushed where made). */
	if (slot->fn != smc_rec_enter)
		atomic_fetch_add(&rmm->calls_done, 1);
	call_end(&ctx, outer);
	trace_rmi(rmm->trace, slot->cmd, fid, args, x0, call.res, rule != NULL);
}
