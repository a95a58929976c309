// SPDX-License-Identifier: BSD-3-Clause
/*
 * Linking against an installed cca-double: make an arena and a fake RMM,
 * negotiate RMI_VERSION, delegate a granule, watch a call fail as the spec
 * says, undelegate, and print the trace.  Exit status 0 when every answer
 * is the one DEN0137 gives.
 *
 *   cc delegate_realm.c $(pkg-config --cflags --libs cca-double)
 */
#include <stdio.h>
#include <stdlib.h>

#include <cca-double/abi.h>
#include <cca-double/pmem.h>
#include <cca-double/rmm.h>
#include <cca-double/trace.h>

static int check(const char *what, uint64_t got, uint64_t want)
{
	printf("%-40s x0 = 0x%llx %s\n", what, (unsigned long long)got,
	       got == want ? "(as the spec says)" : "(WRONG)");
	return got == want ? 0 : 1;
}

static uint32_t fid(const struct abi_profile *p, const char *name)
{
	const struct abi_command *c = abi_command_by_name(p, ABI_RMI, name);

	if (!c) {
		fprintf(stderr, "profile %s has no %s\n", p->name, name);
		exit(2);
	}
	return c->fid;
}

int main(void)
{
	struct pmem_config pc = { .size = 8 << 20 };
	struct rmm_config rc = { .profile = "1.0" };
	const struct abi_profile *p;
	struct pmem *pm;
	struct rmm *rmm;
	struct trace *t;
	char err[256];
	uint64_t g;
	int bad = 0;

	pm = pmem_create(&pc, err, sizeof(err));
	if (!pm) {
		fprintf(stderr, "pmem_create: %s\n", err);
		return 2;
	}
	rc.pmem = pm;
	rmm = rmm_create(&rc, err, sizeof(err));
	if (!rmm) {
		fprintf(stderr, "rmm_create: %s\n", err);
		return 2;
	}
	p = rmm_profile(rmm);
	t = trace_new(stdout, false);
	rmm_set_trace(rmm, t);
	g = pmem_pa_base(pm);

	bad |= check("VERSION 1.0", rmm_call(rmm, fid(p, "VERSION"), 0x10000, 0, 0, 0, 0, 0, NULL), 0);
	bad |= check("GRANULE_DELEGATE", rmm_call(rmm, fid(p, "GRANULE_DELEGATE"), g, 0, 0, 0, 0, 0, NULL), 0);
	/* Delegating it again: ERROR_INPUT (1), the granule is not NS. */
	bad |= check("GRANULE_DELEGATE again", rmm_call(rmm, fid(p, "GRANULE_DELEGATE"), g, 0, 0, 0, 0, 0, NULL), 1);
	bad |= check("GRANULE_UNDELEGATE", rmm_call(rmm, fid(p, "GRANULE_UNDELEGATE"), g, 0, 0, 0, 0, 0, NULL), 0);
	bad |= check("granules left with the RMM", rmm_granules_not_ns(rmm), 0);

	rmm_set_trace(rmm, NULL);
	trace_free(t);
	rmm_destroy(rmm);
	pmem_destroy(pm);
	return bad;
}
