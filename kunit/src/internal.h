/* SPDX-License-Identifier: BSD-3-Clause */
/* Runner internals shared by the files of kunit/src (hosted C). */
#ifndef KUNIT_SRC_INTERNAL_H
#define KUNIT_SRC_INTERNAL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include <kunit/assert.h>
#include <kunit/resource.h>
#include <kunit/runner.h>
#include <kunit/test-types.h>

/* State of the case running in this process (struct kunit.runtime). */
struct kunit_runtime {
	jmp_buf *abort_env;		/* where __kunit_abort() jumps; NULL: none */
	struct kunit_stub *stubs;	/* active static stubs */
};

struct kunit_stub {
	void *real;
	void *replacement;
	struct kunit_stub *next;
};

/* ---- output (ktap.c) ---- */
/* Print one or more whole lines on stdout (newline added if missing), flushed. */
void kunit_out(const char *fmt, ...) __attribute__((__format__(printf, 1, 2)));
void kunit_vout(const char *fmt, va_list ap) __attribute__((__format__(printf, 1, 0)));
/*
 * While a capture is on, every line printed is also appended to buf (cap
 * bytes, NUL-terminated, cut when full): a case's diagnostics for the
 * JUnit report.  buf may be shared with a forked child.
 */
void kunit_capture_begin(char *buf, size_t cap);
void kunit_capture_end(void);
/* Print "    # <test name>: <text>" (text may span lines). */
void kunit_out_test_diag(const struct kunit *test, const char *fmt, ...)
	__attribute__((__format__(printf, 2, 3)));

/* ---- header lines and known failures (known.c) ---- */
void kunit_print_header(void);
/* Before the result line of test `name`: the known-failure diagnostic, if listed. */
void kunit_known_result(const char *indent, const char *name, enum kunit_status status,
			bool leaf);
/* The "# Known failures: ..." line (nothing when none is listed). */
void kunit_known_summary(unsigned long failed);
unsigned long kunit_known_failed(void);

/* ---- current test and aborts (current.c) ---- */
void kunit_set_current_test(struct kunit *test);
/* Run fn(test, arg); false when it left through __kunit_abort(). */
bool kunit_try(struct kunit *test, void (*fn)(struct kunit *, void *), void *arg);
void kunit_set_failure(struct kunit *test);

/* ---- case hooks (case_hooks.c) ---- */
void kunit_hooks_before_case(struct kunit *test);
void kunit_hooks_after_case(struct kunit *test);

/* ---- static stubs (static_stub.c) ---- */
void kunit_stubs_clear(struct kunit *test);

/* ---- one case, in the current process (case_exec.c) ---- */
void kunit_exec_case(struct kunit *test);

/* ---- isolation (isolate.c) ---- */
/*
 * Run kunit_exec_case(test) in a forked child with a timeout; test must be
 * in memory shared with the child (kunit_shared_test_alloc()). Prints the
 * fault diagnostic and marks test failed when the child did not finish.
 */
void kunit_exec_case_isolated(struct kunit *test, unsigned int timeout_s);
struct kunit *kunit_shared_test_alloc(void);
/* A buffer next to `test` in the shared page, for kunit_capture_begin(). */
char *kunit_shared_log(struct kunit *test, size_t *cap);
void kunit_shared_test_free(struct kunit *test);

/* ---- suite selection (filter.c) ---- */
/*
 * Copies of the suites (and case arrays) that opts selects; suites with no
 * selected case are left out. Free with kunit_free_suite_copies().
 */
struct kunit_suite **kunit_select_suites(struct kunit_suite *const *suites, size_t nr,
					 const struct kunit_run_options *opts,
					 size_t *nr_selected);
void kunit_free_suite_copies(struct kunit_suite **suites, size_t nr);

/* ---- the mock kernel's allocator (linux/slab.h), used for managed memory ---- */
void *kmalloc(size_t size, unsigned int flags);
void kfree(const void *objp);

#endif /* KUNIT_SRC_INTERNAL_H */
