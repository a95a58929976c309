// SPDX-License-Identifier: BSD-3-Clause
// guest: attestation token into the RAM page at x0 (CONTINUE before INIT, INIT with challenge bytes 0x40..0x7f, CONTINUE until done) and IPA_STATE_GET; HOST_CALL imm 7 with the results
	.include "smccc.inc"
	.text
	.global _start
_start:
	mov	x20, x0                 // token buffer (IPA, page aligned)
	adr	x25, hostcall_buf
	mov32	x0, RSI_FID_ATTEST_TOKEN_CONTINUE
	mov	x1, x20
	mov	x2, #0
	mov	x3, #64
	smc	#0
	str	x0, [x25, #RSI_HOST_CALL_GPRS]           // gprs[0] status before INIT
	adr	x11, challenge
	ldp	x1, x2, [x11]
	ldp	x3, x4, [x11, #16]
	ldp	x5, x6, [x11, #32]
	ldp	x7, x8, [x11, #48]
	mov32	x0, RSI_FID_ATTEST_TOKEN_INIT
	smc	#0
	stp	x0, x1, [x25, #RSI_HOST_CALL_GPRS + 8]   // gprs[1] status, gprs[2] max size
	mov	x21, #0                 // bytes so far
	mov	x22, #0                 // calls
1:	mov32	x0, RSI_FID_ATTEST_TOKEN_CONTINUE
	mov	x1, x20
	mov	x2, x21                 // offset
	mov	x3, #100                // small chunks: several calls
	smc	#0
	add	x21, x21, x1
	add	x22, x22, #1
	cmp	x0, #3                  // INCOMPLETE
	b.ne	2f
	cmp	x22, #200
	b.lo	1b
2:	stp	x0, x21, [x25, #RSI_HOST_CALL_GPRS + 24] // gprs[3] final status, gprs[4] length
	str	x22, [x25, #RSI_HOST_CALL_GPRS + 40]     // gprs[5] calls
	mov32	x0, RSI_FID_IPA_STATE_GET
	mov	x1, x20
	add	x2, x20, #0x2000
	smc	#0
	stp	x0, x1, [x25, #RSI_HOST_CALL_GPRS + 48]  // gprs[6] status, gprs[7] top
	str	x2, [x25, #RSI_HOST_CALL_GPRS + 64]      // gprs[8] ripas
	hostcall x25, 7
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
