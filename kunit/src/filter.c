// SPDX-License-Identifier: BSD-3-Clause
/*
 * Suite and case selection. kunit.filter_glob=SUITE[.CASE] splits at the
 * first '.', as lib/kunit/executor.c does; --filter GLOB matches the whole
 * "suite.case" name or the suite name. Globs are fnmatch(3) patterns
 * (*, ?, [...]), which is what the kernel's glob_match() accepts.
 */
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static bool kernel_glob_selects(const char *glob, const struct kunit_suite *suite,
				const struct kunit_case *c)
{
	const char *dot;
	char *suite_glob;
	bool match;

	if (!glob)
		return true;
	dot = strchr(glob, '.');
	if (!dot)
		return fnmatch(glob, suite->name, 0) == 0;
	suite_glob = strndup(glob, (size_t)(dot - glob));
	if (!suite_glob)
		return false;
	match = fnmatch(suite_glob, suite->name, 0) == 0 && fnmatch(dot + 1, c->name, 0) == 0;
	free(suite_glob);
	return match;
}

static bool filters_select(const struct kunit_run_options *opts,
			   const struct kunit_suite *suite, const struct kunit_case *c)
{
	char *full;
	bool match = false;

	if (!opts->nr_filters)
		return true;
	if (asprintf(&full, "%s.%s", suite->name, c->name) < 0)
		return false;
	for (unsigned int i = 0; i < opts->nr_filters && !match; i++)
		match = fnmatch(opts->filters[i], full, 0) == 0 ||
			fnmatch(opts->filters[i], suite->name, 0) == 0;
	free(full);
	return match;
}

static bool selects(const struct kunit_run_options *opts, const struct kunit_suite *suite,
		    const struct kunit_case *c)
{
	return kernel_glob_selects(opts->filter_glob, suite, c) &&
	       filters_select(opts, suite, c);
}

/* A copy of suite holding only the selected cases; NULL when none is. */
static struct kunit_suite *select_cases(const struct kunit_suite *suite,
					const struct kunit_run_options *opts)
{
	const struct kunit_case *c;
	struct kunit_suite *copy;
	struct kunit_case *cases;
	size_t n = 0;

	for (c = suite->test_cases; c && c->run_case; c++)
		n += selects(opts, suite, c);
	if (!n)
		return NULL;

	copy = malloc(sizeof(*copy));
	cases = calloc(n + 1, sizeof(*cases));	/* zeroed terminator */
	if (!copy || !cases) {
		free(copy);
		free(cases);
		fprintf(stderr, "kunit: out of memory selecting suite %s\n", suite->name);
		return NULL;
	}
	memcpy(copy, suite, sizeof(*copy));
	n = 0;
	for (c = suite->test_cases; c->run_case; c++)
		if (selects(opts, suite, c))
			cases[n++] = *c;
	copy->test_cases = cases;
	return copy;
}

struct kunit_suite **kunit_select_suites(struct kunit_suite *const *suites, size_t nr,
					 const struct kunit_run_options *opts,
					 size_t *nr_selected)
{
	struct kunit_suite **selected = calloc(nr ? nr : 1, sizeof(*selected));
	size_t n = 0;

	if (!selected) {
		*nr_selected = 0;
		return NULL;
	}
	for (size_t i = 0; i < nr; i++) {
		struct kunit_suite *copy;

		if (!suites[i])	/* padding in the registration section */
			continue;
		copy = select_cases(suites[i], opts);
		if (copy)
			selected[n++] = copy;
	}
	*nr_selected = n;
	return selected;
}

void kunit_free_suite_copies(struct kunit_suite **suites, size_t nr)
{
	if (!suites)
		return;
	for (size_t i = 0; i < nr; i++) {
		free(suites[i]->test_cases);
		free(suites[i]);
	}
	free(suites);
}
