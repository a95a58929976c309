// SPDX-License-Identifier: BSD-3-Clause
/*
 * What a process and a page cost on this machine: the floor under a
 * branched sweep run (README.md "Sweeps"), which is a fork of the
 * brancher, some page faults, and an exit.
 *
 *  - fork + _exit + waitpid of a process with little memory, and with
 *    16 MiB of its own touched memory (fork copies its page tables);
 *  - a first-touch page fault (a fresh anonymous page, zeroed);
 *  - a copy-on-write fault (a page written after fork, still shared);
 *  - a fresh page mapped by MADV_POPULATE_WRITE instead: what a page
 *    costs without the fault (pmem_fork.c maps an arena copy so);
 *  - a shared page made private by MADV_POPULATE_WRITE, a page per call
 *    and 64 per call: the copy-on-write without the fault (what writing
 *    in bulk the pages a branched run is known to write would save).
 *
 * CPU time (parent and children, getrusage) and wall time per operation,
 * medians of several rounds.  On bare metal these are tens of
 * microseconds for a process and well under one for a page; under a
 * paravirtualised kernel (shadow page tables) they can be ten times that.
 *
 *   bench_process_floor [rounds]      (default 5)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PAGE 4096ul
#define FORKS 200
#define PAGES 4096
#define BIG_MIB 16
#define MAX_ROUNDS 32
#define N_CASES 7

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* CPU seconds of this process and its waited-for children. */
static double cpu(void)
{
	struct rusage self, kids;

	getrusage(RUSAGE_SELF, &self);
	getrusage(RUSAGE_CHILDREN, &kids);
	return (double)(self.ru_utime.tv_sec + self.ru_stime.tv_sec + kids.ru_utime.tv_sec +
			kids.ru_stime.tv_sec) +
	       (double)(self.ru_utime.tv_usec + self.ru_stime.tv_usec + kids.ru_utime.tv_usec +
			kids.ru_stime.tv_usec) * 1e-6;
}

struct sample {
	double wall, cpu;	/* microseconds per operation */
};

static unsigned char *map_pages(size_t n)
{
	void *p = mmap(NULL, n * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED) {
		perror("mmap");
		exit(1);
	}
	/* 4 KiB pages: a huge page would hide the per-page cost. */
	madvise(p, n * PAGE, MADV_NOHUGEPAGE);
	return p;
}

static void touch(unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		p[i * PAGE] = (unsigned char)i;
}

static struct sample forks(size_t own_mib)
{
	unsigned char *mem = own_mib ? map_pages(own_mib << 8) : NULL;
	double w, c;

	if (mem)
		touch(mem, own_mib << 8);
	w = now();
	c = cpu();
	for (int i = 0; i < FORKS; i++) {
		pid_t pid = fork();

		if (pid < 0) {
			perror("fork");
			exit(1);
		}
		if (!pid)
			_exit(0);
		waitpid(pid, NULL, 0);
	}
	w = now() - w;
	c = cpu() - c;
	if (mem)
		munmap(mem, (own_mib << 8) * PAGE);
	return (struct sample){ w / FORKS * 1e6, c / FORKS * 1e6 };
}

static struct sample first_touch(void)
{
	unsigned char *mem = map_pages(PAGES);
	double w = now(), c = cpu();

	touch(mem, PAGES);
	w = now() - w;
	c = cpu() - c;
	munmap(mem, PAGES * PAGE);
	return (struct sample){ w / PAGES * 1e6, c / PAGES * 1e6 };
}

static struct sample populated(void)
{
	unsigned char *mem = map_pages(PAGES);
	double w = now(), c = cpu();

#ifdef MADV_POPULATE_WRITE
	if (madvise(mem, PAGES * PAGE, MADV_POPULATE_WRITE))
#endif
		touch(mem, PAGES);	/* no MADV_POPULATE_WRITE (before Linux 5.14): faults */
	w = now() - w;
	c = cpu() - c;
	munmap(mem, PAGES * PAGE);
	return (struct sample){ w / PAGES * 1e6, c / PAGES * 1e6 };
}

/*
 * The child holds the pages, paused, while the parent writes every one
 * (by_call 0), or breaks their sharing by MADV_POPULATE_WRITE, by_call
 * pages per call.
 */
static struct sample cow(size_t by_call)
{
	unsigned char *mem = map_pages(PAGES);
	int go[2];
	pid_t pid;
	double w, c;

	touch(mem, PAGES);
	if (pipe(go)) {
		perror("pipe");
		exit(1);
	}
	pid = fork();
	if (!pid) {
		char b;

		close(go[1]);
		if (read(go[0], &b, 1) < 0)
			_exit(1);
		_exit(0);
	}
	w = now();
	c = cpu();
	if (!by_call)
		touch(mem, PAGES);
#ifdef MADV_POPULATE_WRITE
	for (size_t i = 0; by_call && i < PAGES; i += by_call)
		if (madvise(mem + i * PAGE, by_call * PAGE, MADV_POPULATE_WRITE))
			touch(mem + i * PAGE, by_call);
#else
	if (by_call)
		touch(mem, PAGES);
#endif
	w = now() - w;
	c = cpu() - c;
	close(go[1]);
	close(go[0]);
	waitpid(pid, NULL, 0);
	munmap(mem, PAGES * PAGE);
	return (struct sample){ w / PAGES * 1e6, c / PAGES * 1e6 };
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), by_value);
	return v[n / 2];
}

int main(int argc, char **argv)
{
	int rounds = argc > 1 ? atoi(argv[1]) : 5;
	static const char *const names[] = {
		"fork + exit + wait, small process",
		"fork + exit + wait, 16 MiB touched",
		"first-touch page fault",
		"copy-on-write page fault",
		"fresh page, MADV_POPULATE_WRITE",
		"copy-on-write, POPULATE_WRITE 1 page",
		"copy-on-write, POPULATE_WRITE 64 pages",
	};
	double wall[N_CASES][MAX_ROUNDS], cpus[N_CASES][MAX_ROUNDS];

	if (rounds < 1 || rounds > MAX_ROUNDS) {
		fprintf(stderr, "bench_process_floor: rounds 1..%d\n", MAX_ROUNDS);
		return 2;
	}
	for (int r = 0; r < rounds; r++) {
		struct sample s[N_CASES] = { forks(0), forks(BIG_MIB), first_touch(), cow(0),
					     populated(), cow(1), cow(64) };

		for (int i = 0; i < N_CASES; i++) {
			wall[i][r] = s[i].wall;
			cpus[i][r] = s[i].cpu;
		}
	}
	printf("%-40s %10s %10s\n", "per operation (median)", "wall us", "CPU us");
	for (int i = 0; i < N_CASES; i++)
		printf("%-40s %10.2f %10.2f\n", names[i], median(wall[i], rounds),
		       median(cpus[i], rounds));
	return 0;
}
