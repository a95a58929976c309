/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The KUnit test API of Linux 6.12 (include/kunit/test.h) for cca-double's
 * userspace runner: test files written for the kernel compile unchanged.
 *
 * This header is for kernel-world translation units (-nostdinc, mock
 * <linux/...> headers). Hosted code includes the hosted-safe parts instead:
 * <kunit/test-types.h>, <kunit/resource.h>, <kunit/test-bug.h>,
 * <kunit/static_stub.h>, <kunit/case-hooks.h>, <kunit/runner.h>.
 */
#ifndef _KUNIT_TEST_H
#define _KUNIT_TEST_H

#include <linux/compiler.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/types.h>

#include <kunit/assert.h>
#include <kunit/resource.h>
#include <kunit/test-bug.h>
#include <kunit/test-types.h>

#ifndef KBUILD_MODNAME
#define KBUILD_MODNAME "cca_double"
#endif

/* ---- Cases and suites ---------------------------------------------- */

#define KUNIT_CASE(test_name)						\
	{ .run_case = test_name, .name = #test_name,			\
	  .module_name = KBUILD_MODNAME }

#define KUNIT_CASE_ATTR(test_name, attributes)				\
	{ .run_case = test_name, .name = #test_name,			\
	  .attr = attributes, .module_name = KBUILD_MODNAME }

#define KUNIT_CASE_SLOW(test_name)					\
	{ .run_case = test_name, .name = #test_name,			\
	  .attr.speed = KUNIT_SPEED_SLOW, .module_name = KBUILD_MODNAME }

#define KUNIT_CASE_PARAM(test_name, gen_params)				\
	{ .run_case = test_name, .name = #test_name,			\
	  .generate_params = gen_params, .module_name = KBUILD_MODNAME }

#define KUNIT_CASE_PARAM_ATTR(test_name, gen_params, attributes)	\
	{ .run_case = test_name, .name = #test_name,			\
	  .generate_params = gen_params, .attr = attributes,		\
	  .module_name = KBUILD_MODNAME }

/*
 * Register suites with the runner of the binary this object is linked into.
 * The kernel's section, ".kunit_test_suites", is not a C identifier, so the
 * linker would define no __start_/__stop_ symbols for it: "kunit_suites" is
 * used instead. Objects in a static library are only linked when something
 * else pulls them in: see kunit_add_test_binary() in kunit/cmake/KUnit.cmake.
 */
#define kunit_test_suites(__suites...)					\
	static struct kunit_suite *__UNIQUE_ID(kunit_suites_array)[]	\
	__used __section("kunit_suites") __aligned(sizeof(void *)) = { __suites }

#define kunit_test_suite(suite)		kunit_test_suites(&suite)
#define kunit_test_init_section_suites(__suites...) kunit_test_suites(__suites)
#define kunit_test_init_section_suite(suite) kunit_test_init_section_suites(&suite)

/* ---- Parameters ------------------------------------------------------ */

/*
 * Define name##_gen_params() walking array; get_desc(const T *, char *desc),
 * or NULL, names each parameter (else "param-<index>").
 */
#define KUNIT_ARRAY_PARAM(name, array, get_desc)			\
	static const void *name##_gen_params(const void *prev, char *desc) \
	{								\
		typeof((array)[0]) *__next = prev ?			\
			((typeof(__next))prev) + 1 : (array);		\
		void (*__get_desc)(typeof(__next), char *) = get_desc;	\
									\
		if ((size_t)(__next - (array)) >= ARRAY_SIZE((array)))	\
			return NULL;					\
		if (__get_desc)						\
			__get_desc(__next, desc);			\
		return __next;						\
	}

/* As KUNIT_ARRAY_PARAM, the description being the string member desc_member. */
#define KUNIT_ARRAY_PARAM_DESC(name, array, desc_member)		\
	static const void *name##_gen_params(const void *prev, char *desc) \
	{								\
		typeof((array)[0]) *__next = prev ?			\
			((typeof(__next))prev) + 1 : (array);		\
									\
		if ((size_t)(__next - (array)) >= ARRAY_SIZE((array)))	\
			return NULL;					\
		strscpy(desc, __next->desc_member, KUNIT_PARAM_DESC_SIZE); \
		return __next;						\
	}

