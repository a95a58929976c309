// SPDX-License-Identifier: BSD-3-Clause
// guest: HOST_CALL with imm x0 and gprs[0..6] = x1..x7; gprs[0..1] as the host left them come back in x9/x10 (after SYSTEM_OFF's x0)
	.include "smccc.inc"
	.text
	.global _start
_start:
	adr	x25, hostcall_buf
	strh	w0, [x25]
	stp	x1, x2, [x25, #RSI_HOST_CALL_GPRS]
	stp	x3, x4, [x25, #RSI_HOST_CALL_GPRS + 16]
	stp	x5, x6, [x25, #RSI_HOST_CALL_GPRS + 32]
	str	x7, [x25, #RSI_HOST_CALL_GPRS + 48]
	mov32	x0, RSI_FID_HOST_CALL
	mov	x1, x25
	smc	#0
	ldp	x11, x12, [x25, #RSI_HOST_CALL_GPRS]
	mov	x9, x11
	mov	x10, x12
	system_off

	.balign 4096
hostcall_buf:
	.space 256
