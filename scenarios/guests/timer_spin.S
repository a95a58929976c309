// SPDX-License-Identifier: BSD-3-Clause
// guest: arm the EL1 virtual (x1 = 0) or physical (x1 = 1) timer x0 ticks ahead with IRQs masked, spin x2 iterations (0: for ever) counting in x3, then HOST_CALL imm 9 with CNTx_CTL and the count
	.include "smccc.inc"
	.text
	.global _start
_start:
	mov	x20, x0
	mov	x21, x1
	mov	x22, x2
	mov	x3, #0
	cbnz	x21, 1f
	mrs	x4, cntvct_el0
	add	x4, x4, x20
	msr	cntv_cval_el0, x4
	mov	x4, #1                  // ENABLE, IMASK clear
	msr	cntv_ctl_el0, x4
	b	2f
1:	mrs	x4, cntpct_el0
	add	x4, x4, x20
	msr	cntp_cval_el0, x4
	mov	x4, #1
	msr	cntp_ctl_el0, x4
2:	isb
3:	add	x3, x3, #1              // x2 = 0 never matches: spins for ever
	cmp	x3, x22
	b.ne	3b
	cbnz	x21, 4f
	mrs	x5, cntv_ctl_el0
	b	5f
4:	mrs	x5, cntp_ctl_el0
5:	adr	x25, hostcall_buf
	stp	x5, x3, [x25, #RSI_HOST_CALL_GPRS]
	hostcall x25, 9
	system_off

	.balign 4096
hostcall_buf:
	.space 256
