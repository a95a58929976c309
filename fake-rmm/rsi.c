// SPDX-License-Identifier: BSD-3-Clause
/*
 * RSI calls from the realm (an SMC the engine stopped on).  Answered inside
 * the RMM: VERSION, FEATURES, REALM_CONFIG, MEASUREMENT_READ/EXTEND,
 * IPA_STATE_GET, ATTEST_TOKEN_INIT/CONTINUE, SMCCC_VERSION, unknown FIDs.
 * Forwarded as REC exits: IPA_STATE_SET (RIPAS_CHANGE), HOST_CALL, PSCI
 * (psci.c).  Checks and results as TF-RMM rmm-spec-v1.0-rel0 runtime/rsi
 * (DEN0137 "RSI commands").
 *
 * Results: x0..x3 are written (unset ones become 0, as TF-RMM's result
 * registers), x4 and up are preserved.
 */
#include <stdarg.h>
#include <stdio.h>

#include <cca-double/trace.h>
#include <rmi/v1_0.h>
#include <rmi/v2.h>

#include "attest.h"
#include "rec_run.h"
#include "rtt.h"

#define RSI_NR_ARGS 11			/* x0 .. x10 (MEASUREMENT_EXTEND) */
#define SMCCC_VERSION_1_2 0x10002ULL
#define RSI_REVISION_1_0 0x10000ULL	/* major 1 << 16 | minor 0 */
#define SMCCC_SMC32_FID_MASK 0xffffffffULL
#define SMC_SVE_HINT (1u << 16)
#define RSI_HOST_CALL_SIZE sizeof(struct rmi_v1_0_rsi_host_call)

struct rsi_call {
	uint32_t fid;
	uint64_t x[RSI_NR_ARGS];
	uint64_t res[4];		/* x0..x3 back to the realm */
};

void rec_trace_call(struct rmm *rmm, uint32_t fid, const uint64_t *args, const char *fmt, ...)
{
	char outcome[160];
	va_list ap;

	if (!rmm->trace)
		return;
	va_start(ap, fmt);
	vsnprintf(outcome, sizeof(outcome), fmt, ap);
	va_end(ap);
	trace_rsi(rmm->trace, abi_command_by_fid(rmm->abi, fid), fid, args, outcome);
}

static const char *rsi_status_name(uint64_t s)
{
	static const char *const names[] = { "SUCCESS", "ERROR_INPUT", "ERROR_STATE",
					     "INCOMPLETE", "ERROR_UNKNOWN" };

	return s < sizeof(names) / sizeof(names[0]) ? names[s] : "SMC_UNKNOWN";
}

/* Answer the realm and resume it. */
static enum rec_step resume(struct rmm *rmm, struct rec *rec, struct rsi_call *c)
{
	for (unsigned int i = 0; i < 4; i++)
		rec_set_x(rec, i, c->res[i]);
	rec_trace_call(rmm, c->fid, &c->x[1], "%s", rsi_status_name(c->res[0]));
	return REC_STEP_RESUME;
}

static enum rec_step s2_abort(struct rmm *rmm, struct rec *rec, struct rsi_call *c,
			      uint64_t ipa, int level, struct rec_exit_info *out)
{
	rec_trace_call(rmm, c->fid, &c->x[1], "REC_EXIT SYNC (stage-2 abort at 0x%llx)",
		       (unsigned long long)ipa);
	/* The SMC runs again on the next entry, once the host has mapped the page. */
	vcpu_set_reg(rec->vcpu, VCPU_REG_PC, vcpu_get_reg(rec->vcpu, VCPU_REG_PC) - 4);
	rec_emulated_s2_abort(ipa, level, out);
	return REC_STEP_EXIT;
}

/*
 * The realm page at ipa an RSI call reads or writes, or NULL when the call
 * has been dealt with instead (*step): answered as it stands in c (not RAM
 * the realm can use), or a stage-2 abort exit (not mapped yet).
 */
static void *call_page(struct rmm *rmm, struct rec *rec, struct rsi_call *c, uint64_t ipa,
		       struct rec_exit_info *out, enum rec_step *step)
{
	void *p;
	int level;

