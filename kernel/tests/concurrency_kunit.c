// SPDX-License-Identifier: BSD-3-Clause
/*
 * The races of issue #16 on the host side, with each vCPU on a thread of
 * its own (the harness's threaded mode):
 *
 *   cpu_on_races_first_entry   the target of a PSCI CPU_ON reaches REC_ENTER
 *                              before the caller's PSCI_COMPLETE: the RMM
 *                              answers ERROR_REC, KVM_RUN -EAGAIN, and the
 *                              VMM's retry runs it once the caller completed
 *   fault_in_while_other_runs  two vCPUs fault memory in at once (DATA map,
 *                              RTT creation) while the other one runs
 *   unmap_while_vcpu_runs      the VMM unmaps a page again and again while a
 *                              vCPU keeps faulting it back in
 *   destroy_while_kicked       the VM is killed (kvm_vm_dead: a request and a
 *                              kick to every vCPU) while a vCPU spins in the
 *                              realm; it must leave at once (-EIO), then the
 *                              VM is destroyed
 *   request_before_entry       the same kill while the vCPU is between two
 *                              entries: no IPI, and the vCPU sees the request
 *                              before it enters again
 *
 * Stress mode (CCA_STRESS_SEED, CCA_STRESS_RUNS; mock-sync.h): each case
 * repeats its body that many times, run i with seed + i, with random
 * yields and sleeps at every lock and SMC; it prints each run's seed, and
 * CCA_STRESS_SEED=<that seed> CCA_STRESS_RUNS=1 replays its delays.
 *
 * Only the harness, the KVM models and the RMM's answers are used (command
 * names resolved on the running profile), so the suites build against a
 * tree's realm files as well (kernel/upstream).
 */
#include <linux/kvm_host.h>

#include "realm_test.h"

/* Bound on one threaded run: the races here end in milliseconds. */
#define CONC_JOIN_MS		5000
/* Stress: no new run starts after this long (the case's own timeout is the hard bound). */
#define CONC_STRESS_BUDGET_MS	20000
/*
 * IPA size of the VMs here: 36 bits (64 GiB) rather than the harness's 40,
 * so the realm engine's reservation of host address space for the IPA
 * space fits under ThreadSanitizer's memory layout too.
 */
#define CONC_IPA_BITS		36
/* A guest that only ends when kicked: REC_ENTER would run for hours on its own. */
#define CONC_LONG_BUDGET	(1ULL << 40)

/* Waits (bounded) until *flag is set by another thread; hooks call it too. */
static bool wait_flag(const int *flag, unsigned int ms)
{
	unsigned long long until = mock_now_ms() + ms;

	while (!__atomic_load_n(flag, __ATOMIC_ACQUIRE)) {
		if (mock_now_ms() > until)
			return false;
		mock_test_sleep_us(200);
	}
	return true;
}

/* Runs body(test) once, or in stress mode as many times as asked, each seeded and reported. */
static void conc_repeat(struct kunit *test, void (*body)(struct kunit *test))
{
	struct mock_stress s;
	unsigned long long start = mock_now_ms();
	unsigned int run;

	mock_stress_from_env(&s);
	for (run = 0; run < s.runs; run++) {
		if (s.on) {
			kunit_info(test, "stress: seed=%llu (run %u of %u)", s.seed + run, run + 1, s.runs);
			mock_stress_begin(s.seed + run);
		}
		body(test);
		mock_stress_end();
		if (test->status == KUNIT_FAILURE) {
			if (s.on)
				kunit_info(test, "stress: failed with seed=%llu: CCA_STRESS_SEED=%llu CCA_STRESS_RUNS=1 replays it",
					   s.seed + run, s.seed + run);
			return;
		}
		if (s.on && mock_now_ms() - start > CONC_STRESS_BUDGET_MS) {
			kunit_info(test, "stress: time budget used after %u of %u runs", run + 1, s.runs);
			return;
		}
	}
	if (s.on)
		kunit_info(test, "stress: %u runs passed", s.runs);
}

static struct harness_vm *conc_vm(struct kunit *test, const char *guest, unsigned int nvcpus,
				  unsigned long long ram_size, const unsigned long long *x,
				  unsigned int nx)
{
	struct harness_vm_config cfg = { .ipa_bits = CONC_IPA_BITS, .ram_size = ram_size };
	struct harness_vm *vm;
	unsigned long long entry;

	KUNIT_ASSERT_EQ(test, harness_vm_create(&cfg, &vm), 0);
	KUNIT_ASSERT_EQ(test, harness_load_guest(vm, guest, harness_vm_ram_base(vm), true, &entry),
			0);
	for (unsigned int i = 0; i < nvcpus; i++)
		KUNIT_ASSERT_EQ(test, harness_vcpu_create(vm, NULL), 0);
	KUNIT_ASSERT_EQ(test, harness_vcpu_set_entry(vm, 0, entry, x, nx), 0);
	return vm;
}

