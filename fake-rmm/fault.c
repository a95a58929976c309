// SPDX-License-Identifier: BSD-3-Clause
/* Fault plans: which calls to fail, and how (include/cca-double/fault.h). */
#include <cca-double/fault.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct fault_plan {
	struct fault_rule *rules;
	size_t n, cap;
};

struct fault_plan *fault_plan_new(void)
{
	return calloc(1, sizeof(struct fault_plan));
}

void fault_plan_free(struct fault_plan *plan)
{
	if (plan)
		free(plan->rules);
	free(plan);
}

size_t fault_plan_nrules(const struct fault_plan *plan)
{
	return plan->n;
}

const struct fault_rule *fault_plan_rule(const struct fault_plan *plan, size_t i)
{
	return i < plan->n ? &plan->rules[i] : NULL;
}

int fault_plan_add(struct fault_plan *plan, const struct abi_profile *profile,
		   const struct fault_rule *rule, char *err, size_t errlen, char *warn,
		   size_t warnlen)
{
	const struct abi_command *cmd =
		abi_command_by_name(profile, rule->iface, rule->command);

	if (warn && warnlen)
		warn[0] = 0;
	if (!cmd) {
		snprintf(err, errlen, "unknown %s command '%s' in profile %s",
			 abi_interface_name(rule->iface), rule->command, profile->name);
		return -1;
	}
	for (unsigned int i = 0; i < rule->nmatch; i++)
		if (abi_arg_index(cmd, rule->match[i].arg) < 0) {
			snprintf(err, errlen, "%s has no argument '%s'", cmd->name,
				 rule->match[i].arg);
			return -1;
		}
	if (rule->action == FAULT_RETURN) {
		const struct abi_enum *st = abi_enum_find(profile, "status");

		if (!abi_enum_name(st, (int64_t)rule->status)) {
			snprintf(err, errlen, "status %llu is not a status of profile %s",
				 (unsigned long long)rule->status, profile->name);
			return -1;
		}
		if (rule->index > 0xff) {
			snprintf(err, errlen, "index %llu does not fit 8 bits",
				 (unsigned long long)rule->index);
			return -1;
		}
	}
	if (rule->action == FAULT_EXIT && strcmp(cmd->name, "REC_ENTER")) {
		snprintf(err, errlen, "a forced exit applies to REC_ENTER, not %s", cmd->name);
		return -1;
	}
	if (plan->n == plan->cap) {
		size_t cap = plan->cap ? plan->cap * 2 : 8;
		struct fault_rule *r = realloc(plan->rules, cap * sizeof(*r));

		if (!r) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		plan->rules = r;
		plan->cap = cap;
	}
	plan->rules[plan->n] = *rule;
	plan->rules[plan->n].seen = 0;
	plan->rules[plan->n].fired = 0;
	plan->n++;
	return 0;
}

static bool args_match(const struct fault_rule *r, const struct abi_command *cmd,
		       const uint64_t *args)
{
	for (unsigned int i = 0; i < r->nmatch; i++) {
		int idx = abi_arg_index(cmd, r->match[i].arg);
		uint64_t v;

		if (idx < 0)
			return false;
		v = args[idx];
		if (v < r->match[i].lo || v > r->match[i].hi)
			return false;
	}
	return true;
}

const struct fault_rule *fault_plan_check(struct fault_plan *plan, const struct abi_command *cmd,
					  const uint64_t *args)
{
	struct fault_rule *hit = NULL;

	if (!plan || !cmd)
		return NULL;
	/*
	 * Every matching rule counts the call, so `nth` always means the nth
	 * call its filter matches, whatever other rules did; the first rule
	 * that fires on this call wins.
	 */
	for (size_t i = 0; i < plan->n; i++) {
		struct fault_rule *r = &plan->rules[i];
		bool fire;

		if (r->iface != cmd->iface || strcmp(r->command, cmd->name) ||
		    !args_match(r, cmd, args))
			continue;
		r->seen++;
		if (hit || (r->times && r->fired >= r->times))
			continue;
		if (r->nth)
			fire = r->seen == r->nth;
		else if (r->every)
			fire = r->seen % r->every == 0;
		else
			fire = true;
		if (fire) {
			r->fired++;
			hit = r;
		}
	}
	return hit;
}