	switch (rec_ipa_lookup(rmm, rec->realm, ipa, &p, &level)) {
	case IPA_MAPPED:
		return p;
	case IPA_UNMAPPED:
		*step = s2_abort(rmm, rec, c, ipa, level, out);
		return NULL;
	default:
		*step = resume(rmm, rec, c);
		return NULL;
	}
}

static uint64_t rsi_version(const struct rmm *rmm)
{
	return ((uint64_t)rmm->abi->rsi_major << 16) | rmm->abi->rsi_minor;
}

/*
 * The revisions this RMM answers to: 1.0 and the profile's own (RSI 1.1 of
 * the 2.0 profiles only adds to 1.0's layouts).  A supported request gets SUCCESS,
 * lower = the request; any other ERROR_INPUT, lower = the highest; higher is
 * always the highest (TF-RMM main handle_rsi_version()).
 */
static enum rec_step rsi_version_call(struct rmm *rmm, struct rec *rec, struct rsi_call *c)
{
	uint64_t highest = rsi_version(rmm), req = c->x[1];
	bool supported = req == highest || req == RSI_REVISION_1_0;

	c->res[0] = supported ? RSI_V1_0_STATUS_SUCCESS : RSI_V1_0_STATUS_ERROR_INPUT;
	c->res[1] = supported ? req : highest;
	c->res[2] = highest;
	return resume(rmm, rec, c);
}

/* The realm's RsiRealmConfig page: the 1.0 layout, or 2.0's (RSI 1.1) with planes and GIC. */
static void write_realm_config(const struct rmm *rmm, const struct rec *rec, void *page)
{
	const struct realm *r = rec->realm;
	unsigned int algo = r->hash_algo == HASH_SHA512 ? RSI_V1_0_HASH_ALGO_SHA_512
							: RSI_V1_0_HASH_ALGO_SHA_256;

	if (rmm->family == RMM_V1) {
		struct rmi_v1_0_rsi_realm_config *cfg = page;

		memset(cfg, 0, sizeof(*cfg));
		cfg->ipa_width = r->s2sz;
		cfg->hash_algo = (uint8_t)algo;
		memcpy(cfg->rpv, r->rpv, sizeof(cfg->rpv));
	} else {
		struct rmi_v2_rsi_realm_config *cfg = page;

		memset(cfg, 0, sizeof(*cfg));
		cfg->ipa_width = r->s2sz;
		cfg->hash_algo = (uint8_t)algo;
		/* REALM_CREATE refuses auxiliary planes, so none and ATS sees plane 0. */
		cfg->num_aux_planes = 0;
		cfg->ats_plane = 0;
		cfg->gicv3_vtr = vgic_ich_vtr(&rec->gic);
		memcpy(cfg->rpv, r->rpv, sizeof(cfg->rpv));
	}
}

static enum rec_step realm_config(struct rmm *rmm, struct rec *rec, struct rsi_call *c,
				  struct rec_exit_info *out)
{
	uint64_t ipa = c->x[1];
	enum rec_step step;
	void *p;

	c->res[0] = RSI_V1_0_STATUS_ERROR_INPUT;
	if (ipa & (GRANULE_SIZE - 1))
		return resume(rmm, rec, c);
	p = call_page(rmm, rec, c, ipa, out, &step);
	if (!p)
		return step;
	write_realm_config(rmm, rec, p);
	c->res[0] = RSI_V1_0_STATUS_SUCCESS;
	return resume(rmm, rec, c);
}

static enum rec_step measurement_read(struct rmm *rmm, struct rec *rec, struct rsi_call *c)
{
	const uint8_t *m;

