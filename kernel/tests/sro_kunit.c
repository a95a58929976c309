// SPDX-License-Identifier: BSD-3-Clause
/*
 * RMM 2.0 only, on each 2.0 revision (realm_sro_v2 on 2.0-bet1,
 * realm_sro_v2_bet3 on 2.0-bet3): stateful operations and the answers a
 * 2.0 RMM may give (DEN0137 2.0 "Stateful RMI Operations").  INCOMPLETE with no memory
 * request (OP_CONTINUE) on the commands whose operation transfers memory
 * and on the continue-only ones, donations of several granules, contiguous
 * or not, on commands v14 does not drive, an operation the RMM stops
 * answering (its memory quarantined), BUSY and BLOCKED retried a bounded
 * number of times, range delegation that moves one granule per call, and
 * nothing sent for an empty range.  Donations of 2 MiB blocks, of
 * undelegated and (2.0-bet3) conditional memory, and requests the host
 * cannot meet: cancelled when the RMM allows it (no WARN, nothing kept),
 * abandoned with a WARN when it does not.
 *
 * Where 2.0-bet3 changed the protocol the cases say what each revision
 * expects: there only realm, REC and RMM activation operations may ask
 * for memory (a request on the continue-only RTT and data commands is the
 * RMM's error), and a command answered BLOCKED is issued at most twice.
 */
#include "realm_test.h"

#define RMI_ERROR_INPUT		1
#define RMI_BUSY		10
#define RMI_INCOMPLETE		13
#define RMI_BLOCKED		14
#define MEMREQ_NONE		0
#define MEMREQ_DONATE		1
#define CAN_CANCEL		4	/* in the index bits: x0 bit 10 */
/* A donate request's x2: `n` granules, bit 16 contiguous. */
#define DONATE(n, contig)	(((unsigned long long)(n) << 2) | ((contig) ? 1ULL << 16 : 0))
#define PMD_BLOCKS		1ULL		/* block size 2 MiB */
/* STATE from bit 17: one bit in 2.0-bet1, two in 2.0-bet3 (CONDITIONAL 2). */
#define UNDELEGATED		(1ULL << 17)
#define CONDITIONAL		(2ULL << 17)
#define PMD_PAGES		512
/* Tries of a command the RMM keeps answering BUSY (1 + RMI_RETRY_MAX). */
#define BUSY_TRIES		65UL

/*
 * A command whose operation may ask for memory on either revision: any
 * command on 2.0-bet1 (RTT_CREATE, which v14 does not drive), a realm
 * operation on 2.0-bet3.
 */
static const char *donating_command(void)
{
	return realm_test_bet3() ? "REALM_CREATE" : "RTT_CREATE";
}

/*
 * How many of `command` a fault-free one-page populate issues on this RMM:
 * RD, roots, tables and data, and what the RMM's own operations ask for
 * (a 2.0-bet3 REALM_CREATE may take memory) - from a control realm made
 * and destroyed first, so that the cases count only what their faults add.
 */
static unsigned long populate_baseline(struct kunit *test, const char *command)
{
	struct harness_vm *vm;
	unsigned long n;

	KUNIT_ASSERT_EQ(test, harness_vm_create(NULL, &vm), 0);
	realm_test_trace_start();
	KUNIT_EXPECT_EQ(test, harness_populate(vm, harness_vm_ram_base(vm), PAGE_SIZE, false,
					       NULL, 0), 0);
	n = realm_test_count(command);
	harness_vm_destroy(vm);
	return n;
}

/*
 * Granules the donating command's own operation keeps from a one-page
 * populate: on 2.0-bet3 REALM_CREATE's request for the RD's auxiliary
 * granules (INTERNAL), on 2.0-bet1 nothing (RTT_CREATE asks for none).
 */
static unsigned long own_donation(struct kunit *test)
{
	struct harness_vm *vm;
	unsigned long long before, n;

	KUNIT_ASSERT_EQ(test, harness_vm_create(NULL, &vm), 0);
	before = realm_test_granules_in_state("INTERNAL");
	KUNIT_EXPECT_EQ(test, harness_populate(vm, harness_vm_ram_base(vm), PAGE_SIZE, false,
					       NULL, 0), 0);
	n = realm_test_granules_in_state("INTERNAL") - before;
	harness_vm_destroy(vm);
	return (unsigned long)n;
}