/* The RMM's books balance after a threaded run. */
static void expect_rmm_consistent(struct kunit *test)
{
	char msg[256];

	KUNIT_EXPECT_EQ_MSG(test, realm_test_check_invariants(msg, sizeof(msg)), 0, "%s", msg);
}

/* ---- CPU_ON against the target's first REC_ENTER ---- */

struct cpu_on_race {
	unsigned long psci_complete, rec_enter;
	int target_refused;	/* the target's REC_ENTER answered ERROR_REC */
	int held;		/* the caller was held at its PSCI_COMPLETE */
};

static struct cpu_on_race cpu_on_race;

/*
 * vCPU 0's thread (cpu 1) is held at its PSCI_COMPLETE until vCPU 1's
 * thread (cpu 2), woken by CPU_ON, had a REC_ENTER refused: the order the
 * race can take on a real host, forced.
 */
static void cpu_on_hook(void *ctx, enum mock_sched_point where, unsigned int cpu,
			unsigned long fid, unsigned long ret)
{
	struct cpu_on_race *r = ctx;

	if (where == MOCK_SCHED_SMC_EXIT && cpu == 2 && fid == r->rec_enter &&
	    realm_test_status_is(ret, "ERROR_REC"))
		__atomic_store_n(&r->target_refused, 1, __ATOMIC_RELEASE);
	if (where == MOCK_SCHED_SMC_ENTER && cpu == 1 && fid == r->psci_complete &&
	    !__atomic_exchange_n(&r->held, 1, __ATOMIC_ACQ_REL))
		wait_flag(&r->target_refused, 2000);
}

static void cpu_on_race_body(struct kunit *test)
{
	static const unsigned long long x[] = { 1 };	/* MPIDR of vCPU 1 */
	/* The primary stops at its report (HOST_CALL imm 1), the secondary runs to CPU_OFF. */
	struct harness_run runs[2] = {
		{ .stop_on_reason = RMI_EXIT_HOST_CALL, .max_exits = 4000 },
		{ .stop_on_reason = -1, .max_exits = 4000 },
	};
	struct harness_vm *vm = conc_vm(test, "psci_cpu_on", 2, 0, x, 1);

	cpu_on_race = (struct cpu_on_race){
		.psci_complete = realm_test_fid("PSCI_COMPLETE"),
		.rec_enter = realm_test_fid("REC_ENTER"),
	};
	KUNIT_ASSERT_NE(test, cpu_on_race.psci_complete, 0UL);
	mock_set_sched_hook(cpu_on_hook, &cpu_on_race);
	KUNIT_EXPECT_EQ(test, harness_run_threads(vm, runs, CONC_JOIN_MS), 0);
	mock_set_sched_hook(NULL, NULL);

	KUNIT_EXPECT_TRUE(test, __atomic_load_n(&cpu_on_race.held, __ATOMIC_ACQUIRE));
	KUNIT_EXPECT_TRUE_MSG(test, __atomic_load_n(&cpu_on_race.target_refused, __ATOMIC_ACQUIRE),
			      "the target never reached REC_ENTER before PSCI_COMPLETE");
	/* The retry ran the secondary: its HOST_CALL (imm 2), then CPU_OFF. */
	KUNIT_EXPECT_EQ(test, runs[1].by_reason[RMI_EXIT_HOST_CALL], 1U);
	KUNIT_EXPECT_FALSE(test, runs[1].stuck);
	/*
	 * The primary saw CPU_ON succeed (its AFFINITY_INFO polls, bounded in
	 * the guest, may end before the secondary's retry ran it).
	 */
	KUNIT_EXPECT_TRUE(test, runs[0].stopped_on_reason);
	KUNIT_EXPECT_EQ(test, runs[0].last_imm, 1U);
	KUNIT_EXPECT_EQ(test, runs[0].last_gprs[0], 0ULL);
	expect_rmm_consistent(test);
	harness_vm_destroy(vm);
}

static void cpu_on_races_first_entry(struct kunit *test)
{
	conc_repeat(test, cpu_on_race_body);
}

