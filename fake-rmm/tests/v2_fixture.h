/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Helpers for the 2.0-bet1 tests: the SRO transcripts a host drives for
 * REC_CREATE / REC_DESTROY (as the v14 kernel does: donate what the
 * request asks, reclaim into a list page, continue), descriptors, x0
 * field access through the generated bit fields.
 */
#ifndef FAKE_RMM_TEST_V2_FIXTURE_H
#define FAKE_RMM_TEST_V2_FIXTURE_H

#include "rtt_fixture.h"

#define V2(name) RMI_V2_##name
#define X0_STATUS(x0) ((x0) & V2(RETURN_CODE_STATUS_MASK))
#define X0_MEMREQ(x0) (((x0) & V2(RETURN_CODE_MEMREQ_MASK)) >> V2(RETURN_CODE_MEMREQ_SHIFT))
#define X0_CAN_CANCEL(x0) (((x0) & V2(RETURN_CODE_CAN_CANCEL_MASK)) >> V2(RETURN_CODE_CAN_CANCEL_SHIFT))
/* An INCOMPLETE x0 with memreq `req` (no can-cancel). */
#define INCOMPLETE(req) ((uint64_t)V2(STATUS_INCOMPLETE) | ((uint64_t)(req) << V2(RETURN_CODE_MEMREQ_SHIFT)))
#define DONATE_COUNT(x2) (((x2) & V2(DONATE_REQUEST_COUNT_MASK)) >> V2(DONATE_REQUEST_COUNT_SHIFT))

/* The profile's op_mem_state value `name` (DELEGATED, UNDELEGATED, CONDITIONAL). */
uint64_t v2_mem_state(const char *name);
/* A descriptor in the profile's layout with a raw STATE value; the STATE of one. */
uint64_t v2_desc_state(uint64_t pa, unsigned int size, uint64_t count, uint64_t state);
uint64_t v2_desc_state_of(uint64_t desc);
/* A donate request word in the profile's layout. */
uint64_t v2_donate_req(unsigned int size, uint64_t count, bool contig, uint64_t state);
/*
 * `value` where the profile's spec defines result `result` of command
 * `cmd` after a failure with x0 `x0` (on_failure), else 0: results
 * nothing defines read 0 (2.0-bet3 defines results on SUCCESS only).
 */
uint64_t v2_on_failure(const char *cmd, const char *result, uint64_t x0, uint64_t value);
/*
 * Where an unmap walk goes on after answer x0 / x1 at `ipa`: x1 when the
 * answer defines it, else past the entry at the level of x0's index.
 */
uint64_t v2_unmap_next(const char *cmd, uint64_t ipa, uint64_t x0, uint64_t x1);
/*
 * An unmap whose first entry maps nothing: a revision that defines x1 on
 * ERROR_RTT answers ERROR_RTT(level) there; one that defines results on
 * SUCCESS only skips such entries (SUCCESS, x1 = where it stopped).
 */
bool v2_unmap_skips_unmapped(const char *cmd);
uint64_t v2_unmap_nothing_x0(const char *cmd, int level);
/*
 * PSCI_COMPLETE's argument registers as the profile has them: calling_rec,
 * target_rec where the command takes one (v2_psci_has_target()), status.
 */
bool v2_psci_has_target(void);
void v2_psci_args(uint64_t calling, uint64_t target, uint64_t status, uint64_t a[3]);
/* Descriptor of `count` 4 KiB blocks from pa (state delegated unless `undelegated`). */
uint64_t v2_desc(uint64_t pa, uint64_t count, bool undelegated);
/* A descriptor of size code `size` (0 4 KiB, 1 2 MiB ...). */
uint64_t v2_desc_sized(uint64_t pa, unsigned int size, uint64_t count, bool undelegated);

/* An NS list page holding `n` descriptors; returns its PA. */
uint64_t v2_list(struct fix *f, const uint64_t *desc, unsigned int n);
/* `n` fresh delegated granules, contiguous; returns the first. */
uint64_t v2_delegated_run(struct fix *f, unsigned int n);

/* A rec_params page (2.0 layout). */
uint64_t v2_rec_params(struct fix *f, uint64_t flags, uint64_t mpidr, uint64_t pc,
		       const uint64_t *gprs);

/*
 * REC_CREATE driven to its end: the first answer must be INCOMPLETE|DONATE;
 * donates contiguous delegated granules as asked, continues; returns the
 * final x0 (after any reclaim, whose granules it undelegates).  *rec its PA.
 */
uint64_t v2_rec_create(struct fix *f, uint64_t params, uint64_t *rec);
/* REC_DESTROY driven to its end (reclaimed granules undelegated); final x0. */
uint64_t v2_rec_destroy(struct fix *f, uint64_t rec);
/* Drives handle `h` from an answer `x0` (x2 `req`) to a final status; reclaimed PAs undelegated. */
uint64_t v2_drive(struct fix *f, uint64_t h, uint64_t x0, uint64_t req);
/* The same, *out (if not NULL) the registers of the last answer. */
uint64_t v2_drive_regs(struct fix *f, uint64_t h, uint64_t x0, uint64_t req,
		       struct smc_regs *out);

/*
 * A command that may start a Stateful RMI Operation (REALM_CREATE,
 * REALM_DESTROY ... where the profile makes them stateful): called, and
 * if it answers INCOMPLETE driven to its end as a host does (v2_drive);
 * the final x0, *out the final registers.  Invariants checked per call.
 */
uint64_t v2_op(struct fix *f, uint32_t fid, uint64_t a1, uint64_t a2, uint64_t a3,
	       struct smc_regs *out);

/* GRANULE_RANGE_UNDELEGATE of [base, top) looping on x1; asserts it gets there. */
void v2_undelegate(struct fix *f, uint64_t base, uint64_t top);

#endif
