/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * State shared by the fake RMM's object files.  Each object kind has its
 * own file (granule.c, realm.c, rtt.c, rec.c ...); command handlers are
 * named smc_<command> and registered in handlers.c.
 */
#ifndef FAKE_RMM_INTERNAL_H
#define FAKE_RMM_INTERNAL_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include <cca-double/abi.h>
#include <cca-double/pmem.h>
#include <cca-double/rmm.h>
#include <rmi/common.h>

#define GRANULE_SIZE PMEM_GRANULE_SIZE
#define GRANULE_SHIFT PMEM_GRANULE_SHIFT
#define GRANULE_MASK (~(GRANULE_SIZE - 1))

/*
 * RMI major versions with behaviour of their own.  What differs between
 * the revisions of one major is read from the profile's description
 * (rmm->abi, rmm->lay): which commands exist, which are stateful, which
 * arguments they take, where fields sit.  Where the spec text of a
 * revision is not public the behaviour chosen is written at its place and
 * in fake-rmm/tests/V2_CONDITIONS.md ("choice").
 */
enum rmm_family { RMM_V1, RMM_V2 };

#define FAMILY_BIT(f) (1u << (f))
#define FAMILIES_ALL (FAMILY_BIT(RMM_V1) | FAMILY_BIT(RMM_V2))

/* x0 of an RMI command: status in [7:0], index in [15:8]. */
static inline uint64_t rmi_ret(uint64_t status, uint64_t index)
{
	return status | (index << RMI_RETURN_CODE_INDEX_SHIFT);
}

#define RMI_OK rmi_ret(RMI_STATUS_SUCCESS, 0)
#define RMI_EINPUT rmi_ret(RMI_STATUS_ERROR_INPUT, 0)
#define RMI_EREALM rmi_ret(RMI_STATUS_ERROR_REALM, 0)
#define RMI_EREC rmi_ret(RMI_STATUS_ERROR_REC, 0)
#define RMI_ERTT(level) rmi_ret(RMI_STATUS_ERROR_RTT, (uint64_t)(level))

struct realm;
struct rec;
struct sro_pool;

/* A run of host-view protection changes not yet applied (granule.c). */
struct protect_run {
	uint64_t start, end;	/* [start, end), empty when equal */
	bool allowed;
};

/*
 * Per-granule bookkeeping (the spec's Granule(addr).state and refcount)
 * and the granule's lock (TF-RMM docs/design/locking.rst, "granule::lock";
 * granule_lock.c).  state and refcount are atomic so that the few readers
 * that hold no lock (a REC checking whether a peer runs, the rmm_granule_*
 * queries) read whole values; every change is made with the lock held, or
 * for RTT and DATA granules with their realm's RD locked (see granule_lock.c).
 */
struct granule {
	_Atomic uint8_t state;		/* enum granule_state */
	atomic_uchar lock;		/* 1: held (spinlock) */
	_Atomic uint16_t refcount;
	/*
	 * RD: its struct realm.  REC: its struct rec.  RTT, DATA, REC_AUX:
	 * the owning realm.
	 */
	void *obj;
};

/* One RMI call as the handlers see it. */
struct rmi_call {
	const struct abi_command *cmd;
	const uint64_t *arg;		/* arg[0] = x1 ... */
	uint64_t res[ABI_MAX_RESULTS];	/* res[0] -> x1 ... */
	struct smc_regs *regs;		/* all registers, for REC_ENTER/SRO */
	/* Results to copy back if not the command's own count (an SRO answer). */
	unsigned int nres;
	/*
	 * The command whose answer this is, when not `cmd`: OP_CONTINUE that
	 * ran the command an injected INCOMPLETE interrupted (sro.c).  Its
	 * on_failure list decides which results a failure keeps.
	 */
	const struct abi_command *answering;
};

typedef uint64_t (*rmi_handler)(struct rmm *rmm, struct rmi_call *call);

struct handler_entry {
	const char *name;		/* spec command name */
	unsigned int families;		/* FAMILY_BIT mask */
	rmi_handler fn;
};

