// SPDX-License-Identifier: BSD-3-Clause
/*
 * faults: rules injected at the dispatch table.
 *
 *   - {rmi: DATA_CREATE, nth: 3, return: {status: ERROR_RTT, index: 2}}
 *   - {rmi: RTT_INIT_RIPAS, progress: 1}
 *   - {rmi: REC_ENTER, exit: {reason: IRQ}}
 *   - {rmi: RTT_CREATE, every: 2, times: 3, match: {level: 3, ipa: [0, 0x1fffff]},
 *      return: ERROR_INPUT}
 *   - {rmi: RTT_CREATE, nth: 1, return: {status: INCOMPLETE, can_cancel: true,
 *      donate: {block: 2M, count: 1, contig: true, state: undelegated}}}
 */
#include "scn_internal.h"

#include <stdio.h>
#include <string.h>

/*
 * The document's error as it stands: it names its file:line:col already
 * (scn_err() would add the step's in front of it again).
 */
static int doc_err(struct scn_run *r)
{
	if (!r->err[0])
		snprintf(r->err, sizeof(r->err), "%s", r->d->error);
	return -1;
}

/*
 * donate: {block: 4K|2M, count: N, contig: bool, state: S} -> x2, laid out
 * as the profile's donate_request bit field says; S is a value of its
 * op_mem_state enum in lower case (delegated, undelegated, and what a
 * revision adds).
 */
