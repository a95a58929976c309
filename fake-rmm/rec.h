/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Realm Execution Contexts (spec "REC"): the object REC_CREATE makes, the
 * state REC_ENTER, PSCI_COMPLETE and RTT_SET_RIPAS read, and the vCPU
 * engine that runs the REC's code.
 *
 * The REC core (this header, rec.c, rec_exit.c, rsi.c, psci.c, vgic.c,
 * attest.c) does not depend on how a profile passes REC parameters; the
 * 1.0 commands (cmd_rec.c, cmd_rec_enter.c) translate the 1.0 pages into
 * the calls below, so 2.0's SRO variants can reuse the same core.
 */
#ifndef FAKE_RMM_REC_H
#define FAKE_RMM_REC_H

#include <stdbool.h>
#include <stdint.h>

#include <cca-double/vcpu.h>

#include "realm.h"

#define REC_NR_GPRS 31		/* x0..x30 in rec_enter / rec_exit */
#define REC_CREATE_NR_GPRS 8	/* x0..x7 from rec_params */
#define VGIC_MAX_LRS 16

/* The realm's virtual GIC CPU interface, 1.0 style (host-owned list registers). */
struct vgic {
	unsigned int nr_lrs;
	unsigned int pri_bits;		/* implemented priority bits (5..8) */
	uint64_t hcr;			/* ICH_HCR_EL2 as the host gave it */
	uint64_t lrs[VGIC_MAX_LRS];
	/* ICC_* state the realm programs (reported as ICH_VMCR_EL2). */
	uint64_t pmr, bpr1, ctlr, igrpen1;
};

/* What the last exit to the host was, for validating the next entry's flags. */
struct rec_last_exit {
	bool data_abort;		/* SYNC exit for a stage-2 data abort */
	bool isv;			/* ... with a valid syndrome (emulatable) */
	bool protected_ipa;		/* ... at an IPA inside the PAR */
	uint64_t far;			/* faulting VA (for an injected SEA) */
	bool sysreg_read;		/* SYNC exit for a trapped MRS: Rt from gprs[0] */
};

/* RSI_IPA_STATE_SET in progress (spec RecRipasChange). */
struct rec_ripas_change {
	bool pending;
	uint64_t base, top, addr;	/* addr: next address to change */
	unsigned int ripas;
	bool change_destroyed;
	bool reject;			/* host answered RIPAS_RESPONSE = reject */
};

/* PSCI CPU_ON / AFFINITY_INFO forwarded to the host, awaiting PSCI_COMPLETE. */
struct rec_psci_request {
	bool pending;
	uint32_t fid;
	uint64_t target_mpidr, entry, context_id;
};

struct attest_state;

struct rec {
	uint64_t pa;			/* REC granule */
	struct realm *realm;
	unsigned int index;		/* from the MPIDR (REC_CREATE order) */
	uint64_t mpidr;
	/*
	 * Atomic: a running REC's CPU_OFF clears it on its own thread while
	 * another CPU's PSCI_COMPLETE (CPU_ON, AFFINITY_INFO) reads it.
	 */
	atomic_bool runnable;
	/*
	 * Inside REC_ENTER: TF-RMM's REC granule refcount 1, set under the REC's
	 * lock and cleared with release semantics when the REC is done with,
	 * without the lock (TF-RMM docs/design/locking.rst).
	 */
	atomic_bool running;
	unsigned int num_aux;
	uint64_t aux[REC_AUX_COUNT];

	/* Where the REC starts when its engine is (re)created. */
	uint64_t entry_pc;
	uint64_t entry_x[REC_CREATE_NR_GPRS];
	struct vcpu *vcpu;		/* created on the first REC_ENTER */
	uint64_t calls_at_exit;		/* rmm->ncalls when the REC last exited */
	uint64_t tlb_calls_done;	/* rmm->calls_done when its engine's TLB was last dropped */

	struct rec_last_exit last;
	struct rec_ripas_change ripas;
	struct rec_psci_request psci;
	bool host_call_pending;
	uint64_t host_call_ipa;
	struct vgic gic;
	struct attest_state *attest;
	/* EL1 timer outputs (enabled, condition met, not masked) as the last exit reported them. */
	bool vtimer_reported, ptimer_reported;
	/* The PMU overflow interrupt request as the last exit reported it (pmu_ovf_status). */
	bool pmu_reported;
	/*
	 * Where the last SEA this entry injected sent the realm, and how many
	 * times in a row the fetch there aborted again (rec_exit.c).
	 */
	uint64_t sea_vector;
	unsigned int sea_refetches;
};

