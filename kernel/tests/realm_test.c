// SPDX-License-Identifier: BSD-3-Clause
/* The realm suites' fixture (kernel world); see realm_test.h. */
#include <linux/string.h>

#include "realm_test.h"

int realm_test_machine(struct kunit *test, const char *profile)
{
	return realm_test_machine_budget(test, profile, 200000);
}

int realm_test_machine_budget(struct kunit *test, const char *profile,
			      unsigned long long rec_insn_budget)
{
	struct mock_machine_config cfg = { .profile = profile, .arena_size = 64ULL << 20,
					   .rec_insn_budget = rec_insn_budget };
	char err[256];

	if (mock_machine_create(&cfg, err, sizeof(err))) {
		kunit_err(test, "machine: %s", err);
		return -ENODEV;
	}
	if (harness_kvm_init()) {
		kunit_err(test, "KVM: no realm support on this RMM");
		return -ENODEV;
	}
	return 0;
}

/* The RMI revision the realm code under test speaks (upstream mode: the tree's). */
#ifndef REALM_TEST_PROFILE
#define REALM_TEST_PROFILE "1.0"
#endif

/* Per case: each runs in its own process, or in turn with --no-fork. */
static const char *case_profile = REALM_TEST_PROFILE;

const char *realm_test_profile(void)
{
	return case_profile;
}

bool realm_test_v2(void)
{
	return !strncmp(case_profile, "2.", 2);
}

bool realm_test_bet3(void)
{
	return !strcmp(case_profile, "2.0-bet3");
}

static int realm_test_init_profile(struct kunit *test, const char *profile)
{
	case_profile = profile;
	return realm_test_machine(test, profile);
}

int realm_test_init_profile_budget(struct kunit *test, const char *profile,
				   unsigned long long rec_insn_budget)
{
	case_profile = profile;
	return realm_test_machine_budget(test, profile, rec_insn_budget);
}

int realm_test_init(struct kunit *test)
{
	return realm_test_init_profile(test, REALM_TEST_PROFILE);
}

int realm_test_init_1_0(struct kunit *test)
{
	return realm_test_init_profile(test, "1.0");
}

int realm_test_init_2_0(struct kunit *test)
{
	return realm_test_init_profile(test, "2.0-bet1");
}

int realm_test_init_2_0_bet3(struct kunit *test)
{
	return realm_test_init_profile(test, "2.0-bet3");
}

static void realm_test_vm_destroy(void *vm)
{
	harness_vm_destroy(vm);
}

struct harness_vm *realm_test_vm(struct kunit *test, const struct harness_vm_config *cfg)
{
	struct harness_vm *vm = NULL;
	int ret = harness_vm_create(cfg, &vm);

	KUNIT_ASSERT_EQ_MSG(test, ret, 0, "harness_vm_create");
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, realm_test_vm_destroy, vm), 0);
	return vm;
}