/* ---- faults on two vCPUs at once ---- */

#define TOUCH_PAGES	16

static void fault_in_body(struct kunit *test)
{
	/* The primary's AFFINITY_INFO polls are REC exits: up to the guest's 100000. */
	struct harness_run runs[2] = {
		{ .stop_on_reason = RMI_EXIT_HOST_CALL, .max_exits = 200000 },
		{ .stop_on_reason = -1, .max_exits = 4000 },
	};
	unsigned long long x[4];
	struct harness_vm *vm;

	/* Each vCPU reads pages of its own 2 MiB block, so each needs its own tables. */
	x[0] = 1;
	x[1] = HARNESS_DEFAULT_RAM_BASE + (2ULL << 20);
	x[2] = HARNESS_DEFAULT_RAM_BASE + (4ULL << 20);
	x[3] = TOUCH_PAGES;
	vm = conc_vm(test, "smp_touch", 2, 8ULL << 20, x, 4);
	realm_test_trace_start();
	KUNIT_EXPECT_EQ(test, harness_run_threads(vm, runs, CONC_JOIN_MS), 0);

	KUNIT_EXPECT_EQ(test, runs[1].by_reason[RMI_EXIT_HOST_CALL], 1U);
	KUNIT_EXPECT_EQ(test, runs[0].last_imm, 1U);
	KUNIT_EXPECT_EQ(test, runs[0].last_gprs[0], 0ULL);	/* CPU_ON succeeded */
	KUNIT_EXPECT_EQ(test, runs[0].last_gprs[1], 1ULL);	/* the secondary is OFF */
	/* Every page each vCPU read was faulted in, on its own thread. */
	KUNIT_EXPECT_GE(test, runs[0].by_reason[RMI_EXIT_SYNC], (unsigned int)TOUCH_PAGES);
	KUNIT_EXPECT_GE(test, runs[1].by_reason[RMI_EXIT_SYNC], (unsigned int)TOUCH_PAGES);
	/* (A first map in a block is refused with ERROR_RTT, the tables made, and retried.) */
	KUNIT_EXPECT_GE(test, realm_test_count(RT_CMD("DATA_CREATE_UNKNOWN", "RTT_DATA_MAP")),
			2UL * TOUCH_PAGES);
	KUNIT_EXPECT_GE(test, realm_test_count("RTT_CREATE"), 2UL);
	expect_rmm_consistent(test);
	harness_vm_destroy(vm);
}

static void fault_in_while_other_runs(struct kunit *test)
{
	conc_repeat(test, fault_in_body);
}

/* ---- the VMM unmaps while a vCPU runs ---- */

#define UNMAP_ROUNDS	8

struct map_watch {
	unsigned long map_fid;
	int maps;		/* successful maps of the page so far */
};

static struct map_watch map_watch;

static void map_hook(void *ctx, enum mock_sched_point where, unsigned int cpu,
		     unsigned long fid, unsigned long ret)
{
	struct map_watch *w = ctx;

	if (where == MOCK_SCHED_SMC_EXIT && fid == w->map_fid && realm_test_status_is(ret, "SUCCESS"))
		__atomic_add_fetch(&w->maps, 1, __ATOMIC_ACQ_REL);
}

static bool wait_maps(int n)
{
	unsigned long long until = mock_now_ms() + 2000;

	while (__atomic_load_n(&map_watch.maps, __ATOMIC_ACQUIRE) < n) {
		if (mock_now_ms() > until)
			return false;
		mock_test_sleep_us(200);
	}
	return true;
}

