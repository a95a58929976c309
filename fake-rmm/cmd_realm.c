// SPDX-License-Identifier: BSD-3-Clause
/*
 * REALM_CREATE, REALM_ACTIVATE, REALM_DESTROY, REALM_TERMINATE (2.0) and
 * REC_AUX_COUNT (1.0).  Failure conditions are checked in the spec's order
 * (TF-RMM runtime/rmi/realm.c smc_realm_create); the first one that holds decides
 * the status.
 */
#include <stdlib.h>

#include <rmi/v1_0.h>
#include <rmi/v2.h>

#include "realm.h"
#include "rtt.h"
#include "sro.h"

#define MIN_IPA_BITS 32

/*
 * Start level and IPA width must agree: `levels` = 3 - sl levels below the
 * start resolve levels*9 + 12 bits, the start level 9 more, and up to 16
 * concatenated start tables 4 more (not at level 0 without LPA2).
 */
static bool ipa_bits_fit_level(unsigned int ipa_bits, int sl, bool lpa2, unsigned int pa_bits)
{
	int min_sl = lpa2 ? -1 : 0;
	unsigned int levels, min_bits, max_bits;

	if (sl < min_sl || sl > S2TT_PAGE_LEVEL)
		return false;
	/* VTCR_EL2.SL0 cannot start at level 0 on a PA space below 44 bits (Arm ARM, TF-RMM). */
	if (sl == 0 && pa_bits < 44)
		return false;
	levels = (unsigned int)(S2TT_PAGE_LEVEL - sl);
	min_bits = levels * S2TTE_STRIDE + 12 + 1;
	max_bits = min_bits + (sl == -1 ? 3 : S2TTE_STRIDE - 1);
	if (sl > 0 || (sl == 0 && lpa2))
		max_bits += 4;
	return ipa_bits >= min_bits && ipa_bits <= max_bits;
}

unsigned int realm_num_root_rtts(unsigned int ipa_bits, int sl)
{
	unsigned int sl_bits = (unsigned int)(S2TT_PAGE_LEVEL - sl) * S2TTE_STRIDE + 12 + S2TTE_STRIDE;

	return ipa_bits <= sl_bits ? 1 : 1u << (ipa_bits - sl_bits);
}

struct params {
	uint64_t flags, rtt_base, flags1, max_num_vdevs;
	int64_t level_start;
	unsigned int s2sz, sve_vl, num_bps, num_wps, pmu_num_ctrs, hash_algo, num_start;
	unsigned int vmid, num_aux_planes;
	uint8_t rpv[64];
};

static uint64_t page_u64(const uint8_t *page, long off)
{
	uint64_t v = 0;

	if (off >= 0)
		memcpy(&v, page + off, sizeof(v));
	return v;
}

static void read_params(const struct rmm *rmm, const uint8_t *page, struct params *p)
{
	const struct rmi_realm_params *c = (const void *)page;

	memset(p, 0, sizeof(*p));
	/* "flags" or "flags0": where the profile puts it. */
	p->flags = page_u64(page, rmm->lay.realm_flags_off);
	p->max_num_vdevs = page_u64(page, rmm->lay.max_num_vdevs_off);
	p->s2sz = c->s2sz;
	p->sve_vl = c->sve_vl;
	p->num_bps = c->num_bps;
	p->num_wps = c->num_wps;
	p->pmu_num_ctrs = c->pmu_num_ctrs;
	p->hash_algo = c->hash_algo;
	p->rtt_base = c->rtt_base;
	p->level_start = c->rtt_level_start;
	p->num_start = c->rtt_num_start;
	memcpy(p->rpv, c->rpv, sizeof(p->rpv));
	if (rmm->family == RMM_V1) {
		p->vmid = ((const struct rmi_v1_0_realm_params *)(const void *)page)->vmid;
	} else {
		const struct rmi_v2_realm_params *v2 = (const void *)page;

		p->num_aux_planes = v2->num_aux_planes;
		p->flags1 = v2->flags1;
	}
}

static bool hash_supported(const struct rmm *rmm, unsigned int algo)
{
	switch (algo) {
	case RMI_HASH_ALGO_SHA_256:
		return rmm->feat.sha256;
	case RMI_HASH_ALGO_SHA_512:
		return rmm->feat.sha512;
	default:
		return false;	/* 2.0's SHA-384 is not advertised by FEATURES */
	}
}

