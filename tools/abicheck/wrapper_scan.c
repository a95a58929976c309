// SPDX-License-Identifier: BSD-3-Clause
/* Command wrappers of a host header (see wrapper_scan.h). */
#include "wrapper_scan.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Helpers calling helpers: how deep the stateful look-up follows them. */
#define WS_HELPER_DEPTH 4

struct span {
	size_t b, e;	/* toks[b..e) */
};

static bool punct(const struct hs_token *t, char c)
{
	return t->kind == HS_PUNCT && t->text[0] == c;
}

static bool ident(const struct hs_token *t, const char *s)
{
	return t->kind == HS_IDENT && !strcmp(t->text, s);
}

static bool is_fid(const struct hs_token *t)
{
	return t->kind == HS_IDENT && !strncmp(t->text, "SMC_RMI_", 8) &&
	       strcmp(t->text, "SMC_RMI_CALL");
}

static bool contains_ci(const char *s, const char *what)
{
	size_t n = strlen(what);

	for (; *s; s++)
		if (!strncasecmp(s, what, n))
			return true;
	return false;
}

/* "a3" -> 3; -1 for anything else. */
static int reg_index(const struct hs_token *t)
{
	char *end;
	long n;

	if (t->kind != HS_IDENT || t->text[0] != 'a' || !isdigit((unsigned char)t->text[1]))
		return -1;
	n = strtol(t->text + 1, &end, 10);
	return *end || n > WS_MAX_REGS ? -1 : (int)n;
}

/* The innermost '(' or '{' around toks[i] and its closer; false if none. */
static bool enclosing(const struct hs_function *f, size_t i, size_t *open, size_t *close)
{
	int depth = 0;
	size_t o;

	for (o = i; o-- > 0;) {
		const struct hs_token *t = &f->toks[o];

		if (punct(t, ')') || punct(t, '}') || punct(t, ']'))
			depth++;
		else if (punct(t, '(') || punct(t, '{') || punct(t, '[')) {
			if (depth) {
				depth--;
				continue;
			}
			if (punct(t, '['))
				return false;
			break;
		}
	}
	if (o == (size_t)-1)
		return false;
	depth = 0;
	for (size_t c = o + 1; c < f->ntoks; c++) {
		const struct hs_token *t = &f->toks[c];

		if (punct(t, '(') || punct(t, '{') || punct(t, '['))
			depth++;
		else if (punct(t, ')') || punct(t, '}') || punct(t, ']')) {
			if (!depth--) {
				*open = o;
				*close = c;
				return true;
			}
		}
	}
	return false;
}

/* The closer of the bracket at toks[open]; 0 if unmatched. */
static size_t matching(const struct hs_function *f, size_t open)
{
	int depth = 0;

	for (size_t c = open; c < f->ntoks; c++) {
		const struct hs_token *t = &f->toks[c];

		if (punct(t, '(') || punct(t, '{') || punct(t, '['))
			depth++;
		else if ((punct(t, ')') || punct(t, '}') || punct(t, ']')) && !--depth)
			return c;
	}
	return 0;
}

/* The comma-separated items of toks(open..close); empty ones dropped. */
static size_t split(const struct hs_function *f, size_t open, size_t close, struct span *items,
		    size_t max)
{
	size_t n = 0, b = open + 1;
	int depth = 0;

	for (size_t i = open + 1; i <= close; i++) {
		const struct hs_token *t = &f->toks[i];

		if (i < close && (punct(t, '(') || punct(t, '{') || punct(t, '[')))
			depth++;
		else if (i < close && (punct(t, ')') || punct(t, '}') || punct(t, ']')))
			depth--;
		else if (i == close || (!depth && punct(t, ','))) {
			if (i > b && n < max)
				items[n++] = (struct span){ b, i };
			b = i + 1;
		}
	}
	return n;
}

static const struct hs_param *param_find(const struct hs_function *f, const char *name)
{
	for (unsigned int i = 0; i < f->nparams; i++)
		if (f->params[i].name && !strcmp(f->params[i].name, name))
			return &f->params[i];
	return NULL;
}

/* What an argument expression passes: a parameter it uses, or its lone token. */
static void arg_name(const struct hs_function *f, struct span s, char *out, size_t len)
{
	out[0] = 0;
	for (size_t i = s.b; i < s.e; i++)
		if (f->toks[i].kind == HS_IDENT && param_find(f, f->toks[i].text)) {
			snprintf(out, len, "%.63s", f->toks[i].text);
			return;
		}
	if (s.e - s.b == 1 && f->toks[s.b].kind != HS_STRING)
		snprintf(out, len, "%.63s", f->toks[s.b].text);
}

