// SPDX-License-Identifier: BSD-3-Clause
/* RMI/RSI call trace (format in include/cca-double/trace.h). */
#include <cca-double/trace.h>

#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <cca-double/rmm.h>
#include <rmi/common.h>
#include <rmi/v2.h>

#include "trace_format.h"

struct trace {
	FILE *out;
	bool keep;
	char **lines;
	size_t nlines, cap;
	trace_namer namer;
	void *namer_ctx;
	const struct abi_profile *profile;	/* for status names */
	trace_call_hook call_hook;
	void *call_hook_ctx;
	trace_reader reader;
	void *reader_ctx;
	/* RMI calls come from many threads: one line at a time (a leaf lock). */
	pthread_mutex_t lock;
};

void trace_set_reader(struct trace *t, trace_reader fn, void *ctx)
{
	t->reader = fn;
	t->reader_ctx = ctx;
}

void trace_set_call_hook(struct trace *t, trace_call_hook fn, void *ctx)
{
	t->call_hook = fn;
	t->call_hook_ctx = ctx;
}

struct trace *trace_new(FILE *out, bool keep)
{
	struct trace *t = calloc(1, sizeof(*t));

	if (t) {
		t->out = out;
		t->keep = keep;
		pthread_mutex_init(&t->lock, NULL);
	}
	return t;
}

void trace_free(struct trace *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->nlines; i++)
		free(t->lines[i]);
	free(t->lines);
	pthread_mutex_destroy(&t->lock);
	free(t);
}

void trace_set_keep(struct trace *t, bool keep)
{
	t->keep = keep;
}

/* Nobody would see the line: neither kept nor printed. */
static bool unseen(const struct trace *t)
{
	return !t->out && !t->keep;
}

void trace_set_namer(struct trace *t, trace_namer fn, void *ctx)
{
	t->namer = fn;
	t->namer_ctx = ctx;
}

size_t trace_nlines(const struct trace *t)
{
	size_t n;

	pthread_mutex_lock((pthread_mutex_t *)&t->lock);
	n = t->nlines;
	pthread_mutex_unlock((pthread_mutex_t *)&t->lock);
	return n;
}

const char *trace_line(const struct trace *t, size_t i)
{
	const char *l;

	pthread_mutex_lock((pthread_mutex_t *)&t->lock);
	l = i < t->nlines ? t->lines[i] : NULL;
	pthread_mutex_unlock((pthread_mutex_t *)&t->lock);
	return l;
}

static void emit_locked(struct trace *t, const char *line)
{
	if (t->out) {
		fputs(line, t->out);
		fputc('\n', t->out);
		fflush(t->out);
	}
	if (!t->keep)
		return;
	if (t->nlines == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 64;
		char **n = realloc(t->lines, cap * sizeof(*n));

		if (!n)
			return;
		t->lines = n;
		t->cap = cap;
	}
	t->lines[t->nlines] = strdup(line);
	if (t->lines[t->nlines])
		t->nlines++;
}

static void emit(struct trace *t, const char *line)
{
	pthread_mutex_lock(&t->lock);
	emit_locked(t, line);
	pthread_mutex_unlock(&t->lock);
}

void trace_format_value(const struct trace *t, uint64_t value, char *buf, size_t len)
{
	uint64_t off = 0;
	const char *name = t && t->namer ? t->namer(t->namer_ctx, value, &off) : NULL;

	if (name && off)
		snprintf(buf, len, "%s+0x%llx", name, (unsigned long long)off);
	else if (name)
		snprintf(buf, len, "%s", name);
	else if (value < 16)
		snprintf(buf, len, "%llu", (unsigned long long)value);
	else
		snprintf(buf, len, "0x%llx", (unsigned long long)value);
}

void trace_format_status(const struct abi_profile *p, uint64_t x0, char *buf, size_t len)
{
	const struct abi_enum *e = p ? abi_enum_find(p, "status") : NULL;
	uint64_t status = x0 & RMI_RETURN_CODE_STATUS_MASK;
	uint64_t index = (x0 & RMI_RETURN_CODE_INDEX_MASK) >> RMI_RETURN_CODE_INDEX_SHIFT;
	const char *name = abi_enum_name(e, (int64_t)status);

	if (x0 == SMC_UNKNOWN)
		snprintf(buf, len, "SMC_UNKNOWN");
	else if (!name || x0 >> 16)
		snprintf(buf, len, "0x%llx", (unsigned long long)x0);
	else if (index)
		snprintf(buf, len, "%s(%llu)", name, (unsigned long long)index);
	else
		snprintf(buf, len, "%s", name);
}

