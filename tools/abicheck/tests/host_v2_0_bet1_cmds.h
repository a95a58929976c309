/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Command wrappers for host_v2_0_bet1.h, written by this project for
 * abi-check's tests: one wrapper per way a host header hands registers
 * to the RMM - an SMCCC 1.1 call, a register initialiser (positional and
 * designated), registers stored one by one, a helper macro that takes the
 * FID among its arguments, and a Stateful RMI Operation helper given the
 * operation's memory state.
 * abi-check only reads this file; it is never compiled.
 */
#ifndef TEST_HOST_RMI_V2_0_BET1_CMDS_H
#define TEST_HOST_RMI_V2_0_BET1_CMDS_H

#include <linux/arm-smccc.h>
#include <asm/host_v2_0_bet1.h>

/* What a Stateful RMI Operation keeps: its registers and donated memory. */
struct test_sro_state {
	struct arm_smccc_1_2_regs regs;
	unsigned long ngranules;
	unsigned long granules[16];
};

/* Drives an operation to its end, donating and reclaiming memory. */
long test_sro_memxfer_execute(struct test_sro_state *sro);
/* Drives an operation that moves no memory (OP_CONTINUE only). */
long test_sro_execute(struct arm_smccc_1_2_regs *regs);

#define test_sro_cmd(sro, ...) ({					\
	struct test_sro_state *__s = (sro);				\
	*__s = (struct test_sro_state){ .regs = { __VA_ARGS__ } };	\
	test_sro_memxfer_execute(__s);					\
})

static inline int rmi_features(unsigned long index, unsigned long *out)
{
	struct arm_smccc_res res;

	arm_smccc_1_1_invoke(SMC_RMI_FEATURES, index, &res);
	if (out)
		*out = res.a1;
	return res.a0;
}

static inline int rmi_psci_complete(unsigned long calling_rec, unsigned long target_rec,
				    unsigned long status)
{
	struct arm_smccc_res res;

	arm_smccc_1_1_invoke(SMC_RMI_PSCI_COMPLETE, calling_rec, target_rec,
			     status, &res);
	return res.a0;
}

static inline int rmi_realm_create(unsigned long rd, unsigned long params)
{
	struct arm_smccc_res res;

	arm_smccc_1_1_invoke(SMC_RMI_REALM_CREATE, rd, params, &res);
	return res.a0;
}

static inline int rmi_realm_activate(unsigned long rd)
{
	struct arm_smccc_1_2_regs regs = { 0 };

	regs.a0 = SMC_RMI_REALM_ACTIVATE;
	regs.a1 = rd;
	arm_smccc_1_2_invoke(&regs, &regs);
	return regs.a0;
}

static inline int rmi_rtt_create(unsigned long rd, unsigned long rtt, unsigned long ipa,
				 long level)
{
	struct arm_smccc_1_2_regs regs = { SMC_RMI_RTT_CREATE, rd, rtt, ipa, level };

	arm_smccc_1_2_invoke(&regs, &regs);
	return regs.a0;
}

static inline int rmi_rtt_data_unmap(unsigned long rd, unsigned long base, unsigned long top,
				     unsigned long flags, unsigned long oaddr,
				     unsigned long *out_top, unsigned long *out_range,
				     unsigned long *out_count)
{
	struct arm_smccc_1_2_regs regs = {
		.a0 = SMC_RMI_RTT_DATA_UNMAP,
		.a1 = rd,
		.a2 = base,
		.a3 = top,
		.a4 = flags,
		.a5 = oaddr,
	};

	arm_smccc_1_2_invoke(&regs, &regs);
	*out_top = regs.a1;
	*out_range = regs.a2;
	*out_count = regs.a3;
	return regs.a0;
}

static inline long rmi_rec_create(unsigned long rd, unsigned long rec, unsigned long params,
				  struct test_sro_state *sro)
{
	return test_sro_cmd(sro, SMC_RMI_REC_CREATE, rd, rec, params);
}

static inline long rmi_rec_destroy(unsigned long rec, struct test_sro_state *sro)
{
	*sro = (struct test_sro_state){ .regs = { SMC_RMI_REC_DESTROY, rec } };
	return test_sro_memxfer_execute(sro);
}

#endif
