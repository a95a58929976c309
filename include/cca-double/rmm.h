/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The fake Realm Management Monitor.
 *
 *   struct rmm *rmm = rmm_create(&cfg, err, sizeof(err));
 *   struct smc_regs r = { .x = { fid, arg1, arg2, ... } };
 *   rmm_smc(rmm, &r);            // x0 = status | index << 8, x1.. results
 *   rmm_destroy(rmm);
 *
 * Every call goes through one dispatch table built from the profile's
 * description (spec/<profile>.yaml): FID -> command, handler.  Unknown or
 * unimplemented FIDs answer SMC_UNKNOWN (-1).  Any register values are
 * survived: addresses are checked against the arena before use.
 */
#ifndef CCA_DOUBLE_RMM_H
#define CCA_DOUBLE_RMM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cca-double/abi.h>
#include <cca-double/pmem.h>

#define SMC_UNKNOWN (~0ULL)
#define SMC_NREGS 18

/* SMCCC 1.2: x0..x17 in and out. */
struct smc_regs {
	uint64_t x[SMC_NREGS];
};

struct trace;
struct fault_plan;

/* What FEATURES reports and what REALM_CREATE accepts. */
struct rmm_features {
	unsigned int s2sz;		/* max IPA width: 32..48 (52 with LPA2) */
	bool lpa2;
	bool sve;
	unsigned int sve_vl;		/* max VQ - 1 */
	unsigned int num_bps, num_wps;	/* breakpoints, watchpoints (>= 1) */
	bool pmu;
	unsigned int pmu_num_ctrs;
	bool sha256, sha512;
	unsigned int gicv3_num_lrs;	/* number of list registers (1..16) */
	unsigned int max_recs_order;
	unsigned int l0gptsz;		/* 2.0: L0 GPT block = 1 GiB << l0gptsz */
};

/*
 * A range of the platform's physical memory map outside the arena.  The
 * RMM's granule table covers the arena only (as TF-RMM's covers the DRAM
 * banks the firmware gives it), so no range here is delegable: every PA
 * an RMI call takes as a granule it tracks - GRANULE_DELEGATE, a params,
 * run, config or DATA_CREATE source page - answers ERROR_INPUT there, as
 * in a hole (DEN0137 PaIsDelegable() is the platform's to define).  The
 * kinds differ in what GRANULE_TRACKING_GET (2.0) reports: NS DRAM is
 * conventional memory the RMM does not track, MMIO non-coherent device
 * memory, Secure memory is no memory the host has (category NONE where the
 * profile has it).  Unprotected mappings may point anywhere (TF-RMM: "the
 * host is permitted to map any physical address outside PAR").
 */
enum rmm_mem_kind {
	RMM_MEM_NS_DRAM,
	RMM_MEM_SECURE,
	RMM_MEM_MMIO,
};

struct rmm_mem_range {
	uint64_t base, size;	/* 4 KiB aligned, size > 0, below 2^pa_bits */
	enum rmm_mem_kind kind;
};

#define RMM_MEM_MAP_MAX 64

/*
 * What a user sets to match a platform (zero fields keep the defaults).
 * raw_features: FEATURES answers feature_register[0..4] as given (bits the
 * profile does not describe included), and REALM_CREATE accepts what
 * their fields say - it replaces `features`.
 */
struct rmm_platform {
	bool raw_features;
	uint64_t feature_register[5];
	unsigned int vmid_bits;		/* 8 or 16 (default 16): the VMIDs realms may have */
	unsigned int gic_priority_bits;	/* 5..8 (default 5): the vGIC's priority bits */
	/*
	 * The physical address space: pa_bits is its size (a PARange value:
	 * 32, 36, 40, 42, 44, 48 or 52; default 48), independent of what the
	 * vCPU can run.  FEATURES.S2SZ may not exceed it.  The arena must lie
	 * below 2^pa_bits.
	 */
	unsigned int pa_bits;
	/*
	 * What else is at which PA (see struct rmm_mem_range); copied by
	 * rmm_create().  The arena is NS DRAM the RMM tracks; anything not
	 * described is a hole.
	 */
	const struct rmm_mem_range *mem_map;
	unsigned int mem_map_len;	/* at most RMM_MEM_MAP_MAX */
};

struct rmm_config {
	const char *profile;		/* a spec/<profile>.yaml name; "1.0" by default */
	struct pmem *pmem;		/* required */
	/* Leave zeroed for defaults (see rmm_default_features()). */
	struct rmm_features features;
	bool features_set;		/* true: use `features` as given */
	/* Guest instructions one REC_ENTER may run before an IRQ exit. */
	uint64_t rec_insn_budget;
	struct rmm_platform platform;
};

void rmm_default_features(struct rmm_features *f);

/*
 * Checks a platform's PA size and memory map against an arena [arena_base,
 * arena_base + arena_size), as rmm_create() does: 0, or -1 with the
 * reason in `err` and in *bad_range the index of the range at fault (-1
 * when it is the PA size or the arena).  For tools that report a range's
 * own position.
 */
int rmm_platform_check(const struct rmm_platform *p, uint64_t arena_base, uint64_t arena_size,
		       int *bad_range, char *err, size_t errlen);
const char *rmm_mem_kind_name(enum rmm_mem_kind kind);