static struct harness_vm *one_vcpu_vm(struct kunit *test)
{
	struct harness_vm *vm = realm_test_vm(test, NULL);

	KUNIT_ASSERT_EQ(test, harness_populate(vm, harness_vm_ram_base(vm), PAGE_SIZE, false,
					       NULL, 0), 0);
	KUNIT_ASSERT_EQ(test, harness_vcpu_create(vm, NULL), 0);
	return vm;
}

/* v14 leaves ret uninitialised on this path: the operation goes on with OP_CONTINUE. */
static void incomplete_without_memreq_continues(struct kunit *test)
{
	struct harness_vm *vm = one_vcpu_vm(test);

	KUNIT_ASSERT_EQ(test, realm_test_inject("REC_CREATE", 1, RMI_INCOMPLETE, MEMREQ_NONE), 0);
	realm_test_trace_start();
	KUNIT_EXPECT_EQ(test, harness_activate(vm), 0);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("REC"), 1ULL);
	/* One for the injected step, one after the REC's own donation. */
	KUNIT_EXPECT_EQ(test, realm_test_count("OP_CONTINUE"), 2UL);
	KUNIT_EXPECT_EQ(test, realm_test_count("OP_MEM_DONATE"), 1UL);
}

struct donation {
	const char *what;
	unsigned long long req;
	unsigned long delegations;	/* range delegations the host makes for it */
};

static const struct donation donations[] = {
	{ "one_granule", DONATE(1, false), 1 },
	{ "eight_scattered", DONATE(8, false), 8 },
	{ "eight_contiguous", DONATE(8, true), 1 },
	{ "sixty_four_contiguous", DONATE(64, true), 1 },
	/* alloc_pages_exact(2 MiB): one block, one delegation */
	{ "pmd_contiguous", DONATE(1, true) | PMD_BLOCKS, 1 },
	{ "two_pmds_scattered", DONATE(2, false) | PMD_BLOCKS, 2 },
	/* the RMM delegates undelegated memory itself: the host neither delegates nor undelegates */
	{ "eight_undelegated", DONATE(8, false) | UNDELEGATED, 0 },
	{ "pmd_undelegated", DONATE(1, true) | PMD_BLOCKS | UNDELEGATED, 0 },
};

static void donation_desc(const struct donation *d, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s", d->what);
}

KUNIT_ARRAY_PARAM(donation, donations, donation_desc);

/*
 * RTT_CREATE (2.0-bet1; not an SRO in v14) or REALM_CREATE (2.0-bet3) asks
 * for memory: given, taken back, the table or realm made.
 */
static void donation_on_any_command(struct kunit *test)
{
	const struct donation *d = test->param_value;
	unsigned long delegations = populate_baseline(test, "GRANULE_RANGE_DELEGATE");
	unsigned long undelegations = populate_baseline(test, "GRANULE_RANGE_UNDELEGATE");
	unsigned long own = own_donation(test);
	unsigned long made;
	struct harness_vm *vm = realm_test_vm(test, NULL);

	KUNIT_ASSERT_EQ(test, realm_test_inject_rule(donating_command(), 1, 1, RMI_INCOMPLETE,
						     MEMREQ_DONATE, d->req), 0);
	realm_test_trace_start();
	KUNIT_EXPECT_EQ(test, harness_populate(vm, harness_vm_ram_base(vm), PAGE_SIZE, false,
					       NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("DATA"), 1ULL);
	KUNIT_EXPECT_GE(test, realm_test_count("OP_MEM_DONATE"), 1UL);
	KUNIT_EXPECT_GE(test, realm_test_count("OP_MEM_RECLAIM"), 1UL);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("DELEGATED"), 0ULL);
	/*
	 * Populate's own range delegations, plus what the request made the
	 * host delegate.  The injected request's granules come back
	 * (OP_MEM_RECLAIM) before the command runs and asks for its own: a host
	 * may give those again rather than delegate fresh ones (DEN0137 2.0 lets
	 * it donate any granule in the state asked; the post-v14
	 * rmi_sro_donate_noncontig() looks in the granules it holds first),
	 * saving at most one delegation per granule of the command's own request.
	 */
	made = realm_test_count("GRANULE_RANGE_DELEGATE");
	KUNIT_EXPECT_LE(test, made, delegations + d->delegations);
	KUNIT_EXPECT_GE(test, made + (d->delegations ? own : 0), delegations + d->delegations);
	if (!d->delegations)
		KUNIT_EXPECT_EQ(test, realm_test_count("GRANULE_RANGE_UNDELEGATE"), undelegations);
}

