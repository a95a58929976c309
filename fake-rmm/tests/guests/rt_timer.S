// SPDX-License-Identifier: BSD-3-Clause
// guest: arm the virtual timer x0 ticks ahead (IRQs masked), make 200000 RSI_FID_VERSION calls (far longer than the timer), then HOST_CALL imm 8 with CNTV_CTL
	.include "smccc.inc"
	.text
	.global _start
_start:
	mrs	x1, cntvct_el0
	add	x1, x1, x0
	msr	cntv_cval_el0, x1
	mov	x1, #1                  // ENABLE, IMASK clear
	msr	cntv_ctl_el0, x1
	isb
	mov	x22, #0
	mov32	x23, 200000
1:	mov32	x0, RSI_FID_VERSION
	mov	x1, #0x10000
	smc	#0
	add	x22, x22, #1
	cmp	x22, x23
	b.lo	1b
	mrs	x21, cntv_ctl_el0
	adr	x25, hostcall_buf
	str	x21, [x25, #RSI_HOST_CALL_GPRS]
	hostcall x25, 8
	system_off

	.balign 4096
hostcall_buf:
	.space 256
