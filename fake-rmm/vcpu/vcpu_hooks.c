// SPDX-License-Identifier: BSD-3-Clause
/*
 * Unicorn hooks.  Each hook either lets Unicorn continue past the
 * instruction or records one event and stops; none of them loops:
 *  - UDEF/BKPT leave PC on the instruction and would re-execute forever if
 *    a hook just returned (spike §2, §8.1): the INTR hook always stops;
 *  - an MRS/MSR "skip" on a register Unicorn does not know leaves PC on the
 *    instruction (spike §3.2, §8.2): the ICC path stops, the REC layer
 *    completes it with vcpu_complete_sysreg;
 *  - writing PC inside a hook sets quit_request, which cancels a pending
 *    uc_emu_stop (softmmu/cpus.c in 2.0.1): hooks never write PC.
 * Every invocation is counted against hook_limit per run.
 */
#include "vcpu_internal.h"

static bool over_limit(struct vcpu *v)
{
	if (++v->hook_calls <= v->hook_limit)
		return false;
	v->ev.kind = EV_HOOK_LIMIT;
	uc_emu_stop(v->uc);
	return true;
}

static void on_interrupt(uc_engine *uc, uint32_t intno, void *user)
{
	struct vcpu *v = user;

	if (over_limit(v))
		return;
	v->ev.kind = EV_INTR;
	v->ev.intno = intno;
	uc_emu_stop(uc);
}

static bool on_unmapped(uc_engine *uc, uc_mem_type type, uint64_t addr,
			int size, int64_t value, void *user)
{
	struct vcpu *v = user;

	if (over_limit(v))
		return false;
	v->ev.kind = EV_UNMAPPED;
	v->ev.addr = addr;
	v->ev.value = (uint64_t)value;
	v->ev.fetch = type == UC_MEM_FETCH_UNMAPPED;
	v->ev.write = type == UC_MEM_WRITE_UNMAPPED;
	(void)size;
	return false;   /* precise stop: Rt and writeback untouched (spike §4.3) */
}

/* GICv3 CPU interface: ICC_PMR_EL1 and the ICC_* block in CRn=12. */
bool sysreg_is_icc(const uc_arm64_cp_reg *cp)
{
	if (cp->op0 != 3 || cp->op1 != 0)
		return false;
	if (cp->crn == 4 && cp->crm == 6 && cp->op2 == 0)
		return true;
	return cp->crn == 12 && (cp->crm == 8 || cp->crm == 9 ||
				 cp->crm == 11 || cp->crm == 12);
}

/* Unicorn's register id of Rt back to its number (31 = xzr). */
static uint8_t rt_number(uc_arm64_reg reg)
{
	if (reg >= UC_ARM64_REG_X0 && reg <= UC_ARM64_REG_X28)
		return (uint8_t)(reg - UC_ARM64_REG_X0);
	if (reg == UC_ARM64_REG_X29)
		return 29;
	if (reg == UC_ARM64_REG_X30)
		return 30;
	return 31;
}

/*
 * ID registers whose hardware value does not say what the engine provides:
 * ID_AA64PFR0_EL1.GIC [27:24] = 1, a GICv3 system-register interface (the
 * ICC_* emulation).  QEMU computes the register in a read function (the
 * GIC field from a CPU interface Unicorn never attaches), which the CP_REG
 * read goes through.
 */
static bool id_sysreg(struct vcpu *v, const uc_arm64_cp_reg *cp, bool read, uint64_t *value)
{
	if (!read || cp->op0 != 3 || cp->op1 != 0 || cp->crn != 0 || cp->crm != 4 || cp->op2 != 0)
		return false;
	*value = (sysreg_read(v, SYS_ID_AA64PFR0_EL1) & ~ID_AA64PFR0_GIC_MASK) |
		 ID_AA64PFR0_GIC_SYSREG;
	return true;
}

static uint32_t on_sysreg(struct vcpu *v, uc_arm64_reg reg,
			  const uc_arm64_cp_reg *cp, bool read)
{
	uint64_t value = read ? 0 : cp->val;

	if (over_limit(v))
		return 1;
	if (pmu_is_sysreg(cp) && !v->pmu.counters) {
		/* Skipped, then UNDEF injected at it (vcpu_run.c). */
		v->ev = (struct hook_event){ .kind = EV_SYSREG_UNDEF,
					     .addr = reg_read(v, UC_ARM64_REG_PC) };
		uc_emu_stop(v->uc);
		return 1;
	}
	if (timer_sysreg(v, cp, read, &value) || id_sysreg(v, cp, read, &value) ||
	    (pmu_is_sysreg(cp) && pmu_sysreg(v, cp, read, &value))) {
		/* Known to Unicorn: "skip" continues after the instruction. */
		if (read && reg != UC_ARM64_REG_XZR)
			uc_reg_write(v->uc, reg, &value);
		return 1;
	}
	if (!sysreg_is_icc(cp))
		return 0;       /* Unicorn executes it (or raises UNDEF) */
	v->ev = (struct hook_event){
		.kind = EV_SYSREG, .op0 = (uint8_t)cp->op0, .op1 = (uint8_t)cp->op1,
		.crn = (uint8_t)cp->crn, .crm = (uint8_t)cp->crm,
		.op2 = (uint8_t)cp->op2, .rt = rt_number(reg), .read = read,
		.value = value,
	};
	uc_emu_stop(v->uc);
	return 1;       /* PC stays on the instruction (unknown register) */
}

static uint32_t on_mrs(uc_engine *uc, uc_arm64_reg reg,
		       const uc_arm64_cp_reg *cp, void *user)
{
	return on_sysreg(user, reg, cp, true);
}

static uint32_t on_msr(uc_engine *uc, uc_arm64_reg reg,
		       const uc_arm64_cp_reg *cp, void *user)
{
	return on_sysreg(user, reg, cp, false);
}

int hooks_install(struct vcpu *v)
{
	uc_err e;

	e = uc_hook_add(v->uc, &v->intr_hook, UC_HOOK_INTR, on_interrupt, v, 1, 0);
	if (e == UC_ERR_OK)
		e = uc_hook_add(v->uc, &v->unmapped_hook, UC_HOOK_MEM_UNMAPPED,
				on_unmapped, v, 1, 0);
	if (e == UC_ERR_OK)
		e = uc_hook_add(v->uc, &v->mrs_hook, UC_HOOK_INSN, on_mrs, v, 1, 0,
				UC_ARM64_INS_MRS);
	if (e == UC_ERR_OK)
		e = uc_hook_add(v->uc, &v->msr_hook, UC_HOOK_INSN, on_msr, v, 1, 0,
				UC_ARM64_INS_MSR);
	return e == UC_ERR_OK ? 0 : -1;
}
