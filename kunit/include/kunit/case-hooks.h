/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * cca-double extension: per-case hooks for the rest of the harness (leak
 * checks, WARN_ON counters, fault reporters). Hosted-safe.
 *
 * For each case (and each parameter), in the process that runs it (the
 * forked child, or the runner with --no-fork):
 *
 *   before_case() of every registered hook, in registration order
 *   suite init(), the case, suite exit(), deferred actions
 *   after_case() of every registered hook, in reverse order
 *
 * after_case() sees the case's final state (test->status) and may fail it
 * with kunit_fail_current_test() (kunit_get_current_test() is the case during
 * both callbacks). A case that crashed or timed out gets no after_case().
 *
 * Register before the cases run: from a constructor, main(), or a suite's
 * suite_init() (it runs in the runner, before the cases are forked). The
 * struct must stay alive while registered; either callback may be NULL.
 */
#ifndef _KUNIT_CASE_HOOKS_H
#define _KUNIT_CASE_HOOKS_H

#include <kunit/test-types.h>

struct kunit_case_hooks {
	const char *name;
	void (*before_case)(struct kunit *test);
	void (*after_case)(struct kunit *test);

	/* private: linked by kunit_register_case_hooks(). */
	struct kunit_case_hooks *next;
};

/* Add hooks (no-op if already registered). */
void kunit_register_case_hooks(struct kunit_case_hooks *hooks);
/* Remove hooks (no-op if not registered). */
void kunit_unregister_case_hooks(struct kunit_case_hooks *hooks);

#endif /* _KUNIT_CASE_HOOKS_H */
