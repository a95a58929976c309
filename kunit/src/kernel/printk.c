// SPDX-License-Identifier: BSD-3-Clause
/*
 * printk() of the mock kernel (declared in kernel/include/linux/printk.h):
 * the message, level prefix removed, as whole lines on stdout, flushed, so
 * it sits in order inside the KTAP stream (kunit.py shows such lines with
 * the test that failed). A message without a final newline still ends its
 * line: a half line would merge into the next KTAP line and hide it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int vprintk(const char *fmt, va_list args);
int _printk(const char *fmt, ...);

int vprintk(const char *fmt, va_list args)
{
	char *text = NULL;
	const char *body;
	int len = vasprintf(&text, fmt, args);

	if (len < 0)
		return 0;
	body = text;
	while (body[0] == '\001' && body[1] != '\0')	/* KERN_SOH + level */
		body += 2;
	fputs(body, stdout);
	if (!*body || body[strlen(body) - 1] != '\n')
		fputc('\n', stdout);
	fflush(stdout);
	free(text);
	return len;
}

int _printk(const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vprintk(fmt, args);
	va_end(args);
	return len;
}
