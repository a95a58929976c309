// SPDX-License-Identifier: BSD-3-Clause
// guest: stores of 1/2/4/8 bytes to the MMIO IPA in x0, one 32-bit read back (into x5), then SYSTEM_OFF
	.include "smccc.inc"
	.text
	.global _start
_start:
	mov	x20, x0                 // MMIO base (unprotected IPA)
	mov	w1, #0x11
	strb	w1, [x20]               // 1 byte  at +0
	mov	w2, #0x2222
	strh	w2, [x20, #2]           // 2 bytes at +2
	mov32	x3, 0x33333333
	str	w3, [x20, #4]           // 4 bytes at +4
	mov32	x4, 0x44444444
	orr	x4, x4, x4, lsl #32
	str	x4, [x20, #8]           // 8 bytes at +8
	ldr	w5, [x20, #16]          // read back: the host supplies the value
	system_off
