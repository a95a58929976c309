// SPDX-License-Identifier: BSD-3-Clause
#include "yaml_doc.h"

#include <sys/stat.h>

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yaml_guard.h"

static void set_error(struct ydoc *d, unsigned long line, unsigned long col, const char *fmt,
		      va_list ap)
{
	char msg[400];

	if (d->error[0])
		return;
	vsnprintf(msg, sizeof(msg), fmt, ap);
	snprintf(d->error, sizeof(d->error), "%s:%lu:%lu: %s", d->path ? d->path : "<yaml>", line,
		 col, msg);
}

int ydoc_err(struct ydoc *d, const yaml_node_t *at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_error(d, at ? ynode_line(at) : 0, at ? ynode_col(at) : 0, fmt, ap);
	va_end(ap);
	return -1;
}

/*
 * What the user did wrong, for libyaml's problems (its words name the
 * parser's state, not the mistake).  `%s` is where the construct began
 * (libyaml's context mark), when the hint uses it.
 */
static const struct {
	const char *problem, *hint;
} syntax_hints[] = {
	{ "while scanning a quoted scalar", "a quoted string is not closed: the quote at %s has no closing quote" },
	{ "found unknown escape character", "unknown escape in a double-quoted string: write \\\\ for a backslash, or use single quotes" },
	{ "expected ',' or ']'", "the list '[' at %s is not closed with ']', or two of its items lack a ',' between them" },
	{ "expected ',' or '}'", "the mapping '{' at %s is not closed with '}', or two of its entries lack a ',' between them" },
	{ "mapping values are not allowed", "a ': ' inside a value starts a key there: quote the value, or put the nested mapping on lines of its own, indented" },
	{ "block sequence entries are not allowed", "a '- ' list item where a value was expected: start the list on the next line, indented" },
	{ "did not find expected key", "this line is not a key of the mapping at %s: check its indentation (a '- ' item, or a key indented differently from its siblings)" },
	{ "did not find expected '-' indicator", "this line is not an item of the list at %s: check its indentation" },
	{ "could not find expected ':'", "the key at %s has no ':' after it (a key: value pair is written 'key: value')" },
	{ "found undefined alias", "this alias (*name) names no anchor (&name) defined before it" },
	{ "did not find expected node content", "a value is missing here" },
	{ "cannot start any token", "a plain value cannot start with this character ('@', '`', '%%' ...): quote the value" },
	{ "did not find expected <document start>", "text after the document's end: a file holds one mapping" },
	{ "found duplicate anchor", "this anchor (&name) is defined twice" },
};

static int syntax_error(struct ydoc *d, yaml_parser_t *p)
{
	const char *problem = p->problem ? p->problem : "unknown problem";
	char hint[300] = "";

	if (p->error == YAML_MEMORY_ERROR)
		problem = "out of memory";
	for (size_t i = 0; i < sizeof(syntax_hints) / sizeof(syntax_hints[0]); i++) {
		char where[64];

		if (!strstr(problem, syntax_hints[i].problem) &&
		    !(p->context && strstr(p->context, syntax_hints[i].problem)))
			continue;
		snprintf(where, sizeof(where), "line %lu, column %lu",
			 (unsigned long)p->context_mark.line + 1, (unsigned long)p->context_mark.column + 1);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
		snprintf(hint, sizeof(hint), syntax_hints[i].hint, where);
#pragma GCC diagnostic pop
		break;
	}
	snprintf(d->error, sizeof(d->error), "%s:%lu:%lu: YAML syntax error: %s%s%s%s%s", d->path,
		 (unsigned long)p->problem_mark.line + 1, (unsigned long)p->problem_mark.column + 1,
		 problem, p->context ? " " : "", p->context ? p->context : "", hint[0] ? ": " : "",
		 hint);
	return -1;
}

