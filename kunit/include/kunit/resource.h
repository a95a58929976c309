/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Deferred actions (Linux 6.12 include/kunit/resource.h, action part): run
 * in LIFO order when the case ends, after the suite's exit(), also when the
 * case was aborted by a failed assertion or kunit_skip(). Hosted-safe.
 * The older kunit_resource API is not provided.
 */
#ifndef _KUNIT_RESOURCE_H
#define _KUNIT_RESOURCE_H

#include <kunit/test-types.h>

typedef void (kunit_action_t)(void *);

/* Defer action(ctx) to the end of the case; 0, or -ENOMEM. */
int kunit_add_action(struct kunit *test, kunit_action_t *action, void *ctx);

/* As kunit_add_action(), but on failure run action(ctx) at once. */
int kunit_add_action_or_reset(struct kunit *test, kunit_action_t *action, void *ctx);

/* Cancel the newest deferred action(ctx) without running it. */
void kunit_remove_action(struct kunit *test, kunit_action_t *action, void *ctx);

/* Run the newest deferred action(ctx) now and cancel it. */
void kunit_release_action(struct kunit *test, kunit_action_t *action, void *ctx);

/* Run all deferred actions now, newest first (the runner does this at case end). */
void kunit_cleanup(struct kunit *test);

/* Define wrapper(void *) calling orig(arg_type): avoids casting function pointers. */
#define KUNIT_DEFINE_ACTION_WRAPPER(wrapper, orig, arg_type)		\
	static void wrapper(void *in)					\
	{								\
		orig((arg_type)in);					\
	}

#endif /* _KUNIT_RESOURCE_H */