/*
 * Does the realm use the 52-bit (LPA2) stage-2 format?  Its LPA2 flag
 * where the profile has one.  Without one (the post-v14 host header's
 * RMI_REALM_PARAM_FLAG_* has no LPA2) this RMM infers it from what needs
 * it: an IPA width over 48 bits or start level -1 (choice,
 * V2_CONDITIONS.md; TF-RMM main still has the flag).
 */
static bool realm_wants_lpa2(const struct rmm *rmm, const struct params *p)
{
	if (rmm->lay.flag_lpa2.width)
		return abi_bits_get(rmm->lay.flag_lpa2, p->flags);
	return p->s2sz > 48 || p->level_start == -1;
}

/*
 * Two-valued policies in two bits (MEC_POLICY: SHARED 0 / PRIVATE 1, TF-RMM
 * main validate_realm_params(); LFA_POLICY: ALLOW / DISALLOW, which TF-RMM
 * main does not have yet - checked the same way, choice, V2_CONDITIONS.md):
 * the other encodings are not a policy.  Without MEC (FEATURES reg 4 is 0)
 * either policy is met, as TF-RMM's mecid_alloc() does without FEAT_MEC.
 */
static bool policy_valid(struct abi_bits field, uint64_t flags)
{
	return !field.width || abi_bits_get(field, flags) <= 1;
}

/* The spec's RealmParamsSupported(): each failure is ERROR_INPUT. */
static bool params_supported(const struct rmm *rmm, const struct params *p)
{
	const struct rmm_features *f = &rmm->feat;
	const struct rmm_layout *l = &rmm->lay;
	bool lpa2 = realm_wants_lpa2(rmm, p);
	unsigned int max_s2sz = lpa2 ? 52 : f->s2sz;

	if (lpa2 && !f->lpa2)
		return false;
	if (p->s2sz < MIN_IPA_BITS || p->s2sz > max_s2sz || p->s2sz > f->s2sz)
		return false;
	if (!p->num_bps || p->num_bps > f->num_bps || !p->num_wps || p->num_wps > f->num_wps)
		return false;
	if (abi_bits_get(l->flag_sve, p->flags) && (!f->sve || p->sve_vl > f->sve_vl))
		return false;
	/* FEAT_HPMN0 is not implemented: a PMU needs at least one counter. */
	if (abi_bits_get(l->flag_pmu, p->flags) &&
	    (!f->pmu || !p->pmu_num_ctrs || p->pmu_num_ctrs > f->pmu_num_ctrs))
		return false;
	/* DA needs FEATURES reg 2 DA, which this RMM does not have (TF-RMM main). */
	if (abi_bits_get(l->flag_da, p->flags))
		return false;
	if (!policy_valid(l->flag_mec_policy, p->flags) ||
	    !policy_valid(l->flag_lfa_policy, p->flags))
		return false;
	/*
	 * max_num_vdevs (post-v14 header; not in TF-RMM main): VDEVs need DA,
	 * so without it the only number is 0 (choice, V2_CONDITIONS.md).
	 */
	if (p->max_num_vdevs)
		return false;
	/*
	 * rtt_level_start is a signed 64-bit field: range-check it before it
	 * is narrowed to int, or 2^32 + 1 would pass as level 1
	 * (TF-RMM main runtime/rmi/realm.c validate_ipa_bits_and_sl()
	 * compares the long value).
	 */
	if (p->level_start < (lpa2 ? -1 : 0) || p->level_start > S2TT_PAGE_LEVEL)
		return false;
	if (!ipa_bits_fit_level(p->s2sz, (int)p->level_start, lpa2, rmm->pa_bits))
		return false;
	if (realm_num_root_rtts(p->s2sz, (int)p->level_start) != p->num_start)
		return false;
	if (!hash_supported(rmm, p->hash_algo))
		return false;
	/* 2.0: planes are not supported by this RMM (FEATURES reg 3 is 0). */
	if (rmm->family != RMM_V1 && (p->num_aux_planes || p->flags1))
		return false;
	return true;
}

