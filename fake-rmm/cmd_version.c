// SPDX-License-Identifier: BSD-3-Clause
/* VERSION (negotiation) and FEATURES (feature registers from the configuration). */
#include <rmi/v1_0.h>
#include <rmi/v2.h>

#include "rmm_internal.h"
#include "rtt.h"

static uint64_t version_word(unsigned int major, unsigned int minor)
{
	return FIELD_VAL(RMI_VERSION_MAJOR, major) | FIELD_VAL(RMI_VERSION_MINOR, minor);
}

/*
 * The RMM implements exactly one revision (lower == higher).  1.0 answers
 * SUCCESS only for the revision it implements; 2.0 also for an older
 * minor of the same major it is compatible with.  x1/x2 always carry the
 * implemented range (DEN0137 "RMI_VERSION"; TF-RMM smc_version).
 */
uint64_t smc_version(struct rmm *rmm, struct rmi_call *c)
{
	uint64_t req = c->arg[0];
	uint64_t impl = version_word(rmm->abi->rmi_major, rmm->abi->rmi_minor);
	unsigned int req_major = (unsigned int)FIELD_OF(RMI_VERSION_MAJOR, req);
	unsigned int req_minor = (unsigned int)FIELD_OF(RMI_VERSION_MINOR, req);
	bool ok;

	c->res[0] = impl;
	c->res[1] = impl;
	if (req >> 31)	/* bit 31 and up are reserved: not a version */
		return RMI_EINPUT;
	if (rmm->family == RMM_V1)
		ok = req == impl;
	else
		ok = req_major == rmm->abi->rmi_major && req_minor <= rmm->abi->rmi_minor;
	return ok ? RMI_OK : RMI_EINPUT;
}

static uint64_t features_v1_0(const struct rmm_features *f, uint64_t index)
{
	if (index != 0)
		return 0;
	return FIELD_VAL(RMI_V1_0_FEATURE_REGISTER_0_S2SZ, f->s2sz) |
	       FIELD_VAL(RMI_V1_0_FEATURE_REGISTER_0_LPA2, f->lpa2) |
	       FIELD_VAL(RMI_V1_0_FEATURE_REGISTER_0_SVE_EN, f->sve) |
	       FIELD_VAL(RMI_V1_0_FEATURE_REGISTER_0_SVE_VL, f->sve ? f->sve_vl : 0) |
	       FIELD_VAL(RMI_V1_0_FEATURE_REGISTER_0_NUM_BPS, f->num_bps) |
	       FIELD_VAL(RMI_V1_0_FEATURE_REGISTER_0_NUM_WPS, f->num_wps) |
	       FIELD_VAL(RMI_V1_0_FEATURE_REGISTER_0_PMU_EN, f->pmu) |
	       FIELD_VAL(RMI_V1_0_FEATURE_REGISTER_0_PMU_NUM_CTRS, f->pmu ? f->pmu_num_ctrs : 0) |
	       FIELD_VAL(RMI_V1_0_FEATURE_REGISTER_0_HASH_SHA_256, f->sha256) |
	       FIELD_VAL(RMI_V1_0_FEATURE_REGISTER_0_HASH_SHA_512, f->sha512) |
	       /* The field holds the number of list registers minus one. */
	       FIELD_VAL(RMI_V1_0_FEATURE_REGISTER_0_GICV3_NUM_LRS, f->gicv3_num_lrs - 1) |
	       FIELD_VAL(RMI_V1_0_FEATURE_REGISTER_0_MAX_RECS_ORDER, f->max_recs_order);
}

/*
 * The widest output address a realm's stage 2 may map (RTT_DATA_MAP and
 * friends refuse PAs at or over it; rtt.h realm_pa_ok()).
 */
static unsigned int s2_output_bits(const struct rmm_features *f)
{
	return f->lpa2 ? 52 : RTT_PA_BITS_NO_LPA2;
}

/*
 * 2.0.  Fields only some revisions have are written through the layout
 * (width 0 where the profile lacks them): FEATURE_REGISTER_0
 * L0GPT_BLOCK_DELEGATE (0: the GPT of this RMM is static, no L0 block
 * descriptors) and S2OASZ, FEATURE_REGISTER_2 REALM_MAX_VDEVS_ORDER (0: no
 * device assignment), FEATURE_REGISTER_3 RTT_PLANE (0, RMI_RTT_PLANE_AUX
 * in TF-RMM main, with no auxiliary planes).
 */
static uint64_t features_v2_0(const struct rmm *rmm, uint64_t index)
{
	const struct rmm_features *f = &rmm->feat;
	const struct rmm_layout *l = &rmm->lay;

	switch (index) {
	case 0:
		return abi_bits_put(l->feat0_s2oasz, s2_output_bits(f)) |
		       abi_bits_put(l->feat0_l0gpt_block_delegate, 0) |
		       FIELD_VAL(RMI_V2_FEATURE_REGISTER_0_S2SZ, f->s2sz) |
		       FIELD_VAL(RMI_V2_FEATURE_REGISTER_0_LPA2, f->lpa2) |
		       FIELD_VAL(RMI_V2_FEATURE_REGISTER_0_SVE, f->sve) |
		       FIELD_VAL(RMI_V2_FEATURE_REGISTER_0_SVE_VL, f->sve ? f->sve_vl : 0) |
		       FIELD_VAL(RMI_V2_FEATURE_REGISTER_0_NUM_BPS, f->num_bps) |
		       FIELD_VAL(RMI_V2_FEATURE_REGISTER_0_NUM_WPS, f->num_wps) |
		       FIELD_VAL(RMI_V2_FEATURE_REGISTER_0_PMU, f->pmu) |
		       FIELD_VAL(RMI_V2_FEATURE_REGISTER_0_PMU_NUM_CTRS,
				 f->pmu ? f->pmu_num_ctrs : 0);
	case 1:
		/* Only 4 KiB RMI granules are implemented. */
		return FIELD_VAL(RMI_V2_FEATURE_REGISTER_1_RMI_GRAN_SZ_4KB, 1) |
		       FIELD_VAL(RMI_V2_FEATURE_REGISTER_1_HASH_SHA_256, f->sha256) |
		       FIELD_VAL(RMI_V2_FEATURE_REGISTER_1_HASH_SHA_512, f->sha512) |
		       FIELD_VAL(RMI_V2_FEATURE_REGISTER_1_MAX_RECS_ORDER, f->max_recs_order) |
		       FIELD_VAL(RMI_V2_FEATURE_REGISTER_1_L0GPTSZ, f->l0gptsz);
	case 2:
		return abi_bits_put(l->feat2_realm_max_vdevs_order, 0);
	case 3:
		return abi_bits_put(l->feat3_rtt_plane, 0);
	default:
		/* Register 4 and up: no MEC. */
		return 0;
	}
}