/* First and last RMI function numbers of the dispatch table. */
#define RMI_FN_FIRST 0x150
#define RMI_FN_LAST 0x22f
#define RMI_FN_COUNT (RMI_FN_LAST - RMI_FN_FIRST + 1)

/*
 * What a REC exit reports, by meaning; the value written to rec_exit is
 * the profile's (rmm_layout.exit_reason): 2.0 revisions number some
 * reasons differently.
 */
enum rec_exit_kind {
	EXIT_SYNC,
	EXIT_IRQ,
	EXIT_FIQ,
	EXIT_PSCI,
	EXIT_RIPAS_CHANGE,
	EXIT_HOST_CALL,
	EXIT_SERROR,
	EXIT_KINDS,
	EXIT_FORCED = EXIT_KINDS,	/* a fault rule's reason, a value of the profile */
};

/*
 * Positions and values that differ between revisions of one RMI major,
 * resolved once at rmm_create from the profile's description (layout.c).
 * A field the profile does not have reads as width 0 (abi_bits) or -1.
 */
struct rmm_layout {
	/* realm_params: the flags word ("flags", "flags0") and its fields. */
	long realm_flags_off;
	struct abi_bits flag_lpa2, flag_sve, flag_pmu, flag_da, flag_lfa_policy, flag_mec_policy;
	long max_num_vdevs_off;		/* -1: no such field */
	/* 2.0: OP_MEM_DONATE's request word and address-range descriptors. */
	struct abi_bits donate_size, donate_count, donate_contig, donate_state;
	struct abi_bits range_size, range_count, range_addr, range_state;
	/* op_mem_state values; mem_conditional -1 when the profile has none. */
	int64_t mem_delegated, mem_undelegated, mem_conditional;
	/* OP_CONTINUE flags: STOP returns to the host once the in-flight objects are done. */
	struct abi_bits continue_stop;
	/* FEATURES fields only some revisions have (width 0 elsewhere). */
	struct abi_bits feat0_l0gpt_block_delegate, feat0_s2oasz;
	struct abi_bits feat2_realm_max_vdevs_order, feat3_rtt_plane;
	/* rec_exit.exit_reason of each enum rec_exit_kind. */
	uint8_t exit_reason[EXIT_KINDS];
	/* PSCI_COMPLETE's argument indices; target_rec -1 where the RMM finds the target. */
	int psci_calling_arg, psci_target_arg, psci_status_arg;
	/* The profile can refresh the platform token (ATTEST_PLAT_TOKEN_REFRESH described). */
	bool pat_refresh;
};

struct dispatch_slot {
	const struct abi_command *cmd;	/* NULL: FID unknown to the profile */
	rmi_handler fn;			/* NULL: known but unimplemented */
	/* Arguments that name external granules, locked before the handler runs (bit i: x(i+1)). */
	uint16_t lock_args;
};

struct rmm {
	const struct abi_profile *abi;
	enum rmm_family family;
	struct rmm_layout lay;
	struct pmem *pmem;
	struct rmm_features feat;
	uint64_t rec_insn_budget;
	/* Platform settings (rmm_platform): raw FEATURES, VMID width, GIC priority bits. */
	bool raw_features;
	uint64_t feature_raw[5];
	unsigned int vmid_bits, gic_pri_bits;
	/* The PA space and what is in it besides the arena (platform_map.c), sorted by base. */
	unsigned int pa_bits;
	struct rmm_mem_range mem_map[RMM_MEM_MAP_MAX];
	unsigned int mem_map_len;

	uint64_t pa_base, ngranules;
	struct granule *granules;
	/* Granules in any state but NS, kept by granule_set_state(): leak checks read it per run. */
	atomic_uint_fast64_t granules_not_ns;
	/* Host-view protection changes made outside any RMI call (rmm_destroy; granule.c). */
	struct protect_run protect_run;

	/*
	 * The RMM's own lists, not granules: realms alive and VMIDs in use.
	 * A leaf lock: nothing else is locked while it is held.
	 */
	pthread_mutex_t objects_lock;
	/* VMIDs in use (1.0: host-chosen, 2.0: allocated by the RMM). */
	uint8_t *vmid_used;	/* bitmap of 65536 */

