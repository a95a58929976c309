/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The KUnit data structures (struct kunit, kunit_case, kunit_suite) with the
 * field names of Linux 6.12 include/kunit/test.h, plus a few cca-double
 * extensions marked as such.
 *
 * This header depends only on compiler headers, so hosted code (the runner,
 * the mock kernel's implementation files, the scenario runner) can include
 * it as well as kernel-world test files.
 */
#ifndef _KUNIT_TEST_TYPES_H
#define _KUNIT_TEST_TYPES_H

#include <stddef.h>
#include <stdbool.h>

/* Size of the buffer a generate_params() callback may write a description into. */
#define KUNIT_PARAM_DESC_SIZE		128
/* Size of the reason printed after "# SKIP". */
#define KUNIT_STATUS_COMMENT_SIZE	256
/* Size of a suite name, as in the kernel. */
#define KUNIT_SUITE_NAME_SIZE		256

#define KUNIT_INDENT_LEN		4
#define KUNIT_SUBTEST_INDENT		"    "
#define KUNIT_SUBSUBTEST_INDENT		"        "

struct kunit;
struct kunit_suite;
struct kunit_action_entry;
struct kunit_runtime;

enum kunit_status {
	KUNIT_SUCCESS,
	KUNIT_FAILURE,
	KUNIT_SKIPPED,
};

enum kunit_speed {
	KUNIT_SPEED_UNSET,
	KUNIT_SPEED_VERY_SLOW,
	KUNIT_SPEED_SLOW,
	KUNIT_SPEED_NORMAL,
	KUNIT_SPEED_MAX = KUNIT_SPEED_NORMAL,
};

struct kunit_attributes {
	enum kunit_speed speed;
};

/* A source location, as recorded by every KUNIT_* check ("last line seen"). */
struct kunit_loc {
	const char *file;
	int line;
};

struct kunit_case {
	void (*run_case)(struct kunit *test);
	const char *name;
	const void *(*generate_params)(const void *prev, char *desc);
	struct kunit_attributes attr;

	/* private: internal use only. */
	enum kunit_status status;
	char *module_name;

	/*
	 * cca-double extension: context for cases built at run time (for
	 * example one case per scenario file); see kunit_case_data().
	 */
	void *data;
};

struct kunit_suite {
	/* Fixed-size like the kernel's; use kunit_suite_set_name() at run time. */
	const char name[KUNIT_SUITE_NAME_SIZE];
	int (*suite_init)(struct kunit_suite *suite);
	void (*suite_exit)(struct kunit_suite *suite);
	int (*init)(struct kunit *test);
	void (*exit)(struct kunit *test);
	struct kunit_case *test_cases;
	struct kunit_attributes attr;

	/* private: internal use only. */
	char status_comment[KUNIT_STATUS_COMMENT_SIZE];
	int suite_init_err;
	bool is_init;

	/* cca-double extension: context for suites built at run time. */
	void *data;
};

struct kunit {
	void *priv;		/* free for the test's own use (init usually sets it) */

	/* private: internal use only. */
	const char *name;	/* the case name */
	const void *param_value;
	int param_index;
	enum kunit_status status;
	char status_comment[KUNIT_STATUS_COMMENT_SIZE];
	struct kunit_loc last_seen;

	/* cca-double extensions. */
	struct kunit_suite *suite;		/* suite being run */
	const struct kunit_case *test_case;	/* case being run */
	struct kunit_action_entry *actions;	/* deferred actions, newest first */
	struct kunit_runtime *runtime;		/* runner state (abort target) */
};

/* cca-double extension: the case's context pointer (kunit_case.data). */
static inline void *kunit_case_data(const struct kunit *test)
{
	return test->test_case ? test->test_case->data : NULL;
}

#define kunit_suite_for_each_test_case(suite, test_case)		\
	for (test_case = (suite)->test_cases; test_case->run_case; test_case++)

#endif /* _KUNIT_TEST_TYPES_H */
