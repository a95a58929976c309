// SPDX-License-Identifier: BSD-3-Clause
/*
 * vCPU creation, reset and destruction.
 *
 * One Unicorn engine per vCPU.  Why not one engine per realm with
 * uc_context switching: the switch itself is cheap (0.3 us, spike §5), but
 * the context does not carry QEMU's pending-interrupt line (a vIRQ leaks to
 * the next vCPU unless HCR_EL2 is rewritten after every restore), the
 * vCPUs of a realm could never run in parallel threads, and every engine
 * needs only 2-3 regions here: an engine costs 1.5 ms to create and
 * destroy (vcpu_bench, this machine) plus VSZ +1 GiB of TCG buffer that is
 * never touched.  Tests create a handful of RECs, so isolation wins.
 * The price: stage-2 invalidations and host code writes must be told to
 * every engine of the realm (the REC layer calls vcpu_stage2_changed /
 * vcpu_code_changed on each REC).
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "vcpu_internal.h"

#define SYS_CNTHCTL_EL2 SYSREG(3, 4, 14, 1, 0)
#define CNTHCTL_EL1PCTEN (1ULL << 0)    /* EL1 may read CNTPCT_EL0 */
#define CNTHCTL_EL1PCEN  (1ULL << 1)    /* EL1 may use CNTP_* */

#define PSTATE_EL2H_MASKED 0x3c9ULL
#define PSTATE_EL1H_MASKED 0x3c5ULL

/* VTCR_EL2 fields (4 KiB granule). */
#define VTCR_RES1       (1ULL << 31)
#define VTCR_SH0_INNER  (3ULL << 12)
#define VTCR_ORGN0_WBWA (1ULL << 10)
#define VTCR_IRGN0_WBWA (1ULL << 8)
#define VTCR_PS_SHIFT   16

static _Thread_local char create_error[256];

static void close_idle_engines(void);
static void close_idle_at_exit(void)
{
	atexit(close_idle_engines);
}

static pthread_once_t at_exit_once = PTHREAD_ONCE_INIT;

/*
 * An engine opened and initialised ahead of need (vcpu_prepare_engine()).
 * Unicorn builds an engine's machine (TCG, the CPU and its TLBs) at its
 * first use, some milliseconds, far more than opening it: a process about
 * to fork children that may each create a vCPU (a sweep's brancher)
 * prepares them, and each child takes them ready-made: two, as a realm of
 * two RECs needs (a third is built where it is needed).
 */
#define PREPARED_MAX 2
static uc_engine *prepared[PREPARED_MAX];
static unsigned int nprepared;
static pthread_mutex_t prepared_lock = PTHREAD_MUTEX_INITIALIZER;

static uc_err open_engine(uc_engine **uc)
{
	uc_err e = uc_open(UC_ARCH_ARM64, UC_MODE_ARM, uc);

	/* No `until` address anywhere: Unicorn would plant a fake WFI there
	 * (spike §3.1, §8.10); with exits enabled and none set, none exists. */
	if (e == UC_ERR_OK)
		uc_ctl_exits_enable(*uc);
	return e;
}

int vcpu_prepare_engine(void)
{
	uint64_t pc;
	int ret = 0;

	pthread_once(&at_exit_once, close_idle_at_exit);
	pthread_mutex_lock(&prepared_lock);
	/* Reading a register builds the machine, as the first mapping would. */
	while (nprepared < PREPARED_MAX) {
		uc_engine *uc = NULL;

		if (open_engine(&uc) != UC_ERR_OK || uc_reg_read(uc, UC_ARM64_REG_PC, &pc) != UC_ERR_OK) {
			if (uc)
				uc_close(uc);
			ret = -1;
			break;
		}
		prepared[nprepared++] = uc;
	}
	pthread_mutex_unlock(&prepared_lock);
	return ret;
}

/* The prepared engine if there is one, else a new one. */
static uc_err take_engine(uc_engine **uc)
{
	pthread_mutex_lock(&prepared_lock);
	*uc = nprepared ? prepared[--nprepared] : NULL;
	pthread_mutex_unlock(&prepared_lock);
	return *uc ? UC_ERR_OK : open_engine(uc);
}

const char *vcpu_create_error(void)
{
	return create_error;
}

static void set_create_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(create_error, sizeof(create_error), fmt, ap);
	va_end(ap);
}

/* Smallest VTCR_EL2.PS that holds the arena's top PA. */
static int ps_for(uint64_t pa_top, uint64_t *ps)
{
	static const unsigned int bits[] = { 32, 36, 40, 42, 44 };

	for (unsigned int i = 0; i < sizeof(bits) / sizeof(bits[0]); i++) {
		if (pa_top <= (1ULL << bits[i])) {
			*ps = i;
			return 0;
		}
	}
	return -1;
}