/* Is `name` a parameter or local whose type is an SRO state (struct rmi_sro_state)? */
static bool sro_variable(const struct hs_function *f, const char *name)
{
	const struct hs_param *p = param_find(f, name);

	if (p)
		return p->type && contains_ci(p->type, "sro");
	for (size_t i = 0; i + 2 < f->ntoks; i++) {
		size_t j = i + 2;

		if (!ident(&f->toks[i], "struct") || f->toks[i + 1].kind != HS_IDENT ||
		    !contains_ci(f->toks[i + 1].text, "sro"))
			continue;
		while (j < f->ntoks && punct(&f->toks[j], '*'))
			j++;
		if (j < f->ntoks && ident(&f->toks[j], name))
			return true;
	}
	return false;
}

static const struct hs_function *function_find(const struct hs_header *h, const char *name)
{
	for (size_t i = 0; i < h->nfunctions; i++)
		if (!strcmp(h->functions[i].name, name))
			return &h->functions[i];
	return NULL;
}

/*
 * How f handles a Stateful RMI Operation.  An SRO helper is a call whose
 * name says "sro" (rmi_sro_execute, rmi_sro_memxfer_cmd): handed the SRO
 * state (donated memory lists) it transfers memory, handed registers only
 * it continues; "memxfer" in its name says transfer too.  A helper the
 * header defines itself (rmi_call -> rmi_sro_execute(NULL, regs)) is
 * followed.  Without any, a check of RMI_INCOMPLETE is a wrapper that
 * recognises the answer but does not drive it (v14's "FIXME: Handle SRO").
 */
static enum ws_stateful classify(const struct hs_header *h, const struct hs_function *f,
				 char *why, size_t len, int depth)
{
	enum ws_stateful best = WS_STATELESS;

	why[0] = 0;
	for (size_t i = 0; i + 1 < f->ntoks; i++) {
		const struct hs_token *t = &f->toks[i];
		enum ws_stateful s = WS_STATELESS;
		size_t close;
		struct span items[WS_MAX_REGS + 4];
		size_t n;

		if (t->kind != HS_IDENT || !punct(&f->toks[i + 1], '('))
			continue;
		if (contains_ci(t->text, "sro")) {
			s = contains_ci(t->text, "memxfer") ? WS_TRANSFER : WS_CONTINUE;
			close = matching(f, i + 1);
			if (close) {
				n = split(f, i + 1, close, items, sizeof(items) / sizeof(items[0]));
				for (size_t k = 0; k < n && s != WS_TRANSFER; k++) {
					/* The state itself (sro, &sro), not a member of it. */
					size_t j = items[k].b;

					while (j < items[k].e && (punct(&f->toks[j], '&') ||
								  punct(&f->toks[j], '*')))
						j++;
					if (j + 1 == items[k].e && f->toks[j].kind == HS_IDENT &&
					    sro_variable(f, f->toks[j].text))
						s = WS_TRANSFER;
				}
			}
			if (s > best) {
				best = s;
				snprintf(why, len, "calls %.40s()%s", t->text,
					 s == WS_TRANSFER ? " with the SRO memory state" : "");
			}
		} else if (depth < WS_HELPER_DEPTH && strcmp(t->text, f->name)) {
			const struct hs_function *g = function_find(h, t->text);
			char sub[96];

			if (g && (s = classify(h, g, sub, sizeof(sub), depth + 1)) > best &&
			    s != WS_INCOMPLETE_ONLY) {
				best = s;
				snprintf(why, len, "calls %.20s(), which %.50s", t->text, sub);
			}
		}
	}
	if (best != WS_STATELESS)
		return best;
	for (size_t i = 0; i < f->ntoks; i++) {
		if (ident(&f->toks[i], "SMC_RMI_OP_CONTINUE")) {
			snprintf(why, len, "issues SMC_RMI_OP_CONTINUE itself");
			return WS_CONTINUE;
		}
	}
	for (size_t i = 0; i < f->ntoks; i++) {
		if (ident(&f->toks[i], "RMI_INCOMPLETE")) {
			snprintf(why, len, "checks RMI_INCOMPLETE at line %u, calls no SRO helper",
				 f->toks[i].line);
			return WS_INCOMPLETE_ONLY;
		}
	}
	return WS_STATELESS;
}

