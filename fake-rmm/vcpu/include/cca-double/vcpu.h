/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Realm vCPU engine: runs real aarch64 realm code in Unicorn 2.0.1 for the
 * fake RMM's REC_ENTER.
 *
 * The engine plays the hardware and nothing else.  It knows stage 2 only
 * through the RTTs the RMM writes into the arena (real VMSAv8-64 descriptors,
 * walked by the emulated MMU), and it turns every event the RMM must handle
 * into a `struct vcpu_exit`.  It does not interpret RSI, PSCI or the rec_enter
 * / rec_exit pages: that is the REC layer's policy.
 *
 * One engine per vCPU (see vcpu_create.c for the measurement behind that
 * choice).  An engine is owned by one thread at a time: never call two
 * functions on the same vcpu concurrently.  Different vcpus may run in
 * different threads at the same time.
 *
 * Physical memory: the arena (RMM view) stands for PAs
 * [pa_base, pa_base + arena_size).  Stage-2 output addresses outside the
 * arena are an RMM bug (the emulator would read the IPA cover, see
 * vcpu_regions.c).
 *
 * Every vcpu_run() is bounded by an instruction budget: a spinning guest
 * returns VCPU_EXIT_BUDGET, it never hangs the caller.
 */
#ifndef CCA_DOUBLE_VCPU_H
#define CCA_DOUBLE_VCPU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Default PA of arena[0]: 1 TiB, above every IPA space the engine accepts. */
#define VCPU_DEFAULT_PA_BASE    0x10000000000ULL
#define VCPU_DEFAULT_BUDGET     10000000ULL     /* instructions per vcpu_run */
#define VCPU_DEFAULT_SLICE      65536ULL        /* instructions between polls */
/* Unicorn 2.0.1's CPU models implement a 44-bit PARange and QEMU faults any
 * stage-2 input size above PAMax, so 45..48-bit IPA spaces cannot be run. */
#define VCPU_PA_BITS            44      /* ID_AA64MMFR0_EL1.PARange */
#define VCPU_MIN_IPA_BITS       32
#define VCPU_MAX_IPA_BITS       VCPU_PA_BITS

/*
 * What the emulated CPU (Unicorn 2.0.1's Cortex-A72 model) gives a realm,
 * as its ID registers say (test_vcpu_id_regs checks them against what a
 * realm reads): no SVE, a PMUv3 with 4 event counters, 6 breakpoints and 4
 * watchpoints, no hardware access-flag or dirty-state management; the
 * GICv3 CPU interface is the engine's ICC_* emulation (SYSREG exits), so
 * ID_AA64PFR0_EL1.GIC reads 1.  The fake RMM's default FEATURES follow.
 */
#define VCPU_SVE                0
#define VCPU_PMU_COUNTERS       4
#define VCPU_NUM_BPS            6
#define VCPU_NUM_WPS            4

struct vcpu;

struct vcpu_config {
	void *arena;            /* RMM-view host pointer of PA pa_base */
	uint64_t pa_base;       /* 0 means VCPU_DEFAULT_PA_BASE; 4 KiB aligned */
	uint64_t arena_size;    /* bytes, multiple of 4 KiB */

	unsigned int ipa_bits;          /* VTCR_EL2.T0SZ = 64 - ipa_bits */
	unsigned int start_level;       /* 0..2 (level 3 needs FEAT_TTST) */
	unsigned int num_start_tables;  /* 1..16 concatenated tables */
	uint64_t rtt_base;              /* PA of the (first) starting table */
	uint16_t vmid;

	uint64_t mpidr;         /* what the realm reads from MPIDR_EL1 */
	uint64_t pc;            /* initial PC (IPA; the MMU is off at start) */
	uint64_t x[8];          /* initial x0..x7, everything else is 0 */
	uint64_t budget;        /* instructions per vcpu_run; 0 = default */
	/* Event counters of the realm's PMU (PMCR_EL0.N, at most VCPU_PMU_COUNTERS);
	 * 0: the realm has no PMU and its registers are UNDEFINED (vcpu_pmu.c). */
	unsigned int pmu_counters;
};

