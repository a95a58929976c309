// SPDX-License-Identifier: BSD-3-Clause
/*
 * How rmm_smc() scales with threads (docs/architecture.md, "Concurrency"):
 * 1, 2 and 4 threads, each on granules of its own, making
 *
 *   - GRANULE_DELEGATE + GRANULE_UNDELEGATE pairs (64 granules a thread);
 *   - RTT_CREATE + RTT_DESTROY pairs of a level-2 table, each thread in a
 *     realm of its own (its own RD: nothing shared);
 *   - the same with all threads in one realm, at different IPAs (RTT
 *     commands on one realm hold its RD: they serialise by design).
 *
 * Pairs per second over all threads (wall clock), the median of `runs`
 * runs, and the ratio to one thread; and pairs per CPU-second (the
 * threads' own CPU time): on a machine shared with other work, the wall
 * clock shows how much CPU the process got, the CPU-second figure what a
 * call costs - flat as threads are added means no contention.  1.0 profile, GPF protection off (mprotect takes the
 * process's mm lock and would measure the kernel, not the RMM).
 *
 *   bench_scaling [runs]      (default 5)
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cca-double/pmem.h>
#include <cca-double/rmm.h>
#include <rmi/common.h>
#include <rmi/v1_0.h>

#define ARENA (64ULL << 20)
#define GRAN 4096ULL
#define MAX_THREADS 4
#define DELEG_SET 64
#define DELEG_PAIRS 100000
#define RTT_PAIRS 50000
#define L1_SIZE (1ULL << 30)

enum work { DELEGATE, RTT_OWN_REALM, RTT_ONE_REALM, NWORK };

static const char *const work_name[NWORK] = {
	"delegate+undelegate", "rtt create+destroy, a realm each",
	"rtt create+destroy, one realm",
};

struct worker {
	struct rmm *rmm;
	enum work work;
	uint64_t gran[DELEG_SET];	/* DELEGATE: NS granules */
	uint64_t rd, rtt, ipa;		/* RTT: its realm, a DELEGATED granule, an IPA */
	pthread_barrier_t *start;
	unsigned long failures;
	double cpu;			/* this thread's CPU seconds for its loop */
};

static uint64_t next_pa;

static uint64_t alloc(void)
{
	uint64_t pa = next_pa;

	next_pa += GRAN;
	return pa;
}

static uint64_t call(struct rmm *rmm, uint32_t fid, uint64_t a1, uint64_t a2, uint64_t a3,
		     uint64_t a4)
{
	return rmm_call(rmm, fid, a1, a2, a3, a4, 0, 0, NULL);
}

static uint64_t delegated(struct rmm *rmm)
{
	uint64_t pa = alloc();

	if (call(rmm, RMI_FID_GRANULE_DELEGATE, pa, 0, 0, 0)) {
		fprintf(stderr, "GRANULE_DELEGATE 0x%llx failed\n", (unsigned long long)pa);
		exit(1);
	}
	return pa;
}

/* A realm (s2sz 40, start level 1, two root tables); returns its RD. */
static uint64_t realm(struct rmm *rmm, struct pmem *pm, unsigned int vmid)
{
	uint64_t rtt0 = delegated(rmm), rtt1 = delegated(rmm), rd = delegated(rmm);
	uint64_t params = alloc();
	struct rmi_v1_0_realm_params *p = pmem_host_ptr(pm, params);

	(void)rtt1;
	memset(p, 0, sizeof(*p));
	p->s2sz = 40;
	p->hash_algo = RMI_HASH_ALGO_SHA_256;
	p->num_bps = 2;		/* the architecture's minimum */
	p->num_wps = 2;
	p->rtt_base = rtt0;
	p->rtt_level_start = 1;
	p->rtt_num_start = 2;
	p->vmid = (uint16_t)vmid;
	uint64_t x0 = call(rmm, RMI_FID_REALM_CREATE, rd, params, 0, 0);

	if (x0) {
		fprintf(stderr, "REALM_CREATE failed: 0x%llx\n", (unsigned long long)x0);
		exit(1);
	}
	return rd;
}

