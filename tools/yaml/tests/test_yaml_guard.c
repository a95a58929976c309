// SPDX-License-Identifier: BSD-3-Clause
/*
 * The loader is strict and bounded: hostile or careless input gets
 * "file:line:col: what" (or "file: what") and never a hang or a silent
 * accept.  ctest's timeout bounds the inputs that used to hang libyaml.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "yaml_doc.h"
#include "yaml_guard.h"

/* Loads `text`; returns the error ("" when it loaded). */
static const char *load(struct ydoc *d, const char *text, size_t len)
{
	int ret = ydoc_load_string(d, "t.yaml", text, len);

	ydoc_free(d);
	assert_true(ret == 0 ? !d->error[0] : d->error[0] != 0);
	return d->error;
}

/* `text` fails with an error holding `where` and `what`; both "": it loads. */
static void expect_error(const char *text, size_t len, const char *where, const char *what)
{
	struct ydoc d;
	const char *err = load(&d, text, len);

	if (!*where && !*what) {
		if (*err)
			fail_msg("expected it to load, got '%s'", err);
	} else if (!*err || !strstr(err, where) || !strstr(err, what)) {
		fail_msg("expected '%s' ... '%s', got '%s'", where, what, err);
	}
}

/* A literal text (no NUL inside). */
#define expect_text(text, where, what) expect_error(text, strlen(text), where, what)

static void duplicate_keys(void **state)
{
	(void)state;
	expect_text("a: 1\nb: 2\na: 3\n", "t.yaml:3:1: ", "duplicate key 'a' (first at line 1, column 1)");
	expect_text("steps:\n  - {x: 1, y: 2, x: 3}\n", "t.yaml:2:18: ", "duplicate key 'x'");
	/* Different keys and equal keys in different mappings are fine. */
	expect_text("a: {x: 1}\nb: {x: 2}\n", "", "");
}

static void one_document(void **state)
{
	(void)state;
	expect_text("a: 1\n---\nb: 2\n", "t.yaml:2:1: ", "a second YAML document starts here");
	expect_text("---\na: 1\n...\n", "", "");
	expect_text("", "t.yaml:1:1: ", "empty document");
}

#define OPEN25 "[[[[[[[[[[[[[[[[[[[[[[[[["
#define CLOSE25 "]]]]]]]]]]]]]]]]]]]]]]]]]"

static void nesting_is_bounded(void **state)
{
	size_t n = 100000;
	char *deep = malloc(2 * n + 8);

	(void)state;
	assert_non_null(deep);
	memcpy(deep, "a: ", 3);
	memset(deep + 3, '[', n);
	memset(deep + 3 + n, ']', n);
	deep[3 + 2 * n] = '\n';
	expect_error(deep, 2 * n + 4, "t.yaml:1:36: ", "nested deeper than 32 levels");
	/* Brackets inside quotes and comments do not nest. */
	memcpy(deep, "a: \"", 4);
	memset(deep + 4, '[', 100);
	memcpy(deep + 104, "\" # [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n", 39);
	expect_error(deep, 143, "", "");
	/* Block nesting: "- - - ... x", 100,000 deep in 200 KB. */
	memcpy(deep, "a:\n", 3);
	for (size_t i = 0; i < n; i++)
		memcpy(deep + 3 + 2 * i, "- ", 2);
	memcpy(deep + 3 + 2 * n, "x\n", 2);
	expect_error(deep, 2 * n + 5, "t.yaml:2:65: ", "nested deeper than 32 levels");
	/* Block nesting by indentation: 40 mappings, one a line. */
	for (size_t i = 0, o = 0; i < 40; i++) {
		memset(deep + o, ' ', i);
		o += i;
		memcpy(deep + o, "k:\n", 3);
		o += 3;
		deep[o] = '\0';
	}
	expect_text(deep, "t.yaml:32:32: ", "nested deeper than 32 levels");
	free(deep);
	/*
	 * An alias repeats its subtree where it stands: depth counts from
	 * there.  a: 25 flow levels (26 with the root), fine alone and one
	 * level down; b puts them 10 levels deeper.
	 */
	expect_text("a: &x " OPEN25 "1" CLOSE25 "\nb: [[[[[[[[[[*x]]]]]]]]]]\n", "t.yaml:2:13: ",
		    "nested deeper than 32 levels through an alias");
	expect_text("a: &x " OPEN25 "1" CLOSE25 "\nb: [*x]\n", "", "");
}

