// SPDX-License-Identifier: BSD-3-Clause
/*
 * faults: rules injected at the dispatch table.
 *
 *   - {rmi: DATA_CREATE, nth: 3, return: {status: ERROR_RTT, index: 2}}
 *   - {rmi: RTT_INIT_RIPAS, progress: 1}
 *   - {rmi: REC_ENTER, exit: {reason: IRQ}}
 *   - {rmi: RTT_CREATE, every: 2, times: 3, match: {level: 3, ipa: [0, 0x1fffff]},
 *      return: ERROR_INPUT}
 */
#include "scn_internal.h"

#include <stdio.h>
#include <string.h>

static int parse_return(struct scn_run *r, yaml_node_t *n, struct fault_rule *rule)
{
	const struct abi_enum *st = abi_enum_find(r->abi, "status");
	yaml_node_t *sn = n, *in = NULL;
	int64_t status;
	uint64_t index = 0;

	if (ynode_is_map(n)) {
		static const char *const keys[] = { "status", "index", NULL };

		if (ymap_check_keys(r->d, n, "return", keys))
			return scn_err(r, NULL, "%s", r->d->error);
		sn = ymap_get(r->d, n, "status");
		in = ymap_get(r->d, n, "index");
	}
	if (!sn || !ynode_is_scalar(sn) || !abi_enum_value(st, ynode_str(sn), &status))
		return scn_err(r, sn ? sn : n, "return: a status of profile %s", r->abi->name);
	if (in && (yscalar_u64(r->d, in, "index", &index) || index > 255))
		return scn_err(r, in, "return: index 0..255");
	rule->action = FAULT_RETURN;
	rule->status = (uint64_t)status;
	rule->index = index;
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
		} else if (scn_value(r, v, "match", &m->lo)) {
			return -1;
		} else {
			m->hi = m->lo;
		}
		rule->nmatch++;
	}
	return 0;
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
		if (!ynode_is_map(f) || ymap_check_keys(r->d, f, "fault", keys))
			return scn_err(r, f, "%s", r->d->error[0] ? r->d->error : "fault: expected a mapping");
		v = ymap_get(r->d, f, "rmi");
		if (!v || !ynode_str(v))
			return scn_err(r, f, "fault: missing 'rmi: COMMAND'");
		snprintf(rule.command, sizeof(rule.command), "%s", ynode_str(v));
		if ((v = ymap_get(r->d, f, "nth")) && yscalar_u64(r->d, v, "nth", &rule.nth))
			return scn_err(r, v, "%s", r->d->error);
		if ((v = ymap_get(r->d, f, "every")) && yscalar_u64(r->d, v, "every", &rule.every))
			return scn_err(r, v, "%s", r->d->error);
		if ((v = ymap_get(r->d, f, "times")) && yscalar_u64(r->d, v, "times", &rule.times))
			return scn_err(r, v, "%s", r->d->error);
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
		}
		if ((v = ymap_get(r->d, f, "exit"))) {
			yaml_node_t *reason = ynode_is_map(v) ? ymap_get(r->d, v, "reason") : v;
			int64_t ev;

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