static int check_config(const struct vcpu_config *c, uint64_t pa_base, uint64_t *ps)
{
	unsigned int shift, index_bits, expect;

	if (!c->arena || c->arena_size == 0 || (c->arena_size & GRANULE_MASK) ||
	    (pa_base & GRANULE_MASK)) {
		set_create_error("arena must be a non-empty, 4 KiB aligned range");
		return -1;
	}
	if (ps_for(pa_base + c->arena_size, ps) != 0) {
		set_create_error("arena top PA 0x%llx is above the emulated 44-bit PARange",
				 (unsigned long long)(pa_base + c->arena_size));
		return -1;
	}
	if (c->ipa_bits < VCPU_MIN_IPA_BITS || c->ipa_bits > VCPU_MAX_IPA_BITS) {
		set_create_error("ipa_bits %u unsupported: Unicorn 2.0.1 runs %u..%u (QEMU faults IPA sizes above PAMax)",
				 c->ipa_bits, VCPU_MIN_IPA_BITS, VCPU_MAX_IPA_BITS);
		return -1;
	}
	if (c->start_level > 2) {
		set_create_error("start level %u unsupported (4 KiB granule: 0..2 without FEAT_TTST)",
				 c->start_level);
		return -1;
	}
	shift = 12 + 9 * (3 - c->start_level);
	if (c->ipa_bits <= shift) {
		set_create_error("start level %u resolves more than %u IPA bits", c->start_level, c->ipa_bits);
		return -1;
	}
	index_bits = c->ipa_bits - shift;
	if (index_bits > 13 || (c->start_level == 0 && index_bits > 9)) {
		set_create_error("ipa_bits %u needs more than 16 concatenated tables at level %u",
				 c->ipa_bits, c->start_level);
		return -1;
	}
	/* index_bits < 9 means one partly used table; 9 + n means 2^n tables. */
	expect = index_bits > 9 ? 1u << (index_bits - 9) : 1u;
	if (c->num_start_tables != expect) {
		set_create_error("ipa_bits %u at start level %u needs %u starting tables, not %u",
				 c->ipa_bits, c->start_level, expect, c->num_start_tables);
		return -1;
	}
	if ((c->rtt_base & (expect * GRANULE_SIZE - 1)) != 0 || c->rtt_base < pa_base ||
	    c->rtt_base + expect * GRANULE_SIZE > pa_base + c->arena_size) {
		set_create_error("rtt_base 0x%llx is not %u-granule aligned inside the arena",
				 (unsigned long long)c->rtt_base, expect);
		return -1;
	}
	return 0;
}

static uint64_t vtcr_for(const struct vcpu *v, uint64_t ps)
{
	/* SL0 for the 4 KiB granule: 0 = level 2, 1 = level 1, 2 = level 0. */
	uint64_t sl0 = 2 - v->start_level;

	return VTCR_RES1 | (ps << VTCR_PS_SHIFT) | VTCR_SH0_INNER |
	       VTCR_ORGN0_WBWA | VTCR_IRGN0_WBWA | (sl0 << 6) | (64 - v->ipa_bits);
}

/*
 * Unicorn starts every engine in Secure EL1 and a PSTATE write by API does
 * not rebuild QEMU's cached hflags; only a real ERET does (spike §1.2,
 * §8.4).  So: program EL3/EL2 state, pretend to be at EL2h, and execute one
 * ERET (fetched from the cover before stage 2 applies) to NS-EL1h with DAIF
 * masked.  QEMU 5.0's ERET reads ELR of the translation-time EL, hence
 * ELR_EL1 too.
 */
/*
 * Did the ERET reach the entry at NS-EL1?  QEMU translates the entry's
 * block before the instruction count can stop it, so an entry page that
 * stage 2 does not map yet (RIPAS EMPTY, RAM not populated) or an entry
 * above the IPA space stops the run with the fetch fault, PC on the
 * entry: the ERET itself is done (the PC/PSTATE check below confirms it)
 * and the first vcpu_run reports the same fault as an instruction abort.
 */
static bool eret_landed(const struct vcpu *v, uc_err e, uint64_t entry)
{
	switch (v->ev.kind) {
	case EV_NONE:
		return e == UC_ERR_OK;
	case EV_INTR:
		return v->ev.intno == EXCP_PREFETCH_ABORT;
	case EV_UNMAPPED:
		return v->ev.fetch && v->ev.addr == entry;
	default:
		return false;
	}
}

