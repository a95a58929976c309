/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Physical memory: one arena (a memfd) standing for the PAs
 * [pa_base, pa_base + size), mapped twice.
 *
 *   host view - what the mock kernel (the "host") touches.  A granule that is
 *               not in the NS state is PROT_NONE here, so a host access is a
 *               Granule Protection Fault, caught and reported.
 *   RMM view  - what the fake RMM and the realm vCPU touch; always RW.
 *
 * Granules are 4 KiB.  The default PA base (1 TiB) keeps the arena clear of
 * the IPA range most realms use, so the vCPU can map both into Unicorn's one
 * address space (fake-rmm/vcpu/).
 */
#ifndef CCA_DOUBLE_PMEM_H
#define CCA_DOUBLE_PMEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PMEM_GRANULE_SHIFT 12
#define PMEM_GRANULE_SIZE (1ULL << PMEM_GRANULE_SHIFT)
#define PMEM_DEFAULT_SIZE (256ULL << 20)
#define PMEM_DEFAULT_PA_BASE (1ULL << 40)

struct pmem;

struct pmem_config {
	uint64_t size;		/* bytes, granule multiple; 0 = 256 MiB */
	uint64_t pa_base;	/* granule aligned, below 2^48; 0 = 1 TiB */
	/*
	 * Make non-NS granules PROT_NONE in the host view (GPF detection).
	 * Costs an mprotect per state change; benchmarks may turn it off.
	 */
	bool no_gpf_protection;
	/*
	 * Where the host view goes: NULL anywhere; else this address (granule
	 * aligned, free - an occupied range is an error, never replaced), for
	 * a harness that assumes a VA it knows, such as PA == VA with
	 * host_va = pa_base.  GPF protection works on it as on any host view.
	 */
	void *host_va;
};

/* NULL config means defaults.  Returns NULL with `err` filled on failure. */
struct pmem *pmem_create(const struct pmem_config *cfg, char *err, size_t errlen);
void pmem_destroy(struct pmem *pm);

uint64_t pmem_pa_base(const struct pmem *pm);
uint64_t pmem_size(const struct pmem *pm);
uint64_t pmem_ngranules(const struct pmem *pm);

/* True if [pa, pa + len) lies inside the arena (len may be 0). */
bool pmem_contains(const struct pmem *pm, uint64_t pa, uint64_t len);
/* Views; NULL if pa is outside the arena. */
void *pmem_host_ptr(const struct pmem *pm, uint64_t pa);
void *pmem_rmm_ptr(const struct pmem *pm, uint64_t pa);
/* Host-view pointer back to its PA; returns false if outside the arena. */
bool pmem_host_to_pa(const struct pmem *pm, const void *host, uint64_t *pa);
/* The RMM view's base (for the vCPU, which maps the whole arena). */
void *pmem_rmm_base(const struct pmem *pm);

/*
 * Makes [pa, pa + len) read as zeros in both views.  Whole pages go back
 * to the memfd as holes: none is written or faulted in now, and an arena
 * copy (pmem_copy) skips them; the partial pages at either end are
 * written.  -1 (and nothing changed) if the range is not in the arena.
 */
int pmem_zero(struct pmem *pm, uint64_t pa, uint64_t len);

/*
 * Host access to one granule: allowed only while it is NS.  Returns 0, or
 * -1 if the protection could not be changed (too many mappings: the
 * protection of this granule is then lost and pmem_protection_degraded()
 * says so).
 */
int pmem_set_host_access(struct pmem *pm, uint64_t pa, bool allowed);
/* The same for every granule of [pa, pa + len), in one mprotect. */
int pmem_set_host_access_range(struct pmem *pm, uint64_t pa, uint64_t len, bool allowed);
/*
 * The first run of granules at or after arena offset `from` whose host
 * view denies access now (the calls above that succeeded): true with the
 * run as arena offsets [*start, *end), false if there is none.
 */
bool pmem_denied_run(const struct pmem *pm, uint64_t from, uint64_t *start, uint64_t *end);
bool pmem_protection_degraded(const struct pmem *pm);

/*
 * An arena of its own for a forked child (fault sweeps branch runs this
 * way, pmem_fork.c).  Before fork(), while no other process writes the
 * arena, pmem_copy() makes the memfd `fd` hold the arena's contents and
 * returns it: fd < 0 makes a new memfd, an earlier copy whose child has
 * ended is reused (its pages are overwritten or zeroed, not freed and
 * allocated again).  After the fork the child calls pmem_adopt() with it,
 * which maps the copy over both views at the same addresses with the same
 * host-view protections.  From then on neither process sees the other's
 * writes.  The parent keeps the descriptor (to reuse, or close).
 * pmem_copy() returns the descriptor or -1, pmem_adopt() 0 or -1, both
 * with `err`; after a failed pmem_adopt() the arena may be half-mapped
 * and the child must not go on.
 */
int pmem_copy(const struct pmem *pm, int fd, char *err, size_t errlen);
int pmem_adopt(struct pmem *pm, int fd, char *err, size_t errlen);
/*
 * on: host-view pages made accessible again (pmem_set_host_access*()) are
 * mapped at once, one madvise for the range, rather than by a page fault
 * each as the host writes them (it poisons a page it frees).  For a host
 * view mapped afresh, whose protected pages have no page-table entries:
 * pmem_adopt() turns it on.  Only a matter of speed.
 */
void pmem_populate_on_allow(struct pmem *pm, bool on);
/*
 * The memfd behind both views (for pmem_copy(), or a harness's own view):
 * file offset = PA - pmem_pa_base().  A mapping the caller makes of it
 * has no GPF protection; the host view does.
 */
int pmem_memfd(const struct pmem *pm);

/* ---- Granule Protection Faults ---- */

struct pmem_gpf {
	struct pmem *pmem;
	uint64_t pa;
	void *host_addr;
	bool write;
	const char *state;	/* granule state name, from the namer */
};

/* Gives the state name of a granule for GPF reports (set by the RMM). */
typedef const char *(*pmem_state_namer)(void *ctx, uint64_t pa);
void pmem_set_state_namer(struct pmem *pm, pmem_state_namer fn, void *ctx);

/*
 * Called from the SIGSEGV handler for a host access to a protected granule.
 * The default hook prints the report (PA, state, backtrace) to stderr and
 * aborts; test runners install one that fails the current test.  A hook
 * must not return (longjmp, _exit or abort); if it does, pmem aborts.
 */
typedef void (*pmem_gpf_hook)(const struct pmem_gpf *gpf, void *ctx);
void pmem_set_gpf_hook(pmem_gpf_hook fn, void *ctx);
/* Writes the standard report (with a backtrace) to fd; async-signal-safe enough. */
void pmem_gpf_report(const struct pmem_gpf *gpf, int fd);
/*
 * Replaces the report's raw backtrace (glibc's backtrace_symbols_fd) with
 * `fn`, which writes one to fd from inside the SIGSEGV handler; NULL for
 * the raw one.  The mock kernel installs its symbolizing one.
 */
typedef void (*pmem_backtrace_writer)(int fd);
void pmem_set_backtrace_writer(pmem_backtrace_writer fn);
/* Number of GPFs seen in this process. */
unsigned long pmem_gpf_count(void);

#endif