/* `.aN` read back (not a designator `{ .aN = ...`): where does it go? */
static void results(const struct hs_function *f, size_t from, struct ws_wrapper *w)
{
	for (size_t i = from; i + 1 < f->ntoks; i++) {
		int r = reg_index(&f->toks[i + 1]);
		size_t s;

		if (r < 1 || !(punct(&f->toks[i], '.') || (punct(&f->toks[i], '>') && i &&
							   punct(&f->toks[i - 1], '-'))))
			continue;
		if (i + 2 < f->ntoks && punct(&f->toks[i + 2], '=') &&
		    !(i + 3 < f->ntoks && punct(&f->toks[i + 3], '=')))
			continue;	/* a designator, or a write to a register */
		if (!i || (f->toks[i - 1].kind != HS_IDENT && !punct(&f->toks[i - 1], ')') &&
			   !punct(&f->toks[i - 1], ']') && !punct(&f->toks[i - 1], '-')))
			continue;
		if ((unsigned int)r > w->nresults)
			w->nresults = (unsigned int)r;
		/* Start of the postfix expression (sro->regs.a1), then `target =` before it. */
		s = i;
		while (s > 0 && (f->toks[s - 1].kind == HS_IDENT || punct(&f->toks[s - 1], '.') ||
				 punct(&f->toks[s - 1], '>') || punct(&f->toks[s - 1], '-')))
			s--;
		if (s >= 2 && punct(&f->toks[s - 1], '=') && f->toks[s - 2].kind == HS_IDENT &&
		    !w->results[r - 1][0])
			snprintf(w->results[r - 1], sizeof(w->results[0]), "%.63s", f->toks[s - 2].text);
	}
}

/*
 * Is toks[fid] handed over as a register value: a whole item of a call's
 * arguments or of an initialiser (".a0 = FID" or a cast allowed), not an
 * operand of a comparison or of a control statement?
 */
static bool passes_fid(const struct hs_function *f, size_t fid, size_t *open, size_t *close,
		       struct span *items, size_t max, size_t *n, size_t *k)
{
	static const char *const not_calls[] = { "if", "while", "switch", "return", "sizeof",
						 "for", "WARN_ON", "BUG_ON" };

	if (!enclosing(f, fid, open, close))
		return false;
	if (punct(&f->toks[*open], '(')) {
		if (!*open || f->toks[*open - 1].kind != HS_IDENT)
			return false;
		for (size_t i = 0; i < sizeof(not_calls) / sizeof(not_calls[0]); i++)
			if (!strcmp(f->toks[*open - 1].text, not_calls[i]))
				return false;
	}
	*n = split(f, *open, *close, items, max);
	for (*k = 0; *k < *n && !(items[*k].b <= fid && fid < items[*k].e); (*k)++)
		;
	return *k < *n && items[*k].e == fid + 1 && items[*k].e - items[*k].b <= 4;
}

/* Is toks[fid] stored into a register: `regs.a0 = FID` (or regs->a0)?  Its variable. */
static const char *assigned_fid(const struct hs_function *f, size_t fid)
{
	if (fid < 4 || !punct(&f->toks[fid - 1], '=') || reg_index(&f->toks[fid - 2]) != 0 ||
	    !(punct(&f->toks[fid - 3], '.') || punct(&f->toks[fid - 3], '>')))
		return NULL;
	if (punct(&f->toks[fid - 3], '>'))
		return fid >= 5 && punct(&f->toks[fid - 4], '-') &&
		       f->toks[fid - 5].kind == HS_IDENT ? f->toks[fid - 5].text : NULL;
	return f->toks[fid - 4].kind == HS_IDENT ? f->toks[fid - 4].text : NULL;
}

/* regs.a0 = FID; regs.a1 = rd; ...: the registers stored into `var`. */
static void assigned_args(const struct hs_function *f, const char *var, struct ws_wrapper *w)
{
	for (size_t i = 0; i + 4 < f->ntoks; i++) {
		size_t r = i + 2, e;
		int reg;

		if (!ident(&f->toks[i], var))
			continue;
		if (punct(&f->toks[i + 1], '-') && punct(&f->toks[i + 2], '>'))
			r = i + 3;
		else if (!punct(&f->toks[i + 1], '.'))
			continue;
		reg = reg_index(&f->toks[r]);
		if (reg < 1 || r + 1 >= f->ntoks || !punct(&f->toks[r + 1], '=') ||
		    (r + 2 < f->ntoks && punct(&f->toks[r + 2], '=')))
			continue;
		for (e = r + 2; e < f->ntoks && !punct(&f->toks[e], ';'); e++)
			;
		if ((unsigned int)reg > w->nargs)
			w->nargs = (unsigned int)reg;
		arg_name(f, (struct span){ r + 2, e }, w->args[reg - 1], sizeof(w->args[0]));
	}
}