	if (c->x[1] >= MEASUREMENT_SLOTS) {
		c->res[0] = RSI_V1_0_STATUS_ERROR_INPUT;
		return resume(rmm, rec, c);
	}
	/* 64 bytes in x1..x8 (zero beyond the hash size). */
	m = rec->realm->measurements[c->x[1]];
	realm_lock_rd(rmm, rec->realm);
	for (unsigned int i = 0; i < 8; i++) {
		uint64_t v;

		memcpy(&v, m + 8 * i, sizeof(v));
		if (i < 3)
			c->res[1 + i] = v;
		else
			rec_set_x(rec, 1 + i, v);
	}
	realm_unlock_rd(rmm, rec->realm);
	c->res[0] = RSI_V1_0_STATUS_SUCCESS;
	return resume(rmm, rec, c);
}

static enum rec_step measurement_extend(struct rmm *rmm, struct rec *rec, struct rsi_call *c)
{
	uint64_t index = c->x[1], size = c->x[2];
	uint8_t data[64];

	c->res[0] = RSI_V1_0_STATUS_ERROR_INPUT;
	if (index == 0 || index >= MEASUREMENT_SLOTS || size > sizeof(data))
		return resume(rmm, rec, c);
	memcpy(data, &c->x[3], sizeof(data));
	realm_lock_rd(rmm, rec->realm);
	rem_extend(rec->realm, (unsigned int)index, data, (size_t)size);
	realm_unlock_rd(rmm, rec->realm);
	c->res[0] = RSI_V1_0_STATUS_SUCCESS;
	return resume(rmm, rec, c);
}

/* The protected range [base, top) is granule aligned, non-empty, inside the PAR. */
static bool ripas_range_ok(const struct realm *r, uint64_t base, uint64_t top)
{
	uint64_t par = realm_ipa_size(r) >> 1;

	return !(base & (GRANULE_SIZE - 1)) && !(top & (GRANULE_SIZE - 1)) && top > base &&
	       base < par && top <= par;
}

static enum rec_step ipa_state_set(struct rmm *rmm, struct rec *rec, struct rsi_call *c,
				   struct rec_exit_info *out)
{
	uint64_t base = c->x[1], top = c->x[2], ripas = c->x[3], flags = c->x[4];

	if (ripas > RMI_RIPAS_RAM || !ripas_range_ok(rec->realm, base, top)) {
		c->res[0] = RSI_V1_0_STATUS_ERROR_INPUT;
		return resume(rmm, rec, c);
	}
	rec->ripas = (struct rec_ripas_change){
		.pending = true, .base = base, .top = top, .addr = base,
		.ripas = (unsigned int)ripas,
		.change_destroyed = FIELD_OF(RSI_V1_0_RIPAS_CHANGE_FLAGS_CHANGE_DESTROYED, flags),
	};
	/* The realm's answer comes with the next entry (rsi_complete_ripas_change). */
	rec_set_x(rec, 0, RSI_V1_0_STATUS_SUCCESS);
	rec_set_x(rec, 1, top);
	out->kind = EXIT_RIPAS_CHANGE;
	out->ripas_base = base;
	out->ripas_top = top;
	out->ripas_value = (unsigned int)ripas;
	rec_trace_call(rmm, c->fid, &c->x[1], "REC_EXIT RIPAS_CHANGE");
	return REC_STEP_EXIT;
}

void rsi_complete_ripas_change(struct rec *rec)
{
	struct rec_ripas_change *p = &rec->ripas;

	if (!p->pending)
		return;
	rec_set_x(rec, 0, RSI_V1_0_STATUS_SUCCESS);
	rec_set_x(rec, 1, p->addr);
	/* The host may refuse only a change to RAM it has not completed. */
	rec_set_x(rec, 2, p->ripas == RMI_RIPAS_RAM && p->addr != p->top && p->reject ?
			  RMI_RESPONSE_REJECT : RMI_RESPONSE_ACCEPT);
	*p = (struct rec_ripas_change){ 0 };
}

/* RIPAS of [base, end): the run of equal RIPAS from base inside one RTT. */
static enum rec_step ipa_state_get(struct rmm *rmm, struct rec *rec, struct rsi_call *c)
{
	const struct realm *r = rec->realm;
	uint64_t base = c->x[1], end = c->x[2], addr, size;
	struct rtt_walk w;
	unsigned int i;

