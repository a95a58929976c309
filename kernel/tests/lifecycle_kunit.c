// SPDX-License-Identifier: BSD-3-Clause
/*
 * Realm lifecycle through the entry points: KVM init against the RMM, VM
 * creation (no RMI until needed), the realm descriptor made by the first
 * populate, activation, and destruction giving every granule back.
 */
#include <linux/string.h>

#include "realm_test.h"

static void init_reads_rmm_limits(struct kunit *test)
{
	/* The fake RMM's default S2SZ. */
	KUNIT_EXPECT_EQ(test, harness_realm_ipa_limit(), 44U);
}

static void vm_without_realm_makes_no_rmm_state(struct kunit *test)
{
	struct harness_vm *vm = realm_test_vm(test, NULL);

	KUNIT_EXPECT_EQ(test, harness_vm_realm_state(vm), REALM_STATE_NONE);
	KUNIT_EXPECT_EQ(test, harness_vm_rd(vm), 0ULL);
	KUNIT_EXPECT_EQ(test, realm_test_granules_not_ns(), 0ULL);
}

static void populate_creates_the_realm(struct kunit *test)
{
	struct harness_vm *vm = realm_test_vm(test, NULL);
	unsigned long long rd;

	KUNIT_ASSERT_EQ(test, harness_populate(vm, harness_vm_ram_base(vm), PAGE_SIZE, true,
					       "x", 1), 0);
	KUNIT_EXPECT_EQ(test, harness_vm_realm_state(vm), REALM_STATE_NEW);
	rd = harness_vm_rd(vm);
	KUNIT_ASSERT_NE(test, rd, 0ULL);
	KUNIT_EXPECT_STREQ(test, realm_test_granule_state(rd), "RD");
	/* IPA 40 bits: two concatenated level-1 roots, level 2 and 3 tables, one data granule. */
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("RTT"), 4ULL);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("DATA"), 1ULL);
}

static void destroy_gives_every_granule_back(struct kunit *test)
{
	struct harness_vm *vm;

	KUNIT_ASSERT_EQ(test, harness_vm_create(NULL, &vm), 0);
	KUNIT_ASSERT_EQ(test, harness_populate(vm, harness_vm_ram_base(vm), 16 * PAGE_SIZE, false,
					       NULL, 0), 0);
	KUNIT_EXPECT_GT(test, realm_test_granules_not_ns(), 16ULL);
	harness_vm_destroy(vm);
	KUNIT_EXPECT_EQ(test, realm_test_granules_not_ns(), 0ULL);
}

