// SPDX-License-Identifier: BSD-3-Clause
/* Name scanner for kernel-style ABI headers (see header_scan.h). */
#include "header_scan.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A header bigger than this is not a header. */
#define HS_MAX_FILE_BYTES (16 << 20)

struct lexer {
	const char *p;
	const char *line_start;
	unsigned int line;
	bool bol;		/* at beginning of a line (only blanks seen) */
	struct hs_header *h;
	unsigned int file;
	const char *name;	/* the file, for errors */
	struct hs_token back;	/* one token of look-ahead pushed back */
	bool has_back;
	char *err;
	size_t errlen;
	bool failed;
};

static void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n);

	if (!q)
		abort();
	return q;
}

/*
 * Room for element n of *arr (cap allocated): the capacity doubles, so n
 * appends copy O(n) elements, not O(n^2).
 */
static void *grow(void *arr, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return arr;
	*cap = *cap ? *cap * 2 : 16;
	return xrealloc(arr, *cap * size);
}

static char *xstrdup(const char *s)
{
	char *d = strdup(s);

	if (!d)
		abort();
	return d;
}

static void lx_error(struct lexer *lx, unsigned int line, unsigned int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Keeps the first error only: later ones are usually its consequences. */
static void lx_error(struct lexer *lx, unsigned int line, unsigned int col, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (lx->failed)
		return;
	lx->failed = true;
	n = snprintf(lx->err, lx->errlen, "%s:%u:%u: ", lx->name, line, col);
	if (n < 0 || (size_t)n >= lx->errlen)
		return;
	va_start(ap, fmt);
	vsnprintf(lx->err + n, lx->errlen - (size_t)n, fmt, ap);
	va_end(ap);
}

/* Counts one more name against HS_MAX_NAMES; false (with the error) past it. */
static bool count_name(struct lexer *lx, unsigned int line, unsigned int col)
{
	if (++lx->h->nnames <= HS_MAX_NAMES)
		return true;
	lx_error(lx, line, col,
		 "more than %d names (#defines, enum constants, structs, members, functions): not an RMI header",
		 HS_MAX_NAMES);
	return false;
}

static unsigned int col_of(const struct lexer *lx, const char *at)
{
	return (unsigned int)(at - lx->line_start) + 1;
}

static void newline(struct lexer *lx, const char *after)
{
	lx->line++;
	lx->line_start = after;
}

/*
 * A preprocessing number at p: returns the character after it.  An integer
 * constant (decimal, 0x hex, 0b binary, 0 octal, with u/l suffixes) wider
 * than 64 bits is an error: the compiler would truncate it (with -w,
 * silently) and the check would compare the truncated value.
 */
static const char *scan_number(struct lexer *lx, const char *p)
{
	const char *start = p, *digits = p, *end;
	unsigned int base = 10;
	uint64_t v = 0;
	bool overflow = false;

	for (end = p; isalnum((unsigned char)*end) || *end == '_' || *end == '.'; end++)
		if ((*end == 'e' || *end == 'E' || *end == 'p' || *end == 'P') &&
		    (end[1] == '+' || end[1] == '-'))
			end++;	/* an exponent's sign belongs to the number */
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		base = 16;
		digits = p + 2;
	} else if (p[0] == '0' && (p[1] == 'b' || p[1] == 'B')) {
		base = 2;
		digits = p + 2;
	} else if (p[0] == '0') {
		base = 8;
	}
	for (p = digits; p < end; p++) {
		unsigned int d;

		if (isdigit((unsigned char)*p))
			d = (unsigned int)(*p - '0');
		else if (base == 16 && isxdigit((unsigned char)*p))
			d = (unsigned int)(tolower((unsigned char)*p) - 'a' + 10);
		else
			break;
		if (d >= base)
			return end;	/* 09, 0b2: not an integer constant this scanner judges */
		if (v > (UINT64_MAX - d) / base)
			overflow = true;
		v = v * base + d;
	}
	if (p == digits && base != 8)
		return end;
	for (; p < end; p++)
		if (!strchr("uUlL", *p))
			return end;	/* a floating constant, or not C */
	if (overflow)
		lx_error(lx, lx->line, col_of(lx, start),
			 "integer constant %.*s%s does not fit 64 bits",
			 end - start > 40 ? 40 : (int)(end - start), start, end - start > 40 ? "..." : "");
	return end;
}

/* Skips a comment starting at p ("/" "*"); returns the character after it. */
static const char *skip_comment(struct lexer *lx, const char *p)
{
	unsigned int line = lx->line, col = col_of(lx, p);

	for (p += 2; *p; p++) {
		if (p[0] == '*' && p[1] == '/')
			return p + 2;
		if (*p == '\n')
			newline(lx, p + 1);
	}
	lx_error(lx, line, col, "unterminated comment");
	return p;
}

