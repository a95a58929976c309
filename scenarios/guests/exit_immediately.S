// SPDX-License-Identifier: BSD-3-Clause
// guest: HOST_CALL imm 0 again and again (x9 counts entries, reset to 1 at start): the REC round-trip benchmark
	.include "smccc.inc"
	.text
	.global _start
_start:
	mov	x9, #1
	adr	x25, hostcall_buf
1:	mov32	x0, RSI_FID_HOST_CALL
	mov	x1, x25
	smc	#0
	add	x9, x9, #1
	b	1b

	.balign 4096
hostcall_buf:
	.space 256
