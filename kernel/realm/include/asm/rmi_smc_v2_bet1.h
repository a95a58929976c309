/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * cca-double reference host code: what only RMM 2.0-bet1 (DEN0137 2.0-bet1,
 * kernel series v14) has of the 2.0 ABI: one-bit STATE fields in donation
 * requests and address-range descriptors, the LPA2 realm flag, and
 * realm_params with aux_rtt_base at 0x828.  Only the revision's own file
 * (realm_v2_bet1.c) includes it; abi-check holds it, asm/rmi_smc.h and
 * asm/rmi_smc_v2.h against spec/2.0-bet1.yaml.
 */
#ifndef __ASM_RMI_SMC_V2_BET1_H
#define __ASM_RMI_SMC_V2_BET1_H

#include "rmi_smc.h"	/* by path: abi-check compiles this header alone */

#define RMI_DONATE_STATE		BIT_ULL(17)
#define RMI_ADDR_RANGE_STATE_MASK	BIT_ULL(63)

#define RMI_REALM_PARAM_FLAG_LPA2	BIT(0)

struct realm_params {
	union {	/* 0x000 */
		struct {
			u64 flags;
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
			u64 aux_rtt_base[3];
		};
		u8 padding2[0x800];
	};
};

#endif /* __ASM_RMI_SMC_V2_BET1_H */
