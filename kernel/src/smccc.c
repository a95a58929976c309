// SPDX-License-Identifier: BSD-3-Clause
/*
 * The SMCCC seam (kernel/include/linux/arm-smccc.h): every SMC the host code
 * issues becomes rmm_smc() on the installed machine's fake RMM.  With no
 * RMM the answer is SMCCC NOT_SUPPORTED, as firmware without an RMM gives.
 * Each call is an interleaving point before and after (mock-sync.h): the
 * stress mode's delays, a race test's hook.
 */
#include <pthread.h>

#include "mock_internal.h"

/* Same layout as struct arm_smccc_1_2_regs: a0..a17. */
struct arm_smccc_1_2_regs {
	unsigned long a[SMC_NREGS];
};

void cca_smccc_call(struct arm_smccc_1_2_regs *regs);

/*
 * TEMPORARY until the fake RMM is thread-safe (#16.1): one lock around
 * rmm_smc() so vCPU threads and the threads faulting or unmapping memory
 * reach the fake RMM one at a time.  A REC_ENTER holds it while the realm
 * runs; a kick still ends it (the RMM polls for host interrupts on the
 * running thread, outside this lock's concern).  Delete this function and
 * call rmm_smc() directly once rmm_smc() takes its own per-granule locks.
 */
static void rmm_smc_serialised(struct rmm *rmm, struct smc_regs *r)
{
	static pthread_mutex_t rmm_smc_lock = PTHREAD_MUTEX_INITIALIZER;

	pthread_mutex_lock(&rmm_smc_lock);
	rmm_smc(rmm, r);
	pthread_mutex_unlock(&rmm_smc_lock);
}

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
	rmm_smc_serialised(mock_current->rmm, &r);
	mock_sched_point(MOCK_SCHED_SMC_EXIT, regs->a[0], (unsigned long)r.x[0]);
	for (int i = 0; i < SMC_NREGS; i++)
		regs->a[i] = r.x[i];
}
