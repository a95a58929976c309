/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * cca-double reference host code: what only RMM 2.0-bet3 (DEN0137 2.0-bet3,
 * the kernel series after v14) has of the 2.0 ABI: two-bit STATE fields
 * (donation may be CONDITIONAL), FEATURE_REGISTER_0's L0GPT_BLOCK_DELEGATE
 * and S2OASZ, the new realm flags (LPA2 gone), and realm_params with
 * max_num_vdevs at 0x828 and aux_rtt_base moved to 0xF80.  Only the
 * revision's own file (realm_v2_bet3.c) includes it; abi-check holds it,
 * asm/rmi_smc.h and asm/rmi_smc_v2.h against spec/2.0-bet3.yaml.
 */
#ifndef __ASM_RMI_SMC_V2_BET3_H
#define __ASM_RMI_SMC_V2_BET3_H

#include "rmi_smc.h"	/* by path: abi-check compiles this header alone */

#define RMI_DONATE_STATE_MASK		GENMASK_ULL(18, 17)
#define RMI_ADDR_RANGE_STATE_MASK	GENMASK_ULL(63, 62)
/* Memory the RMM may take delegated or not: the host gives it undelegated. */
#define RMI_OP_MEM_CONDITIONAL		2

/* RES0 in 2.0-bet1: S2OASZ is what tells the two revisions apart (realm_v2_bet3.c). */
#define RMI_FEATURE_REGISTER_0_L0GPT_BLOCK_DELEGATE	BIT_ULL(32)
#define RMI_FEATURE_REGISTER_0_S2OASZ		GENMASK_ULL(40, 33)

#define RMI_REALM_PARAM_FLAG_DA		BIT(3)
#define RMI_REALM_PARAM_FLAG_LFA_POLICY	GENMASK(6, 5)
#define RMI_REALM_PARAM_FLAG_MEC_POLICY	GENMASK(8, 7)

struct realm_params {
	union {	/* 0x000 */
		struct {
			u64 flags0;
			u64 s2sz;
			u64 sve_vl;
			u64 num_bps;
			u64 num_wps;
			u64 pmu_num_ctrs;
			u64 hash_algo;
			u64 num_aux_planes;
		};
		u8 padding0[0x400];
	};
	union {	/* 0x400 */
		struct {
			u8 rpv[64];
			u64 ats_plane;
		};
		u8 padding1[0x400];
	};
	union {	/* 0x800 */
		struct {
			u64 padding_vmid;	/* 1.0's vmid */
			u64 rtt_base;
			s64 rtt_level_start;
			u64 rtt_num_start;
			u64 flags1;
			u64 max_num_vdevs;
		};
		u8 padding2[0x780];
	};
	union {	/* 0xF80 */
		u64 aux_rtt_base[3];
		u8 padding3[0x80];
	};
};

#endif /* __ASM_RMI_SMC_V2_BET3_H */
