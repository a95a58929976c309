// SPDX-License-Identifier: BSD-3-Clause
/* Fault plans: which calls to fail, and how (include/cca-double/fault.h). */
#include <cca-double/fault.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rmi/v2.h>

struct fault_plan {
	struct fault_rule *rules;
	size_t n, cap;
};

/* Fields of a forced INCOMPLETE's index (the x0 bits above the status) and donate word. */
#define RC(f) RMI_V2_RETURN_CODE_##f
#define ABOVE(index) ((uint64_t)(index) << RC(INDEX_SHIFT))
#define FIELD_INDEX_MEMREQ(i) ((ABOVE(i) & RC(MEMREQ_MASK)) >> RC(MEMREQ_SHIFT))
#define FIELD_INDEX_CAN_CANCEL(i) ((ABOVE(i) & RC(CAN_CANCEL_MASK)) >> RC(CAN_CANCEL_SHIFT))
#define FIELD_DONATE_SIZE(v) (((v) & RMI_V2_DONATE_REQUEST_SIZE_MASK) >> \
			      RMI_V2_DONATE_REQUEST_SIZE_SHIFT)
#define FIELD_DONATE_COUNT(v) (((v) & RMI_V2_DONATE_REQUEST_COUNT_MASK) >> \
			       RMI_V2_DONATE_REQUEST_COUNT_SHIFT)
#define FIELD_DONATE_STATE(v) (((v) & RMI_V2_DONATE_REQUEST_STATE_MASK) >> \
			       RMI_V2_DONATE_REQUEST_STATE_SHIFT)
#define FIELD(name, v) FIELD_##name(v)
#define FIELD_V(name, v) ((uint64_t)(v) << RMI_V2_DONATE_REQUEST_COUNT_SHIFT)

static bool is_incomplete(const struct abi_profile *profile, uint64_t status)
{
	const char *name = abi_enum_name(abi_enum_find(profile, "status"), (int64_t)status);

	return name && !strcmp(name, "INCOMPLETE");
}

/*
 * A donate request the RMM could make and a host could meet: 4 KiB or
 * 2 MiB blocks, at least one, FAULT_MAX_DONATE_GRANULES granules at most;
 * contiguous means one naturally aligned power-of-two block (the only
 * contiguous donation TF-RMM addr_list_validate() accepts).
 */
static int donate_req_check(uint64_t req, char *err, size_t errlen)
{
	uint64_t known = RMI_V2_DONATE_REQUEST_SIZE_MASK | RMI_V2_DONATE_REQUEST_COUNT_MASK |
			 RMI_V2_DONATE_REQUEST_CONTIG_MASK | RMI_V2_DONATE_REQUEST_STATE_MASK;
	uint64_t size = FIELD(DONATE_SIZE, req), count = FIELD(DONATE_COUNT, req);
	uint64_t granules = count << (9 * size);

	if (req & ~known) {
		snprintf(err, errlen, "donate request 0x%llx: only size [1:0], count [15:2], contig [16], state [17]",
			 (unsigned long long)req);
		return -1;
	}
	if (size == RMI_V2_BLOCK_SIZE_L0) {
		snprintf(err, errlen, "donate request 0x%llx: block size 3 (512 GiB) is not a size a donation can have",
			 (unsigned long long)req);
		return -1;
	}
	if (size == RMI_V2_BLOCK_SIZE_L1) {
		snprintf(err, errlen, "donate request 0x%llx: 1 GiB blocks are refused - one is %d times the cap FAULT_MAX_DONATE_GRANULES (%d granules, %d MiB), and no test arena has a naturally aligned 1 GiB block to give",
			 (unsigned long long)req, (1 << 18) / FAULT_MAX_DONATE_GRANULES,
			 FAULT_MAX_DONATE_GRANULES, FAULT_MAX_DONATE_GRANULES / 256);
		return -1;
	}
	if (!count || granules > FAULT_MAX_DONATE_GRANULES) {
		snprintf(err, errlen, "donate request 0x%llx: %llu block(s) of %s; from 1 block up to the cap FAULT_MAX_DONATE_GRANULES (%d granules, %d MiB)",
			 (unsigned long long)req, (unsigned long long)count,
			 size ? "2 MiB" : "4 KiB", FAULT_MAX_DONATE_GRANULES,
			 FAULT_MAX_DONATE_GRANULES / 256);
		return -1;
	}
	if ((req & RMI_V2_DONATE_REQUEST_CONTIG_MASK) && (count & (count - 1))) {
		snprintf(err, errlen, "donate request 0x%llx: a contiguous donation is one naturally aligned power-of-two block (TF-RMM addr_list_validate), %llu blocks is not",
			 (unsigned long long)req, (unsigned long long)count);
		return -1;
	}
	return 0;
}

/*
 * A forced INCOMPLETE must describe a request the RMM can make: memreq
 * NONE, DONATE or RECLAIM, the can-cancel bit, nothing else; a DONATE
 * request as donate_req_check() allows.
 */
static int incomplete_rule_check(const struct abi_profile *profile, const struct fault_rule *r,
				 char *err, size_t errlen)
{
	uint64_t known = (RC(MEMREQ_MASK) | RC(CAN_CANCEL_MASK)) >> RC(INDEX_SHIFT);
	uint64_t memreq;

	if (!is_incomplete(profile, r->status))
		return 0;
	memreq = FIELD(INDEX_MEMREQ, r->index);
	if ((r->index & ~known) || memreq > RMI_V2_MEM_REQ_RECLAIM) {
		snprintf(err, errlen, "INCOMPLETE index 0x%llx: only memreq (0 none, 1 donate, 2 reclaim) and can-cancel (4) bits",
			 (unsigned long long)r->index);
		return -1;
	}
	if (memreq != RMI_V2_MEM_REQ_DONATE) {
		if (r->donate_req) {
			snprintf(err, errlen, "a donate request needs memreq DONATE");
			return -1;
		}
		return 0;
	}
	return r->donate_req ? donate_req_check(r->donate_req, err, errlen) : 0;
}

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
	if (rule->action == FAULT_RETURN && incomplete_rule_check(profile, rule, err, errlen))
		return -1;
	if (rule->action == FAULT_RETURN && rule->status && warn && warnlen) {
		const struct abi_enum *st = abi_enum_find(profile, "status");
		const char *name = abi_enum_name(st, (int64_t)rule->status);
		bool listed = false;

		for (unsigned int i = 0; i < cmd->nerrors; i++)
			listed |= !strcmp(cmd->errors[i], name);
		/* Allowed, but a host cannot meet it from a spec-conforming RMM. */
		if (!listed)
			snprintf(warn, warnlen, "%s is not a status the spec lets %s return", name,
				 cmd->name);
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
	if (rule->action == FAULT_RETURN && is_incomplete(profile, rule->status) &&
	    FIELD(INDEX_MEMREQ, rule->index) == RMI_V2_MEM_REQ_DONATE && !rule->donate_req)
		plan->rules[plan->n].donate_req = FIELD_V(DONATE_COUNT, 1);
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
