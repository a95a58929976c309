// SPDX-License-Identifier: BSD-3-Clause
/*
 * The host CPU's system registers KVM touches around a REC entry (the EL1
 * timers it loads from a REC exit, ELR/SPSR_EL2, ICH_HCR_EL2) and its
 * DAIF flags: a small register file by encoding, so what is written is
 * what is read back.  One CPU: the harness runs one vCPU at a time.
 */
#include <asm/daifflags.h>
#include <asm/kvm_hyp.h>
#include <asm/sysreg.h>

#define MOCK_NR_SYSREGS 16

static struct {
	u32 encoding;
	u64 val;
} sysregs[MOCK_NR_SYSREGS];
static unsigned int nr_sysregs;

unsigned long mock_daif = DAIF_PROCCTX;

static u64 *sysreg_slot(u32 encoding, bool create)
{
	for (unsigned int i = 0; i < nr_sysregs; i++)
		if (sysregs[i].encoding == encoding)
			return &sysregs[i].val;
	if (!create)
		return NULL;
	/* A register the mock does not expect to see is a harness bug. */
	BUG_ON(nr_sysregs == MOCK_NR_SYSREGS);
	sysregs[nr_sysregs].encoding = encoding;
	return &sysregs[nr_sysregs++].val;
}

u64 mock_read_sysreg(u32 encoding)
{
	u64 *slot = sysreg_slot(encoding, false);

	return slot ? *slot : 0;	/* reset value */
}

void mock_write_sysreg(u32 encoding, u64 val)
{
	*sysreg_slot(encoding, true) = val;
}

/* No GICv3 CPU interface to emulate: vgic_v3_cpuif_trap is never enabled. */
DEFINE_STATIC_KEY_FALSE(vgic_v3_cpuif_trap);

int __vgic_v3_perform_cpuif_access(struct kvm_vcpu *vcpu)
{
	return 0;
}