/* One document from `text`, checked before and after libyaml (yaml_guard.h). */
static int load_text(struct ydoc *d, const unsigned char *text, size_t len)
{
	yaml_parser_t p;
	yaml_document_t extra;
	int ret = -1;

	if (ydoc_check_text(d, text, len))
		return -1;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, text, len);
	if (!yaml_parser_load(&p, &d->doc)) {
		syntax_error(d, &p);
		goto out;
	}
	d->loaded = true;
	if (!yaml_document_get_root_node(&d->doc)) {
		snprintf(d->error, sizeof(d->error), "%s:1:1: empty document", d->path);
		goto out;
	}
	/* A second document would be ignored silently: refuse it where it starts. */
	if (!yaml_parser_load(&p, &extra)) {
		syntax_error(d, &p);
		goto out;
	}
	if (yaml_document_get_root_node(&extra)) {
		snprintf(d->error, sizeof(d->error),
			 "%s:%lu:%lu: a second YAML document starts here: a file holds one",
			 d->path, (unsigned long)extra.start_mark.line + 1,
			 (unsigned long)extra.start_mark.column + 1);
		yaml_document_delete(&extra);
		goto out;
	}
	yaml_document_delete(&extra);
	ret = ydoc_check_tree(d);
out:
	yaml_parser_delete(&p);
	return ret;
}

