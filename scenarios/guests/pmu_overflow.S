// SPDX-License-Identifier: BSD-3-Clause
// guest: a PMU counter overflows - x0 = 0: event counter 0 counting SW_INCR from 0xffffffff, one PMSWINC write, its interrupt disabled; 1: the same, interrupt enabled; 2: the cycle counter (PMCR.LC) 4096 cycles before its wrap, interrupt enabled - then x1 iterations of a spin (IRQs masked) and HOST_CALL imm 0x9e with PMOVSSET_EL0, PMINTENSET_EL1 and the spin count
	.include "smccc.inc"
	.text
	.global _start
_start:
	mov	x20, x0
	mov	x21, x1
	mov	x1, #0x41               // PMCR_EL0.E, LC
	msr	pmcr_el0, x1
	cmp	x20, #2
	b.eq	cycles
	msr	pmevtyper0_el0, xzr     // event 0x00: SW_INCR
	mov	x1, #0xffffffff
	msr	pmevcntr0_el0, x1
	mov	x1, #1
	msr	pmcntenset_el0, x1
	cbz	x20, 1f
	msr	pmintenset_el1, x1
1:	msr	pmswinc_el0, x1         // counter 0 wraps: overflow
	b	spin
cycles:
	mov	x1, #-4096
	msr	pmccntr_el0, x1
	mov	x1, #(1 << 31)          // the cycle counter's bit
	msr	pmintenset_el1, x1
	msr	pmcntenset_el0, x1
spin:
	mov	x3, #0
2:	cmp	x3, x21
	b.hs	3f
	add	x3, x3, #1
	b	2b
3:	isb
	mrs	x2, pmovsset_el0
	mrs	x4, pmintenset_el1
	adr	x25, hostcall_buf
	stp	x2, x4, [x25, #RSI_HOST_CALL_GPRS]
	str	x3, [x25, #RSI_HOST_CALL_GPRS + 16]
	hostcall x25, 0x9e
	system_off

	.balign 4096
hostcall_buf:
	.space 256
