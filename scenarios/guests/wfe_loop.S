// SPDX-License-Identifier: BSD-3-Clause
// guest: x0 WFEs (a counter and a branch between them), then HOST_CALL imm 0xfe with the count
	.include "smccc.inc"
	.text
	.global _start
_start:
	mov	x20, x0
	mov	x21, #0
	cbz	x20, 2f
1:	add	x21, x21, #1
	wfe
	cmp	x21, x20
	b.lo	1b
2:	adr	x25, hostcall_buf
	str	x21, [x25, #RSI_HOST_CALL_GPRS]
	hostcall x25, 0xfe
	system_off

	.balign 4096
hostcall_buf:
	.space 256
