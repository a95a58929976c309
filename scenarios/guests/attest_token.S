// SPDX-License-Identifier: BSD-3-Clause
// guest: attestation token into the RAM page at x0 - INIT with challenge bytes 0x40..0x7f, CONTINUE a page at a time until SUCCESS, calling again on INCOMPLETE - then HOST_CALL imm 0xa7 with INIT's status and size bound, the last status, the token length, the CONTINUE calls and those answered INCOMPLETE with nothing written
	.include "smccc.inc"
	.text
	.global _start
_start:
	mov	x20, x0                 // token buffer (IPA, page aligned)
	adr	x25, hostcall_buf
	adr	x11, challenge
	ldp	x1, x2, [x11]
	ldp	x3, x4, [x11, #16]
	ldp	x5, x6, [x11, #32]
	ldp	x7, x8, [x11, #48]
	mov32	x0, RSI_FID_ATTEST_TOKEN_INIT
	smc	#0
	stp	x0, x1, [x25, #RSI_HOST_CALL_GPRS]       // gprs[0] status, gprs[1] size bound
	mov	x21, #0                 // bytes so far
	mov	x22, #0                 // CONTINUE calls
	mov	x23, #0                 // INCOMPLETE with nothing written
1:	mov32	x0, RSI_FID_ATTEST_TOKEN_CONTINUE
	mov	x1, x20
	mov	x2, x21                 // offset
	mov	x3, #4096
	sub	x3, x3, x21             // the rest of the page
	smc	#0
	add	x21, x21, x1
	add	x22, x22, #1
	cmp	x0, #3                  // INCOMPLETE
	b.ne	2f
	cbnz	x1, 3f
	add	x23, x23, #1
3:	cmp	x22, #64                // bounded
	b.lo	1b
2:	stp	x0, x21, [x25, #RSI_HOST_CALL_GPRS + 16] // gprs[2] last status, gprs[3] length
	stp	x22, x23, [x25, #RSI_HOST_CALL_GPRS + 32] // gprs[4] calls, gprs[5] empty INCOMPLETEs
	hostcall x25, 0xa7
	system_off

	.balign 8
challenge:
	.quad 0x4746454443424140, 0x4f4e4d4c4b4a4948
	.quad 0x5756555453525150, 0x5f5e5d5c5b5a5958
	.quad 0x6766656463626160, 0x6f6e6d6c6b6a6968
	.quad 0x7776757473727170, 0x7f7e7d7c7b7a7978

	.balign 4096
hostcall_buf:
	.space 256