int ydoc_load_file(struct ydoc *d, const char *path)
{
	struct stat st;
	unsigned char *text;
	size_t got;
	FILE *f;
	int ret;

	memset(d, 0, sizeof(*d));
	d->path = path;
	f = fopen(path, "rb");
	if (!f) {
		snprintf(d->error, sizeof(d->error), "%s: cannot open: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fileno(f), &st) || !S_ISREG(st.st_mode)) {
		snprintf(d->error, sizeof(d->error), "%s: %s; expected a YAML file", path,
			 S_ISDIR(st.st_mode) ? "is a directory" : "is not a regular file");
		fclose(f);
		return -1;
	}
	if ((uint64_t)st.st_size > YDOC_MAX_BYTES) {
		snprintf(d->error, sizeof(d->error),
			 "%s:1:1: file is %lld bytes, more than the %u KiB a description may have", path,
			 (long long)st.st_size, YDOC_MAX_BYTES / 1024);
		fclose(f);
		return -1;
	}
	text = malloc((size_t)st.st_size + 1);
	if (!text) {
		snprintf(d->error, sizeof(d->error), "%s: out of memory", path);
		fclose(f);
		return -1;
	}
	got = fread(text, 1, (size_t)st.st_size, f);
	fclose(f);
	if (got != (size_t)st.st_size) {
		snprintf(d->error, sizeof(d->error), "%s: read %zu of %lld bytes", path, got,
			 (long long)st.st_size);
		free(text);
		return -1;
	}
	ret = load_text(d, text, got);
	free(text);
	return ret;
}

int ydoc_load_string(struct ydoc *d, const char *name, const char *text, size_t len)
{
	memset(d, 0, sizeof(*d));
	d->path = name;
	return load_text(d, (const unsigned char *)text, len);
}

void ydoc_free(struct ydoc *d)
{
	if (d->loaded)
		yaml_document_delete(&d->doc);
	d->loaded = false;
}

yaml_node_t *ydoc_root(struct ydoc *d)
{
	return d->loaded ? yaml_document_get_root_node(&d->doc) : NULL;
}

bool ynode_is_map(const yaml_node_t *n)
{
	return n && n->type == YAML_MAPPING_NODE;
}

bool ynode_is_seq(const yaml_node_t *n)
{
	return n && n->type == YAML_SEQUENCE_NODE;
}

bool ynode_is_scalar(const yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE;
}

bool ynode_is_null(const yaml_node_t *n)
{
	const char *s;

	if (!ynode_is_scalar(n) || n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	s = (const char *)n->data.scalar.value;
	return !*s || !strcmp(s, "~") || !strcmp(s, "null") || !strcmp(s, "Null") ||
	       !strcmp(s, "NULL");
}

const char *ynode_str(const yaml_node_t *n)
{
	return ynode_is_scalar(n) ? (const char *)n->data.scalar.value : NULL;
}

unsigned long ynode_line(const yaml_node_t *n)
{
	return (unsigned long)n->start_mark.line + 1;
}

unsigned long ynode_col(const yaml_node_t *n)
{
	return (unsigned long)n->start_mark.column + 1;
}

size_t ymap_len(const yaml_node_t *map)
{
	if (!ynode_is_map(map))
		return 0;
	return (size_t)(map->data.mapping.pairs.top - map->data.mapping.pairs.start);
}

const char *ymap_key(struct ydoc *d, yaml_node_t *map, size_t i, yaml_node_t **key_node,
		     yaml_node_t **value)
{
	yaml_node_pair_t *pair = map->data.mapping.pairs.start + i;
	yaml_node_t *k = yaml_document_get_node(&d->doc, pair->key);

	if (key_node)
		*key_node = k;
	if (value)
		*value = yaml_document_get_node(&d->doc, pair->value);
	return ynode_str(k);
}

yaml_node_t *ymap_get(struct ydoc *d, yaml_node_t *map, const char *key)
{
	size_t i, n = ymap_len(map);

	for (i = 0; i < n; i++) {
		yaml_node_t *v;
		const char *k = ymap_key(d, map, i, NULL, &v);

		if (k && !strcmp(k, key))
			return v;
	}
	return NULL;
}

int ymap_check_keys(struct ydoc *d, yaml_node_t *map, const char *what,
		    const char *const *allowed)
{
	size_t i, n = ymap_len(map);

	for (i = 0; i < n; i++) {
		yaml_node_t *kn;
		const char *k = ymap_key(d, map, i, &kn, NULL);
		const char *const *a;
		char list[300] = "";
		size_t used = 0;

		if (!k)
			return ydoc_err(d, kn, "%s: keys must be scalars", what);
		for (a = allowed; *a; a++)
			if (!strcmp(*a, k))
				break;
		if (*a)
			continue;
		for (a = allowed; *a && used + strlen(*a) + 3 < sizeof(list); a++)
			used += (size_t)snprintf(list + used, sizeof(list) - used, "%s%s",
						 a == allowed ? "" : ", ", *a);
		return ydoc_err(d, kn, "unknown key '%s' in %s (expected one of: %s)", k, what,
				list);
	}
	return 0;
}

size_t yseq_len(const yaml_node_t *seq)
{
	if (!ynode_is_seq(seq))
		return 0;
	return (size_t)(seq->data.sequence.items.top - seq->data.sequence.items.start);
}

yaml_node_t *yseq_at(struct ydoc *d, yaml_node_t *seq, size_t i)
{
	return yaml_document_get_node(&d->doc, seq->data.sequence.items.start[i]);
}

int parse_u64_text(const char *s, bool sizes, uint64_t *out)
{
	uint64_t v = 0, mult = 1;
	int base = 10;
	const char *p = s;
	bool overflow = false;
	size_t len;

	if (!s || !*s)
		return -1;
	len = strlen(s);
	if (sizes && len > 1) {
		switch (s[len - 1]) {
		case 'K': case 'k': mult = 1ULL << 10; break;
		case 'M': case 'm': mult = 1ULL << 20; break;
		case 'G': case 'g': mult = 1ULL << 30; break;
		case 'T': case 't': mult = 1ULL << 40; break;
		default: break;
		}
		if (mult != 1)
			len--;
	}
	if (len > 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		base = 16;
		p += 2;
		len -= 2;
	} else if (len > 2 && p[0] == '0' && (p[1] == 'b' || p[1] == 'B')) {
		base = 2;
		p += 2;
		len -= 2;
	}
	if (!len)
		return -1;
	/* At least one digit: "_" or "0x_" is no number (a lone "_" would read as 0). */
	if (strspn(p, "_") >= len)
		return -1;
	for (size_t i = 0; i < len; i++) {
		char c = p[i];
		unsigned digit;

		if (c == '_')
			continue;
		if (c >= '0' && c <= '9')
			digit = (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			digit = (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			digit = (unsigned)(c - 'A' + 10);
		else
			return -1;
		if (digit >= (unsigned)base)
			return -1;
		if (v > (UINT64_MAX - digit) / (uint64_t)base)
			overflow = true;
		v = v * (uint64_t)base + digit;
	}
	if (overflow || (mult != 1 && v > UINT64_MAX / mult))
		return YDOC_OVERFLOW;
	*out = v * mult;
	return 0;
}

int parse_s64_text(const char *s, int64_t *out)
{
	uint64_t v;
	int ret;

	if (s && s[0] == '-') {
		ret = parse_u64_text(s + 1, false, &v);
		if (ret)
			return ret;
		if (v > (uint64_t)INT64_MAX + 1)
			return YDOC_OVERFLOW;
		*out = (int64_t)(0 - v);
		return 0;
	}
	ret = parse_u64_text(s, false, &v);
	if (ret)
		return ret;
	if (v > (uint64_t)INT64_MAX)
		return YDOC_OVERFLOW;
	*out = (int64_t)v;
	return 0;
}

static int scalar_or_err(struct ydoc *d, yaml_node_t *n, const char *what, const char *kind)
{
	if (!ynode_is_scalar(n))
		return ydoc_err(d, n, "%s: expected %s, got a %s", what, kind,
				ynode_is_map(n) ? "mapping" : "sequence");
	return 0;
}

int yscalar_u64(struct ydoc *d, yaml_node_t *n, const char *what, uint64_t *out)
{
	if (scalar_or_err(d, n, what, "an unsigned integer"))
		return -1;
	if (parse_u64_text(ynode_str(n), false, out) == YDOC_OVERFLOW)
		return ydoc_err(d, n, "%s: '%s' does not fit 64 bits", what, ynode_str(n));
	if (parse_u64_text(ynode_str(n), false, out))
		return ydoc_err(d, n, "%s: expected an unsigned integer, got '%s'", what,
				ynode_str(n));
	return 0;
}

int yscalar_s64(struct ydoc *d, yaml_node_t *n, const char *what, int64_t *out)
{
	if (scalar_or_err(d, n, what, "an integer"))
		return -1;
	if (parse_s64_text(ynode_str(n), out) == YDOC_OVERFLOW)
		return ydoc_err(d, n, "%s: '%s' does not fit a signed 64-bit integer", what,
				ynode_str(n));
	if (parse_s64_text(ynode_str(n), out))
		return ydoc_err(d, n, "%s: expected an integer, got '%s'", what, ynode_str(n));
	return 0;
}

int yscalar_size(struct ydoc *d, yaml_node_t *n, const char *what, uint64_t *out)
{
	if (scalar_or_err(d, n, what, "a size"))
		return -1;
	if (parse_u64_text(ynode_str(n), true, out) == YDOC_OVERFLOW)
		return ydoc_err(d, n, "%s: '%s' does not fit 64 bits", what, ynode_str(n));
	if (parse_u64_text(ynode_str(n), true, out))
		return ydoc_err(d, n, "%s: expected a size such as 4096, 0x1000, 2M or 1G, got '%s'",
				what, ynode_str(n));
	return 0;
}

int yscalar_bool(struct ydoc *d, yaml_node_t *n, const char *what, bool *out)
{
	const char *s;

	if (scalar_or_err(d, n, what, "true or false"))
		return -1;
	s = ynode_str(n);
	if (!strcmp(s, "true") || !strcmp(s, "yes") || !strcmp(s, "on"))
		*out = true;
	else if (!strcmp(s, "false") || !strcmp(s, "no") || !strcmp(s, "off"))
		*out = false;
	else
		return ydoc_err(d, n, "%s: expected true or false, got '%s'", what, s);
	return 0;
}

int yscalar_str(struct ydoc *d, yaml_node_t *n, const char *what, const char **out)
{
	if (scalar_or_err(d, n, what, "a string"))
		return -1;
	*out = ynode_str(n);
	return 0;
}
