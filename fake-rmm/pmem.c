// SPDX-License-Identifier: BSD-3-Clause
/*
 * Physical memory arena: a memfd mapped twice (host view and RMM view), and
 * the SIGSEGV handler that turns host accesses to non-NS granules into
 * Granule Protection Fault reports.
 */
#define _GNU_SOURCE
#include <cca-double/pmem.h>

#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

#define MAX_ARENAS 16

struct pmem {
	uint64_t pa_base, size;
	uint8_t *host, *rmm;
	int fd;
	bool protect;
	bool degraded;
	bool populate_on_allow;		/* pmem_populate_on_allow() */
	/*
	 * A bit per granule whose host-view page is PROT_NONE now, set and
	 * cleared where the mprotect() succeeded: what pmem_adopt() puts back
	 * on a new mapping (NULL without protection).  Atomic: RMI calls on
	 * other CPUs change granules of the same word at once.
	 */
	_Atomic uint64_t *denied;
	pmem_state_namer namer;
	void *namer_ctx;
};

/* Arenas the SIGSEGV handler knows about. */
static struct pmem *arenas[MAX_ARENAS];
static struct sigaction old_segv;
static bool handler_installed;
static pmem_gpf_hook gpf_hook;
static void *gpf_hook_ctx;
static volatile unsigned long gpf_count;
static pmem_backtrace_writer backtrace_writer;

static void errf(char *err, size_t len, const char *fmt, ...)
{
	va_list ap;

	if (!err || !len)
		return;
	va_start(ap, fmt);
	vsnprintf(err, len, fmt, ap);
	va_end(ap);
}

static void write_str(int fd, const char *s)
{
	ssize_t r = write(fd, s, strlen(s));

	(void)r;
}

void pmem_gpf_report(const struct pmem_gpf *g, int fd)
{
	char line[256];
	void *frames[32];
	int n;

	snprintf(line, sizeof(line),
		 "Granule Protection Fault: host %s of PA 0x%llx (host address %p), granule state %s\n",
		 g->write ? "write" : "read", (unsigned long long)g->pa, g->host_addr,
		 g->state ? g->state : "not NS");
	write_str(fd, line);
	write_str(fd, "backtrace:\n");
	if (backtrace_writer) {
		backtrace_writer(fd);
		return;
	}
	n = backtrace(frames, 32);
	backtrace_symbols_fd(frames, n, fd);
}

void pmem_set_backtrace_writer(pmem_backtrace_writer fn)
{
	backtrace_writer = fn;
}

static void default_hook(const struct pmem_gpf *g, void *ctx)
{
	pmem_gpf_report(g, STDERR_FILENO);
	abort();
}

static void install_handler(void);

void pmem_set_gpf_hook(pmem_gpf_hook fn, void *ctx)
{
	gpf_hook = fn;
	gpf_hook_ctx = ctx;
	install_handler();
}

unsigned long pmem_gpf_count(void)
{
	return gpf_count;
}

static void chain_old(int sig, siginfo_t *si, void *uc)
{
	if (old_segv.sa_flags & SA_SIGINFO) {
		if (old_segv.sa_sigaction) {
			old_segv.sa_sigaction(sig, si, uc);
			return;
		}
	} else if (old_segv.sa_handler != SIG_IGN && old_segv.sa_handler != SIG_DFL) {
		old_segv.sa_handler(sig);
		return;
	}
	/* Default action: die with SIGSEGV. */
	signal(SIGSEGV, SIG_DFL);
	raise(SIGSEGV);
}

