/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * cca-double reference host code: what only RMM 1.0 (DEN0137 1.0-rel0)
 * has: single-granule delegation, DATA_CREATE/DESTROY, the 1.0 unprotected
 * mapping commands, REC auxiliary granules, the feature bits above bit 31
 * and its realm_params (the host's VMID).  Apart from asm/rmi_smc.h so that
 * abi-check can hold each revision's header against its profile; only the
 * 1.0 flavour's files include it (asm/rmi_cmds_v1.h).
 */
#ifndef __ASM_RMI_SMC_V1_H
#define __ASM_RMI_SMC_V1_H

#include "rmi_smc.h"	/* by path: abi-check compiles this header alone */

#define SMC_RMI_GRANULE_DELEGATE	SMC_RMI_CALL(0x0151)
#define SMC_RMI_GRANULE_UNDELEGATE	SMC_RMI_CALL(0x0152)
#define SMC_RMI_DATA_CREATE_UNKNOWN	SMC_RMI_CALL(0x0154)
#define SMC_RMI_DATA_DESTROY		SMC_RMI_CALL(0x0155)
#define SMC_RMI_RTT_MAP_UNPROTECTED	SMC_RMI_CALL(0x015f)
#define SMC_RMI_RTT_UNMAP_UNPROTECTED	SMC_RMI_CALL(0x0162)
#define SMC_RMI_REC_AUX_COUNT		SMC_RMI_CALL(0x0167)
#define SMC_RMI_DATA_CREATE		SMC_RMI_CALL(0x0153)

#define RMI_FEATURE_REGISTER_0_HASH_SHA_256	BIT_ULL(32)
#define RMI_FEATURE_REGISTER_0_HASH_SHA_512	BIT_ULL(33)
#define RMI_FEATURE_REGISTER_0_GICV3_NUM_LRS	GENMASK_ULL(37, 34)
#define RMI_FEATURE_REGISTER_0_MAX_RECS_ORDER	GENMASK_ULL(41, 38)

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
		};
		u8 padding0[0x400];
	};
	union {	/* 0x400 */
		u8 rpv[64];
		u8 padding1[0x400];
	};
	union {	/* 0x800 */
		struct {
			u64 vmid;		/* the host's VMID */
			u64 rtt_base;
			s64 rtt_level_start;
			u64 rtt_num_start;
		};
		u8 padding2[0x800];
	};
};

#endif /* __ASM_RMI_SMC_V1_H */