enum vcpu_exit_reason {
	VCPU_EXIT_NONE = 0,
	VCPU_EXIT_SMC,          /* call.imm; PC is past the SMC; x0..x17 live */
	VCPU_EXIT_HVC,          /* call.imm; PC past it (inject UNDEF for RMM semantics) */
	VCPU_EXIT_DATA_ABORT,   /* stage-2 data abort: abort.*; PC on the insn */
	VCPU_EXIT_INSN_ABORT,   /* stage-2 instruction abort: abort.ipa; PC = fetch addr */
	VCPU_EXIT_WFI,          /* PC past the WFI (always trapped, see vcpu_run.c) */
	VCPU_EXIT_WFE,          /* PC past the WFE (only with vcpu_set_trap_wfe) */
	VCPU_EXIT_SYSREG,       /* ICC_* access: sysreg.*; PC on the MRS/MSR */
	VCPU_EXIT_BUDGET,       /* instruction budget used up; PC = next insn */
	VCPU_EXIT_POLL,         /* the poll function asked to stop; PC = next insn */
	VCPU_EXIT_ERROR,        /* anything unexpected: message says what */
};

/* CNTV_* / CNTP_* as the realm last programmed them (engine timer model). */
struct vcpu_timers {
	uint64_t cntv_ctl;      /* ENABLE bit0, IMASK bit1, ISTATUS bit2 (now) */
	uint64_t cntv_cval;
	uint64_t cntp_ctl;
	uint64_t cntp_cval;
	uint64_t cntvct;        /* virtual count when the exit was recorded */
};

struct vcpu_exit {
	enum vcpu_exit_reason reason;
	uint64_t pc;            /* where execution resumes if nothing changes */
	uint64_t esr;           /* ESR_EL2 as hardware would report this trap */
	uint64_t instructions;  /* upper bound on guest insns run by this call */

	struct {
		uint16_t imm;
	} call;                 /* SMC, HVC */

	struct {
		uint64_t ipa;           /* HPFAR page | page offset of the access */
		uint64_t hpfar;         /* HPFAR_EL2 as the emulator set it */
		uint64_t va;            /* FAR: faulting VA, valid if va_valid */
		bool va_valid;
		bool write;             /* WnR */
		bool isv;               /* the syndrome below is valid */
		uint8_t sas;            /* log2(access bytes) */
		bool sse;               /* sign-extend the loaded value */
		uint8_t srt;            /* transfer register (31 = xzr) */
		bool sf;                /* 64-bit register */
		bool ar;                /* acquire/release */
		uint64_t value;         /* value being stored (write && isv) */
		uint8_t fsc;            /* DFSC/IFSC from the engine's own walk */
	} abort;                /* DATA_ABORT, INSN_ABORT */

	struct {
		uint8_t op0, op1, crn, crm, op2;
		bool read;              /* MRS (true) or MSR (false) */
		uint8_t rt;
		uint64_t value;         /* written value for MSR */
	} sysreg;               /* SYSREG */

	struct vcpu_timers timers;      /* every exit */
	char message[160];              /* ERROR */
};

/* Register ids for vcpu_get_reg / vcpu_set_reg.  X0..X30 are 0..30. */
enum vcpu_reg {
	VCPU_REG_X0 = 0,
	VCPU_REG_X30 = 30,
	VCPU_REG_PC = 32,
	VCPU_REG_PSTATE,
	VCPU_REG_SP_EL0,
	VCPU_REG_SP_EL1,
	VCPU_REG_ELR_EL1,
	VCPU_REG_SPSR_EL1,
	VCPU_REG_ESR_EL1,
	VCPU_REG_FAR_EL1,
	VCPU_REG_VBAR_EL1,
	VCPU_REG_SCTLR_EL1,
};

/*
 * NULL on failure; vcpu_create_error() then says why (thread-local).  The
 * entry PC need not translate yet: a page stage 2 does not map (or an
 * address above the IPA space) is the first vcpu_run's instruction abort.
 */
struct vcpu *vcpu_create(const struct vcpu_config *cfg);
const char *vcpu_create_error(void);
/*
 * Its engine is closed later: when more than a few wait, or at exit() (a
 * process that ends with _exit(), such as a sweep's injected run, skips it).
 */
void vcpu_destroy(struct vcpu *vcpu);
/*
 * Opens and initialises engines (two) for the next vcpu_create()s (of this
 * process or of a child forked now: building an engine's machine takes
 * milliseconds).  0, or -1 if Unicorn refused (vcpu_create() then opens
 * its own, and says why if it fails too).
 */
int vcpu_prepare_engine(void);
/* Engines of destroyed vCPUs not closed yet (at most 4); closes them all now if `close`. */
unsigned int vcpu_retired_engines(bool close);