struct rmm *rmm_create(const struct rmm_config *cfg, char *err, size_t errlen);
void rmm_destroy(struct rmm *rmm);
/*
 * Thread safety: rmm_smc() may be called from many threads at once, as
 * CPUs call a real RMM.  It takes per-granule locks in TF-RMM's order
 * (docs/architecture.md, "Concurrency"); calls on different granules and
 * realms run in parallel, conflicting calls get the spec's answers (a
 * running REC: ERROR_REC).  A thread inside REC_ENTER holds only its REC,
 * so RTT and DATA calls on its realm proceed meanwhile.  Fault rules count
 * calls in the order they reach the fault plan (in one thread: call order).
 * Everything else here - rmm_create/destroy, the set-up calls (trace,
 * faults, host IRQ poll) and the rmm_granule_* / invariant queries - wants
 * no RMI call in flight, except rmm_host_irq_raise().
 */
void rmm_smc(struct rmm *rmm, struct smc_regs *regs);

const struct abi_profile *rmm_profile(const struct rmm *rmm);
struct pmem *rmm_pmem(const struct rmm *rmm);

/* Convenience for tests: x0 of a call with up to six arguments. */
uint64_t rmm_call(struct rmm *rmm, uint32_t fid, uint64_t a1, uint64_t a2, uint64_t a3,
		  uint64_t a4, uint64_t a5, uint64_t a6, struct smc_regs *out);

/* ---- Introspection (tests, invariants, leak checks) ---- */

enum granule_state {
	GRANULE_NS,
	GRANULE_DELEGATED,
	GRANULE_RD,
	GRANULE_REC,
	GRANULE_REC_AUX,
	GRANULE_DATA,
	GRANULE_RTT,
	GRANULE_PARTIAL,	/* 2.0: REC half created/destroyed by an SRO */
	GRANULE_INTERNAL,	/* 2.0: donated to the RMM */
	GRANULE_NSTATES,
	GRANULE_INVALID = -1,	/* PA outside the arena */
};

const char *granule_state_name(enum granule_state s);
enum granule_state rmm_granule_state(const struct rmm *rmm, uint64_t pa);
unsigned int rmm_granule_refcount(const struct rmm *rmm, uint64_t pa);
/* Number of granules in state `s`. */
uint64_t rmm_granules_in_state(const struct rmm *rmm, enum granule_state s);
/* Measurement slot (0 RIM, 1-4 REM) of the realm whose RD is `rd`; 0 or -1. */
int rmm_realm_measurement(const struct rmm *rmm, uint64_t rd, unsigned int slot,
			  uint8_t out[64]);
/* Granules not NS (what a leak check reports after teardown). */
uint64_t rmm_granules_not_ns(const struct rmm *rmm);

/*
 * Checks the bookkeeping invariants: refcounts equal live children, every
 * DATA granule referenced by exactly one RTT entry, every RTT reachable
 * from exactly one parent, RD/REC counts.  Returns 0, or -1 with the first
 * broken rule in `msg`.
 */
int rmm_check_invariants(const struct rmm *rmm, char *msg, size_t len);

/*
 * The platform changed under the RMM (a firmware update, say): its CCA
 * platform token is stale.  Where the profile has ATTEST_PLAT_TOKEN_REFRESH
 * (some 2.0 revisions), REALM_CREATE answers ERROR_GLOBAL until the host
 * refreshes it; elsewhere nothing reads it.
 */
void rmm_platform_token_expire(struct rmm *rmm);

/*
 * ---- Host interrupts while a REC runs ----
 *
 * A physical interrupt for the CPU that runs REC_ENTER - the IPI of
 * kvm_vcpu_kick, a device interrupt, the host's own timer - ends the
 * realm's run with a REC exit of reason IRQ.  The engine looks between
 * slices of at most 65536 guest instructions, so the exit comes within
 * one slice of the interrupt (and before the next trap the realm makes).
 *
 * rmm_host_irq_raise() may be called from any thread or a signal handler
 * while another thread is inside REC_ENTER.  The interrupt stays pending
 * until a REC_ENTER takes it: raised while no REC runs, the next
 * REC_ENTER exits with IRQ before the realm runs an instruction.
 *
 * rmm_set_host_irq_poll() installs a function asked instead at the same
 * points (in the thread running REC_ENTER, with the REC's PA): true means
 * an interrupt is pending for that REC.  NULL removes it.
 */
void rmm_host_irq_raise(struct rmm *rmm);
typedef bool (*rmm_host_irq_fn)(void *ctx, uint64_t rec);
void rmm_set_host_irq_poll(struct rmm *rmm, rmm_host_irq_fn fn, void *ctx);

/*
 * The TEST keys the attestation tokens of RSI_ATTEST_TOKEN_* are signed
 * with (ES384, P-384; uncompressed points 0x04 || X || Y): the realm
 * attestation key, which every realm token also carries as a COSE_Key, and
 * the CCA platform attestation key that signs the platform token.  They are
 * derived from fixed public seeds: a verifier under test may be given them,
 * nothing may trust them.  All zero if libcrypto cannot make them.
 */
void rmm_attest_public_keys(uint8_t rak[97], uint8_t cpak[97]);

/* ---- Tracing and fault injection (see trace.h, fault.h) ---- */

void rmm_set_trace(struct rmm *rmm, struct trace *trace);
struct trace *rmm_trace(const struct rmm *rmm);
void rmm_set_faults(struct rmm *rmm, struct fault_plan *plan);

/* Number of RMI calls dispatched so far (including unknown FIDs). */
uint64_t rmm_call_count(const struct rmm *rmm);

#endif
