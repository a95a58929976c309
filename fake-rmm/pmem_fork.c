// SPDX-License-Identifier: BSD-3-Clause
/*
 * An arena of its own for a forked process (pmem.h: pmem_copy(),
 * pmem_adopt()).
 *
 * Both views are MAP_SHARED mappings of one memfd, so after fork() the
 * parent and the child would write the same pages.  Before the fork the
 * parent copies the memfd's contents into a new memfd (then nobody else
 * writes them); after it the child maps the copy over both views at the
 * same addresses, so every pointer into the arena stays valid, the vCPU's
 * too (Unicorn maps the RMM view with uc_mem_map_ptr, by address).  The
 * host view's protections (PROT_NONE on granules that are not NS) are put
 * on the new mapping as pmem.c records them (pmem_denied_run()), not read
 * back from /proc/self/maps: rendering that file cost a branched run some
 * 5 % of its time.
 */
#define _GNU_SOURCE
#include <cca-double/pmem.h>

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

struct range {
	uintptr_t start, end;
	int prot;
};

struct ranges {
	struct range *r;
	size_t n, cap;
};

/*
 * What the last pmem_copy() copied: a child forked after it finds the list
 * here and maps those pages at once (pmem_adopt()).
 */
static struct ranges last_copied;
static int last_copy_fd = -1;

static void errf(char *err, size_t len, const char *what)
{
	if (err && len)
		snprintf(err, len, "arena copy: %s: %s", what, strerror(errno));
}

static int ranges_add(struct ranges *l, uintptr_t start, uintptr_t end, int prot)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct range *r = realloc(l->r, cap * sizeof(*r));

		if (!r)
			return -1;
		l->r = r;
		l->cap = cap;
	}
	l->r[l->n++] = (struct range){ start, end, prot };
	return 0;
}

/*
 * The host view's granules that deny access now (pmem_denied_run(): the
 * record pmem.c keeps of its own successful mprotect() calls), as host
 * addresses.
 */
static int denied_ranges(const struct pmem *pm, const uint8_t *host, struct ranges *l)
{
	uint64_t from = 0, start, end;

	while (pmem_denied_run(pm, from, &start, &end)) {
		if (ranges_add(l, (uintptr_t)host + start, (uintptr_t)host + end, PROT_NONE))
			return -1;
		from = end;
	}
	return 0;
}

/* The ranges of a memfd that hold pages (SEEK_DATA/SEEK_HOLE), in order. */
static int data_extents(int fd, uint64_t size, struct ranges *l)
{
	off_t data = 0, hole;

	while ((uint64_t)data < size) {
		data = lseek(fd, data, SEEK_DATA);
		if (data < 0)
			return errno == ENXIO ? 0 : -1;	/* ENXIO: no data past here */
		hole = lseek(fd, data, SEEK_HOLE);
		if (hole < 0 || ranges_add(l, (uintptr_t)data, (uintptr_t)hole, 0))
			return -1;
		data = hole;
	}
	return 0;
}

/*
 * The parent's own mapping of each copy it has made, kept for the next
 * pmem_copy() into the same memfd.  Entries are matched by inode, not by
 * descriptor number, which a closed and reopened descriptor may reuse.
 */
#define MAX_COPY_MAPS 64

struct copy_map {
	dev_t dev;
	ino_t ino;
	uint8_t *base;
	uint64_t size;
};

static struct copy_map copy_maps[MAX_COPY_MAPS];

static uint8_t *copy_mapping(int fd, uint64_t size)
{
	struct copy_map *free_slot = NULL;
	struct stat st;
	void *p;

	if (fstat(fd, &st))
		return NULL;
	for (size_t i = 0; i < MAX_COPY_MAPS; i++) {
		struct copy_map *m = &copy_maps[i];

		if (m->base && m->dev == st.st_dev && m->ino == st.st_ino && m->size == size)
			return m->base;
		if (!m->base && !free_slot)
			free_slot = m;
	}
	if (!free_slot) {
		/* Full: the oldest entry goes. */
		free_slot = &copy_maps[0];
		munmap(free_slot->base, free_slot->size);
		memmove(&copy_maps[0], &copy_maps[1], (MAX_COPY_MAPS - 1) * sizeof(copy_maps[0]));
		free_slot = &copy_maps[MAX_COPY_MAPS - 1];
	}
	p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED)
		return NULL;
	*free_slot = (struct copy_map){ st.st_dev, st.st_ino, p, size };
	return p;
}

/* Is [pos, pos + len) inside one of the sorted, disjoint ranges of l (from index *j on)? */
static bool covered(const struct ranges *l, size_t *j, uintptr_t pos, uintptr_t len)
{
	while (*j < l->n && l->r[*j].end <= pos)
		(*j)++;
	return *j < l->n && l->r[*j].start <= pos && pos + len <= l->r[*j].end;
}

/* Compared and copied in chunks this large: most of a reused copy is already right. */
#define SYNC_CHUNK (16u << 10)

/*
 * Makes `to` hold what `from` holds.  A reused copy already holds most of
 * it (the parent moved on by one call, its child changed a few pages), so
 * a chunk is written only where it differs: reading is much cheaper than
 * writing shared memory.  Pages only `to` has (from an earlier use) are
 * zeroed rather than freed, so that a reused copy costs no page allocation.
 */
