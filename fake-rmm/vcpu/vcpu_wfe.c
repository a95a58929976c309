// SPDX-License-Identifier: BSD-3-Clause
/*
 * WFE trapping by translation-block inspection.
 *
 * QEMU 5.0 runs WFE as a yield (HELPER(wfe) in target/arm/op_helper.c)
 * and never takes HCR_EL2.TWE's trap, but it always ends a translation
 * block after a WFE.  So a block
 * hook, called before each block runs with the block's address and size,
 * looks at the block's last instruction: if it is a WFE and trapping is on,
 * it records the event and asks Unicorn to stop, which takes effect before
 * the block runs (PC may then still name an instruction of the previous,
 * chained block, so the block's address is recorded too).  vcpu_run then
 * runs the instructions before the WFE and reports it with PC past it,
 * where a trapped WFE that the RMM completes leaves it.
 *
 * Cost: the hook is installed only from the first time trapping is asked
 * for (with a full flush of translated code if realm code ran before,
 * since hooks are looked up at translation time); then each
 * block pays a call, and a block seen for the first time one instruction
 * fetch through the engine's walk (cached by address and size).
 */
#include <string.h>

#include "vcpu_internal.h"

#define INSN_WFE 0xd503205fu

void wfe_cache_clear(struct vcpu *v)
{
	memset(v->wfe_cache, 0, sizeof(v->wfe_cache));
}

static bool block_ends_in_wfe(struct vcpu *v, uint64_t addr, uint32_t size)
{
	struct wfe_cache_entry *e = &v->wfe_cache[(addr >> 2) % 64];
	uint32_t insn;

	if (e->size && e->addr == addr && e->size == size)
		return e->wfe;
	*e = (struct wfe_cache_entry){ .addr = addr, .size = size,
				       .wfe = size >= 4 && fetch_insn(v, addr + size - 4, &insn) &&
					      insn == INSN_WFE };
	return e->wfe;
}

static void on_block(uc_engine *uc, uint64_t addr, uint32_t size, void *user)
{
	struct vcpu *v = user;

	if (!v->trap_wfe || !block_ends_in_wfe(v, addr, size))
		return;
	/* Counted as a hook call: bounded like the others. */
	if (++v->hook_calls > v->hook_limit) {
		v->ev.kind = EV_HOOK_LIMIT;
		uc_emu_stop(uc);
		return;
	}
	v->ev = (struct hook_event){ .kind = EV_WFE, .addr = addr + size - 4, .value = addr };
	uc_emu_stop(uc);
}

void vcpu_set_trap_wfe(struct vcpu *v, bool trap)
{
	v->trap_wfe = trap;
	if (!trap || v->block_hook_on)
		return;
	if (uc_hook_add(v->uc, &v->block_hook, UC_HOOK_BLOCK, on_block, v, 1, 0) != UC_ERR_OK)
		return;
	v->block_hook_on = true;
	wfe_cache_clear(v);
	if (v->ran)
		uc_ctl_flush_tlb(v->uc);        /* a full TB flush in 2.0.1 */
}
