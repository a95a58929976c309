// SPDX-License-Identifier: BSD-3-Clause
// guest: RSI VERSION (of revision x1, 0 = 1.0), FEATURES and REALM_CONFIG (into the page at x0); results in x22..x28 and x19/x29
// (hash_algo, gicv3_vtr), reported by HOST_CALL imm 1 in gprs 0..8
	.include "smccc.inc"
	.text
	.global _start
_start:
	mov	x20, x0                 // granule for REALM_CONFIG
	adr	x21, hostcall_buf
	cbnz	x1, 1f                  // x1: the revision to request, 0 for 1.0
	mov	x1, #0x10000
1:	mov32	x0, RSI_FID_VERSION
	smc	#0
	mov	x22, x0                 // status
	mov	x23, x1                 // lower implemented revision
	mov	x24, x2                 // higher implemented revision
	mov32	x0, RSI_FID_FEATURES
	mov	x1, #0                  // feature register 0
	smc	#0
	mov	x25, x0
	mov	x26, x1
	mov32	x0, RSI_FID_REALM_CONFIG
	mov	x1, x20
	smc	#0
	mov	x27, x0
	ldr	x28, [x20, #RSI_REALM_CONFIG_IPA_WIDTH]
	ldrb	w19, [x20, #RSI_REALM_CONFIG_HASH_ALGO]
	ldr	x29, [x20, #RSI_V2_REALM_CONFIG_GICV3_VTR]  // 1.0: padding, zero
	stp	x22, x23, [x21, #RSI_HOST_CALL_GPRS]
	stp	x24, x25, [x21, #RSI_HOST_CALL_GPRS + 16]
	stp	x26, x27, [x21, #RSI_HOST_CALL_GPRS + 32]
	stp	x28, x19, [x21, #RSI_HOST_CALL_GPRS + 48]
	str	x29, [x21, #RSI_HOST_CALL_GPRS + 64]
	hostcall x21, 1
	system_off

	.balign 4096
hostcall_buf:
	.space 256
