/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * cca-double reference host code: what the RMM 2.0 revisions (DEN0137 2.0,
 * kernel series v14 and after) add to asm/rmi_smc.h, alike in each: RMM
 * configuration, range delegation, range mapping commands, REALM_TERMINATE
 * and Stateful RMI Operations.  What one 2.0 revision alone has (the
 * STATE fields, realm_params) is in its own asm/rmi_smc_v2_<revision>.h.
 * Apart from asm/rmi_smc.h so that abi-check can hold each revision's
 * headers against its profile.
 */
#ifndef __ASM_RMI_SMC_V2_H
#define __ASM_RMI_SMC_V2_H

#include "rmi_smc.h"	/* by path: abi-check compiles this header alone */

/* 1.0's DATA_CREATE, renamed: same FID and arguments. */
#define SMC_RMI_RTT_DATA_MAP_INIT	SMC_RMI_CALL(0x0153)
#define SMC_RMI_RMM_CONFIG_SET		SMC_RMI_CALL(0x016e)
#define SMC_RMI_GRANULE_TRACKING_GET	SMC_RMI_CALL(0x01e1)
#define SMC_RMI_GRANULE_RANGE_DELEGATE	SMC_RMI_CALL(0x01f1)
#define SMC_RMI_GRANULE_RANGE_UNDELEGATE SMC_RMI_CALL(0x01f2)
#define SMC_RMI_GPT_L1_CREATE		SMC_RMI_CALL(0x01f3)
#define SMC_RMI_RTT_DATA_MAP		SMC_RMI_CALL(0x01f5)
#define SMC_RMI_RTT_DATA_UNMAP		SMC_RMI_CALL(0x01f6)
#define SMC_RMI_RTT_UNPROT_MAP		SMC_RMI_CALL(0x01fb)
#define SMC_RMI_RTT_UNPROT_UNMAP	SMC_RMI_CALL(0x01fc)
#define SMC_RMI_REALM_TERMINATE		SMC_RMI_CALL(0x0201)
#define SMC_RMI_RMM_ACTIVATE		SMC_RMI_CALL(0x0202)
#define SMC_RMI_OP_CONTINUE		SMC_RMI_CALL(0x0203)
#define SMC_RMI_OP_MEM_DONATE		SMC_RMI_CALL(0x0208)
#define SMC_RMI_OP_MEM_RECLAIM		SMC_RMI_CALL(0x0209)
#define SMC_RMI_OP_CANCEL		SMC_RMI_CALL(0x020a)

/* 2.0 adds these statuses. */
#define RMI_ERROR_NOT_SUPPORTED		5
#define RMI_ERROR_DEVICE		6
#define RMI_ERROR_RTT_AUX		7
#define RMI_ERROR_PSMMU_ST		8
#define RMI_ERROR_DPT			9
#define RMI_BUSY			10	/* try again */
#define RMI_ERROR_GLOBAL		11
#define RMI_ERROR_TRACKING		12
#define RMI_INCOMPLETE			13	/* a stateful operation goes on */
#define RMI_BLOCKED			14	/* try again */
#define RMI_ERROR_GPT			15
#define RMI_ERROR_GRANULE		16

/* INCOMPLETE: what the operation needs next ([9:8]) and whether it may be cancelled. */
#define RMI_RETURN_MEMREQ(ret)		(((ret) >> 8) & 0x3)
#define RMI_RETURN_CAN_CANCEL(ret)	(((ret) >> 10) & 0x1)

#define RMI_OP_MEM_REQ_NONE		0
#define RMI_OP_MEM_REQ_DONATE		1
#define RMI_OP_MEM_REQ_RECLAIM		2

/* x2 of an INCOMPLETE answer asking for memory. */
#define RMI_DONATE_SIZE_MASK		GENMASK_ULL(1, 0)
#define RMI_DONATE_COUNT_MASK		GENMASK_ULL(15, 2)
#define RMI_DONATE_CONTIG		BIT_ULL(16)
/* STATE (one bit or two) follows CONTIG: the revision's header. */

