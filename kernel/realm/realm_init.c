// SPDX-License-Identifier: BSD-3-Clause
/*
 * cca-double reference host code: RMI discovery.  kvm_init_rmi() asks the
 * RMM which RMI versions it implements and picks the newest one this code
 * has a flavour for, then boots it (realm_v1.c, realm_v2.c); realms are
 * offered only if that works.  The limits KVM advertises for realm VMs
 * come from the RMM's feature register 0.
 *
 * Revisions of one RMI version answer RMI_VERSION alike (every 2.0 beta
 * reports 2.0), so a later revision is told apart by what the RMM really
 * offers: FEATURES(0) bits it defines that are RES0 before it (the
 * flavour's feat0_defines; the choice for each revision is written where
 * its flavour is, realm_v2_<revision>.c).
 */
#include <linux/bitfield.h>
#include <asm/cpufeature.h>
#include <asm/fpsimd.h>
#include <asm/sysreg.h>
#include <asm/virt.h>

#include "realm_internal.h"

const struct realm_rmi_ops *rmi_ops;
unsigned long rmm_feat_reg0;

/* Newest RMI version first: each names its first revision, which names the later ones (newer). */
static const struct realm_rmi_ops *const rmi_flavours[] = {
	&realm_rmi_2_0,
	&realm_rmi_1_0,
};

static bool rmi_present(void)
{
	u64 pfr0 = read_sanitised_ftr_reg(SYS_ID_AA64PFR0_EL1);

	return cpuid_feature_extract_unsigned_field(pfr0, ID_AA64PFR0_EL1_RME_SHIFT) != 0;
}

/*
 * The newest revision of the version `ops` speaks whose feature bits
 * FEATURES(0) shows; ops itself if none (or the register cannot be read:
 * its boot will say so).
 */
static const struct realm_rmi_ops *rmi_revision(const struct realm_rmi_ops *ops)
{
	const struct realm_rmi_ops *pick = ops;
	unsigned long feat0;

	if (!ops->newer || rmi_features(0, &feat0))
		return ops;
	for (ops = ops->newer; ops; ops = ops->newer)
		if (feat0 & ops->feat0_defines)
			pick = ops;
	return pick;
}

static const struct realm_rmi_ops *rmi_negotiate(void)
{
	unsigned long lower = 0, higher = 0;

	for (unsigned int i = 0; i < ARRAY_SIZE(rmi_flavours); i++) {
		int ret = rmi_version(rmi_flavours[i]->version, &lower, &higher);

		if (ret == SMCCC_RET_NOT_SUPPORTED)
			return NULL;	/* no RMM behind the SMC */
		if (ret == RMI_SUCCESS)
			return rmi_revision(rmi_flavours[i]);
	}
	kvm_info("RMM offers RMI %lu.%lu..%lu.%lu, none of which this host speaks\n",
		 RMI_ABI_VERSION_GET_MAJOR(lower), RMI_ABI_VERSION_GET_MINOR(lower),
		 RMI_ABI_VERSION_GET_MAJOR(higher), RMI_ABI_VERSION_GET_MINOR(higher));
	return NULL;
}

void kvm_init_rmi(void)
{
	const struct realm_rmi_ops *ops;

	rmi_ops = NULL;
	rmm_feat_reg0 = 0;
	realm_vmid_reset();

	/* The RMM speaks the host's page size only in 2.0; 1.0 is 4 KiB. */
	if (PAGE_SIZE != RMM_PAGE_SIZE || !is_kernel_in_hyp_mode() || !rmi_present())
		return;
	ops = rmi_negotiate();
	if (!ops)
		return;
	/*
	 * Feature registers, and for 2.0 the RMM's configuration and
	 * activation: its commands already follow the flavour's protocol.
	 */
	rmi_ops = ops;
	if (ops->boot()) {
		kvm_err("RMM (RMI %s) did not boot: realms unavailable\n", ops->name);
		rmi_ops = NULL;
		rmm_feat_reg0 = 0;
		return;
	}
	static_branch_enable(&kvm_rmi_is_available);
}

/* The revision the flavour in use speaks (its spec profile's name); NULL: none. */
const char *realm_rmi_revision(void)
{
	return rmi_ops ? rmi_ops->name : NULL;
}

u32 kvm_realm_ipa_limit(void)
{
	return FIELD_GET(RMI_FEATURE_REGISTER_0_S2SZ, rmm_feat_reg0);
}

bool kvm_rmi_supports_sve(void)
{
	return FIELD_GET(RMI_FEATURE_REGISTER_0_SVE_EN, rmm_feat_reg0);
}

unsigned int kvm_realm_sve_max_vl(void)
{
	if (!kvm_rmi_supports_sve())
		return 0;
	return sve_vl_from_vq(FIELD_GET(RMI_FEATURE_REGISTER_0_SVE_VL, rmm_feat_reg0) + 1);
}

/* Breakpoints and watchpoints: no more than the RMM lets a realm have. */
u64 kvm_realm_reset_id_aa64dfr0_el1(const struct kvm_vcpu *vcpu, u64 val)
{
	u32 bps = FIELD_GET(RMI_FEATURE_REGISTER_0_NUM_BPS, rmm_feat_reg0);
	u32 wps = FIELD_GET(RMI_FEATURE_REGISTER_0_NUM_WPS, rmm_feat_reg0);
	u32 brps = SYS_FIELD_GET(ID_AA64DFR0_EL1, BRPs, val) + 1;
	u32 wrps = SYS_FIELD_GET(ID_AA64DFR0_EL1, WRPs, val) + 1;

	if (bps && brps > bps) {
		val &= ~ID_AA64DFR0_EL1_BRPs_MASK;
		val |= SYS_FIELD_PREP(ID_AA64DFR0_EL1, BRPs, bps - 1);
	}
	if (wps && wrps > wps) {
		val &= ~ID_AA64DFR0_EL1_WRPs_MASK;
		val |= SYS_FIELD_PREP(ID_AA64DFR0_EL1, WRPs, wps - 1);
	}
	/* Context-aware breakpoints are not offered to realms. */
	val &= ~ID_AA64DFR0_EL1_CTX_CMPs_MASK;
	return val;
}
