// SPDX-License-Identifier: BSD-3-Clause
/*
 * PSCI calls from the realm, and PSCI_COMPLETE.  Semantics as TF-RMM
 * rmm-spec-v1.0-rel0 runtime/rsi/psci.c and runtime/rmi/rec.c
 * (smc_psci_complete):
 *  - answered inside: PSCI_VERSION (1.1), PSCI_FEATURES, unknown functions
 *    (NOT_SUPPORTED), and the CPU_ON / AFFINITY_INFO checks the RMM can
 *    make alone (entry outside the PAR, unknown target, the caller itself);
 *  - forwarded (PSCI exit, gprs[0] = FID, gprs[1] = target for CPU_ON /
 *    AFFINITY_INFO, the rest 0): CPU_ON and AFFINITY_INFO of another REC
 *    (the caller waits for PSCI_COMPLETE), CPU_OFF (REC no longer
 *    runnable), CPU_SUSPEND, SYSTEM_OFF / SYSTEM_RESET (realm SYSTEM_OFF).
 */
#include <rmi/v1_0.h>

#include "rec_run.h"

#define PSCI_VERSION_1_1 0x10001ULL
#define PSCI_SMC32_FIRST 0x84000000u
#define PSCI_SMC64_FIRST 0xC4000000u
#define PSCI_FN_COUNT 0x20u

bool psci_fid(uint32_t fid)
{
	return (fid - PSCI_SMC32_FIRST) < PSCI_FN_COUNT || (fid - PSCI_SMC64_FIRST) < PSCI_FN_COUNT;
}

static uint64_t psci_ret(int64_t v)
{
	return (uint64_t)v;
}

/* Answered inside the RMM: x0 = value, x1..x3 = 0. */
static enum rec_step answer(struct rmm *rmm, struct rec *rec, uint32_t fid, const uint64_t *args,
			    uint64_t value)
{
	rec_set_x(rec, 0, value);
	for (unsigned int i = 1; i < 4; i++)
		rec_set_x(rec, i, 0);
	rec_trace_call(rmm, fid, args, "%lld", (long long)value);
	return REC_STEP_RESUME;
}

static enum rec_step forward(struct rmm *rmm, uint32_t fid, const uint64_t *args,
			     unsigned int nargs, struct rec_exit_info *out)
{
	out->kind = EXIT_PSCI;
	out->gprs[0] = fid;
	for (unsigned int i = 1; i < nargs; i++)
		out->gprs[i] = args[i - 1];
	rec_trace_call(rmm, fid, args, "REC_EXIT PSCI");
	return REC_STEP_EXIT;
}

static bool features_supported(uint32_t fid)
{
	switch (fid) {
	case PSCI_FID_CPU_SUSPEND:
	case PSCI_FID_CPU_SUSPEND_32:
	case PSCI_FID_CPU_OFF:
	case PSCI_FID_CPU_ON:
	case PSCI_FID_CPU_ON_32:
	case PSCI_FID_AFFINITY_INFO:
	case PSCI_FID_AFFINITY_INFO_32:
	case PSCI_FID_SYSTEM_OFF:
	case PSCI_FID_SYSTEM_RESET:
	case PSCI_FID_PSCI_FEATURES:
	case PSCI_FID_SMCCC_VERSION:
		return true;
	default:
		return false;
	}
}

/* CPU_ON / AFFINITY_INFO of another REC: the host completes it with PSCI_COMPLETE. */
static enum rec_step request(struct rmm *rmm, struct rec *rec, uint32_t fid, const uint64_t *args,
			     struct rec_exit_info *out)
{
	rec->psci = (struct rec_psci_request){
		.pending = true, .fid = fid, .target_mpidr = args[0],
		.entry = args[1], .context_id = args[2],
	};
	return forward(rmm, fid, args, 2, out);
}

enum rec_step psci_handle(struct rmm *rmm, struct rec *rec, uint32_t fid,
			  struct rec_exit_info *out)
{
	struct realm *r = rec->realm;
	uint64_t args[3];
	unsigned int target;