	struct dispatch_slot table[RMI_FN_COUNT];
	/*
	 * Calls made so far; fault rules count with their own (fault.c).  Every
	 * call on every thread bumps it: padded to a cache line of its own, away
	 * from the fields every call reads (padding, not _Alignas: struct rmm
	 * comes from calloc).
	 */
	char ncalls_pad_before[64];
	_Atomic uint64_t ncalls;
	/* Calls but REC_ENTER finished, locks dropped (a running REC's TLB check, cmd_rec_enter.c). */
	_Atomic uint64_t calls_done;
	char ncalls_pad_after[64];

	/* 2.0: global state INIT -> ACTIVE (RMM_ACTIVATE), back (RMM_DEACTIVATE). */
	atomic_bool active;
	atomic_bool config_set;
	/*
	 * The CCA platform token is stale (rmm_platform_token_expire()) until
	 * ATTEST_PLAT_TOKEN_REFRESH, whose first call starts the refresh.
	 */
	atomic_bool pat_stale, pat_refreshing;
	/* 2.0: Stateful RMI Operation contexts (sro.h); NULL for 1.0. */
	struct sro_pool *sro;

	struct trace *trace;
	struct fault_plan *faults;

	/* Realms alive, for invariant checks and teardown. */
	struct realm **realms;
	unsigned int nrealms, realms_cap;

	/* Host interrupts for a running REC (rmm_host_irq_raise, cmd_rec_enter.c). */
	atomic_bool host_irq;
	rmm_host_irq_fn host_irq_fn;
	void *host_irq_ctx;
};

extern const struct handler_entry rmm_handlers[];
extern const unsigned int rmm_nhandlers;

/* ---- granule_lock.c: what one RMI call holds ---- */
/*
 * State of the RMI call this thread is making (NULL outside a call): what
 * a fault rule set for it, the host-view changes it has not applied yet,
 * and the granule locks it holds.
 */
struct call_ctx {
	uint64_t progress_limit;	/* FAULT_PROGRESS; 0: no limit */
	int forced_exit;		/* FAULT_EXIT reason; -1: none */
	struct protect_run protect_run;
	/* Granule locks held, released when the call returns (call_unlock_all). */
	struct granule **held, *held_inline[16];
	unsigned int nheld, held_cap;
	struct granule *top;		/* highest granule held */
	/* Granules to lock first when the handler runs again (call_restart_wanted). */
	struct granule **want, *want_inline[8];
	unsigned int nwant, want_cap;
	bool restart;
	bool changed;			/* the handler changed something (no restart then) */
};
struct call_ctx *call_current(void);
/* The current call's FAULT_PROGRESS limit (0: none) and FAULT_EXIT reason (-1: none). */
uint64_t call_progress_limit(void);
int call_forced_exit(void);
void call_begin(struct call_ctx *ctx, struct call_ctx **saved);
void call_end(struct call_ctx *ctx, struct call_ctx *saved);
/* Locks the granules named by `slot->lock_args` and any wanted ones, in ascending PA order. */
void call_lock_args(struct rmm *rmm, const struct dispatch_slot *slot, const uint64_t *args);
/* Applies pending host-view changes, then drops every lock the call holds. */
void call_unlock_all(struct rmm *rmm);
/* The handler met a busy lock out of order: run it again with that lock taken first. */
bool call_restart_wanted(void);
/* Something visible changed in this call (granule state, an RTT entry). */
void call_note_change(void);

/*
 * The spec's "addr_align, addr_bound, addr_state" checks in one, with the
 * granule locked for the rest of the call: the granule at `pa` if pa is
 * granule aligned, inside tracked memory and in `state`; NULL otherwise
 * (the caller answers ERROR_INPUT).
 */
struct granule *granule_lock(const struct rmm *rmm, uint64_t pa, enum granule_state state);
/* The same check for a granule read or written as NS memory (no lock: TF-RMM locks no NS content). */
bool granule_is_ns(const struct rmm *rmm, uint64_t pa);
/* A lock held for a moment, outside the call's set (a running REC reaching its RD). */
void granule_lock_raw(struct granule *g);
void granule_unlock_raw(struct granule *g);

