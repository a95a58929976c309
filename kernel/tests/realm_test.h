/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the realm suites share: a fresh machine (arena + fake RMM) per case,
 * KVM initialised against it, and a realm VM torn down at the end of the
 * case (before the mock kernel's leak check).  The suites call only the
 * realm entry points (asm/kvm_rmi.h) and the harness VMM, so they run
 * unchanged against the reference code or a kernel tree's rmi.c.
 */
#ifndef CCA_REALM_TEST_H
#define CCA_REALM_TEST_H

#include <kunit/test.h>
#include <kunit/resource.h>
#include <linux/kvm_host.h>
#include <asm/kvm_rmi.h>
#include <cca-double/kernel-harness.h>
#include <cca-double/mock-kernel.h>

#include "rmm_view.h"

/* A machine with the given fake-RMM profile, and KVM initialised on it. */
int realm_test_machine(struct kunit *test, const char *profile);
/* The same with a REC_ENTER instruction budget of its own (suites default to 200000). */
int realm_test_machine_budget(struct kunit *test, const char *profile,
			      unsigned long long rec_insn_budget);
/* A suite init on `profile` ("1.0", "2.0-bet1", ...) with that budget. */
int realm_test_init_profile_budget(struct kunit *test, const char *profile,
				   unsigned long long rec_insn_budget);
/*
 * Suite inits: the code under test's own revision (upstream mode), or
 * 1.0, 2.0-bet1, 2.0-bet3.
 */
int realm_test_init(struct kunit *test);
int realm_test_init_1_0(struct kunit *test);
int realm_test_init_2_0(struct kunit *test);
int realm_test_init_2_0_bet3(struct kunit *test);
/* The profile of the running case's machine ("1.0", "2.0-bet1", "2.0-bet3"). */
const char *realm_test_profile(void);
/* ... is a 2.0 revision (any). */
bool realm_test_v2(void);
/* ... is 2.0-bet3: the protocols that revision changed. */
bool realm_test_bet3(void);
/* A command name by the running profile: RT_CMD("DATA_CREATE", "RTT_DATA_MAP_INIT"). */
#define RT_CMD(v1, v2) (realm_test_v2() ? (v2) : (v1))

/*
 * A suite of the given cases run on each profile the code under test
 * speaks: `name` on 1.0, `name_v2` on 2.0-bet1 and `name_v2_bet3` on
 * 2.0-bet3 for the reference code, `name` on the tree's own revision in
 * upstream mode.  The case list is written once; each suite gets its own
 * copy (KUnit keeps a case's status in it).
 */
#ifdef CCA_UPSTREAM
#define REALM_TEST_SUITES(_name, ...)						\
	static struct kunit_case _name##_cases[] = { __VA_ARGS__, {} };		\
	static struct kunit_suite _name##_suite = {				\
		.name = #_name, .init = realm_test_init, .test_cases = _name##_cases,	\
	};								\
	kunit_test_suites(&_name##_suite)
#else
#define REALM_TEST_SUITE_ON(_name, _suffix, _init, ...)				\
	static struct kunit_case _name##_suffix##_cases[] = { __VA_ARGS__, {} };	\
	static struct kunit_suite _name##_suffix##_suite = {			\
		.name = #_name #_suffix, .init = _init,				\
		.test_cases = _name##_suffix##_cases,				\
	}
#define REALM_TEST_SUITES(_name, ...)						\
	REALM_TEST_SUITE_ON(_name, , realm_test_init_1_0, __VA_ARGS__);		\
	REALM_TEST_SUITE_ON(_name, _v2, realm_test_init_2_0, __VA_ARGS__);	\
	REALM_TEST_SUITE_ON(_name, _v2_bet3, realm_test_init_2_0_bet3, __VA_ARGS__);	\
	kunit_test_suites(&_name##_suite, &_name##_v2_suite, &_name##_v2_bet3_suite)
#endif

/* Reference code: the flavour kvm_init_rmi() chose (realm_init.c). */
const char *realm_rmi_revision(void);

/*
 * A case for what the reference code offers beyond the uAPI a kernel series
 * documents: in upstream mode it is skipped, with the reason, not failed.
 */
#ifdef CCA_UPSTREAM
#define realm_test_reference_only(test, why)					\
	kunit_skip(test, "reference code only: %s", why)
#else
#define realm_test_reference_only(test, why) ((void)(test), (void)(why))
#endif

/* A realm VM destroyed when the case ends. */
struct harness_vm *realm_test_vm(struct kunit *test, const struct harness_vm_config *cfg);

#endif
