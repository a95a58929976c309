// SPDX-License-Identifier: BSD-3-Clause
/* Registered per-case hooks: before_case in order, after_case in reverse. */
#include <kunit/case-hooks.h>

#include "internal.h"

static struct kunit_case_hooks *hooks_head;

void kunit_register_case_hooks(struct kunit_case_hooks *hooks)
{
	struct kunit_case_hooks **pp = &hooks_head;

	for (; *pp; pp = &(*pp)->next)
		if (*pp == hooks)
			return;
	hooks->next = NULL;
	*pp = hooks;
}

void kunit_unregister_case_hooks(struct kunit_case_hooks *hooks)
{
	for (struct kunit_case_hooks **pp = &hooks_head; *pp; pp = &(*pp)->next) {
		if (*pp == hooks) {
			*pp = hooks->next;
			hooks->next = NULL;
			return;
		}
	}
}

static void call_before(struct kunit *test, void *arg)
{
	((struct kunit_case_hooks *)arg)->before_case(test);
}

static void call_after(struct kunit *test, void *arg)
{
	((struct kunit_case_hooks *)arg)->after_case(test);
}

/* A hook that aborts (kunit_abort_current_test) only ends its own call. */
void kunit_hooks_before_case(struct kunit *test)
{
	for (struct kunit_case_hooks *h = hooks_head; h; h = h->next)
		if (h->before_case)
			kunit_try(test, call_before, h);
}

static void after_from(struct kunit *test, struct kunit_case_hooks *h)
{
	if (!h)
		return;
	after_from(test, h->next);
	if (h->after_case)
		kunit_try(test, call_after, h);
}

void kunit_hooks_after_case(struct kunit *test)
{
	after_from(test, hooks_head);
}
