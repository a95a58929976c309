// SPDX-License-Identifier: BSD-3-Clause
/*
 * All KTAP output goes through here: whole lines, flushed at once, so the
 * order of parent and child output is kept and a crash never truncates a
 * line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static char *capture_buf;
static size_t capture_cap;

void kunit_capture_begin(char *buf, size_t cap)
{
	capture_buf = buf;
	capture_cap = cap;
	buf[0] = '\0';
}

void kunit_capture_end(void)
{
	capture_buf = NULL;
}

static void capture(const char *text, size_t len)
{
	size_t used;

	if (!capture_buf)
		return;
	used = strlen(capture_buf);
	if (used + 1 >= capture_cap)
		return;
	if (len > capture_cap - used - 2)
		len = capture_cap - used - 2;
	memcpy(capture_buf + used, text, len);
	capture_buf[used + len] = '\n';
	capture_buf[used + len + 1] = '\0';
}

void kunit_vout(const char *fmt, va_list ap)
{
	char *text = NULL;
	int len = vasprintf(&text, fmt, ap);

	if (len < 0) {
		fputs("kunit: out of memory while printing\n", stdout);
		fflush(stdout);
		return;
	}
	fputs(text, stdout);
	capture(text, len > 0 && text[len - 1] == '\n' ? (size_t)len - 1 : (size_t)len);
	if (len == 0 || text[len - 1] != '\n')
		fputc('\n', stdout);
	fflush(stdout);
	free(text);
}

void kunit_out(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	kunit_vout(fmt, ap);
	va_end(ap);
}

void kunit_out_test_diag(const struct kunit *test, const char *fmt, ...)
{
	char *text = NULL;
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vasprintf(&text, fmt, ap);
	va_end(ap);
	if (len < 0)
		return;
	kunit_out(KUNIT_SUBTEST_INDENT "# %s: %s", test->name, text);
	free(text);
}

/* Skip a printk level prefix (KERN_SOH and one level character). */
static const char *skip_level(const char *text)
{
	while (text[0] == '\001' && text[1] != '\0')
		text += 2;
	return text;
}

void __kunit_log(const char *fmt, ...)
{
	char *text = NULL;
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vasprintf(&text, fmt, ap);
	va_end(ap);
	if (len < 0)
		return;
	kunit_out("%s", skip_level(text));
	free(text);
}
