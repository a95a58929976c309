// SPDX-License-Identifier: BSD-3-Clause
// guest: IPA_STATE_SET [x0, x1) to EMPTY then RAM, looping on partial progress; HOST_CALL imm 1 done / 2 rejected / 3 error
	.include "smccc.inc"
	.text
	.global _start
_start:
	mov	x20, x0                 // base
	mov	x21, x1                 // top
	adr	x25, hostcall_buf
	mov	x22, #0                 // RIPAS EMPTY
	bl	set_range
	mov	x22, #1                 // RIPAS RAM
	bl	set_range
	str	x20, [x25, #RSI_HOST_CALL_GPRS]
	str	x21, [x25, #RSI_HOST_CALL_GPRS + 8]
	hostcall x25, 1
	system_off

// set_range: x20..x21 to RIPAS x22; returns only when the whole range is done.
set_range:
	mov	x23, x20
1:	mov32	x0, RSI_FID_IPA_STATE_SET
	mov	x1, x23
	mov	x2, x21
	mov	x3, x22
	mov	x4, #0                  // flags: no CHANGE_DESTROYED
	smc	#0
	cbnz	x0, error
	cbnz	x2, rejected
	cmp	x1, x23                 // the RMM must make progress
	b.ls	error
	mov	x23, x1
	cmp	x23, x21
	b.lo	1b
	ret

rejected:                               // host refused at x23 (next base in x1)
	stp	x22, x23, [x25, #RSI_HOST_CALL_GPRS]
	str	x1, [x25, #RSI_HOST_CALL_GPRS + 16]
	hostcall x25, 2
	system_off

error:                                  // status in x0, next base in x1
	stp	x0, x1, [x25, #RSI_HOST_CALL_GPRS]
	stp	x22, x23, [x25, #RSI_HOST_CALL_GPRS + 16]
	hostcall x25, 3
	system_off

	.balign 4096
hostcall_buf:
	.space 256
