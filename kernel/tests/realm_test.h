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
int realm_test_rim(unsigned long long rd, unsigned char out[64]);
int realm_test_check_invariants(char *msg, size_t len);
/* Injects: the nth call of `command` answers status | index << 8. */
int realm_test_inject(const char *command, unsigned long long nth, unsigned int status,
		      unsigned int index);

/* A machine with the given fake-RMM profile, and KVM initialised on it. */
int realm_test_machine(struct kunit *test, const char *profile);
/* The suites' default init: profile "1.0". */
int realm_test_init(struct kunit *test);
/* A realm VM destroyed when the case ends. */
struct harness_vm *realm_test_vm(struct kunit *test, const struct harness_vm_config *cfg);

#endif
