// SPDX-License-Identifier: BSD-3-Clause
/* Register access: Unicorn plumbing and the public get/set helpers. */
#include "vcpu_internal.h"

uint64_t sysreg_read(struct vcpu *v, struct sysreg_enc r)
{
	uc_arm64_cp_reg cp = { .crn = r.crn, .crm = r.crm, .op0 = r.op0,
			       .op1 = r.op1, .op2 = r.op2 };

	/* Never CurrentEL here: Unicorn asserts on registers without a
	 * field offset (spike §1.1). */
	uc_reg_read(v->uc, UC_ARM64_REG_CP_REG, &cp);
	return cp.val;
}

void sysreg_write(struct vcpu *v, struct sysreg_enc r, uint64_t val)
{
	uc_arm64_cp_reg cp = { .crn = r.crn, .crm = r.crm, .op0 = r.op0,
			       .op1 = r.op1, .op2 = r.op2, .val = val };

	uc_reg_write(v->uc, UC_ARM64_REG_CP_REG, &cp);
}

uint64_t reg_read(struct vcpu *v, int uc_reg)
{
	uint64_t val = 0;

	uc_reg_read(v->uc, uc_reg, &val);
	return val;
}

void reg_write(struct vcpu *v, int uc_reg, uint64_t val)
{
	uc_reg_write(v->uc, uc_reg, &val);
}

/* X0..X28 are contiguous in Unicorn's enum, X29/X30 are not. */
static int xreg_id(unsigned int n)
{
	if (n <= 28)
		return UC_ARM64_REG_X0 + (int)n;
	return n == 29 ? UC_ARM64_REG_X29 : UC_ARM64_REG_X30;
}

uint64_t xreg_read(struct vcpu *v, unsigned int n, bool sp_for_31)
{
	if (n == 31)
		return sp_for_31 ? reg_read(v, UC_ARM64_REG_SP) : 0;
	return reg_read(v, xreg_id(n));
}

void xreg_write(struct vcpu *v, unsigned int n, uint64_t val)
{
	if (n < 31)
		reg_write(v, xreg_id(n), val);
	/* n == 31 as a destination is XZR: the write is discarded. */
}

/* PSTATE.SP selects which banked SP is live in Unicorn's "SP" register;
 * the other one sits in SP_EL0/SP_EL1 (QEMU's sp_el[]). */
static bool sp_el1_is_live(struct vcpu *v)
{
	uint64_t ps = reg_read(v, UC_ARM64_REG_PSTATE);

	return (ps & PSTATE_M_MASK) == PSTATE_EL1H;
}

static bool sp_el0_is_live(struct vcpu *v)
{
	uint64_t ps = reg_read(v, UC_ARM64_REG_PSTATE);

	return (ps & 1) == 0;   /* EL0t or EL1t */
}

uint64_t vcpu_get_reg(struct vcpu *v, enum vcpu_reg reg)
{
	if ((unsigned int)reg <= 30)
		return xreg_read(v, (unsigned int)reg, false);
	switch (reg) {
	case VCPU_REG_PC:
		return reg_read(v, UC_ARM64_REG_PC);
	case VCPU_REG_PSTATE:
		return reg_read(v, UC_ARM64_REG_PSTATE) & 0xffffffffULL;
	case VCPU_REG_SP_EL0:
		return reg_read(v, sp_el0_is_live(v) ? UC_ARM64_REG_SP : UC_ARM64_REG_SP_EL0);
	case VCPU_REG_SP_EL1:
		return reg_read(v, sp_el1_is_live(v) ? UC_ARM64_REG_SP : UC_ARM64_REG_SP_EL1);
	case VCPU_REG_ELR_EL1:
		return sysreg_read(v, SYS_ELR_EL1);
	case VCPU_REG_SPSR_EL1:
		return sysreg_read(v, SYS_SPSR_EL1);
	case VCPU_REG_ESR_EL1:
		return sysreg_read(v, SYS_ESR_EL1);
	case VCPU_REG_FAR_EL1:
		return sysreg_read(v, SYS_FAR_EL1);
	case VCPU_REG_VBAR_EL1:
		return sysreg_read(v, SYS_VBAR_EL1);
	case VCPU_REG_SCTLR_EL1:
		return sysreg_read(v, SYS_SCTLR_EL1);
	default:
		return 0;
	}
}

void vcpu_set_reg(struct vcpu *v, enum vcpu_reg reg, uint64_t value)
{
	if ((unsigned int)reg <= 30) {
		xreg_write(v, (unsigned int)reg, value);
		return;
	}
	switch (reg) {
	case VCPU_REG_PC:
		reg_write(v, UC_ARM64_REG_PC, value);
		v->pc_on_trap_insn = false;
		break;
	case VCPU_REG_PSTATE:
		/* Only NZCV/DAIF-style changes are honoured: Unicorn keeps the
		 * translation EL from hflags (spike §1.1). */
		reg_write(v, UC_ARM64_REG_PSTATE, value & 0xffffffffULL);
		break;
	case VCPU_REG_SP_EL0:
		reg_write(v, sp_el0_is_live(v) ? UC_ARM64_REG_SP : UC_ARM64_REG_SP_EL0, value);
		break;
	case VCPU_REG_SP_EL1:
		reg_write(v, sp_el1_is_live(v) ? UC_ARM64_REG_SP : UC_ARM64_REG_SP_EL1, value);
		break;
	case VCPU_REG_ELR_EL1:
		sysreg_write(v, SYS_ELR_EL1, value);
		break;
	case VCPU_REG_SPSR_EL1:
		sysreg_write(v, SYS_SPSR_EL1, value);
		break;
	case VCPU_REG_ESR_EL1:
		sysreg_write(v, SYS_ESR_EL1, value);
		break;
	case VCPU_REG_FAR_EL1:
		sysreg_write(v, SYS_FAR_EL1, value);
		break;
	case VCPU_REG_VBAR_EL1:
		sysreg_write(v, SYS_VBAR_EL1, value);
		break;
	case VCPU_REG_SCTLR_EL1:
		sysreg_write(v, SYS_SCTLR_EL1, value);
		break;
	default:
		break;
	}
}
