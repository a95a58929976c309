// SPDX-License-Identifier: BSD-3-Clause
// guest: PSCI and RSI calls the RMM answers itself (results in gprs 0..13 of HOST_CALL imm 0x10), then CPU_SUSPEND, then SYSTEM_RESET
	.include "smccc.inc"
	.text
	.global _start
_start:
	adr	x25, hostcall_buf
	add	x26, x25, #RSI_HOST_CALL_GPRS
	.macro call fid, a1=0, a2=0, a3=0
	mov32	x0, \fid
	mov32	x1, \a1
	mov32	x2, \a2
	mov32	x3, \a3
	smc	#0
	str	x0, [x26], #8
	.endm
	call	PSCI_FID_PSCI_VERSION                            // 0
	call	0x8400000A, 0xC4000003                  // 1 PSCI_FID_PSCI_FEATURES(CPU_ON)
	call	0x8400000A, 0x12345678                  // 2 PSCI_FID_PSCI_FEATURES(unknown)
	call	0x80000000                              // 3 SMCCC_VERSION
	call	PSCI_FID_CPU_ON, 0, 0x1000, 0               // 4 self: ALREADY_ON
	call	PSCI_FID_CPU_ON, 1, 0x1000, 0               // 5 target 1 of 1 REC: INVALID_PARAMS
	mov32	x0, PSCI_FID_CPU_ON                         // 6 entry outside the PAR
	mov	x1, #1
	mov	x2, #1
	lsl	x2, x2, #39
	smc	#0
	str	x0, [x26], #8
	call	PSCI_FID_AFFINITY_INFO, 0, 0                // 7 self: ON
	call	PSCI_FID_AFFINITY_INFO, 0, 1                // 8 level 1: INVALID_PARAMS
	call	0xC4000180                              // 9 unknown SMC: SMC_UNKNOWN
	add	x1, x25, #8                             // 10 HOST_CALL struct not 256-aligned
	mov32	x0, RSI_FID_HOST_CALL
	smc	#0
	str	x0, [x26], #8
	call	RSI_FID_IPA_STATE_SET, 0, 0x1000, 2         // 11 RIPAS 2: ERROR_INPUT
	call	RSI_FID_MEASUREMENT_EXTEND, 0, 8            // 12 index 0 (RIM): ERROR_INPUT
	call	RSI_FID_MEASUREMENT_READ, 5                 // 13 index 5: ERROR_INPUT
	call	RSI_FID_VERSION, 0x20000                    // 14 VERSION 2.0: ERROR_INPUT
	hostcall x25, 0x10
	mov32	x0, 0xC4000001                          // CPU_SUSPEND
	smc	#0
	mov32	x0, PSCI_FID_SYSTEM_RESET
	smc	#0
	b	.

	.balign 4096
hostcall_buf:
	.space 256
