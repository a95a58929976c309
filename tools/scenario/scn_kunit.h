/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Scenarios as KUnit cases: one suite per scenario folder, one case per
 * scenario file and profile, so scenario results appear in the same KTAP
 * document as the KUnit suites.
 */
#ifndef SCN_KUNIT_H
#define SCN_KUNIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct kunit_suite;

#define SCN_VERBOSE_MAX_CALLS 2000

struct scn_suite_opts {
	const char *profile;	/* run only on this profile (others: skipped); NULL: each named */
	const char *trace_path;	/* append every call of every scenario here; NULL: none */
	/*
	 * --verbose: each case also prints its scenario's description and
	 * every RMI/RSI call it made (trace.h lines, at most
	 * SCN_VERBOSE_MAX_CALLS) as KTAP diagnostics.
	 */
	bool verbose;
	unsigned int *load_errors;	/* if set: += files that failed to load */
};

/*
 * Collects *.yaml under each path (files or directories, recursively,
 * sorted) into suites.  A file that fails to load still becomes a case,
 * which fails with the load error.  Returns the number of suites, or -1.
 */
int scn_build_suites(const char *const *paths, size_t npaths, const struct scn_suite_opts *opts,
		     struct kunit_suite ***suites_out);
void scn_free_suites(struct kunit_suite **suites, size_t n);

#endif
