// SPDX-License-Identifier: BSD-3-Clause
/* rmm_create / rmm_smc / rmm_destroy and the profile selection. */
#include <stdio.h>
#include <stdlib.h>

#include <cca-double/trace.h>
#include <cca-double/vcpu.h>

#include "realm.h"
#include "rmm_internal.h"
#include "sro.h"

void rmm_default_features(struct rmm_features *f)
{
	memset(f, 0, sizeof(*f));
	/* The vCPU emulates a 44-bit PA CPU: larger IPA spaces cannot run. */
	f->s2sz = 44;
	f->lpa2 = false;
	/* What the realm's CPU has (its ID registers, vcpu.h): FEATURES must not promise more. */
	f->sve = VCPU_SVE;
	f->sve_vl = 0;
	f->num_bps = VCPU_NUM_BPS;
	f->num_wps = VCPU_NUM_WPS;
	f->pmu = VCPU_PMU_COUNTERS > 0;
	f->pmu_num_ctrs = VCPU_PMU_COUNTERS;
	f->sha256 = true;
	f->sha512 = true;
	f->gicv3_num_lrs = 16;
	f->max_recs_order = 10;	/* 1023 RECs: the RD refcount limit */
	f->l0gptsz = 0;		/* 1 GiB L0 GPT blocks */
}

static const char *namer(void *ctx, uint64_t pa)
{
	return granule_state_name(rmm_granule_state(ctx, pa));
}

static int select_profile(struct rmm *rmm, const char *name, char *err, size_t errlen)
{
	int n;

	rmm->abi = abi_profile_find(name);
	if (!rmm->abi) {
		n = snprintf(err, errlen, "unknown profile \"%s\" (known:", name);
		for (unsigned int i = 0; i < abi_nprofiles && n > 0 && (size_t)n < errlen; i++)
			n += snprintf(err + n, errlen - (size_t)n, "%s %s", i ? "," : "",
				      abi_profiles[i]->name);
		if (n > 0 && (size_t)n < errlen)
			snprintf(err + n, errlen - (size_t)n, ")");
		return -1;
	}
	/* Behaviour follows the RMI major version; a revision's own is data (spec/). */
	if (!strcmp(rmm->abi->family, "v1")) {
		rmm->family = RMM_V1;
	} else if (!strcmp(rmm->abi->family, "v2")) {
		rmm->family = RMM_V2;
	} else {
		snprintf(err, errlen, "profile \"%s\" has a description but no behaviour", name);
		return -1;
	}
	return 0;
}

static int check_features(const struct rmm_features *f, char *err, size_t errlen)
{
	unsigned int max_s2sz = f->lpa2 ? 52 : 48;

	if (f->s2sz < 32 || f->s2sz > max_s2sz || !f->num_bps || f->num_bps > 63 ||
	    !f->num_wps || f->num_wps > 63 || f->sve_vl > 15 || f->pmu_num_ctrs > 31 ||
	    !f->gicv3_num_lrs || f->gicv3_num_lrs > 16 || f->max_recs_order > 15 ||
	    (!f->sha256 && !f->sha512) || f->l0gptsz > 15) {
		snprintf(err, errlen, "features out of range (s2sz 32..%u, bps/wps 1..63, sve_vl <= 15, pmu counters <= 31, LRs 1..16, a hash)",
			 max_s2sz);
		return -1;
	}
	return 0;
}

struct rmm *rmm_create(const struct rmm_config *cfg, char *err, size_t errlen)
{
	struct rmm *rmm;