static void unmap_body(struct kunit *test)
{
	struct harness_run runs[1] = { { .stop_on_reason = -1, .max_exits = 1000000 } };
	unsigned long long x[1];
	struct harness_vm *vm;
	unsigned long long page, shared;

	/* load_loop on the shared alias: every fault maps it (UNPROT map), every unmap takes it away. */
	page = HARNESS_DEFAULT_RAM_BASE + (1 << 20);
	shared = page | (1ULL << (CONC_IPA_BITS - 1));
	x[0] = shared;
	vm = conc_vm(test, "load_loop", 1, 0, x, 1);
	KUNIT_ASSERT_EQ(test, harness_set_private(vm, page, PAGE_SIZE, false), 0);
	map_watch = (struct map_watch){
		.map_fid = realm_test_fid(RT_CMD("RTT_MAP_UNPROTECTED", "RTT_UNPROT_MAP")),
	};
	KUNIT_ASSERT_NE(test, map_watch.map_fid, 0UL);
	mock_set_sched_hook(map_hook, &map_watch);
	realm_test_trace_start();
	KUNIT_ASSERT_EQ(test, harness_threads_start(vm, runs), 0);
	for (int round = 1; round <= UNMAP_ROUNDS; round++) {
		/* The vCPU (re)mapped it: take it away while the vCPU runs. */
		if (!wait_maps(round)) {
			KUNIT_FAIL(test, "round %d: the running vCPU did not fault the page back in",
				   round);
			break;
		}
		KUNIT_EXPECT_EQ(test, harness_unmap(vm, page, PAGE_SIZE), 0);
	}
	harness_threads_stop(vm);
	KUNIT_EXPECT_TRUE(test, harness_threads_join(vm, CONC_JOIN_MS));
	mock_set_sched_hook(NULL, NULL);
	KUNIT_EXPECT_EQ(test, runs[0].ret, -EINTR);	/* left on the VMM's signal, nothing else */
	/* Each unmap taken away under the running vCPU was faulted back in. */
	KUNIT_EXPECT_GE(test, runs[0].by_reason[RMI_EXIT_SYNC], (unsigned int)UNMAP_ROUNDS);
	KUNIT_EXPECT_GE(test, realm_test_count(RT_CMD("RTT_UNMAP_UNPROTECTED", "RTT_UNPROT_UNMAP")),
			(unsigned long)UNMAP_ROUNDS);
	expect_rmm_consistent(test);
	harness_vm_destroy(vm);
}

static void unmap_while_vcpu_runs(struct kunit *test)
{
	conc_repeat(test, unmap_body);
}

/* ---- the VM is killed while a vCPU spins in the realm ---- */

struct entered_watch {
	unsigned long rec_enter;
	int entered;
};

static struct entered_watch entered_watch;

static void entered_hook(void *ctx, enum mock_sched_point where, unsigned int cpu,
			 unsigned long fid, unsigned long ret)
{
	struct entered_watch *w = ctx;

	if (where == MOCK_SCHED_SMC_ENTER && cpu == 1 && fid == w->rec_enter)
		__atomic_store_n(&w->entered, 1, __ATOMIC_RELEASE);
}

static void destroy_body(struct kunit *test)
{
	struct harness_run runs[1] = { { .stop_on_reason = -1, .max_exits = 1000000 } };
	struct harness_vm *vm = conc_vm(test, "spin", 1, 0, NULL, 0);
	unsigned long long t0;

	entered_watch = (struct entered_watch){ .rec_enter = realm_test_fid("REC_ENTER") };
	mock_set_sched_hook(entered_hook, &entered_watch);
	KUNIT_ASSERT_EQ(test, harness_threads_start(vm, runs), 0);
	KUNIT_EXPECT_TRUE(test, wait_flag(&entered_watch.entered, 2000));
	/*
	 * The VM dies (kvm_vm_dead(): KVM_REQ_VM_DEAD and a kick to each vCPU).
	 * The realm spins with no trap and a REC_ENTER budget of hours: only
	 * the kick's IPI ends the entry, then the request ends KVM_RUN.
	 */
	t0 = mock_now_ms();
	kvm_vm_dead(harness_vm_kvm(vm));
	KUNIT_EXPECT_TRUE(test, harness_threads_join(vm, 3000));
	mock_set_sched_hook(NULL, NULL);
	kunit_info(test, "vCPU left %llu ms after the kill", mock_now_ms() - t0);
	KUNIT_EXPECT_EQ(test, runs[0].ret, -EIO);
	KUNIT_EXPECT_GE(test, runs[0].by_reason[RMI_EXIT_IRQ], 1U);
	expect_rmm_consistent(test);
	harness_vm_destroy(vm);	/* the realm, its REC and tables, with the vCPU gone */
}

static void destroy_while_kicked(struct kunit *test)
{
	conc_repeat(test, destroy_body);
}

/* ---- a request made while the vCPU is outside the guest ---- */

struct entry_gate {
	unsigned long rec_enter;
	int entries;		/* REC_ENTERs of vCPU 0 */
	int at_gate;		/* vCPU 0 is held before its second entry */
	int open;		/* ... until the test opens the gate */
	int entries_after;	/* REC_ENTERs once the gate opened */
};

static struct entry_gate entry_gate;

