// SPDX-License-Identifier: BSD-3-Clause
/*
 * The mock kernel's page allocator and its address translations, over the
 * installed machine's arena (host view).  One struct page per 4 KiB arena
 * page; blocks are naturally aligned as the buddy allocator's are and are
 * taken from the top of the arena down, so the bottom stays free for
 * granules a scenario names.
 *
 * Honest where it matters for realm code: virt_to_phys()/phys_to_virt()
 * are exact, and translating a pointer outside the arena, freeing a page
 * the RMM still owns, or freeing a page twice is reported as the bug it is
 * (the test fails and ends).  Fresh pages are poisoned unless __GFP_ZERO,
 * freed ones always but the VMM's (mock_user_pages_alloc()).
 */
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "mock_internal.h"

struct page *alloc_pages(unsigned int gfp, unsigned int order);
void __free_pages(struct page *page, unsigned int order);
unsigned long __get_free_pages(unsigned int gfp, unsigned int order);
unsigned long get_zeroed_page(unsigned int gfp);
void free_pages(unsigned long addr, unsigned int order);
void *alloc_pages_exact(size_t size, unsigned int gfp);
void free_pages_exact(void *virt, size_t size);
void *page_address(const struct page *page);
struct page *virt_to_page(const volatile void *addr);
unsigned long page_to_pfn(const struct page *page);
struct page *pfn_to_page(unsigned long pfn);
int pfn_valid(unsigned long pfn);
uint64_t virt_to_phys(const volatile void *addr);
void *phys_to_virt(uint64_t pa);
void get_page(struct page *page);
void put_page(struct page *page);
int page_count(const struct page *page);
bool mock_virt_addr_valid(const volatile void *addr);

static struct mock_machine *machine(const char *what)
{
	if (!mock_current)
		mock_report_bug("%s with no mock machine installed (no physical memory)", what);
	return mock_current;
}

static uint64_t index_of(const struct page *page)
{
	struct mock_machine *m = machine("struct page use");

	if (page < m->pages || page >= m->pages + m->npages)
		mock_report_bug("struct page pointer %p is not one of the arena's", (const void *)page);
	return (uint64_t)(page - m->pages);
}

static void *va_of(struct mock_machine *m, uint64_t idx)
{
	return m->host + (idx << MOCK_PAGE_SHIFT);
}

static bool run_free(struct mock_machine *m, uint64_t first, unsigned long n)
{
	for (unsigned long i = 0; i < n; i++)
		if (m->pages[first + i].use != PAGE_FREE)
			return false;
	return true;
}

/* mock_page_alloc_fail_from(): blocks of at least this many pages fail; 0: none. */
static unsigned long fail_from_pages;

void mock_page_alloc_fail_from(unsigned long npages)
{
	fail_from_pages = npages;
}

/*
 * vCPU threads allocate and free at once (mock-sync.h): one lock over the
 * page array, recursive because a BUG on the main thread unwinds past it
 * and the case's leak check takes it again.
 */
static pthread_mutex_t page_lock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;

/*
 * Zeroed blocks this large (guest RAM backing) are zeroed by giving their
 * pages back to the arena's memfd (pmem_zero): nothing is written, and no
 * page is faulted in until it is used.
 */
#define ZERO_BY_DISCARD_PAGES	16

/* Must equal __GFP_DIRECT_RECLAIM in kernel/include/linux/gfp_types.h: it may sleep. */
#define MOCK_GFP_DIRECT_RECLAIM	0x400u

static struct page *alloc_block(unsigned long npages, unsigned int align_order, unsigned int gfp,
				void *site);

/* Counts a PAGE_ALLOCATED block in (sign 1) or out (-1) of live_pages and init_live_pages. */
static void page_account(const struct page *head, int sign)
{
	struct mock_machine *m = mock_current;

	m->live_pages += sign * (long)head->npages;
	if (head->init)
		m->init_live_pages += sign * (long)head->npages;
}

struct page *mock_alloc_block(unsigned long npages, unsigned int align_order, unsigned int gfp,
			      void *site)
{
	struct page *p;

	if (gfp & MOCK_GFP_DIRECT_RECLAIM)
		mock_might_sleep(__FILE__, __LINE__);
	pthread_mutex_lock(&page_lock);
	p = alloc_block(npages, align_order, gfp, site);
	pthread_mutex_unlock(&page_lock);
	return p;
}

/* kmalloc's pages: counted as its objects, not as pages (under the lock the counters need). */
struct page *mock_alloc_slab_block(unsigned long npages, unsigned int align_order, void *site)
{
	struct page *p;

	pthread_mutex_lock(&page_lock);
	p = alloc_block(npages, align_order, 0, site);
	if (p) {
		p->use = PAGE_SLAB;
		page_account(p, -1);
	}
	pthread_mutex_unlock(&page_lock);
	return p;
}