/* The wrapper around the first FID f hands over, if any. */
static bool analyse(const struct hs_header *h, const struct hs_function *f, struct ws_wrapper *w)
{
	struct span items[WS_MAX_REGS + 8];
	size_t fid, open = 0, close = 0, n = 0, k = 0;
	bool designated = false;
	const char *var = NULL;

	for (fid = 0; fid < f->ntoks; fid++)
		if (is_fid(&f->toks[fid]) &&
		    ((var = assigned_fid(f, fid)) ||
		     passes_fid(f, fid, &open, &close, items, sizeof(items) / sizeof(items[0]), &n, &k)))
			break;
	if (fid == f->ntoks)
		return false;
	memset(w, 0, sizeof(*w));
	if (var) {
		w->fn = f;
		snprintf(w->fid, sizeof(w->fid), "%s", f->toks[fid].text);
		w->line = f->toks[fid].line;
		snprintf(w->via, sizeof(w->via), "stores into %.50s", var);
		assigned_args(f, var, w);
		results(f, fid, w);
		w->stateful = classify(h, f, w->stateful_why, sizeof(w->stateful_why), 0);
		return true;
	}
	w->fn = f;
	snprintf(w->fid, sizeof(w->fid), "%s", f->toks[fid].text);
	w->line = f->toks[fid].line;
	if (punct(&f->toks[open], '(')) {
		const char *call = f->toks[open - 1].text;

		snprintf(w->via, sizeof(w->via), "%.60s()", call);
		/* The SMCCC 1.1 result pointer: &res, last. */
		if (n > k + 1 && punct(&f->toks[items[n - 1].b], '&') &&
		    (!strncmp(call, "arm_smccc_", 10) || items[n - 1].e - items[n - 1].b == 2))
			n--;
		/* SMCCC 1.0 calls pad with zeros to eight registers. */
		if (!strcmp(call, "arm_smccc_smc") || !strcmp(call, "arm_smccc_hvc"))
			while (n > k + 1 && items[n - 1].e - items[n - 1].b == 1 &&
			       !strcmp(f->toks[items[n - 1].b].text, "0"))
				n--;
	} else {
		snprintf(w->via, sizeof(w->via), "a register initialiser");
		w->zero_fill = true;
		designated = items[k].e - items[k].b >= 3 && punct(&f->toks[items[k].b], '.');
	}
	if (designated) {
		/* { .a0 = FID, .a1 = x, ... }: the register is in the designator. */
		for (size_t j = 0; j < n; j++) {
			const struct span *s = &items[j];
			int r;

			if (s->e - s->b < 3 || !punct(&f->toks[s->b], '.') ||
			    (r = reg_index(&f->toks[s->b + 1])) < 1 || !punct(&f->toks[s->b + 2], '='))
				continue;
			if ((unsigned int)r > w->nargs)
				w->nargs = (unsigned int)r;
			arg_name(f, (struct span){ s->b + 3, s->e }, w->args[r - 1],
				 sizeof(w->args[0]));
		}
	} else {
		for (size_t j = k + 1; j < n && w->nargs < WS_MAX_REGS; j++)
			arg_name(f, items[j], w->args[w->nargs++], sizeof(w->args[0]));
	}
	results(f, close, w);
	w->stateful = classify(h, f, w->stateful_why, sizeof(w->stateful_why), 0);
	return true;
}

size_t ws_scan(const struct hs_header *h, struct ws_wrapper **out)
{
	size_t n = 0;

	*out = NULL;
	for (size_t i = 0; i < h->nfunctions; i++) {
		struct ws_wrapper w;

		if (!analyse(h, &h->functions[i], &w))
			continue;
		*out = realloc(*out, (n + 1) * sizeof(**out));
		if (!*out)
			abort();
		(*out)[n++] = w;
	}
	return n;
}

const char *ws_stateful_name(enum ws_stateful s)
{
	switch (s) {
	case WS_STATELESS:
		return "stateless";
	case WS_INCOMPLETE_ONLY:
		return "INCOMPLETE-aware but not stateful";
	case WS_CONTINUE:
		return "stateful (continue)";
	case WS_TRANSFER:
		return "stateful (memory transfer)";
	}
	return "?";
}