/* Skips a string or character literal starting at p (its quote). */
static const char *skip_literal(struct lexer *lx, const char *p)
{
	char quote = *p;
	unsigned int col = col_of(lx, p);

	for (p++; *p && *p != '\n'; p++) {
		if (*p == '\\' && p[1]) {
			p++;
			continue;
		}
		if (*p == quote)
			return p + 1;
	}
	lx_error(lx, lx->line, col, "unterminated %s literal", quote == '"' ? "string" : "character");
	return p;
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
		if (n && count_name(lx, lx->line, col_of(lx, p - n))) {
			struct hs_header *h = lx->h;
			struct hs_macro *m;

			h->macros = grow(h->macros, h->nmacros, &h->cap_macros, sizeof(*m));
			m = &h->macros[h->nmacros++];
			m->name = xstrdup(name);
			m->function_like = *p == '(';
			m->nparams = 0;
			m->file = lx->file;
			m->line = lx->line;
			if (m->function_like) {
				const char *q = p + 1;

				while (*q && *q != ')' && *q != '\n') {
					if (isalpha((unsigned char)*q) || *q == '_' || *q == '.') {
						m->nparams++;
						while (isalnum((unsigned char)*q) || *q == '_' || *q == '.')
							q++;
					} else {
						q++;
					}
				}
			}
		}
	}
	/* Skip to the end of the logical line; a comment may span lines. */
	while (*p && !lx->failed) {
		if (*p == '\\' && p[1] == '\n') {
			newline(lx, p + 2);
			p += 2;
			continue;
		}
		if (p[0] == '/' && p[1] == '*') {
			p = skip_comment(lx, p);
			continue;
		}
		if (p[0] == '/' && p[1] == '/') {
			while (*p && *p != '\n')
				p++;
			continue;
		}
		if (*p == '"' || *p == '\'') {
			p = skip_literal(lx, p);
			continue;
		}
		if (*p == '\n')
			break;
		if (isalpha((unsigned char)*p) || *p == '_') {
			while (isalnum((unsigned char)*p) || *p == '_')
				p++;	/* digits in a name are not a number */
			continue;
		}
		if (isdigit((unsigned char)*p) || (*p == '.' && isdigit((unsigned char)p[1]))) {
			p = scan_number(lx, p);
			continue;
		}
		p++;
	}
	lx->p = p;
}

