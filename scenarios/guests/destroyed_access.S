// SPDX-License-Identifier: BSD-3-Clause
// guest: load from the IPA in x0; an SEA reaches the sync vector, which HOST_CALLs imm 0x5ea with ESR/FAR/ELR; no fault gives imm 1
	.include "smccc.inc"
	.include "vectors.inc"
	.text
	.global _start
_start:
	mov	x20, x0
	install_vectors vectors
	ldr	x21, [x20]              // the access the host makes fail
	adr	x25, hostcall_buf
	str	x21, [x25, #RSI_HOST_CALL_GPRS]
	hostcall x25, 1
	system_off

sync:
	adr	x25, hostcall_buf
	mrs	x1, esr_el1
	mrs	x2, far_el1
	mrs	x3, elr_el1
	stp	x1, x2, [x25, #RSI_HOST_CALL_GPRS]
	str	x3, [x25, #RSI_HOST_CALL_GPRS + 16]
	hostcall x25, 0x5ea
	system_off

	unexpected_vector other, hostcall_buf

	vector_table vectors, sync, other, other

	.balign 4096
hostcall_buf:
	.space 256