static int sync_contents(int from, int to, const uint8_t *view, uint64_t size)
{
	struct ranges src = last_copied, dst = { 0 };
	uint8_t *map = copy_mapping(to, size);
	size_t j = 0;
	int ret = -1;

	src.n = 0;
	if (!map || data_extents(from, size, &src) || data_extents(to, size, &dst))
		goto out;
	for (size_t i = 0; i < src.n; i++) {
		for (uintptr_t pos = src.r[i].start; pos < src.r[i].end; pos += SYNC_CHUNK) {
			uintptr_t len = src.r[i].end - pos < SYNC_CHUNK ? src.r[i].end - pos : SYNC_CHUNK;

			/* A hole in `to` reads as zeros but would be allocated by reading it. */
			if (covered(&dst, &j, pos, len) && !memcmp(map + pos, view + pos, len))
				continue;
			memcpy(map + pos, view + pos, len);
		}
	}
	/* dst minus src: both lists are sorted and their ranges disjoint. */
	j = 0;
	for (size_t i = 0; i < dst.n; i++) {
		uintptr_t pos = dst.r[i].start, end = dst.r[i].end;

		while (pos < end) {
			uintptr_t gap_end = end;

			while (j < src.n && src.r[j].end <= pos)
				j++;
			if (j < src.n && src.r[j].start <= pos) {
				pos = src.r[j].end;	/* copied above */
				continue;
			}
			if (j < src.n && src.r[j].start < gap_end)
				gap_end = src.r[j].start;
			memset(map + pos, 0, gap_end - pos);
			pos = gap_end;
		}
	}
	ret = 0;
out:
	last_copied = src;	/* kept for pmem_adopt() in the child */
	free(dst.r);
	return ret;
}

int pmem_copy(const struct pmem *pm, int fd, char *err, size_t errlen)
{
	uint64_t size = pmem_size(pm);
	bool fresh = fd < 0;

	if (fresh) {
		fd = memfd_create("cca-double-pmem", MFD_CLOEXEC);
		if (fd < 0) {
			errf(err, errlen, "memfd_create");
			return -1;
		}
		if (ftruncate(fd, (off_t)size)) {
			errf(err, errlen, "ftruncate");
			close(fd);
			return -1;
		}
	}
	last_copy_fd = -1;
	if (sync_contents(pmem_memfd(pm), fd, pmem_rmm_base(pm), size)) {
		errf(err, errlen, "copying the contents");
		if (fresh)
			close(fd);
		return -1;
	}
	last_copy_fd = fd;
	return fd;
}

/*
 * Maps the copied pages into a view (at `view`) now, in one call per
 * range, instead of one page fault each as they are touched: the mock
 * kernel poisons every page it frees through the host view, the RMM
 * scrubs granules and walks RTTs through its own, so a run touches most
 * of them, and a fault costs ten times a populated page or more
 * (bench/bench_process_floor.c).  Protected granules (prot: absolute
 * addresses in the host view) are left out: MADV_POPULATE_WRITE fails on
 * them.  Only a matter of speed: failures are ignored.
 */
static void populate_view(uint8_t *view, const struct ranges *copied, const struct ranges *prot)
{
#ifdef MADV_POPULATE_WRITE
	size_t j = 0;

	for (size_t i = 0; i < copied->n; i++) {
		uintptr_t pos = (uintptr_t)view + copied->r[i].start;
		uintptr_t end = (uintptr_t)view + copied->r[i].end;

		while (pos < end) {
			uintptr_t stop = end;

			while (j < prot->n && prot->r[j].end <= pos)
				j++;
			if (j < prot->n && prot->r[j].start <= pos) {
				pos = prot->r[j].end;
				continue;
			}
			if (j < prot->n && prot->r[j].start < stop)
				stop = prot->r[j].start;
			madvise((void *)pos, stop - pos, MADV_POPULATE_WRITE);
			pos = stop;
		}
	}
#endif
}

int pmem_adopt(struct pmem *pm, int fd, char *err, size_t errlen)
{
	uint64_t size = pmem_size(pm);
	uint8_t *host = pmem_host_ptr(pm, pmem_pa_base(pm)), *rmm = pmem_rmm_base(pm);
	struct ranges prot = { 0 };
	int ret = -1;

	if (denied_ranges(pm, host, &prot)) {
		errf(err, errlen, "listing the protected granules");
		goto out;
	}
	if (mmap(rmm, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, fd, 0) == MAP_FAILED ||
	    mmap(host, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, fd, 0) == MAP_FAILED) {
		errf(err, errlen, "mapping the copy");
		goto out;
	}
	for (size_t i = 0; i < prot.n; i++)
		if (mprotect((void *)prot.r[i].start, prot.r[i].end - prot.r[i].start, prot.r[i].prot)) {
			errf(err, errlen, "restoring the host view's protections");
			goto out;
		}
	if (fd == last_copy_fd) {
		populate_view(host, &last_copied, &prot);
		populate_view(rmm, &last_copied, &(struct ranges){ 0 });
	}
	/* The protected granules have no page-table entries in the new mapping. */
	pmem_populate_on_allow(pm, true);
	/* The arena's descriptor number now names the copy: pmem_destroy() closes it. */
	if (dup3(fd, pmem_memfd(pm), O_CLOEXEC) < 0) {
		errf(err, errlen, "dup3");
		goto out;
	}
	ret = 0;
out:
	free(prot.r);
	return ret;
}
