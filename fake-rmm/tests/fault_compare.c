// SPDX-License-Identifier: BSD-3-Clause
#include "fault_compare.h"
#include "rtt_fixture.h"

#include <string.h>

#include <cca-double/abi.h>
#include <cca-double/fault.h>

void fault_compare_forced_real(struct fix *f, const char *name, uint32_t fid, const uint64_t *a,
			       uint64_t want, struct fault_compare_log *log)
{
	const struct abi_command *c = abi_command_by_name(rmm_profile(f->rmm), ABI_RMI, name);
	struct fault_plan *plan = fault_plan_new();
	struct fault_rule rule = { .iface = ABI_RMI, .action = FAULT_RETURN, .status = want & 0xff,
				   .index = (want >> 8) & 0xff, .nth = 1 };
	struct smc_regs real, forced;
	char err[160];

	assert_non_null(c);
	assert_true(log->n < FAULT_COMPARE_MAX);
	assert_rmi(rc(f, fid, a[0], a[1], a[2], a[3], a[4], &real), want);
	strcpy(rule.command, name);
	if (fault_plan_add(plan, rmm_profile(f->rmm), &rule, err, sizeof(err), NULL, 0))
		fail_msg("fault_plan_add: %s", err);
	rmm_set_faults(f->rmm, plan);
	assert_rmi(rc(f, fid, a[0], a[1], a[2], a[3], a[4], &forced), want);
	assert_int_equal(fault_plan_rule(plan, 0)->fired, 1);
	for (unsigned int i = 1; i <= c->nresults; i++)
		if (forced.x[i] != real.x[i])
			fail_msg("%s forced 0x%llx: %s = 0x%llx, the real failure gives 0x%llx", name,
				 (unsigned long long)want, c->results[i - 1],
				 (unsigned long long)forced.x[i], (unsigned long long)real.x[i]);
	rmm_set_faults(f->rmm, NULL);
	fault_plan_free(plan);
	log->seen[log->n].cmd = name;
	log->seen[log->n++].status = (int64_t)(want & 0xff);
}

void fault_compare_assert_all(struct fix *f, const struct fault_compare_log *log)
{
	const struct abi_profile *p = rmm_profile(f->rmm);

	for (unsigned int i = 0; i < p->ncommands; i++) {
		const struct abi_command *c = &p->commands[i];

		for (unsigned int j = 0; j < c->non_failure; j++) {
			const struct abi_on_failure *o = &c->on_failure[j];
			bool found = false;

			for (unsigned int k = 0; k < log->n; k++)
				found |= !strcmp(log->seen[k].cmd, c->name) &&
					 (!o->status || log->seen[k].status == o->status_value);
			if (!found)
				fail_msg("%s declares on_failure for %s (%s): no real failure compared",
					 c->name, c->results[o->result], o->status ? o->status : "any");
		}
	}
}
