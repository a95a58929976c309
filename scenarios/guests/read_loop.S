// SPDX-License-Identifier: BSD-3-Clause
// guest: load x1 from the IPA in x0, SMC #1 (RMM sees x1), repeat: for stage-2 invalidation tests
	.text
	.global _start
_start:
1:	ldr	x1, [x0]
	smc	#1
	b	1b