	for (unsigned int i = 0; i < 3; i++)
		args[i] = rec_get_x(rec, 1 + i);
	switch (fid) {
	case PSCI_FID_PSCI_VERSION:
		return answer(rmm, rec, fid, args, PSCI_VERSION_1_1);
	case PSCI_FID_PSCI_FEATURES:
		return answer(rmm, rec, fid, args,
			      psci_ret(features_supported((uint32_t)args[0]) ?
				       PSCI_V1_0_STATUS_SUCCESS : PSCI_V1_0_STATUS_NOT_SUPPORTED));
	case PSCI_FID_CPU_ON:
	case PSCI_FID_CPU_ON_32:
		if (!realm_ipa_is_protected(r, args[1]))
			return answer(rmm, rec, fid, args,
				      psci_ret(PSCI_V1_0_STATUS_INVALID_ADDRESS));
		target = mpidr_el1_index(args[0]);
		if (target >= r->rec_count)
			return answer(rmm, rec, fid, args,
				      psci_ret(PSCI_V1_0_STATUS_INVALID_PARAMETERS));
		if (target == rec->index)
			return answer(rmm, rec, fid, args, psci_ret(PSCI_V1_0_STATUS_ALREADY_ON));
		return request(rmm, rec, fid, args, out);
	case PSCI_FID_AFFINITY_INFO:
	case PSCI_FID_AFFINITY_INFO_32:
		if (args[1] != 0)	/* only the lowest affinity level is supported */
			return answer(rmm, rec, fid, args,
				      psci_ret(PSCI_V1_0_STATUS_INVALID_PARAMETERS));
		target = mpidr_el1_index(args[0]);
		if (target >= r->rec_count)
			return answer(rmm, rec, fid, args,
				      psci_ret(PSCI_V1_0_STATUS_INVALID_PARAMETERS));
		if (target == rec->index)
			return answer(rmm, rec, fid, args, PSCI_V1_0_AFFINITY_STATE_ON);
		return request(rmm, rec, fid, args, out);
	case PSCI_FID_CPU_OFF:
		rec->runnable = false;
		rec_set_x(rec, 0, PSCI_V1_0_STATUS_SUCCESS);
		return forward(rmm, fid, args, 1, out);
	case PSCI_FID_CPU_SUSPEND:
	case PSCI_FID_CPU_SUSPEND_32:
		rec_set_x(rec, 0, PSCI_V1_0_STATUS_SUCCESS);
		return forward(rmm, fid, args, 1, out);
	case PSCI_FID_SYSTEM_OFF:
	case PSCI_FID_SYSTEM_RESET:
		realm_lock_rd(rmm, r);
		r->state = REALM_SYSTEM_OFF;
		realm_unlock_rd(rmm, r);
		return forward(rmm, fid, args, 1, out);
	default:
		return answer(rmm, rec, fid, args, psci_ret(PSCI_V1_0_STATUS_NOT_SUPPORTED));
	}
}

static bool target_on(const struct rec *target)
{
	return target->running || target->runnable;
}

/*
 * After the command-level checks (cmd_rec.c).  Failures leave every REC
 * unchanged; TF-RMM 1.0 still completes the request when it answers
 * ERROR_INPUT for DENIED-while-on, the spec's failure semantics do not.
 * `target` NULL: the RMM looked the target up itself (no target_rec
 * argument) and the REC the request names is gone - it is off, and
 * cannot be turned on.
 */
uint64_t psci_complete(struct rmm *rmm, struct rec *calling, struct rec *target,
		       uint64_t status)
{
	struct rec_psci_request *p = &calling->psci;
	int64_t st = (int64_t)status;
	uint64_t result;

	if (!p->pending)
		return RMI_EINPUT;
	if (target && calling->realm != target->realm)
		return RMI_EINPUT;
	if (target && mpidr_el1_index(p->target_mpidr) != target->index)
		return RMI_EINPUT;
	if (p->fid == PSCI_FID_CPU_ON || p->fid == PSCI_FID_CPU_ON_32) {
		if (st != PSCI_V1_0_STATUS_SUCCESS && st != PSCI_V1_0_STATUS_DENIED)
			return RMI_EINPUT;
		if (!target) {
			if (st != PSCI_V1_0_STATUS_DENIED)
				return RMI_EINPUT;
			result = psci_ret(PSCI_V1_0_STATUS_DENIED);
		} else if (target_on(target)) {
			if (st == PSCI_V1_0_STATUS_DENIED)
				return RMI_EINPUT;
			result = psci_ret(PSCI_V1_0_STATUS_ALREADY_ON);
		} else if (st == PSCI_V1_0_STATUS_DENIED) {
			result = psci_ret(PSCI_V1_0_STATUS_DENIED);
		} else {
			rec_reset(target, p->entry, p->context_id);
			target->runnable = true;
			result = PSCI_V1_0_STATUS_SUCCESS;
		}
	} else {
		if (st != PSCI_V1_0_STATUS_SUCCESS)
			return RMI_EINPUT;
		result = target && target_on(target) ? PSCI_V1_0_AFFINITY_STATE_ON
						     : PSCI_V1_0_AFFINITY_STATE_OFF;
	}
	rec_set_x(calling, 0, result);
	for (unsigned int i = 1; i < 4; i++)
		rec_set_x(calling, i, 0);
	*p = (struct rec_psci_request){ 0 };
	(void)rmm;
	return RMI_OK;
}