/*
 * Text that looks like an open quote but is none (an apostrophe inside a
 * plain scalar, an escaped backslash before the closing quote) must not
 * hide the flow nesting after it.  100,000 levels: without the guard,
 * libyaml takes minutes (ctest's timeout fails it).
 */
static void quotes_do_not_hide_nesting(void **state)
{
	static const struct {
		const char *head, *where;	/* the 33rd '[' */
	} heads[] = {
		{ "description: don't\na: ", "t.yaml:2:36: " },
		{ "a: \"a\\\\\"\nb: ", "t.yaml:2:36: " },
		{ "a: 'it''s'\nb: ", "t.yaml:2:36: " },
		{ "a: it's \"so\nb: ", "t.yaml:2:36: " },
		{ "a: |\n  'literal\nb: ", "t.yaml:3:36: " },
	};
	size_t n = 100000;
	char *deep = malloc(2 * n + 64);

	(void)state;
	assert_non_null(deep);
	for (size_t i = 0; i < sizeof(heads) / sizeof(heads[0]); i++) {
		size_t h = strlen(heads[i].head);

		memcpy(deep, heads[i].head, h);
		memset(deep + h, '[', n);
		memset(deep + h + n, ']', n);
		deep[h + 2 * n] = '\n';
		expect_error(deep, h + 2 * n + 1, heads[i].where, "nested deeper than 32 levels");
	}
	free(deep);
	/* Real quotes still hide brackets: '' and \\ escapes keep them open. */
	expect_text("a: 'it''s " OPEN25 OPEN25 "'\n", "", "");
	expect_text("a: \"x\\\\\\\" " OPEN25 OPEN25 "\"\n", "", "");
	expect_text("a: |\n  " OPEN25 OPEN25 "\n", "", "");
}

/* An escaped NUL would cut the string short for every consumer. */
static void nul_in_strings_is_refused(void **state)
{
	(void)state;
	expect_text("name: \"t\\0 garbage\"\n", "t.yaml:1:7: ", "NUL character");
	expect_text("g: [\"a\\x00zzz\"]\n", "t.yaml:1:5: ", "NUL character");
	expect_text("name: \"t\\x01\"\n", "", "");
}

static void alias_cycles_are_refused(void **state)
{
	(void)state;
	expect_text("a: &x [1, *x]\n", "t.yaml:1:", "an alias refers to a node that contains it");
	expect_text("a: &x {k: *x}\n", "t.yaml:1:", "an alias refers to a node that contains it");
}

static void text_is_checked(void **state)
{
	(void)state;
	expect_text("a: 1\nb:\n\t- 1\n", "t.yaml:3:1: ", "tab in indentation");
	expect_text("a: 1\nb: \"x\xff\"\n", "t.yaml:2:6: ", "invalid UTF-8 (byte 0xff)");
	expect_text("a: 1\nb: \"\xc0\xaf\"\n", "t.yaml:2:5: ", "invalid UTF-8");	/* overlong */
	expect_text("a: \"\xc3\xa9t\xc3\xa9\"\n", "", "");		/* "été" is fine */
	/* A tab inside a line is not indentation. */
	expect_text("a:\t1\n", "", "");
}

