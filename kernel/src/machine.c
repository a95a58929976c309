// SPDX-License-Identifier: BSD-3-Clause
/*
 * The installed machine: arena + fake RMM, and kmalloc's page source over
 * that arena.  See cca-double/mock-kernel.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kunit/test-bug.h>

#include "mock_internal.h"

struct mock_machine *mock_current;
static unsigned long generation;

unsigned long mock_machine_generation(void)
{
	return generation;
}

static void *slab_pages(unsigned long npages, void *site)
{
	unsigned int order = 0;
	struct page *p;

	while ((1UL << order) < npages)
		order++;
	p = mock_alloc_slab_block(npages, order, site);
	if (!p)
		return NULL;
	return mock_current->host + ((uint64_t)(p - mock_current->pages) << MOCK_PAGE_SHIFT);
}

static void slab_free_pages(void *addr)
{
	struct mock_machine *m = mock_current;
	struct page *p = &m->pages[((uint8_t *)addr - m->host) >> MOCK_PAGE_SHIFT];

	mock_free_block(p, "kfree()");
}

static bool slab_owns(const void *addr)
{
	struct mock_machine *m = mock_current;
	const uint8_t *p = addr;

	return m && p >= m->host && p < m->host + (m->npages << MOCK_PAGE_SHIFT);
}

static void __attribute__((noreturn)) slab_bug(const char *msg, const void *addr)
{
	mock_report_bug("%s (%p)", msg, addr);
}

static const char *slab_symbolize(void *site, char *buf, size_t len)
{
	return mock_symbolize(site, buf, len);
}

static const struct slab_page_source arena_source = {
	.alloc = slab_pages,
	.free = slab_free_pages,
	.owns = slab_owns,
	.symbolize = slab_symbolize,
	.bug = slab_bug,
};

static int install(struct rmm *rmm, struct pmem *pm, bool owned, char *err, size_t errlen)
{
	struct mock_machine *m;

	if (mock_current) {
		snprintf(err, errlen, "a mock machine is already installed");
		return -1;
	}
	m = calloc(1, sizeof(*m));
	if (!m)
		goto nomem;
	m->pm = pm;
	m->rmm = rmm;
	m->owned = owned;
	m->pa_base = pmem_pa_base(pm);
	m->npages = pmem_size(pm) >> MOCK_PAGE_SHIFT;
	m->host = pmem_host_ptr(pm, m->pa_base);
	m->pages = calloc(m->npages, sizeof(*m->pages));
	if (!m->pages) {
		free(m);
		goto nomem;
	}
	mock_current = m;
	generation++;
	slab_set_page_source(&arena_source);
	mock_warn_reset();
	mock_lockdep_reset();
	/* kvm_vcpu_kick()'s IPI reaches the REC_ENTER running on the kicked CPU (sync.c). */
	if (owned)
		rmm_set_host_irq_poll(rmm, mock_cpu_take_ipi, NULL);
	return 0;
nomem:
	snprintf(err, errlen, "out of memory");
	return -1;
}

/* A GPF in a KUnit case: the report, then the case fails and ends. */
static void gpf_hook(const struct pmem_gpf *gpf, void *ctx)
{
	(void)ctx;
	fflush(stdout);
	pmem_gpf_report(gpf, 1);
	kunit_abort_current_test("Granule Protection Fault: host %s of PA 0x%llx (granule %s)",
				 gpf->write ? "write" : "read", (unsigned long long)gpf->pa,
				 gpf->state ? gpf->state : "?");
}

int mock_machine_create(const struct mock_machine_config *cfg, char *err, size_t errlen)
{
	struct pmem_config pc = { 0 };
	struct rmm_config rc = { 0 };
	struct pmem *pm;
	struct rmm *rmm;

	pc.size = cfg ? cfg->arena_size : 0;
	pm = pmem_create(&pc, err, errlen);
	if (!pm)
		return -1;
	rc.profile = cfg && cfg->profile ? cfg->profile : "1.0";
	rc.pmem = pm;
	rc.rec_insn_budget = cfg ? cfg->rec_insn_budget : 0;
	rmm = rmm_create(&rc, err, errlen);
	if (!rmm) {
		pmem_destroy(pm);
		return -1;
	}
	if (install(rmm, pm, true, err, errlen)) {
		rmm_destroy(rmm);
		pmem_destroy(pm);
		return -1;
	}
	pmem_set_gpf_hook(gpf_hook, NULL);
	return 0;
}

int mock_machine_attach(struct rmm *rmm, struct pmem *pm, char *err, size_t errlen)
{
	return install(rmm, pm, false, err, errlen);
}

bool mock_machine_installed(void)
{
	return mock_current != NULL;
}

bool mock_machine_owned(void)
{
	return mock_current && mock_current->owned;
}

struct rmm *mock_rmm(void)
{
	return mock_current ? mock_current->rmm : NULL;
}

struct pmem *mock_pmem(void)
{
	return mock_current ? mock_current->pm : NULL;
}

void mock_machine_leaks(struct mock_leaks *leaks, bool report)
{
	struct mock_leaks l = { 0 };

	if (mock_current) {
		l.pages = mock_count_live_pages(report);
		l.objects = slab_count_live(report);
		mock_count_quarantined(&l.quarantined_pages, &l.quarantined_granules);
		l.granules = mock_current->rmm ? rmm_granules_not_ns(mock_current->rmm) : 0;
		l.granules -= l.quarantined_granules;
	}
	if (leaks)
		*leaks = l;
}

void mock_machine_quarantined(unsigned long *pages, unsigned long long *granules)
{
	mock_count_quarantined(pages, granules);
}

void mock_machine_teardown(struct mock_leaks *leaks, bool report)
{
	struct mock_machine *m = mock_current;

	mock_machine_leaks(leaks, report);
	if (!m)
		return;
	slab_set_page_source(NULL);
	mock_current = NULL;
	if (m->owned) {
		pmem_set_gpf_hook(NULL, NULL);
		rmm_destroy(m->rmm);
		pmem_destroy(m->pm);
	}
	free(m->pages);
	free(m);
}

unsigned long long mock_arena_base(void)
{
	return mock_current ? mock_current->pa_base : 0;
}

unsigned long long mock_arena_size(void)
{
	return mock_current ? mock_current->npages << MOCK_PAGE_SHIFT : 0;
}
