/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A host-side RMI 1.0 header written by this project for abi-check's tests,
 * in the naming Linux uses (SMC_RMI_*, RMI_*, struct realm_params ...) but
 * laid out with explicit padding instead of unions.  CMake derives the
 * broken variants (wrong offset, wrong FID, missing field) from it.
 */
#ifndef TEST_HOST_RMI_V1_0_H
#define TEST_HOST_RMI_V1_0_H

#include <linux/bits.h>
#include <linux/types.h>

#define RMI_FN(n) (0xC4000000UL | (n))

#define SMC_RMI_VERSION			RMI_FN(0x150)
#define SMC_RMI_GRANULE_DELEGATE	RMI_FN(0x151)
#define SMC_RMI_GRANULE_UNDELEGATE	RMI_FN(0x152)
#define SMC_RMI_DATA_CREATE		RMI_FN(0x153)
#define SMC_RMI_DATA_CREATE_UNKNOWN	RMI_FN(0x154)
#define SMC_RMI_DATA_DESTROY		RMI_FN(0x155)
#define SMC_RMI_REALM_ACTIVATE		RMI_FN(0x157)
#define SMC_RMI_REALM_CREATE		RMI_FN(0x158)
#define SMC_RMI_REALM_DESTROY		RMI_FN(0x159)
#define SMC_RMI_REC_CREATE		RMI_FN(0x15a)
#define SMC_RMI_REC_DESTROY		RMI_FN(0x15b)
#define SMC_RMI_REC_ENTER		RMI_FN(0x15c)
#define SMC_RMI_RTT_CREATE		RMI_FN(0x15d)
#define SMC_RMI_RTT_DESTROY		RMI_FN(0x15e)
#define SMC_RMI_RTT_MAP_UNPROTECTED	RMI_FN(0x15f)
#define SMC_RMI_RTT_READ_ENTRY		RMI_FN(0x161)
#define SMC_RMI_RTT_UNMAP_UNPROTECTED	RMI_FN(0x162)
#define SMC_RMI_PSCI_COMPLETE		RMI_FN(0x164)
#define SMC_RMI_FEATURES		RMI_FN(0x165)
#define SMC_RMI_RTT_FOLD		RMI_FN(0x166)
#define SMC_RMI_REC_AUX_COUNT		RMI_FN(0x167)
#define SMC_RMI_RTT_INIT_RIPAS		RMI_FN(0x168)
#define SMC_RMI_RTT_SET_RIPAS		RMI_FN(0x169)

#define RMI_RETURN_STATUS(x)		((x) & 0xff)
#define RMI_RETURN_INDEX(x)		(((x) & 0xff00) >> 8)

#define RMI_SUCCESS		0
#define RMI_ERROR_INPUT		1
#define RMI_ERROR_REALM		2
#define RMI_ERROR_REC		3
#define RMI_ERROR_RTT		4

#define RMI_EMPTY		0
#define RMI_RAM			1
#define RMI_DESTROYED		2

#define RMI_EXIT_SYNC		0
#define RMI_EXIT_IRQ		1
#define RMI_EXIT_FIQ		2
#define RMI_EXIT_PSCI		3
#define RMI_EXIT_RIPAS_CHANGE	4
#define RMI_EXIT_HOST_CALL	5
#define RMI_EXIT_SERROR		6

#define RMI_FEATURE_REGISTER_0_S2SZ	GENMASK_ULL(7, 0)
#define RMI_FEATURE_REGISTER_0_LPA2	BIT_ULL(8)
#define RMI_FEATURE_REGISTER_0_HASH_SHA_256	BIT_ULL(32)
#define RMI_FEATURE_REGISTER_0_HASH_SHA_512	BIT_ULL(33)

#define REC_ENTER_FLAG_EMULATED_MMIO	BIT(0)
#define REC_ENTER_FLAG_INJECT_SEA	BIT(1)

struct realm_params {
	__u64 flags;
	__u32 s2sz;
	__u32 __pad0;
	__u8 sve_vl;
	__u8 __pad1[7];
	__u8 num_bps;
	__u8 __pad2[7];
	__u8 num_wps;
	__u8 __pad3[7];
	__u8 pmu_num_ctrs;
	__u8 __pad4[7];
	__u8 hash_algo;
	__u8 __pad5[0x3cf];
	__u8 rpv[64];
	__u8 __pad6[0x3c0];
	__u16 vmid;
	__u8 __pad7[6];
	__u64 rtt_base;
	__s64 rtt_level_start;
	__u32 rtt_num_start;
	__u8 __pad8[0x7e4];
};

struct rec_exit {
	__u8 exit_reason;
	__u8 __pad0[0xff];
	__u64 esr;
	__u64 far;
	__u64 hpfar;
	__u8 __pad1[0xe8];
	__u64 gprs[31];
	__u8 __pad2[0x8];
	__u64 gicv3_hcr;
	__u64 gicv3_lrs[16];
	__u64 gicv3_misr;
	__u64 gicv3_vmcr;
	__u8 __pad3[0x68];
	__u64 cntp_ctl;
	__u64 cntp_cval;
	__u64 cntv_ctl;
	__u64 cntv_cval;
	__u8 __pad4[0xe0];
	__u64 ripas_base;
	__u64 ripas_top;
	__u8 ripas_value;
	__u8 __pad5[0xef];
	__u16 imm;
	__u8 __pad6[0xfe];
	__u8 pmu_ovf_status;
	__u8 __pad7[0xff];
};

#endif