/* ---- Managed memory (freed when the case ends) ------------------------ */

void *kunit_kmalloc_array(struct kunit *test, size_t n, size_t size, gfp_t gfp);
void kunit_kfree(struct kunit *test, const void *ptr);

static inline void *kunit_kmalloc(struct kunit *test, size_t size, gfp_t gfp)
{
	return kunit_kmalloc_array(test, 1, size, gfp);
}

static inline void *kunit_kzalloc(struct kunit *test, size_t size, gfp_t gfp)
{
	return kunit_kmalloc(test, size, gfp | __GFP_ZERO);
}

static inline void *kunit_kcalloc(struct kunit *test, size_t n, size_t size, gfp_t gfp)
{
	return kunit_kmalloc_array(test, n, size, gfp | __GFP_ZERO);
}

static inline char *kunit_kstrdup(struct kunit *test, const char *str, gfp_t gfp)
{
	size_t len;
	char *copy;

	if (!str)
		return NULL;
	len = strlen(str) + 1;
	copy = kunit_kmalloc(test, len, gfp);
	if (copy)
		memcpy(copy, str, len);
	return copy;
}

/* There is no .rodata test here: always a copy. */
static inline const char *kunit_kstrdup_const(struct kunit *test, const char *str, gfp_t gfp)
{
	return kunit_kstrdup(test, str, gfp);
}

static inline void kunit_kfree_const(struct kunit *test, const void *x)
{
	kunit_kfree(test, x);
}

/* ---- Skipping and logging --------------------------------------------- */

void __kunit_mark_skipped(struct kunit *test, const char *fmt, ...) __printf(2, 3);
void __kunit_log(const char *fmt, ...) __printf(1, 2);

