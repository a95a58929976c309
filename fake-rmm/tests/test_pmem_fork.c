// SPDX-License-Identifier: BSD-3-Clause
/*
 * pmem_copy() before fork(), pmem_adopt() in the child (how a sweep
 * branches its runs): the child sees the arena as it was at the copy, in
 * both views; neither process sees the other's later writes; the host
 * view's protections hold in the child (a protected granule still takes a
 * GPF there, an unprotected one does not); a granule the child's host
 * view gets back is mapped at once (pmem_populate_on_allow(), which
 * pmem_adopt() turns on), not by a page fault when the host writes it.
 * The child reports by its exit status, one number per check.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <fcntl.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include <cca-double/pmem.h>

#define PAGE 4096ULL

/* The GPF ends the child: 0 if it is the write to the protected granule. */
static void gpf_exit(const struct pmem_gpf *g, void *ctx)
{
	_exit(g->pa == *(const uint64_t *)ctx + 8 && g->write ? 0 : 10);
}

/* In the child: 0 if every check holds, else the number of the first that failed. */
static int child_checks(struct pmem *pm, int fd, uint64_t base, uint64_t prot_pa)
{
	volatile uint8_t *host = pmem_host_ptr(pm, base);
	uint8_t *rmm = pmem_rmm_ptr(pm, base);
	char err[256];

	if (pmem_adopt(pm, fd, err, sizeof(err)))
		return 1;
	if (host[0] != 0x11 || rmm[PAGE] != 0x22)
		return 2;		/* not the contents at the copy */
	host[0] = 0x33;			/* the parent must not see this */
	if (rmm[0] != 0x33)
		return 3;		/* the views are not one memory any more */
	/* Unprotected granules around the protected one: no GPF. */
	host[prot_pa - base - 1] = 1;
	host[prot_pa - base + PAGE] = 1;
	pmem_set_gpf_hook(gpf_exit, &prot_pa);
	host[prot_pa - base + 8] = 1;	/* must take the GPF: gpf_exit ends the child */
	return 4;
}

/* Copies the arena into a new memfd (*fd) and forks: fork()'s result. */
static pid_t fork_with_copy(struct pmem *pm, int *fd)
{
	char err[256];
	pid_t pid;

	*fd = pmem_copy(pm, -1, err, sizeof(err));
	if (*fd < 0)
		fail_msg("pmem_copy: %s", err);
	pid = fork();
	assert_true(pid >= 0);
	return pid;
}

/* The child ended with 0 (every check held); the copy is closed. */
static void child_passed(pid_t pid, int fd)
{
	int status;

	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	close(fd);
}

/* Has the page at va a page-table entry (/proc/self/pagemap bit 63)? 1, 0, or -1. */
static int mapped(const volatile void *va)
{
	uint64_t entry;
	int fd = open("/proc/self/pagemap", O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = pread(fd, &entry, sizeof(entry), (off_t)((uintptr_t)va / PAGE * sizeof(entry)));
	close(fd);
	return n == sizeof(entry) ? (int)(entry >> 63) : -1;
}

/* In the child: two granules protected at the copy, given back without and with populating. */
static int child_populates(struct pmem *pm, int fd, uint64_t without_pa, uint64_t with_pa)
{
	char err[256];

	if (pmem_adopt(pm, fd, err, sizeof(err)))
		return 1;
	if (mapped(pmem_host_ptr(pm, without_pa)) != 0 || mapped(pmem_host_ptr(pm, with_pa)) != 0)
		return 2;	/* protected granules are not mapped in a fresh view */
	pmem_populate_on_allow(pm, false);
	if (pmem_set_host_access(pm, without_pa, true) || mapped(pmem_host_ptr(pm, without_pa)) != 0)
		return 3;	/* off: left to a page fault */
	pmem_populate_on_allow(pm, true);
	if (pmem_set_host_access(pm, with_pa, true) || mapped(pmem_host_ptr(pm, with_pa)) != 1)
		return 4;	/* on: mapped at once */
	return 0;
}

static void child_maps_granules_given_back_at_once(void **state)
{
	struct pmem_config pc = { .size = 1 << 20 };
	char err[256];
	struct pmem *pm = pmem_create(&pc, err, sizeof(err));
	uint64_t a, b;
	int fd;
	pid_t pid;

	(void)state;
	if (!pm)
		fail_msg("pmem_create: %s", err);
	a = pmem_pa_base(pm) + 8 * PAGE;
	b = a + 2 * PAGE;
	assert_int_equal(pmem_set_host_access(pm, a, false), 0);
	assert_int_equal(pmem_set_host_access(pm, b, false), 0);
	pid = fork_with_copy(pm, &fd);
	if (!pid)
		_exit(child_populates(pm, fd, a, b));
	child_passed(pid, fd);
	assert_int_equal(pmem_set_host_access(pm, a, true), 0);
	assert_int_equal(pmem_set_host_access(pm, b, true), 0);
	pmem_destroy(pm);
}

static void child_has_the_copy_and_its_protections(void **state)
{
	struct pmem_config pc = { .size = 1 << 20 };
	char err[256];
	struct pmem *pm = pmem_create(&pc, err, sizeof(err));
	uint64_t base, prot_pa;
	uint8_t *host;
	int fd;
	pid_t pid;

	(void)state;
	if (!pm)
		fail_msg("pmem_create: %s", err);
	base = pmem_pa_base(pm);
	prot_pa = base + 4 * PAGE;
	host = pmem_host_ptr(pm, base);
	host[0] = 0x11;
	host[PAGE] = 0x22;
	assert_int_equal(pmem_set_host_access(pm, prot_pa, false), 0);
	pid = fork_with_copy(pm, &fd);
	if (!pid)
		_exit(child_checks(pm, fd, base, prot_pa));
	/* The parent goes on writing: the child must not see this either. */
	host[PAGE] = 0x44;
	child_passed(pid, fd);
	assert_int_equal(host[0], 0x11);
	assert_int_equal(host[PAGE], 0x44);
	assert_int_equal(pmem_set_host_access(pm, prot_pa, true), 0);
	pmem_destroy(pm);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(child_has_the_copy_and_its_protections),
		cmocka_unit_test(child_maps_granules_given_back_at_once),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
