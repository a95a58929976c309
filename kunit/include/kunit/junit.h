/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * JUnit XML, the one writer of `cca-double run`, `kunit` and `sweep
 * --junit` (kunit/src/junit.c): <testsuites> holding a <testsuite> per
 * suite with its counts, a <testcase> per case, <failure> or <skipped>
 * with the message, <system-out> with the case's output.  Every string is
 * XML-escaped; characters XML 1.0 cannot hold (control characters,
 * invalid UTF-8) are written as '?'.  The shape is the one Jenkins,
 * GitLab and GitHub test reporters read (the Ant JUnit schema).
 */
#ifndef _KUNIT_JUNIT_H
#define _KUNIT_JUNIT_H

#include <stddef.h>
#include <stdio.h>

enum junit_result { JUNIT_PASSED, JUNIT_FAILED, JUNIT_SKIPPED };

struct junit_case {
	const char *classname;		/* the suite's name, as CI tools group by it */
	const char *name;
	double seconds;
	enum junit_result result;
	const char *failure_type;	/* <failure type=...>; NULL: "failure" */
	const char *message;		/* failure or skip message; NULL: none */
	const char *text;		/* failure body; NULL: none */
	const char *system_out;		/* NULL: none */
};

struct junit_property {
	const char *name, *value;
};

/* <?xml ...?> and <testsuites name="name">. */
void junit_begin(FILE *f, const char *name);
/* One <testsuite> with its counts (tests, failures, skipped, time) and its cases. */
void junit_suite(FILE *f, const char *name, const struct junit_property *props, size_t nprops,
		 const struct junit_case *cases, size_t ncases);
/* </testsuites>. */
void junit_end(FILE *f);
/* `s` as XML character data (attr: also newlines and tabs as references). */
void junit_text(FILE *f, const char *s, int attr);

#endif /* _KUNIT_JUNIT_H */