static void next(struct lexer *lx, struct hs_token *t)
{
	if (lx->has_back) {
		*t = lx->back;
		lx->has_back = false;
		return;
	}
	for (;;) {
		const char *p = lx->p;

		if (!*p || lx->failed) {
			t->kind = HS_END;
			t->text[0] = 0;
			t->line = lx->line;
			t->col = col_of(lx, p);
			return;
		}
		if (*p == '\n') {
			newline(lx, p + 1);
			lx->bol = true;
			lx->p++;
			continue;
		}
		if (isspace((unsigned char)*p)) {
			lx->p++;
			continue;
		}
		if (p[0] == '/' && p[1] == '*') {
			lx->p = skip_comment(lx, p);
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
		if (*p == '\\' && p[1] == '\n') {
			newline(lx, p + 2);
			lx->p += 2;
			continue;
		}
		lx->bol = false;
		t->line = lx->line;
		t->col = col_of(lx, p);
		if (isalpha((unsigned char)*p) || *p == '_') {
			size_t n = 0;

			while ((isalnum((unsigned char)*p) || *p == '_') && n + 1 < sizeof(t->text))
				t->text[n++] = *p++;
			while (isalnum((unsigned char)*p) || *p == '_')
				p++;
			t->text[n] = 0;
			t->kind = HS_IDENT;
		} else if (isdigit((unsigned char)*p)) {
			size_t n = 0;

			scan_number(lx, p);	/* judges it; the token stays its alphanumerics */
			while ((isalnum((unsigned char)*p)) && n + 1 < sizeof(t->text))
				t->text[n++] = *p++;
			while (isalnum((unsigned char)*p))
				p++;
			t->text[n] = 0;
			t->kind = HS_NUMBER;
		} else if (*p == '"' || *p == '\'') {
			p = skip_literal(lx, p);
			t->text[0] = 0;
			t->kind = HS_STRING;
		} else {
			t->text[0] = *p++;
			t->text[1] = 0;
			t->kind = HS_PUNCT;
		}
		lx->p = p;
		return;
	}
}

static void push_back(struct lexer *lx, const struct hs_token *t)
{
	lx->back = *t;
	lx->has_back = true;
}

static bool is_punct(const struct hs_token *t, char c)
{
	return t->kind == HS_PUNCT && t->text[0] == c;
}

static bool is_padding(const char *name)
{
	return !strncmp(name, "pad", 3) || !strncmp(name, "sizer", 5) ||
	       !strncmp(name, "reserved", 8) || !strncmp(name, "__pad", 5);
}

static void add_member(struct lexer *lx, struct hs_struct *s, const char *name, bool array,
		       unsigned int line, unsigned int col)
{
	struct hs_member *m;

	if (!count_name(lx, line, col))
		return;
	s->members = grow(s->members, s->nmembers, &s->cap_members, sizeof(*m));
	m = &s->members[s->nmembers++];
	m->name = xstrdup(name);
	m->is_array = array;
	m->is_padding = is_padding(name);
	m->line = line;
}

/*
 * Parses members up to the matching '}' (the '{' is consumed).  A member is
 * the last identifier before ';' or '[' at this nesting level; anonymous
 * unions/structs are entered and flattened, at most HS_MAX_NESTING deep
 * (each level is a call).  Returns false at the end of the text (the brace
 * is unmatched) or too deep (with the error).
 */
static bool parse_body(struct lexer *lx, struct hs_struct *s, unsigned int depth)
{
	struct hs_token t;
	char last[128] = "";
	unsigned int last_line = 0, last_col = 0;
	bool array = false;

	for (;;) {
		next(lx, &t);
		if (t.kind == HS_END)
			return false;
		if (is_punct(&t, '{')) {
			if (depth >= HS_MAX_NESTING) {
				lx_error(lx, t.line, t.col, "braces nested deeper than %d (struct %s)",
					 HS_MAX_NESTING, s->name);
				return false;
			}
			if (!parse_body(lx, s, depth + 1))
				return false;
			last[0] = 0;	/* anonymous aggregate: members already added */
			continue;
		}
		if (is_punct(&t, '}'))
			return true;
		if (t.kind == HS_IDENT) {
			if (!array) {
				snprintf(last, sizeof(last), "%s", t.text);
				last_line = t.line;
				last_col = t.col;
			}
			continue;
		}
		if (is_punct(&t, '[')) {
			array = true;
			continue;
		}
		if (is_punct(&t, ';') || is_punct(&t, ',')) {
			if (last[0] && strcmp(last, "struct") && strcmp(last, "union"))
				add_member(lx, s, last, array, last_line, last_col);
			if (t.text[0] == ';')
				last[0] = 0;
			array = false;
		}
	}
}

static bool parse_enum(struct lexer *lx)
{
	struct hs_token t;
	bool expect_name = true;
	int depth = 0;

	for (;;) {
		next(lx, &t);
		if (t.kind == HS_END)
			return false;
		if (is_punct(&t, '(') || is_punct(&t, '{'))
			depth++;
		else if (is_punct(&t, ')'))
			depth--;
		else if (is_punct(&t, '}') && depth)
			depth--;
		else if (is_punct(&t, '}'))
			return true;
		else if (is_punct(&t, ',') && !depth)
			expect_name = true;
		else if (t.kind == HS_IDENT && expect_name) {
			struct hs_header *h = lx->h;
			struct hs_enum_const *e;

			if (!count_name(lx, t.line, t.col))
				return true;	/* the error stops the scan */
			h->enums = grow(h->enums, h->nenums, &h->cap_enums, sizeof(*e));
			e = &h->enums[h->nenums++];
			e->name = xstrdup(t.text);
			e->file = lx->file;
			e->line = t.line;
			expect_name = false;
		}
	}
}

static void append_text(char *dst, size_t len, const char *s)
{
	size_t n = strlen(dst);

	snprintf(dst + n, len - n, "%s%s", n ? " " : "", s);
}

/* One parameter from its tokens: the name is the last identifier before any '['. */
static void add_param(struct hs_function *f, struct hs_token *toks, unsigned int n)
{
	char type[256] = "";
	int name = -1;

	if (!n || f->nparams >= HS_MAX_PARAMS)
		return;
	if (n == 1 && toks[0].kind == HS_IDENT && !strcmp(toks[0].text, "void"))
		return;
	for (unsigned int i = 0; i < n && !is_punct(&toks[i], '['); i++)
		if (toks[i].kind == HS_IDENT)
			name = (int)i;
	if (n < 2)
		name = -1;	/* a lone type, or a macro call's argument */
	for (unsigned int i = 0; i < n; i++)
		if ((int)i != name)
			append_text(type, sizeof(type), toks[i].text);
	f->params[f->nparams].name = name >= 0 ? xstrdup(toks[name].text) : NULL;
	f->params[f->nparams++].type = xstrdup(type);
}

/* The parameter list of a function (its '(' consumed), up to the matching ')'. */
static bool parse_params(struct lexer *lx, struct hs_function *f)
{
	struct hs_token t, toks[32];
	unsigned int n = 0;
	int depth = 1;

	for (;;) {
		next(lx, &t);
		if (t.kind == HS_END)
			return false;
		if (is_punct(&t, '('))
			depth++;
		if (is_punct(&t, ')') && --depth == 0)
			break;
		if (depth == 1 && is_punct(&t, ',')) {
			add_param(f, toks, n);
			n = 0;
			continue;
		}
		if (n < sizeof(toks) / sizeof(toks[0]))
			toks[n++] = t;
	}
	add_param(f, toks, n);
	return true;
}

/*
 * The body of a function (its '{' consumed), up to the matching '}'.
 * Returns false at the end of the text, or past HS_MAX_BODY_TOKENS or
 * HS_MAX_TOKENS (with the error): wrapper_scan.c walks a body once per
 * call it finds.
 */
static bool capture_body(struct lexer *lx, struct hs_function *f, const char *name)
{
	struct hs_token t;
	size_t cap = 0;
	int depth = 1;

	for (;;) {
		next(lx, &t);
		if (t.kind == HS_END)
			return false;
		if (is_punct(&t, '{'))
			depth++;
		if (is_punct(&t, '}') && --depth == 0)
			return true;
		if (f->ntoks >= HS_MAX_BODY_TOKENS || lx->h->ntokens >= HS_MAX_TOKENS) {
			lx_error(lx, t.line, t.col, "%s: more than %d tokens (%s)",
				 f->ntoks >= HS_MAX_BODY_TOKENS ? "function body" : "function bodies",
				 f->ntoks >= HS_MAX_BODY_TOKENS ? HS_MAX_BODY_TOKENS : HS_MAX_TOKENS,
				 name);
			return false;
		}
		f->toks = grow(f->toks, f->ntoks, &cap, sizeof(*f->toks));
		f->toks[f->ntoks++] = t;
		lx->h->ntokens++;
	}
}

static void free_function(struct hs_function *f)
{
	for (unsigned int i = 0; i < f->nparams; i++) {
		free(f->params[i].name);
		free(f->params[i].type);
	}
	free(f->toks);
	free(f->name);
}

/* NAME ( params ) { body }: a function definition; anything else is pushed back. */
static void maybe_function(struct lexer *lx, const struct hs_token *name)
{
	struct hs_function f = { 0 };
	struct hs_token t;
	unsigned int line, col;

	next(lx, &t);
	if (!is_punct(&t, '(')) {
		push_back(lx, &t);
		return;
	}
	line = t.line;
	col = t.col;
	if (!parse_params(lx, &f)) {
		lx_error(lx, line, col, "unmatched '(' after %s", name->text);
		free_function(&f);
		return;
	}
	next(lx, &t);
	if (!is_punct(&t, '{')) {
		push_back(lx, &t);
		free_function(&f);
		return;
	}
	line = t.line;
	col = t.col;
	if (!capture_body(lx, &f, name->text)) {
		lx_error(lx, line, col, "unmatched '{' (body of %s)", name->text);
		free_function(&f);
		return;
	}
	if (!count_name(lx, name->line, name->col)) {
		free_function(&f);
		return;
	}
	f.name = xstrdup(name->text);
	f.file = lx->file;
	f.line = name->line;
	lx->h->functions = grow(lx->h->functions, lx->h->nfunctions, &lx->h->cap_functions,
				sizeof(*lx->h->functions));
	lx->h->functions[lx->h->nfunctions++] = f;
}

static void parse_top(struct lexer *lx)
{
	struct hs_token t, name, open = { 0 };
	int depth = 0;

	for (;;) {
		next(lx, &t);
		if (t.kind == HS_END)
			break;
		if (is_punct(&t, '{')) {
			if (!depth++)
				open = t;
			continue;
		}
		if (is_punct(&t, '}')) {
			if (!depth) {
				lx_error(lx, t.line, t.col, "unmatched '}'");
				return;
			}
			depth--;
			continue;
		}
		if (depth || t.kind != HS_IDENT)
			continue;
		if (!strcmp(t.text, "enum")) {
			next(lx, &name);
			if (name.kind == HS_IDENT)
				next(lx, &name);
			if (is_punct(&name, '{')) {
				if (!parse_enum(lx))
					lx_error(lx, name.line, name.col, "unmatched '{' (enum)");
			} else {
				push_back(lx, &name);
			}
			continue;
		}
		if (!strcmp(t.text, "struct") || !strcmp(t.text, "union")) {
			struct hs_token brace;

			next(lx, &name);
			if (name.kind != HS_IDENT) {
				push_back(lx, &name);
				continue;
			}
			next(lx, &brace);
			if (is_punct(&brace, '{')) {
				struct hs_header *h = lx->h;
				struct hs_struct *s;

				if (!count_name(lx, name.line, name.col))
					return;
				h->structs = grow(h->structs, h->nstructs, &h->cap_structs, sizeof(*s));
				s = &h->structs[h->nstructs++];
				memset(s, 0, sizeof(*s));
				s->name = xstrdup(name.text);
				s->file = lx->file;
				s->line = name.line;
				if (!parse_body(lx, s, 1))
					lx_error(lx, brace.line, brace.col, "unmatched '{' (struct %s)",
						 name.text);
			} else {
				push_back(lx, &brace);
			}
			continue;
		}
		maybe_function(lx, &t);
	}
	if (depth)
		lx_error(lx, open.line, open.col, "unmatched '{'");
}

int hs_scan_text(const char *name, const char *text, struct hs_header *h, char *err,
		 size_t errlen)
{
	struct lexer lx = {
		.p = text, .line_start = text, .line = 1, .bol = true, .h = h,
		.name = name, .err = err, .errlen = errlen,
	};

	h->files = xrealloc(h->files, (h->nfiles + 1) * sizeof(char *));
	h->files[h->nfiles] = xstrdup(name);
	lx.file = (unsigned int)h->nfiles++;
	parse_top(&lx);
	return lx.failed ? -1 : 0;
}

int hs_scan_file(const char *path, struct hs_header *h, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	const char *nul;
	char *buf;
	long len;
	int ret;

	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fileno(f), &st) || S_ISDIR(st.st_mode)) {
		fclose(f);
		snprintf(err, errlen, "%s: is a directory", path);
		return -1;
	}
	if (fseek(f, 0, SEEK_END) || (len = ftell(f)) < 0 || fseek(f, 0, SEEK_SET)) {
		fclose(f);
		snprintf(err, errlen, "%s: not a regular file", path);
		return -1;
	}
	if (len > HS_MAX_FILE_BYTES) {
		fclose(f);
		snprintf(err, errlen, "%s: not a header (%ld bytes)", path, len);
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
	nul = memchr(buf, 0, (size_t)len);
	if (nul) {
		unsigned int line = 1;

		for (const char *q = buf; q < nul; q++)
			line += *q == '\n';
		snprintf(err, errlen, "%s:%u: not a text file (NUL byte)", path, line);
		free(buf);
		return -1;
	}
	if (buf[strspn(buf, " \t\r\n\f\v")] == 0) {
		free(buf);
		snprintf(err, errlen, "%s: empty file%s", path, len ? " (only blanks)" : "");
		return -1;
	}
	ret = hs_scan_text(path, buf, h, err, errlen);
	free(buf);
	return ret;
}

