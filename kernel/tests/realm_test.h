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

/* Fake-RMM introspection (world-neutral wrappers, tests/rmm_view.c). */
unsigned long long realm_test_granules_not_ns(void);
unsigned long long realm_test_granules_in_state(const char *state);
const char *realm_test_granule_state(unsigned long long pa);
unsigned long long realm_test_rmi_calls(void);
/* Counts of RMI commands issued since the last reset, by spec name. */
void realm_test_trace_start(void);
unsigned long realm_test_count(const char *command);
/* Every RMI command issued since the last reset. */
unsigned long realm_test_count_all(void);
int realm_test_rim(unsigned long long rd, unsigned char out[64]);
int realm_test_check_invariants(char *msg, size_t len);
/* Injects: the nth call of `command` answers status | index << 8. */
int realm_test_inject(const char *command, unsigned long long nth, unsigned int status,
		      unsigned int index);
/* nth: that call only; nth 0: every call, at most `times` (0: always).  donate_req: INCOMPLETE's x2. */
int realm_test_inject_rule(const char *command, unsigned long long nth, unsigned long long times,
			   unsigned int status, unsigned int index, unsigned long long donate_req);
/* Range commands (RTT_INIT_RIPAS, GRANULE_RANGE_DELEGATE ...) stop after `granules` entries. */
int realm_test_limit_progress(const char *command, unsigned long long granules);
/* One granule to DELEGATED with the profile's own command, straight to the RMM. */
int realm_test_delegate(unsigned long long pa);

/* A machine with the given fake-RMM profile, and KVM initialised on it. */
int realm_test_machine(struct kunit *test, const char *profile);
/* Suite inits: the code under test's own revision (upstream mode), or 1.0 / 2.0-bet1. */
int realm_test_init(struct kunit *test);
int realm_test_init_1_0(struct kunit *test);
int realm_test_init_2_0(struct kunit *test);
/* The profile of the running case's machine is 2.0-bet1. */
bool realm_test_v2(void);
/* A command name by the running profile: RT_CMD("DATA_CREATE", "RTT_DATA_MAP_INIT"). */
#define RT_CMD(v1, v2) (realm_test_v2() ? (v2) : (v1))

/*
 * A suite of the given cases run on each profile the code under test
 * speaks: `name` on 1.0 and `name_v2` on 2.0-bet1 for the reference code,
 * `name` on the tree's own revision in upstream mode.
 */
#ifdef CCA_UPSTREAM
#define REALM_TEST_SUITES(_name, ...)						\
	static struct kunit_case _name##_cases[] = { __VA_ARGS__, {} };		\
	static struct kunit_suite _name##_suite = {				\
		.name = #_name, .init = realm_test_init, .test_cases = _name##_cases,	\
	};								\
	kunit_test_suites(&_name##_suite)
#else
#define REALM_TEST_SUITES(_name, ...)						\
	static struct kunit_case _name##_cases[] = { __VA_ARGS__, {} };		\
	static struct kunit_case _name##_v2_cases[] = { __VA_ARGS__, {} };	\
	static struct kunit_suite _name##_suite = {				\
		.name = #_name, .init = realm_test_init_1_0,			\
		.test_cases = _name##_cases,					\
	};								\
	static struct kunit_suite _name##_v2_suite = {				\
		.name = #_name "_v2", .init = realm_test_init_2_0,		\
		.test_cases = _name##_v2_cases,					\
	};								\
	kunit_test_suites(&_name##_suite, &_name##_v2_suite)
#endif
/* A realm VM destroyed when the case ends. */
struct harness_vm *realm_test_vm(struct kunit *test, const struct harness_vm_config *cfg);

#endif
