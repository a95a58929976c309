/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * cca-double reference host code: one wrapper per RMI command.  Each
 * returns x0 (status and index) and writes the outputs the caller asks for
 * (NULL pointers are skipped).  All go through arm_smccc_1_1_invoke(),
 * the SMCCC seam the mock kernel routes to the fake RMM.
 */
#ifndef __ASM_RMI_CMDS_H
#define __ASM_RMI_CMDS_H

#include <linux/arm-smccc.h>
#include <asm/rmi_smc.h>

static inline int rmi_version(unsigned long requested, unsigned long *lower,
			      unsigned long *higher)
{
	struct arm_smccc_res res;

	arm_smccc_1_1_invoke(SMC_RMI_VERSION, requested, &res);
	if (lower)
		*lower = res.a1;
	if (higher)
		*higher = res.a2;
	return (int)res.a0;
}

static inline int rmi_features(unsigned long index, unsigned long *out)
{
	struct arm_smccc_res res;

	arm_smccc_1_1_invoke(SMC_RMI_FEATURES, index, &res);
	if (out)
		*out = res.a1;
	return (int)res.a0;
}

static inline int rmi_granule_delegate(phys_addr_t phys)
{
	struct arm_smccc_res res;

	arm_smccc_1_1_invoke(SMC_RMI_GRANULE_DELEGATE, phys, &res);
	return (int)res.a0;
}

static inline int rmi_granule_undelegate(phys_addr_t phys)
{
	struct arm_smccc_res res;

	arm_smccc_1_1_invoke(SMC_RMI_GRANULE_UNDELEGATE, phys, &res);
	return (int)res.a0;
}

static inline int rmi_data_create(phys_addr_t rd, phys_addr_t data, unsigned long ipa,
				  phys_addr_t src, unsigned long flags)
{
	struct arm_smccc_res res;

	arm_smccc_1_1_invoke(SMC_RMI_DATA_CREATE, rd, data, ipa, src, flags, &res);
	return (int)res.a0;
}

static inline int rmi_data_create_unknown(phys_addr_t rd, phys_addr_t data, unsigned long ipa)
{
	struct arm_smccc_res res;

	arm_smccc_1_1_invoke(SMC_RMI_DATA_CREATE_UNKNOWN, rd, data, ipa, &res);
	return (int)res.a0;
}

/* On success *data is the granule to undelegate; *top the next IPA to try. */
static inline int rmi_data_destroy(phys_addr_t rd, unsigned long ipa, phys_addr_t *data,
				   unsigned long *top)
{
	struct arm_smccc_res res;

	arm_smccc_1_1_invoke(SMC_RMI_DATA_DESTROY, rd, ipa, &res);
	if (data)
		*data = res.a1;
	if (top)
		*top = res.a2;
	return (int)res.a0;
}

static inline int rmi_realm_activate(phys_addr_t rd)
{
	struct arm_smccc_res res;

	arm_smccc_1_1_invoke(SMC_RMI_REALM_ACTIVATE, rd, &res);
	return (int)res.a0;
}

static inline int rmi_realm_create(phys_addr_t rd, phys_addr_t params)
{
	struct arm_smccc_res res;

	arm_smccc_1_1_invoke(SMC_RMI_REALM_CREATE, rd, params, &res);
	return (int)res.a0;
}

static inline int rmi_realm_destroy(phys_addr_t rd)
{
	struct arm_smccc_res res;

	arm_smccc_1_1_invoke(SMC_RMI_REALM_DESTROY, rd, &res);
	return (int)res.a0;
}

static inline int rmi_rec_aux_count(phys_addr_t rd, unsigned long *aux_count)
{
	struct arm_smccc_res res;

	arm_smccc_1_1_invoke(SMC_RMI_REC_AUX_COUNT, rd, &res);
	if (aux_count)
		*aux_count = res.a1;
	return (int)res.a0;
}

static inline int rmi_rec_create(phys_addr_t rd, phys_addr_t rec, phys_addr_t params)
{
	struct arm_smccc_res res;

	arm_smccc_1_1_invoke(SMC_RMI_REC_CREATE, rd, rec, params, &res);
	return (int)res.a0;
}

