/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The command wrappers of a host header (the kernel's rmi_cmds.h or
 * include/linux/arm-rmi-cmds.h): for each function that issues an RMI
 * command, the registers it passes (x1.. after the FID), the result
 * registers it reads back, and whether it drives a Stateful RMI Operation.
 *
 * Found from the tokens header_scan.c keeps, in every form the series
 * uses: arm_smccc_1_1_invoke(FID, a1.., &res), a struct arm_smccc_1_2_regs
 * initialiser ({ FID, a1.. } or { .a0 = FID, .a1 = .. }) handed to
 * arm_smccc_1_2_invoke or an SRO helper, registers stored one by one
 * (regs.a0 = FID; regs.a1 = ..), and helper macros that take the FID among
 * their arguments (rmi_sro_memxfer_cmd(sro, gfp, FID, a1..)).
 */
#ifndef ABICHECK_WRAPPER_SCAN_H
#define ABICHECK_WRAPPER_SCAN_H

#include <stddef.h>

#include "header_scan.h"

/* x1..x17: the most SMCCC 1.2 passes. */
#define WS_MAX_REGS 17

enum ws_stateful {
	WS_STATELESS,		/* one SMC, INCOMPLETE not looked at */
	WS_INCOMPLETE_ONLY,	/* checks for RMI_INCOMPLETE but does not drive it */
	WS_CONTINUE,		/* an SRO helper without memory-transfer state */
	WS_TRANSFER,		/* an SRO helper given the donate/reclaim state */
};

struct ws_wrapper {
	const struct hs_function *fn;
	char fid[128];			/* the FID macro: SMC_RMI_PSCI_COMPLETE */
	unsigned int line;		/* of the FID */
	char via[64];			/* the call or initialiser that carries it */
	unsigned int nargs;
	char args[WS_MAX_REGS][64];	/* what x1.. get: a parameter, a constant, or "" */
	bool zero_fill;			/* an initialiser: registers after x<nargs> are 0 */
	unsigned int nresults;		/* the highest aN (N >= 1) read back */
	char results[WS_MAX_REGS][64];	/* where aN goes ("out_top"), or "" */
	enum ws_stateful stateful;
	char stateful_why[96];
};

/* Every wrapper in h; *out is malloc'd (free it). */
size_t ws_scan(const struct hs_header *h, struct ws_wrapper **out);
const char *ws_stateful_name(enum ws_stateful s);

#endif