static struct page *alloc_block(unsigned long npages, unsigned int align_order, unsigned int gfp,
				void *site)
{
	struct mock_machine *m = machine("page allocation");
	uint64_t align = 1ULL << align_order;
	uint64_t first;

	if (!npages || npages > m->npages || (fail_from_pages && npages >= fail_from_pages))
		return NULL;
	first = (m->npages - npages) & ~(align - 1);
	for (;;) {
		if (run_free(m, first, npages))
			break;
		if (first < align)
			return NULL;
		first -= align;
	}
	for (unsigned long i = 0; i < npages; i++) {
		struct page *p = &m->pages[first + i];

		memset(p, 0, sizeof(*p));
		p->use = i ? PAGE_TAIL : PAGE_ALLOCATED;
	}
	m->pages[first].order = (unsigned char)align_order;
	m->pages[first].npages = npages;
	m->pages[first].refcount = 1;
	m->pages[first].site = site;
	m->pages[first].init = mock_init_allocs;
	page_account(&m->pages[first], 1);
	if (!(gfp & MOCK_GFP_ZERO))
		memset(va_of(m, first), MOCK_ALLOC_POISON, npages << MOCK_PAGE_SHIFT);
	else if (npages < ZERO_BY_DISCARD_PAGES)
		memset(va_of(m, first), 0, npages << MOCK_PAGE_SHIFT);
	else if (pmem_zero(m->pm, m->pa_base + (first << MOCK_PAGE_SHIFT), npages << MOCK_PAGE_SHIFT))
		mock_report_bug("pmem_zero() of a block outside the arena (%lu pages)", npages);
	return &m->pages[first];
}

/* The RMM must have given every page back before the kernel reuses it. */
static void check_ns(struct mock_machine *m, uint64_t idx, unsigned long n, const char *what)
{
	for (unsigned long i = 0; i < n; i++) {
		uint64_t pa = m->pa_base + ((idx + i) << MOCK_PAGE_SHIFT);
		enum granule_state s = m->rmm ? rmm_granule_state(m->rmm, pa) : GRANULE_NS;

		if (s != GRANULE_NS)
			mock_report_bug("%s: PA 0x%" PRIx64 " is still %s in the RMM (its next user would take a Granule Protection Fault)",
					what, pa, granule_state_name(s));
	}
}

static void free_block(struct page *head, const char *what);

void mock_free_block(struct page *head, const char *what)
{
	pthread_mutex_lock(&page_lock);
	free_block(head, what);
	pthread_mutex_unlock(&page_lock);
}

static void free_block(struct page *head, const char *what)
{
	struct mock_machine *m = machine(what);
	uint64_t idx = index_of(head);
	unsigned long n = head->npages;

	if (head->use != PAGE_ALLOCATED && head->use != PAGE_SLAB)
		mock_report_bug("%s: PA 0x%" PRIx64 " is not an allocated block (double free?)", what,
				m->pa_base + (idx << MOCK_PAGE_SHIFT));
	check_ns(m, idx, n, what);
	if (head->use == PAGE_ALLOCATED)
		page_account(head, -1);
	if (!head->user)
		memset(va_of(m, idx), MOCK_ALLOC_POISON, n << MOCK_PAGE_SHIFT);
	for (unsigned long i = 0; i < n; i++) {
		m->quarantine_marks -= m->pages[idx + i].quarantined;
		memset(&m->pages[idx + i], 0, sizeof(struct page));
	}
}

/* Does the RMM hold the granule of arena page idx (any state but NS)? */
static bool rmm_holds(struct mock_machine *m, uint64_t idx)
{
	return m->rmm &&
	       rmm_granule_state(m->rmm, m->pa_base + (idx << MOCK_PAGE_SHIFT)) != GRANULE_NS;
}

/*
 * A block stays allocated on purpose while a page of it was quarantined
 * and the RMM still holds that page.  A quarantined page the RMM gave back
 * after all is an ordinary leak again: nothing keeps it from the allocator
 * but a reference nobody drops.
 */
static unsigned long quarantined_in_block(struct mock_machine *m, uint64_t head)
{
	unsigned long n = 0;

	if (!m->quarantine_marks)
		return 0;
	for (unsigned long i = 0; i < m->pages[head].npages; i++)
		n += m->pages[head + i].quarantined && rmm_holds(m, head + i);
	return n;
}

/*
 * The blocks kept on purpose (see quarantined_in_block): their pages, the
 * init-time ones among them, and the granules of theirs the RMM holds.
 * Only the span of marked pages is looked at.
 */