static void gate_hook(void *ctx, enum mock_sched_point where, unsigned int cpu,
		      unsigned long arg, unsigned long ret)
{
	struct entry_gate *g = ctx;

	if (cpu != 1)
		return;
	if (where == MOCK_SCHED_SMC_ENTER && arg == g->rec_enter) {
		__atomic_add_fetch(&g->entries, 1, __ATOMIC_ACQ_REL);
		if (__atomic_load_n(&g->open, __ATOMIC_ACQUIRE))
			__atomic_add_fetch(&g->entries_after, 1, __ATOMIC_ACQ_REL);
	}
	/* After the first entry ended: hold the vCPU outside guest mode once. */
	if (where == MOCK_SCHED_VCPU_ENTRY && __atomic_load_n(&g->entries, __ATOMIC_ACQUIRE) &&
	    !__atomic_exchange_n(&g->at_gate, 1, __ATOMIC_ACQ_REL))
		wait_flag(&g->open, 3000);
}

static void request_before_entry_body(struct kunit *test)
{
	/* One entry's worth of realm time, so the first REC_ENTER ends by itself. */
	struct harness_run runs[1] = { { .stop_on_reason = -1, .max_exits = 1000000 } };
	struct harness_vm *vm = conc_vm(test, "host_call", 1, 0, NULL, 0);
	unsigned long ipis;

	entry_gate = (struct entry_gate){ .rec_enter = realm_test_fid("REC_ENTER") };
	mock_set_sched_hook(gate_hook, &entry_gate);
	KUNIT_ASSERT_EQ(test, harness_threads_start(vm, runs), 0);
	KUNIT_EXPECT_TRUE(test, wait_flag(&entry_gate.at_gate, 3000));
	ipis = mock_ipis_sent();
	kvm_vm_dead(harness_vm_kvm(vm));	/* request + kick: the vCPU is not in the guest */
	KUNIT_EXPECT_EQ(test, mock_ipis_sent(), ipis);
	__atomic_store_n(&entry_gate.open, 1, __ATOMIC_RELEASE);
	KUNIT_EXPECT_TRUE(test, harness_threads_join(vm, 3000));
	mock_set_sched_hook(NULL, NULL);
	KUNIT_EXPECT_EQ(test, runs[0].ret, -EIO);
	KUNIT_EXPECT_EQ(test, __atomic_load_n(&entry_gate.entries_after, __ATOMIC_ACQUIRE), 0);
	harness_vm_destroy(vm);
}

static void request_before_entry(struct kunit *test)
{
	conc_repeat(test, request_before_entry_body);
}

/* ---- suites: every profile the code under test speaks ---- */

#define CONC_CASES							\
	KUNIT_CASE(cpu_on_races_first_entry),				\
	KUNIT_CASE(fault_in_while_other_runs),				\
	KUNIT_CASE(unmap_while_vcpu_runs)
#define KICK_CASES	KUNIT_CASE(destroy_while_kicked), KUNIT_CASE(request_before_entry)

#ifdef CCA_UPSTREAM
static int kick_init(struct kunit *test)
{
	return realm_test_init_profile_budget(test, REALM_TEST_PROFILE, CONC_LONG_BUDGET);
}

REALM_TEST_SUITES(realm_concurrency, CONC_CASES);
static struct kunit_case realm_kick_cases[] = { KICK_CASES, {} };
static struct kunit_suite realm_kick_suite = {
	.name = "realm_kick", .init = kick_init, .test_cases = realm_kick_cases,
};
kunit_test_suites(&realm_kick_suite);
#else
static int kick_init_1_0(struct kunit *test)
{
	return realm_test_init_profile_budget(test, "1.0", CONC_LONG_BUDGET);
}

static int kick_init_2_0(struct kunit *test)
{
	return realm_test_init_profile_budget(test, "2.0-bet1", CONC_LONG_BUDGET);
}

static int kick_init_2_0_bet3(struct kunit *test)
{
	return realm_test_init_profile_budget(test, "2.0-bet3", CONC_LONG_BUDGET);
}

REALM_TEST_SUITES(realm_concurrency, CONC_CASES);
REALM_TEST_SUITE_ON(realm_kick, , kick_init_1_0, KICK_CASES);
REALM_TEST_SUITE_ON(realm_kick, _v2, kick_init_2_0, KICK_CASES);
REALM_TEST_SUITE_ON(realm_kick, _v2_bet3, kick_init_2_0_bet3, KICK_CASES);
kunit_test_suites(&realm_kick_suite, &realm_kick_v2_suite, &realm_kick_v2_bet3_suite);
#endif
