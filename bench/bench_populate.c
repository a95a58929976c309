// SPDX-License-Identifier: BSD-3-Clause
/*
 * Populate throughput of the fake RMM (1.0): DATA_CREATE with the measure
 * flag over 256 MiB (tables created beforehand, granules delegated
 * beforehand; only the DATA_CREATE calls are timed), against raw SHA-256
 * over the same 4 KiB blocks through the same libcrypto EVP call, in the
 * same run.  Also RTT_CREATE + RTT_DESTROY pairs per second.  Reported with
 * GPF protection off and on; medians of several runs.
 *
 *   bench_populate [runs]      (default 5)
 */
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cca-double/pmem.h>
#include <cca-double/rmm.h>
#include <rmi/common.h>
#include <rmi/v1_0.h>

#define GRAN 4096ULL
#define POP_BYTES (256ULL << 20)
#define POP_PAGES (POP_BYTES / GRAN)
#define ARENA (768ULL << 20)
#define L2_SPAN (2ULL << 20)
#define PAIRS 20000

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void die(const char *what, uint64_t x0)
{
	fprintf(stderr, "bench_populate: %s failed: 0x%llx\n", what, (unsigned long long)x0);
	exit(1);
}

static uint64_t call(struct rmm *rmm, uint32_t fid, uint64_t a1, uint64_t a2, uint64_t a3,
		     uint64_t a4, uint64_t a5, const char *what)
{
	uint64_t x0 = rmm_call(rmm, fid, a1, a2, a3, a4, a5, 0, NULL);

	if (x0)
		die(what, x0);
	return x0;
}

struct env {
	struct pmem *pm;
	struct rmm *rmm;
	uint64_t next, rd;
};

static uint64_t alloc(struct env *e)
{
	uint64_t pa = e->next;

	e->next += GRAN;
	return pa;
}

static uint64_t alloc_delegated(struct env *e)
{
	uint64_t pa = alloc(e);

	call(e->rmm, RMI_FID_GRANULE_DELEGATE, pa, 0, 0, 0, 0, "GRANULE_DELEGATE");
	return pa;
}

/* A realm with s2sz 40, start level 1 (2 start tables), SHA-256. */
static void env_open(struct env *e, bool gpf)
{
	struct pmem_config pc = { .size = ARENA, .no_gpf_protection = !gpf };
	struct rmm_config rc = { .profile = "1.0" };
	struct rmi_v1_0_realm_params *p;
	uint64_t rtt0, rtt1, params;
	char err[256];

	memset(e, 0, sizeof(*e));
	e->pm = pmem_create(&pc, err, sizeof(err));
	if (!e->pm) {
		fprintf(stderr, "pmem_create: %s\n", err);
		exit(1);
	}
	rc.pmem = e->pm;
	e->rmm = rmm_create(&rc, err, sizeof(err));
	if (!e->rmm) {
		fprintf(stderr, "rmm_create: %s\n", err);
		exit(1);
	}
	e->next = pmem_pa_base(e->pm);
	rtt0 = alloc_delegated(e);
	rtt1 = alloc_delegated(e);
	(void)rtt1;
	e->rd = alloc_delegated(e);
	params = alloc(e);
	p = pmem_host_ptr(e->pm, params);
	memset(p, 0, GRAN);
	p->s2sz = 40;
	p->num_bps = 2;
	p->num_wps = 2;
	p->hash_algo = RMI_HASH_ALGO_SHA_256;
	p->rtt_base = rtt0;
	p->rtt_level_start = 1;
	p->rtt_num_start = 2;
	p->vmid = 1;
	call(e->rmm, RMI_FID_REALM_CREATE, e->rd, params, 0, 0, 0, "REALM_CREATE");
}

static void env_close(struct env *e)
{
	rmm_destroy(e->rmm);
	pmem_destroy(e->pm);
}

struct result {
	double populate_s, sha_s, pairs_per_s;
};

static void run_once(bool gpf, struct result *res)
{
	struct env e;
	uint64_t src, *data, t0;
	unsigned char digest[64];
	unsigned int dlen;
	uint8_t *page;
	double t;

	env_open(&e, gpf);
	/* tables for [0, 256 MiB): one L2 at 0, 128 L3s */
	call(e.rmm, RMI_FID_RTT_CREATE, e.rd, alloc_delegated(&e), 0, 2, 0, "RTT_CREATE L2");
	for (uint64_t ipa = 0; ipa < POP_BYTES; ipa += L2_SPAN)
		call(e.rmm, RMI_FID_RTT_CREATE, e.rd, alloc_delegated(&e), ipa, 3, 0, "RTT_CREATE L3");
	src = alloc(&e);
	page = pmem_host_ptr(e.pm, src);
	for (unsigned int i = 0; i < GRAN; i++)
		page[i] = (uint8_t)(i * 13 + 7);
	data = malloc(POP_PAGES * sizeof(*data));
	if (!data)
		exit(1);
	for (uint64_t i = 0; i < POP_PAGES; i++)
		data[i] = alloc_delegated(&e);

	t = now();
	for (uint64_t i = 0; i < POP_PAGES; i++)
		call(e.rmm, RMI_FID_DATA_CREATE, e.rd, data[i], i * GRAN, src,
		     RMI_MEASURE_CONTENT_MEASURE_CONTENT, "DATA_CREATE");
	res->populate_s = now() - t;

	/* raw SHA-256 over the same number of 4 KiB blocks (the populated pages) */
	t = now();
	for (uint64_t i = 0; i < POP_PAGES; i++)
		if (!EVP_Digest(pmem_rmm_ptr(e.pm, data[i]), GRAN, digest, &dlen, EVP_sha256(), NULL))
			die("EVP_Digest", 0);
	res->sha_s = now() - t;

	/* RTT_CREATE + RTT_DESTROY pairs on one L2 slot */
	t0 = alloc_delegated(&e);
	t = now();
	for (unsigned int i = 0; i < PAIRS; i++) {
		struct smc_regs r;

		call(e.rmm, RMI_FID_RTT_CREATE, e.rd, t0, 8ULL << 30, 2, 0, "RTT_CREATE");
		if (rmm_call(e.rmm, RMI_FID_RTT_DESTROY, e.rd, 8ULL << 30, 2, 0, 0, 0, &r))
			die("RTT_DESTROY", r.x[0]);
	}
	res->pairs_per_s = PAIRS / (now() - t);
	free(data);
	env_close(&e);
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), cmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int main(int argc, char **argv)
{
	int runs = argc > 1 ? atoi(argv[1]) : 5;

	if (runs < 1 || runs > 100)
		runs = 5;
	printf("populate: DATA_CREATE(measure) over %llu MiB, %d runs, medians\n",
	       (unsigned long long)(POP_BYTES >> 20), runs);
	for (int gpf = 0; gpf < 2; gpf++) {
		double pop[100], sha[100], pairs[100], mp, ms;

		for (int i = 0; i < runs; i++) {
			struct result r;

			run_once(gpf, &r);
			pop[i] = (double)POP_BYTES / r.populate_s / (1 << 20);
			sha[i] = (double)POP_BYTES / r.sha_s / (1 << 20);
			pairs[i] = r.pairs_per_s;
		}
		mp = median(pop, runs);
		ms = median(sha, runs);
		printf("GPF protection %-3s: populate %7.1f MiB/s  raw SHA-256 %7.1f MiB/s  ratio %5.1f %%  "
		       "RTT_CREATE+DESTROY %9.0f pairs/s\n",
		       gpf ? "on" : "off", mp, ms, 100.0 * mp / ms, median(pairs, runs));
	}
	return 0;
}