static void scan_quarantined(struct mock_machine *m, unsigned long *pages, unsigned long *init_pages,
			     unsigned long long *granules)
{
	uint64_t i;

	*pages = *init_pages = 0;
	*granules = 0;
	if (!m || !m->quarantine_marks)
		return;
	for (i = m->quarantine_lo; i > 0 && m->pages[i].use == PAGE_TAIL; i--)
		;
	for (; i <= m->quarantine_hi; i++) {
		unsigned long q;

		if (m->pages[i].use != PAGE_ALLOCATED)
			continue;
		q = quarantined_in_block(m, i);
		if (!q)
			continue;
		*pages += m->pages[i].npages;
		*init_pages += m->pages[i].init ? m->pages[i].npages : 0;
		*granules += q;
	}
}

void mock_count_quarantined(unsigned long *pages, unsigned long long *granules)
{
	unsigned long init_pages;

	scan_quarantined(mock_current, pages, &init_pages, granules);
}

/* Leaks: live blocks neither init-time nor kept on purpose; `report` names each (a full scan). */
unsigned long mock_count_live_pages(bool report)
{
	struct mock_machine *m = mock_current;
	unsigned long n = 0, kept, kept_init, counted;
	unsigned long long granules;

	if (!m)
		return 0;
	scan_quarantined(m, &kept, &kept_init, &granules);
	counted = m->live_pages - m->init_live_pages - (kept - kept_init);
	/* A report scans every page, and checks the counters with what it finds. */
	if (!report)
		return counted;
	for (uint64_t i = 0; i < m->npages; i++) {
		struct page *p = &m->pages[i];
		char sym[128];

		if (p->use != PAGE_ALLOCATED || quarantined_in_block(m, i) || p->init)
			continue;
		n += p->npages;
		mock_symbolize(p->site, sym, sizeof(sym));
		printf("    # leak: %lu page(s) at PA 0x%" PRIx64 " (refcount %d, granule %s), allocated from %s\n",
		       p->npages, m->pa_base + (i << MOCK_PAGE_SHIFT), p->refcount,
		       m->rmm ? granule_state_name(rmm_granule_state(m->rmm, m->pa_base + (i << MOCK_PAGE_SHIFT)))
			      : "-",
		       sym);
	}
	fflush(stdout);
	if (n != counted)
		mock_report_bug("page accounting: %lu leaked pages counted, %lu found", counted, n);
	return n;
}

struct page *alloc_pages(unsigned int gfp, unsigned int order)
{
	return mock_alloc_block(1UL << order, order, gfp, __builtin_return_address(0));
}

static void release(struct page *page, const char *what)
{
	pthread_mutex_lock(&page_lock);
	if (page->use != PAGE_ALLOCATED)
		mock_report_bug("%s of a page that is not the head of an allocated block", what);
	if (page->refcount <= 0)
		mock_report_bug("%s: page refcount underflow", what);
	if (--page->refcount == 0)
		free_block(page, what);
	pthread_mutex_unlock(&page_lock);
}

void __free_pages(struct page *page, unsigned int order)
{
	if (!page)
		return;
	index_of(page);
	if (page->use == PAGE_ALLOCATED && page->order != order)
		mock_report_bug("__free_pages() with order %u of a block of order %u", order,
				page->order);
	release(page, "__free_pages()");
}

unsigned long __get_free_pages(unsigned int gfp, unsigned int order)
{
	struct page *p = mock_alloc_block(1UL << order, order, gfp, __builtin_return_address(0));

	return p ? (unsigned long)page_address(p) : 0;
}

unsigned long get_zeroed_page(unsigned int gfp)
{
	struct page *p = mock_alloc_block(1, 0, gfp | MOCK_GFP_ZERO, __builtin_return_address(0));

	return p ? (unsigned long)page_address(p) : 0;
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		__free_pages(virt_to_page((void *)addr), order);
}

static unsigned int order_of(size_t size)
{
	unsigned int order = 0;

	while ((MOCK_PAGE_SIZE << order) < size)
		order++;
	return order;
}

void *alloc_pages_exact(size_t size, unsigned int gfp)
{
	unsigned long n = (size + MOCK_PAGE_SIZE - 1) >> MOCK_PAGE_SHIFT;
	struct page *p = mock_alloc_block(n, order_of(size), gfp, __builtin_return_address(0));

	return p ? page_address(p) : NULL;
}

void free_pages_exact(void *virt, size_t size)
{
	struct page *p;

	if (!virt)
		return;
	p = virt_to_page(virt);
	if (p->use != PAGE_ALLOCATED || p->user ||
	    p->npages != (size + MOCK_PAGE_SIZE - 1) >> MOCK_PAGE_SHIFT)
		mock_report_bug("free_pages_exact(%p, %zu) does not match an alloc_pages_exact() block",
				virt, size);
	release(p, "free_pages_exact()");
}

