// SPDX-License-Identifier: BSD-3-Clause
/* Name scanner for kernel-style ABI headers (see header_scan.h). */
#include "header_scan.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum tok_kind { T_END, T_IDENT, T_NUMBER, T_PUNCT };

struct token {
	enum tok_kind kind;
	char text[128];
	unsigned int line;
};

struct lexer {
	const char *p;
	unsigned int line;
	bool bol;	/* at beginning of a line (only blanks seen) */
	struct hs_header *h;
};

static void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n);

	if (!q)
		abort();
	return q;
}

static char *xstrdup(const char *s)
{
	char *d = strdup(s);

	if (!d)
		abort();
	return d;
}

/* Records a #define; the rest of the directive (with continuations) is skipped. */
static void directive(struct lexer *lx)
{
	const char *p = lx->p + 1;
	char name[128];
	size_t n = 0;

	while (*p == ' ' || *p == '\t')
		p++;
	if (!strncmp(p, "define", 6) && (p[6] == ' ' || p[6] == '\t')) {
		p += 6;
		while (*p == ' ' || *p == '\t')
			p++;
		while ((isalnum((unsigned char)*p) || *p == '_') && n + 1 < sizeof(name))
			name[n++] = *p++;
		name[n] = 0;
		if (n) {
			struct hs_header *h = lx->h;
			struct hs_macro *m;

			h->macros = xrealloc(h->macros, (h->nmacros + 1) * sizeof(*m));
			m = &h->macros[h->nmacros++];
			m->name = xstrdup(name);
			m->function_like = *p == '(';
			m->nparams = 0;
			m->line = lx->line;
			if (m->function_like) {
				const char *q = p + 1;

				while (*q && *q != ')' && *q != '\n') {
					if (isalpha((unsigned char)*q) || *q == '_') {
						m->nparams++;
						while (isalnum((unsigned char)*q) || *q == '_')
							q++;
					} else {
						q++;
					}
				}
			}
		}
	}
	/* Skip to the end of the logical line. */
	while (*p) {
		if (*p == '\\' && p[1] == '\n') {
			lx->line++;
			p += 2;
			continue;
		}
		if (*p == '\n')
			break;
		p++;
	}
	lx->p = p;
}

static void next(struct lexer *lx, struct token *t)
{
	for (;;) {
		const char *p = lx->p;

		if (!*p) {
			t->kind = T_END;
			return;
		}
		if (*p == '\n') {
			lx->line++;
			lx->bol = true;
			lx->p++;
			continue;
		}
		if (isspace((unsigned char)*p)) {
			lx->p++;
			continue;
		}
		if (p[0] == '/' && p[1] == '*') {
			const char *e = strstr(p + 2, "*/");

			for (const char *q = p; q < (e ? e : p + strlen(p)); q++)
				lx->line += *q == '\n';
			lx->p = e ? e + 2 : p + strlen(p);
			continue;
		}
		if (p[0] == '/' && p[1] == '/') {
			while (*lx->p && *lx->p != '\n')
				lx->p++;
			continue;
		}
		if (*p == '#' && lx->bol) {
			directive(lx);
			continue;
		}
		lx->bol = false;
		t->line = lx->line;
		if (isalpha((unsigned char)*p) || *p == '_') {
			size_t n = 0;

			while ((isalnum((unsigned char)*p) || *p == '_') && n + 1 < sizeof(t->text))
				t->text[n++] = *p++;
			while (isalnum((unsigned char)*p) || *p == '_')
				p++;
			t->text[n] = 0;
			t->kind = T_IDENT;
		} else if (isdigit((unsigned char)*p)) {
			size_t n = 0;

			while ((isalnum((unsigned char)*p)) && n + 1 < sizeof(t->text))
				t->text[n++] = *p++;
			t->text[n] = 0;
			t->kind = T_NUMBER;
		} else {
			t->text[0] = *p++;
			t->text[1] = 0;
			t->kind = T_PUNCT;
		}
		lx->p = p;
		return;
	}
}

static bool is_padding(const char *name)
{
	return !strncmp(name, "pad", 3) || !strncmp(name, "sizer", 5) ||
	       !strncmp(name, "reserved", 8) || !strncmp(name, "__pad", 5);
}

static void add_member(struct hs_struct *s, const char *name, bool array, unsigned int line)
{
	struct hs_member *m;

	s->members = xrealloc(s->members, (s->nmembers + 1) * sizeof(*m));
	m = &s->members[s->nmembers++];
	m->name = xstrdup(name);
	m->is_array = array;
	m->is_padding = is_padding(name);
	m->line = line;
}

/*
 * Parses members up to the matching '}' (the '{' is consumed).  A member is
 * the last identifier before ';' or '[' at this nesting level; anonymous
 * unions/structs are entered and flattened.
 */
