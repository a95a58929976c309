/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * cca-double reference host code: wrappers of the RMM 1.0-only commands
 * (asm/rmi_cmds.h), for the 1.0 flavour's files: it brings the 1.0
 * realm_params.
 */
#ifndef __ASM_RMI_CMDS_V1_H
#define __ASM_RMI_CMDS_V1_H

#include <asm/rmi_cmds.h>
#include <asm/rmi_smc_v1.h>

static inline int rmi_granule_delegate(phys_addr_t phys)
{
	struct arm_smccc_1_2_regs regs = { SMC_RMI_GRANULE_DELEGATE, phys };

	return rmi_call(&regs);
}

static inline int rmi_granule_undelegate(phys_addr_t phys)
{
	struct arm_smccc_1_2_regs regs = { SMC_RMI_GRANULE_UNDELEGATE, phys };

	return rmi_call(&regs);
}

static inline int rmi_data_create(phys_addr_t rd, phys_addr_t data, unsigned long ipa,
				  phys_addr_t src, unsigned long flags)
{
	struct arm_smccc_1_2_regs regs = { SMC_RMI_DATA_CREATE, rd, data, ipa, src, flags };

	return rmi_call(&regs);
}

static inline int rmi_data_create_unknown(phys_addr_t rd, phys_addr_t data, unsigned long ipa)
{
	struct arm_smccc_1_2_regs regs = { SMC_RMI_DATA_CREATE_UNKNOWN, rd, data, ipa };

	return rmi_call(&regs);
}

/* On success *data is the granule to undelegate; *top the next IPA to try. */
static inline int rmi_data_destroy(phys_addr_t rd, unsigned long ipa, phys_addr_t *data,
				   unsigned long *top)
{
	struct arm_smccc_1_2_regs regs = { SMC_RMI_DATA_DESTROY, rd, ipa };
	int ret = rmi_call(&regs);

	if (data)
		*data = regs.a1;
	if (top)
		*top = regs.a2;
	return ret;
}

static inline int rmi_rec_aux_count(phys_addr_t rd, unsigned long *aux_count)
{
	struct arm_smccc_1_2_regs regs = { SMC_RMI_REC_AUX_COUNT, rd };
	int ret = rmi_call(&regs);

	if (aux_count)
		*aux_count = regs.a1;
	return ret;
}

static inline int rmi_rtt_map_unprotected(phys_addr_t rd, unsigned long ipa, long level,
					  u64 desc)
{
	struct arm_smccc_1_2_regs regs = { SMC_RMI_RTT_MAP_UNPROTECTED, rd, ipa, level, desc };

	return rmi_call(&regs);
}

static inline int rmi_rtt_unmap_unprotected(phys_addr_t rd, unsigned long ipa, long level,
					    unsigned long *out_top)
{
	struct arm_smccc_1_2_regs regs = { SMC_RMI_RTT_UNMAP_UNPROTECTED, rd, ipa, level };
	int ret = rmi_call(&regs);

	if (out_top)
		*out_top = regs.a1;
	return ret;
}

#endif /* __ASM_RMI_CMDS_V1_H */
