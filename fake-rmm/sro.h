/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Stateful RMI Operations (2.0): a command that cannot finish in one call
 * answers INCOMPLETE with a handle in x1; the host drives it with
 * OP_MEM_DONATE / OP_MEM_RECLAIM / OP_CONTINUE / OP_CANCEL as the memreq
 * bits of each answer say (DEN0137 2.0 "Stateful RMI Operations"; TF-RMM
 * main runtime/rmi/sro.c).
 *
 * A context has a memory phase engine (struct sro_mem) shared by every
 * operation:
 *
 *   DONATING   the RMM wants `want` granules: only OP_MEM_DONATE.
 *   RECLAIMING the RMM gives back what it holds: only OP_MEM_RECLAIM.
 *   READY      memory settled; OP_CONTINUE runs the operation's next step.
 *   FINISHING  memory returned after a failure / destroy; OP_CONTINUE
 *              ends the operation with the recorded final result.
 *
 * The expected next FID follows from the stage; any other OP_* command
 * with that handle is ERROR_INPUT (state unchanged).  OP_CANCEL is
 * accepted only while the current answer carried the can-cancel bit.
 *
 * Besides REC_CREATE / REC_DESTROY (cmd_rec_sro.c), a fault rule can make
 * any command answer INCOMPLETE (fault.h): that is an "injected layer"
 * with its own memory phase; once it is READY, OP_CONTINUE runs the
 * command the fault interrupted (see sro_inject()).
 */
#ifndef FAKE_RMM_SRO_H
#define FAKE_RMM_SRO_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "rmm_internal.h"

#define SRO_MAX_CONTEXTS 16
/*
 * Granules one phase can hold: 16 REC aux granules, or an injected request
 * (at most FAULT_MAX_DONATE_GRANULES, checked in sro.c).
 */
#define SRO_MAX_HELD 2048

enum sro_stage { SRO_DONATING, SRO_RECLAIMING, SRO_READY, SRO_FINISHING };

struct sro_mem {
	enum sro_stage stage;
	bool can_cancel;
	bool contig;			/* the donate request asks for one block */
	unsigned int block;		/* RMI_BLOCK_SIZE_* of the requested (and held) blocks */
	/*
	 * The state the request asks memory in (an op_mem_state value of the
	 * profile): DELEGATED; UNDELEGATED (NS memory the RMM delegates itself
	 * when it takes it and undelegates before giving it back); or, where
	 * the profile has it, CONDITIONAL: either, each block's descriptor
	 * saying which.
	 */
	uint64_t req_state;
	unsigned int want;		/* granules still requested (whole blocks) */
	enum granule_state held_state;	/* what donated granules become */
	uint64_t held[SRO_MAX_HELD];
	/* Per held granule: it came undelegated, and goes back so. */
	bool held_ns[SRO_MAX_HELD];
	unsigned int nheld;
	bool ending;			/* aborted or cancelled: FINISHING once empty */
	/* Result the operation ends with once FINISHING (x0, x1..). */
	uint64_t final_x0;
	uint64_t final_res[ABI_MAX_RESULTS];
};

struct sro_ctx;
typedef uint64_t (*sro_step_fn)(struct rmm *rmm, struct sro_ctx *ctx, struct rmi_call *c);
/* An operation ends without success (failed donation, cancel): undo what it built. */
typedef void (*sro_abandon_fn)(struct rmm *rmm, struct sro_ctx *ctx);

/* An interrupted command, saved by an injected INCOMPLETE. */
struct sro_saved_call {
	const struct abi_command *cmd;
	rmi_handler fn;
	uint64_t args[ABI_MAX_ARGS];
};

/*
 * A context's life (TF-RMM main lib/sro_context): FREE; RESERVED while an
 * RMI call runs on it (the one that started the operation, or an OP_*
 * command naming it); SEALED between calls, waiting for the host.  An OP_*
 * command finds only a SEALED handle: one another CPU is driving now is
 * not valid for it (ERROR_INPUT).
 */
enum sro_life { SRO_FREE, SRO_RESERVED, SRO_SEALED };