static int parse_donate(struct scn_run *r, yaml_node_t *n, uint64_t *req)
{
	static const char *const keys[] = { "block", "count", "contig", "state", NULL };
	static const char *const blocks[] = { "4K", "2M", "1G" };
	static const char *const block_names[] = { "L3", "L2", "L1" };
	const struct abi_enum *states = abi_enum_find(r->abi, "op_mem_state");
	struct abi_bits count_bits = abi_bits(r->abi, "donate_request", "count");
	yaml_node_t *v;
	uint64_t count = 1;
	bool contig = false;

	if (ynode_is_map(n) && ymap_check_keys(r->d, n, "donate", keys))
		return doc_err(r);
	if (!ynode_is_map(n))
		return scn_err(r, n, "donate: {block: 4K|2M, count: N, contig: bool, state: delegated|undelegated}");
	if (!count_bits.width || !states)
		return scn_err(r, n, "donate: profile %s has no donation requests", r->abi->name);
	*req = 0;
	if ((v = ymap_get(r->d, n, "block"))) {
		unsigned int i;

		for (i = 0; i < 2; i++)
			if (ynode_str(v) && !strcmp(ynode_str(v), blocks[i]))
				break;
		if (i == 2)
			return scn_err(r, v, "donate: block is 4K or 2M (%s is refused)",
				       ynode_str(v) && !strcmp(ynode_str(v), blocks[2]) ? "1G" : "anything else");
		*req |= abi_bits_put(abi_bits(r->abi, "donate_request", "size"),
				     (uint64_t)abi_enum_or(r->abi, "block_size", block_names[i], 0));
	}
	if ((v = ymap_get(r->d, n, "count")) && yscalar_u64(r->d, v, "count", &count))
		return doc_err(r);
	if (count > count_bits.mask >> count_bits.shift)
		return scn_err(r, v, "donate: count does not fit %u bits", count_bits.width);
	*req |= abi_bits_put(count_bits, count);
	if ((v = ymap_get(r->d, n, "contig")) && yscalar_bool(r->d, v, "contig", &contig))
		return doc_err(r);
	*req |= abi_bits_put(abi_bits(r->abi, "donate_request", "contig"), contig);
	if ((v = ymap_get(r->d, n, "state"))) {
		const char *st = ynode_str(v);
		char upper_st[32], expected[128] = "";
		size_t k, used = 0;
		int64_t value;

		for (k = 0; st && st[k] && k + 1 < sizeof(upper_st); k++)
			upper_st[k] = (char)(st[k] >= 'a' && st[k] <= 'z' ? st[k] - 'a' + 'A' : st[k]);
		upper_st[k] = 0;
		if (!st || (st[k] && k + 1 >= sizeof(upper_st)) || strchr(st, '_') ||
		    !abi_enum_value(states, upper_st, &value)) {
			for (unsigned int i = 0; i < states->nvalues && used < sizeof(expected); i++) {
				int w = snprintf(expected + used, sizeof(expected) - used, "%s", i ? ", " : "");

				used += (size_t)(w > 0 ? w : 0);
				for (const char *c = states->values[i].name; *c && used + 1 < sizeof(expected); c++)
					expected[used++] = (char)(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
				expected[used] = 0;
			}
			return scn_err(r, v, "donate: state is one of %s on profile %s", expected,
				       r->abi->name);
		}
		*req |= abi_bits_put(abi_bits(r->abi, "donate_request", "state"), (uint64_t)value);
	}
	return 0;
}

/*
 * The bits x0 carries above the status of an INCOMPLETE answer (memreq,
 * can_cancel), as the rule's `index` (x0[15:8]) holds them.
 */
static uint64_t index_bits(struct scn_run *r, const char *field, uint64_t value)
{
	struct abi_bits index = abi_bits(r->abi, "return_code", "index");

	return abi_bits_put(abi_bits(r->abi, "return_code", field), value) >> index.shift;
}

static int parse_return(struct scn_run *r, yaml_node_t *n, struct fault_rule *rule)
{
	const struct abi_enum *st = abi_enum_find(r->abi, "status");
	yaml_node_t *sn = n, *in = NULL, *cn = NULL, *dn = NULL;
	int64_t status;
	uint64_t index = 0, donate_req = 0;
	bool can_cancel = false;

	if (ynode_is_map(n)) {
		static const char *const keys[] = { "status", "index", "can_cancel", "donate", NULL };

		if (ymap_check_keys(r->d, n, "return", keys))
			return doc_err(r);
		sn = ymap_get(r->d, n, "status");
		in = ymap_get(r->d, n, "index");
		cn = ymap_get(r->d, n, "can_cancel");
		dn = ymap_get(r->d, n, "donate");
	}
	if (!sn || !ynode_is_scalar(sn) || !abi_enum_value(st, ynode_str(sn), &status))
		return scn_err(r, sn ? sn : n, "return: a status of profile %s", r->abi->name);
	if (in && (yscalar_u64(r->d, in, "index", &index) || index > 255))
		return scn_err(r, in, "return: index 0..255");
	/* can_cancel and donate spell an INCOMPLETE's index bits and x2 (fault.h). */
	if ((cn || dn) && strcmp(ynode_str(sn), "INCOMPLETE"))
		return scn_err(r, cn ? cn : dn, "return: can_cancel and donate go with status INCOMPLETE");
	if (cn && yscalar_bool(r->d, cn, "can_cancel", &can_cancel))
		return doc_err(r);
	if (can_cancel)
		index |= index_bits(r, "can_cancel", 1);
	if (dn) {
		if (parse_donate(r, dn, &donate_req))
			return -1;
		index |= index_bits(r, "memreq", (uint64_t)abi_enum_or(r->abi, "mem_req", "DONATE", 0));
	}
	rule->action = FAULT_RETURN;
	rule->status = (uint64_t)status;
	rule->index = index;
	rule->donate_req = donate_req;
	return 0;
}

static int parse_match(struct scn_run *r, yaml_node_t *n, struct fault_rule *rule)
{
	if (!ynode_is_map(n) || ymap_len(n) > FAULT_MAX_MATCH)
		return scn_err(r, n, "match: a mapping of at most %d {argument: value or [lo, hi]}",
			       FAULT_MAX_MATCH);
	for (size_t i = 0; i < ymap_len(n); i++) {
		yaml_node_t *kn, *v;
		const char *k = ymap_key(r->d, n, i, &kn, &v);
		struct fault_match *m = &rule->match[rule->nmatch];

		snprintf(m->arg, sizeof(m->arg), "%s", k ? k : "");
		if (ynode_is_seq(v) && yseq_len(v) == 2) {
			if (scn_value(r, yseq_at(r->d, v, 0), "match", &m->lo) ||
			    scn_value(r, yseq_at(r->d, v, 1), "match", &m->hi))
				return -1;
			/* An empty range would select no call: the rule could never fire. */
			if (m->lo > m->hi)
				return scn_err(r, v, "match: %s: [lo, hi] with lo <= hi (0x%llx > 0x%llx)",
					       m->arg, (unsigned long long)m->lo,
					       (unsigned long long)m->hi);
		} else if (scn_value(r, v, "match", &m->lo)) {
			return -1;
		} else {
			m->hi = m->lo;
		}
		rule->nmatch++;
	}
	return 0;
}

/*
 * A command whose progress a rule can limit: it walks [base, top) and
 * answers how far it got in `top` (RTT_INIT_RIPAS, the 2.0 range
 * delegations and mappings ...).  Unknown commands are
 * fault_plan_add()'s to report.
 */
static bool range_command(struct scn_run *r, const char *name)
{
	const struct abi_command *c = abi_command_by_name(r->abi, ABI_RMI, name);
	bool top_result = false;

	if (!c)
		return true;
	for (unsigned int i = 0; i < c->nresults; i++)
		top_result |= !strcmp(c->results[i], "top");
	return top_result && abi_arg_index(c, "base") >= 0 && abi_arg_index(c, "top") >= 0;
}

int scn_load_faults(struct scn_run *r, struct fault_plan *plan)
{
	static const char *const keys[] = { "rmi", "nth", "every", "times", "match", "return",
		"progress", "exit", NULL };
	yaml_node_t *faults = r->s->faults;

	for (size_t i = 0; faults && i < yseq_len(faults); i++) {
		yaml_node_t *f = yseq_at(r->d, faults, i), *v;
		struct fault_rule rule;
		char err[256], warn[256];
		int actions = 0;

		memset(&rule, 0, sizeof(rule));
		rule.iface = ABI_RMI;
		if (!ynode_is_map(f))
			return scn_err(r, f, "fault: expected a mapping");
		if (ymap_check_keys(r->d, f, "fault", keys))
			return doc_err(r);
		v = ymap_get(r->d, f, "rmi");
		if (!v || !ynode_str(v))
			return scn_err(r, f, "fault: missing 'rmi: COMMAND'");
		snprintf(rule.command, sizeof(rule.command), "%s", ynode_str(v));
		/*
		 * nth counts from 1 and every from 1 (scenarios/README.md, "Fault
		 * rules": nth fires on one call, every on each k-th, neither on
		 * all): 0 written out, or both at once, is a mistake, not "all".
		 */
		if ((v = ymap_get(r->d, f, "nth")) && yscalar_u64(r->d, v, "nth", &rule.nth))
			return doc_err(r);
		if (v && !rule.nth)
			return scn_err(r, v, "nth: the first matching call is 1 (leave nth out to fire on every call)");
		if ((v = ymap_get(r->d, f, "every")) && yscalar_u64(r->d, v, "every", &rule.every))
			return doc_err(r);
		if (v && !rule.every)
			return scn_err(r, v, "every: 1 or more (leave every out to fire on every call)");
		if (v && rule.nth)
			return scn_err(r, v, "fault: nth or every, not both");
		if ((v = ymap_get(r->d, f, "times")) && yscalar_u64(r->d, v, "times", &rule.times))
			return doc_err(r);
		if ((v = ymap_get(r->d, f, "match")) && parse_match(r, v, &rule))
			return -1;
		if ((v = ymap_get(r->d, f, "return"))) {
			actions++;
			if (parse_return(r, v, &rule))
				return -1;
		}
		if ((v = ymap_get(r->d, f, "progress"))) {
			actions++;
			rule.action = FAULT_PROGRESS;
			if (yscalar_u64(r->d, v, "progress", &rule.progress) || !rule.progress)
				return scn_err(r, v, "progress: a number of granules >= 1");
			if (!range_command(r, rule.command))
				return scn_err(r, v, "progress: %s is not a range command (one taking base and top and answering top)",
					       rule.command);
		}
		if ((v = ymap_get(r->d, f, "exit"))) {
			static const char *const exit_keys[] = { "reason", NULL };
			yaml_node_t *reason = ynode_is_map(v) ? ymap_get(r->d, v, "reason") : v;
			int64_t ev;

			/* A forced exit sets the reason only (fault.h exit_reason). */
			if (ynode_is_map(v) && ymap_check_keys(r->d, v, "exit", exit_keys))
				return doc_err(r);
			actions++;
			rule.action = FAULT_EXIT;
			if (!reason || !ynode_is_scalar(reason) ||
			    !scn_enum_lookup(abi_enum_find(r->abi, "exit_reason"), ynode_str(reason), &ev))
				return scn_err(r, v, "exit: {reason: NAME} with a REC exit reason");
			rule.exit_reason = (unsigned int)ev;
		}
		if (actions != 1)
			return scn_err(r, f, "fault: exactly one of return, progress, exit");
		if (fault_plan_add(plan, r->abi, &rule, err, sizeof(err), warn, sizeof(warn)))
			return scn_err(r, f, "%s", err);
		if (warn[0] && r->dry)
			scn_note(r, f, "%s", warn);
	}
	return 0;
}
