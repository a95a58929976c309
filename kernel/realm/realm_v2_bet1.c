// SPDX-License-Identifier: BSD-3-Clause
/*
 * cca-double reference host code: the RMM 2.0-bet1 flavour (DEN0137
 * 2.0-bet1, kernel series v14): the 2.0 operations (realm_v2.c) with what
 * only this revision does.  Its realm_params has aux_rtt_base at 0x828;
 * STATE is one bit (17 of a donation request, 63 of an address-range
 * descriptor); PSCI_COMPLETE names the target REC; BLOCKED is retried
 * like BUSY; any command may ask for memory (REALM_CREATE's is kept for
 * the realm's life, another command's must be back when it ends); after
 * ERROR_RTT the unmap commands say in x1 where to go on.
 */
#include <asm/rmi_smc_v2_bet1.h>

#include "realm_flavours.h"

static void rmi2_bet1_realm_params(struct realm_params *params, const struct realm_config *cfg)
{
	realm_params_fill(params, cfg);
}

/* The later revision (realm_v2_bet3.c): its table is named only here. */
extern const struct realm_rmi_ops realm_rmi_2_0_bet3;

/* Both 2.0 revisions answer RMI_VERSION 2.0: kvm_init_rmi() tries `newer` first. */
const struct realm_rmi_ops realm_rmi_2_0 = {
	.name = "2.0-bet1",
	REALM_RMI_V2_OPS,
	.newer = &realm_rmi_2_0_bet3,
	.realm_params = rmi2_bet1_realm_params,
	.psci_complete = rmi_psci_complete,
	.range_state_mask = RMI_ADDR_RANGE_STATE_MASK,
	.donate_state_mask = RMI_DONATE_STATE,
	.unmap_top_on_error = true,
};