struct sro_ctx {
	enum sro_life life;
	const void *owner;		/* RESERVED: the call holding it (call_current()) */
	bool was_sealed;		/* RESERVED by an OP_* command, not started by it */
	unsigned int handle;
	/* The operation's own phase; `ready` runs when it is READY. */
	struct sro_mem main;
	sro_step_fn ready;
	sro_abandon_fn abandon;		/* NULL: nothing beyond `obj` to undo */
	uint64_t obj;			/* PARTIAL granule (REC, RD), 0 if none */
	void *target;			/* the object being built (struct realm), if any */
	uint64_t rd, params;		/* REC_CREATE arguments */
	/* Injected layer: answered before `main`, then runs `saved`. */
	bool fresh;			/* exists only for an injected INCOMPLETE */
	bool inj_active;
	/* OP_CANCEL on a layer: the operation itself gives its memory back and ends next. */
	bool cancelled;
	struct sro_mem inj;
	struct sro_saved_call saved;
};

struct sro_pool {
	/* Over every context's `life` and `owner` (a leaf lock). */
	pthread_mutex_t lock;
	struct sro_ctx ctx[SRO_MAX_CONTEXTS];
};

struct sro_pool *sro_pool_new(void);
void sro_pool_free(struct sro_pool *p);

/*
 * A fresh context (handle in ctx->handle) RESERVED for the current call,
 * or NULL: none is FREE (the caller answers sro_none_free(), changing
 * nothing).
 */
struct sro_ctx *sro_alloc(struct rmm *rmm);
/*
 * What `cmd` answers when no context is free: BLOCKED when every one
 * waits for the host (SEALED), BUSY when some are RESERVED by calls
 * running on other CPUs and may soon be free (TF-RMM sro_ctx_reserve()),
 * where the profile lists BUSY for the command (else BLOCKED).
 */
uint64_t sro_none_free(struct rmm *rmm, const struct abi_command *cmd);
void sro_release(struct rmm *rmm, struct sro_ctx *ctx);
/* Is any context in use (not FREE)? */
bool sro_any_in_use(struct rmm *rmm);
/*
 * The end of an RMI call (dispatch.c): the contexts it reserved and did
 * not release are SEALED.  With `restart` (the handler runs again from the
 * start, granule_lock.c) they go back to what they were instead: SEALED
 * if an OP_* command found them, FREE if the call started them.
 */
void sro_call_end(struct rmm *rmm, bool restart);

/* Phase set-up for an operation's main phase: `want` 4 KiB granules of delegated memory. */
void sro_mem_donate(const struct rmm *rmm, struct sro_mem *m, unsigned int want,
		    enum granule_state held_state);
/*
 * A donate request of `count` blocks of size `block`, contiguous or not,
 * in `state` (an op_mem_state value of the profile).
 */
void sro_mem_donate_blocks(struct sro_mem *m, unsigned int block, unsigned int count, bool contig,
			   uint64_t state, enum granule_state held_state);
void sro_mem_reclaim(struct sro_mem *m, uint64_t final_x0);
/* x0 (INCOMPLETE | memreq | can-cancel) and x2 (donate request) for the phase's stage. */
uint64_t sro_answer(const struct sro_mem *m);
uint64_t sro_donate_req(const struct rmm *rmm, const struct sro_mem *m);

/*
 * A forced INCOMPLETE (fault injection): `memreq` and `can_cancel` from
 * the fault, `donate_req` the request word for DONATE.  The command is
 * not run now and nothing changes but a new context (or, for an OP_*
 * command naming a live handle, a layer on that context).  x1 is a valid
 * handle: the host can drive the injected operation to its end (donate
 * what it asks; it gives that straight back, reclaim; continue), which
 * runs the command for real.  No context free: BLOCKED.
 */
uint64_t sro_inject(struct rmm *rmm, const struct abi_command *cmd, rmi_handler fn,
		    const uint64_t *args, unsigned int memreq, bool can_cancel,
		    uint64_t donate_req, struct rmi_call *c);

/* Every granule an SRO context holds (invariants.c). */
typedef void (*sro_granule_fn)(void *arg, uint64_t pa, enum granule_state expect);
void sro_for_each_granule(const struct rmm *rmm, sro_granule_fn fn, void *arg);

#endif