/* Mark the case skipped with a reason; it goes on running. */
#define kunit_mark_skipped(test, fmt, ...)				\
	__kunit_mark_skipped(test, fmt, ##__VA_ARGS__)

/* Mark the case skipped and leave it (exit() and actions still run). */
#define kunit_skip(test, fmt, ...)					\
	do {								\
		kunit_mark_skipped(test, fmt, ##__VA_ARGS__);		\
		__kunit_abort(test);					\
	} while (0)

/* Print a raw line into the KTAP stream at level lvl (KERN_*). */
#define kunit_log(lvl, test_or_suite, fmt, ...)				\
	do {								\
		(void)(test_or_suite);					\
		__kunit_log(lvl fmt, ##__VA_ARGS__);			\
	} while (0)

#define kunit_printk(lvl, test, fmt, ...)				\
	kunit_log(lvl, test, KUNIT_SUBTEST_INDENT "# %s: " fmt,		\
		  (test)->name, ##__VA_ARGS__)

#define kunit_info(test, fmt, ...)	kunit_printk(KERN_INFO, test, fmt, ##__VA_ARGS__)
#define kunit_warn(test, fmt, ...)	kunit_printk(KERN_WARNING, test, fmt, ##__VA_ARGS__)
#define kunit_err(test, fmt, ...)	kunit_printk(KERN_ERR, test, fmt, ##__VA_ARGS__)

/* ---- Checks ------------------------------------------------------------ */

/* Remember where the test is, for "last line seen" after a crash or hang. */
#define _KUNIT_SAVE_LOC(test)						\
	do {								\
		WRITE_ONCE((test)->last_seen.file, __FILE__);		\
		WRITE_ONCE((test)->last_seen.line, __LINE__);		\
	} while (0)

#define KUNIT_SUCCEED(test)	_KUNIT_SAVE_LOC(test)

/* Report one failed check; abort the case if it was an assertion. */
#define __KUNIT_FAILED(test, type_, kind_, ltext, optext, rtext, expect_true, values, fmt, ...) \
	do {								\
		static const struct kunit_check_site __kunit_site = {	\
			.loc = { __FILE__, __LINE__ },			\
			.type = (type_), .kind = (kind_),		\
			.left_text = (ltext), .op_text = (optext),	\
			.right_text = (rtext),				\
			.expected_true = (expect_true),			\
		};							\
		__kunit_do_failed_check(test, &__kunit_site, values,	\
					fmt, ##__VA_ARGS__);		\
		if ((type_) == KUNIT_ASSERTION)				\
			__kunit_abort(test);				\
	} while (0)

#define KUNIT_FAIL_ASSERTION(test, type, fmt, ...)			\
	do {								\
		const struct kunit_check_values __kunit_v = { .size = 0 }; \
									\
		_KUNIT_SAVE_LOC(test);					\
		__KUNIT_FAILED(test, type, KUNIT_CHECK_FAIL, NULL, NULL, \
			       NULL, false, &__kunit_v, fmt, ##__VA_ARGS__); \
	} while (0)

#define KUNIT_UNARY_ASSERTION(test, type, condition, expect_true, fmt, ...) \
	do {								\
		const struct kunit_check_values __kunit_v = { .size = 0 }; \
									\
		_KUNIT_SAVE_LOC(test);					\
		if (likely(!!(condition) == !!(expect_true)))		\
			break;						\
		__KUNIT_FAILED(test, type, KUNIT_CHECK_UNARY, #condition, \
			       NULL, NULL, expect_true, &__kunit_v,	\
			       fmt, ##__VA_ARGS__);			\
	} while (0)

/* Integer comparison; values are printed as long long, like the kernel. */
#define KUNIT_BINARY_INT_ASSERTION(test, type, left_, op, right_, fmt, ...) \
	do {								\
		const typeof(left_) __kunit_l = (left_);			\
		const typeof(right_) __kunit_r = (right_);		\
		struct kunit_check_values __kunit_v = { .size = 0 };	\
									\
		_KUNIT_SAVE_LOC(test);					\
		if (likely(__kunit_l op __kunit_r))			\
			break;						\
		__kunit_v.left.i = (long long)__kunit_l;		\
		__kunit_v.right.i = (long long)__kunit_r;		\
		__KUNIT_FAILED(test, type, KUNIT_CHECK_INT, #left_, #op,	\
			       #right_, false, &__kunit_v, fmt, ##__VA_ARGS__); \
	} while (0)

/* Pointer comparison, as const void * (arrays and NULL mix freely). */
#define KUNIT_BINARY_PTR_ASSERTION(test, type, left_, op, right_, fmt, ...) \
	do {								\
		const void *__kunit_l = (left_);			\
		const void *__kunit_r = (right_);		\
		struct kunit_check_values __kunit_v = { .size = 0 };	\
									\
		_KUNIT_SAVE_LOC(test);					\
		if (likely(__kunit_l op __kunit_r))			\
			break;						\
		__kunit_v.left.p = __kunit_l;		\
		__kunit_v.right.p = __kunit_r;		\
		__KUNIT_FAILED(test, type, KUNIT_CHECK_PTR, #left_, #op,	\
			       #right_, false, &__kunit_v, fmt, ##__VA_ARGS__); \
	} while (0)

/* String comparison; a NULL operand always fails. */
#define KUNIT_BINARY_STR_ASSERTION(test, type, left_, op, right_, fmt, ...) \
	do {								\
		const char *__kunit_l = (left_);				\
		const char *__kunit_r = (right_);			\
		struct kunit_check_values __kunit_v = { .size = 0 };	\
									\
		_KUNIT_SAVE_LOC(test);					\
		if (likely(__kunit_l && __kunit_r &&			\
			   (strcmp(__kunit_l, __kunit_r) op 0)))	\
			break;						\
		__kunit_v.left.s = __kunit_l;				\
		__kunit_v.right.s = __kunit_r;				\
		__KUNIT_FAILED(test, type, KUNIT_CHECK_STR, #left_, #op,	\
			       #right_, false, &__kunit_v, fmt, ##__VA_ARGS__); \
	} while (0)

/* Memory comparison of size bytes; a NULL operand always fails. */
#define KUNIT_MEM_ASSERTION(test, type, left_, op, right_, size_, fmt, ...) \
	do {								\
		const void *__kunit_l = (left_);				\
		const void *__kunit_r = (right_);			\
		const size_t __kunit_n = (size_);			\
		struct kunit_check_values __kunit_v = { .size = __kunit_n }; \
									\
		_KUNIT_SAVE_LOC(test);					\
		if (likely(__kunit_l && __kunit_r &&			\
			   (memcmp(__kunit_l, __kunit_r, __kunit_n) op 0))) \
			break;						\
		__kunit_v.left.p = __kunit_l;				\
		__kunit_v.right.p = __kunit_r;				\
		__KUNIT_FAILED(test, type, KUNIT_CHECK_MEM, #left_, #op,	\
			       #right_, false, &__kunit_v, fmt, ##__VA_ARGS__); \
	} while (0)

#define KUNIT_PTR_NOT_ERR_OR_NULL_MSG_ASSERTION(test, type, ptr, fmt, ...) \
	do {								\
		const typeof(ptr) __kunit_p = (ptr);			\
		struct kunit_check_values __kunit_v = { .size = 0 };	\
									\
		_KUNIT_SAVE_LOC(test);					\
		if (!IS_ERR_OR_NULL(__kunit_p))				\
			break;						\
		__kunit_v.left.p = (const void *)__kunit_p;		\
		__KUNIT_FAILED(test, type, KUNIT_CHECK_NOT_ERR_OR_NULL,	\
			       #ptr, NULL, NULL, false, &__kunit_v,	\
			       fmt, ##__VA_ARGS__);			\
	} while (0)

/* KUNIT_FAIL records a failure; KUNIT_FAIL_AND_ABORT also ends the case. */
#define KUNIT_FAIL(test, fmt, ...)					\
	KUNIT_FAIL_ASSERTION(test, KUNIT_EXPECTATION, fmt, ##__VA_ARGS__)
#define KUNIT_FAIL_AND_ABORT(test, fmt, ...)				\
	KUNIT_FAIL_ASSERTION(test, KUNIT_ASSERTION, fmt, ##__VA_ARGS__)

/*
 * KUNIT_EXPECT_<X>: on failure record it and continue.
 * KUNIT_ASSERT_<X>: on failure record it and end the case.
 * The _MSG forms append a printf-style message.
 */
#define KUNIT_EXPECT_TRUE_MSG(test, c, fmt, ...)	KUNIT_UNARY_ASSERTION(test, KUNIT_EXPECTATION, c, true, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_FALSE_MSG(test, c, fmt, ...)	KUNIT_UNARY_ASSERTION(test, KUNIT_EXPECTATION, c, false, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_EQ_MSG(test, l, r, fmt, ...)	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_EXPECTATION, l, ==, r, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_NE_MSG(test, l, r, fmt, ...)	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_EXPECTATION, l, !=, r, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_LT_MSG(test, l, r, fmt, ...)	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_EXPECTATION, l, <, r, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_LE_MSG(test, l, r, fmt, ...)	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_EXPECTATION, l, <=, r, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_GT_MSG(test, l, r, fmt, ...)	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_EXPECTATION, l, >, r, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_GE_MSG(test, l, r, fmt, ...)	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_EXPECTATION, l, >=, r, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_PTR_EQ_MSG(test, l, r, fmt, ...)	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_EXPECTATION, l, ==, r, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_PTR_NE_MSG(test, l, r, fmt, ...)	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_EXPECTATION, l, !=, r, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_NULL_MSG(test, p, fmt, ...)	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_EXPECTATION, p, ==, NULL, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_NOT_NULL_MSG(test, p, fmt, ...)	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_EXPECTATION, p, !=, NULL, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_NOT_ERR_OR_NULL_MSG(test, p, fmt, ...) KUNIT_PTR_NOT_ERR_OR_NULL_MSG_ASSERTION(test, KUNIT_EXPECTATION, p, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_STREQ_MSG(test, l, r, fmt, ...)	KUNIT_BINARY_STR_ASSERTION(test, KUNIT_EXPECTATION, l, ==, r, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_STRNEQ_MSG(test, l, r, fmt, ...)	KUNIT_BINARY_STR_ASSERTION(test, KUNIT_EXPECTATION, l, !=, r, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_MEMEQ_MSG(test, l, r, n, fmt, ...)	KUNIT_MEM_ASSERTION(test, KUNIT_EXPECTATION, l, ==, r, n, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_MEMNEQ_MSG(test, l, r, n, fmt, ...) KUNIT_MEM_ASSERTION(test, KUNIT_EXPECTATION, l, !=, r, n, fmt, ##__VA_ARGS__)

#define KUNIT_ASSERT_TRUE_MSG(test, c, fmt, ...)	KUNIT_UNARY_ASSERTION(test, KUNIT_ASSERTION, c, true, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_FALSE_MSG(test, c, fmt, ...)	KUNIT_UNARY_ASSERTION(test, KUNIT_ASSERTION, c, false, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_EQ_MSG(test, l, r, fmt, ...)	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_ASSERTION, l, ==, r, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_NE_MSG(test, l, r, fmt, ...)	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_ASSERTION, l, !=, r, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_LT_MSG(test, l, r, fmt, ...)	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_ASSERTION, l, <, r, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_LE_MSG(test, l, r, fmt, ...)	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_ASSERTION, l, <=, r, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_GT_MSG(test, l, r, fmt, ...)	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_ASSERTION, l, >, r, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_GE_MSG(test, l, r, fmt, ...)	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_ASSERTION, l, >=, r, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_PTR_EQ_MSG(test, l, r, fmt, ...)	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_ASSERTION, l, ==, r, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_PTR_NE_MSG(test, l, r, fmt, ...)	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_ASSERTION, l, !=, r, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_NULL_MSG(test, p, fmt, ...)	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_ASSERTION, p, ==, NULL, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_NOT_NULL_MSG(test, p, fmt, ...)	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_ASSERTION, p, !=, NULL, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_NOT_ERR_OR_NULL_MSG(test, p, fmt, ...) KUNIT_PTR_NOT_ERR_OR_NULL_MSG_ASSERTION(test, KUNIT_ASSERTION, p, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_STREQ_MSG(test, l, r, fmt, ...)	KUNIT_BINARY_STR_ASSERTION(test, KUNIT_ASSERTION, l, ==, r, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_STRNEQ_MSG(test, l, r, fmt, ...)	KUNIT_BINARY_STR_ASSERTION(test, KUNIT_ASSERTION, l, !=, r, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_MEMEQ_MSG(test, l, r, n, fmt, ...)	KUNIT_MEM_ASSERTION(test, KUNIT_ASSERTION, l, ==, r, n, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_MEMNEQ_MSG(test, l, r, n, fmt, ...) KUNIT_MEM_ASSERTION(test, KUNIT_ASSERTION, l, !=, r, n, fmt, ##__VA_ARGS__)

/* The forms without a message pass a NULL format: nothing is appended. */
#define KUNIT_EXPECT_TRUE(test, c)		KUNIT_EXPECT_TRUE_MSG(test, c, NULL)
#define KUNIT_EXPECT_FALSE(test, c)		KUNIT_EXPECT_FALSE_MSG(test, c, NULL)
#define KUNIT_EXPECT_EQ(test, l, r)		KUNIT_EXPECT_EQ_MSG(test, l, r, NULL)
#define KUNIT_EXPECT_NE(test, l, r)		KUNIT_EXPECT_NE_MSG(test, l, r, NULL)
#define KUNIT_EXPECT_LT(test, l, r)		KUNIT_EXPECT_LT_MSG(test, l, r, NULL)
#define KUNIT_EXPECT_LE(test, l, r)		KUNIT_EXPECT_LE_MSG(test, l, r, NULL)
#define KUNIT_EXPECT_GT(test, l, r)		KUNIT_EXPECT_GT_MSG(test, l, r, NULL)
#define KUNIT_EXPECT_GE(test, l, r)		KUNIT_EXPECT_GE_MSG(test, l, r, NULL)
#define KUNIT_EXPECT_PTR_EQ(test, l, r)		KUNIT_EXPECT_PTR_EQ_MSG(test, l, r, NULL)
#define KUNIT_EXPECT_PTR_NE(test, l, r)		KUNIT_EXPECT_PTR_NE_MSG(test, l, r, NULL)
#define KUNIT_EXPECT_NULL(test, p)		KUNIT_EXPECT_NULL_MSG(test, p, NULL)
#define KUNIT_EXPECT_NOT_NULL(test, p)		KUNIT_EXPECT_NOT_NULL_MSG(test, p, NULL)
#define KUNIT_EXPECT_NOT_ERR_OR_NULL(test, p)	KUNIT_EXPECT_NOT_ERR_OR_NULL_MSG(test, p, NULL)
#define KUNIT_EXPECT_STREQ(test, l, r)		KUNIT_EXPECT_STREQ_MSG(test, l, r, NULL)
#define KUNIT_EXPECT_STRNEQ(test, l, r)		KUNIT_EXPECT_STRNEQ_MSG(test, l, r, NULL)
#define KUNIT_EXPECT_MEMEQ(test, l, r, n)	KUNIT_EXPECT_MEMEQ_MSG(test, l, r, n, NULL)
#define KUNIT_EXPECT_MEMNEQ(test, l, r, n)	KUNIT_EXPECT_MEMNEQ_MSG(test, l, r, n, NULL)

#define KUNIT_ASSERT_TRUE(test, c)		KUNIT_ASSERT_TRUE_MSG(test, c, NULL)
#define KUNIT_ASSERT_FALSE(test, c)		KUNIT_ASSERT_FALSE_MSG(test, c, NULL)
#define KUNIT_ASSERT_EQ(test, l, r)		KUNIT_ASSERT_EQ_MSG(test, l, r, NULL)
#define KUNIT_ASSERT_NE(test, l, r)		KUNIT_ASSERT_NE_MSG(test, l, r, NULL)
#define KUNIT_ASSERT_LT(test, l, r)		KUNIT_ASSERT_LT_MSG(test, l, r, NULL)
#define KUNIT_ASSERT_LE(test, l, r)		KUNIT_ASSERT_LE_MSG(test, l, r, NULL)
#define KUNIT_ASSERT_GT(test, l, r)		KUNIT_ASSERT_GT_MSG(test, l, r, NULL)
#define KUNIT_ASSERT_GE(test, l, r)		KUNIT_ASSERT_GE_MSG(test, l, r, NULL)
#define KUNIT_ASSERT_PTR_EQ(test, l, r)		KUNIT_ASSERT_PTR_EQ_MSG(test, l, r, NULL)
#define KUNIT_ASSERT_PTR_NE(test, l, r)		KUNIT_ASSERT_PTR_NE_MSG(test, l, r, NULL)
#define KUNIT_ASSERT_NULL(test, p)		KUNIT_ASSERT_NULL_MSG(test, p, NULL)
#define KUNIT_ASSERT_NOT_NULL(test, p)		KUNIT_ASSERT_NOT_NULL_MSG(test, p, NULL)
#define KUNIT_ASSERT_NOT_ERR_OR_NULL(test, p)	KUNIT_ASSERT_NOT_ERR_OR_NULL_MSG(test, p, NULL)
#define KUNIT_ASSERT_STREQ(test, l, r)		KUNIT_ASSERT_STREQ_MSG(test, l, r, NULL)
#define KUNIT_ASSERT_STRNEQ(test, l, r)		KUNIT_ASSERT_STRNEQ_MSG(test, l, r, NULL)
#define KUNIT_ASSERT_MEMEQ(test, l, r, n)	KUNIT_ASSERT_MEMEQ_MSG(test, l, r, n, NULL)
#define KUNIT_ASSERT_MEMNEQ(test, l, r, n)	KUNIT_ASSERT_MEMNEQ_MSG(test, l, r, n, NULL)

#endif /* _KUNIT_TEST_H */
