// SPDX-License-Identifier: BSD-3-Clause
/*
 * Exceptions the engine delivers to the realm.
 *
 * Unicorn never delivers a synchronous exception to a guest vector (spike
 * §0, §2), so the engine vectors EL1 -> EL1 by hand (spike §7b): the guest's
 * ESR/FAR/ELR/SPSR_EL1 are written, PSTATE becomes EL1h with DAIF masked and
 * PC the VBAR_EL1 slot.  An API PSTATE write cannot change the EL (spike
 * §1.1), so exceptions taken from EL0 are refused.  Interrupts are not done
 * here: HCR_EL2.VI/VF make QEMU vector them itself (spike §7a).
 */
#include "vcpu_internal.h"

#define VECTOR_CUR_SP0   0x000
#define VECTOR_CUR_SPX   0x200
#define PSTATE_SS        (1ULL << 21)
#define PSTATE_IL        (1ULL << 20)
#define FSC_SEA          0x10

int inject_sync(struct vcpu *v, uint64_t esr, uint64_t far, uint64_t elr)
{
	uint64_t ps = reg_read(v, UC_ARM64_REG_PSTATE) & 0xffffffffULL;
	bool from_sp0 = (ps & 1) == 0;
	uint64_t vector;

	if (((ps >> 2) & 3) != 1)
		return -1;      /* not at EL1 */
	vector = sysreg_read(v, SYS_VBAR_EL1) + (from_sp0 ? VECTOR_CUR_SP0 : VECTOR_CUR_SPX);

	sysreg_write(v, SYS_ESR_EL1, esr);
	sysreg_write(v, SYS_FAR_EL1, far);
	sysreg_write(v, SYS_ELR_EL1, elr);
	sysreg_write(v, SYS_SPSR_EL1, ps);
	if (from_sp0) {
		/* EL1t -> EL1h: QEMU's pstate_write does not bank SPs. */
		uint64_t sp0 = reg_read(v, UC_ARM64_REG_SP);
		uint64_t sp1 = reg_read(v, UC_ARM64_REG_SP_EL1);

		reg_write(v, UC_ARM64_REG_SP_EL0, sp0);
		reg_write(v, UC_ARM64_REG_PSTATE,
			  (ps & ~(PSTATE_M_MASK | PSTATE_DAIF | PSTATE_SS | PSTATE_IL)) |
			  PSTATE_DAIF | PSTATE_EL1H);
		reg_write(v, UC_ARM64_REG_SP, sp1);
	} else {
		reg_write(v, UC_ARM64_REG_PSTATE,
			  (ps & ~(PSTATE_M_MASK | PSTATE_DAIF | PSTATE_SS | PSTATE_IL)) |
			  PSTATE_DAIF | PSTATE_EL1H);
	}
	reg_write(v, UC_ARM64_REG_PC, vector);
	v->pc_on_trap_insn = false;
	return 0;
}

int vcpu_inject_sea(struct vcpu *v, uint64_t far)
{
	bool fetch = v->last.reason == VCPU_EXIT_INSN_ABORT;
	uint64_t esr = ((uint64_t)(fetch ? EC_IABT_CUR : EC_DABT_CUR) << 26) |
		       ESR_IL | FSC_SEA;

	if (!fetch && v->last.reason == VCPU_EXIT_DATA_ABORT && v->last.abort.write)
		esr |= 1ULL << 6;       /* WnR */
	return inject_sync(v, esr, far, v->trap_pc);
}

int vcpu_inject_undef(struct vcpu *v)
{
	uint64_t far = sysreg_read(v, SYS_FAR_EL1);    /* UNKNOWN: keep it */

	return inject_sync(v, ((uint64_t)EC_UNKNOWN << 26) | ESR_IL, far, v->trap_pc);
}

static void set_hcr_bit(struct vcpu *v, uint64_t bit, bool on)
{
	uint64_t hcr = on ? (v->hcr | bit) : (v->hcr & ~bit);

	v->hcr = hcr;
	/* Written even when unchanged: the write re-evaluates QEMU's
	 * interrupt line (spike §5). */
	sysreg_write(v, SYS_HCR_EL2, hcr);
}

void vcpu_set_virq(struct vcpu *v, bool asserted)
{
	set_hcr_bit(v, HCR_VI, asserted);
}

void vcpu_set_vfiq(struct vcpu *v, bool asserted)
{
	set_hcr_bit(v, HCR_VF, asserted);
}
