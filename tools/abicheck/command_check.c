// SPDX-License-Identifier: BSD-3-Clause
/*
 * The command wrappers (wrapper_scan.c) against the profile's commands:
 * how many registers each passes and reads back, in which order where the
 * names say, and whether it drives the Stateful RMI Operation the spec
 * makes of the command.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

/* The profile's `stateful` property of a command, as the wrapper level it asks for. */
static enum ws_stateful spec_stateful(const struct abi_command *cmd)
{
	switch (cmd->stateful) {
	case ABI_STATEFUL_CONTINUE:
		return WS_CONTINUE;
	case ABI_STATEFUL_TRANSFER:
		return WS_TRANSFER;
	case ABI_STATELESS:
		break;
	}
	return WS_STATELESS;
}

static const char *spec_stateful_name(enum ws_stateful s)
{
	return s == WS_TRANSFER ? "stateful (memory transfer)" :
	       s == WS_CONTINUE ? "stateful (continue)" : "not stateful";
}

/* The spec command a wrapper's FID macro stands for (by name, or renamed). */
static const struct abi_command *command_of(const struct check *c, const char *fid)
{
	for (size_t i = 0; i < c->n; i++) {
		const struct item *it = &c->items[i];

		if (it->group != IG_COMMAND || it->hidden)
			continue;
		if (it->present && !strcmp(it->name, fid))
			return it->cmd;
		if (!it->present && it->pair >= 0 && !strcmp(c->items[it->pair].name, fid))
			return it->cmd;
	}
	return NULL;
}