static void two_realms_get_distinct_vmids(struct kunit *test)
{
	struct harness_vm *a = realm_test_vm(test, NULL);
	struct harness_vm *b = realm_test_vm(test, NULL);

	KUNIT_EXPECT_EQ(test, harness_populate(a, harness_vm_ram_base(a), PAGE_SIZE, false,
					       NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, harness_populate(b, harness_vm_ram_base(b), PAGE_SIZE, false,
					       NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("RD"), 2ULL);
}

struct ipa_case {
	unsigned int ipa_bits;
	unsigned long long roots;
};

static const struct ipa_case ipa_cases[] = {
	{ 32, 4 }, { 36, 1 }, { 39, 1 }, { 40, 2 }, { 42, 8 }, { 44, 1 },
};

static void ipa_case_desc(const struct ipa_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "ipa_bits=%u", c->ipa_bits);
}

KUNIT_ARRAY_PARAM(ipa, ipa_cases, ipa_case_desc);

static void ipa_size_sets_root_tables(struct kunit *test)
{
	const struct ipa_case *c = test->param_value;
	struct harness_vm_config cfg = { .ipa_bits = c->ipa_bits, .ram_base = 0x10000000 };
	struct harness_vm *vm = realm_test_vm(test, &cfg);

	KUNIT_ASSERT_EQ(test, harness_populate(vm, harness_vm_ram_base(vm), PAGE_SIZE, false,
					       NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("DATA"), 1ULL);
	/* Roots plus one table per level below the start level. */
	KUNIT_EXPECT_EQ(test, realm_test_granules_in_state("RTT"),
			c->roots + (3 - (4 - (c->ipa_bits - 8) / 9)));
}

static void ipa_beyond_rmm_limit_refused(struct kunit *test)
{
	struct harness_vm_config cfg = { .ipa_bits = 48 };
	struct harness_vm *vm = NULL;

	KUNIT_EXPECT_EQ(test, harness_vm_create(&cfg, &vm), -EINVAL);
	/* Nor RAM whose end wraps around (it would pass an end-past-the-limit check). */
	cfg = (struct harness_vm_config){ .ram_base = ~0ULL << PAGE_SHIFT, .ram_size = 2 * PAGE_SIZE };
	KUNIT_EXPECT_EQ(test, harness_vm_create(&cfg, &vm), -EINVAL);
}

static void realm_create_failure_cleans_up(struct kunit *test)
{
	struct harness_vm *vm = realm_test_vm(test, NULL);

	KUNIT_ASSERT_EQ(test, realm_test_inject("REALM_CREATE", 1, 1 /* ERROR_INPUT */, 0), 0);
	KUNIT_EXPECT_LT(test, harness_populate(vm, harness_vm_ram_base(vm), PAGE_SIZE, false,
					       NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, harness_vm_realm_state(vm), REALM_STATE_NONE);
	KUNIT_EXPECT_EQ(test, realm_test_granules_not_ns(), 0ULL);
	/* The failure was transient: the next populate creates the realm. */
	KUNIT_EXPECT_EQ(test, harness_populate(vm, harness_vm_ram_base(vm), PAGE_SIZE, false,
					       NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, harness_vm_realm_state(vm), REALM_STATE_NEW);
}

static void activate_without_vcpus(struct kunit *test)
{
	struct harness_vm *vm = realm_test_vm(test, NULL);

	KUNIT_ASSERT_EQ(test, harness_populate(vm, harness_vm_ram_base(vm), PAGE_SIZE, true,
					       "boot", 4), 0);
	realm_test_trace_start();
	KUNIT_EXPECT_EQ(test, harness_activate(vm), 0);
	KUNIT_EXPECT_EQ(test, harness_vm_realm_state(vm), REALM_STATE_ACTIVE);
	KUNIT_EXPECT_GE(test, realm_test_count("RTT_INIT_RIPAS"), 1UL);
	KUNIT_EXPECT_EQ(test, realm_test_count("REALM_ACTIVATE"), 1UL);
	/* Activating again is a no-op. */
	KUNIT_EXPECT_EQ(test, harness_activate(vm), 0);
	KUNIT_EXPECT_EQ(test, realm_test_count("REALM_ACTIVATE"), 1UL);
}

static void activate_needs_in_kernel_gic(struct kunit *test)
{
	struct harness_vm_config cfg = { .no_vgic = true };
	struct harness_vm *vm = realm_test_vm(test, &cfg);

	KUNIT_EXPECT_EQ(test, harness_activate(vm), -EOPNOTSUPP);
	KUNIT_EXPECT_EQ(test, realm_test_granules_not_ns(), 0ULL);
}

/*
 * The flavour kvm_init_rmi() picks is the machine's own revision: the two
 * 2.0 revisions both answer RMI_VERSION 2.0, and FEATURES(0).S2OASZ
 * (RES0 in 2.0-bet1) tells them apart (realm_v2_bet3.c).
 */
static void init_picks_the_rmm_revision(struct kunit *test)
{
	realm_test_reference_only(test, "the flavour table is the reference code's");
#ifndef CCA_UPSTREAM
	KUNIT_EXPECT_STREQ(test, realm_rmi_revision(), realm_test_profile());
#endif
}

/*
 * An RMM of another revision: the reference code speaks all three (its
 * flavour table picks the newest the RMM offers) and realms work on each;
 * a kernel tree speaks only its own RMI version and offers no realms on
 * the other.
 */
static void other_revision_rmm(struct kunit *test)
{
#ifdef CCA_UPSTREAM
	const char *other = realm_test_v2() ? "1.0" : "2.0-bet1";

	mock_machine_teardown(NULL, false);
	KUNIT_ASSERT_EQ(test, mock_machine_create(&(struct mock_machine_config){ .profile = other },
						  NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, harness_kvm_init(), -ENODEV);
#else
	static const char *const profiles[] = { "1.0", "2.0-bet1", "2.0-bet3" };

	for (unsigned int i = 0; i < ARRAY_SIZE(profiles); i++) {
		struct harness_vm *vm = NULL;

		if (!strcmp(profiles[i], realm_test_profile()))
			continue;
		mock_machine_teardown(NULL, false);
		KUNIT_ASSERT_EQ(test, mock_machine_create(&(struct mock_machine_config){
							  .profile = profiles[i] }, NULL, 0), 0);
		KUNIT_ASSERT_EQ(test, harness_kvm_init(), 0);
		KUNIT_EXPECT_STREQ(test, realm_rmi_revision(), profiles[i]);
		KUNIT_ASSERT_EQ(test, harness_vm_create(NULL, &vm), 0);
		KUNIT_EXPECT_EQ(test, harness_populate(vm, HARNESS_DEFAULT_RAM_BASE, PAGE_SIZE, false,
						       NULL, 0), 0);
		harness_vm_destroy(vm);
		KUNIT_EXPECT_EQ(test, realm_test_granules_not_ns(), 0ULL);
	}
#endif
}

REALM_TEST_SUITES(realm_lifecycle,
	KUNIT_CASE(init_reads_rmm_limits),
	KUNIT_CASE(init_picks_the_rmm_revision),
	KUNIT_CASE(vm_without_realm_makes_no_rmm_state),
	KUNIT_CASE(populate_creates_the_realm),
	KUNIT_CASE(destroy_gives_every_granule_back),
	KUNIT_CASE(two_realms_get_distinct_vmids),
	KUNIT_CASE_PARAM(ipa_size_sets_root_tables, ipa_gen_params),
	KUNIT_CASE(ipa_beyond_rmm_limit_refused),
	KUNIT_CASE(realm_create_failure_cleans_up),
	KUNIT_CASE(activate_without_vcpus),
	KUNIT_CASE(activate_needs_in_kernel_gic),
	KUNIT_CASE(other_revision_rmm));