static void segv_handler(int sig, siginfo_t *si, void *ucv)
{
	uint8_t *addr = si->si_addr;

	for (int i = 0; i < MAX_ARENAS; i++) {
		struct pmem *pm = arenas[i];
		struct pmem_gpf g;

		if (!pm || addr < pm->host || addr >= pm->host + pm->size)
			continue;
		g.pmem = pm;
		g.host_addr = addr;
		g.pa = pm->pa_base + (uint64_t)(addr - pm->host);
		g.write = false;
#if defined(__x86_64__)
		/* Page-fault error code bit 1: the access was a write. */
		g.write = (((ucontext_t *)ucv)->uc_mcontext.gregs[REG_ERR] & 2) != 0;
#endif
		g.state = pm->namer ? pm->namer(pm->namer_ctx, g.pa & ~(PMEM_GRANULE_SIZE - 1)) : NULL;
		gpf_count++;
		(gpf_hook ? gpf_hook : default_hook)(&g, gpf_hook_ctx);
		abort();	/* hooks must not return */
	}
	chain_old(sig, si, ucv);
}

/*
 * (Re)installs the SIGSEGV handler unless it is the current one: test
 * frameworks (cmocka, the KUnit runner) install their own around each test,
 * and the previous handler is chained to for faults outside the arenas.
 */
static void install_handler(void)
{
	struct sigaction sa, cur;

	if (handler_installed && !sigaction(SIGSEGV, NULL, &cur) &&
	    (cur.sa_flags & SA_SIGINFO) && cur.sa_sigaction == segv_handler)
		return;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = segv_handler;
	sa.sa_flags = SA_SIGINFO | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, &old_segv);
	handler_installed = true;
}

/*
 * The host view, at host_va if asked: MAP_FIXED_NOREPLACE never replaces
 * what is there (a kernel that does not know the flag takes it as a hint,
 * hence the address check).
 */
static void *map_host_view(struct pmem *pm, void *host_va, char *err, size_t errlen)
{
	void *p;

	if (!host_va)
		return mmap(NULL, pm->size, PROT_READ | PROT_WRITE, MAP_SHARED, pm->fd, 0);
	if ((uintptr_t)host_va % PMEM_GRANULE_SIZE) {
		errf(err, errlen, "host_va %p is not 4 KiB aligned", host_va);
		return MAP_FAILED;
	}
	p = mmap(host_va, pm->size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED_NOREPLACE,
		 pm->fd, 0);
	if (p != MAP_FAILED && p != host_va) {
		munmap(p, pm->size);
		p = MAP_FAILED;
		errno = EEXIST;
	}
	if (p == MAP_FAILED)
		errf(err, errlen, "host_va [%p, +0x%llx): %s", host_va,
		     (unsigned long long)pm->size,
		     errno == EEXIST ? "already mapped" : strerror(errno));
	return p;
}

struct pmem *pmem_create(const struct pmem_config *cfg, char *err, size_t errlen)
{
	struct pmem_config def = { 0 };
	struct pmem *pm;
	int slot = -1;