static int enter_el1(struct vcpu *v, uint64_t entry, uint64_t ps)
{
	uint64_t tramp = regions_trampoline(v);
	uc_err e;

	sysreg_write(v, SYS_SCR_EL3, SCR_NS | SCR_HCE | SCR_RW);
	sysreg_write(v, SYS_HCR_EL2, v->hcr);
	sysreg_write(v, SYS_VTCR_EL2, vtcr_for(v, ps));
	sysreg_write(v, SYS_VTTBR_EL2, v->vttbr);
	sysreg_write(v, SYS_CNTHCTL_EL2, CNTHCTL_EL1PCTEN | CNTHCTL_EL1PCEN);
	reg_write(v, UC_ARM64_REG_PSTATE, PSTATE_EL2H_MASKED);
	sysreg_write(v, SYS_SPSR_EL2, PSTATE_EL1H_MASKED);
	sysreg_write(v, SYS_ELR_EL2, entry);
	sysreg_write(v, SYS_ELR_EL1, entry);

	/* count = 1: the ERET runs, the first realm instruction does not. */
	e = uc_emu_start(v->uc, tramp, 0, 0, 1);
	if (!eret_landed(v, e, entry)) {
		set_create_error("ERET into NS-EL1 failed: %s (event %d)", uc_strerror(e),
				 (int)v->ev.kind);
		return -1;
	}
	/* A fetch fault at the entry is the first run's business. */
	v->ev = (struct hook_event){ 0 };
	v->hook_calls = 0;
	if (reg_read(v, UC_ARM64_REG_PC) != entry ||
	    (reg_read(v, UC_ARM64_REG_PSTATE) & 0x3cfULL) != PSTATE_EL1H_MASKED) {
		set_create_error("ERET trick left PC 0x%llx PSTATE 0x%llx",
				 (unsigned long long)reg_read(v, UC_ARM64_REG_PC),
				 (unsigned long long)reg_read(v, UC_ARM64_REG_PSTATE));
		return -1;
	}
	/* The trampoline is never fetched again (vcpu_reset restores a saved
	 * context): from now on the whole cover faults on host access. */
	mprotect(v->cover, GRANULE_SIZE, PROT_NONE);
	return 0;
}

static void set_entry_regs(struct vcpu *v, uint64_t pc, const uint64_t x[8])
{
	for (unsigned int i = 0; i < 8; i++)
		xreg_write(v, i, x ? x[i] : 0);
	reg_write(v, UC_ARM64_REG_PC, pc);
}

struct vcpu *vcpu_create(const struct vcpu_config *cfg)
{
	uint64_t pa_base = cfg->pa_base ? cfg->pa_base : VCPU_DEFAULT_PA_BASE;
	char err[200];
	uint64_t ps;
	struct vcpu *v;
	uc_err e;

	create_error[0] = '\0';
	if (check_config(cfg, pa_base, &ps) != 0)
		return NULL;
	v = calloc(1, sizeof(*v));
	if (!v) {
		set_create_error("out of memory");
		return NULL;
	}
	v->arena = cfg->arena;
	v->pa_base = pa_base;
	v->arena_size = cfg->arena_size;
	v->ipa_bits = cfg->ipa_bits;
	v->start_level = cfg->start_level;
	v->num_start_tables = cfg->num_start_tables;
	v->rtt_base = cfg->rtt_base;
	v->vttbr = ((uint64_t)cfg->vmid << 48) | cfg->rtt_base;
	v->budget = cfg->budget ? cfg->budget : VCPU_DEFAULT_BUDGET;
	/* TWI always: an untrapped WFI returns from uc_emu_start with no
	 * hook, indistinguishable from a budget stop (spike §3.1). */
	v->hcr = HCR_RW | HCR_VM | HCR_IMO | HCR_FMO | HCR_TWI;
	v->hook_limit = 16;     /* the ERET trick must not hit any hook */

	e = take_engine(&v->uc);
	if (e != UC_ERR_OK) {
		set_create_error("uc_open: %s", uc_strerror(e));
		free(v);
		return NULL;
	}