uint64_t smc_features(struct rmm *rmm, struct rmi_call *c)
{
	if (rmm->raw_features)
		c->res[0] = c->arg[0] < 5 ? rmm->feature_raw[c->arg[0]] : 0;
	else
		c->res[0] = rmm->family == RMM_V1 ? features_v1_0(&rmm->feat, c->arg[0])
							: features_v2_0(rmm, c->arg[0]);
	return RMI_OK;
}

/*
 * The platform gave FEATURES as raw registers: what REALM_CREATE accepts
 * is what their fields say (the inverse of features_v1_0/v2_0).  2.0 has
 * no GICV3_NUM_LRS field: the vGIC keeps its 16 list registers.
 */
int features_from_registers(struct rmm *rmm, const uint64_t regs[5], char *err, size_t errlen)
{
	struct rmm_features *f = &rmm->feat;

	rmm_default_features(f);
	if (rmm->family == RMM_V1) {
		uint64_t r = regs[0];

		f->s2sz = (unsigned int)FIELD_OF(RMI_V1_0_FEATURE_REGISTER_0_S2SZ, r);
		f->lpa2 = FIELD_OF(RMI_V1_0_FEATURE_REGISTER_0_LPA2, r);
		f->sve = FIELD_OF(RMI_V1_0_FEATURE_REGISTER_0_SVE_EN, r);
		f->sve_vl = (unsigned int)FIELD_OF(RMI_V1_0_FEATURE_REGISTER_0_SVE_VL, r);
		f->num_bps = (unsigned int)FIELD_OF(RMI_V1_0_FEATURE_REGISTER_0_NUM_BPS, r);
		f->num_wps = (unsigned int)FIELD_OF(RMI_V1_0_FEATURE_REGISTER_0_NUM_WPS, r);
		f->pmu = FIELD_OF(RMI_V1_0_FEATURE_REGISTER_0_PMU_EN, r);
		f->pmu_num_ctrs = (unsigned int)FIELD_OF(RMI_V1_0_FEATURE_REGISTER_0_PMU_NUM_CTRS, r);
		f->sha256 = FIELD_OF(RMI_V1_0_FEATURE_REGISTER_0_HASH_SHA_256, r);
		f->sha512 = FIELD_OF(RMI_V1_0_FEATURE_REGISTER_0_HASH_SHA_512, r);
		f->gicv3_num_lrs = (unsigned int)FIELD_OF(RMI_V1_0_FEATURE_REGISTER_0_GICV3_NUM_LRS, r) + 1;
		f->max_recs_order = (unsigned int)FIELD_OF(RMI_V1_0_FEATURE_REGISTER_0_MAX_RECS_ORDER, r);
	} else {
		uint64_t r0 = regs[0], r1 = regs[1];

		f->s2sz = (unsigned int)FIELD_OF(RMI_V2_FEATURE_REGISTER_0_S2SZ, r0);
		f->lpa2 = FIELD_OF(RMI_V2_FEATURE_REGISTER_0_LPA2, r0);
		f->sve = FIELD_OF(RMI_V2_FEATURE_REGISTER_0_SVE, r0);
		f->sve_vl = (unsigned int)FIELD_OF(RMI_V2_FEATURE_REGISTER_0_SVE_VL, r0);
		f->num_bps = (unsigned int)FIELD_OF(RMI_V2_FEATURE_REGISTER_0_NUM_BPS, r0);
		f->num_wps = (unsigned int)FIELD_OF(RMI_V2_FEATURE_REGISTER_0_NUM_WPS, r0);
		f->pmu = FIELD_OF(RMI_V2_FEATURE_REGISTER_0_PMU, r0);
		f->pmu_num_ctrs = (unsigned int)FIELD_OF(RMI_V2_FEATURE_REGISTER_0_PMU_NUM_CTRS, r0);
		f->sha256 = FIELD_OF(RMI_V2_FEATURE_REGISTER_1_HASH_SHA_256, r1);
		f->sha512 = FIELD_OF(RMI_V2_FEATURE_REGISTER_1_HASH_SHA_512, r1);
		f->max_recs_order = (unsigned int)FIELD_OF(RMI_V2_FEATURE_REGISTER_1_MAX_RECS_ORDER, r1);
		f->l0gptsz = (unsigned int)FIELD_OF(RMI_V2_FEATURE_REGISTER_1_L0GPTSZ, r1);
	}
	if (!f->sve)
		f->sve_vl = 0;
	if (!f->pmu)
		f->pmu_num_ctrs = 0;
	(void)err;
	(void)errlen;
	return 0;
}