/*
 * The host cannot allocate the 2 MiB block asked for; the RMM allows a
 * cancel: OP_CANCEL, populate fails cleanly - no WARN, nothing quarantined.
 */
static void allocation_failure_cancels(struct kunit *test)
{
	struct harness_vm *vm = realm_test_vm(test, NULL);
	struct mock_leaks l;

	KUNIT_ASSERT_EQ(test, realm_test_inject_rule(donating_command(), 1, 1, RMI_INCOMPLETE,
						     MEMREQ_DONATE | CAN_CANCEL,
						     DONATE(1, true) | PMD_BLOCKS), 0);
	mock_page_alloc_fail_from(PMD_PAGES);
	realm_test_trace_start();
	KUNIT_EXPECT_NE(test, harness_populate(vm, harness_vm_ram_base(vm), PAGE_SIZE, false,
					       NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, realm_test_count("OP_CANCEL"), 1UL);
	KUNIT_EXPECT_EQ(test, realm_test_count("OP_MEM_DONATE"), 0UL);
	mock_machine_leaks(&l, false);
	KUNIT_EXPECT_EQ(test, l.quarantined_granules, 0ULL);
}

/*
 * Cancelled while the RMM holds memory: REC_CREATE's sixteen auxiliary
 * granules are in when a (cancellable) request for a 2 MiB block cannot
 * be met.  The cancel ends REC_CREATE itself: the granules come back and
 * are freed, the REC page too, activation fails without a WARN.
 */
static void cancel_reclaims_what_rmm_holds(struct kunit *test)
{
	struct harness_vm *vm = one_vcpu_vm(test);
	struct mock_leaks l;

	KUNIT_ASSERT_EQ(test, realm_test_inject_rule("OP_CONTINUE", 1, 1, RMI_INCOMPLETE,
						     MEMREQ_DONATE | CAN_CANCEL,
						     DONATE(1, true) | PMD_BLOCKS), 0);
	mock_page_alloc_fail_from(PMD_PAGES);
	realm_test_trace_start();
	KUNIT_EXPECT_NE(test, harness_activate(vm), 0);
	KUNIT_EXPECT_EQ(test, realm_test_count("OP_CANCEL"), 1UL);
	KUNIT_EXPECT_GE(test, realm_test_count("OP_MEM_RECLAIM"), 1UL);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("REC_AUX"), 0ULL);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("REC"), 0ULL);
	mock_machine_leaks(&l, false);
	KUNIT_EXPECT_EQ(test, l.quarantined_granules, 0ULL);
}