static void parse_body(struct lexer *lx, struct hs_struct *s)
{
	struct token t;
	char last[128] = "";
	unsigned int last_line = 0;
	bool array = false;

	for (;;) {
		next(lx, &t);
		if (t.kind == T_END)
			return;
		if (t.kind == T_PUNCT && t.text[0] == '{') {
			parse_body(lx, s);
			last[0] = 0;	/* anonymous aggregate: members already added */
			continue;
		}
		if (t.kind == T_PUNCT && t.text[0] == '}')
			return;
		if (t.kind == T_IDENT) {
			if (!array) {
				snprintf(last, sizeof(last), "%s", t.text);
				last_line = t.line;
			}
			continue;
		}
		if (t.kind == T_PUNCT && t.text[0] == '[') {
			array = true;
			continue;
		}
		if (t.kind == T_PUNCT && (t.text[0] == ';' || t.text[0] == ',')) {
			if (last[0] && strcmp(last, "struct") && strcmp(last, "union"))
				add_member(s, last, array, last_line);
			if (t.text[0] == ';')
				last[0] = 0;
			array = false;
		}
	}
}

static void parse_enum(struct lexer *lx)
{
	struct token t;
	bool expect_name = true;
	int depth = 0;

	for (;;) {
		next(lx, &t);
		if (t.kind == T_END)
			return;
		if (t.kind == T_PUNCT && t.text[0] == '(')
			depth++;
		else if (t.kind == T_PUNCT && t.text[0] == ')')
			depth--;
		else if (t.kind == T_PUNCT && t.text[0] == '}')
			return;
		else if (t.kind == T_PUNCT && t.text[0] == ',' && !depth)
			expect_name = true;
		else if (t.kind == T_IDENT && expect_name) {
			struct hs_header *h = lx->h;

			h->enums = xrealloc(h->enums, (h->nenums + 1) * sizeof(char *));
			h->enums[h->nenums++] = xstrdup(t.text);
			expect_name = false;
		}
	}
}

int hs_scan_text(const char *text, struct hs_header *h)
{
	struct lexer lx = { .p = text, .line = 1, .bol = true, .h = h };
	struct token t, name;
	int depth = 0;

	memset(h, 0, sizeof(*h));
	for (;;) {
		next(&lx, &t);
		if (t.kind == T_END)
			return 0;
		if (t.kind == T_PUNCT && t.text[0] == '{') {
			depth++;
			continue;
		}
		if (t.kind == T_PUNCT && t.text[0] == '}') {
			depth--;
			continue;
		}
		if (depth || t.kind != T_IDENT)
			continue;
		if (!strcmp(t.text, "enum")) {
			next(&lx, &name);
			if (name.kind == T_IDENT)
				next(&lx, &name);
			if (name.kind == T_PUNCT && name.text[0] == '{')
				parse_enum(&lx);
			continue;
		}
		if (!strcmp(t.text, "struct") || !strcmp(t.text, "union")) {
			struct token brace;

			next(&lx, &name);
			if (name.kind != T_IDENT)
				continue;
			next(&lx, &brace);
			if (brace.kind == T_PUNCT && brace.text[0] == '{') {
				struct hs_struct *s;

				h->structs = xrealloc(h->structs, (h->nstructs + 1) * sizeof(*s));
				s = &h->structs[h->nstructs++];
				memset(s, 0, sizeof(*s));
				s->name = xstrdup(name.text);
				s->line = name.line;
				parse_body(&lx, s);
			}
		}
	}
}

int hs_scan_file(const char *path, struct hs_header *h, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long len;
	int ret;

	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	fseek(f, 0, SEEK_SET);
	if (len < 0 || len > (16 << 20)) {
		fclose(f);
		snprintf(err, errlen, "%s: not a header (size %ld)", path, len);
		return -1;
	}
	buf = malloc((size_t)len + 1);
	if (!buf || fread(buf, 1, (size_t)len, f) != (size_t)len) {
		fclose(f);
		free(buf);
		snprintf(err, errlen, "%s: read error", path);
		return -1;
	}
	buf[len] = 0;
	fclose(f);
	ret = hs_scan_text(buf, h);
	free(buf);
	return ret;
}

void hs_free(struct hs_header *h)
{
	for (size_t i = 0; i < h->nmacros; i++)
		free(h->macros[i].name);
	for (size_t i = 0; i < h->nenums; i++)
		free(h->enums[i]);
	for (size_t i = 0; i < h->nstructs; i++) {
		for (size_t j = 0; j < h->structs[i].nmembers; j++)
			free(h->structs[i].members[j].name);
		free(h->structs[i].members);
		free(h->structs[i].name);
	}
	free(h->macros);
	free(h->enums);
	free(h->structs);
	memset(h, 0, sizeof(*h));
}

const struct hs_macro *hs_macro_find(const struct hs_header *h, const char *name)
{
	for (size_t i = 0; i < h->nmacros; i++)
		if (!strcmp(h->macros[i].name, name))
			return &h->macros[i];
	return NULL;
}

const struct hs_struct *hs_struct_find(const struct hs_header *h, const char *name)
{
	for (size_t i = 0; i < h->nstructs; i++)
		if (!strcmp(h->structs[i].name, name))
			return &h->structs[i];
	return NULL;
}

const struct hs_member *hs_member_find(const struct hs_struct *s, const char *name)
{
	for (size_t i = 0; s && i < s->nmembers; i++)
		if (!strcmp(s->members[i].name, name))
			return &s->members[i];
	return NULL;
}

bool hs_enum_has(const struct hs_header *h, const char *name)
{
	for (size_t i = 0; i < h->nenums; i++)
		if (!strcmp(h->enums[i], name))
			return true;
	return false;
}
