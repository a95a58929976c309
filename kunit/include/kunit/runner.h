/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The KUnit runner: runs suites and prints one KTAP version 1 document
 * (the shape lib/kunit prints), then a last line "N passed, N failed,
 * N skipped". Hosted-safe.
 *
 * Each case, and each parameter of a parameterised case, runs in a forked
 * child with a timeout: a crash, abort() or hang fails that case alone.
 * suite_init()/suite_exit() run in the runner process itself.
 */
#ifndef _KUNIT_RUNNER_H
#define _KUNIT_RUNNER_H

#include <kunit/test-types.h>

/* Per-case timeout when none is given, as the kernel's (seconds). */
#define KUNIT_DEFAULT_TIMEOUT_S	300
/* At most this many --filter patterns. */
#define KUNIT_MAX_FILTERS	16
/* At most this many header lines (kunit_add_header()). */
#define KUNIT_MAX_HEADER	8

struct kunit_run_options {
	/* Kernel syntax "suiteglob[.testglob]" (kunit.filter_glob=); NULL: all. */
	const char *filter_glob;
	/*
	 * --filter patterns, ORed: a case runs when a pattern matches
	 * "suite.case" or the suite name. ANDed with filter_glob.
	 */
	const char *filters[KUNIT_MAX_FILTERS];
	unsigned int nr_filters;
	unsigned int timeout_s;	/* per case or parameter; 0: KUNIT_DEFAULT_TIMEOUT_S */
	bool no_fork;		/* run cases in-process (debugging; no crash isolation) */
	bool list_only;		/* print the selected suite.case names, run nothing */
	/*
	 * Also write the results as JUnit XML (kunit/junit.h) to this file:
	 * a <testsuite> per suite, a <testcase> per case (per parameter of a
	 * parameterised case, named "case.param"), failures with the case's
	 * first diagnostic as message and all of them as text.  NULL: none.
	 */
	const char *junit_path;
};

/* Leaf results, as kunit.py counts them: each parameter is one test. */
struct kunit_run_result {
	unsigned int passed;
	unsigned int failed;	/* includes crashes and timeouts */
	unsigned int skipped;
	unsigned int known_failed;	/* of failed: listed as known failures */
};

/*
 * A line about the run itself ("what code, which profile"), printed as a
 * KTAP diagnostic "# <line>" right after the first "KTAP version 1" line.
 * Returns 0, or -1 when KUNIT_MAX_HEADER lines are registered already.
 */
int kunit_add_header(const char *line);

/*
 * Known failures.  name is "suite.case", or "suite.case.param" for one
 * parameter of a parameterised case.  When that test fails, the line
 * "# <name>: known: <reason>" precedes its result (it still counts as
 * failed); when it passes, "# <name>: listed as a known failure, passed".
 * After the document, before the totals line, a "# Known failures: ..."
 * line says how many failures were known and how many are new.
 * kunit_load_known() reads "suite.case[.param] # reason" lines ('#'
 * starts a comment line); on a malformed line it prints file:line:col and
 * returns -1.  Both return 0 on success.
 */
int kunit_add_known(const char *name, const char *reason);
int kunit_load_known(const char *path);

/*
 * Run suites[0..nr) (or list them) with opts (NULL: defaults). Suites and
 * cases may be built at run time (see kunit_suite_set_name() and
 * kunit_case.data). result may be NULL. Returns the exit status to use:
 * 0 when nothing failed and at least one test ran, 2 when the --junit
 * file cannot be written, else 1.
 */
int kunit_run_suites(struct kunit_suite *const *suites, size_t nr,
		     const struct kunit_run_options *opts,
		     struct kunit_run_result *result);

/*
 * Parse the command line into opts (which the caller zeroes first):
 * kernel style kunit.filter_glob=G kunit.action=list kunit.timeout=N
 * kunit.enable=1, other key=value words (as kunit.py exec passes) ignored;
 * and --filter G, --list, --timeout N, --no-fork, --known FILE, --help.
 * Returns 0, 1 when --help was printed, or -1 after printing an error.
 */
int kunit_parse_args(int argc, char **argv, struct kunit_run_options *opts);

/* The suites registered with kunit_test_suites() in this binary. */
size_t kunit_registered_suites(struct kunit_suite *const **suites);

/* Parse argv and run suites[0..nr); returns the process exit status (2: usage). */
int kunit_run_main_suites(int argc, char **argv, struct kunit_suite *const *suites, size_t nr);

/* Parse argv and run the registered suites; returns the process exit status. */
int kunit_run_main(int argc, char **argv);

/* Set the name of a suite built at run time (truncated to KUNIT_SUITE_NAME_SIZE - 1). */
void kunit_suite_set_name(struct kunit_suite *suite, const char *name);

#endif /* _KUNIT_RUNNER_H */
