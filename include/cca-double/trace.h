/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Trace of RMI/RSI calls: one line per call,
 *
 *   RMI RTT_CREATE rd=rd rtt=rtt1 ipa=0x40000000 level=2 > SUCCESS
 *   RMI RTT_DESTROY rd=rd ipa=0x0 level=3 > ERROR_RTT(2) rtt=0 top=0x200000
 *   RSI IPA_STATE_SET base=0x0 top=0x1000 ripas=1 flags=0 > REC_EXIT RIPAS_CHANGE
 *
 * Arguments and results carry the spec's parameter names; values below 16
 * print in decimal, others in hex, and a value the namer knows (a granule
 * of a scenario) prints as its name, or name+0xoff.  A command that starts
 * a Stateful RMI Operation and answers INCOMPLETE shows the operation's
 * handle (x1) and, for a donate request, its word (x2) instead of its own
 * results:
 *
 *   RMI REC_DESTROY rec=rec > INCOMPLETE(2) handle=0
 *
 * A REC_ENTER that succeeds shows the exit it gave the host, read from the
 * run page (trace_exit.c): the reason and, per reason, the fields the spec
 * reports for it:
 *
 *   RMI REC_ENTER rec=rec run=run > SUCCESS exit=SYNC esr=0x93c08007 ec=DABT_LOW far=0x0 hpfar=0x80000
 *   RMI REC_ENTER rec=rec run=run > SUCCESS exit=HOST_CALL imm=7
 *   RMI REC_ENTER rec=rec run=run > SUCCESS exit=PSCI psci=CPU_ON target_cpu=1 entry_point_address=0x0 context_id=0
 *   RMI REC_ENTER rec=rec run=run > SUCCESS exit=RIPAS_CHANGE ripas_base=0x0 ripas_top=0x200000 ripas_value=RAM
 *
 * A forced failure ends with " [injected]".  The same lines are accepted as
 * `expect: trace:`, word by word: an expected line matches a recorded one
 * whose words begin with its words, where a word `...` stands for any
 * number of words (scenarios/README.md).
 */
#ifndef CCA_DOUBLE_TRACE_H
#define CCA_DOUBLE_TRACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cca-double/abi.h>

struct trace;

/* Returns a name for `value` (e.g. a granule PA), or NULL. */
typedef const char *(*trace_namer)(void *ctx, uint64_t value, uint64_t *offset);

/* Lines go to `out` (if not NULL) and are kept in memory (if `keep`). */
struct trace *trace_new(FILE *out, bool keep);
void trace_free(struct trace *t);
void trace_set_namer(struct trace *t, trace_namer fn, void *ctx);
/* Called for every RMI call traced, with its arguments (sweeps record runs). */
typedef void (*trace_call_hook)(void *ctx, const struct abi_command *cmd, const uint64_t *args);
void trace_set_call_hook(struct trace *t, trace_call_hook fn, void *ctx);
/* Profile whose status names the trace prints (rmm_set_trace sets it). */
void trace_set_profile(struct trace *t, const struct abi_profile *p);
/*
 * Reads `len` bytes of the NS granule at `pa` as the host sees it; false if
 * it cannot (rmm_set_trace sets one, so REC_ENTER lines show the exit).
 */
typedef bool (*trace_reader)(void *ctx, uint64_t pa, void *buf, size_t len);
void trace_set_reader(struct trace *t, trace_reader fn, void *ctx);

/*
 * Whether lines from now on are kept for trace_line() (trace_new's `keep`).
 * A trace that neither keeps nor prints its lines does not format them:
 * only the call hook runs.
 */
void trace_set_keep(struct trace *t, bool keep);
size_t trace_nlines(const struct trace *t);
const char *trace_line(const struct trace *t, size_t i);

/* Formats `value` as the trace does (name, name+0xoff, decimal or hex). */
void trace_format_value(const struct trace *t, uint64_t value, char *buf, size_t len);

/* Records one RMI call: x0 and the results named by the command. */
void trace_rmi(struct trace *t, const struct abi_command *cmd, uint32_t fid,
	       const uint64_t *args, uint64_t x0, const uint64_t *results, bool injected);
/* Records one RSI/PSCI call from a realm and what came of it. */
void trace_rsi(struct trace *t, const struct abi_command *cmd, uint32_t fid,
	       const uint64_t *args, const char *outcome);
/* Free text, prefixed with "# ". */
void trace_note(struct trace *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * Formats the exit record of the run page `run` (`run_len` bytes of a
 * rec_run) as REC_ENTER lines end: " exit=REASON field=value ...".  Returns
 * the length written; 0 (and "") when the profile describes no exit record.
 */
size_t trace_format_rec_exit(const struct abi_profile *p, const void *run, size_t run_len,
			     char *buf, size_t len);
/* ESR_ELx.EC name of `esr` ("DABT_LOW"), or NULL for a class without one. */
const char *trace_esr_class(uint64_t esr);

/* Status name of an RMI x0 ("SUCCESS", "ERROR_RTT(2)", "SMC_UNKNOWN"). */
void trace_format_status(const struct abi_profile *p, uint64_t x0, char *buf, size_t len);

#endif
