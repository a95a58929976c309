// SPDX-License-Identifier: BSD-3-Clause
/*
 * Repro files for sweep findings (scn_sweep.h, sweep_write_repro()).
 *
 * The scenario's own text is kept (comments, layout) and edited where the
 * loaded document says its top-level values are: a header comment saying
 * which run it reproduces, `name:` and `profile:` replaced, the fault rule
 * put first in `faults:` (the sweep adds it ahead of the scenario's own
 * rules: it wins when both fire on one call), `expect:` replaced by what a
 * host must manage whatever the RMM answers.  The file is loaded back
 * before it is kept, so a repro that does not load is an error here.
 */
#define _GNU_SOURCE
#include "scn_sweep.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scn_internal.h"

struct edit {
	size_t start, end;	/* bytes replaced */
	char *text;
};

struct edits {
	struct edit e[8];
	unsigned int n;
};

static void add_edit(struct edits *l, size_t start, size_t end, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void add_edit(struct edits *l, size_t start, size_t end, const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	if (vasprintf(&text, fmt, ap) < 0)
		abort();
	va_end(ap);
	l->e[l->n++] = (struct edit){ start, end, text };
}

/*
 * Byte offset of a libyaml mark, from its line and column (libyaml counts
 * columns in characters: UTF-8 sequences count once).
 */
static size_t mark_offset(const char *text, size_t len, yaml_mark_t m)
{
	size_t off = 0;

	for (size_t line = 0; line < m.line && off < len; off++)
		if (text[off] == '\n')
			line++;
	for (size_t col = 0; col < m.column && off < len; col++) {
		off++;
		while (off < len && ((unsigned char)text[off] & 0xc0) == 0x80)
			off++;
	}
	return off;
}

static char *read_text(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0;

	if (!f)
		return NULL;
	for (;;) {
		if (n + 4096 + 1 > cap) {
			cap = cap ? cap * 2 : 65536;
			buf = realloc(buf, cap);
			if (!buf)
				abort();
		}
		size_t got = fread(buf + n, 1, cap - n - 1, f);

		n += got;
		if (!got)
			break;
	}
	fclose(f);
	buf[n] = 0;
	*len = n;
	return buf;
}

/* The value of top-level `key` and the key node, or NULL. */
static yaml_node_t *top_value(const struct scenario *s, const char *key, yaml_node_t **key_node)
{
	struct ydoc *d = (struct ydoc *)&s->doc;
	yaml_node_t *root = ydoc_root(d);

	for (size_t i = 0; i < ymap_len(root); i++) {
		yaml_node_t *k, *v;
		const char *name = ymap_key(d, root, i, &k, &v);

		if (name && !strcmp(name, key)) {
			*key_node = k;
			return v;
		}
	}
	return NULL;
}

/* Replaces a value; a block collection's span ends at the next line, which stays one. */
static void replace_value(struct edits *l, const char *text, size_t len, yaml_node_t *v,
			  const char *with)
{
	size_t start = mark_offset(text, len, v->start_mark);
	size_t end = mark_offset(text, len, v->end_mark);

	add_edit(l, start, end, "%s%s", with, end > start && text[end - 1] == '\n' ? "\n" : "");
}

/* Copies a line of text into a comment, keeping it on one line. */
static void one_line(char *out, size_t len, const char *in)
{
	snprintf(out, len, "%s", in);
	for (char *p = out; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
}

static void safe_name(char *out, size_t len, const char *in)
{
	snprintf(out, len, "%s", in);
	for (char *p = out; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		      *p == '-' || *p == '_' || *p == '.' || *p == '@'))
			*p = '_';
}

static int edit_cmp(const void *a, const void *b)
{
	const struct edit *x = a, *y = b;

	return x->start < y->start ? 1 : x->start > y->start ? -1 : 0;
}

int sweep_write_repro(const struct scenario *s, const char *profile, const struct sweep_run *run,
		      const char *dir, char *path, size_t pathlen, char *err, size_t errlen)
{
	struct edits l = { .n = 0 };
	yaml_node_t *key, *v;
	char rule[256], detail[sizeof(run->detail)], base[512], tail[512] = "", note[2048];
	char *text, *tmp = NULL;
	size_t len, tlen = 0;
	struct scenario *back;
	FILE *f;
	int ret = -1;

	text = read_text(s->path, &len);
	if (!text) {
		snprintf(err, errlen, "%s: %s", s->path, strerror(errno));
		return -1;
	}
	snprintf(rule, sizeof(rule), "{rmi: %s, nth: %llu, return: {status: %s, index: %llu}}",
		 run->command, (unsigned long long)run->nth, run->status,
		 (unsigned long long)run->index);
	one_line(detail, sizeof(detail), run->detail);
	/* At the end: the lines above keep their numbers, and messages naming them stay the same. */
	snprintf(note, sizeof(note),
		 "# Reproduces a run of `cca-double sweep --profile %s` over %s:\n"
		 "#   call %zu, %s #%llu answered %s (index %llu): %s warn=%u leak=%llu+%llu quar=%llu teardown=%s\n"
		 "%s%s%s"
		 "# The fault rule is the first in faults: and expect: asks for what a host\n"
		 "# must manage (no leak, no WARN, no GPF), so `cca-double run` on this file\n"
		 "# fails as that run did.\n",
		 profile, s->path, run->call, run->command, (unsigned long long)run->nth,
		 run->status, (unsigned long long)run->index, sweep_outcome_name(run->outcome),
		 run->warnings, (unsigned long long)run->leaked_granules,
		 (unsigned long long)run->leaked_pages, (unsigned long long)run->quarantined_pages,
		 run->teardown_complete ? "yes" : "no", detail[0] ? "#   " : "", detail,
		 detail[0] ? "\n" : "");
	if ((v = top_value(s, "name", &key))) {
		char name[400];

		snprintf(name, sizeof(name), "\"%s-repro-%zu-%s-%s\"", s->name, run->call, run->command, run->status);
		replace_value(&l, text, len, v, name);
	}
	if ((v = top_value(s, "profile", &key))) {
		char quoted[80];

		snprintf(quoted, sizeof(quoted), "\"%s\"", profile);
		replace_value(&l, text, len, v, quoted);
	} else {
		snprintf(tail + strlen(tail), sizeof(tail) - strlen(tail), "profile: \"%s\"\n", profile);
	}
	if ((v = top_value(s, "faults", &key))) {
		size_t at = mark_offset(text, len, v->start_mark);

		if (v->data.sequence.style == YAML_FLOW_SEQUENCE_STYLE || text[at] == '[') {
			add_edit(&l, at + 1, at + 1, "%s%s", rule, yseq_len(v) ? ", " : "");
		} else {
			size_t line = at;

			while (line > 0 && text[line - 1] != '\n')
				line--;
			add_edit(&l, at, at, "- %s\n%.*s", rule, (int)(at - line), text + line);
		}
	} else {
		snprintf(tail + strlen(tail), sizeof(tail) - strlen(tail), "faults:\n  - %s\n", rule);
	}
	if ((v = top_value(s, "expect", &key)))
		add_edit(&l, mark_offset(text, len, key->start_mark), mark_offset(text, len, v->end_mark),
			 "%s", "");
	snprintf(tail + strlen(tail), sizeof(tail) - strlen(tail),
		 "expect: {leaks: 0, warnings: 0, gpf: 0}\n");
	add_edit(&l, len, len, "%s%s%s", len && text[len - 1] != '\n' ? "\n" : "", tail, note);

	/* Apply from the end, so earlier offsets hold. */
	qsort(l.e, l.n, sizeof(l.e[0]), edit_cmp);
	tmp = malloc(len + 1);
	if (!tmp)
		abort();
	memcpy(tmp, text, len + 1);
	tlen = len;
	for (unsigned int i = 0; i < l.n; i++) {
		size_t add = strlen(l.e[i].text), cut = l.e[i].end - l.e[i].start;
		char *grown = malloc(tlen - cut + add + 1);

		if (!grown)
			abort();
		memcpy(grown, tmp, l.e[i].start);
		memcpy(grown + l.e[i].start, l.e[i].text, add);
		memcpy(grown + l.e[i].start + add, tmp + l.e[i].end, tlen - l.e[i].end + 1);
		free(tmp);
		tmp = grown;
		tlen = tlen - cut + add;
	}

	safe_name(base, sizeof(base), s->name);
	snprintf(path, pathlen, "%s/%s@%s-%zu-%s-%s.yaml", dir, base, profile, run->call,
		 run->command, run->status);
	f = fopen(path, "w");
	if (!f || fwrite(tmp, 1, tlen, f) != tlen) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		if (f)
			fclose(f);
		goto out;
	}
	if (fclose(f)) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		goto out;
	}
	back = scenario_load(path, err, errlen);
	if (!back)
		goto out;
	scenario_free(back);
	ret = 0;
out:
	for (unsigned int i = 0; i < l.n; i++)
		free(l.e[i].text);
	free(tmp);
	free(text);
	return ret;
}