	if (!cfg)
		cfg = &def;
	pm = calloc(1, sizeof(*pm));
	if (!pm) {
		errf(err, errlen, "out of memory");
		return NULL;
	}
	pm->size = cfg->size ? cfg->size : PMEM_DEFAULT_SIZE;
	pm->pa_base = cfg->pa_base ? cfg->pa_base : PMEM_DEFAULT_PA_BASE;
	pm->protect = !cfg->no_gpf_protection;
	pm->fd = -1;
	if (pm->size % PMEM_GRANULE_SIZE || pm->pa_base % PMEM_GRANULE_SIZE) {
		errf(err, errlen, "arena size 0x%llx and PA base 0x%llx must be 4 KiB multiples",
		     (unsigned long long)pm->size, (unsigned long long)pm->pa_base);
		goto fail;
	}
	if (pm->size > (64ULL << 30) || pm->pa_base + pm->size > (1ULL << 48) ||
	    pm->pa_base + pm->size < pm->pa_base) {
		errf(err, errlen, "arena [0x%llx, +0x%llx) must lie below 2^48 and be at most 64 GiB",
		     (unsigned long long)pm->pa_base, (unsigned long long)pm->size);
		goto fail;
	}
	for (int i = 0; i < MAX_ARENAS; i++)
		if (!arenas[i]) {
			slot = i;
			break;
		}
	if (slot < 0) {
		errf(err, errlen, "too many arenas (at most %d)", MAX_ARENAS);
		goto fail;
	}
	if (pm->protect &&
	    !(pm->denied = calloc((pm->size / PMEM_GRANULE_SIZE + 63) / 64, sizeof(uint64_t)))) {
		errf(err, errlen, "out of memory");
		goto fail;
	}
	pm->fd = memfd_create("cca-double-pmem", MFD_CLOEXEC);
	if (pm->fd < 0 || ftruncate(pm->fd, (off_t)pm->size)) {
		errf(err, errlen, "memfd: %s", strerror(errno));
		goto fail;
	}
	pm->host = map_host_view(pm, cfg->host_va, err, errlen);
	pm->rmm = mmap(NULL, pm->size, PROT_READ | PROT_WRITE, MAP_SHARED, pm->fd, 0);
	if (pm->host == MAP_FAILED && cfg->host_va)
		goto fail;		/* map_host_view said why */
	if (pm->host == MAP_FAILED || pm->rmm == MAP_FAILED) {
		errf(err, errlen, "mmap of %llu bytes: %s", (unsigned long long)pm->size,
		     strerror(errno));
		goto fail;
	}
	install_handler();
	arenas[slot] = pm;
	return pm;
fail:
	if (pm->host && pm->host != MAP_FAILED)
		munmap(pm->host, pm->size);
	if (pm->rmm && pm->rmm != MAP_FAILED)
		munmap(pm->rmm, pm->size);
	if (pm->fd >= 0)
		close(pm->fd);
	free((void *)pm->denied);
	free(pm);
	return NULL;
}

void pmem_destroy(struct pmem *pm)
{
	if (!pm)
		return;
	for (int i = 0; i < MAX_ARENAS; i++)
		if (arenas[i] == pm)
			arenas[i] = NULL;
	munmap(pm->host, pm->size);
	munmap(pm->rmm, pm->size);
	close(pm->fd);
	free((void *)pm->denied);
	free(pm);
}

int pmem_memfd(const struct pmem *pm)
{
	return pm->fd;
}

int pmem_zero(struct pmem *pm, uint64_t pa, uint64_t len)
{
	uint64_t off = pa - pm->pa_base, first, last;

	if (!pmem_contains(pm, pa, len))
		return -1;
	first = (off + PMEM_GRANULE_SIZE - 1) & ~(uint64_t)(PMEM_GRANULE_SIZE - 1);
	last = (off + len) & ~(uint64_t)(PMEM_GRANULE_SIZE - 1);
	if (first >= last) {
		memset(pm->rmm + off, 0, len);
		return 0;
	}
	memset(pm->rmm + off, 0, first - off);
	memset(pm->rmm + last, 0, off + len - last);
	/* A kernel without hole punching on memfds: write the zeros. */
	if (fallocate(pm->fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, (off_t)first,
		      (off_t)(last - first)))
		memset(pm->rmm + first, 0, last - first);
	return 0;
}

uint64_t pmem_pa_base(const struct pmem *pm)
{
	return pm->pa_base;
}

uint64_t pmem_size(const struct pmem *pm)
{
	return pm->size;
}

uint64_t pmem_ngranules(const struct pmem *pm)
{
	return pm->size >> PMEM_GRANULE_SHIFT;
}

bool pmem_contains(const struct pmem *pm, uint64_t pa, uint64_t len)
{
	return pa >= pm->pa_base && pa - pm->pa_base <= pm->size &&
	       len <= pm->size - (pa - pm->pa_base) && (len || pa - pm->pa_base < pm->size);
}

void *pmem_host_ptr(const struct pmem *pm, uint64_t pa)
{
	return pmem_contains(pm, pa, 0) ? pm->host + (pa - pm->pa_base) : NULL;
}

