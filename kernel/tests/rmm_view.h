/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the realm suites may ask the fake RMM (granule states, RMI call
 * counts, measurements, invariants, fault injection), defined hosted in
 * rmm_view.c.  World-neutral: compiler headers and plain C types only, so
 * the kernel-world suites and the hosted definitions share one declaration.
 */
#ifndef CCA_REALM_TEST_RMM_VIEW_H
#define CCA_REALM_TEST_RMM_VIEW_H

#include <stdbool.h>
#include <stddef.h>

unsigned long long realm_test_granules_not_ns(void);
unsigned long long realm_test_granules_in_state(const char *state);
const char *realm_test_granule_state(unsigned long long pa);
unsigned long long realm_test_rmi_calls(void);
/* Counts of RMI commands issued since the last reset, by spec name. */
void realm_test_trace_start(void);
unsigned long realm_test_count(const char *command);
/* Those whose trace line (arguments, answer) contains `needle`. */
unsigned long realm_test_count_matching(const char *command, const char *needle);
/* Every RMI command issued since the last reset. */
unsigned long realm_test_count_all(void);
int realm_test_rim(unsigned long long rd, unsigned char out[64]);
int realm_test_check_invariants(char *msg, size_t len);
/* Injects: the nth call of `command` answers status | index << 8. */
int realm_test_inject(const char *command, unsigned long long nth, unsigned int status,
		      unsigned int index);
/* nth: that call only; nth 0: every call, at most `times` (0: always).  donate_req: INCOMPLETE's x2. */
int realm_test_inject_rule(const char *command, unsigned long long nth, unsigned long long times,
			   unsigned int status, unsigned int index, unsigned long long donate_req);
/* The first call of `command` whose argument `arg` is `value` answers status | index << 8. */
int realm_test_inject_where(const char *command, const char *arg, unsigned long long value,
			    unsigned int status, unsigned int index);
/* Range commands (RTT_INIT_RIPAS, GRANULE_RANGE_DELEGATE ...) stop after `granules` entries. */
int realm_test_limit_progress(const char *command, unsigned long long granules);
/* One granule to DELEGATED with the profile's own command, straight to the RMM. */
int realm_test_delegate(unsigned long long pa);

/* The running profile's FID of an RMI command by its spec name (0: none). */
unsigned long realm_test_fid(const char *command);
/* An RMI answer's status is `status` ("ERROR_REC"; any index). */
bool realm_test_status_is(unsigned long x0, const char *status);

#endif
