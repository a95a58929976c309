// SPDX-License-Identifier: BSD-3-Clause
/*
 * The SMCCC seam (kernel/include/linux/arm-smccc.h): every SMC the host code
 * issues becomes rmm_smc() on the installed machine's fake RMM.  With no
 * RMM the answer is SMCCC NOT_SUPPORTED, as firmware without an RMM gives.
 * Each call is an interleaving point before and after (mock-sync.h): the
 * stress mode's delays, a race test's hook.  Threads call in at once: the
 * fake RMM takes its own per-granule locks, and a REC_ENTER holds only its
 * REC while the realm runs.
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
	mock_sched_point(MOCK_SCHED_SMC_ENTER, regs->a[0], 0);
	rmm_smc(mock_current->rmm, &r);	/* thread-safe: per-granule locks (docs/architecture.md) */
	mock_sched_point(MOCK_SCHED_SMC_EXIT, regs->a[0], (unsigned long)r.x[0]);
	for (int i = 0; i < SMC_NREGS; i++)
		regs->a[i] = r.x[i];
}
