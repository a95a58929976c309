/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What a failed KUNIT_EXPECT_* / KUNIT_ASSERT_* hands to the runtime, which
 * prints it in the kernel's words ("EXPECTATION FAILED at file:line",
 * "Expected a == b, but", ...). Hosted-safe: compiler headers only.
 */
#ifndef _KUNIT_ASSERT_H
#define _KUNIT_ASSERT_H

#include <kunit/test-types.h>

enum kunit_assert_type {
	KUNIT_ASSERTION,	/* abort the case on failure */
	KUNIT_EXPECTATION,	/* record the failure and continue */
};

/* Which printed form a failed check takes. */
enum kunit_check_kind {
	KUNIT_CHECK_FAIL,		/* KUNIT_FAIL: only the message */
	KUNIT_CHECK_UNARY,		/* TRUE/FALSE */
	KUNIT_CHECK_NOT_ERR_OR_NULL,	/* NOT_ERR_OR_NULL */
	KUNIT_CHECK_INT,		/* EQ NE LT LE GT GE */
	KUNIT_CHECK_PTR,		/* PTR_EQ PTR_NE NULL NOT_NULL */
	KUNIT_CHECK_STR,		/* STREQ STRNEQ */
	KUNIT_CHECK_MEM,		/* MEMEQ MEMNEQ */
};

/* The constant part of a check: one static object per check site. */
struct kunit_check_site {
	struct kunit_loc loc;
	enum kunit_assert_type type;
	enum kunit_check_kind kind;
	const char *left_text;		/* source text of the operands */
	const char *op_text;
	const char *right_text;
	bool expected_true;		/* UNARY: TRUE (1) or FALSE (0) */
};

/* The values seen when the check failed. */
struct kunit_check_values {
	union {
		long long i;
		const void *p;
		const char *s;
	} left, right;
	size_t size;			/* MEM: bytes compared */
};

/* Print the failure of site (with the optional message fmt) and mark test failed. */
void __kunit_do_failed_check(struct kunit *test,
			     const struct kunit_check_site *site,
			     const struct kunit_check_values *values,
			     const char *fmt, ...)
	__attribute__((__format__(printf, 4, 5))) __attribute__((__cold__));

/* Leave the running case now: exit() and deferred actions still run. */
void __kunit_abort(struct kunit *test) __attribute__((__noreturn__));

#endif /* _KUNIT_ASSERT_H */
