// SPDX-License-Identifier: BSD-3-Clause
// guest: one access of each load/store form to the MMIO IPA in x0 (each is a data abort), then SYSTEM_OFF; see the engine tests for the list
	.include "smccc.inc"
	.text
	.global _start
_start:
	mov	x20, x0
	mov	x2, #8
	mov32	x3, 0x89abcdef
	orr	x3, x3, x3, lsl #32     // 0x89abcdef89abcdef
	ldr	x1, [x20]               //  0 ldr x, imm        ISV sas3 sf
	ldr	w4, [x20, #4]           //  1 ldr w             ISV sas2
	ldrb	w5, [x20, #1]           //  2 ldrb              ISV sas0
	ldrsh	x6, [x20, #2]           //  3 ldrsh x           ISV sas1 sse sf
	ldrsw	x7, [x20, #4]           //  4 ldrsw             ISV sas2 sse sf
	ldrsb	w8, [x20, #3]           //  5 ldrsb w           ISV sas0 sse
	str	x3, [x20, #8]           //  6 str x             ISV write
	str	w3, [x20, #12]          //  7 str w
	strh	w3, [x20, #14]          //  8 strh
	strb	wzr, [x20, #15]         //  9 strb wzr          value 0
	ldur	x10, [x20, #-8]         // 10 ldur negative offset
	ldr	x11, [x20, x2]          // 11 register offset
	str	w3, [x20, w2, uxtw #2]  // 12 register offset, extended/scaled
	ldar	x12, [x20]              // 13 ldar              ISV ar
	stlr	w3, [x20]               // 14 stlr              ISV ar write
	ldp	x13, x14, [x20, #16]    // 15 ldp               ISV=0
	ldr	x15, [x20, #8]!         // 16 pre-index         ISV=0
	system_off