	if (!ripas_range_ok(r, base, end)) {
		c->res[0] = RSI_V1_0_STATUS_ERROR_INPUT;
		return resume(rmm, rec, c);
	}
	rtt_walk(rmm, r, base, S2TT_PAGE_LEVEL, &w);
	size = s2tt_entry_size(w.level);
	addr = (base & ~(size - 1)) + size;
	for (i = w.index + 1; i < S2TT_ENTRIES && addr < end; i++, addr += size) {
		struct s2tte_info e = s2tte_decode(w.table[i], w.level);

		if (e.ripas != w.info.ripas || e.kind == S2TTE_TABLE)
			break;
	}
	c->res[0] = RSI_V1_0_STATUS_SUCCESS;
	c->res[1] = addr < end ? addr : end;
	c->res[2] = w.info.ripas;
	return resume(rmm, rec, c);
}

static enum rec_step host_call(struct rmm *rmm, struct rec *rec, struct rsi_call *c,
			       struct rec_exit_info *out)
{
	uint64_t ipa = c->x[1];
	const struct rmi_v1_0_rsi_host_call *hc;
	enum rec_step step;
	void *p;

	c->res[0] = RSI_V1_0_STATUS_ERROR_INPUT;
	/* 256-byte aligned, so it never crosses a granule. */
	if (ipa & (RSI_HOST_CALL_SIZE - 1))
		return resume(rmm, rec, c);
	p = call_page(rmm, rec, c, ipa, out, &step);
	if (!p)
		return step;
	hc = p;
	out->kind = EXIT_HOST_CALL;
	out->imm = hc->imm;
	memcpy(out->gprs, hc->gprs, sizeof(out->gprs));
	rec->host_call_pending = true;
	rec->host_call_ipa = ipa;
	rec_trace_call(rmm, c->fid, &c->x[1], "REC_EXIT HOST_CALL imm=%u", hc->imm);
	return REC_STEP_EXIT;
}

enum rec_step rsi_complete_host_call(struct rmm *rmm, struct rec *rec, const uint64_t *gprs,
				     struct rec_exit_info *out)
{
	struct rmi_v1_0_rsi_host_call *hc;
	void *p;
	int level;

	if (!rec->host_call_pending)
		return REC_STEP_RESUME;
	switch (rec_ipa_lookup(rmm, rec->realm, rec->host_call_ipa, &p, &level)) {
	case IPA_MAPPED:
		break;
	case IPA_UNMAPPED:
		/* The host unmapped the struct meanwhile: exit again, call still pending. */
		rec_emulated_s2_abort(rec->host_call_ipa, level, out);
		return REC_STEP_EXIT;
	default:
		/* Now EMPTY: the results have nowhere to go. */
		rec_set_x(rec, 0, RSI_V1_0_STATUS_ERROR_INPUT);
		rec->host_call_pending = false;
		return REC_STEP_RESUME;
	}
	hc = p;
	memcpy(hc->gprs, gprs, sizeof(hc->gprs));
	rec_set_x(rec, 0, RSI_V1_0_STATUS_SUCCESS);
	rec->host_call_pending = false;
	return REC_STEP_RESUME;
}

static enum rec_step attest_init_call(struct rmm *rmm, struct rec *rec, struct rsi_call *c)
{
	c->res[1] = attest_token_init(&rec->attest, rec->realm, (const uint8_t *)&c->x[1]);
	c->res[0] = RSI_V1_0_STATUS_SUCCESS;
	return resume(rmm, rec, c);
}

static enum rec_step attest_continue_call(struct rmm *rmm, struct rec *rec, struct rsi_call *c,
					  struct rec_exit_info *out)
{
	uint64_t ipa = c->x[1], offset = c->x[2], size = c->x[3];
	enum rec_step step;
	void *p;