/* Names as both sides spell them: out_top ~ top_out ~ top, run_ptr ~ run, pdev_phys ~ pdev. */
static void norm(const char *in, char *out, size_t len)
{
	static const char *const suffixes[] = { "_phys", "_ptr", "_pa", "_out" };
	size_t n;

	if (!isalpha((unsigned char)in[0]) && in[0] != '_') {
		out[0] = 0;	/* a number, or nothing: no name to match */
		return;
	}
	if (!strncmp(in, "out_", 4))
		in += 4;
	snprintf(out, len, "%s", in);
	for (char *p = out; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	for (unsigned int i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		size_t s = strlen(suffixes[i]);

		n = strlen(out);
		if (n > s && !strcmp(out + n - s, suffixes[i]))
			out[n - s] = 0;
	}
}

static int find_norm(const char *const *names, unsigned int n, const char *want)
{
	char a[64];

	for (unsigned int i = 0; i < n; i++) {
		norm(names[i], a, sizeof(a));
		if (a[0] && !strcmp(a, want))
			return (int)i;
	}
	return -1;
}

static void list(char *buf, size_t len, const char *const *names, unsigned int n)
{
	size_t used = 0;

	buf[0] = 0;
	for (unsigned int i = 0; i < n && used < len; i++)
		used += (size_t)snprintf(buf + used, len - used, "%s%s", i ? ", " : "",
					 names[i][0] ? names[i] : "?");
}

struct wcheck {
	struct check *c;
	const struct ws_wrapper *w;
	const struct abi_command *cmd;
	char what[160];
	char loc[160];
	bool ok;
};

static void w_mismatch(struct wcheck *k, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void w_mismatch(struct wcheck *k, const char *fmt, ...)
{
	char msg[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	report(k->c, "MISMATCH", k->what, "%s() %s (%s)", k->w->fn->name, msg, k->loc);
	k->c->res.mismatches++;
	k->ok = false;
}

static void w_note(struct wcheck *k, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void w_note(struct wcheck *k, const char *fmt, ...)
{
	char msg[768];
	va_list ap;

	k->c->res.notes++;
	if (!k->c->opt->verbose)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	report(k->c, "NOTE", k->what, "%s() %s (%s)", k->w->fn->name, msg, k->loc);
}

/*
 * Registers in order: a count that differs is a mismatch, and so is a name
 * both sides have in different registers.  Names that merely differ
 * (cfg_ptr / config) are a note.
 */
static void compare_regs(struct wcheck *k, const char *kind, const char *const *hnames,
			 unsigned int hn, const char *const *snames, unsigned int sn, bool reads)
{
	char h[512], s[512], only[1024] = "", a[64], b[64];

	list(h, sizeof(h), hnames, hn);
	list(s, sizeof(s), snames, sn);
	/*
	 * An initialiser leaves the registers after its last item 0: fewer
	 * arguments is a choice of value (oaddr 0), not a missing register.
	 */
	if (!reads && hn < sn && k->w->zero_fill) {
		list(only, sizeof(only), snames + hn, sn - hn);
		w_note(k, "passes %u %s (%s), spec %u (%s): %s left 0", hn, kind, h, sn, s, only);
		only[0] = 0;
		sn = hn;
	}
	if (reads ? hn > sn : hn != sn) {
		/* Which names one side has and the other lacks, where names are known. */
		unsigned int nh = 0, ns = 0;

		for (unsigned int i = 0; i < hn; i++) {
			norm(hnames[i], a, sizeof(a));
			if (a[0] && find_norm(snames, sn, a) < 0)
				snprintf(only + strlen(only), sizeof(only) - strlen(only), "%s%s",
					 nh++ ? ", " : "; ", hnames[i]);
		}
		if (nh)
			snprintf(only + strlen(only), sizeof(only) - strlen(only), " not in the spec");
		for (unsigned int i = 0; i < sn && !reads; i++) {
			norm(snames[i], a, sizeof(a));
			if (a[0] && find_norm(hnames, hn, a) < 0)
				snprintf(only + strlen(only), sizeof(only) - strlen(only), "%s%s",
					 ns++ ? ", " : "; ", snames[i]);
		}
		if (ns)
			snprintf(only + strlen(only), sizeof(only) - strlen(only), " not passed");
		if (reads)
			w_mismatch(k, "reads %u %s back (%s), spec defines %u (%s)%s", hn, kind, h, sn,
				   s, only);
		else
			w_mismatch(k, "passes %u %s (%s), spec %u (%s)%s", hn, kind, h, sn, s, only);
		return;
	}
	for (unsigned int i = 0; i < hn; i++) {
		int j;

		norm(hnames[i], a, sizeof(a));
		if (!a[0])
			continue;
		norm(snames[i], b, sizeof(b));
		if (!strcmp(a, b))
			continue;
		j = find_norm(snames, sn, a);
		if (j >= 0)
			w_mismatch(k, "%s x%u '%s': the spec has '%s' in x%d (%s / spec %s)",
				   reads ? "reads" : "passes", i + 1, hnames[i], snames[j], j + 1, h, s);
		else
			w_note(k, "x%u: header '%s', spec '%s'", i + 1, hnames[i], snames[i]);
	}
}

/*
 * A wrapper must drive at least what the spec makes of the command: one
 * that cannot (a single SMC, or INCOMPLETE recognised but not driven)
 * fails the operation the RMM starts.  Driving more than needed is
 * harmless: the helper acts on INCOMPLETE only.
 */
static void compare_stateful(struct wcheck *k)
{
	enum ws_stateful need = spec_stateful(k->cmd), have = k->w->stateful;

	if (need != WS_STATELESS && have < need) {
		w_mismatch(k, "is %s%s%s%s; spec: %s", ws_stateful_name(have),
			   k->w->stateful_why[0] ? " (" : "", k->w->stateful_why,
			   k->w->stateful_why[0] ? ")" : "", spec_stateful_name(need));
	} else if (need == WS_STATELESS && have != WS_STATELESS) {
		w_note(k, "is %s (%s); spec: not stateful", ws_stateful_name(have),
		       k->w->stateful_why);
	}
}

static void check_wrapper(struct check *c, const struct ws_wrapper *w,
			  const struct abi_command *cmd)
{
	struct wcheck k = { .c = c, .w = w, .cmd = cmd, .ok = true };
	const char *hargs[WS_MAX_REGS], *hres[WS_MAX_REGS];

	snprintf(k.what, sizeof(k.what), "command %s", cmd->name);
	snprintf(k.loc, sizeof(k.loc), "%s:%u", hs_file_base(c->h, w->fn->file), w->line);
	if (!cmd->args_known) {
		if (c->opt->verbose)
			report(c, "NOTE", k.what, "%s() (%s): arguments not described in profile %s",
			       w->fn->name, k.loc, c->p->name);
		return;
	}
	c->res.wrappers++;
	for (unsigned int i = 0; i < w->nargs; i++)
		hargs[i] = w->args[i];
	for (unsigned int i = 0; i < w->nresults; i++)
		hres[i] = w->results[i];
	compare_regs(&k, "arguments", hargs, w->nargs, cmd->args, cmd->nargs, false);
	compare_regs(&k, "results", hres, w->nresults, cmd->results, cmd->nresults, true);
	compare_stateful(&k);
	if (k.ok && c->opt->verbose)
		report(c, "ok", k.what, "%s() (%s): passes %u, reads back %u, %s", w->fn->name,
		       k.loc, w->nargs, w->nresults, ws_stateful_name(w->stateful));
}

/* One line per side: which commands are stateful operations. */
static void stateful_lists(struct check *c)
{
	static const char *const tag[] = { "", "incomplete-aware", "continue", "transfer" };

	fprintf(c->out, "%-8s %-40s", "STATEFUL", "header");
	for (size_t i = 0; i < c->in->nwrappers; i++) {
		const struct ws_wrapper *w = &c->in->wrappers[i];
		const struct abi_command *cmd = command_of(c, w->fid);

		if (w->stateful != WS_STATELESS)
			fprintf(c->out, " %s:%s", cmd ? cmd->name : w->fid + strlen("SMC_RMI_"),
				tag[w->stateful]);
	}
	fprintf(c->out, "\n%-8s %-40s", "STATEFUL", "spec");
	for (unsigned int i = 0; i < c->p->ncommands; i++) {
		const struct abi_command *cmd = &c->p->commands[i];
		enum ws_stateful s = spec_stateful(cmd);

		if (cmd->iface == ABI_RMI && s != WS_STATELESS)
			fprintf(c->out, " %s:%s", cmd->name, tag[s]);
	}
	fputc('\n', c->out);
}

void check_commands(struct check *c)
{
	bool wrapped[512] = { false };

	if (!c->in->nwrappers)
		return;
	for (size_t i = 0; i < c->in->nwrappers; i++) {
		const struct ws_wrapper *w = &c->in->wrappers[i];
		const struct abi_command *cmd = command_of(c, w->fid);

		if (!cmd)
			continue;	/* a FID the profile lacks: reported with the names */
		if (cmd - c->p->commands < 512)
			wrapped[cmd - c->p->commands] = true;
		check_wrapper(c, w, cmd);
	}
	if (!c->opt->verbose)
		return;
	for (unsigned int i = 0; i < c->p->ncommands && i < 512; i++) {
		const struct abi_command *cmd = &c->p->commands[i];
		char what[160];

		if (cmd->iface != ABI_RMI || !cmd->args_known || wrapped[i])
			continue;
		snprintf(what, sizeof(what), "command %s", cmd->name);
		report(c, "NOWRAP", what, "no wrapper in the header");
	}
	stateful_lists(c);
}
