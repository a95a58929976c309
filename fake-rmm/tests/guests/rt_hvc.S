// SPDX-License-Identifier: BSD-3-Clause
// guest: HVC #0 (the RMM injects UNDEF); the sync vector HOST_CALLs imm 0xd with ESR_EL1, ELR_EL1 and the HVC's address
	.include "smccc.inc"
	.include "vectors.inc"
	.text
	.global _start
_start:
	install_vectors vectors
	adr	x24, the_hvc
the_hvc:
	hvc	#0
	adr	x25, hostcall_buf
	hostcall x25, 1                 // not reached: UNDEF goes to the vector
	system_off

sync:
	adr	x25, hostcall_buf
	mrs	x1, esr_el1
	mrs	x2, elr_el1
	stp	x1, x2, [x25, #RSI_HOST_CALL_GPRS]
	str	x24, [x25, #RSI_HOST_CALL_GPRS + 16]
	hostcall x25, 0xd
	system_off

	unexpected_vector other, hostcall_buf

	vector_table vectors, sync, other, other

	.balign 4096
hostcall_buf:
	.space 256