void *pmem_rmm_ptr(const struct pmem *pm, uint64_t pa)
{
	return pmem_contains(pm, pa, 0) ? pm->rmm + (pa - pm->pa_base) : NULL;
}

void *pmem_rmm_base(const struct pmem *pm)
{
	return pm->rmm;
}

bool pmem_host_to_pa(const struct pmem *pm, const void *host, uint64_t *pa)
{
	const uint8_t *p = host;

	if (p < pm->host || p >= pm->host + pm->size)
		return false;
	*pa = pm->pa_base + (uint64_t)(p - pm->host);
	return true;
}

int pmem_set_host_access_range(struct pmem *pm, uint64_t pa, uint64_t len, bool allowed)
{
	uint64_t start = pa & ~(PMEM_GRANULE_SIZE - 1);
	uint64_t end = (pa + len + PMEM_GRANULE_SIZE - 1) & ~(PMEM_GRANULE_SIZE - 1);

	if (!pm->protect || !len || !pmem_contains(pm, start, end - start))
		return 0;
	if (mprotect(pmem_host_ptr(pm, start), end - start,
		     allowed ? PROT_READ | PROT_WRITE : PROT_NONE)) {
		/* ENOMEM: the kernel's limit on mappings (vm.max_map_count) was hit. */
		if (!pm->degraded)
			fprintf(stderr, "pmem: mprotect failed (%s): GPF detection degraded\n",
				strerror(errno));
		pm->degraded = true;
		return -1;
	}
	for (uint64_t g = (start - pm->pa_base) / PMEM_GRANULE_SIZE;
	     g < (end - pm->pa_base) / PMEM_GRANULE_SIZE; g++) {
		if (allowed)
			atomic_fetch_and_explicit(&pm->denied[g / 64], ~(1ULL << (g % 64)),
						  memory_order_relaxed);
		else
			atomic_fetch_or_explicit(&pm->denied[g / 64], 1ULL << (g % 64),
						 memory_order_relaxed);
	}
#ifdef MADV_POPULATE_WRITE
	/* Only a matter of speed: a failure leaves the page faults to come. */
	if (allowed && pm->populate_on_allow)
		madvise(pmem_host_ptr(pm, start), end - start, MADV_POPULATE_WRITE);
#endif
	return 0;
}

static bool denied_at(const struct pmem *pm, uint64_t g)
{
	return atomic_load_explicit(&pm->denied[g / 64], memory_order_relaxed) >> (g % 64) & 1;
}

bool pmem_denied_run(const struct pmem *pm, uint64_t from, uint64_t *start, uint64_t *end)
{
	uint64_t n = pm->size / PMEM_GRANULE_SIZE, g = from / PMEM_GRANULE_SIZE;

	if (!pm->denied)
		return false;
	/* Whole words of allowed granules at a time: most of an arena is NS. */
	while (g < n && !denied_at(pm, g)) {
		if (g % 64 == 0 && !atomic_load_explicit(&pm->denied[g / 64], memory_order_relaxed))
			g += 64;
		else
			g++;
	}
	if (g >= n)
		return false;
	*start = g * PMEM_GRANULE_SIZE;
	while (g < n && denied_at(pm, g))
		g++;
	*end = g * PMEM_GRANULE_SIZE;
	return true;
}

void pmem_populate_on_allow(struct pmem *pm, bool on)
{
	pm->populate_on_allow = on;
}

int pmem_set_host_access(struct pmem *pm, uint64_t pa, bool allowed)
{
	return pmem_set_host_access_range(pm, pa, PMEM_GRANULE_SIZE, allowed);
}

bool pmem_protection_degraded(const struct pmem *pm)
{
	return pm->degraded;
}

void pmem_set_state_namer(struct pmem *pm, pmem_state_namer fn, void *ctx)
{
	pm->namer = fn;
	pm->namer_ctx = ctx;
}
