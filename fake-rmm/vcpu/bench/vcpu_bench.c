// SPDX-License-Identifier: BSD-3-Clause
/*
 * vcpu_bench: what a REC entry costs.
 *
 *   build/.../vcpu_bench [runs]        (default 7 runs; medians printed)
 *
 * 1. REC enter/exit round trips per second: `exit_immediately` makes an
 *    RSI_HOST_CALL SMC on every entry.
 * 2. Guest instructions per second: `spin` (2-instruction loop) with a
 *    100 M instruction budget per vcpu_run.
 * 3. vcpu_create + vcpu_destroy (the price of one engine per vCPU).
 * 4. The budget mechanism: raw Unicorn on the same loop with count = 0
 *    (what a watchdog design would run) vs count > 0 (what the engine runs),
 *    and the latency of a cross-thread uc_emu_stop kick.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <unicorn/unicorn.h>

#include "cca-double/vcpu.h"
#include "test_realm.h"

#define MAX_RUNS 31
#define GUEST_IPA 0x80000000ULL

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static struct vcpu *make_vcpu(struct test_realm *r, const char *guest, uint64_t budget)
{
	struct vcpu_config cfg;
	struct vcpu *v;

	if (!test_realm_init(r, 40, 1))
		exit(1);
	test_realm_load(r, guest, GUEST_IPA);
	cfg = test_realm_vcpu_config(r, GUEST_IPA, 0, 0, 0, 0);
	cfg.budget = budget;
	v = vcpu_create(&cfg);
	if (!v) {
		fprintf(stderr, "vcpu_create: %s\n", vcpu_create_error());
		exit(1);
	}
	return v;
}

static double bench_round_trips(void)
{
	struct test_realm r;
	struct vcpu *v = make_vcpu(&r, "exit_immediately", 1000000);
	struct vcpu_exit x;
	const int n = 200000;
	double t0;

	for (int i = 0; i < 1000; i++)          /* translate once */
		vcpu_run(v, &x);
	t0 = now_s();
	for (int i = 0; i < n; i++) {
		vcpu_run(v, &x);
		if (x.reason != VCPU_EXIT_SMC) {
			fprintf(stderr, "unexpected exit %d\n", x.reason);
			exit(1);
		}
		vcpu_set_reg(v, VCPU_REG_X0, 0);  /* the "RMM" answers */
	}
	double rate = n / (now_s() - t0);

	vcpu_destroy(v);
	test_realm_fini(&r);
	return rate;
}

static double bench_instructions(void)
{
	const uint64_t budget = 100000000;
	struct test_realm r;
	struct vcpu *v = make_vcpu(&r, "spin", budget);
	struct vcpu_exit x;
	double t0, rate;

	vcpu_run(v, &x);
	t0 = now_s();
	vcpu_run(v, &x);
	rate = (double)budget / (now_s() - t0);
	if (x.reason != VCPU_EXIT_BUDGET)
		exit(1);
	vcpu_destroy(v);
	test_realm_fini(&r);
	return rate;
}

static double bench_create(void)
{
	struct test_realm r;
	double t0;
	struct vcpu *v;
	struct vcpu_config cfg;

	if (!test_realm_init(&r, 40, 1))
		exit(1);
	test_realm_load(&r, "spin", GUEST_IPA);
	cfg = test_realm_vcpu_config(&r, GUEST_IPA, 0, 0, 0, 0);
	t0 = now_s();
	v = vcpu_create(&cfg);
	vcpu_destroy(v);
	t0 = now_s() - t0;
	test_realm_fini(&r);
	return t0 * 1e3;
}

/* ---- raw Unicorn, flat EL1, for the budget-mechanism comparison ---- */

static const uint32_t raw_loop[] = {
	0x91000421,     /* 0: add x1, x1, #1 */
	0x17ffffff,     /* 4: b 0 */
};

static uc_engine *raw_engine(void)
{
	uc_engine *uc;
	static uint8_t *mem;

	if (uc_open(UC_ARCH_ARM64, UC_MODE_ARM, &uc) != UC_ERR_OK)
		exit(1);
	uc_ctl_exits_enable(uc);
	if (!mem)
		mem = mmap(NULL, 0x10000, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memcpy(mem + 0x1000, raw_loop, sizeof(raw_loop));
	uc_mem_map_ptr(uc, 0, 0x10000, UC_PROT_ALL, mem);
	return uc;
}

struct kicker {
	uc_engine *uc;
	volatile int go, done;
	double sent;
};

static void *kick_thread(void *p)
{
	struct kicker *k = p;

	while (!k->go)
		;
	usleep(20000);
	k->sent = now_s();
	uc_emu_stop(k->uc);
	k->done = 1;
	return NULL;
}

/* ns per instruction with count = 0 stopped by a kick after 20 ms, and the
 * kick's latency (time from uc_emu_stop to uc_emu_start returning). */
static void raw_count0(double *ns_per_insn, double *kick_us)
{
	uc_engine *uc = raw_engine();
	struct kicker k = { .uc = uc };
	pthread_t th;
	uint64_t x1 = 0, pc = 0x1000;
	double t0, t1;

	uc_reg_write(uc, UC_ARM64_REG_X1, &x1);
	pthread_create(&th, NULL, kick_thread, &k);
	t0 = now_s();
	k.go = 1;
	uc_emu_start(uc, pc, 0, 0, 0);
	t1 = now_s();
	pthread_join(th, NULL);
	uc_reg_read(uc, UC_ARM64_REG_X1, &x1);
	*ns_per_insn = (k.sent - t0) * 1e9 / (double)(2 * x1);
	*kick_us = (t1 - k.sent) * 1e6;
	uc_close(uc);
}

static double raw_count_n(void)
{
	uc_engine *uc = raw_engine();
	const size_t count = 50000000;
	uint64_t x1 = 0;
	double t0;

	uc_reg_write(uc, UC_ARM64_REG_X1, &x1);
	t0 = now_s();
	uc_emu_start(uc, 0x1000, 0, 0, count);
	t0 = now_s() - t0;
	uc_close(uc);
	return t0 * 1e9 / (double)count;
}

int main(int argc, char **argv)
{
	int runs = argc > 1 ? atoi(argv[1]) : 7;
	double rt[MAX_RUNS], ips[MAX_RUNS], cr[MAX_RUNS], c0[MAX_RUNS], kick[MAX_RUNS], cn[MAX_RUNS];

	if (runs < 1 || runs > MAX_RUNS)
		runs = 7;
	printf("command: %s %d\n", argv[0], runs);
	for (int i = 0; i < runs; i++) {
		rt[i] = bench_round_trips();
		ips[i] = bench_instructions();
		cr[i] = bench_create();
		raw_count0(&c0[i], &kick[i]);
		cn[i] = raw_count_n();
	}
	printf("REC enter/exit round trips (exit_immediately): %.0f /s  (median of %d)\n",
	       median(rt, runs), runs);
	printf("guest instructions (spin, 100M budget/run):   %.3g /s\n", median(ips, runs));
	printf("vcpu_create + vcpu_destroy:                    %.2f ms\n", median(cr, runs));
	printf("budget: raw loop count=0 (watchdog design):    %.3f ns/insn\n", median(c0, runs));
	printf("budget: raw loop count>0 (engine design):      %.3f ns/insn\n", median(cn, runs));
	printf("budget: cross-thread kick latency:             %.1f us\n", median(kick, runs));
	return 0;
}