void *mock_user_pages_alloc(unsigned long size)
{
	unsigned long n = (size + MOCK_PAGE_SIZE - 1) >> MOCK_PAGE_SHIFT;
	/* Aligned as alloc_pages_exact() would: block mappings of guest RAM stay possible. */
	struct page *p = mock_alloc_block(n, order_of(size), MOCK_GFP_ZERO,
					  __builtin_return_address(0));

	if (!p)
		return NULL;
	p->user = true;
	return page_address(p);
}

void mock_user_pages_free(void *addr, unsigned long size)
{
	struct page *p;

	if (!addr)
		return;
	p = virt_to_page(addr);
	if (p->use != PAGE_ALLOCATED || !p->user ||
	    p->npages != (size + MOCK_PAGE_SIZE - 1) >> MOCK_PAGE_SHIFT)
		mock_report_bug("mock_user_pages_free(%p, %lu) does not match a mock_user_pages_alloc() block",
				addr, size);
	release(p, "mock_user_pages_free()");
}

void *page_address(const struct page *page)
{
	return va_of(mock_current, index_of(page));
}

bool mock_virt_addr_valid(const volatile void *addr)
{
	struct mock_machine *m = mock_current;
	const uint8_t *p = (const uint8_t *)addr;

	return m && p >= m->host && p < m->host + (m->npages << MOCK_PAGE_SHIFT);
}

uint64_t virt_to_phys(const volatile void *addr)
{
	struct mock_machine *m = machine("virt_to_phys()");
	const uint8_t *p = (const uint8_t *)addr;

	if (p < m->host || p >= m->host + (m->npages << MOCK_PAGE_SHIFT))
		mock_report_bug("virt_to_phys(%p): not a linear-map address (not in the arena)",
				(const void *)p);
	return m->pa_base + (uint64_t)(p - m->host);
}

void *phys_to_virt(uint64_t pa)
{
	struct mock_machine *m = machine("phys_to_virt()");

	if (pa < m->pa_base || pa - m->pa_base >= (m->npages << MOCK_PAGE_SHIFT))
		mock_report_bug("phys_to_virt(0x%" PRIx64 "): not RAM (outside the arena)", pa);
	return m->host + (pa - m->pa_base);
}

struct page *virt_to_page(const volatile void *addr)
{
	struct mock_machine *m = mock_current;

	return &m->pages[(virt_to_phys(addr) - m->pa_base) >> MOCK_PAGE_SHIFT];
}

unsigned long page_to_pfn(const struct page *page)
{
	uint64_t idx = index_of(page);

	return (unsigned long)((mock_current->pa_base >> MOCK_PAGE_SHIFT) + idx);
}

int pfn_valid(unsigned long pfn)
{
	struct mock_machine *m = mock_current;
	uint64_t base = m ? m->pa_base >> MOCK_PAGE_SHIFT : 0;

	return m && pfn >= base && pfn - base < m->npages;
}

struct page *pfn_to_page(unsigned long pfn)
{
	if (!pfn_valid(pfn))
		mock_report_bug("pfn_to_page(0x%lx): no such page (outside the arena)", pfn);
	return &mock_current->pages[pfn - (mock_current->pa_base >> MOCK_PAGE_SHIFT)];
}

/* The head page of the block p belongs to. */
static struct page *head_of(struct page *p)
{
	while (p->use == PAGE_TAIL && p > mock_current->pages)
		p--;
	return p;
}

/*
 * A reference taken on a page the RMM still holds can only be the host
 * keeping it from the allocator after the RMM refused it back (the
 * kernel's leak-on-failure): the page is quarantined, reported apart
 * from leaks for as long as the RMM holds it.
 */
void get_page(struct page *page)
{
	struct page *head;
	uint64_t idx = index_of(page);

	pthread_mutex_lock(&page_lock);
	head = head_of(page);
	if (head->use != PAGE_ALLOCATED)
		mock_report_bug("get_page() of a free page");
	head->refcount++;
	if (rmm_holds(mock_current, idx) && !page->quarantined) {
		struct mock_machine *m = mock_current;

		page->quarantined = true;
		if (!m->quarantine_marks++)
			m->quarantine_lo = m->quarantine_hi = idx;
		m->quarantine_lo = idx < m->quarantine_lo ? idx : m->quarantine_lo;
		m->quarantine_hi = idx > m->quarantine_hi ? idx : m->quarantine_hi;
	}
	pthread_mutex_unlock(&page_lock);
}

void put_page(struct page *page)
{
	index_of(page);
	release(head_of(page), "put_page()");
}

int page_count(const struct page *page)
{
	index_of(page);
	return head_of((struct page *)page)->refcount;
}

bool mock_init_allocs;

void mock_init_allocs_begin(void)
{
	mock_init_allocs = true;
	slab_set_init(true);
}

void mock_init_allocs_end(void)
{
	mock_init_allocs = false;
	slab_set_init(false);
}
