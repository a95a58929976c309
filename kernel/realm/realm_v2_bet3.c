// SPDX-License-Identifier: BSD-3-Clause
/*
 * cca-double reference host code: the RMM 2.0-bet3 flavour (DEN0137
 * 2.0-bet3, the kernel series after v14): the 2.0 operations (realm_v2.c)
 * with what only this revision does.  Its realm_params has max_num_vdevs
 * at 0x828 and aux_rtt_base at 0xF80; STATE is two bits (18:17 of a
 * donation request, 63:62 of an address-range descriptor) and a donation
 * may be CONDITIONAL; PSCI_COMPLETE takes the calling REC and the status
 * only (the RMM finds the target); a command answered BLOCKED is issued at
 * most twice (RMM_BLOCKED_RETRY_COUNT of the post-v14 arm-rmi-cmds.h); only
 * realm, REC and RMM activation operations transfer memory, the RTT, data
 * and range commands are continue-only; results are defined on SUCCESS
 * only, so the unmap commands' x1 is not read after ERROR_RTT.
 *
 * Telling it from 2.0-bet1: both answer RMI_VERSION 2.0.  FEATURES(0)
 * S2OASZ (bits 40:33, the stage-2 output address size) is defined from
 * 2.0-bet3 on and RES0 in 2.0-bet1, and an RMM that can map memory has an
 * output address size, so an RMM with S2OASZ != 0 is 2.0-bet3 or later.
 * (L0GPT_BLOCK_DELEGATE, bit 32, is new too, but 0 is a valid bet3 value.)
 */
#include <asm/rmi_smc_v2_bet3.h>

#include "realm_flavours.h"

#define RMM_BLOCKED_TRIES	2

static void rmi2_bet3_realm_params(struct realm_params *params, const struct realm_config *cfg)
{
	realm_params_fill(params, cfg);
}

/* PSCI_COMPLETE(calling_rec, status): the RMM knows which REC the call named. */
static int rmi2_bet3_psci_complete(phys_addr_t calling_rec, phys_addr_t target_rec,
				   unsigned long status)
{
	struct arm_smccc_1_2_regs regs = { SMC_RMI_PSCI_COMPLETE, calling_rec, status };

	return rmi_call(&regs);
}

const struct realm_rmi_ops realm_rmi_2_0_bet3 = {
	.name = "2.0-bet3",
	REALM_RMI_V2_OPS,
	.feat0_defines = RMI_FEATURE_REGISTER_0_S2OASZ,
	.realm_params = rmi2_bet3_realm_params,
	.psci_complete = rmi2_bet3_psci_complete,
	.range_state_mask = RMI_ADDR_RANGE_STATE_MASK,
	.donate_state_mask = RMI_DONATE_STATE_MASK,
	.blocked_tries = RMM_BLOCKED_TRIES,
	.memory_only_on_transfer = true,
};