/* ---- rec.c: the object ---- */

/* The REC whose granule is `pa` (state REC), or NULL. */
struct rec *rec_of(const struct rmm *rmm, uint64_t pa);
/* MPIDR values a REC may have, and the REC index they name (spec RecIndex). */
bool rec_mpidr_valid(uint64_t mpidr);
unsigned int rec_mpidr_index(uint64_t mpidr);
/* The REC index an MPIDR_EL1 value names (PSCI target_cpu from the realm). */
unsigned int mpidr_el1_index(uint64_t mpidr);

struct rec_create_args {
	uint64_t flags, mpidr, pc;
	uint64_t gprs[REC_CREATE_NR_GPRS];
	unsigned int num_aux;
	const uint64_t *aux;
};
/* Makes the REC object (checks done by the caller); granule transitions included. */
struct rec *rec_new(struct rmm *rmm, struct realm *r, uint64_t rec_pa,
		    const struct rec_create_args *a);
/* Scrubs aux granules and the REC granule back to DELEGATED and frees the REC. */
void rec_destroy(struct rmm *rmm, struct rec *rec);
/* Frees the object and its engine only (rmm_destroy). */
void rec_free(struct rec *rec);
/*
 * 2.0 REC_DESTROY: the REC object goes, its granule becomes PARTIAL and
 * the aux granules stay REC_AUX (listed in aux[]) until the host reclaims
 * them.
 */
void rec_detach(struct rmm *rmm, struct rec *rec, uint64_t *aux, unsigned int *num_aux);

/* The REC's engine, created on first use; NULL (and *err) if it cannot be. */
struct vcpu *rec_vcpu(struct rmm *rmm, struct rec *rec, const char **err);
/* PSCI CPU_ON: the REC restarts at `pc` with x0 = context_id, rest 0. */
void rec_reset(struct rec *rec, uint64_t pc, uint64_t context_id);
/* Realm registers (engine if it exists, entry state otherwise). */
uint64_t rec_get_x(struct rec *rec, unsigned int n);
void rec_set_x(struct rec *rec, unsigned int n, uint64_t v);

/* ---- rec_memory.c: realm memory seen through the RTTs ---- */

enum ipa_lookup {
	IPA_MAPPED,		/* protected, assigned, RIPAS RAM: *ptr valid */
	IPA_EMPTY,		/* protected, RIPAS EMPTY */
	IPA_UNMAPPED,		/* protected, RIPAS RAM/DESTROYED but no valid mapping */
	IPA_UNPROTECTED,	/* outside the PAR or the IPA space */
};
/* *level: the RTT level the walk stopped at (for an emulated stage-2 abort). */
enum ipa_lookup rec_ipa_lookup(const struct rmm *rmm, const struct realm *r, uint64_t ipa,
			       void **ptr, int *level);

/* ---- vgic.c: GICv3 virtual CPU interface over the host's list registers ---- */

void vgic_init(struct vgic *g, unsigned int nr_lrs, unsigned int pri_bits);
uint64_t vgic_ich_vtr(const struct vgic *g);	/* ICH_VTR_EL2 the realm is told of */
/* The 1.0 rec_enter GIC checks (TF-RMM rmm-spec-v1.0-rel0 gic_validate_state()). */
bool vgic_entry_valid(const struct vgic *g, uint64_t hcr, const uint64_t *lrs);
void vgic_load(struct vgic *g, uint64_t hcr, const uint64_t *lrs);
/* What rec_exit reports. */
void vgic_save(const struct vgic *g, uint64_t *hcr, uint64_t *lrs, uint64_t *misr,
	       uint64_t *vmcr);
/* ICH_MISR_EL2: the maintenance interrupts asserted now (0: none). */
uint64_t vgic_misr(const struct vgic *g);
/* A pending LR exists: the vIRQ line is asserted. */
bool vgic_irq_pending(const struct vgic *g);
/*
 * An ICC_* access the realm made (SYSREG exit).  Returns true if emulated
 * here (*value = result of a read); false if it goes to the host.
 */
bool vgic_sysreg(struct vgic *g, const struct vcpu_exit *x, uint64_t *value);

/*
 * The realm-side checks REC_CREATE makes in both profiles, in the spec's
 * order: the RD's REC count (ERROR_REALM), realm_state NEW (ERROR_REALM),
 * mpidr_valid and mpidr_index (ERROR_INPUT).  Returns RMI_OK or the status.
 */
uint64_t rec_create_realm_checks(const struct rmm *rmm, uint64_t rd, const struct realm *r,
				 uint64_t mpidr);

#endif
