/* SPDX-License-Identifier: BSD-3-Clause */
/* cca-double reference host code: wrappers of the commands only RMM 2.0 has (asm/rmi_cmds.h). */
#ifndef __ASM_RMI_CMDS_V2_H
#define __ASM_RMI_CMDS_V2_H

#include <linux/bitfield.h>

static inline int rmi_rmm_config_set(phys_addr_t config)
{
	struct arm_smccc_1_2_regs regs = { SMC_RMI_RMM_CONFIG_SET, config };

	return rmi_call(&regs);
}

/* An operation that may take memory, which `sro` keeps for as long as the RMM is active. */
static inline int rmi_rmm_activate(struct rmi_sro_state *sro)
{
	struct arm_smccc_1_2_regs regs = { SMC_RMI_RMM_ACTIVATE };

	return rmi_sro_execute(sro, &regs);
}

/* [start, end): memory category, tracking state, and where that answer stops. */
static inline int rmi_granule_tracking_get(phys_addr_t start, phys_addr_t end,
					   unsigned long *category, unsigned long *state,
					   phys_addr_t *top)
{
	struct arm_smccc_1_2_regs regs = { SMC_RMI_GRANULE_TRACKING_GET, start, end };
	int ret = rmi_call(&regs);

	*category = regs.a1;
	*state = regs.a2;
	*top = regs.a3;
	return ret;
}

static inline int rmi_gpt_l1_create(phys_addr_t base)
{
	struct arm_smccc_1_2_regs regs = { SMC_RMI_GPT_L1_CREATE, base };

	return rmi_call(&regs);
}

/* The RMM may stop early: *done is how far it got. */
static inline int rmi_granule_range_delegate(phys_addr_t base, phys_addr_t top,
					     phys_addr_t *done)
{
	struct arm_smccc_1_2_regs regs = { SMC_RMI_GRANULE_RANGE_DELEGATE, base, top };
	int ret = rmi_call(&regs);

	*done = regs.a1;
	return ret;
}

static inline int rmi_granule_range_undelegate(phys_addr_t base, phys_addr_t top,
					       phys_addr_t *done)
{
	struct arm_smccc_1_2_regs regs = { SMC_RMI_GRANULE_RANGE_UNDELEGATE, base, top };
	int ret = rmi_call(&regs);

	*done = regs.a1;
	return ret;
}

/* An operation that may give the realm's memory back, or take more, through `sro`. */
static inline int rmi_realm_terminate(phys_addr_t rd, struct rmi_sro_state *sro)
{
	struct arm_smccc_1_2_regs regs = { SMC_RMI_REALM_TERMINATE, rd };

	return rmi_sro_execute(sro, &regs);
}

static inline int rmi_rtt_data_map_init(phys_addr_t rd, phys_addr_t data, unsigned long ipa,
					phys_addr_t src, unsigned long flags)
{
	struct arm_smccc_1_2_regs regs = { SMC_RMI_RTT_DATA_MAP_INIT, rd, data, ipa, src, flags };

	return rmi_call(&regs);
}

/*
 * An address-range descriptor: `count` blocks of `size` (RMI_BLOCK_SIZE_*)
 * from phys, STATE 0 (delegated): where another STATE goes is the
 * revision's (rmi_range_in_state()).
 */
static inline u64 rmi_addr_range(phys_addr_t phys, unsigned long count, unsigned int size)
{
	return (phys & RMI_ADDR_RANGE_ADDR_MASK) | FIELD_PREP(RMI_ADDR_RANGE_COUNT_MASK, count) |
	       FIELD_PREP(RMI_ADDR_RANGE_SIZE_MASK, size);
}

/* Maps [base, top) from the SINGLE range `oaddr`; *out_top: how far it got. */
static inline int rmi_rtt_data_map(phys_addr_t rd, unsigned long base, unsigned long top,
				   u64 oaddr, unsigned long *out_top)
{
	struct arm_smccc_1_2_regs regs = { SMC_RMI_RTT_DATA_MAP, rd, base, top,
					   RMI_ADDR_TYPE_SINGLE, oaddr };
	int ret = rmi_call(&regs);

	*out_top = regs.a1;
	return ret;
}

/*
 * *out_top: how far it got (ERROR_RTT: where to go on, if the revision
 * says so: ops->unmap_top_on_error); *range: what was freed (SINGLE).
 */
static inline int rmi_rtt_data_unmap(phys_addr_t rd, unsigned long base, unsigned long top,
				     unsigned long *out_top, u64 *range)
{
	struct arm_smccc_1_2_regs regs = { SMC_RMI_RTT_DATA_UNMAP, rd, base, top,
					   RMI_ADDR_TYPE_SINGLE };
	int ret = rmi_call(&regs);

	*out_top = regs.a1;
	*range = regs.a2;
	return ret;
}

static inline int rmi_rtt_unprot_map(phys_addr_t rd, unsigned long base, unsigned long top,
				     u64 flags, u64 oaddr, unsigned long *out_top)
{
	struct arm_smccc_1_2_regs regs = { SMC_RMI_RTT_UNPROT_MAP, rd, base, top, flags, oaddr };
	int ret = rmi_call(&regs);

	*out_top = regs.a1;
	return ret;
}

/* The host's pages stay the host's: no output addresses asked for (NONE). */
static inline int rmi_rtt_unprot_unmap(phys_addr_t rd, unsigned long base, unsigned long top,
				       unsigned long *out_top, u64 *range)
{
	struct arm_smccc_1_2_regs regs = { SMC_RMI_RTT_UNPROT_UNMAP, rd, base, top,
					   RMI_ADDR_TYPE_NONE };
	int ret = rmi_call(&regs);

	*out_top = regs.a1;
	*range = 0;
	return ret;
}

#endif /* __ASM_RMI_CMDS_V2_H */