size_t trace_append(char *buf, size_t used, size_t len, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (used >= len)
		return used;
	va_start(ap, fmt);
	n = vsnprintf(buf + used, len - used, fmt, ap);
	va_end(ap);
	return n < 0 ? used : used + (size_t)n;
}

/*
 * The exit a successful REC_ENTER left in its run page: the command whose
 * parameter page is a rec_run (the description says which argument).
 */
static size_t append_exit(struct trace *t, const struct abi_command *cmd, const uint64_t *args,
			  char *line, size_t used, size_t len)
{
	const struct abi_struct *run = t->profile && cmd->param_struct && t->reader
					       ? abi_struct_find(t->profile, cmd->param_struct)
					       : NULL;
	int arg = run && !strcmp(run->name, "rec_run") ? abi_arg_index(cmd, cmd->param_arg) : -1;
	uint8_t page[4096];
	size_t size = run ? run->size : 0;

	if (arg < 0 || size > sizeof(page) || !t->reader(t->reader_ctx, args[arg], page, size))
		return used;
	return used < len ? used + trace_format_rec_exit(t->profile, page, size, line + used,
							   len - used)
			  : used;
}

static size_t format_call(struct trace *t, char *line, size_t len, const char *iface,
			  const struct abi_command *cmd, uint32_t fid, const uint64_t *args)
{
	char v[96];
	size_t used;

	if (!cmd)
		return (size_t)snprintf(line, len, "%s 0x%08x", iface, fid);
	used = (size_t)snprintf(line, len, "%s %s", iface, cmd->name);
	for (unsigned int i = 0; cmd->args_known && i < cmd->nargs; i++) {
		trace_format_value(t, args[i], v, sizeof(v));
		used = trace_append(line, used, len, " %s=%s", cmd->args[i], v);
	}
	return used;
}

void trace_rmi(struct trace *t, const struct abi_command *cmd, uint32_t fid,
	       const uint64_t *args, uint64_t x0, const uint64_t *results, bool injected)
{
	char line[1024], v[96], st[64];
	size_t used;

	if (!t)
		return;
	if (t->call_hook && cmd)
		t->call_hook(t->call_hook_ctx, cmd, args);
	if (unseen(t))
		return;
	used = format_call(t, line, sizeof(line), "RMI", cmd, fid, args);
	trace_format_status(t->profile, x0, st, sizeof(st));
	used = trace_append(line, used, sizeof(line), " > %s", st);
	if (x0 != SMC_UNKNOWN && (x0 & RMI_RETURN_CODE_STATUS_MASK) == RMI_STATUS_INCOMPLETE && cmd &&
	    strncmp(cmd->name, "OP_", 3)) {
		/*
		 * A command that starts a Stateful RMI Operation: x1 is its handle,
		 * x2 what memory it asks for (its declared results are what it
		 * answers on SUCCESS).  The OP_* commands declare theirs.
		 */
		used = trace_append(line, used, sizeof(line), " handle=%llu", (unsigned long long)results[0]);
		if ((x0 & RMI_V2_RETURN_CODE_MEMREQ_MASK) >> RMI_V2_RETURN_CODE_MEMREQ_SHIFT ==
		    RMI_V2_MEM_REQ_DONATE)
			used = trace_append(line, used, sizeof(line), " donate_req=0x%llx",
				      (unsigned long long)results[1]);
	} else {
		for (unsigned int i = 0; cmd && x0 != SMC_UNKNOWN && i < cmd->nresults; i++) {
			trace_format_value(t, results[i], v, sizeof(v));
			used = trace_append(line, used, sizeof(line), " %s=%s", cmd->results[i], v);
		}
		if (cmd && x0 == RMI_STATUS_SUCCESS)
			used = append_exit(t, cmd, args, line, used, sizeof(line));
	}
	if (injected)
		trace_append(line, used, sizeof(line), " [injected]");
	emit(t, line);
}

void trace_rsi(struct trace *t, const struct abi_command *cmd, uint32_t fid,
	       const uint64_t *args, const char *outcome)
{
	char line[1024];
	size_t used;

	if (!t || unseen(t))
		return;
	used = format_call(t, line, sizeof(line),
			   cmd && cmd->iface == ABI_PSCI ? "PSCI" : "RSI", cmd, fid, args);
	trace_append(line, used, sizeof(line), " > %s", outcome);
	emit(t, line);
}

void trace_note(struct trace *t, const char *fmt, ...)
{
	char line[1024];
	va_list ap;

	if (!t || unseen(t))
		return;
	line[0] = '#';
	line[1] = ' ';
	va_start(ap, fmt);
	vsnprintf(line + 2, sizeof(line) - 2, fmt, ap);
	va_end(ap);
	emit(t, line);
}

void trace_set_profile(struct trace *t, const struct abi_profile *p)
{
	t->profile = p;
}
