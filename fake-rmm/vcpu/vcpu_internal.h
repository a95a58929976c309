/* SPDX-License-Identifier: BSD-3-Clause */
/* Engine internals shared by the vcpu_*.c files.  Not part of the API. */
#ifndef CCA_VCPU_INTERNAL_H
#define CCA_VCPU_INTERNAL_H

#include <unicorn/unicorn.h>

#include "cca-double/vcpu.h"

#define GRANULE_SIZE    4096ULL
#define GRANULE_MASK    (GRANULE_SIZE - 1)

/* System register encodings {op0, op1, crn, crm, op2}. */
struct sysreg_enc {
	uint8_t op0, op1, crn, crm, op2;
};
#define SYSREG(o0, o1, n, m, o2) ((struct sysreg_enc){ (o0), (o1), (n), (m), (o2) })
#define SYS_SCR_EL3     SYSREG(3, 6, 1, 1, 0)
#define SYS_HCR_EL2     SYSREG(3, 4, 1, 1, 0)
#define SYS_VTCR_EL2    SYSREG(3, 4, 2, 1, 2)
#define SYS_VTTBR_EL2   SYSREG(3, 4, 2, 1, 0)
#define SYS_SPSR_EL2    SYSREG(3, 4, 4, 0, 0)
#define SYS_ELR_EL2     SYSREG(3, 4, 4, 0, 1)
#define SYS_HPFAR_EL2   SYSREG(3, 4, 6, 0, 4)
#define SYS_VMPIDR_EL2  SYSREG(3, 4, 0, 0, 5)
#define SYS_SPSR_EL1    SYSREG(3, 0, 4, 0, 0)
#define SYS_ELR_EL1     SYSREG(3, 0, 4, 0, 1)
#define SYS_ESR_EL1     SYSREG(3, 0, 5, 2, 0)
#define SYS_FAR_EL1     SYSREG(3, 0, 6, 0, 0)
#define SYS_VBAR_EL1    SYSREG(3, 0, 12, 0, 0)
#define SYS_SCTLR_EL1   SYSREG(3, 0, 1, 0, 0)
#define SYS_TCR_EL1     SYSREG(3, 0, 2, 0, 2)
#define SYS_TTBR0_EL1   SYSREG(3, 0, 2, 0, 0)
#define SYS_TTBR1_EL1   SYSREG(3, 0, 2, 0, 1)
#define SYS_CNTVCT_EL0  SYSREG(3, 3, 14, 0, 2)
#define SYS_ID_AA64PFR0_EL1 SYSREG(3, 0, 0, 4, 0)

#define ID_AA64PFR0_GIC_MASK   (0xfULL << 24)
#define ID_AA64PFR0_GIC_SYSREG (1ULL << 24)   /* GICv3 system registers */

#define HCR_VM          (1ULL << 0)
#define HCR_FMO         (1ULL << 3)
#define HCR_IMO         (1ULL << 4)
#define HCR_VF          (1ULL << 6)
#define HCR_VI          (1ULL << 7)
#define HCR_TWI         (1ULL << 13)
#define HCR_RW          (1ULL << 31)

#define SCR_NS          (1ULL << 0)
#define SCR_HCE         (1ULL << 8)
#define SCR_RW          (1ULL << 10)

#define PSTATE_EL1H     0x5ULL
#define PSTATE_DAIF     (0xfULL << 6)
#define PSTATE_M_MASK   0xfULL
#define SCTLR_M         (1ULL << 0)

/* Exception classes used in ESR_ELx. */
#define EC_UNKNOWN      0x00
#define EC_WFX          0x01
#define EC_SVC64        0x15
#define EC_HVC64        0x16
#define EC_SMC64        0x17
#define EC_SYS64        0x18
#define EC_IABT_LOW     0x20
#define EC_IABT_CUR     0x21
#define EC_DABT_LOW     0x24
#define EC_DABT_CUR     0x25
#define EC_BRK64        0x3c
#define ESR_IL          (1ULL << 25)

/* QEMU exception numbers as Unicorn's UC_HOOK_INTR reports them (spike §2). */
enum qemu_excp {
	EXCP_UDEF = 1, EXCP_SWI = 2, EXCP_PREFETCH_ABORT = 3,
	EXCP_DATA_ABORT = 4, EXCP_BKPT = 7, EXCP_HVC = 11, EXCP_SMC = 13,
};

/* Timer model state (Unicorn drops CNT*_CTL/CVAL writes, spike §3.2). */
struct timer_regs {
	uint64_t ctl;   /* ENABLE | IMASK as written; ISTATUS computed */
	uint64_t cval;
};

/* PMU model state (Unicorn's PMU does not count, vcpu_pmu.c). */
struct pmu_regs {
	unsigned int counters;          /* event counters; 0: no PMU */
	uint64_t pmcr;                  /* writable bits */
	uint32_t cnten, inten, ovs;     /* bit n: counter n, bit 31: cycle counter */
	uint64_t selr, userenr, ccfiltr, ccntr;
	uint64_t evtyper[VCPU_PMU_COUNTERS];
	uint32_t evcntr[VCPU_PMU_COUNTERS];
	uint64_t synced_at;             /* generic counter at the last update */
};