	if (regions_map(v, err, sizeof(err)) != 0) {
		set_create_error("%s", err);
		goto fail;
	}
	/* Hooks before anything is translated: INSN hooks are consulted at
	 * translation time (spike §8.13). */
	if (hooks_install(v) != 0) {
		set_create_error("installing hooks failed");
		goto fail;
	}
	sysreg_write(v, SYS_VMPIDR_EL2, cfg->mpidr);  /* EL1 reads of MPIDR_EL1 */
	if (enter_el1(v, cfg->pc, ps) != 0)
		goto fail;
	pmu_reset(v, cfg->pmu_counters < VCPU_PMU_COUNTERS ? cfg->pmu_counters : VCPU_PMU_COUNTERS);
	if (uc_context_alloc(v->uc, &v->reset_ctx) != UC_ERR_OK ||
	    uc_context_save(v->uc, v->reset_ctx) != UC_ERR_OK) {
		set_create_error("saving the reset context failed");
		goto fail;
	}
	set_entry_regs(v, cfg->pc, cfg->x);
	return v;
fail:
	vcpu_destroy(v);
	return NULL;
}

int vcpu_reset(struct vcpu *v, uint64_t pc, const uint64_t x[8])
{
	if (uc_context_restore(v->uc, v->reset_ctx) != UC_ERR_OK)
		return -1;
	/* The context does not carry QEMU's interrupt_request: rewrite HCR_EL2
	 * so the vIRQ/vFIQ lines are re-evaluated (spike §5). */
	v->hcr &= ~(HCR_VI | HCR_VF);
	sysreg_write(v, SYS_HCR_EL2, v->hcr);
	v->vtimer = (struct timer_regs){ 0 };
	v->ptimer = (struct timer_regs){ 0 };
	pmu_reset(v, v->pmu.counters);
	v->last = (struct vcpu_exit){ 0 };
	v->pc_on_trap_insn = false;
	set_entry_regs(v, pc, x);
	return 0;
}

/*
 * Engines of destroyed vCPUs, closed later.  A sweep's injected run
 * destroys its RECs at teardown and then ends with _exit(): closing an
 * engine (freeing its translation cache and regions, some 12 % of such a
 * run's time) is work the process's exit does anyway.  At most
 * RETIRED_MAX wait (a bound on what a long-lived process holds): the
 * oldest is closed when another comes, the rest at exit().
 */
#define RETIRED_MAX 4

struct retired_engine {
	uc_engine *uc;
	void *cover;		/* the host reservation the engine maps (regions_map) */
	size_t cover_len;
};

static struct retired_engine retired[RETIRED_MAX];
static unsigned int nretired;
static pthread_mutex_t retired_lock = PTHREAD_MUTEX_INITIALIZER;

static void close_engine(struct retired_engine e)
{
	uc_close(e.uc);
	if (e.cover)
		munmap(e.cover, e.cover_len);
}

static void close_idle_engines(void)
{
	pthread_mutex_lock(&retired_lock);
	while (nretired)
		close_engine(retired[--nretired]);
	pthread_mutex_unlock(&retired_lock);
	pthread_mutex_lock(&prepared_lock);
	while (nprepared)
		uc_close(prepared[--nprepared]);
	pthread_mutex_unlock(&prepared_lock);
}

unsigned int vcpu_retired_engines(bool close)
{
	unsigned int n;

	if (close)
		close_idle_engines();
	pthread_mutex_lock(&retired_lock);
	n = nretired;
	pthread_mutex_unlock(&retired_lock);
	return n;
}

static void retire_engine(struct vcpu *v)
{
	struct retired_engine e = { v->uc, v->cover, v->cover_len }, oldest = { 0 };

	pthread_once(&at_exit_once, close_idle_at_exit);
	v->uc = NULL;
	v->cover = NULL;
	pthread_mutex_lock(&retired_lock);
	if (nretired == RETIRED_MAX) {
		oldest = retired[0];
		memmove(&retired[0], &retired[1], (RETIRED_MAX - 1) * sizeof(retired[0]));
		nretired--;
	}
	retired[nretired++] = e;
	pthread_mutex_unlock(&retired_lock);
	if (oldest.uc)
		close_engine(oldest);
}

void vcpu_destroy(struct vcpu *v)
{
	if (!v)
		return;
	if (v->reset_ctx)
		uc_context_free(v->reset_ctx);
	if (v->uc)
		retire_engine(v);
	regions_unmap(v);
	free(v);
}

void vcpu_set_budget(struct vcpu *v, uint64_t instructions)
{
	v->budget = instructions ? instructions : VCPU_DEFAULT_BUDGET;
}

void vcpu_set_poll(struct vcpu *v, vcpu_poll_fn fn, void *ctx, uint64_t slice)
{
	v->poll = fn;
	v->poll_ctx = ctx;
	/* At least 2: a count of n - 1 = 0 would mean "no limit" to Unicorn. */
	v->slice = slice < 2 ? (slice ? 2 : VCPU_DEFAULT_SLICE) : slice;
}