/* Locks the RD and every root RTT in DELEGATED; all or nothing. */
static bool rd_and_roots_delegated(const struct rmm *rmm, uint64_t rd, const struct params *p)
{
	if (!granule_lock(rmm, rd, GRANULE_DELEGATED))
		return false;
	for (unsigned int i = 0; i < p->num_start; i++)
		if (!granule_lock(rmm, p->rtt_base + i * GRANULE_SIZE, GRANULE_DELEGATED))
			return false;
	return true;
}

uint64_t smc_realm_create(struct rmm *rmm, struct rmi_call *c)
{
	uint64_t rd = c->arg[0], params_pa = c->arg[1];
	uint8_t *page;
	struct params p;
	struct realm *r;
	struct sro_ctx *ctx = NULL;
	uint64_t status = RMI_OK;
	int vmid = -1;

	/*
	 * pat_valid: a stale platform token (rmm_platform_token_expire()) must
	 * be refreshed first, where the profile can (ATTEST_PLAT_TOKEN_REFRESH,
	 * V2_CONDITIONS.md); the spec lists it before every other condition.
	 */
	if (rmm->lay.pat_refresh && rmm->pat_stale)
		return rmi_ret(RMI_STATUS_ERROR_GLOBAL, 0);
	page = malloc(GRANULE_SIZE);
	if (!page)
		abort();
	/* params_align, params_bound, params_pas */
	if (!ns_granule_read(rmm, params_pa, page, GRANULE_SIZE)) {
		status = RMI_EINPUT;
		goto out;
	}
	read_params(rmm, page, &p);
	/* params_valid */
	if (!params_supported(rmm, &p)) {
		status = RMI_EINPUT;
		goto out;
	}
	/* 1.0: the host's VMID must be free (reserved atomically). */
	if (rmm->family == RMM_V1) {
		if (!vmid_reserve(rmm, p.vmid)) {
			status = RMI_EINPUT;
			goto out;
		}
		vmid = (int)p.vmid;
	}
	/* 2.0: each start-level table group must be aligned to its size. */
	if (rmm->family != RMM_V1 && p.rtt_base % (p.num_start * GRANULE_SIZE)) {
		status = RMI_EINPUT;
		goto out;
	}
	/*
	 * 2.0: the RMM allocates the VMID, and runs out before it looks at
	 * the RD and root granules: ERROR_GLOBAL beats their ERROR_INPUT
	 * (TF-RMM main runtime/rmi/realm.c smc_realm_create: vmid_alloc()
	 * before transition_sl_rtts() and the RD lock).  Released on any
	 * later failure (out:).
	 */
	if (rmm->family != RMM_V1) {
		vmid = vmid_alloc(rmm);
		if (vmid < 0) {
			status = rmi_ret(RMI_STATUS_ERROR_GLOBAL, 0);
			goto out;
		}
	}
	/* alias: the RD must not be one of the root RTTs */
	if (rd >= p.rtt_base && rd - p.rtt_base < (uint64_t)p.num_start * GRANULE_SIZE) {
		status = RMI_EINPUT;
		goto out;
	}
	/* rd_align/bound/state, rtt_align/bound/state */
	if (!rd_and_roots_delegated(rmm, rd, &p)) {
		status = RMI_EINPUT;
		goto out;
	}
	/*
	 * An operation (cmd_realm_sro.c) needs a context, reserved now so that
	 * no other CPU takes it before the realm is built: BLOCKED, nothing
	 * changes, if there is none.
	 */
	if (c->cmd->stateful == ABI_STATEFUL_TRANSFER && !(ctx = sro_alloc(rmm))) {
		status = sro_none_free(rmm, c->cmd);
		goto out;
	}
	r = calloc(1, sizeof(*r));
	if (!r)
		abort();
	r->rd = rd;
	r->state = REALM_NEW;
	r->s2sz = p.s2sz;
	r->start_level = (int)p.level_start;
	r->num_start = p.num_start;
	r->rtt_base = p.rtt_base;
	r->lpa2 = realm_wants_lpa2(rmm, &p);
	r->vmid = (unsigned int)vmid;
	r->flags = p.flags;
	r->sve = abi_bits_get(rmm->lay.flag_sve, p.flags);
	r->pmu = abi_bits_get(rmm->lay.flag_pmu, p.flags);
	r->sve_vl = r->sve ? p.sve_vl : 0;
	r->num_bps = p.num_bps;
	r->num_wps = p.num_wps;
	r->pmu_num_ctrs = r->pmu ? p.pmu_num_ctrs : 0;
	r->hash_algo = (enum hash_algo)p.hash_algo;
	memcpy(r->rpv, p.rpv, sizeof(r->rpv));
	rim_init(r, page, rmm->lay.realm_flags_off);
	vmid = -1;	/* owned by the realm now */

	granule_set_state(rmm, rd, granule_at(rmm, rd), GRANULE_RD);
	granule_at(rmm, rd)->obj = r;
	for (unsigned int i = 0; i < p.num_start; i++) {
		uint64_t pa = p.rtt_base + i * GRANULE_SIZE;
		struct granule *g = granule_at(rmm, pa);

		granule_set_state(rmm, pa, g, GRANULE_RTT);
		g->obj = r;
		g->refcount = 0;
	}
	rtt_init_root(rmm, r);
	realm_list_add(rmm, r);
	/* Where the profile makes REALM_CREATE an operation: usable once memory is donated. */
	if (c->cmd->stateful == ABI_STATEFUL_TRANSFER)
		status = realm_create_sro(rmm, r, ctx, c);
out:
	if (vmid >= 0)
		vmid_free(rmm, (unsigned int)vmid);
	free(page);
	return status;
}

