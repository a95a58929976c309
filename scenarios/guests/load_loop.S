// SPDX-License-Identifier: BSD-3-Clause
// guest: load from the IPA in x0 for ever, counting loads in x2 (no trap while the page stays mapped): the REC runs until its budget, a host interrupt or a fault after an unmap
	.text
	.global _start
_start:
	mov	x2, #0
1:	ldr	x1, [x0]
	add	x2, x2, #1
	b	1b