static inline int rmi_rec_destroy(phys_addr_t rec)
{
	struct arm_smccc_res res;

	arm_smccc_1_1_invoke(SMC_RMI_REC_DESTROY, rec, &res);
	return (int)res.a0;
}

static inline int rmi_rec_enter(phys_addr_t rec, phys_addr_t run)
{
	struct arm_smccc_res res;

	arm_smccc_1_1_invoke(SMC_RMI_REC_ENTER, rec, run, &res);
	return (int)res.a0;
}

static inline int rmi_rtt_create(phys_addr_t rd, phys_addr_t rtt, unsigned long ipa, long level)
{
	struct arm_smccc_res res;

	arm_smccc_1_1_invoke(SMC_RMI_RTT_CREATE, rd, rtt, ipa, level, &res);
	return (int)res.a0;
}

/* On success *rtt is the table to undelegate; *top the next IPA to try. */
static inline int rmi_rtt_destroy(phys_addr_t rd, unsigned long ipa, long level,
				  phys_addr_t *rtt, unsigned long *top)
{
	struct arm_smccc_res res;

	arm_smccc_1_1_invoke(SMC_RMI_RTT_DESTROY, rd, ipa, level, &res);
	if (rtt)
		*rtt = res.a1;
	if (top)
		*top = res.a2;
	return (int)res.a0;
}

/* The entry at `level` for ipa: walk level reached, state (RMI_TABLE ...), desc (PA). */
static inline int rmi_rtt_read_entry(phys_addr_t rd, unsigned long ipa, long level,
				     unsigned long *walk_level, unsigned long *state,
				     unsigned long *desc)
{
	struct arm_smccc_res res;

	arm_smccc_1_1_invoke(SMC_RMI_RTT_READ_ENTRY, rd, ipa, level, &res);
	if (walk_level)
		*walk_level = res.a1;
	if (state)
		*state = res.a2;
	if (desc)
		*desc = res.a3;
	return (int)res.a0;
}

static inline int rmi_rtt_fold(phys_addr_t rd, unsigned long ipa, long level, phys_addr_t *rtt)
{
	struct arm_smccc_res res;

	arm_smccc_1_1_invoke(SMC_RMI_RTT_FOLD, rd, ipa, level, &res);
	if (rtt)
		*rtt = res.a1;
	return (int)res.a0;
}

static inline int rmi_rtt_init_ripas(phys_addr_t rd, unsigned long base, unsigned long top,
				     unsigned long *out_top)
{
	struct arm_smccc_res res;

	arm_smccc_1_1_invoke(SMC_RMI_RTT_INIT_RIPAS, rd, base, top, &res);
	if (out_top)
		*out_top = res.a1;
	return (int)res.a0;
}

static inline int rmi_rtt_set_ripas(phys_addr_t rd, phys_addr_t rec, unsigned long base,
				    unsigned long top, unsigned long *out_top)
{
	struct arm_smccc_res res;

	arm_smccc_1_1_invoke(SMC_RMI_RTT_SET_RIPAS, rd, rec, base, top, &res);
	if (out_top)
		*out_top = res.a1;
	return (int)res.a0;
}

static inline int rmi_rtt_map_unprotected(phys_addr_t rd, unsigned long ipa, long level,
					  u64 desc)
{
	struct arm_smccc_res res;

	arm_smccc_1_1_invoke(SMC_RMI_RTT_MAP_UNPROTECTED, rd, ipa, level, desc, &res);
	return (int)res.a0;
}

static inline int rmi_rtt_unmap_unprotected(phys_addr_t rd, unsigned long ipa, long level,
					    unsigned long *out_top)
{
	struct arm_smccc_res res;

	arm_smccc_1_1_invoke(SMC_RMI_RTT_UNMAP_UNPROTECTED, rd, ipa, level, &res);
	if (out_top)
		*out_top = res.a1;
	return (int)res.a0;
}

static inline int rmi_psci_complete(phys_addr_t calling_rec, phys_addr_t target_rec,
				    unsigned long status)
{
	struct arm_smccc_res res;

	arm_smccc_1_1_invoke(SMC_RMI_PSCI_COMPLETE, calling_rec, target_rec, status, &res);
	return (int)res.a0;
}

#endif /* __ASM_RMI_CMDS_H */
