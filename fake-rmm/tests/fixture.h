/* SPDX-License-Identifier: BSD-3-Clause */
/* Shared set-up for the fake RMM's cmocka tests: an arena, an RMM, helpers. */
#ifndef FAKE_RMM_TEST_FIXTURE_H
#define FAKE_RMM_TEST_FIXTURE_H

#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cca-double/pmem.h>
#include <cca-double/rmm.h>
#include <rmi/common.h>
#include <rmi/v1_0.h>
#include <rmi/v2.h>

#define FIX_ARENA_SIZE (32ULL << 20)

struct fix {
	struct pmem *pm;
	struct rmm *rmm;
	const char *profile;
	uint64_t next;		/* next free granule for fix_alloc() */
	uint64_t rd, params, rtt[16];
	unsigned int nrtt;
};

/*
 * The 2.0 revision the v2 tests run against.  fix_run_v2() runs a test
 * group once per 2.0 revision the spec describes (family "v2"), or for
 * the one named on the command line, setting this before each run.
 */
extern const char *fix_v2_profile;
const struct abi_profile *fix_v2_abi(void);
int fix_run_v2(const char *name, const struct CMUnitTest *tests, size_t n, int argc, char **argv);
#define fix_run_v2_group(name, tests, argc, argv) \
	fix_run_v2((name), (tests), sizeof(tests) / sizeof((tests)[0]), (argc), (argv))

/* cmocka setup/teardown for each profile. */
int fix_setup_v1(void **state);
/*
 * Any arena: `activate` boots a 2.0 RMM as a host does (RMM_CONFIG_SET,
 * RMM_ACTIVATE); without it the RMM stays in INIT.  1.0 has no boot.
 */
int fix_setup_with(void **state, const char *profile, const struct pmem_config *pc,
		   bool activate);
int fix_setup_v2(void **state);
int fix_teardown(void **state);

/* A fresh NS granule from the arena (zeroed). */
uint64_t fix_alloc(struct fix *f);
uint64_t fix_call(struct fix *f, uint32_t fid, uint64_t a1, uint64_t a2, uint64_t a3,
		  uint64_t a4, uint64_t a5, struct smc_regs *out);
/* GRANULE_DELEGATE (1.0) or GRANULE_RANGE_DELEGATE (2.0) of one granule. */
uint64_t fix_delegate(struct fix *f, uint64_t pa);
/* A delegated granule. */
uint64_t fix_alloc_delegated(struct fix *f);

struct realm_desc {
	unsigned int s2sz;
	int level;
	unsigned int num_start;
	unsigned int vmid;
	unsigned int hash_algo;
	uint64_t flags;
	unsigned int sve_vl, num_bps, num_wps, pmu_num_ctrs;
};

void realm_desc_default(struct realm_desc *d);
/* Stores `flags` in a realm_params page where the profile keeps them (flags / flags0). */
void fix_realm_flags_put(const struct abi_profile *p, void *params_page, uint64_t flags);
/* Writes a realm_params page (NS granule) for `d` with rtt_base. */
uint64_t fix_realm_params(struct fix *f, const struct realm_desc *d, uint64_t rtt_base);
/* Delegates an RD and the root RTTs and issues REALM_CREATE; returns x0. */
uint64_t fix_realm_create(struct fix *f, const struct realm_desc *d);

/* Asserts the invariants hold. */
void fix_check_invariants(struct fix *f);

#define assert_rmi(x0, status) assert_int_equal((x0), (status))
#define RET(status, index) ((uint64_t)(status) | ((uint64_t)(index) << 8))

#endif
