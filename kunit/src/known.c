// SPDX-License-Identifier: BSD-3-Clause
/*
 * What a run says about itself before its results (header lines), and
 * failures it expects (known failures): a listed test that fails gets a
 * "# <name>: known: <reason>" diagnostic before its result line and still
 * counts as failed, so a reader sees at once which failures are new; a
 * listed test that passes is pointed out too.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static char *header[KUNIT_MAX_HEADER];
static unsigned int nr_header;

struct known {
	char *name;
	char *reason;
};

static struct known *known;
static size_t nr_known, cap_known;
static unsigned long known_failed, known_passed;

int kunit_add_header(const char *line)
{
	if (nr_header == KUNIT_MAX_HEADER) {
		fprintf(stderr, "kunit: at most %d header lines\n", KUNIT_MAX_HEADER);
		return -1;
	}
	header[nr_header] = strdup(line);
	if (!header[nr_header])
		return -1;
	nr_header++;
	return 0;
}

void kunit_print_header(void)
{
	for (unsigned int i = 0; i < nr_header; i++)
		kunit_out("# %s", header[i]);
}

int kunit_add_known(const char *name, const char *reason)
{
	if (nr_known == cap_known) {
		size_t cap = cap_known ? 2 * cap_known : 32;
		struct known *k = realloc(known, cap * sizeof(*k));

		if (!k)
			return -1;
		known = k;
		cap_known = cap;
	}
	known[nr_known].name = strdup(name);
	known[nr_known].reason = strdup(reason);
	if (!known[nr_known].name || !known[nr_known].reason) {
		free(known[nr_known].name);
		free(known[nr_known].reason);
		return -1;
	}
	nr_known++;
	return 0;
}

static char *trim(char *s)
{
	char *end;

	while (isspace((unsigned char)*s))
		s++;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		*--end = '\0';
	return s;
}

int kunit_load_known(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[1024];
	unsigned int lineno = 0;
	int ret = 0;

	if (!f) {
		fprintf(stderr, "kunit: %s: %s\n", path, strerror(errno));
		return -1;
	}
	while (!ret && fgets(line, sizeof(line), f)) {
		char *text, *sep, *name, *reason;

		lineno++;
		if (!strchr(line, '\n') && !feof(f)) {
			fprintf(stderr, "%s:%u:%zu: line longer than %zu characters\n", path,
				lineno, sizeof(line) - 1, sizeof(line) - 2);
			ret = -1;
			break;
		}
		text = trim(line);
		if (!*text || *text == '#')
			continue;
		/* "suite.case[.param] # reason": '#' cannot be part of a KTAP test name. */
		sep = strstr(text, " #");
		if (!sep) {
			fprintf(stderr, "%s:%u:%zu: expected \"suite.case[.param] # reason\"\n",
				path, lineno, (size_t)(text - line) + strlen(text) + 1);
			ret = -1;
			break;
		}
		*sep = '\0';
		name = trim(text);
		reason = trim(sep + 2);
		if (!strchr(name, '.') || !*reason) {
			fprintf(stderr, "%s:%u:%zu: %s\n", path, lineno, (size_t)(name - line) + 1,
				!*reason ? "no reason after '#'"
					 : "expected a suite.case name before '#'");
			ret = -1;
			break;
		}
		ret = kunit_add_known(name, reason);
	}
	fclose(f);
	return ret;
}

static const char *known_reason(const char *name)
{
	for (size_t i = 0; i < nr_known; i++)
		if (!strcmp(known[i].name, name))
			return known[i].reason;
	return NULL;
}

void kunit_known_result(const char *indent, const char *name, enum kunit_status status,
			bool leaf)
{
	const char *reason = known_reason(name);

	if (!reason)
		return;
	if (status == KUNIT_FAILURE) {
		kunit_out("%s# %s: known: %s", indent, name, reason);
		known_failed += leaf;
	} else if (status == KUNIT_SUCCESS) {
		kunit_out("%s# %s: listed as a known failure, passed", indent, name);
		known_passed += leaf;
	}
}

void kunit_known_summary(unsigned long failed)
{
	if (!nr_known)
		return;
	kunit_out("# Known failures: %lu of %lu failed tests are known, %lu new; "
		  "%lu listed passed", known_failed, failed, failed - known_failed, known_passed);
}

unsigned long kunit_known_failed(void)
{
	return known_failed;
}