/* The same failure without can-cancel: abandoned as before, one WARN, no OP_CANCEL. */
static void allocation_failure_without_cancel_abandons(struct kunit *test)
{
	struct harness_vm *vm = realm_test_vm(test, NULL);

	KUNIT_ASSERT_EQ(test, realm_test_inject_rule(donating_command(), 1, 1, RMI_INCOMPLETE,
						     MEMREQ_DONATE, DONATE(1, true) | PMD_BLOCKS), 0);
	mock_page_alloc_fail_from(PMD_PAGES);
	mock_warn_expect(1);
	realm_test_trace_start();
	KUNIT_EXPECT_NE(test, harness_populate(vm, harness_vm_ram_base(vm), PAGE_SIZE, false,
					       NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, realm_test_count("OP_CANCEL"), 0UL);
}

/* More scattered blocks than the host tracks, cancellable: cancelled before anything is given. */
static void unmeetable_request_cancels(struct kunit *test)
{
	struct harness_vm *vm = realm_test_vm(test, NULL);

	KUNIT_ASSERT_EQ(test, realm_test_inject_rule(donating_command(), 1, 1, RMI_INCOMPLETE,
						     MEMREQ_DONATE | CAN_CANCEL, DONATE(1024, false)), 0);
	realm_test_trace_start();
	KUNIT_EXPECT_NE(test, harness_populate(vm, harness_vm_ram_base(vm), PAGE_SIZE, false,
					       NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, realm_test_count("OP_CANCEL"), 1UL);
	KUNIT_EXPECT_EQ(test, realm_test_count("OP_MEM_DONATE"), 0UL);
}

/*
 * The RMM ends REC_CREATE's operation with an error while it still holds
 * the donated granules (and the half-built REC): they never come back, so
 * the host quarantines them; the REC page too, with the one WARN.
 */
static void abandoned_operation_quarantines(struct kunit *test)
{
	struct harness_vm *vm = one_vcpu_vm(test);
	struct mock_leaks l;

	KUNIT_ASSERT_EQ(test, realm_test_inject("OP_CONTINUE", 1, RMI_ERROR_INPUT, 0), 0);
	mock_warn_expect(1);
	KUNIT_EXPECT_EQ(test, harness_activate(vm), -ENXIO);
	mock_machine_leaks(&l, false);
	/* Sixteen auxiliary granules and the REC granule. */
	KUNIT_EXPECT_EQ(test, l.quarantined_granules, 17ULL);
}

/* BUSY every time: the host asks again a bounded number of times, then fails. */
static void busy_is_retried_bounded(struct kunit *test)
{
	struct harness_vm *vm = one_vcpu_vm(test);

	KUNIT_ASSERT_EQ(test, realm_test_inject_rule("REC_CREATE", 0, 0, RMI_BUSY, 0, 0), 0);
	realm_test_trace_start();
	KUNIT_EXPECT_EQ(test, harness_activate(vm), -ENXIO);
	KUNIT_EXPECT_EQ(test, realm_test_count("REC_CREATE"), BUSY_TRIES);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("REC"), 0ULL);
}

/*
 * BLOCKED every time (no operation context free): 2.0-bet3 issues the
 * command twice and gives up (the post-v14 host's RMM_BLOCKED_RETRY_COUNT),
 * 2.0-bet1 retries it as BUSY; either way activation fails cleanly - no
 * WARN, no REC left.
 */
static void blocked_is_retried_bounded(struct kunit *test)
{
	struct harness_vm *vm = one_vcpu_vm(test);

	KUNIT_ASSERT_EQ(test, realm_test_inject_rule("REC_CREATE", 0, 0, RMI_BLOCKED, 0, 0), 0);
	realm_test_trace_start();
	KUNIT_EXPECT_EQ(test, harness_activate(vm), -ENXIO);
	KUNIT_EXPECT_EQ(test, realm_test_count("REC_CREATE"), realm_test_bet3() ? 2UL : BUSY_TRIES);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("REC"), 0ULL);
}

/*
 * Range delegation answered BLOCKED: memory moves issue the command again
 * (as the post-v14 rmi_delegate_range() does) - on 2.0-bet3, whose host
 * gives up on a command after its second BLOCKED, up to 65 more times;
 * on 2.0-bet1 the 65 tries of each call already cover it.  Now and then:
 * populate goes through; always: it fails cleanly, bounded.
 */
static void range_blocked_is_issued_again(struct kunit *test)
{
	unsigned long delegations = populate_baseline(test, "GRANULE_RANGE_DELEGATE");
	struct harness_vm *vm = realm_test_vm(test, NULL);

	KUNIT_ASSERT_EQ(test, realm_test_inject_rule("GRANULE_RANGE_DELEGATE", 0, 3, RMI_BLOCKED,
						     0, 0), 0);
	realm_test_trace_start();
	KUNIT_EXPECT_EQ(test, harness_populate(vm, harness_vm_ram_base(vm), PAGE_SIZE, false,
					       NULL, 0), 0);
	/* Populate's range delegations, three of them answered BLOCKED first. */
	KUNIT_EXPECT_EQ(test, realm_test_count("GRANULE_RANGE_DELEGATE"), delegations + 3);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("DATA"), 1ULL);
}

