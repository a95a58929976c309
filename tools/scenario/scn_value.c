// SPDX-License-Identifier: BSD-3-Clause
/*
 * Scenario values: an integer (0x.., decimal, 2M), a granule name, or
 * name+0x10 / name-0x10.  Granule names resolve to the PA of the named
 * NS granule in this run's arena.
 */
#include "scn_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

const struct scn_granule *scn_granule_find(const struct scenario *s, const char *name)
{
	for (unsigned int i = 0; i < s->ngranules; i++)
		if (!strcmp(s->granules[i].name, name))
			return &s->granules[i];
	return NULL;
}

uint64_t scn_granule_pa(const struct scn_run *r, const struct scn_granule *g)
{
	return r->pa_base + g->index * PMEM_GRANULE_SIZE;
}

/* Lower-case and drop '_' / '-' so sha256, SHA_256 and Sha-256 compare equal. */
static void fold(const char *in, char *out, size_t len)
{
	size_t n = 0;

	for (; *in && n + 1 < len; in++)
		if (*in != '_' && *in != '-')
			out[n++] = (char)tolower((unsigned char)*in);
	out[n] = 0;
}

bool scn_enum_lookup(const struct abi_enum *e, const char *text, int64_t *out)
{
	char a[64], b[64];

	if (!e)
		return false;
	fold(text, a, sizeof(a));
	for (unsigned int i = 0; i < e->nvalues; i++) {
		fold(e->values[i].name, b, sizeof(b));
		if (!strcmp(a, b)) {
			*out = e->values[i].value;
			return true;
		}
	}
	return false;
}

int scn_value(struct scn_run *r, yaml_node_t *n, const char *what, uint64_t *out)
{
	const char *text;
	char name[64];
	const char *op;
	const struct scn_granule *g;
	uint64_t off = 0;
	size_t len;
	int ret;

	if (!ynode_is_scalar(n))
		return scn_err(r, n, "%s: expected a number or a granule name", what);
	text = ynode_str(n);
	ret = parse_u64_text(text, true, out);
	if (!ret)
		return 0;
	if (ret == YDOC_OVERFLOW)
		return scn_err(r, n, "%s: '%s' does not fit 64 bits", what, text);
	if (text[0] == '-') {
		int64_t v;

		ret = parse_s64_text(text, &v);
		if (!ret) {
			*out = (uint64_t)v;
			return 0;
		}
		if (ret == YDOC_OVERFLOW)
			return scn_err(r, n, "%s: '%s' does not fit a signed 64-bit integer", what, text);
	}
	op = strpbrk(text, "+-");
	len = op ? (size_t)(op - text) : strlen(text);
	if (!len || len >= sizeof(name))
		return scn_err(r, n, "%s: '%s' is not a number or a granule name", what, text);
	memcpy(name, text, len);
	name[len] = 0;
	g = scn_granule_find(r->s, name);
	if (op && parse_u64_text(op + 1, true, &off))
		return scn_err(r, n, "%s: bad offset in '%s' (name+0x10 expected)", what, text);
	if (g) {
		*out = scn_granule_pa(r, g);
	} else {
		unsigned int i;

		for (i = 0; i < r->nsaved && strcmp(r->saved[i].name, name); i++)
			;
		if (i == r->nsaved)
			return scn_err(r, n, "%s: '%s' is neither a number, a declared granule nor a saved result",
				       what, text);
		*out = r->saved[i].value;
	}
	/* A PA past 2^64 or below 0 is no address: wrapping would name another granule. */
	if (op && (*op == '-' ? off > *out : off > UINT64_MAX - *out))
		return scn_err(r, n, "%s: '%s' %s", what, text,
			       *op == '-' ? "is below 0" : "does not fit 64 bits");
	*out = op && *op == '-' ? *out - off : *out + off;
	return 0;
}