static double thread_cpu(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void *run(void *arg)
{
	struct worker *w = arg;
	double c0;

	pthread_barrier_wait(w->start);
	c0 = thread_cpu();
	if (w->work == DELEGATE) {
		for (unsigned int i = 0; i < DELEG_PAIRS; i++) {
			uint64_t pa = w->gran[i % DELEG_SET];

			w->failures += call(w->rmm, RMI_FID_GRANULE_DELEGATE, pa, 0, 0, 0) != 0;
			w->failures += call(w->rmm, RMI_FID_GRANULE_UNDELEGATE, pa, 0, 0, 0) != 0;
		}
	} else {
		for (unsigned int i = 0; i < RTT_PAIRS; i++) {
			w->failures += call(w->rmm, RMI_FID_RTT_CREATE, w->rd, w->rtt, w->ipa, 2) != 0;
			w->failures += call(w->rmm, RMI_FID_RTT_DESTROY, w->rd, w->ipa, 2, 0) != 0;
		}
	}
	w->cpu = thread_cpu() - c0;
	pthread_barrier_wait(w->start);
	return NULL;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Pairs per second (and per CPU-second: *per_cpu) of `nthreads` threads doing `work`. */
static double measure(enum work work, unsigned int nthreads, double *per_cpu)
{
	struct pmem_config pc = { .size = ARENA, .no_gpf_protection = true };
	struct rmm_config rc = { .profile = "1.0" };
	struct worker w[MAX_THREADS];
	pthread_t t[MAX_THREADS];
	pthread_barrier_t start;
	char err[256];
	struct pmem *pm = pmem_create(&pc, err, sizeof(err));
	struct rmm *rmm;
	uint64_t shared_rd = 0, pairs;
	double t0, dt, cpu = 0;

	if (!pm) {
		fprintf(stderr, "pmem: %s\n", err);
		exit(1);
	}
	rc.pmem = pm;
	rmm = rmm_create(&rc, err, sizeof(err));
	if (!rmm) {
		fprintf(stderr, "rmm: %s\n", err);
		exit(1);
	}
	next_pa = pmem_pa_base(pm);
	if (work == RTT_ONE_REALM)
		shared_rd = realm(rmm, pm, 1);
	pthread_barrier_init(&start, NULL, nthreads + 1);
	for (unsigned int i = 0; i < nthreads; i++) {
		/* Each thread's granules apart in the granule table: no shared cache lines. */
		next_pa = (next_pa + 64 * GRAN - 1) & ~(64 * GRAN - 1);
		memset(&w[i], 0, sizeof(w[i]));
		w[i].rmm = rmm;
		w[i].work = work;
		w[i].start = &start;
		if (work == DELEGATE) {
			for (unsigned int k = 0; k < DELEG_SET; k++)
				w[i].gran[k] = alloc();
		} else {
			w[i].rd = work == RTT_ONE_REALM ? shared_rd : realm(rmm, pm, 1 + i);
			w[i].rtt = delegated(rmm);
			w[i].ipa = (uint64_t)(i + 1) * L1_SIZE;
		}
		pthread_create(&t[i], NULL, run, &w[i]);
	}
	pthread_barrier_wait(&start);
	t0 = now();
	pthread_barrier_wait(&start);
	dt = now() - t0;
	for (unsigned int i = 0; i < nthreads; i++) {
		pthread_join(t[i], NULL);
		cpu += w[i].cpu;
		if (w[i].failures) {
			fprintf(stderr, "%s: %lu calls failed\n", work_name[work], w[i].failures);
			exit(1);
		}
	}
	pthread_barrier_destroy(&start);
	rmm_destroy(rmm);
	pmem_destroy(pm);
	pairs = (uint64_t)nthreads * (work == DELEGATE ? DELEG_PAIRS : RTT_PAIRS);
	*per_cpu = (double)pairs / cpu;
	return (double)pairs / dt;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	static const unsigned int threads[] = { 1, 2, 4 };
	unsigned int runs = argc > 1 ? (unsigned int)atoi(argv[1]) : 5;
	double v[64], c[64];

	if (runs < 1 || runs > 64) {
		fprintf(stderr, "usage: bench_scaling [runs 1..64]\n");
		return 2;
	}
	printf("%-36s %7s %12s %6s %14s %6s\n", "work", "threads", "pairs/s", "vs 1",
	       "pairs/CPU-s", "vs 1");
	for (unsigned int k = 0; k < NWORK; k++) {
		double one = 0, one_cpu = 0;

		for (unsigned int n = 0; n < sizeof(threads) / sizeof(threads[0]); n++) {
			double med, med_cpu;

			for (unsigned int r = 0; r < runs; r++)
				v[r] = measure((enum work)k, threads[n], &c[r]);
			qsort(v, runs, sizeof(v[0]), cmp);
			qsort(c, runs, sizeof(c[0]), cmp);
			med = v[runs / 2];
			med_cpu = c[runs / 2];
			if (n == 0) {
				one = med;
				one_cpu = med_cpu;
			}
			printf("%-36s %7u %12.0f %5.2fx %14.0f %5.2fx\n", work_name[k], threads[n], med,
			       med / one, med_cpu, med_cpu / one_cpu);
		}
	}
	return 0;
}
