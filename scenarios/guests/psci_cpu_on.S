// SPDX-License-Identifier: BSD-3-Clause
// guest: CPU_ON the vCPU with MPIDR x0 at label `secondary` (context 0x5ec0), poll AFFINITY_INFO until OFF; secondary HOST_CALLs imm 2 then CPU_OFF
	.include "smccc.inc"
	.equ MAX_POLLS, 1000
	.text
	.global _start
_start:
	mov	x20, x0                 // target MPIDR
	adr	x25, hostcall_buf
	mov32	x0, PSCI_FID_CPU_ON
	mov	x1, x20
	adr	x2, secondary           // entry: an IPA, MMU is off
	mov	x3, #0x5ec0             // context id, arrives in the secondary's x0
	smc	#0
	mov	x21, x0                 // CPU_ON status
	mov	x23, #0                 // polls
1:	mov32	x0, PSCI_FID_AFFINITY_INFO
	mov	x1, x20
	mov	x2, #0                  // lowest affinity level
	smc	#0
	mov	x22, x0                 // 0 ON, 1 OFF, 2 ON_PENDING
	add	x23, x23, #1
	cmp	x22, #1
	b.eq	2f
	cmp	x23, #MAX_POLLS
	b.lo	1b
2:	stp	x21, x22, [x25, #RSI_HOST_CALL_GPRS]
	str	x23, [x25, #RSI_HOST_CALL_GPRS + 16]
	hostcall x25, 1
	system_off

secondary:
	mov	x19, x0                 // context id
	adr	x25, secondary_buf
	mrs	x20, mpidr_el1
	stp	x19, x20, [x25, #RSI_HOST_CALL_GPRS]
	hostcall x25, 2
	mov32	x0, PSCI_FID_CPU_OFF
	smc	#0
	b	.

	.balign 4096
hostcall_buf:
	.space 256
secondary_buf:
	.space 256
