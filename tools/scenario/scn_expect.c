// SPDX-License-Identifier: BSD-3-Clause
/*
 * The final `expect:` of a scenario: leaks, warnings, gpf, rim, trace.
 * A trace expectation is an ordered subsequence of recorded lines.  Lines
 * compare word by word (words are runs of non-blanks): an expected line
 * matches a recorded one whose words begin with its words, so outputs may
 * be left out, and an expected word `...` stands for any number of
 * recorded words, so words in the middle may be left out too:
 *
 *   RMI REC_ENTER ... exit=SYNC ... ec=DABT_LOW
 */
#include "scn_internal.h"

#include <stdio.h>
#include <string.h>

/* The document's error, which names its file:line:col already. */
static int doc_err(struct scn_run *r)
{
	if (!r->err[0])
		snprintf(r->err, sizeof(r->err), "%s", r->d->error);
	return -1;
}

#define MAX_WORDS 64
#define WILDCARD "..."

struct words {
	size_t n;
	const char *at[MAX_WORDS];
	size_t len[MAX_WORDS];
};

/* Splits `s` at blanks; false if it has more than MAX_WORDS words. */
static bool split_words(const char *s, struct words *w)
{
	w->n = 0;
	for (;;) {
		size_t n;

		s += strspn(s, " \t");
		if (!*s)
			return true;
		n = strcspn(s, " \t");
		if (w->n == MAX_WORDS)
			return false;
		w->at[w->n] = s;
		w->len[w->n++] = n;
		s += n;
	}
}

static bool is_wildcard(const struct words *w, size_t i)
{
	return w->len[i] == strlen(WILDCARD) && !strncmp(w->at[i], WILDCARD, w->len[i]);
}

static bool same_word(const struct words *a, size_t i, const struct words *b, size_t j)
{
	return a->len[i] == b->len[j] && !memcmp(a->at[i], b->at[j], a->len[i]);
}

/*
 * Whether the first `nwant` words of `want` match a prefix of `got`'s words
 * (a glob over words with `...` as its star; the tail is a free star).
 */
static bool words_match(const struct words *want, size_t nwant, const struct words *got)
{
	size_t i = 0, j = 0, star_i = SIZE_MAX, star_j = 0;

	while (i < nwant) {
		if (is_wildcard(want, i)) {
			star_i = i++;
			star_j = j;
		} else if (j < got->n && same_word(want, i, got, j)) {
			i++;
			j++;
		} else if (star_i != SIZE_MAX && star_j < got->n) {
			i = star_i + 1;	/* let the last `...` take one more word */
			j = ++star_j;
		} else {
			return false;
		}
	}
	return true;
}

static bool line_matches(const struct words *want, const char *got)
{
	struct words g;

	/* A recorded line longer than MAX_WORDS is matched on its first words. */
	split_words(got, &g);
	return words_match(want, want->n, &g);
}

/* How many leading words of `want` match `got` (for the failure message). */
static size_t words_agreeing(const struct words *want, const char *got)
{
	struct words g;
	size_t k = 0;

	split_words(got, &g);
	while (k < want->n && words_match(want, k + 1, &g))
		k++;
	return k;
}

/* The recorded line from `from` on that comes closest to `want`, or NULL. */
static const char *closest_line(const struct trace *t, size_t from, const struct words *want)
{
	const char *best = NULL;
	size_t best_k = 0;

	for (size_t i = from; i < trace_nlines(t); i++) {
		size_t k = words_agreeing(want, trace_line(t, i));

		if (k > best_k) {
			best_k = k;
			best = trace_line(t, i);
		}
	}
	return best;
}

