// SPDX-License-Identifier: BSD-3-Clause
/* Hosted half of backtrace_kunit.c: capture stdout, count frames, symbolize code without -g. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../src/mock_internal.h"

static FILE *capture;
static int saved_stdout = -1;
static char report[64 * 1024];

void backtrace_capture_begin(void);
const char *backtrace_capture_end(void);
unsigned int backtrace_frames(const char *text);
const char *backtrace_symbolize_nodebug(char *buf, size_t len);

void backtrace_capture_begin(void)
{
	fflush(stdout);
	capture = tmpfile();
	if (!capture)
		abort();
	saved_stdout = dup(STDOUT_FILENO);
	dup2(fileno(capture), STDOUT_FILENO);
}

const char *backtrace_capture_end(void)
{
	size_t n;

	fflush(stdout);
	dup2(saved_stdout, STDOUT_FILENO);
	close(saved_stdout);
	rewind(capture);
	n = fread(report, 1, sizeof(report) - 1, capture);
	report[n] = 0;
	fclose(capture);
	return report;
}

unsigned int backtrace_frames(const char *text)
{
	const char *p = strstr(text, "Call trace:\n");
	unsigned int n = 0;

	if (!p)
		return 0;
	for (p = strchr(p, '\n') + 1; !strncmp(p, "     ", 5); n++) {
		p = strchr(p, '\n');
		if (!p)
			break;
		p++;
	}
	return n;
}

void backtrace_nodebug_function(void);

const char *backtrace_symbolize_nodebug(char *buf, size_t len)
{
	/* A return address 1 byte into a function built without -g. */
	return mock_symbolize((char *)(uintptr_t)&backtrace_nodebug_function + 1, buf, len);
}
