// SPDX-License-Identifier: BSD-3-Clause
// guest: MEASUREMENT_READ 0, EXTEND 1 with x0 bytes (<= 64) of a fixed pattern, READ 1; HOST_CALL imm 4 with statuses and values
	.include "smccc.inc"
	.text
	.global _start
_start:
	mov	x20, x0                 // bytes to extend
	adr	x25, hostcall_buf
	mov32	x0, RSI_FID_MEASUREMENT_READ
	mov	x1, #0
	smc	#0
	str	x0, [x25, #RSI_HOST_CALL_GPRS]           // gprs[0]   status
	stp	x1, x2, [x25, #RSI_HOST_CALL_GPRS + 8]   // gprs[1-8] value
	stp	x3, x4, [x25, #RSI_HOST_CALL_GPRS + 24]
	stp	x5, x6, [x25, #RSI_HOST_CALL_GPRS + 40]
	stp	x7, x8, [x25, #RSI_HOST_CALL_GPRS + 56]

	adr	x11, pattern
	mov32	x0, RSI_FID_MEASUREMENT_EXTEND
	mov	x1, #1
	mov	x2, x20
	ldp	x3, x4, [x11]
	ldp	x5, x6, [x11, #16]
	ldp	x7, x8, [x11, #32]
	ldp	x9, x10, [x11, #48]
	smc	#0
	str	x0, [x25, #RSI_HOST_CALL_GPRS + 72]      // gprs[9]   extend status

	mov32	x0, RSI_FID_MEASUREMENT_READ
	mov	x1, #1
	smc	#0
	str	x0, [x25, #RSI_HOST_CALL_GPRS + 80]      // gprs[10]  status
	stp	x1, x2, [x25, #RSI_HOST_CALL_GPRS + 88]  // gprs[11-18] value
	stp	x3, x4, [x25, #RSI_HOST_CALL_GPRS + 104]
	stp	x5, x6, [x25, #RSI_HOST_CALL_GPRS + 120]
	stp	x7, x8, [x25, #RSI_HOST_CALL_GPRS + 136]
	hostcall x25, 4
	system_off

	.balign 8
pattern:                                // bytes 0x00, 0x01, ... 0x3f
	.quad 0x0706050403020100, 0x0f0e0d0c0b0a0908
	.quad 0x1716151413121110, 0x1f1e1d1c1b1a1918
	.quad 0x2726252423222120, 0x2f2e2d2c2b2a2928
	.quad 0x3736353433323130, 0x3f3e3d3c3b3a3938

	.balign 4096
hostcall_buf:
	.space 256
