/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The mock kernel's machine: the arena (struct pmem) that stands for
 * physical memory, the fake RMM behind the SMCCC seam, and the per-run
 * accounting (pages and kmalloc objects not freed, WARNs, BUGs).
 *
 * World-neutral: only compiler headers and plain C types, so hosted code
 * (the scenario host, the KUnit case hooks) and kernel-world code (the
 * harness, the suites) include the same declarations.
 *
 * One machine is installed at a time (per process: every KUnit case runs in
 * its own forked child).  While one is installed the page allocator and
 * kmalloc draw from its arena; before that kmalloc falls back to the C heap.
 */
#ifndef CCA_DOUBLE_MOCK_KERNEL_H
#define CCA_DOUBLE_MOCK_KERNEL_H

#include <stdbool.h>
#include <stddef.h>

struct pmem;
struct rmm;

struct mock_machine_config {
	const char *profile;		/* fake RMM profile (spec/<profile>.yaml); NULL: "1.0" */
	unsigned long long arena_size;	/* bytes; 0: 256 MiB */
	unsigned long long rec_insn_budget;	/* guest instructions per REC_ENTER; 0: RMM default */
};

/* What a machine left behind when it was torn down. */
struct mock_leaks {
	unsigned long pages;		/* pages from the page allocator not freed */
	unsigned long objects;		/* kmalloc objects not freed */
	unsigned long long granules;	/* granules not back to NS (RMM), quarantined ones aside */
	/*
	 * Kept on purpose: pages the host took a reference on (get_page) while
	 * the RMM held them, after the RMM refused to give them back (the
	 * kernel's leak-on-failure), and the granules of those pages the RMM
	 * still holds.  Not leaks; reported as "N pages quarantined after RMI
	 * failures".
	 */
	unsigned long quarantined_pages;
	unsigned long long quarantined_granules;
};

/*
 * Creates an arena and a fake RMM and installs them.  Returns 0, or -1 with
 * a message in err.
 */
int mock_machine_create(const struct mock_machine_config *cfg, char *err, size_t errlen);
/* Installs an arena and RMM owned by the caller (the scenario runner). */
int mock_machine_attach(struct rmm *rmm, struct pmem *pm, char *err, size_t errlen);
bool mock_machine_installed(void);
/* Installed by mock_machine_create() (not attached)? */
bool mock_machine_owned(void);
/*
 * Counts what is left (optionally printing a report of each leaked page and
 * object with its allocation site), then uninstalls the machine, destroying
 * the arena and RMM if mock_machine_create() made them.
 */
void mock_machine_teardown(struct mock_leaks *leaks, bool report);
/* The same count without tearing down. */
void mock_machine_leaks(struct mock_leaks *leaks, bool report);
/* Only its quarantined_pages and quarantined_granules. */
void mock_machine_quarantined(unsigned long *pages, unsigned long long *granules);

struct rmm *mock_rmm(void);
/* The arena as physical memory: [base, base + size). */
unsigned long long mock_arena_base(void);
unsigned long long mock_arena_size(void);
struct pmem *mock_pmem(void);
/* Counts machines installed in this process (tells a new RMM from a reused address). */
unsigned long mock_machine_generation(void);

/*
 * Page allocations of at least `npages` pages fail (return NULL) from now
 * on; 0: none fail (the default, restored before each KUnit case).  For
 * host paths that must survive a large allocation failing, such as an RMM
 * asking for 2 MiB blocks.
 */
void mock_page_alloc_fail_from(unsigned long npages);

/*
 * The VMM's own memory (guest RAM backing, user buffers): zeroed pages of
 * the arena, as an anonymous mmap gives, so the kernel's translations of
 * user addresses hold.  Freed without poisoning, unlike the kernel's pages:
 * munmap gives it to nothing the kernel could mistake for its own, and a
 * sweep's every run would otherwise rewrite megabytes nobody reads again.
 * A block not freed is a leak as any other.
 */
void *mock_user_pages_alloc(unsigned long size);
void mock_user_pages_free(void *addr, unsigned long size);

/*
 * Allocations made between these live as long as the kernel, as what KVM's
 * init or an initcall allocates does (v12's VMID bitmap): the per-case and
 * per-run leak checks leave them out.  harness_kvm_init() brackets KVM init
 * with them.
 */
void mock_init_allocs_begin(void);
void mock_init_allocs_end(void);

/* ---- WARN / BUG accounting (per run; reset by mock_warn_reset()) ---- */

unsigned int mock_warn_count(void);
/* Declares that the running test expects exactly n WARNs (default 0). */
void mock_warn_expect(unsigned int n);
unsigned int mock_warn_expected(void);
void mock_warn_reset(void);
/*
 * The running test leaks on purpose (it makes the RMM refuse to give
 * memory back): leaks are reported but do not fail it.  Reset per case.
 */
void mock_leak_allow(void);
bool mock_leak_allowed(void);
unsigned int mock_bug_count(void);

/*
 * The KUnit case hooks: before each case the counters reset; after it, an
 * unexpected WARN count, leaked pages/objects/granules fail the case, and
 * an installed machine is torn down.  Registered by a constructor in the
 * mock kernel library; exposed for runners that build suites at run time.
 */
void mock_kernel_register_kunit_hooks(void);

#endif
