// SPDX-License-Identifier: BSD-3-Clause
/*
 * What libyaml lets through or handles badly, checked around it so that a
 * hostile or careless file gets a clear "file:line:col: what" and never a
 * hang: size and nesting limits (libyaml's scanner is quadratic in flow
 * nesting), byte-exact positions of invalid UTF-8 and of tabs used for
 * indentation (libyaml says only "cannot start any token" or reports 1:1),
 * duplicate keys (libyaml keeps both), a second document (libyaml stops
 * after the first) and strings holding NUL (C strings would end there).
 */
#include "yaml_guard.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int text_err(struct ydoc *d, unsigned long line, unsigned long col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int text_err(struct ydoc *d, unsigned long line, unsigned long col, const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (!d->error[0])
		snprintf(d->error, sizeof(d->error), "%s:%lu:%lu: %s", d->path ? d->path : "<yaml>",
			 line, col, msg);
	return -1;
}

/* Length of the UTF-8 sequence at s (at most n bytes), or 0 if it is not valid UTF-8. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	size_t len;
	uint32_t cp;

	if (s[0] < 0x80)
		return 1;
	if ((s[0] & 0xe0) == 0xc0) {
		len = 2;
		cp = s[0] & 0x1f;
	} else if ((s[0] & 0xf0) == 0xe0) {
		len = 3;
		cp = s[0] & 0x0f;
	} else if ((s[0] & 0xf8) == 0xf0) {
		len = 4;
		cp = s[0] & 0x07;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	/* Overlong forms, surrogates and what lies past U+10FFFF are not UTF-8. */
	if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	return len;
}

/*
 * Flow nesting ("[[[[...", "{{{{..."), counted on libyaml's own tokens:
 * its scanner is quadratic in flow depth, so a 100,000-deep file would
 * take minutes.  Its tokens follow YAML's quoting rules exactly (a quote
 * opens a quoted scalar only where a scalar starts, '' and backslash
 * escapes, block scalars, comments), which a character scan only
 * approximates: "don't" or "a\\" put such a scan out of step and let
 * the nesting through.  Scanning stops at the first level too deep (the
 * scanner looks at most 1024 characters ahead for a key, so this costs
 * milliseconds even for 100,000 '[').  A syntax error ends the scan: the
 * load reports it.
 */
static int check_flow_depth(struct ydoc *d, const unsigned char *text, size_t len)
{
	yaml_parser_t p;
	yaml_token_t t;
	unsigned int flow = 0;
	int ret = 0;

	if (!yaml_parser_initialize(&p))
		return text_err(d, 1, 1, "out of memory");
	yaml_parser_set_input_string(&p, text, len);
	while (!ret && yaml_parser_scan(&p, &t)) {
		yaml_token_type_t type = t.type;

		if (type == YAML_FLOW_SEQUENCE_START_TOKEN || type == YAML_FLOW_MAPPING_START_TOKEN) {
			if (++flow > YDOC_MAX_DEPTH)
				ret = text_err(d, (unsigned long)t.start_mark.line + 1,
					       (unsigned long)t.start_mark.column + 1,
					       "nested deeper than %u levels", YDOC_MAX_DEPTH);
		} else if ((type == YAML_FLOW_SEQUENCE_END_TOKEN ||
			    type == YAML_FLOW_MAPPING_END_TOKEN) && flow) {
			flow--;
		}
		yaml_token_delete(&t);
		if (type == YAML_STREAM_END_TOKEN)
			break;
	}
	yaml_parser_delete(&p);
	return ret;
}

int ydoc_check_text(struct ydoc *d, const unsigned char *text, size_t len)
{
	unsigned long line = 1, col = 1;
	unsigned int dashes = 0;
	bool indent = true, lead = true;

	if (len > YDOC_MAX_BYTES)
		return text_err(d, 1, 1, "file is %zu bytes, more than the %u KiB a description may have",
				len, YDOC_MAX_BYTES / 1024);
	for (size_t i = 0; i < len;) {
		unsigned char c = text[i];
		size_t n = utf8_len(text + i, len - i);

		if (!n)
			return text_err(d, line, col, "invalid UTF-8 (byte 0x%02x): YAML files are UTF-8 text",
					c);
		if (c == '\n') {
			line++;
			col = 1;
			indent = true;
			lead = true;
			dashes = 0;
			i++;
			continue;
		}
		/*
		 * "- - - x": each "- " opening a line is one more level of block
		 * nesting, which libyaml would build 500,000 deep from 1 MiB
		 * (seconds, hundreds of MiB) before the tree check saw it.
		 */
		if (lead && c == '-' &&
		    (i + 1 == len || text[i + 1] == ' ' || text[i + 1] == '\t' || text[i + 1] == '\n' ||
		     text[i + 1] == '\r')) {
			if (++dashes > YDOC_MAX_DEPTH)
				return text_err(d, line, col, "nested deeper than %u levels",
						YDOC_MAX_DEPTH);
		} else if (c != ' ' && c != '\t') {
			lead = false;
		}
		if (c == '\t' && indent)
			return text_err(d, line, col, "tab in indentation: YAML indents with spaces");
		if (c != ' ' && c != '\t')
			indent = false;
		i += n;
		col++;
	}
	return check_flow_depth(d, text, len);
}

