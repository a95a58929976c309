// SPDX-License-Identifier: BSD-3-Clause
/*
 * Printing a failed check in the kernel's words (lib/kunit/assert.c):
 *
 *     # <case>: EXPECTATION FAILED at <file>:<line>
 *     Expected a == b, but
 *         a == 4 (0x4)
 *         b == 0 (0x0)
 *
 * One difference: a _MSG message is printed on its own line indented like
 * the "Expected" line (the kernel prints it unindented, after a blank line
 * for TRUE/FALSE).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Bytes of each operand shown by a failed MEMEQ/MEMNEQ ("briefly"). */
#define KUNIT_MEM_DUMP_MAX	128

/* Is text the decimal spelling of value (then printing it again is noise)? */
static bool is_int_literal(const char *text, long long value)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%lld", value);
	return strcmp(buf, text) == 0;
}

/* Is text the string literal "value"? */
static bool is_str_literal(const char *text, const char *value)
{
	size_t len = strlen(text);

	if (!value || len < 2 || text[0] != '"' || text[len - 1] != '"')
		return false;
	return strlen(value) == len - 2 && strncmp(text + 1, value, len - 2) == 0;
}

/* 16 bytes a line; bytes that differ from the other buffer in <xx>. */
static void hexdump(FILE *out, const unsigned char *buf, const unsigned char *other,
		    size_t size)
{
	size_t shown = size < KUNIT_MEM_DUMP_MAX ? size : KUNIT_MEM_DUMP_MAX;

	fputs(KUNIT_SUBSUBTEST_INDENT, out);
	for (size_t i = 0; i < shown; i++) {
		if (i && !(i % 16))
			fputs("\n" KUNIT_SUBSUBTEST_INDENT, out);
		fprintf(out, buf[i] != other[i] ? "<%02x>" : " %02x ", buf[i]);
	}
	if (shown < size)
		fprintf(out, "\n" KUNIT_SUBSUBTEST_INDENT "... %zu more bytes", size - shown);
	fputc('\n', out);
}

static void format_check(FILE *out, const struct kunit_check_site *s,
			 const struct kunit_check_values *v)
{
	const char *l = s->left_text, *op = s->op_text, *r = s->right_text;

	switch (s->kind) {
	case KUNIT_CHECK_FAIL:
		break;
	case KUNIT_CHECK_UNARY:
		fprintf(out, KUNIT_SUBTEST_INDENT "Expected %s to be %s, but is %s\n", l,
			s->expected_true ? "true" : "false",
			s->expected_true ? "false" : "true");
		break;
	case KUNIT_CHECK_NOT_ERR_OR_NULL:
		if (!v->left.p)
			fprintf(out, KUNIT_SUBTEST_INDENT "Expected %s is not null, but is\n", l);
		else
			fprintf(out, KUNIT_SUBTEST_INDENT "Expected %s is not error, but is: %ld\n",
				l, (long)v->left.p);
		break;
	case KUNIT_CHECK_INT:
		fprintf(out, KUNIT_SUBTEST_INDENT "Expected %s %s %s, but\n", l, op, r);
		if (!is_int_literal(l, v->left.i))
			fprintf(out, KUNIT_SUBSUBTEST_INDENT "%s == %lld (0x%llx)\n", l,
				v->left.i, (unsigned long long)v->left.i);
		if (!is_int_literal(r, v->right.i))
			fprintf(out, KUNIT_SUBSUBTEST_INDENT "%s == %lld (0x%llx)\n", r,
				v->right.i, (unsigned long long)v->right.i);
		break;
	case KUNIT_CHECK_PTR:
		/* %px in the kernel: the raw address, zero-padded, no 0x. */
		fprintf(out, KUNIT_SUBTEST_INDENT "Expected %s %s %s, but\n", l, op, r);
		fprintf(out, KUNIT_SUBSUBTEST_INDENT "%s == %016lx\n", l, (unsigned long)v->left.p);
		fprintf(out, KUNIT_SUBSUBTEST_INDENT "%s == %016lx\n", r, (unsigned long)v->right.p);
		break;
	case KUNIT_CHECK_STR:
		fprintf(out, KUNIT_SUBTEST_INDENT "Expected %s %s %s, but\n", l, op, r);
		if (!is_str_literal(l, v->left.s))
			fprintf(out, v->left.s ? KUNIT_SUBSUBTEST_INDENT "%s == \"%s\"\n" :
				KUNIT_SUBSUBTEST_INDENT "%s == %s\n", l,
				v->left.s ? v->left.s : "NULL");
		if (!is_str_literal(r, v->right.s))
			fprintf(out, v->right.s ? KUNIT_SUBSUBTEST_INDENT "%s == \"%s\"\n" :
				KUNIT_SUBSUBTEST_INDENT "%s == %s\n", r,
				v->right.s ? v->right.s : "NULL");
		break;
	case KUNIT_CHECK_MEM:
		if (!v->left.p || !v->right.p) {
			fprintf(out, KUNIT_SUBTEST_INDENT "Expected %s is not null, but is\n",
				!v->left.p ? l : r);
			break;
		}
		fprintf(out, KUNIT_SUBTEST_INDENT "Expected %s %s %s, but\n", l, op, r);
		fprintf(out, KUNIT_SUBSUBTEST_INDENT "%s ==\n", l);
		hexdump(out, v->left.p, v->right.p, v->size);
		fprintf(out, KUNIT_SUBSUBTEST_INDENT "%s ==\n", r);
		hexdump(out, v->right.p, v->left.p, v->size);
		break;
	}
}

void __kunit_do_failed_check(struct kunit *test, const struct kunit_check_site *site,
			     const struct kunit_check_values *values, const char *fmt, ...)
{
	char *text = NULL;
	size_t size = 0;
	FILE *out;

	kunit_set_failure(test);

	out = open_memstream(&text, &size);
	if (!out) {
		kunit_out_test_diag(test, "%s FAILED at %s:%d",
				    site->type == KUNIT_ASSERTION ? "ASSERTION" : "EXPECTATION",
				    site->loc.file, site->loc.line);
		return;
	}
	fprintf(out, "%s FAILED at %s:%d\n",
		site->type == KUNIT_ASSERTION ? "ASSERTION" : "EXPECTATION",
		site->loc.file, site->loc.line);
	format_check(out, site, values);
	if (fmt) {
		va_list ap;

		fputs(KUNIT_SUBTEST_INDENT, out);
		va_start(ap, fmt);
		vfprintf(out, fmt, ap);
		va_end(ap);
		fputc('\n', out);
	}
	fclose(out);

	/* Drop the final newline: kunit_out() adds exactly one. */
	if (size && text[size - 1] == '\n')
		text[size - 1] = '\0';
	kunit_out_test_diag(test, "%s", text);
	free(text);
}
