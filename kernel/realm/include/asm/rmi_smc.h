/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * cca-double reference host code: the RMI ABI (function IDs, return codes,
 * shared structures) as every RMI revision this code speaks has it: RMM
 * 1.0 (DEN0137 1.0-rel0) and the RMM 2.0 revisions, whose shared
 * structures keep the 1.0 offsets (the 1.0-only fields are padding
 * there).  What only 1.0 has is in asm/rmi_smc_v1.h, what the 2.0
 * revisions share in asm/rmi_smc_v2.h, and what one 2.0 revision alone
 * has in a header of its own (asm/rmi_smc_v2_<revision>.h), realm_params
 * among it: its layout differs between revisions.  Names follow the
 * kernel series so code written against either reads the same; the
 * definitions are this project's (the abi-check tests compare each
 * revision's headers with its spec description).
 */
#ifndef __ASM_RMI_SMC_H
#define __ASM_RMI_SMC_H

#include <linux/arm-smccc.h>
#include <linux/bits.h>
#include <linux/types.h>

/* Fast SMC64 calls of the Standard Secure service range. */
#define SMC_RMI_CALL(func)						\
	ARM_SMCCC_CALL_VAL(ARM_SMCCC_FAST_CALL, ARM_SMCCC_SMC_64,	\
			   ARM_SMCCC_OWNER_STANDARD, (func))

#define SMC_RMI_VERSION			SMC_RMI_CALL(0x0150)
#define SMC_RMI_REALM_ACTIVATE		SMC_RMI_CALL(0x0157)
#define SMC_RMI_REALM_CREATE		SMC_RMI_CALL(0x0158)
#define SMC_RMI_REALM_DESTROY		SMC_RMI_CALL(0x0159)
#define SMC_RMI_REC_CREATE		SMC_RMI_CALL(0x015a)
#define SMC_RMI_REC_DESTROY		SMC_RMI_CALL(0x015b)
#define SMC_RMI_REC_ENTER		SMC_RMI_CALL(0x015c)
#define SMC_RMI_RTT_CREATE		SMC_RMI_CALL(0x015d)
#define SMC_RMI_RTT_DESTROY		SMC_RMI_CALL(0x015e)
#define SMC_RMI_RTT_READ_ENTRY		SMC_RMI_CALL(0x0161)
#define SMC_RMI_PSCI_COMPLETE		SMC_RMI_CALL(0x0164)
#define SMC_RMI_FEATURES		SMC_RMI_CALL(0x0165)
#define SMC_RMI_RTT_FOLD		SMC_RMI_CALL(0x0166)
#define SMC_RMI_RTT_INIT_RIPAS		SMC_RMI_CALL(0x0168)
#define SMC_RMI_RTT_SET_RIPAS		SMC_RMI_CALL(0x0169)

#define RMI_ABI_VERSION(major, minor)	(((major) << 16) | (minor))
#define RMI_ABI_VERSION_GET_MAJOR(v)	((v) >> 16)
#define RMI_ABI_VERSION_GET_MINOR(v)	((v) & 0xFFFF)

/* x0: status in [7:0], index (the RTT level for ERROR_RTT) in [15:8]. */
#define RMI_RETURN_STATUS(ret)		((ret) & 0xFF)
#define RMI_RETURN_INDEX(ret)		(((ret) >> 8) & 0xFF)

#define RMI_SUCCESS			0
#define RMI_ERROR_INPUT			1
#define RMI_ERROR_REALM			2
#define RMI_ERROR_REC			3
#define RMI_ERROR_RTT			4

/* RTT entry states reported by RTT_READ_ENTRY (1.0 names). */
#define RMI_UNASSIGNED			0
#define RMI_ASSIGNED			1
#define RMI_TABLE			2

enum rmi_ripas {
	RMI_EMPTY = 0,
	RMI_RAM = 1,
	RMI_DESTROYED = 2,
};

#define RMI_NO_MEASURE_CONTENT		0
#define RMI_MEASURE_CONTENT		1

#define RMI_FEATURE_REGISTER_0_S2SZ		GENMASK(7, 0)
#define RMI_FEATURE_REGISTER_0_LPA2		BIT(8)
#define RMI_FEATURE_REGISTER_0_SVE_EN		BIT(9)
#define RMI_FEATURE_REGISTER_0_SVE_VL		GENMASK(13, 10)
#define RMI_FEATURE_REGISTER_0_NUM_BPS		GENMASK(19, 14)
#define RMI_FEATURE_REGISTER_0_NUM_WPS		GENMASK(25, 20)
#define RMI_FEATURE_REGISTER_0_PMU_EN		BIT(26)
#define RMI_FEATURE_REGISTER_0_PMU_NUM_CTRS	GENMASK(31, 27)