/* ---- granule.c ---- */
struct granule *granule_at(const struct rmm *rmm, uint64_t pa);
/* Sets the state; a change to or from NS changes host access at the next flush. */
void granule_set_state(struct rmm *rmm, uint64_t pa, struct granule *g,
		       enum granule_state state);
/* Applies the pending host-access changes (end of every RMI call). */
void granule_protect_flush(struct rmm *rmm);

/* REC_ENTER's handler (cmd_rec_enter.c): the dispatcher counts it apart. */
uint64_t smc_rec_enter(struct rmm *rmm, struct rmi_call *c);
uint64_t granule_pa(const struct rmm *rmm, const struct granule *g);
void *granule_map(const struct rmm *rmm, uint64_t pa);	/* RMM view */
void granule_zero(const struct rmm *rmm, uint64_t pa);
/* Reads `len` bytes of an NS granule into `buf`; false unless NS and tracked. */
bool ns_granule_read(const struct rmm *rmm, uint64_t pa, void *buf, size_t len);
bool ns_granule_write(const struct rmm *rmm, uint64_t pa, size_t off, const void *buf,
		      size_t len);

/* ---- dispatch.c ---- */
int dispatch_build(struct rmm *rmm, char *err, size_t errlen);
void dispatch_call(struct rmm *rmm, struct smc_regs *regs);

/* ---- layout.c ---- */
/* Fills rmm->lay from rmm->abi; -1 (and `err`) if the description lacks what the family needs. */
int layout_resolve(struct rmm *rmm, char *err, size_t errlen);

/* ---- cmd_version.c ---- */
/* rmm->feat from raw FEATURES registers, by the profile's fields; -1 (and err) if they cannot be. */
int features_from_registers(struct rmm *rmm, const uint64_t regs[5], char *err, size_t errlen);

/* ---- vmid.c ---- */
bool vmid_reserve(struct rmm *rmm, unsigned int vmid);
void vmid_free(struct rmm *rmm, unsigned int vmid);
int vmid_alloc(struct rmm *rmm);	/* 2.0: lowest free, or -1 */

/* ---- platform_map.c ---- */
/* What a PA is on this platform (the arena first, then rmm->mem_map). */
enum pa_kind {
	PA_HOLE,	/* nothing the platform describes */
	PA_ARENA,	/* NS DRAM the RMM tracks: the only delegable memory */
	PA_NS_DRAM,
	PA_SECURE,
	PA_MMIO,
	PA_BEYOND,	/* at or above 2^pa_bits */
};
/* rmm->pa_bits and rmm->mem_map from the platform, after the arena is known; -1 (and err). */
int platform_map_init(struct rmm *rmm, const struct rmm_platform *p, char *err, size_t errlen);
/* The kind of `pa`; *top = the end of the run of that kind starting there. */
enum pa_kind platform_pa_kind(const struct rmm *rmm, uint64_t pa, uint64_t *top);
/* 2^pa_bits: the first PA past the platform's address space. */
uint64_t platform_pa_limit(const struct rmm *rmm);

/* ---- realm.c ---- */
void realm_list_add(struct rmm *rmm, struct realm *r);
void realm_list_remove(struct rmm *rmm, struct realm *r);

/* Bit-field helpers over the generated _SHIFT/_WIDTH macros. */
static inline uint64_t bits_get(uint64_t v, unsigned int shift, unsigned int width)
{
	return width >= 64 ? v >> shift : (v >> shift) & ((1ULL << width) - 1);
}

static inline uint64_t bits_put(uint64_t v, unsigned int shift, unsigned int width)
{
	return (width >= 64 ? v : v & ((1ULL << width) - 1)) << shift;
}

#define FIELD_OF(name, v) bits_get((v), name##_SHIFT, name##_WIDTH)
#define FIELD_VAL(name, v) bits_put((v), name##_SHIFT, name##_WIDTH)

#endif