static void range_blocked_forever_fails(struct kunit *test)
{
	struct harness_vm *vm = realm_test_vm(test, NULL);

	KUNIT_ASSERT_EQ(test, realm_test_inject_rule("GRANULE_RANGE_DELEGATE", 0, 0, RMI_BLOCKED,
						     0, 0), 0);
	realm_test_trace_start();
	KUNIT_EXPECT_NE(test, harness_populate(vm, harness_vm_ram_base(vm), PAGE_SIZE, false,
					       NULL, 0), 0);
	/* The RD's delegation: 2 tries x 65 issues, or 65 tries. */
	KUNIT_EXPECT_EQ(test, realm_test_count("GRANULE_RANGE_DELEGATE"),
			realm_test_bet3() ? 2 * BUSY_TRIES : BUSY_TRIES);
	KUNIT_EXPECT_EQ(test, realm_test_granules_not_ns(), 0ULL);
}

/* BLOCKED once: the second try goes through. */
static void blocked_once_is_retried(struct kunit *test)
{
	struct harness_vm *vm = one_vcpu_vm(test);

	KUNIT_ASSERT_EQ(test, realm_test_inject("REC_CREATE", 1, RMI_BLOCKED, 0), 0);
	realm_test_trace_start();
	KUNIT_EXPECT_EQ(test, harness_activate(vm), 0);
	KUNIT_EXPECT_EQ(test, realm_test_count("REC_CREATE"), 2UL);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("REC"), 1ULL);
}

/*
 * INCOMPLETE without a memory request on a continue-only command (every
 * 2.0-bet3 RTT and data command is one): driven with OP_CONTINUE
 * (KEEP_GOING) until it ends, and the command did its work.
 */
struct continued {
	const char *command;
	void (*drive)(struct kunit *test, struct harness_vm *vm);
};

/* A protected page populated: RTT_CREATE for its tables, then its data. */
static void drive_populate(struct kunit *test, struct harness_vm *vm)
{
	KUNIT_EXPECT_EQ(test, harness_populate(vm, harness_vm_ram_base(vm), PAGE_SIZE, false,
					       NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("DATA"), 1ULL);
}

/* A populated page unmapped: RTT_DATA_UNMAP, the page back with the host. */
static void drive_unmap(struct kunit *test, struct harness_vm *vm)
{
	unsigned long long base = harness_vm_ram_base(vm);

	KUNIT_ASSERT_EQ(test, harness_populate(vm, base, PAGE_SIZE, false, NULL, 0), 0);
	realm_test_trace_start();
	KUNIT_EXPECT_EQ(test, harness_unmap(vm, base, PAGE_SIZE), 0);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("DATA"), 0ULL);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("DELEGATED"), 0ULL);
}

/* Activation: RTT_INIT_RIPAS over the RAM slot, then REALM_ACTIVATE. */
static void drive_activate(struct kunit *test, struct harness_vm *vm)
{
	KUNIT_ASSERT_EQ(test, harness_populate(vm, harness_vm_ram_base(vm), PAGE_SIZE, false,
					       NULL, 0), 0);
	realm_test_trace_start();
	KUNIT_EXPECT_EQ(test, harness_activate(vm), 0);
	KUNIT_EXPECT_EQ(test, harness_vm_realm_state(vm), REALM_STATE_ACTIVE);
}

/* A guest load from RAM nobody populated: the stage-2 fault maps it with RTT_DATA_MAP. */
static void drive_fault(struct kunit *test, struct harness_vm *vm)
{
	struct harness_run run = { .stop_on_reason = -1, .max_exits = 8 };
	unsigned long long entry, x[1], data;

	KUNIT_ASSERT_EQ(test, harness_load_guest(vm, "read_loop", harness_vm_ram_base(vm), true,
						 &entry), 0);
	x[0] = harness_vm_ram_base(vm) + (1 << 20);
	KUNIT_ASSERT_EQ(test, harness_vcpu_create(vm, NULL), 0);
	KUNIT_ASSERT_EQ(test, harness_vcpu_set_entry(vm, 0, entry, x, 1), 0);
	data = realm_test_granules_in_state("DATA");
	realm_test_trace_start();
	harness_vcpu_run(vm, 0, &run);
	KUNIT_EXPECT_GE(test, run.by_reason[RMI_EXIT_SYNC], 1U);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("DATA"), data + 1);
}

