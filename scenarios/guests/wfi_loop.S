// SPDX-License-Identifier: BSD-3-Clause
// guest: x0 times WFI with IRQs unmasked; the IRQ vector acks via ICC_IAR1/EOIR1; HOST_CALL imm 3 with wakeups, IRQs, last INTID
	.include "smccc.inc"
	.include "vectors.inc"
	.text
	.global _start
_start:
	mov	x20, x0                 // WFIs to execute
	mov	x21, #0                 // wakeups (WFI completions)
	mov	x22, #0                 // IRQs taken
	mov	x23, #0                 // last INTID acknowledged
	install_vectors vectors
	msr	daifclr, #2             // unmask IRQs
	cbz	x20, 2f
1:	wfi
	add	x21, x21, #1
	cmp	x21, x20
	b.lo	1b
2:	msr	daifset, #2
	adr	x25, hostcall_buf
	stp	x21, x22, [x25, #RSI_HOST_CALL_GPRS]
	str	x23, [x25, #RSI_HOST_CALL_GPRS + 16]
	hostcall x25, 3
	system_off

irq:
	mrs	x24, icc_iar1_el1       // INTID: the host completes this read
	add	x22, x22, #1
	mov	x23, x24
	msr	icc_eoir1_el1, x24
	eret

	unexpected_vector unexpected, hostcall_buf

	vector_table vectors, unexpected, irq, unexpected

	.balign 4096
hostcall_buf:
	.space 256