uint64_t smc_realm_activate(struct rmm *rmm, struct rmi_call *c)
{
	struct realm *r = realm_of_rd(rmm, c->arg[0]);

	if (!r)
		return RMI_EINPUT;
	if (r->state != REALM_NEW)
		return RMI_EREALM;
	r->state = REALM_ACTIVE;
	return RMI_OK;
}

static unsigned int root_refcount(const struct rmm *rmm, const struct realm *r)
{
	unsigned int sum = 0;

	for (unsigned int i = 0; i < r->num_start; i++)
		sum += granule_at(rmm, r->rtt_base + i * GRANULE_SIZE)->refcount;
	return sum;
}

uint64_t smc_realm_destroy(struct rmm *rmm, struct rmi_call *c)
{
	uint64_t rd = c->arg[0];
	struct realm *r = realm_of_rd(rmm, rd);

	/* rd_align, rd_bound, rd_state */
	if (!r)
		return RMI_EINPUT;
	/* 2.0: only a terminated (ZOMBIE) realm can be destroyed. */
	if (rmm->family != RMM_V1 && r->state != REALM_ZOMBIE)
		return RMI_EREALM;
	/* realm_live: RECs exist, or the root RTTs still have live entries */
	if (granule_at(rmm, rd)->refcount || root_refcount(rmm, r))
		return RMI_EREALM;
	/* Aux granules to give back (cmd_realm_sro.c): an operation, or BLOCKED. */
	if (r->num_aux) {
		struct sro_ctx *ctx = sro_alloc(rmm);

		return ctx ? realm_destroy_sro(rmm, r, ctx, c) : sro_none_free(rmm, c->cmd);
	}
	realm_unbuild(rmm, r);
	granule_zero(rmm, rd);
	granule_at(rmm, rd)->obj = NULL;
	granule_set_state(rmm, rd, granule_at(rmm, rd), GRANULE_DELEGATED);
	return RMI_OK;
}

uint64_t smc_realm_terminate(struct rmm *rmm, struct rmi_call *c)
{
	struct realm *r = realm_of_rd(rmm, c->arg[0]);

	if (!r)
		return RMI_EINPUT;
	/* A realm with a REC running cannot be terminated. */
	if (granule_at(rmm, c->arg[0])->refcount && realm_has_running_rec(r))
		return RMI_EREALM;
	r->state = REALM_ZOMBIE;
	return RMI_OK;
}

uint64_t smc_rec_aux_count(struct rmm *rmm, struct rmi_call *c)
{
	if (!realm_of_rd(rmm, c->arg[0]))
		return RMI_EINPUT;
	c->res[0] = REC_AUX_COUNT;
	return RMI_OK;
}