static const struct continued continueds[] = {
	{ "RTT_CREATE", drive_populate },
	{ "RTT_DATA_MAP", drive_fault },
	{ "RTT_DATA_UNMAP", drive_unmap },
	{ "RTT_INIT_RIPAS", drive_activate },
};

static void continued_desc(const struct continued *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s", c->command);
}

KUNIT_ARRAY_PARAM(continued, continueds, continued_desc);

static void continue_only_incomplete(struct kunit *test)
{
	const struct continued *c = test->param_value;
	struct harness_vm *vm = realm_test_vm(test, NULL);

	KUNIT_ASSERT_EQ(test, realm_test_inject(c->command, 1, RMI_INCOMPLETE, MEMREQ_NONE), 0);
	realm_test_trace_start();
	c->drive(test, vm);
	KUNIT_EXPECT_GE(test, realm_test_count_matching("OP_CONTINUE", " flags=0 "), 1UL);
}

/*
 * RTT_CREATE asks for memory (cancellable): 2.0-bet1 gives it (any
 * command's operation may); on 2.0-bet3 RTT_CREATE is continue-only, so
 * the request is the RMM's error: a WARN, OP_CANCEL, nothing given, the
 * populate fails and nothing is kept.
 */
static void donation_on_continue_only_command(struct kunit *test)
{
	unsigned long donations = populate_baseline(test, "OP_MEM_DONATE");
	struct harness_vm *vm = realm_test_vm(test, NULL);
	struct mock_leaks l;
	int ret;

	KUNIT_ASSERT_EQ(test, realm_test_inject_rule("RTT_CREATE", 1, 1, RMI_INCOMPLETE,
						     MEMREQ_DONATE | CAN_CANCEL, DONATE(1, false)),
			0);
	if (realm_test_bet3())
		mock_warn_expect(1);
	realm_test_trace_start();
	ret = harness_populate(vm, harness_vm_ram_base(vm), PAGE_SIZE, false, NULL, 0);
	if (realm_test_bet3()) {
		KUNIT_EXPECT_NE(test, ret, 0);
		KUNIT_EXPECT_EQ(test, realm_test_count("OP_CANCEL"), 1UL);
		/* RTT_CREATE got nothing: only what the realm's creation asked for. */
		KUNIT_EXPECT_EQ(test, realm_test_count("OP_MEM_DONATE"), donations);
	} else {
		KUNIT_EXPECT_EQ(test, ret, 0);
		KUNIT_EXPECT_EQ(test, realm_test_count("OP_MEM_DONATE"), donations + 1);
		KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("DATA"), 1ULL);
	}
	mock_machine_leaks(&l, false);
	KUNIT_EXPECT_EQ(test, l.quarantined_granules, 0ULL);
}

/*
 * Realm teardown driven through donation and reclaim: REALM_TERMINATE or
 * REALM_DESTROY asks for memory (2.0-bet3 makes both memory-transfer
 * operations), gets it, gives it back, and the realm goes with every
 * granule back with the host.
 */
static const char *const teardown_commands[] = { "REALM_TERMINATE", "REALM_DESTROY" };

static void teardown_command_desc(const char *const *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s", *c);
}

KUNIT_ARRAY_PARAM(teardown_command, teardown_commands, teardown_command_desc);

static void realm_teardown_donation(struct kunit *test)
{
	const char *const *command = test->param_value;
	struct harness_vm *vm;

	KUNIT_ASSERT_EQ(test, harness_vm_create(NULL, &vm), 0);
	KUNIT_ASSERT_EQ(test, harness_populate(vm, harness_vm_ram_base(vm), PAGE_SIZE, false,
					       NULL, 0), 0);
	KUNIT_ASSERT_EQ(test, realm_test_inject_rule(*command, 1, 1, RMI_INCOMPLETE, MEMREQ_DONATE,
						     DONATE(4, false)), 0);
	realm_test_trace_start();
	harness_vm_destroy(vm);
	KUNIT_EXPECT_EQ(test, realm_test_count("OP_MEM_DONATE"), 1UL);
	KUNIT_EXPECT_GE(test, realm_test_count("OP_MEM_RECLAIM"), 1UL);
	KUNIT_EXPECT_EQ(test, realm_test_granules_not_ns(), 0ULL);
}

