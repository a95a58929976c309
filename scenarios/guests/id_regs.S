// SPDX-License-Identifier: BSD-3-Clause
// guest: read the ID registers a realm sizes itself by - ID_AA64PFR0_EL1, ID_AA64DFR0_EL1, PMCR_EL0, ID_AA64ZFR0_EL1, ID_AA64MMFR1_EL1, ID_AA64MMFR0_EL1 - and report them in HOST_CALL imm 0x1d
	.include "smccc.inc"
	.text
	.global _start
_start:
	adr	x25, hostcall_buf
	mrs	x1, id_aa64pfr0_el1
	mrs	x2, id_aa64dfr0_el1
	stp	x1, x2, [x25, #RSI_HOST_CALL_GPRS]
	mrs	x1, pmcr_el0
	mrs	x2, s3_0_c0_c4_4        // ID_AA64ZFR0_EL1
	stp	x1, x2, [x25, #RSI_HOST_CALL_GPRS + 16]
	mrs	x1, id_aa64mmfr1_el1
	mrs	x2, id_aa64mmfr0_el1
	stp	x1, x2, [x25, #RSI_HOST_CALL_GPRS + 32]
	hostcall x25, 0x1d
	system_off

	.balign 4096
hostcall_buf:
	.space 256
