// SPDX-License-Identifier: BSD-3-Clause
// guest: enable group 1, EOImode x3; take x0 virtual IRQs (WFI, IRQs unmasked; ICC_IAR1, ICC_EOIR1 and with EOImode 1 ICC_DIR), then end INTID x1 - in no list register - x2 times the same way; HOST_CALL imm 0x61 with IRQs taken and the last INTID
	.include "smccc.inc"
	.include "vectors.inc"
	.text
	.global _start
_start:
	mov	x20, x0                 // IRQs to take
	mov	x21, x1                 // INTID ended without an LR
	mov	x22, x2                 // how many times
	mov	x27, x3                 // EOImode
	mov	x23, #0                 // IRQs taken
	mov	x24, #0                 // last INTID acknowledged
	install_vectors vectors
	lsl	x1, x27, #1             // ICC_CTLR_EL1.EOImode is bit 1
	msr	icc_ctlr_el1, x1
	mov	x1, #1
	msr	icc_igrpen1_el1, x1
	isb
	msr	daifclr, #2
1:	cmp	x23, x20
	b.hs	2f
	wfi
	b	1b
2:	msr	daifset, #2
	cbz	x22, 4f
3:	mov	x26, x21
	bl	end_irq
	subs	x22, x22, #1
	b.ne	3b
4:	adr	x25, hostcall_buf
	stp	x23, x24, [x25, #RSI_HOST_CALL_GPRS]
	hostcall x25, 0x61
	system_off

// end_irq: ICC_EOIR1 with x26, then ICC_DIR when EOImode is 1.
end_irq:
	msr	icc_eoir1_el1, x26
	cbz	x27, 5f
	msr	icc_dir_el1, x26
5:	ret

irq:
	mrs	x26, icc_iar1_el1
	add	x23, x23, #1
	mov	x24, x26
	mov	x28, x30
	bl	end_irq
	mov	x30, x28
	eret

	unexpected_vector unexpected, hostcall_buf

	vector_table vectors, unexpected, irq, unexpected

	.balign 4096
hostcall_buf:
	.space 256
