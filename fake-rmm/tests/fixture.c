// SPDX-License-Identifier: BSD-3-Clause
#include "fixture.h"
#include "v2_fixture.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int fix_setup_with(void **state, const char *profile, const struct pmem_config *pc,
		   bool activate)
{
	struct rmm_config rc = { 0 };
	char err[256];
	struct fix *f = calloc(1, sizeof(*f));

	f->pm = pmem_create(pc, err, sizeof(err));
	if (!f->pm) {
		fprintf(stderr, "pmem_create: %s\n", err);
		return -1;
	}
	rc.profile = profile;
	rc.pmem = f->pm;
	f->rmm = rmm_create(&rc, err, sizeof(err));
	if (!f->rmm) {
		fprintf(stderr, "rmm_create: %s\n", err);
		return -1;
	}
	f->profile = profile;
	f->next = pmem_pa_base(f->pm);
	if (activate && strcmp(profile, "1.0")) {
		/* 2.0: configure and activate the RMM as a host does at boot. */
		uint64_t cfg = fix_alloc(f);

		if (fix_call(f, RMI_FID_RMM_CONFIG_SET, cfg, 0, 0, 0, 0, NULL) ||
		    fix_call(f, RMI_FID_RMM_ACTIVATE, 0, 0, 0, 0, 0, NULL)) {
			fprintf(stderr, "RMM_CONFIG_SET/RMM_ACTIVATE failed\n");
			return -1;
		}
	}
	*state = f;
	return 0;
}

int fix_setup_v1(void **state)
{
	struct pmem_config pc = { .size = FIX_ARENA_SIZE };

	return fix_setup_with(state, "1.0", &pc, true);
}

const char *fix_v2_profile = "2.0-bet1";

const struct abi_profile *fix_v2_abi(void)
{
	return abi_profile_find(fix_v2_profile);
}

int fix_run_v2(const char *name, const struct CMUnitTest *tests, size_t n, int argc, char **argv)
{
	int failed = 0, runs = 0;

	for (unsigned int i = 0; i < abi_nprofiles; i++) {
		const struct abi_profile *p = abi_profiles[i];
		char group[128];

		if (strcmp(p->family, "v2") || (argc > 1 && strcmp(argv[1], p->name)))
			continue;
		fix_v2_profile = p->name;
		snprintf(group, sizeof(group), "%s [%s]", name, p->name);
		failed += _cmocka_run_group_tests(group, tests, n, NULL, NULL);
		runs++;
	}
	if (!runs) {
		fprintf(stderr, "no 2.0 profile %s\n", argc > 1 ? argv[1] : "described");
		return 1;
	}
	return failed;
}

int fix_setup_v2(void **state)
{
	struct pmem_config pc = { .size = FIX_ARENA_SIZE };

	return fix_setup_with(state, fix_v2_profile, &pc, true);
}

int fix_teardown(void **state)
{
	struct fix *f = *state;

	rmm_destroy(f->rmm);
	pmem_destroy(f->pm);
	free(f);
	return 0;
}

uint64_t fix_alloc(struct fix *f)
{
	uint64_t pa = f->next;

	assert_true(pmem_contains(f->pm, pa, PMEM_GRANULE_SIZE));
	f->next += PMEM_GRANULE_SIZE;
	memset(pmem_host_ptr(f->pm, pa), 0, PMEM_GRANULE_SIZE);
	return pa;
}

uint64_t fix_call(struct fix *f, uint32_t fid, uint64_t a1, uint64_t a2, uint64_t a3,
		  uint64_t a4, uint64_t a5, struct smc_regs *out)
{
	return rmm_call(f->rmm, fid, a1, a2, a3, a4, a5, 0, out);
}

uint64_t fix_delegate(struct fix *f, uint64_t pa)
{
	if (!strcmp(f->profile, "1.0"))
		return fix_call(f, RMI_FID_GRANULE_DELEGATE, pa, 0, 0, 0, 0, NULL);
	return fix_call(f, RMI_FID_GRANULE_RANGE_DELEGATE, pa, pa + PMEM_GRANULE_SIZE, 0, 0, 0, NULL);
}

uint64_t fix_alloc_delegated(struct fix *f)
{
	uint64_t pa = fix_alloc(f);

	assert_rmi(fix_delegate(f, pa), 0);
	return pa;
}

void realm_desc_default(struct realm_desc *d)
{
	memset(d, 0, sizeof(*d));
	d->s2sz = 40;
	d->level = 1;
	d->num_start = 2;
	d->vmid = 1;
	d->hash_algo = RMI_HASH_ALGO_SHA_256;
	d->num_bps = 2;
	d->num_wps = 2;
}

void fix_realm_flags_put(const struct abi_profile *prof, void *page, uint64_t flags)
{
	long off = abi_offset(prof, "realm_params", "flags0");

	if (off < 0)
		off = abi_offset(prof, "realm_params", "flags");
	assert_true(off >= 0);
	memcpy((uint8_t *)page + off, &flags, sizeof(flags));
}

uint64_t fix_realm_params(struct fix *f, const struct realm_desc *d, uint64_t rtt_base)
{
	uint64_t pa = fix_alloc(f);
	struct rmi_realm_params *p = pmem_host_ptr(f->pm, pa);

	fix_realm_flags_put(rmm_profile(f->rmm), p, d->flags);
	p->s2sz = (uint8_t)d->s2sz;
	p->sve_vl = (uint8_t)d->sve_vl;
	p->num_bps = (uint8_t)d->num_bps;
	p->num_wps = (uint8_t)d->num_wps;
	p->pmu_num_ctrs = (uint8_t)d->pmu_num_ctrs;
	p->hash_algo = (uint8_t)d->hash_algo;
	p->rtt_base = rtt_base;
	p->rtt_level_start = d->level;
	p->rtt_num_start = d->num_start;
	if (!strcmp(f->profile, "1.0"))
		((struct rmi_v1_0_realm_params *)p)->vmid = (uint16_t)d->vmid;
	return pa;
}

uint64_t fix_realm_create(struct fix *f, const struct realm_desc *d)
{
	uint64_t rtt_base;

	/* 2.0 wants the root group aligned to its size: round the cursor up. */
	f->next = (f->next + d->num_start * PMEM_GRANULE_SIZE - 1) &
		  ~(d->num_start * PMEM_GRANULE_SIZE - 1);
	rtt_base = f->next;
	for (unsigned int i = 0; i < d->num_start && i < 16; i++)
		f->rtt[i] = fix_alloc_delegated(f);
	f->nrtt = d->num_start;
	f->rd = fix_alloc_delegated(f);
	f->params = fix_realm_params(f, d, rtt_base);
	if (strcmp(f->profile, "1.0"))
		return v2_op(f, RMI_FID_REALM_CREATE, f->rd, f->params, 0, NULL);
	return fix_call(f, RMI_FID_REALM_CREATE, f->rd, f->params, 0, 0, 0, NULL);
}

void fix_check_invariants(struct fix *f)
{
	char msg[512];

	if (rmm_check_invariants(f->rmm, msg, sizeof(msg)))
		fail_msg("invariant broken: %s", msg);
}
