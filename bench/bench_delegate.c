// SPDX-License-Identifier: BSD-3-Clause
/*
 * GRANULE_DELEGATE + GRANULE_UNDELEGATE pairs per second through the whole
 * rmm_smc() path (dispatch, trace hook, fault hook, handler), on one core.
 * Two working sets: 64 granules used over and over (cache-hot: the RMM's
 * own cost, dominated by the 4 KiB scrub on delegate) and every granule of
 * a 256 MiB arena in turn (cache-cold: the scrub is memory-bound).  Each
 * with the host view's GPF protection off and on (on adds two mprotect
 * calls a pair).  The newest 2.x profile adds GRANULE_RANGE_DELEGATE +
 * GRANULE_RANGE_UNDELEGATE over 2 MiB ranges (512 granules a call), in
 * granules per second: the same scrub, one SMC for many granules.
 * Medians of several runs.
 *
 *   bench_delegate [runs]      (default 7)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cca-double/abi.h>
#include <cca-double/pmem.h>
#include <cca-double/rmm.h>
#include <rmi/common.h>

#define ARENA (256ULL << 20)
#define GRAN 4096ULL

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double pairs_per_second(bool protect, uint64_t set, unsigned int rounds)
{
	struct pmem_config pc = { .size = ARENA, .no_gpf_protection = !protect };
	struct rmm_config rc = { .profile = "1.0" };
	char err[256];
	struct pmem *pm = pmem_create(&pc, err, sizeof(err));
	struct rmm *rmm;
	uint64_t base, n = ARENA / GRAN, total = 0;
	double t0, dt;

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
	base = pmem_pa_base(pm);
	n = set;
	/* First touch of the arena's pages is not the RMM's cost: fault them in. */
	for (uint64_t i = 0; i < ARENA / GRAN; i++)
		((volatile char *)pmem_rmm_ptr(pm, base + i * GRAN))[0] = 0;
	t0 = now();
	for (unsigned int r = 0; r < rounds; r++)
		for (uint64_t i = 0; i < n; i++) {
			struct smc_regs d = { .x = { RMI_FID_GRANULE_DELEGATE, base + i * GRAN } };
			struct smc_regs u = { .x = { RMI_FID_GRANULE_UNDELEGATE, base + i * GRAN } };

			rmm_smc(rmm, &d);
			rmm_smc(rmm, &u);
			if (d.x[0] || u.x[0]) {
				fprintf(stderr, "delegate/undelegate failed\n");
				exit(1);
			}
			total++;
		}
	dt = now() - t0;
	rmm_destroy(rmm);
	pmem_destroy(pm);
	return (double)total / dt;
}

/* The last profile of RMI 2.x in spec order: the newest revision. */
static const char *newest_v2_profile(void)
{
	const char *name = NULL;

	for (unsigned int i = 0; i < abi_nprofiles; i++)
		if (!strcmp(abi_profiles[i]->family, "v2"))
			name = abi_profiles[i]->name;
	return name;
}

/* Granules per second through 2 MiB range (un)delegations on an activated 2.0 RMM. */
static double range_granules_per_second(bool protect, unsigned int rounds)
{
	const uint64_t range = 512 * GRAN;
	struct pmem_config pc = { .size = ARENA, .no_gpf_protection = !protect };
	struct rmm_config rc = { .profile = newest_v2_profile() };
	char err[256];
	struct pmem *pm = pmem_create(&pc, err, sizeof(err));
	struct rmm *rmm;
	struct smc_regs a = { .x = { RMI_FID_RMM_ACTIVATE } };
	uint64_t base, total = 0;
	double t0, dt;

	rc.pmem = pm;
	rmm = pm ? rmm_create(&rc, err, sizeof(err)) : NULL;
	if (!rmm) {
		fprintf(stderr, "2.0 RMM: %s\n", err);
		exit(1);
	}
	rmm_smc(rmm, &a);
	base = pmem_pa_base(pm);
	for (uint64_t i = 0; i < ARENA / GRAN; i++)
		((volatile char *)pmem_rmm_ptr(pm, base + i * GRAN))[0] = 0;
	t0 = now();
	for (unsigned int r = 0; r < rounds; r++)
		for (uint64_t at = base; at < base + ARENA; at += range) {
			struct smc_regs d = { .x = { RMI_FID_GRANULE_RANGE_DELEGATE, at, at + range } };
			struct smc_regs u = { .x = { RMI_FID_GRANULE_RANGE_UNDELEGATE, at, at + range } };

			rmm_smc(rmm, &d);
			rmm_smc(rmm, &u);
			/* Both must finish the range in one call (x1 = top): no early stop here. */
			if (a.x[0] || d.x[0] || u.x[0] || d.x[1] != at + range || u.x[1] != at + range) {
				fprintf(stderr, "range delegate/undelegate failed or stopped early\n");
				exit(1);
			}
			total += 512;
		}
	dt = now() - t0;
	rmm_destroy(rmm);
	pmem_destroy(pm);
	return (double)total / dt;
}

int main(int argc, char **argv)
{
	unsigned int runs = argc > 1 ? (unsigned int)strtoul(argv[1], NULL, 10) : 7;
	double hot_off[64], hot_on[64], cold_off[64], cold_on[64], range_off[64], range_on[64];

	if (!runs || runs > 64)
		runs = 7;
	for (unsigned int i = 0; i < runs; i++) {
		hot_off[i] = pairs_per_second(false, 64, 30000);
		hot_on[i] = pairs_per_second(true, 64, 1000);
		cold_off[i] = pairs_per_second(false, ARENA / GRAN, 4);
		cold_on[i] = pairs_per_second(true, ARENA / GRAN, 1);
		range_off[i] = range_granules_per_second(false, 4);
		range_on[i] = range_granules_per_second(true, 1);
	}
	qsort(hot_off, runs, sizeof(double), cmp);
	qsort(hot_on, runs, sizeof(double), cmp);
	qsort(cold_off, runs, sizeof(double), cmp);
	qsort(cold_on, runs, sizeof(double), cmp);
	qsort(range_off, runs, sizeof(double), cmp);
	qsort(range_on, runs, sizeof(double), cmp);
	printf("bench_delegate %u: delegate+undelegate pairs per second, median of %u runs\n", runs,
	       runs);
	printf("  64 granules (cache-hot),  GPF protection off: %6.2f M/s\n", hot_off[runs / 2] / 1e6);
	printf("  64 granules (cache-hot),  GPF protection on:  %6.2f M/s\n", hot_on[runs / 2] / 1e6);
	printf("  256 MiB (cache-cold),     GPF protection off: %6.2f M/s\n", cold_off[runs / 2] / 1e6);
	printf("  256 MiB (cache-cold),     GPF protection on:  %6.2f M/s\n", cold_on[runs / 2] / 1e6);
	printf("%s: range delegate+undelegate, 2 MiB a call over 256 MiB, granules per second\n",
	       newest_v2_profile());
	printf("  GPF protection off: %6.2f M/s\n", range_off[runs / 2] / 1e6);
	printf("  GPF protection on:  %6.2f M/s\n", range_on[runs / 2] / 1e6);
	printf("  target: above 5 M/s on one core (hot, protection off): %s\n",
	       hot_off[runs / 2] > 5e6 ? "met" : "NOT met");
	return 0;
}
