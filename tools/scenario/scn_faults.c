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

/* The bits x0 carries above the status of an INCOMPLETE answer, as `index` holds them. */
#define INDEX_MEMREQ_DONATE	1
#define INDEX_CAN_CANCEL	4
/* donate_request fields (spec/2.0-bet1.yaml) */
#define DONATE_COUNT_SHIFT	2
#define DONATE_CONTIG		(1ULL << 16)
#define DONATE_UNDELEGATED	(1ULL << 17)

/* donate: {block: 4K|2M|1G, count: N, contig: bool, state: delegated|undelegated} -> x2 */
static int parse_donate(struct scn_run *r, yaml_node_t *n, uint64_t *req)
{
	static const char *const keys[] = { "block", "count", "contig", "state", NULL };
	static const char *const blocks[] = { "4K", "2M", "1G" };
	yaml_node_t *v;
	uint64_t count = 1;
	bool contig = false;

	if (!ynode_is_map(n) || ymap_check_keys(r->d, n, "donate", keys))
		return scn_err(r, n, "%s", r->d->error[0] ? r->d->error :
			       "donate: {block: 4K|2M, count: N, contig: bool, state: delegated|undelegated}");
	*req = 0;
	if ((v = ymap_get(r->d, n, "block"))) {
		unsigned int i;

		for (i = 0; i < 3; i++)
			if (ynode_str(v) && !strcmp(ynode_str(v), blocks[i]))
				break;
		if (i == 3)
			return scn_err(r, v, "donate: block is 4K or 2M (1G is refused)");
		*req |= i;
	}
	if ((v = ymap_get(r->d, n, "count")) && yscalar_u64(r->d, v, "count", &count))
		return scn_err(r, v, "%s", r->d->error);
	if (count > 0x3fff)
		return scn_err(r, v, "donate: count does not fit 14 bits");
	*req |= count << DONATE_COUNT_SHIFT;
	if ((v = ymap_get(r->d, n, "contig")) && yscalar_bool(r->d, v, "contig", &contig))
		return scn_err(r, v, "%s", r->d->error);
	if (contig)
		*req |= DONATE_CONTIG;
	if ((v = ymap_get(r->d, n, "state"))) {
		const char *st = ynode_str(v);

		if (st && !strcmp(st, "undelegated"))
			*req |= DONATE_UNDELEGATED;
		else if (!st || strcmp(st, "delegated"))
			return scn_err(r, v, "donate: state is delegated or undelegated");
	}
	return 0;
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
			return scn_err(r, NULL, "%s", r->d->error);
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
		return scn_err(r, cn, "%s", r->d->error);
	if (can_cancel)
		index |= INDEX_CAN_CANCEL;
	if (dn) {
		if (parse_donate(r, dn, &donate_req))
			return -1;
		index |= INDEX_MEMREQ_DONATE;
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