/* libyaml's problems come with what to do, and where the construct began. */
static void syntax_errors_say_what_to_do(void **state)
{
	(void)state;
	expect_text("name: \"abc\n", "t.yaml:2:1: ", "the quote at line 1, column 7 has no closing quote");
	expect_text("steps: [1, 2\n", "t.yaml:2:1: ",
		    "the list '[' at line 1, column 8 is not closed with ']'");
	expect_text("a: {b: 1\nc: 2\n", "t.yaml:2:2: ",
		    "the mapping '{' at line 1, column 4 is not closed with '}'");
	expect_text("a: b: c\n", "t.yaml:1:5: ", "quote the value");
	expect_text("name: a\n- x\n", "t.yaml:2:1: ",
		    "this line is not a key of the mapping at line 1, column 1");
	expect_text("a:\n  - 1\n  x: 2\n", "t.yaml:3:3: ",
		    "this line is not an item of the list at line 2, column 3");
	expect_text("a: 1\nb c\nd: 1\n", "t.yaml:3:1: ", "the key at line 2, column 1 has no ':'");
	expect_text("a: *y\n", "t.yaml:1:4: ", "names no anchor");
	expect_text("a: @x\n", "t.yaml:1:4: ", "quote the value");
	expect_text("a: \"\\q\"\n", "t.yaml:1:5: ", "unknown escape");
	expect_text("a: - 1\n", "t.yaml:1:4: ", "start the list on the next line");
}

static void size_is_bounded(void **state)
{
	size_t n = YDOC_MAX_BYTES + 1;
	char *big = malloc(n);

	(void)state;
	assert_non_null(big);
	memset(big, ' ', n);
	memcpy(big, "a: 1\n#", 6);
	expect_error(big, n, "t.yaml:1:1: ", "more than the 1024 KiB");
	free(big);
}

static void numbers_say_what_is_wrong(void **state)
{
	struct ydoc d;
	uint64_t u;
	int64_t s;
	const char *text = "a: 99999999999999999999\nb: -9223372036854775809\nc: 1x\n";

	(void)state;
	assert_int_equal(ydoc_load_string(&d, "t.yaml", text, strlen(text)), 0);
	assert_int_equal(yscalar_u64(&d, ymap_get(&d, ydoc_root(&d), "a"), "a", &u), -1);
	assert_non_null(strstr(d.error, "t.yaml:1:4: a: '99999999999999999999' does not fit 64 bits"));
	d.error[0] = 0;
	assert_int_equal(yscalar_s64(&d, ymap_get(&d, ydoc_root(&d), "b"), "b", &s), -1);
	assert_non_null(strstr(d.error, "does not fit a signed 64-bit integer"));
	d.error[0] = 0;
	assert_int_equal(yscalar_u64(&d, ymap_get(&d, ydoc_root(&d), "c"), "c", &u), -1);
	assert_non_null(strstr(d.error, "expected an unsigned integer, got '1x'"));
	ydoc_free(&d);
	assert_int_equal(parse_u64_text("0x10000000000000000", false, &u), YDOC_OVERFLOW);
	assert_int_equal(parse_u64_text("20000000T", true, &u), YDOC_OVERFLOW);
	assert_int_equal(parse_u64_text("0xffffffffffffffff", false, &u), 0);
	/* A number has a digit: "_" (a name) is none. */
	assert_int_equal(parse_u64_text("_", false, &u), -1);
	assert_int_equal(parse_u64_text("0x_", false, &u), -1);
	assert_int_equal(parse_u64_text("__K", true, &u), -1);
	assert_int_equal(parse_u64_text("1_000", false, &u), 0);
	assert_int_equal(u, 1000);
}

static void files_not_directories(void **state)
{
	struct ydoc d;

	(void)state;
	assert_int_equal(ydoc_load_file(&d, "/"), -1);
	assert_non_null(strstr(d.error, "/: is a directory; expected a YAML file"));
	assert_int_equal(ydoc_load_file(&d, "/nonexistent/x.yaml"), -1);
	assert_non_null(strstr(d.error, "cannot open"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(duplicate_keys),
		cmocka_unit_test(one_document),
		cmocka_unit_test(alias_cycles_are_refused),
		cmocka_unit_test(nesting_is_bounded),
		cmocka_unit_test(quotes_do_not_hide_nesting),
		cmocka_unit_test(nul_in_strings_is_refused),
		cmocka_unit_test(text_is_checked),
		cmocka_unit_test(syntax_errors_say_what_to_do),
		cmocka_unit_test(size_is_bounded),
		cmocka_unit_test(numbers_say_what_is_wrong),
		cmocka_unit_test(files_not_directories),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
