/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A host-side RMI 2.0-bet1 definitions header written by this project for
 * abi-check's tests, in the naming Linux uses (SMC_RMI_*, RMI_RETURN_*,
 * RMI_DONATE_*).  It holds a few commands and bit fields only, and no
 * structures; host_v2_0_bet1_cmds.h wraps the commands.  CMake derives the
 * broken and renamed variants from it.
 */
#ifndef TEST_HOST_RMI_V2_0_BET1_H
#define TEST_HOST_RMI_V2_0_BET1_H

#include <linux/bitfield.h>
#include <linux/bits.h>

#define RMI_FN(n)			(0xC4000000UL | (n))

#define SMC_RMI_VERSION			RMI_FN(0x150)
#define SMC_RMI_REALM_ACTIVATE		RMI_FN(0x157)
#define SMC_RMI_REALM_CREATE		RMI_FN(0x158)
#define SMC_RMI_REC_CREATE		RMI_FN(0x15a)
#define SMC_RMI_REC_DESTROY		RMI_FN(0x15b)
#define SMC_RMI_RTT_CREATE		RMI_FN(0x15d)
#define SMC_RMI_PSCI_COMPLETE		RMI_FN(0x164)
#define SMC_RMI_FEATURES		RMI_FN(0x165)
#define SMC_RMI_VSMMU_EVENT_NOTIFY	RMI_FN(0x1d6)
#define SMC_RMI_RTT_DATA_UNMAP		RMI_FN(0x1f6)
#define SMC_RMI_OP_CONTINUE		RMI_FN(0x203)

#define RMI_ABI_MAJOR_VERSION		2
#define RMI_ABI_MINOR_VERSION		0
/* A bare shift takes the rest of the word: the spec keeps it zero. */
#define RMI_ABI_VERSION_GET_MAJOR(v)	((v) >> 16)
#define RMI_ABI_VERSION_GET_MINOR(v)	((v) & 0xffff)

#define RMI_RETURN_STATUS(x)		FIELD_GET(GENMASK(7, 0), (x))
#define RMI_RETURN_INDEX(x)		FIELD_GET(GENMASK(15, 8), (x))
#define RMI_RETURN_MEMREQ(x)		FIELD_GET(GENMASK(9, 8), (x))
#define RMI_RETURN_CAN_CANCEL(x)	FIELD_GET(BIT(10), (x))

#define RMI_SUCCESS			0
#define RMI_INCOMPLETE			13

/* x2 of an INCOMPLETE answer that asks for memory. */
#define RMI_DONATE_SIZE(req)		FIELD_GET(GENMASK(1, 0), (req))
#define RMI_DONATE_COUNT_MASK		GENMASK(15, 2)
#define RMI_DONATE_COUNT(req)		FIELD_GET(RMI_DONATE_COUNT_MASK, (req))
#define RMI_DONATE_CONTIG(req)		FIELD_GET(BIT(16), (req))
#define RMI_DONATE_STATE_MASK		BIT(17)
#define RMI_DONATE_STATE(req)		FIELD_GET(BIT(17), (req))

#endif