/* Donation and address-range STATE values (a revision may add more). */
#define RMI_OP_MEM_DELEGATED		0
#define RMI_OP_MEM_UNDELEGATED		1

/* OP_CONTINUE's flags: carry on, or stop at the operation's next stopping point. */
#define RMI_CONTINUE_KEEP_GOING		0
#define RMI_CONTINUE_STOP		1

/*
 * Address-range descriptor: `count` blocks of a size (RMI_BLOCK_SIZE_*)
 * from a PA, in a STATE (delegated or not; its top bits, the revision's
 * header).  Donation lists, DATA_MAP/UNPROT_MAP output addresses and
 * DATA_UNMAP results use it.
 */
#define RMI_ADDR_RANGE_SIZE_MASK	GENMASK_ULL(1, 0)
#define RMI_ADDR_RANGE_COUNT_MASK	GENMASK_ULL(11, 2)
#define RMI_ADDR_RANGE_ADDR_MASK	GENMASK_ULL(51, 12)

#define RMI_BLOCK_SIZE_L3		0	/* a granule */
#define RMI_BLOCK_SIZE_L2		1
#define RMI_BLOCK_SIZE_L1		2
#define RMI_BLOCK_SIZE_L0		3

#define RMI_ADDR_TYPE_NONE		0
#define RMI_ADDR_TYPE_SINGLE		1
#define RMI_ADDR_TYPE_LIST		2

/* flags of RTT_DATA_MAP / RTT_DATA_UNMAP / RTT_UNPROT_UNMAP, and of RTT_UNPROT_MAP. */
#define RMI_MAP_FLAGS_OADDR_TYPE		GENMASK_ULL(1, 0)
#define RMI_MAP_FLAGS_LIST_COUNT		GENMASK_ULL(15, 2)
#define RMI_RTT_UNPROT_MAP_FLAGS_OADDR_TYPE	GENMASK_ULL(1, 0)
#define RMI_RTT_UNPROT_MAP_FLAGS_LIST_COUNT	GENMASK_ULL(15, 2)
#define RMI_RTT_UNPROT_MAP_FLAGS_MEMATTR	GENMASK_ULL(18, 16)
#define RMI_RTT_UNPROT_MAP_FLAGS_S2AP		GENMASK_ULL(22, 19)
#define RMI_S2AP_DIRECT_WRITE			BIT(0)
#define RMI_S2AP_DIRECT_READ			BIT(1)

/* GRANULE_TRACKING_GET results. */
#define RMI_MEM_CATEGORY_CONVENTIONAL	0
#define RMI_TRACKING_NONE		1
#define RMI_TRACKING_FINE		2
#define RMI_TRACKING_COARSE		3

#define RMI_GRANULE_SIZE_4KB		0
#define RMI_GRANULE_SIZE_16KB		1
#define RMI_GRANULE_SIZE_64KB		2
/* 2.0: feature register 1 (register 0 keeps the fields above up to PMU_NUM_CTRS). */
#define RMI_FEATURE_REGISTER_1_RMI_GRAN_SZ_4KB	BIT(0)
#define RMI_FEATURE_REGISTER_1_HASH_SHA_256	BIT(3)
#define RMI_FEATURE_REGISTER_1_HASH_SHA_512	BIT(5)
#define RMI_FEATURE_REGISTER_1_MAX_RECS_ORDER	GENMASK(9, 6)
#define RMI_FEATURE_REGISTER_1_L0GPTSZ		GENMASK(13, 10)

/* 2.0 RMM_CONFIG_SET page: the granule size the host speaks. */
struct rmm_config {
	union {	/* 0x000 */
		struct {
			u64 tracking_region_size;	/* 0: the RMM's default */
			u64 rmi_granule_size;		/* RMI_GRANULE_SIZE_* */
		};
		u8 padding0[0x1000];
	};
};

#endif /* __ASM_RMI_SMC_V2_H */
