/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Fault injection at the dispatch table.  A plan is a list of rules; each
 * rule matches calls by command (and optionally argument values) and, on
 * the matching calls it selects (nth, every k-th, at most `times`), either
 * forces a return code without running the command (state unchanged),
 * limits the progress of a range command to N granules, or forces a REC
 * exit reason.
 */
#ifndef CCA_DOUBLE_FAULT_H
#define CCA_DOUBLE_FAULT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cca-double/abi.h>

#define FAULT_MAX_MATCH 4
/*
 * Granules an injected DONATE request may ask for in all: 8 MiB, four
 * 2 MiB blocks, an eighth of the default 64 MiB arena.  1 GiB blocks are
 * refused (one is 128 times this, and no test arena has one to spare).
 */
#define FAULT_MAX_DONATE_GRANULES 2048

enum fault_action {
	FAULT_RETURN,	/* answer status/index, command not run */
	FAULT_PROGRESS,	/* range command stops after `progress` granules */
	FAULT_EXIT,	/* REC_ENTER: exit with `exit_reason` before running code */
};

struct fault_match {
	char arg[32];		/* argument name */
	uint64_t lo, hi;	/* inclusive range */
};

struct fault_rule {
	char command[48];	/* spec name, e.g. "DATA_CREATE" */
	enum abi_interface iface;
	uint64_t nth;		/* fire on the nth matching call (1-based); 0: see every */
	uint64_t every;		/* fire on every k-th matching call; 0 with nth 0: all */
	uint64_t times;		/* stop after this many fires; 0: unlimited */
	unsigned int nmatch;
	struct fault_match match[FAULT_MAX_MATCH];
	enum fault_action action;
	uint64_t status, index;	/* FAULT_RETURN */
	uint64_t progress;	/* FAULT_PROGRESS */
	unsigned int exit_reason; /* FAULT_EXIT */
	/*
	 * 2.0, FAULT_RETURN with status INCOMPLETE: `index` holds the bits x0
	 * carries above the status (memreq [1:0], can-cancel [2]) and, for a
	 * DONATE request, `donate_req` is the x2 word: 4 KiB or 2 MiB blocks,
	 * contiguous (one naturally aligned power-of-two block) or not,
	 * delegated or undelegated memory, at most FAULT_MAX_DONATE_GRANULES
	 * granules in all.  The command is not run
	 * at once: x1 is a real handle, and driving the operation to its end
	 * (donate, reclaim, continue) runs it; OP_CANCEL drops it.  State is
	 * unchanged until then.  0 with DONATE means one granule.
	 */
	uint64_t donate_req;
	/* Counters. */
	uint64_t seen, fired;
};

struct fault_plan;

struct fault_plan *fault_plan_new(void);
void fault_plan_free(struct fault_plan *plan);
/*
 * Adds a copy of `rule` after checking it against `profile` (the command
 * exists, argument names exist, a forced status is a status of the
 * profile).  Returns 0, or -1 with a message in `err`.  `warn` receives a
 * note when the forced status is not one the spec lets this command return.
 */
int fault_plan_add(struct fault_plan *plan, const struct abi_profile *profile,
		   const struct fault_rule *rule, char *err, size_t errlen, char *warn,
		   size_t warnlen);
/*
 * The same, but ahead of every other rule (it wins when several fire on one
 * call), and keeping the counters `seen` and `fired` as given: a sweep that
 * branches a run just before its Nth call adds there the rule a whole run
 * would have had from the start, having seen the calls before.
 */
int fault_plan_add_first(struct fault_plan *plan, const struct abi_profile *profile,
			 const struct fault_rule *rule, char *err, size_t errlen);
size_t fault_plan_nrules(const struct fault_plan *plan);
const struct fault_rule *fault_plan_rule(const struct fault_plan *plan, size_t i);

/*
 * Called by the dispatcher for every call: returns the rule that fires for
 * this call (counting it), or NULL.
 */
const struct fault_rule *fault_plan_check(struct fault_plan *plan, const struct abi_command *cmd,
					  const uint64_t *args);

#endif
