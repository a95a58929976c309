// SPDX-License-Identifier: BSD-3-Clause
/*
 * The SMCCC seam (kernel/include/linux/arm-smccc.h): every SMC the host code
 * issues becomes rmm_smc() on the installed machine's fake RMM.  With no
 * RMM the answer is SMCCC NOT_SUPPORTED, as firmware without an RMM gives.
 */
#include "mock_internal.h"

/* Same layout as struct arm_smccc_1_2_regs: a0..a17. */
struct arm_smccc_1_2_regs {
	unsigned long a[SMC_NREGS];
};

void cca_smccc_call(struct arm_smccc_1_2_regs *regs);

void cca_smccc_call(struct arm_smccc_1_2_regs *regs)
{
	struct smc_regs r;

	if (!mock_current || !mock_current->rmm) {
		regs->a[0] = (unsigned long)-1;
		return;
	}
	for (int i = 0; i < SMC_NREGS; i++)
		r.x[i] = regs->a[i];
	rmm_smc(mock_current->rmm, &r);
	for (int i = 0; i < SMC_NREGS; i++)
		regs->a[i] = r.x[i];
}