static int key_cmp(const void *a, const void *b)
{
	const yaml_node_t *const *x = a, *const *y = b;
	int r = strcmp((const char *)(*x)->data.scalar.value, (const char *)(*y)->data.scalar.value);

	if (r)
		return r;
	/* Equal keys: in document order, so the second one is the one reported. */
	return (*x)->start_mark.index < (*y)->start_mark.index ? -1 :
	       (*x)->start_mark.index > (*y)->start_mark.index;
}

/* A mapping's scalar keys, sorted: equal neighbours are duplicates (n log n, not n^2). */
static int check_map(struct ydoc *d, yaml_node_t *map)
{
	size_t n = ymap_len(map), m = 0;
	yaml_node_t **keys;
	int ret = 0;

	if (n < 2)
		return 0;
	keys = malloc(n * sizeof(*keys));
	if (!keys)
		return text_err(d, ynode_line(map), ynode_col(map), "out of memory");
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *k;

		if (ymap_key(d, map, i, &k, NULL))
			keys[m++] = k;
	}
	qsort(keys, m, sizeof(*keys), key_cmp);
	for (size_t i = 1; i < m && !ret; i++)
		if (!strcmp((const char *)keys[i]->data.scalar.value,
			    (const char *)keys[i - 1]->data.scalar.value))
			ret = ydoc_err(d, keys[i], "duplicate key '%s' (first at line %lu, column %lu)",
				       ynode_str(keys[i]), ynode_line(keys[i - 1]),
				       ynode_col(keys[i - 1]));
	free(keys);
	return ret;
}

/*
 * The height of node `id` (1: a scalar), at nesting `depth` (1: the root),
 * memoised in h[] (0: not seen yet, -1: on the current path).  Block
 * nesting ("- - - x") passes the text check, and an alias may repeat a
 * whole subtree deeper down or refer to a node that contains it: either
 * would make a consumer's walk unbounded.  The recursion stops at
 * YDOC_MAX_DEPTH + 1 frames.
 */
static int node_height(struct ydoc *d, const yaml_node_t *parent, int id, unsigned int depth,
		       int *h)
{
	yaml_node_t *n = yaml_document_get_node(&d->doc, id);
	int max = 0;

	if (!n)
		return 0;
	if (h[id] < 0)
		return ydoc_err(d, n, "an alias refers to a node that contains it");
	if (depth > YDOC_MAX_DEPTH)
		return ydoc_err(d, n, "nested deeper than %u levels", YDOC_MAX_DEPTH);
	/* Seen before: an alias, placed in `parent` (libyaml keeps no node for it). */
	if (h[id] > 0 && depth + (unsigned int)h[id] - 1 > YDOC_MAX_DEPTH)
		return ydoc_err(d, parent, "nested deeper than %u levels through an alias",
				YDOC_MAX_DEPTH);
	if (h[id] > 0)
		return h[id];
	h[id] = -1;
	if (n->type == YAML_SEQUENCE_NODE) {
		for (yaml_node_item_t *i = n->data.sequence.items.start; i < n->data.sequence.items.top;
		     i++) {
			int r = node_height(d, n, *i, depth + 1, h);

			if (r < 0)
				return -1;
			max = r > max ? r : max;
		}
	} else if (n->type == YAML_MAPPING_NODE) {
		for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top;
		     p++) {
			int k = node_height(d, n, p->key, depth + 1, h);
			int v = k < 0 ? -1 : node_height(d, n, p->value, depth + 1, h);

			if (v < 0)
				return -1;
			max = k > max ? k : max;
			max = v > max ? v : max;
		}
	}
	h[id] = max + 1;
	return h[id];
}

int ydoc_check_tree(struct ydoc *d)
{
	size_t nodes = (size_t)(d->doc.nodes.top - d->doc.nodes.start);
	yaml_node_t *n;
	int *h, ret;

	/* Every node once, in document order; aliases point back at earlier nodes. */
	for (n = d->doc.nodes.start; n < d->doc.nodes.top; n++) {
		if (n->type == YAML_MAPPING_NODE && check_map(d, n))
			return -1;
		/*
		 * "t\0 garbage" (an escaped NUL): every consumer reads C
		 * strings, so it would load as "t" with the rest dropped.
		 */
		if (n->type == YAML_SCALAR_NODE &&
		    strlen((const char *)n->data.scalar.value) != n->data.scalar.length)
			return ydoc_err(d, n, "a string holds a NUL character (\\0): names, values and trace lines are text");
	}
	h = calloc(nodes + 1, sizeof(*h));
	if (!h)
		return text_err(d, 1, 1, "out of memory");
	ret = node_height(d, NULL, 1, 1, h) < 0 ? -1 : 0;
	free(h);
	return ret;
}
