// SPDX-License-Identifier: BSD-3-Clause
/* Fault plans: which calls to fail, and how (include/cca-double/fault.h). */
#include <cca-double/fault.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rmi/v2.h>

struct fault_plan {
	struct fault_rule *rules;
	size_t n, cap;
	/*
	 * Calls come from many threads: the counters move under this lock, so
	 * "the nth call" is the nth to take it (in one thread, the nth made).
	 */
	pthread_mutex_t lock;
};

/* Fields of a forced INCOMPLETE's index (the x0 bits above the status). */
#define RC(f) RMI_V2_RETURN_CODE_##f
#define ABOVE(index) ((uint64_t)(index) << RC(INDEX_SHIFT))
#define FIELD_INDEX_MEMREQ(i) ((ABOVE(i) & RC(MEMREQ_MASK)) >> RC(MEMREQ_SHIFT))
#define FIELD(name, v) FIELD_##name(v)

/*
 * The donate request word of the profile: STATE is one bit in some 2.0
 * revisions and two (with CONDITIONAL) in others (spec donate_request).
 */
struct donate_bits {
	struct abi_bits size, count, contig, state;
};

static struct donate_bits donate_bits(const struct abi_profile *profile)
{
	return (struct donate_bits){
		.size = abi_bits(profile, "donate_request", "size"),
		.count = abi_bits(profile, "donate_request", "count"),
		.contig = abi_bits(profile, "donate_request", "contig"),
		.state = abi_bits(profile, "donate_request", "state"),
	};
}

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
static int donate_req_check(const struct abi_profile *profile, uint64_t req, char *err,
			    size_t errlen)
{
	struct donate_bits d = donate_bits(profile);
	uint64_t known = d.size.mask | d.count.mask | d.contig.mask | d.state.mask;
	uint64_t size = abi_bits_get(d.size, req), count = abi_bits_get(d.count, req);
	uint64_t granules = count << (9 * size);
	int64_t state = (int64_t)abi_bits_get(d.state, req);

	if (!d.state.width) {
		snprintf(err, errlen, "profile %s has no donate request", profile->name);
		return -1;
	}
	if (req & ~known) {
		snprintf(err, errlen, "donate request 0x%llx: only size [%u:%u], count [%u:%u], contig [%u], state [%u:%u]",
			 (unsigned long long)req, d.size.shift + d.size.width - 1, d.size.shift,
			 d.count.shift + d.count.width - 1, d.count.shift, d.contig.shift,
			 d.state.shift + d.state.width - 1, d.state.shift);
		return -1;
	}
	if (!abi_enum_name(abi_enum_find(profile, "op_mem_state"), state)) {
		snprintf(err, errlen, "donate request 0x%llx: state %lld is not an op_mem_state of profile %s",
			 (unsigned long long)req, (long long)state, profile->name);
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
	if ((req & d.contig.mask) && (count & (count - 1))) {
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
	return r->donate_req ? donate_req_check(profile, r->donate_req, err, errlen) : 0;
}

struct fault_plan *fault_plan_new(void)
{
	struct fault_plan *plan = calloc(1, sizeof(struct fault_plan));

	if (plan)
		pthread_mutex_init(&plan->lock, NULL);
	return plan;
}

void fault_plan_free(struct fault_plan *plan)
{
	if (plan) {
		free(plan->rules);
		pthread_mutex_destroy(&plan->lock);
	}
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
	/*
	 * Allowed, but no RMM of the spec does it: a continue-only operation
	 * (stateful: continue) never asks for memory, and its host drives it
	 * with OP_CONTINUE alone (post-v14 rmi_sro_execute() WARNs otherwise).
	 */
	if (rule->action == FAULT_RETURN && is_incomplete(profile, rule->status) && warn &&
	    warnlen && !warn[0] && cmd->stateful == ABI_STATEFUL_CONTINUE &&
	    FIELD(INDEX_MEMREQ, rule->index) != RMI_V2_MEM_REQ_NONE)
		snprintf(warn, warnlen, "%s is a continue-only operation: it never asks for memory",
			 cmd->name);
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
		plan->rules[plan->n].donate_req =
			abi_bits_put(abi_bits(profile, "donate_request", "count"), 1);
	plan->rules[plan->n].seen = 0;
	plan->rules[plan->n].fired = 0;
	plan->n++;
	return 0;
}

int fault_plan_add_first(struct fault_plan *plan, const struct abi_profile *profile,
			 const struct fault_rule *rule, char *err, size_t errlen)
{
	struct fault_rule added;

	if (fault_plan_add(plan, profile, rule, err, errlen, NULL, 0))
		return -1;
	added = plan->rules[plan->n - 1];
	added.seen = rule->seen;
	added.fired = rule->fired;
	memmove(&plan->rules[1], &plan->rules[0], (plan->n - 1) * sizeof(added));
	plan->rules[0] = added;
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
	pthread_mutex_lock(&plan->lock);
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
	pthread_mutex_unlock(&plan->lock);
	return hit;
}
