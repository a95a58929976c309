/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * cca-double reference host code: one wrapper per RMI command.  Each
 * returns x0 (status, index, 2.0 memory request) and writes the outputs
 * the caller asks for (NULL pointers are skipped).
 *
 * Every command but RMI_VERSION goes through realm_sro.c, which issues it,
 * re-issues it while the RMM answers BUSY or BLOCKED (a bounded number of
 * times) and, when a 2.0 RMM answers INCOMPLETE, drives the Stateful RMI
 * Operation to its end: rmi_sro_execute() for the commands whose operation
 * transfers memory (realm and REC creation and destruction, RMM
 * activation), rmi_call() for the others (continue-only).  An RMM 1.0
 * never gives those answers, so the 1.0 commands behave as plain SMCs.
 * The 1.0-only wrappers are in asm/rmi_cmds_v1.h, which only the 1.0
 * flavour's files include.
 */
#ifndef __ASM_RMI_CMDS_H
#define __ASM_RMI_CMDS_H

#include <linux/arm-smccc.h>
#include <asm/rmi_smc.h>
#include <asm/rmi_smc_v2.h>

struct rmi_sro_state;

/*
 * Issues the command in regs (a0 = FID, a1.. = arguments) and drives it to
 * its end, donating and reclaiming memory as its operation asks; regs then
 * hold the last answer.  sro keeps what the RMM holds for the life of the
 * object the operation built (a realm, a REC, the activated RMM); NULL: any
 * memory must be back when the command ends.  Returns x0, or -ECANCELED.
 */
int rmi_sro_execute(struct rmi_sro_state *sro, struct arm_smccc_1_2_regs *regs);

/* The same for a command whose operation transfers no memory (OP_CONTINUE only). */
int rmi_execute(struct arm_smccc_1_2_regs *regs);

/* A command whose results land in regs->a1.. . */
static inline int rmi_call(struct arm_smccc_1_2_regs *regs)
{
	return rmi_execute(regs);
}

/* x0 is not a status here: 0 if `requested` is supported; lower/higher supported. */
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
	struct arm_smccc_1_2_regs regs = { SMC_RMI_FEATURES, index };
	int ret = rmi_call(&regs);

	if (out)
		*out = regs.a1;
	return ret;
}

static inline int rmi_realm_activate(phys_addr_t rd)
{
	struct arm_smccc_1_2_regs regs = { SMC_RMI_REALM_ACTIVATE, rd };

	return rmi_call(&regs);
}

/* 2.0: an operation that may take memory, which `sro` keeps for the realm's life. */
static inline int rmi_realm_create(phys_addr_t rd, phys_addr_t params, struct rmi_sro_state *sro)
{
	struct arm_smccc_1_2_regs regs = { SMC_RMI_REALM_CREATE, rd, params };

	return rmi_sro_execute(sro, &regs);
}

/* 2.0: an operation that may hand the realm's memory back through `sro`. */
static inline int rmi_realm_destroy(phys_addr_t rd, struct rmi_sro_state *sro)
{
	struct arm_smccc_1_2_regs regs = { SMC_RMI_REALM_DESTROY, rd };

	return rmi_sro_execute(sro, &regs);
}

/* 2.0: a stateful operation, whose donated memory `sro` keeps for the REC's life. */
static inline int rmi_rec_create(phys_addr_t rd, phys_addr_t rec, phys_addr_t params,
				 struct rmi_sro_state *sro)
{
	struct arm_smccc_1_2_regs regs = { SMC_RMI_REC_CREATE, rd, rec, params };

	return rmi_sro_execute(sro, &regs);
}

/* 2.0: a stateful operation handing the REC's memory back through `sro`. */
static inline int rmi_rec_destroy(phys_addr_t rec, struct rmi_sro_state *sro)
{
	struct arm_smccc_1_2_regs regs = { SMC_RMI_REC_DESTROY, rec };

	return rmi_sro_execute(sro, &regs);
}

static inline int rmi_rec_enter(phys_addr_t rec, phys_addr_t run)
{
	struct arm_smccc_1_2_regs regs = { SMC_RMI_REC_ENTER, rec, run };

	return rmi_call(&regs);
}

static inline int rmi_rtt_create(phys_addr_t rd, phys_addr_t rtt, unsigned long ipa, long level)
{
	struct arm_smccc_1_2_regs regs = { SMC_RMI_RTT_CREATE, rd, rtt, ipa, level };

	return rmi_call(&regs);
}

/* On success *rtt is the table to undelegate; *top the next IPA to try. */
static inline int rmi_rtt_destroy(phys_addr_t rd, unsigned long ipa, long level,
				  phys_addr_t *rtt, unsigned long *top)
{
	struct arm_smccc_1_2_regs regs = { SMC_RMI_RTT_DESTROY, rd, ipa, level };
	int ret = rmi_call(&regs);

	if (rtt)
		*rtt = regs.a1;
	if (top)
		*top = regs.a2;
	return ret;
}

/* The entry at `level` for ipa: walk level reached, state (RMI_TABLE ...), desc (PA). */
static inline int rmi_rtt_read_entry(phys_addr_t rd, unsigned long ipa, long level,
				     unsigned long *walk_level, unsigned long *state,
				     unsigned long *desc)
{
	struct arm_smccc_1_2_regs regs = { SMC_RMI_RTT_READ_ENTRY, rd, ipa, level };
	int ret = rmi_call(&regs);

	if (walk_level)
		*walk_level = regs.a1;
	if (state)
		*state = regs.a2;
	if (desc)
		*desc = regs.a3;
	return ret;
}

static inline int rmi_rtt_fold(phys_addr_t rd, unsigned long ipa, long level, phys_addr_t *rtt)
{
	struct arm_smccc_1_2_regs regs = { SMC_RMI_RTT_FOLD, rd, ipa, level };
	int ret = rmi_call(&regs);

	if (rtt)
		*rtt = regs.a1;
	return ret;
}

static inline int rmi_rtt_init_ripas(phys_addr_t rd, unsigned long base, unsigned long top,
				     unsigned long *out_top)
{
	struct arm_smccc_1_2_regs regs = { SMC_RMI_RTT_INIT_RIPAS, rd, base, top };
	int ret = rmi_call(&regs);

	if (out_top)
		*out_top = regs.a1;
	return ret;
}

static inline int rmi_rtt_set_ripas(phys_addr_t rd, phys_addr_t rec, unsigned long base,
				    unsigned long top, unsigned long *out_top)
{
	struct arm_smccc_1_2_regs regs = { SMC_RMI_RTT_SET_RIPAS, rd, rec, base, top };
	int ret = rmi_call(&regs);

	if (out_top)
		*out_top = regs.a1;
	return ret;
}

/* The REC that made the PSCI call and the one it named (x2); the flavour's ops say whether. */
static inline int rmi_psci_complete(phys_addr_t calling_rec, phys_addr_t target_rec,
				    unsigned long status)
{
	struct arm_smccc_1_2_regs regs = { SMC_RMI_PSCI_COMPLETE, calling_rec, target_rec,
					   status };

	return rmi_call(&regs);
}

#include <asm/rmi_cmds_v2.h>

#endif /* __ASM_RMI_CMDS_H */
