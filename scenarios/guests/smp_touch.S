// SPDX-License-Identifier: BSD-3-Clause
// guest: CPU_ON the vCPU with MPIDR x0; both then read x3 pages one by one (primary from IPA x1, secondary from IPA x2), so two vCPUs fault memory in at once; secondary HOST_CALLs imm 2 with its sum then CPU_OFF; primary polls AFFINITY_INFO until OFF, HOST_CALLs imm 1 (CPU_ON status, AFFINITY_INFO result, polls), SYSTEM_OFF
	.include "smccc.inc"
	.equ MAX_POLLS, 100000
	.text
	.global _start
_start:
	mov	x20, x0                 // target MPIDR
	mov	x24, x1                 // primary's pages
	mov	x26, x3                 // page count
	adr	x25, hostcall_buf
	adr	x9, shared
	str	x3, [x9]                // page count and base, for the secondary
	str	x2, [x9, #16]
	mov32	x0, PSCI_FID_CPU_ON
	mov	x1, x20
	adr	x2, secondary           // entry: an IPA, MMU is off
	mov	x3, #0x5ec0             // context id
	smc	#0
	mov	x21, x0                 // CPU_ON status
	mov	x0, x24
	mov	x1, x26
	bl	touch
	mov	x23, #0                 // polls
1:	mov32	x0, PSCI_FID_AFFINITY_INFO
	mov	x1, x20
	mov	x2, #0                  // lowest affinity level
	smc	#0
	mov	x22, x0                 // 0 ON, 1 OFF, 2 ON_PENDING
	add	x23, x23, #1
	cmp	x22, #1
	b.eq	2f
	mov32	x9, MAX_POLLS
	cmp	x23, x9
	b.lo	1b
2:	stp	x21, x22, [x25, #RSI_HOST_CALL_GPRS]
	str	x23, [x25, #RSI_HOST_CALL_GPRS + 16]
	hostcall x25, 1
	system_off

// touch(x0 = base IPA, x1 = pages): reads one word of each page; sum in x2.
touch:
	mov	x2, #0
	cbz	x1, 4f
3:	ldr	x9, [x0]
	add	x2, x2, x9
	add	x0, x0, #4096
	subs	x1, x1, #1
	b.ne	3b
4:	ret

secondary:
	adr	x9, shared
	ldr	x1, [x9]                // page count
	ldr	x0, [x9, #16]           // base IPA
	bl	touch
	adr	x25, secondary_buf
	str	x2, [x25, #RSI_HOST_CALL_GPRS]
	hostcall x25, 2
	mov32	x0, PSCI_FID_CPU_OFF
	smc	#0
	b	.

	.balign 8
shared:
	.quad	0, 0, 0
	.balign 4096
hostcall_buf:
	.space 256
secondary_buf:
	.space 256