static int check_trace(struct scn_run *r, yaml_node_t *n)
{
	size_t pos = 0, total;
	struct words want;

	if (!ynode_is_seq(n))
		return scn_err(r, n, "trace: a list of trace lines");
	for (size_t i = 0; i < yseq_len(n); i++) {
		yaml_node_t *ln = yseq_at(r->d, n, i);

		if (!ynode_is_scalar(ln))
			return scn_err(r, ln, "trace: each entry is one line");
		if (!split_words(ynode_str(ln), &want))
			return scn_err(r, ln, "trace: a line of at most %d words", MAX_WORDS);
		if (want.n == 0 || (want.n == 1 && is_wildcard(&want, 0)))
			return scn_err(r, ln, "trace: an empty line or a lone '...' matches any call");
	}
	if (r->dry)
		return 0;
	total = trace_nlines(r->trace);
	for (size_t i = 0; i < yseq_len(n); i++) {
		yaml_node_t *ln = yseq_at(r->d, n, i);
		const char *want_text = ynode_str(ln), *near;
		size_t from = pos;

		split_words(want_text, &want);
		while (pos < total && !line_matches(&want, trace_line(r->trace, pos)))
			pos++;
		if (pos < total) {
			pos++;
			continue;
		}
		near = closest_line(r->trace, from, &want);
		if (near)
			return scn_err(r, ln, "trace: no call matching '%s' after the previous match; closest: '%s'",
				       want_text, near);
		return scn_err(r, ln, "trace: no call matching '%s' after the previous match", want_text);
	}
	return 0;
}

static int hex_bytes(const char *s, uint8_t *out, size_t max, size_t *len)
{
	size_t n = 0;

	for (; *s; s += 2) {
		char hex[5] = { '0', 'x', s[0], s[1], 0 };
		uint64_t b;

		if (!s[1] || n == max || parse_u64_text(hex, false, &b))
			return -1;
		out[n++] = (uint8_t)b;
	}
	*len = n;
	return 0;
}

int scn_check_expect(struct scn_run *r)
{
	static const char *const keys[] = { "leaks", "warnings", "gpf", "rim", "trace", NULL };
	yaml_node_t *e = r->s->expect, *v;
	struct scenario_result *res = r->res;
	uint64_t want;

	if (!e)
		return 0;
	if (ymap_check_keys(r->d, e, "expect", keys))
		return doc_err(r);
	if ((v = ymap_get(r->d, e, "leaks"))) {
		if (yscalar_u64(r->d, v, "leaks", &want))
			return doc_err(r);
		if (!r->dry && res->leaked_granules + res->leaked_pages != want)
			return scn_err(r, v, "leaks: %llu granules not back to NS and %llu host pages not freed, expected %llu in all",
				       (unsigned long long)res->leaked_granules,
				       (unsigned long long)res->leaked_pages, (unsigned long long)want);
	}
	if ((v = ymap_get(r->d, e, "warnings"))) {
		if (yscalar_u64(r->d, v, "warnings", &want))
			return doc_err(r);
		if (!r->dry && res->warnings != want)
			return scn_err(r, v, "warnings: %u WARNs in the host code, expected %llu",
				       res->warnings, (unsigned long long)want);
	}
	if ((v = ymap_get(r->d, e, "gpf"))) {
		if (yscalar_u64(r->d, v, "gpf", &want))
			return doc_err(r);
		if (!r->dry && res->gpfs != want)
			return scn_err(r, v, "gpf: %u granule protection faults, expected %llu",
				       res->gpfs, (unsigned long long)want);
	}
	if ((v = ymap_get(r->d, e, "rim"))) {
		uint8_t rim[64];
		size_t len;

		if (!ynode_is_scalar(v) || hex_bytes(ynode_str(v), rim, sizeof(rim), &len) ||
		    (len != 32 && len != 48 && len != 64))
			return scn_err(r, v, "rim: the hex digest (32, 48 or 64 bytes)");
		if (!r->dry) {
			char got[129];

			if (!r->have_rim)
				return scn_err(r, v, "rim: no realm was measured in this run");
			for (size_t i = 0; i < len; i++)
				snprintf(got + 2 * i, 3, "%02x", r->last_rim[i]);
			if (memcmp(rim, r->last_rim, len))
				return scn_err(r, v, "rim: got %s", got);
		}
	}
	if ((v = ymap_get(r->d, e, "trace")) && check_trace(r, v))
		return -1;
	return 0;
}