#define RMI_REALM_PARAM_FLAG_SVE	BIT(1)
#define RMI_REALM_PARAM_FLAG_PMU	BIT(2)

#define RMI_HASH_SHA_256		0
#define RMI_HASH_SHA_512		1

/*
 * Parameter and run pages: 4 KiB, every field 8-byte aligned at the spec's
 * offset, the gaps padding.  Fields present only in one revision say so.
 * struct realm_params is each revision's own (see above).
 */
struct realm_params;

#define REC_CREATE_NR_GPRS		8
#define REC_PARAMS_FLAG_RUNNABLE	BIT_ULL(0)
#define REC_PARAMS_AUX_GRANULES		16

struct rec_params {
	union {	/* 0x000 */
		u64 flags;
		u8 padding0[0x100];
	};
	union {	/* 0x100 */
		u64 mpidr;
		u8 padding1[0x100];
	};
	union {	/* 0x200 */
		u64 pc;
		u8 padding2[0x100];
	};
	union {	/* 0x300 */
		u64 gprs[REC_CREATE_NR_GPRS];
		u8 padding3[0x500];
	};
	union {	/* 0x800: 1.0 only */
		struct {
			u64 num_rec_aux;
			u64 aux[REC_PARAMS_AUX_GRANULES];
		};
		u8 padding4[0x800];
	};
};

#define REC_ENTER_FLAG_EMULATED_MMIO	BIT(0)
#define REC_ENTER_FLAG_INJECT_SEA	BIT(1)
#define REC_ENTER_FLAG_TRAP_WFI		BIT(2)
#define REC_ENTER_FLAG_TRAP_WFE		BIT(3)
#define REC_ENTER_FLAG_RIPAS_RESPONSE	BIT(4)

#define REC_RUN_GPRS			31
#define REC_MAX_GIC_NUM_LRS		16

struct rec_enter {
	union {	/* 0x000 */
		u64 flags;
		u8 padding0[0x200];
	};
	union {	/* 0x200 */
		u64 gprs[REC_RUN_GPRS];
		u8 padding1[0x100];
	};
	union {	/* 0x300: 1.0 only */
		struct {
			u64 gicv3_hcr;
			u64 gicv3_lrs[REC_MAX_GIC_NUM_LRS];
		};
		u8 padding2[0x500];
	};
};

#define RMI_EXIT_SYNC			0x00
#define RMI_EXIT_IRQ			0x01
#define RMI_EXIT_FIQ			0x02
#define RMI_EXIT_PSCI			0x03
#define RMI_EXIT_RIPAS_CHANGE		0x04
#define RMI_EXIT_HOST_CALL		0x05
#define RMI_EXIT_SERROR			0x06

struct rec_exit {
	union {	/* 0x000 */
		u8 exit_reason;
		u8 padding0[0x100];
	};
	union {	/* 0x100 */
		struct {
			u64 esr;
			u64 far;
			u64 hpfar;
			u64 rtt_tree;		/* 2.0 */
		};
		u8 padding1[0x100];
	};
	union {	/* 0x200 */
		u64 gprs[REC_RUN_GPRS];
		u8 padding2[0x100];
	};
	union {	/* 0x300: 1.0 only */
		struct {
			u64 gicv3_hcr;
			u64 gicv3_lrs[REC_MAX_GIC_NUM_LRS];
			u64 gicv3_misr;
			u64 gicv3_vmcr;
		};
		u8 padding3[0x100];
	};
	union {	/* 0x400 */
		struct {
			u64 cntp_ctl;
			u64 cntp_cval;
			u64 cntv_ctl;
			u64 cntv_cval;
		};
		u8 padding4[0x100];
	};
	union {	/* 0x500 */
		struct {
			u64 ripas_base;
			u64 ripas_top;
			u8 ripas_value;
			u8 padding_ripas[7];
			u64 padding_ripas1;
			u64 s2ap_base;		/* 2.0 from here */
			u64 s2ap_top;
			u64 vdev_id_1;
			u64 vdev_id_2;
			u64 dev_mem_base;
			u64 dev_mem_top;
			u64 dev_mem_pa;
		};
		u8 padding5[0x100];
	};
	union {	/* 0x600 */
		struct {
			u16 imm;
			u8 padding_imm[6];
			u64 plane;		/* 2.0 */
		};
		u8 padding6[0x100];
	};
	union {	/* 0x700 */
		struct {
			u8 pmu_ovf_status;
			u8 padding_pmu[15];
			u64 vsmmu;		/* 2.0 */
		};
		u8 padding7[0x100];
	};
};

struct rec_run {
	struct rec_enter enter;
	struct rec_exit exit;
};

#endif /* __ASM_RMI_SMC_H */