enum hook_event_kind {
	EV_NONE = 0,
	EV_INTR,        /* UC_HOOK_INTR: intno */
	EV_SYSREG,      /* MRS/MSR of a register the REC layer emulates */
	EV_SYSREG_UNDEF, /* MRS/MSR the realm may not use (addr: the insn): UNDEF */
	EV_WFE,         /* a block ending in a trapped WFE is next (addr: the WFE, value: the block) */
	EV_UNMAPPED,    /* access outside every region (beyond the IPA space) */
	EV_HOOK_LIMIT,  /* runaway hook: bound reached */
};

struct hook_event {
	enum hook_event_kind kind;
	uint32_t intno;
	uint8_t op0, op1, crn, crm, op2, rt;
	bool read;
	uint64_t value;         /* MSR value, unmapped write value */
	uint64_t addr;          /* unmapped address */
	bool fetch, write;      /* unmapped access type */
};

struct vcpu {
	uc_engine *uc;
	uc_context *reset_ctx;          /* NS-EL1h state right after the ERET trick */
	uc_hook intr_hook, mrs_hook, msr_hook, unmapped_hook, block_hook;
	bool block_hook_on;             /* installed (vcpu_wfe.c) */
	bool trap_wfe;
	bool ran;                       /* realm code translated: hooks need a flush */
	struct wfe_cache_entry {
		uint64_t addr;
		uint32_t size;
		bool wfe;
	} wfe_cache[64];

	uint8_t *arena;
	uint64_t pa_base, arena_size;
	unsigned int ipa_bits, start_level, num_start_tables;
	uint64_t rtt_base, vttbr;
	uint64_t budget;
	vcpu_poll_fn poll;              /* between slices (vcpu_set_poll) */
	void *poll_ctx;
	uint64_t slice;

	void *cover;                    /* host reservation behind the IPA cover(s) */
	size_t cover_len;

	uint64_t hcr;                   /* our copy of HCR_EL2 (VI/VF change) */
	struct timer_regs vtimer, ptimer;
	struct pmu_regs pmu;

	/* What stopped the last uc_emu_start, recorded by the hooks; the
	 * hooks only record and stop, vcpu_run classifies afterwards. */
	struct hook_event ev;
	uint64_t hook_calls, hook_limit;

	/* Facts about the last exit, for the completion helpers. */
	struct vcpu_exit last;
	uint64_t trap_pc;               /* address of the insn that trapped */
	bool pc_on_trap_insn;
};

/* Unicorn register plumbing (vcpu_regs.c). */
uint64_t sysreg_read(struct vcpu *v, struct sysreg_enc r);
void sysreg_write(struct vcpu *v, struct sysreg_enc r, uint64_t val);
uint64_t reg_read(struct vcpu *v, int uc_reg);
void reg_write(struct vcpu *v, int uc_reg, uint64_t val);
uint64_t xreg_read(struct vcpu *v, unsigned int n, bool sp_for_31);
void xreg_write(struct vcpu *v, unsigned int n, uint64_t val);

/* Regions (vcpu_regions.c). */
int regions_map(struct vcpu *v, char *err, size_t errlen);
void regions_unmap(struct vcpu *v);
uint64_t regions_trampoline(const struct vcpu *v);

/* Translation walks (vcpu_walk.c).  fsc: architectural fault status code. */
struct walk_result {
	bool ok;
	bool stage1_fault;
	uint8_t fsc;
	uint64_t ipa;
	void *host;
};
void *arena_ptr(struct vcpu *v, uint64_t pa, uint64_t len);
struct walk_result walk_stage2(struct vcpu *v, uint64_t ipa, bool write, bool fetch);
struct walk_result walk_va(struct vcpu *v, uint64_t va, bool write, bool fetch);
bool fetch_insn(struct vcpu *v, uint64_t va, uint32_t *insn);

/* Load/store decoding for data-abort syndromes (vcpu_decode.c). */
struct ldst_info {
	bool isv, write, sse, sf, ar;
	uint8_t sas, srt;
	bool va_valid;
	uint64_t va;
};
bool decode_ldst(struct vcpu *v, uint32_t insn, struct ldst_info *out);
uint64_t dabt_iss(const struct ldst_info *d, uint8_t fsc);

/* Timer model (vcpu_timer.c). */
uint64_t timer_counter(struct vcpu *v);
bool timer_sysreg(struct vcpu *v, const uc_arm64_cp_reg *cp, bool read,
		  uint64_t *value);
void timer_snapshot(struct vcpu *v, struct vcpu_timers *out);

/* PMU model (vcpu_pmu.c). */
void pmu_reset(struct vcpu *v, unsigned int counters);
bool pmu_is_sysreg(const uc_arm64_cp_reg *cp);
bool pmu_sysreg(struct vcpu *v, const uc_arm64_cp_reg *cp, bool read, uint64_t *value);

/* Hooks (vcpu_hooks.c): record an event and stop, never loop. */
int hooks_install(struct vcpu *v);
bool sysreg_is_icc(const uc_arm64_cp_reg *cp);

/* WFE trapping (vcpu_wfe.c). */
void wfe_cache_clear(struct vcpu *v);

/* Exception injection (vcpu_inject.c). */
int inject_sync(struct vcpu *v, uint64_t esr, uint64_t far, uint64_t elr);

#endif
