// SPDX-License-Identifier: BSD-3-Clause
/*
 * REC_ENTER throughput of the fake RMM (1.0), through rmm_smc as a host
 * calls it:
 *  - round trips per second: the exit_immediately guest makes a HOST_CALL
 *    at once, so one REC_ENTER = host-call completion + guest run + exit
 *    record (target > 200,000/s);
 *  - guest instructions per second: the spin guest (a 2-instruction loop)
 *    runs one REC_ENTER with a large budget, ended by the budget IRQ exit.
 * Medians of several runs.
 *
 *   bench_rec [runs]      (default 5)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cca-double/guests.h>
#include <cca-double/pmem.h>
#include <cca-double/rmm.h>
#include <rmi/common.h>
#include <rmi/v1_0.h>

#define GRAN 4096ULL
#define ARENA (64ULL << 20)
#define CODE_IPA 0x100000ULL
#define ROUND_TRIPS 200000
#define SPIN_BUDGET 200000000ULL
#define MAX_RUNS 32

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

struct env {
	struct pmem *pm;
	struct rmm *rmm;
	uint64_t next, rd, rec, run;
};

static uint64_t call(struct env *e, uint32_t fid, uint64_t a1, uint64_t a2, uint64_t a3,
		     uint64_t a4, uint64_t a5, const char *what)
{
	uint64_t x0 = rmm_call(e->rmm, fid, a1, a2, a3, a4, a5, 0, NULL);

	if (x0) {
		fprintf(stderr, "bench_rec: %s failed: 0x%llx\n", what, (unsigned long long)x0);
		exit(1);
	}
	return x0;
}

static uint64_t ns_page(struct env *e)
{
	uint64_t pa = e->next;

	e->next += GRAN;
	memset(pmem_host_ptr(e->pm, pa), 0, GRAN);
	return pa;
}

static uint64_t delegated(struct env *e)
{
	uint64_t pa = ns_page(e);

	call(e, RMI_FID_GRANULE_DELEGATE, pa, 0, 0, 0, 0, "GRANULE_DELEGATE");
	return pa;
}

/* s2sz 40, start level 1 (2 tables), the guest at CODE_IPA, one runnable REC. */
static void env_up(struct env *e, const char *guest, uint64_t budget)
{
	const struct guest_program *g = guest_program_find(guest);
	struct pmem_config pc = { .size = ARENA };
	struct rmm_config rc = { .profile = "1.0", .rec_insn_budget = budget };
	struct rmi_v1_0_realm_params *rp;
	struct rmi_v1_0_rec_params *recp;
	uint64_t params, rtt, src, data;
	char err[256];

	memset(e, 0, sizeof(*e));
	e->pm = pmem_create(&pc, err, sizeof(err));
	rc.pmem = e->pm;
	e->rmm = e->pm ? rmm_create(&rc, err, sizeof(err)) : NULL;
	if (!e->rmm || !g) {
		fprintf(stderr, "bench_rec: set-up failed: %s\n", g ? err : "no guest");
		exit(1);
	}
	e->next = pmem_pa_base(e->pm);
	rtt = delegated(e);
	delegated(e);
	e->rd = delegated(e);
	params = ns_page(e);
	rp = pmem_host_ptr(e->pm, params);
	rp->s2sz = 40;
	rp->num_bps = 1;
	rp->num_wps = 1;
	rp->vmid = 1;
	rp->rtt_base = rtt;
	rp->rtt_level_start = 1;
	rp->rtt_num_start = 2;
	call(e, RMI_FID_REALM_CREATE, e->rd, params, 0, 0, 0, "REALM_CREATE");
	call(e, RMI_FID_RTT_CREATE, e->rd, delegated(e), 0, 2, 0, "RTT_CREATE L2");
	call(e, RMI_FID_RTT_CREATE, e->rd, delegated(e), 0, 3, 0, "RTT_CREATE L3");
	for (size_t off = 0; off < g->size; off += GRAN) {
		src = ns_page(e);
		memcpy(pmem_host_ptr(e->pm, src), g->bytes + off, g->size - off < GRAN ? g->size - off : GRAN);
		data = delegated(e);
		call(e, RMI_FID_DATA_CREATE, e->rd, data, CODE_IPA + off, src, 1, "DATA_CREATE");
	}
	params = ns_page(e);
	recp = pmem_host_ptr(e->pm, params);
	recp->flags = RMI_V1_0_REC_PARAMS_FLAGS_RUNNABLE_MASK;
	recp->pc = CODE_IPA;
	recp->num_aux = RMI_V1_0_REC_PARAMS_AUX_GRANULES;
	for (unsigned int i = 0; i < RMI_V1_0_REC_PARAMS_AUX_GRANULES; i++)
		recp->aux[i] = delegated(e);
	e->rec = delegated(e);
	call(e, RMI_FID_REC_CREATE, e->rd, e->rec, params, 0, 0, "REC_CREATE");
	call(e, RMI_FID_REALM_ACTIVATE, e->rd, 0, 0, 0, 0, "REALM_ACTIVATE");
	e->run = ns_page(e);
}

