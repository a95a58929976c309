// SPDX-License-Identifier: BSD-3-Clause
/*
 * Deferred actions (a LIFO stack per test) and the managed allocations
 * built on them. Managed memory comes from the mock kernel's kmalloc(), so
 * it lives where kernel allocations live.
 */
#include <errno.h>
#include <stdlib.h>

#include "internal.h"

struct kunit_action_entry {
	kunit_action_t *action;
	void *ctx;
	struct kunit_action_entry *next;
};

int kunit_add_action(struct kunit *test, kunit_action_t *action, void *ctx)
{
	struct kunit_action_entry *e = malloc(sizeof(*e));

	if (!e)
		return -ENOMEM;
	e->action = action;
	e->ctx = ctx;
	e->next = test->actions;
	test->actions = e;
	return 0;
}

int kunit_add_action_or_reset(struct kunit *test, kunit_action_t *action, void *ctx)
{
	int ret = kunit_add_action(test, action, ctx);

	if (ret)
		action(ctx);
	return ret;
}

/* Unlink and return the newest entry for (action, ctx), or NULL. */
static struct kunit_action_entry *take_action(struct kunit *test, kunit_action_t *action,
					       void *ctx)
{
	for (struct kunit_action_entry **pp = &test->actions; *pp; pp = &(*pp)->next) {
		struct kunit_action_entry *e = *pp;

		if (e->action == action && e->ctx == ctx) {
			*pp = e->next;
			return e;
		}
	}
	return NULL;
}

void kunit_remove_action(struct kunit *test, kunit_action_t *action, void *ctx)
{
	free(take_action(test, action, ctx));
}

void kunit_release_action(struct kunit *test, kunit_action_t *action, void *ctx)
{
	struct kunit_action_entry *e = take_action(test, action, ctx);

	if (!e)
		return;
	free(e);
	action(ctx);
}

void kunit_cleanup(struct kunit *test)
{
	/* Unlink before running, so an action that aborts is not run twice. */
	while (test->actions) {
		struct kunit_action_entry *e = test->actions;
		kunit_action_t *action = e->action;
		void *ctx = e->ctx;

		test->actions = e->next;
		free(e);
		action(ctx);
	}
}

static void kfree_action(void *ptr)
{
	kfree(ptr);
}

void *kunit_kmalloc_array(struct kunit *test, size_t n, size_t size, unsigned int gfp)
{
	size_t bytes;
	void *p;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	p = kmalloc(bytes, gfp);
	if (!p)
		return NULL;
	if (kunit_add_action_or_reset(test, kfree_action, p))
		return NULL;
	return p;
}

void kunit_kfree(struct kunit *test, const void *ptr)
{
	if (!ptr)
		return;
	kunit_release_action(test, kfree_action, (void *)ptr);
}
