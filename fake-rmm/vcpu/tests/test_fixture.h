/* SPDX-License-Identifier: BSD-3-Clause */
/* Shared cmocka fixture: one realm with one guest program and one vCPU. */
#ifndef CCA_VCPU_TEST_FIXTURE_H
#define CCA_VCPU_TEST_FIXTURE_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "cca-double/vcpu.h"
#include "cca-double/guests.h"
#include "test_realm.h"

#define GUEST_IPA       0x80000000ULL
#define MMIO_IPA        0x10000000ULL   /* never mapped: unprotected MMIO */
#define RAM2_IPA        0x80100000ULL   /* extra RAM pages for tests */
#define HOSTCALL_OFF    0x1000ULL       /* guests keep their struct there */

struct fixture {
	struct test_realm realm;
	struct vcpu *vcpu;
	uint64_t guest_pa;
	struct vcpu_exit exit;
};

/* Realm of ipa_bits/start_level with `guest` at GUEST_IPA, vCPU at it. */
static inline struct fixture *fixture_new(const char *guest, unsigned int ipa_bits,
					  unsigned int start_level, uint64_t x0,
					  uint64_t x1, uint64_t x2, uint64_t x3)
{
	struct fixture *f = test_calloc(1, sizeof(*f));
	struct vcpu_config cfg;

	assert_true(test_realm_init(&f->realm, ipa_bits, start_level));
	f->guest_pa = test_realm_load(&f->realm, guest, GUEST_IPA);
	cfg = test_realm_vcpu_config(&f->realm, GUEST_IPA, x0, x1, x2, x3);
	f->vcpu = vcpu_create(&cfg);
	if (!f->vcpu)
		fail_msg("vcpu_create: %s", vcpu_create_error());
	return f;
}

static inline void fixture_free(struct fixture *f)
{
	vcpu_destroy(f->vcpu);
	test_realm_fini(&f->realm);
	test_free(f);
}

static inline void run_expect(struct fixture *f, enum vcpu_exit_reason reason)
{
	vcpu_run(f->vcpu, &f->exit);
	if (f->exit.reason != reason)
		fail_msg("exit reason %d, expected %d (pc 0x%llx): %s", f->exit.reason,
			 reason, (unsigned long long)f->exit.pc, f->exit.message);
}

static inline uint64_t xreg(struct fixture *f, unsigned int n)
{
	return vcpu_get_reg(f->vcpu, (enum vcpu_reg)n);
}

/* Run to the next SMC and check its function id in x0. */
static inline void run_expect_smc(struct fixture *f, uint64_t fid)
{
	run_expect(f, VCPU_EXIT_SMC);
	assert_int_equal(xreg(f, 0), fid);
}

/* The guest's host-call struct (second page of the image). */
static inline uint64_t *hostcall_gprs(struct fixture *f, uint16_t *imm)
{
	uint8_t *p = vcpu_translate(f->vcpu, GUEST_IPA + HOSTCALL_OFF, NULL);

	assert_non_null(p);
	if (imm)
		*imm = *(uint16_t *)p;
	return (uint64_t *)(p + 8);
}

#define RSI_VERSION             0xC4000190ULL
#define RSI_FEATURES            0xC4000191ULL
#define RSI_MEASUREMENT_READ    0xC4000192ULL
#define RSI_MEASUREMENT_EXTEND  0xC4000193ULL
#define RSI_REALM_CONFIG        0xC4000196ULL
#define RSI_IPA_STATE_SET       0xC4000197ULL
#define RSI_HOST_CALL           0xC4000199ULL
#define PSCI_CPU_OFF            0x84000002ULL
#define PSCI_CPU_ON             0xC4000003ULL
#define PSCI_AFFINITY_INFO      0xC4000004ULL
#define PSCI_SYSTEM_OFF         0x84000008ULL

#endif