static void env_down(struct env *e)
{
	rmm_destroy(e->rmm);
	pmem_destroy(e->pm);
}

static uint8_t exit_reason(struct env *e)
{
	return ((struct rmi_v1_0_rec_run *)pmem_host_ptr(e->pm, e->run))->exit.exit_reason;
}

static double round_trips_per_second(void)
{
	struct env e;
	double t0, t;

	env_up(&e, "exit_immediately", 0);
	call(&e, RMI_FID_REC_ENTER, e.rec, e.run, 0, 0, 0, "REC_ENTER");	/* engine creation */
	t0 = now();
	for (unsigned int i = 0; i < ROUND_TRIPS; i++)
		call(&e, RMI_FID_REC_ENTER, e.rec, e.run, 0, 0, 0, "REC_ENTER");
	t = now() - t0;
	if (exit_reason(&e) != RMI_EXIT_REASON_HOST_CALL) {
		fprintf(stderr, "bench_rec: exit_immediately did not exit with HOST_CALL\n");
		exit(1);
	}
	env_down(&e);
	return ROUND_TRIPS / t;
}

static double spin_instructions_per_second(void)
{
	struct env e;
	double t0, t;

	env_up(&e, "spin", SPIN_BUDGET);
	t0 = now();
	call(&e, RMI_FID_REC_ENTER, e.rec, e.run, 0, 0, 0, "REC_ENTER");
	t = now() - t0;
	if (exit_reason(&e) != RMI_EXIT_REASON_IRQ) {
		fprintf(stderr, "bench_rec: spin did not end with the budget IRQ exit\n");
		exit(1);
	}
	env_down(&e);
	return SPIN_BUDGET / t;		/* includes the engine's creation (~1.5 ms) */
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), cmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int main(int argc, char **argv)
{
	int runs = argc > 1 ? atoi(argv[1]) : 5;
	double rt[MAX_RUNS], ips[MAX_RUNS];

	if (runs < 1 || runs > MAX_RUNS) {
		fprintf(stderr, "usage: %s [runs 1..%d]\n", argv[0], MAX_RUNS);
		return 2;
	}
	printf("command: %s %d\n", argv[0], runs);
	for (int i = 0; i < runs; i++) {
		rt[i] = round_trips_per_second();
		ips[i] = spin_instructions_per_second();
	}
	printf("REC_ENTER round trips (exit_immediately, %d per run): median %.0f /s (target > 200000)\n",
	       ROUND_TRIPS, median(rt, runs));
	printf("guest instructions (spin, %llu per REC_ENTER): median %.1f M/s\n",
	       (unsigned long long)SPIN_BUDGET, median(ips, runs) / 1e6);
	return 0;
}