#ifndef CCA_UPSTREAM
/*
 * 2.0-bet3: a donation whose STATE is CONDITIONAL: the host gives the
 * memory undelegated (it neither delegates nor undelegates it), the RMM
 * takes it and hands it back, and nothing is left.
 */
static void conditional_donation(struct kunit *test)
{
	unsigned long donations = populate_baseline(test, "OP_MEM_DONATE");
	unsigned long delegations = populate_baseline(test, "GRANULE_RANGE_DELEGATE");
	unsigned long undelegations = populate_baseline(test, "GRANULE_RANGE_UNDELEGATE");
	struct harness_vm *vm = realm_test_vm(test, NULL);

	KUNIT_ASSERT_EQ(test, realm_test_inject_rule("REALM_CREATE", 1, 1, RMI_INCOMPLETE,
						     MEMREQ_DONATE, DONATE(8, false) | CONDITIONAL),
			0);
	realm_test_trace_start();
	KUNIT_EXPECT_EQ(test, harness_populate(vm, harness_vm_ram_base(vm), PAGE_SIZE, false,
					       NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, realm_test_count("OP_MEM_DONATE"), donations + 1);
	KUNIT_EXPECT_GE(test, realm_test_count("OP_MEM_RECLAIM"), 1UL);
	/* Populate's own range delegations only: the host delegates nothing for it. */
	KUNIT_EXPECT_EQ(test, realm_test_count("GRANULE_RANGE_DELEGATE"), delegations);
	KUNIT_EXPECT_EQ(test, realm_test_count("GRANULE_RANGE_UNDELEGATE"), undelegations);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("DELEGATED"), 0ULL);
}
#endif

/* An RMM that moves one granule per call: x1 is followed to the end of each range. */
static void range_delegation_follows_progress(struct kunit *test)
{
	unsigned long delegations = populate_baseline(test, "GRANULE_RANGE_DELEGATE");
	struct harness_vm *vm = realm_test_vm(test, NULL);

	KUNIT_ASSERT_EQ(test, realm_test_limit_progress("GRANULE_RANGE_DELEGATE", 1), 0);
	KUNIT_ASSERT_EQ(test, realm_test_limit_progress("GRANULE_RANGE_UNDELEGATE", 1), 0);
	realm_test_trace_start();
	KUNIT_EXPECT_EQ(test, harness_populate(vm, harness_vm_ram_base(vm), PAGE_SIZE, false,
					       NULL, 0), 0);
	/*
	 * RD, two root granules (one call each instead of one for both), a
	 * level-2 and a level-3 table, the data, and the single granules a
	 * realm's creation may ask for: one call more than without the limit.
	 */
	KUNIT_EXPECT_EQ(test, realm_test_count("GRANULE_RANGE_DELEGATE"), delegations + 1);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("RTT"), 4ULL);
}

