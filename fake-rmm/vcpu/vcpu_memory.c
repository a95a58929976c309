// SPDX-License-Identifier: BSD-3-Clause
/* Keeping the emulator's caches in step with RMM changes to memory. */
#include "vcpu_internal.h"

#define VTTBR_VMID_LSB  (1ULL << 48)

/*
 * QEMU's softmmu TLB keeps a stage-2 mapping after its descriptor is
 * cleared (spike §1.3, §8.9).  A VTTBR_EL2 write with a different value
 * flushes the stage-1+2 TLBs (vttbr_write in 2.0.1), so write another VMID
 * and then the real one back.  Invalid -> valid changes need nothing.
 */
void vcpu_stage2_changed(struct vcpu *v)
{
	wfe_cache_clear(v);	/* other code may sit at the same addresses now */
	sysreg_write(v, SYS_VTTBR_EL2, v->vttbr ^ VTTBR_VMID_LSB);
	sysreg_write(v, SYS_VTTBR_EL2, v->vttbr);
}

/*
 * Host writes into realm code are not seen by translated blocks (spike
 * §4.6).  uc_ctl_remove_cache takes a *guest virtual* address and
 * translates it with the current regime, so with stage 2 on a PA cannot be
 * named directly.  For the duration of the call the engine turns stage 2
 * (HCR_EL2.VM) and stage 1 (SCTLR_EL1.M) off, making VA == PA for the
 * arena; both writes flush the softmmu TLB, and so does the restore, so no
 * identity mapping survives.  TBs are indexed by RAM address, so this
 * removes them whatever IPA or VA they were translated for.
 */
void vcpu_code_changed(struct vcpu *v, uint64_t pa, uint64_t len)
{
	uint64_t sctlr = sysreg_read(v, SYS_SCTLR_EL1);
	uint64_t first, last;

	if (len == 0 || pa < v->pa_base || pa - v->pa_base >= v->arena_size)
		return;
	wfe_cache_clear(v);
	if (len > v->arena_size - (pa - v->pa_base))
		len = v->arena_size - (pa - v->pa_base);
	first = pa & ~GRANULE_MASK;
	last = (pa + len - 1) & ~GRANULE_MASK;

	if (sctlr & SCTLR_M)
		sysreg_write(v, SYS_SCTLR_EL1, sctlr & ~SCTLR_M);
	sysreg_write(v, SYS_HCR_EL2, v->hcr & ~HCR_VM);
	for (uint64_t page = first; page <= last; page += GRANULE_SIZE)
		uc_ctl_remove_cache(v->uc, page, page + GRANULE_SIZE);
	sysreg_write(v, SYS_HCR_EL2, v->hcr);
	if (sctlr & SCTLR_M)
		sysreg_write(v, SYS_SCTLR_EL1, sctlr);
}
