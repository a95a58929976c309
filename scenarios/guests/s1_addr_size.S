// SPDX-License-Identifier: BSD-3-Clause
// guest: stage-1 faults - x3 = 0: MMU on (tables in the RAM page at x0; VA 0..4G identity in 1G blocks but VA 1G..2G, a block at output address x1; TCR_EL1.IPS = x2) then a load from VA 1G; x3 = 1: MMU off, a load from x1; x3 = 2: as 0 with the VA 1G block's access flag clear and TCR_EL1.HA, HD set; the sync vector reports ESR_EL1, FAR_EL1, ELR_EL1, ID_AA64MMFR1_EL1 in HOST_CALL imm 0x5a (imm 0x5b if the load completed)
	.include "smccc.inc"
	.include "vectors.inc"
	.text
	.global _start
_start:
	mov	x20, x0
	mov	x21, x1
	mov	x22, x2
	mov	x23, x3
	install_vectors vectors
	cmp	x23, #1
	b.eq	mmu_off
	// Level-1 table (T0SZ 25: 39-bit VAs, 1 GiB blocks) at x20.
	mov	x1, #0x401              // block, AF, attr index 0
	orr	x1, x1, #(3 << 8)       // inner shareable
	str	x1, [x20]               // VA 0: output 0
	orr	x2, x1, #0x80000000     // VA 2G, 3G: identity
	str	x2, [x20, #16]
	orr	x2, x2, #0x40000000
	str	x2, [x20, #24]
	orr	x1, x1, x21             // VA 1G: output x1
	cmp	x23, #2
	b.ne	1f
	bic	x1, x1, #0x400          // access flag clear
1:	str	x1, [x20, #8]
	mov	x1, #0xff               // MAIR attr 0: normal write-back
	msr	mair_el1, x1
	mov	x1, #25                 // T0SZ
	orr	x1, x1, #(1 << 8)       // IRGN0 WBWA
	orr	x1, x1, #(1 << 10)      // ORGN0 WBWA
	orr	x1, x1, #(3 << 12)      // SH0 inner
	orr	x1, x1, #(1 << 23)      // EPD1: no TTBR1 walks
	orr	x1, x1, x22, lsl #32    // IPS
	cmp	x23, #2
	b.ne	2f
	orr	x1, x1, #(3 << 39)      // HA, HD: hardware AF and dirty state, if implemented
2:	msr	tcr_el1, x1
	msr	ttbr0_el1, x20
	isb
	mrs	x1, sctlr_el1
	orr	x1, x1, #1              // M
	msr	sctlr_el1, x1
	isb
	mov	x1, #0x40000000
	ldr	x2, [x1]
	b	loaded
mmu_off:
	ldr	x2, [x21]
loaded:
	adr	x25, hostcall_buf
	hostcall x25, 0x5b
	system_off

sync:
	adr	x25, hostcall_buf
	mrs	x1, esr_el1
	mrs	x2, far_el1
	stp	x1, x2, [x25, #RSI_HOST_CALL_GPRS]
	mrs	x1, elr_el1
	mrs	x2, id_aa64mmfr1_el1
	stp	x1, x2, [x25, #RSI_HOST_CALL_GPRS + 16]
	hostcall x25, 0x5a
	system_off

	unexpected_vector unexpected, hostcall_buf

	vector_table vectors, sync, unexpected, unexpected

	.balign 4096
hostcall_buf:
	.space 256