void hs_free(struct hs_header *h)
{
	for (size_t i = 0; i < h->nmacros; i++)
		free(h->macros[i].name);
	for (size_t i = 0; i < h->nenums; i++)
		free(h->enums[i].name);
	for (size_t i = 0; i < h->nstructs; i++) {
		for (size_t j = 0; j < h->structs[i].nmembers; j++)
			free(h->structs[i].members[j].name);
		free(h->structs[i].members);
		free(h->structs[i].name);
	}
	for (size_t i = 0; i < h->nfunctions; i++)
		free_function(&h->functions[i]);
	for (size_t i = 0; i < h->nfiles; i++)
		free(h->files[i]);
	free(h->macros);
	free(h->enums);
	free(h->structs);
	free(h->functions);
	free(h->files);
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

const struct hs_enum_const *hs_enum_find(const struct hs_header *h, const char *name)
{
	for (size_t i = 0; i < h->nenums; i++)
		if (!strcmp(h->enums[i].name, name))
			return &h->enums[i];
	return NULL;
}

bool hs_enum_has(const struct hs_header *h, const char *name)
{
	return hs_enum_find(h, name) != NULL;
}

const char *hs_file_base(const struct hs_header *h, unsigned int i)
{
	const char *s;

	if (i >= h->nfiles)
		return "?";
	s = strrchr(h->files[i], '/');
	return s ? s + 1 : h->files[i];
}