	c->res[0] = RSI_V1_0_STATUS_ERROR_INPUT;
	if ((ipa & (GRANULE_SIZE - 1)) || offset >= GRANULE_SIZE || size > GRANULE_SIZE - offset)
		return resume(rmm, rec, c);
	if (!realm_ipa_is_protected(rec->realm, ipa))
		return resume(rmm, rec, c);
	if (!attest_token_started(rec->attest)) {
		c->res[0] = RSI_V1_0_STATUS_ERROR_STATE;
		return resume(rmm, rec, c);
	}
	p = call_page(rmm, rec, c, ipa, out, &step);
	if (!p)
		return step;
	if (!attest_token_signed(rec->attest)) {
		/*
		 * Signing is long: TF-RMM (handle_rsi_attest_token_continue)
		 * looks for a pending physical interrupt while it signs and,
		 * if one is there, answers INCOMPLETE with nothing written and
		 * exits with IRQ; the realm calls again.
		 */
		attest_token_set_signing(rec->attest, true);
		if (rec_irq_due(rmm, rec)) {
			attest_token_set_signing(rec->attest, false);
			c->res[0] = RSI_V1_0_STATUS_INCOMPLETE;
			for (unsigned int i = 0; i < 4; i++)
				rec_set_x(rec, i, c->res[i]);
			rec_trace_call(rmm, c->fid, &c->x[1], "INCOMPLETE, REC_EXIT IRQ (interrupted while signing)");
			out->kind = EXIT_IRQ;
			return REC_STEP_EXIT;
		}
		attest_token_set_signing(rec->attest, false);
		if (!attest_token_sign(rec->attest)) {
			c->res[0] = RSI_V1_0_STATUS_ERROR_STATE;	/* libcrypto failed: no token */
			return resume(rmm, rec, c);
		}
	}
	c->res[1] = attest_token_copy(rec->attest, (uint8_t *)p + offset, size);
	c->res[0] = attest_token_started(rec->attest) ? RSI_V1_0_STATUS_INCOMPLETE
						       : RSI_V1_0_STATUS_SUCCESS;
	return resume(rmm, rec, c);
}

enum rec_step rsi_handle_smc(struct rmm *rmm, struct rec *rec, struct rec_exit_info *out)
{
	struct rsi_call c = { 0 };

	for (unsigned int i = 0; i < RSI_NR_ARGS; i++)
		c.x[i] = rec_get_x(rec, i);
	c.fid = (uint32_t)(c.x[0] & SMCCC_SMC32_FID_MASK) & ~SMC_SVE_HINT;
	if (psci_fid(c.fid))
		return psci_handle(rmm, rec, c.fid, out);
	switch (c.fid) {
	case PSCI_FID_SMCCC_VERSION:
		c.res[0] = SMCCC_VERSION_1_2;
		rec_trace_call(rmm, c.fid, &c.x[1], "0x%llx", (unsigned long long)c.res[0]);
		for (unsigned int i = 0; i < 4; i++)
			rec_set_x(rec, i, c.res[i]);
		return REC_STEP_RESUME;
	case RSI_FID_VERSION:
		return rsi_version_call(rmm, rec, &c);
	case RSI_FID_FEATURES:
		c.res[0] = RSI_V1_0_STATUS_SUCCESS;	/* every feature register reads 0 */
		return resume(rmm, rec, &c);
	case RSI_FID_REALM_CONFIG:
		return realm_config(rmm, rec, &c, out);
	case RSI_FID_MEASUREMENT_READ:
		return measurement_read(rmm, rec, &c);
	case RSI_FID_MEASUREMENT_EXTEND:
		return measurement_extend(rmm, rec, &c);
	case RSI_FID_IPA_STATE_SET:
		return ipa_state_set(rmm, rec, &c, out);
	case RSI_FID_IPA_STATE_GET:
		return ipa_state_get(rmm, rec, &c);
	case RSI_FID_HOST_CALL:
		return host_call(rmm, rec, &c, out);
	case RSI_FID_ATTEST_TOKEN_INIT:
		return attest_init_call(rmm, rec, &c);
	case RSI_FID_ATTEST_TOKEN_CONTINUE:
		return attest_continue_call(rmm, rec, &c, out);
	default:
		c.res[0] = SMC_UNKNOWN;
		return resume(rmm, rec, &c);
	}
}