/* Back to the state right after creation, with a new PC and x0..x7
 * (PSCI CPU_ON of a REC whose engine already exists). */
int vcpu_reset(struct vcpu *vcpu, uint64_t pc, const uint64_t x[8]);

/* Run until the RMM has something to handle.  Returns 0 and fills *out
 * (reason != ERROR) or -1 with out->reason == VCPU_EXIT_ERROR. */
int vcpu_run(struct vcpu *vcpu, struct vcpu_exit *out);
void vcpu_set_budget(struct vcpu *vcpu, uint64_t instructions);

/*
 * Time-driven events (timers, host interrupts) for a realm that spins: with
 * a poll function set, a run goes in slices of at most `slice` instructions
 * (0: VCPU_DEFAULT_SLICE) and calls fn(ctx) between them, at an
 * instruction boundary; true ends the run with VCPU_EXIT_POLL.  The budget
 * still counts every instruction of every slice.  fn NULL: no polling.
 */
typedef bool (*vcpu_poll_fn)(void *ctx);
void vcpu_set_poll(struct vcpu *vcpu, vcpu_poll_fn fn, void *ctx, uint64_t slice);

/*
 * Trap WFE (HCR_EL2.TWE, the RMM's TRAP_WFE): a WFE ends the run with
 * VCPU_EXIT_WFE.  Unicorn cannot trap WFE, so the engine inspects the
 * translation blocks it runs (vcpu_wfe.c); that costs about a nanosecond
 * per block, paid from the first time trapping is asked for on this vcpu.
 */
void vcpu_set_trap_wfe(struct vcpu *vcpu, bool trap);

uint64_t vcpu_get_reg(struct vcpu *vcpu, enum vcpu_reg reg);
void vcpu_set_reg(struct vcpu *vcpu, enum vcpu_reg reg, uint64_t value);

/* Finish the data abort of the last exit as an emulated MMIO read: Rt gets
 * value (sign-extended / truncated per SSE/SAS/SF), PC moves past the insn.
 * -1 if the last exit was not a read with ISV=1. */
int vcpu_complete_mmio_read(struct vcpu *vcpu, uint64_t value);
/* Finish the SYSREG exit of the last run: an MRS gets value in Rt; both
 * directions move PC past the instruction. */
int vcpu_complete_sysreg(struct vcpu *vcpu, uint64_t value);
/* Move PC past the instruction that trapped, if the last exit left PC on it
 * (data abort, SYSREG); no-op when PC is already past it (SMC, HVC, WFI). */
void vcpu_skip_insn(struct vcpu *vcpu);

/* Synchronous exceptions delivered to the realm's EL1 vector (EL1 -> EL1
 * only, spike §7b; -1 if the realm is at EL0).
 * SEA: EC = data/instruction abort (same EL) per the last exit, DFSC 0x10,
 * FAR = far.  UNDEF: EC 0, ELR = the instruction that trapped last. */
int vcpu_inject_sea(struct vcpu *vcpu, uint64_t far);
int vcpu_inject_undef(struct vcpu *vcpu);

/* Virtual interrupt lines (HCR_EL2.VI / VF); QEMU vectors them itself. */
void vcpu_set_virq(struct vcpu *vcpu, bool asserted);
void vcpu_set_vfiq(struct vcpu *vcpu, bool asserted);

/* After any valid -> invalid stage-2 descriptor change (spike §1.3). */
void vcpu_stage2_changed(struct vcpu *vcpu);
/* After the host wrote [pa, pa+len) that may hold realm code (spike §4.6). */
void vcpu_code_changed(struct vcpu *vcpu, uint64_t pa, uint64_t len);

void vcpu_get_timers(struct vcpu *vcpu, struct vcpu_timers *out);

/*
 * The PMU's overflow interrupt request: PMCR_EL0.E and a counter whose
 * PMCNTENSET, PMINTENSET and PMOVSSET bits are all set (counters brought
 * up to date first).  Always false without a PMU.
 */
bool vcpu_pmu_irq(struct vcpu *vcpu);

/* Software walk of the realm's current translation (stage 1 if enabled,
 * then stage 2), for reading guest memory host-side.  Returns a host
 * pointer into the arena or NULL. */
void *vcpu_translate(struct vcpu *vcpu, uint64_t va, uint64_t *ipa_out);

#ifdef __cplusplus
}
#endif
#endif
