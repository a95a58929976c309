// SPDX-License-Identifier: BSD-3-Clause
/*
 * Hosted: what the suites may ask the fake RMM (granule states, RMI call
 * counts, measurements, invariants, fault injection), behind plain-C
 * functions the kernel-world suites can declare.
 */
#include <stdbool.h>
#include <string.h>

#include <rmi/common.h>

#include <cca-double/abi.h>
#include <cca-double/fault.h>
#include <cca-double/mock-kernel.h>
#include <cca-double/rmm.h>
#include <cca-double/trace.h>

#include "rmm_view.h"

unsigned long long realm_test_granules_not_ns(void)
{
	return mock_rmm() ? rmm_granules_not_ns(mock_rmm()) : 0;
}

unsigned long long realm_test_granules_in_state(const char *state)
{
	for (int s = 0; s < GRANULE_NSTATES; s++)
		if (!strcmp(granule_state_name(s), state))
			return rmm_granules_in_state(mock_rmm(), s);
	return ~0ULL;
}

const char *realm_test_granule_state(unsigned long long pa)
{
	return granule_state_name(rmm_granule_state(mock_rmm(), pa));
}

unsigned long long realm_test_rmi_calls(void)
{
	return rmm_call_count(mock_rmm());
}

/* The trace keeps every line: counting a command is counting its lines. */
static struct trace *trace;
static unsigned long trace_gen;

/* A fresh trace on the current RMM (a case may run in-process after another: --no-fork). */
void realm_test_trace_start(void)
{
	if (trace && trace_gen == mock_machine_generation())
		rmm_set_trace(mock_rmm(), NULL);
	if (trace)
		trace_free(trace);
	trace = trace_new(NULL, true);
	trace_gen = mock_machine_generation();
	rmm_set_trace(mock_rmm(), trace);
}

unsigned long realm_test_count_matching(const char *command, const char *needle)
{
	size_t len = strlen(command);
	unsigned long n = 0;

	for (size_t i = 0; trace && i < trace_nlines(trace); i++) {
		const char *l = trace_line(trace, i);

		if (!strncmp(l, "RMI ", 4) && !strncmp(l + 4, command, len) && l[4 + len] == ' ' &&
		    (!needle || strstr(l, needle)))
			n++;
	}
	return n;
}

unsigned long realm_test_count(const char *command)
{
	return realm_test_count_matching(command, NULL);
}

unsigned long realm_test_count_all(void)
{
	unsigned long n = 0;

	for (size_t i = 0; trace && i < trace_nlines(trace); i++)
		n += !strncmp(trace_line(trace, i), "RMI ", 4);
	return n;
}

int realm_test_rim(unsigned long long rd, unsigned char out[64])
{
	return rmm_realm_measurement(mock_rmm(), rd, 0, out);
}

int realm_test_check_invariants(char *msg, size_t len)
{
	return rmm_check_invariants(mock_rmm(), msg, len);
}

static struct fault_plan *plan;
static unsigned long plan_gen;

static int realm_test_add_rule(struct fault_rule *rule)
{
	char err[256], warn[256];

	rule->iface = ABI_RMI;
	if (!plan || plan_gen != mock_machine_generation()) {
		/* The previous plan belonged to an RMM that is gone (it was never freed there). */
		plan = fault_plan_new();
		plan_gen = mock_machine_generation();
		rmm_set_faults(mock_rmm(), plan);
	}
	return fault_plan_add(plan, rmm_profile(mock_rmm()), rule, err, sizeof(err), warn,
			      sizeof(warn));
}

int realm_test_inject_rule(const char *command, unsigned long long nth, unsigned long long times,
			   unsigned int status, unsigned int index, unsigned long long donate_req)
{
	struct fault_rule rule;

	memset(&rule, 0, sizeof(rule));
	strncpy(rule.command, command, sizeof(rule.command) - 1);
	/* nth: that call only; 0: every call, `times` fires at most (0: no limit). */
	rule.nth = nth;
	rule.times = nth ? 1 : times;
	rule.action = FAULT_RETURN;
	rule.status = status;
	rule.index = index;
	rule.donate_req = donate_req;
	return realm_test_add_rule(&rule);
}

int realm_test_inject(const char *command, unsigned long long nth, unsigned int status,
		      unsigned int index)
{
	return realm_test_inject_rule(command, nth, 1, status, index, 0);
}

int realm_test_inject_where(const char *command, const char *arg, unsigned long long value,
			    unsigned int status, unsigned int index)
{
	struct fault_rule rule;

	memset(&rule, 0, sizeof(rule));
	strncpy(rule.command, command, sizeof(rule.command) - 1);
	rule.nth = 1;
	rule.times = 1;
	rule.nmatch = 1;
	strncpy(rule.match[0].arg, arg, sizeof(rule.match[0].arg) - 1);
	rule.match[0].lo = value;
	rule.match[0].hi = value;
	rule.action = FAULT_RETURN;
	rule.status = status;
	rule.index = index;
	return realm_test_add_rule(&rule);
}

int realm_test_limit_progress(const char *command, unsigned long long granules)
{
	struct fault_rule rule;

	memset(&rule, 0, sizeof(rule));
	strncpy(rule.command, command, sizeof(rule.command) - 1);
	rule.action = FAULT_PROGRESS;
	rule.progress = granules;
	return realm_test_add_rule(&rule);
}

int realm_test_delegate(unsigned long long pa)
{
	bool v1 = !strcmp(rmm_profile(mock_rmm())->name, "1.0");
	struct smc_regs r = { .x = { v1 ? RMI_FID_GRANULE_DELEGATE : RMI_FID_GRANULE_RANGE_DELEGATE,
				     pa, pa + 4096 } };

	rmm_smc(mock_rmm(), &r);
	return (int)r.x[0];
}

unsigned long realm_test_fid(const char *command)
{
	const struct abi_command *c =
		abi_command_by_name(rmm_profile(mock_rmm()), ABI_RMI, command);

	return c ? c->fid : 0;
}

bool realm_test_status_is(unsigned long x0, const char *status)
{
	char buf[64];

	trace_format_status(rmm_profile(mock_rmm()), x0, buf, sizeof(buf));
	return !strncmp(buf, status, strlen(status)) &&
	       (buf[strlen(status)] == '\0' || buf[strlen(status)] == '(');
}