	if (!cfg || !cfg->pmem) {
		snprintf(err, errlen, "rmm_create needs a pmem arena");
		return NULL;
	}
	rmm = calloc(1, sizeof(*rmm));
	if (!rmm) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	if (select_profile(rmm, cfg->profile ? cfg->profile : "1.0", err, errlen) ||
	    layout_resolve(rmm, err, errlen))
		goto fail;
	if (cfg->platform.raw_features) {
		rmm->raw_features = true;
		memcpy(rmm->feature_raw, cfg->platform.feature_register, sizeof(rmm->feature_raw));
		if (features_from_registers(rmm, rmm->feature_raw, err, errlen))
			goto fail;
	} else if (cfg->features_set) {
		rmm->feat = cfg->features;
	} else {
		rmm_default_features(&rmm->feat);
		/* A smaller PA space than the vCPU's: the default IPA width follows it. */
		if (cfg->platform.pa_bits && rmm->feat.s2sz > cfg->platform.pa_bits)
			rmm->feat.s2sz = cfg->platform.pa_bits;
	}
	if (check_features(&rmm->feat, err, errlen))
		goto fail;
	rmm->vmid_bits = cfg->platform.vmid_bits ? cfg->platform.vmid_bits : 16;
	rmm->gic_pri_bits = cfg->platform.gic_priority_bits ? cfg->platform.gic_priority_bits : 5;
	if ((rmm->vmid_bits != 8 && rmm->vmid_bits != 16) || rmm->gic_pri_bits < 5 ||
	    rmm->gic_pri_bits > 8) {
		snprintf(err, errlen, "platform: vmid_bits 8 or 16, gic_priority_bits 5..8 (got %u, %u)",
			 rmm->vmid_bits, rmm->gic_pri_bits);
		goto fail;
	}
	rmm->pmem = cfg->pmem;
	rmm->pa_base = pmem_pa_base(cfg->pmem);
	rmm->ngranules = pmem_ngranules(cfg->pmem);
	if (platform_map_init(rmm, &cfg->platform, err, errlen))
		goto fail;
	rmm->rec_insn_budget = cfg->rec_insn_budget ? cfg->rec_insn_budget : 10000000;
	pthread_mutex_init(&rmm->objects_lock, NULL);
	rmm->granules = calloc(rmm->ngranules, sizeof(*rmm->granules));
	rmm->vmid_used = calloc(65536 / 8, 1);
	if (!rmm->granules || !rmm->vmid_used) {
		snprintf(err, errlen, "out of memory");
		goto fail;
	}
	/*
	 * Read once now: every page of the table is mapped (to the zero page,
	 * nothing is allocated), so a forked sweep run that reads a state does
	 * not take a page fault for it.
	 */
	for (uint64_t i = 0; i < rmm->ngranules; i += 4096 / sizeof(*rmm->granules))
		(void)atomic_load_explicit(&rmm->granules[i].state, memory_order_relaxed);
	if (dispatch_build(rmm, err, errlen))
		goto fail;
	/* 1.0 has no global state: it is ready at once. */
	rmm->active = rmm->family == RMM_V1;
	if (rmm->family != RMM_V1)
		rmm->sro = sro_pool_new();
	pmem_set_state_namer(rmm->pmem, namer, rmm);
	return rmm;
fail:
	free(rmm->granules);
	free(rmm->vmid_used);
	free(rmm);
	return NULL;
}

void rmm_destroy(struct rmm *rmm)
{
	if (!rmm)
		return;
	while (rmm->nrealms)
		realm_free(rmm, rmm->realms[rmm->nrealms - 1]);
	/* Give the host view back: the arena may outlive this RMM. */
	granule_protect_flush(rmm);
	for (uint64_t i = 0; i < rmm->ngranules; i++)
		if (rmm->granules[i].state != GRANULE_NS)
			granule_set_state(rmm, rmm->pa_base + (i << GRANULE_SHIFT),
					  &rmm->granules[i], GRANULE_NS);
	granule_protect_flush(rmm);
	pmem_set_state_namer(rmm->pmem, NULL, NULL);
	sro_pool_free(rmm->sro);
	free(rmm->realms);
	free(rmm->granules);
	free(rmm->vmid_used);
	pthread_mutex_destroy(&rmm->objects_lock);
	free(rmm);
}

void rmm_smc(struct rmm *rmm, struct smc_regs *regs)
{
	dispatch_call(rmm, regs);
}

uint64_t rmm_call(struct rmm *rmm, uint32_t fid, uint64_t a1, uint64_t a2, uint64_t a3,
		  uint64_t a4, uint64_t a5, uint64_t a6, struct smc_regs *out)
{
	struct smc_regs r = { .x = { fid, a1, a2, a3, a4, a5, a6 } };

	rmm_smc(rmm, &r);
	if (out)
		*out = r;
	return r.x[0];
}

const struct abi_profile *rmm_profile(const struct rmm *rmm)
{
	return rmm->abi;
}

struct pmem *rmm_pmem(const struct rmm *rmm)
{
	return rmm->pmem;
}

/* What the trace reads of a run page: the host's view of an NS granule. */
static bool trace_read_ns(void *ctx, uint64_t pa, void *buf, size_t len)
{
	return ns_granule_read(ctx, pa, buf, len);
}

void rmm_set_trace(struct rmm *rmm, struct trace *trace)
{
	rmm->trace = trace;
	if (trace) {
		trace_set_profile(trace, rmm->abi);
		trace_set_reader(trace, trace_read_ns, rmm);
	}
}

struct trace *rmm_trace(const struct rmm *rmm)
{
	return rmm->trace;
}

void rmm_set_faults(struct rmm *rmm, struct fault_plan *plan)
{
	rmm->faults = plan;
}

void rmm_platform_token_expire(struct rmm *rmm)
{
	rmm->pat_stale = true;
	rmm->pat_refreshing = false;
}

uint64_t rmm_call_count(const struct rmm *rmm)
{
	return rmm->ncalls;
}
