// SPDX-License-Identifier: BSD-3-Clause
/*
 * The final `expect:` of a scenario: leaks, warnings, gpf, rim, trace.
 * A trace expectation is an ordered subsequence of recorded lines; an
 * expected line matches a recorded one that equals it or that starts with
 * it followed by a space (so outputs may be left out).
 */
#include "scn_internal.h"

#include <stdio.h>
#include <string.h>

static bool line_matches(const char *want, const char *got)
{
	size_t n = strlen(want);

	return !strncmp(want, got, n) && (got[n] == 0 || got[n] == ' ');
}

static int check_trace(struct scn_run *r, yaml_node_t *n)
{
	size_t pos = 0, total;

	if (!ynode_is_seq(n))
		return scn_err(r, n, "trace: a list of trace lines");
	for (size_t i = 0; i < yseq_len(n); i++)
		if (!ynode_is_scalar(yseq_at(r->d, n, i)))
			return scn_err(r, yseq_at(r->d, n, i), "trace: each entry is one line");
	if (r->dry)
		return 0;
	total = trace_nlines(r->trace);
	for (size_t i = 0; i < yseq_len(n); i++) {
		yaml_node_t *ln = yseq_at(r->d, n, i);
		const char *want = ynode_str(ln);

		while (pos < total && !line_matches(want, trace_line(r->trace, pos)))
			pos++;
		if (pos == total)
			return scn_err(r, ln, "trace: no call matching '%s' after the previous match", want);
		pos++;
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
		return scn_err(r, NULL, "%s", r->d->error);
	if ((v = ymap_get(r->d, e, "leaks"))) {
		if (yscalar_u64(r->d, v, "leaks", &want))
			return scn_err(r, v, "%s", r->d->error);
		if (!r->dry && res->leaked_granules + res->leaked_pages != want)
			return scn_err(r, v, "leaks: %llu granules not back to NS and %llu host pages not freed, expected %llu in all",
				       (unsigned long long)res->leaked_granules,
				       (unsigned long long)res->leaked_pages, (unsigned long long)want);
	}
	if ((v = ymap_get(r->d, e, "warnings"))) {
		if (yscalar_u64(r->d, v, "warnings", &want))
			return scn_err(r, v, "%s", r->d->error);
		if (!r->dry && res->warnings != want)
			return scn_err(r, v, "warnings: %u WARNs in the host code, expected %llu",
				       res->warnings, (unsigned long long)want);
	}
	if ((v = ymap_get(r->d, e, "gpf"))) {
		if (yscalar_u64(r->d, v, "gpf", &want))
			return scn_err(r, v, "%s", r->d->error);
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
