// SPDX-License-Identifier: BSD-3-Clause
// guest: count forever in x1 (2-instruction loop): only the instruction budget stops it
	.text
	.global _start
_start:
	mov	x1, #0
1:	add	x1, x1, #1
	b	1b
