// SPDX-License-Identifier: BSD-3-Clause
// guest: a vector table at offset 0 (load at IPA 0: VBAR_EL1 is 0 at reset) whose current-EL sync slot reports ESR_EL1, ELR_EL1, FAR_EL1 in HOST_CALL imm 0xe1, then SYSTEM_OFF; for a REC whose entry PC lies elsewhere
	.include "smccc.inc"
	.include "vectors.inc"
	.text
	.global _start
_start:
	vector_table vectors, sync, unexpected, unexpected

sync:
	adr	x25, hostcall_buf
	mrs	x1, esr_el1
	mrs	x2, elr_el1
	stp	x1, x2, [x25, #RSI_HOST_CALL_GPRS]
	mrs	x1, far_el1
	str	x1, [x25, #RSI_HOST_CALL_GPRS + 16]
	hostcall x25, 0xe1
	system_off

	unexpected_vector unexpected, hostcall_buf

	.balign 4096
hostcall_buf:
	.space 256