/* An empty range is never sent: the RMM would refuse it with x1 = base. */
static void empty_ranges_send_nothing(struct kunit *test)
{
	struct harness_vm *vm = realm_test_vm(test, NULL);
	unsigned long long base = harness_vm_ram_base(vm);

	KUNIT_ASSERT_EQ(test, harness_populate(vm, base, PAGE_SIZE, false, NULL, 0), 0);
	realm_test_trace_start();
	KUNIT_EXPECT_EQ(test, harness_populate(vm, base, 0, false, NULL, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, harness_unmap(vm, base, 0), 0);
	KUNIT_EXPECT_EQ(test, realm_test_count_all(), 0UL);
}

#ifndef CCA_UPSTREAM
/*
 * 2.0-bet3: REALM_CREATE is a memory-transfer operation and the RMM takes
 * granules for the realm (INTERNAL) that it keeps for the realm's life;
 * the host keeps track of them with the realm (nothing quarantined, no
 * WARN) and REALM_TERMINATE / REALM_DESTROY reclaim them: every granule
 * back with the host, the realm's state with them.
 */
static void realm_keeps_what_creation_took(struct kunit *test)
{
	struct harness_vm *vm;
	unsigned long long internal;
	struct mock_leaks l;

	KUNIT_ASSERT_EQ(test, harness_vm_create(NULL, &vm), 0);
	realm_test_trace_start();
	KUNIT_ASSERT_EQ(test, harness_populate(vm, harness_vm_ram_base(vm), PAGE_SIZE, false,
					       NULL, 0), 0);
	KUNIT_EXPECT_GE(test, realm_test_count("OP_MEM_DONATE"), 1UL);
	internal = realm_test_granules_in_state("INTERNAL");
	KUNIT_EXPECT_GT(test, internal, 0ULL);
	/* RD, two roots, a level-2 and a level-3 table, the data, and the realm's own. */
	KUNIT_EXPECT_EQ(test, realm_test_granules_not_ns(), 1 + 2 + 2 + 1 + internal);
	realm_test_trace_start();
	harness_vm_destroy(vm);
	KUNIT_EXPECT_GE(test, realm_test_count("OP_MEM_RECLAIM"), 1UL);
	KUNIT_EXPECT_EQ(test, realm_test_granules_not_ns(), 0ULL);
	mock_machine_leaks(&l, false);
	KUNIT_EXPECT_EQ(test, l.quarantined_granules, 0ULL);
}
#endif

/* Every 2.0 revision's cases; each suite gets its own copy. */
#define REALM_SRO_CASES								\
	KUNIT_CASE(incomplete_without_memreq_continues),			\
	KUNIT_CASE_PARAM(donation_on_any_command, donation_gen_params),		\
	KUNIT_CASE(allocation_failure_cancels),					\
	KUNIT_CASE(cancel_reclaims_what_rmm_holds),				\
	KUNIT_CASE(allocation_failure_without_cancel_abandons),			\
	KUNIT_CASE(unmeetable_request_cancels),					\
	KUNIT_CASE(abandoned_operation_quarantines),				\
	KUNIT_CASE(busy_is_retried_bounded),					\
	KUNIT_CASE(blocked_is_retried_bounded),					\
	KUNIT_CASE(blocked_once_is_retried),					\
	KUNIT_CASE(range_blocked_is_issued_again),				\
	KUNIT_CASE(range_blocked_forever_fails),				\
	KUNIT_CASE_PARAM(continue_only_incomplete, continued_gen_params),	\
	KUNIT_CASE(donation_on_continue_only_command),				\
	KUNIT_CASE_PARAM(realm_teardown_donation, teardown_command_gen_params),	\
	KUNIT_CASE(range_delegation_follows_progress),				\
	KUNIT_CASE(empty_ranges_send_nothing)

static struct kunit_case sro_cases[] = { REALM_SRO_CASES, {} };

#ifdef CCA_UPSTREAM
/* A kernel tree: once, on its own 2.0 revision (the 2.0-bet3-only cases below are the reference code's). */
static struct kunit_suite realm_sro_suite = {
	.name = "realm_sro_v2",
	.init = realm_test_init,
	.test_cases = sro_cases,
};

kunit_test_suites(&realm_sro_suite);
#else
/*
 * 2.0-bet3 only: CONDITIONAL is its STATE value (bit 18 is no STATE bit in
 * 2.0-bet1), and only its REALM_CREATE takes memory for the realm's life.
 */
static struct kunit_case sro_bet3_cases[] = {
	REALM_SRO_CASES,
	KUNIT_CASE(conditional_donation),
	KUNIT_CASE(realm_keeps_what_creation_took),
	{}
};

static struct kunit_suite realm_sro_suite = {
	.name = "realm_sro_v2",
	.init = realm_test_init_2_0,
	.test_cases = sro_cases,
};

static struct kunit_suite realm_sro_bet3_suite = {
	.name = "realm_sro_v2_bet3",
	.init = realm_test_init_2_0_bet3,
	.test_cases = sro_bet3_cases,
};

kunit_test_suites(&realm_sro_suite, &realm_sro_bet3_suite);
#endif
