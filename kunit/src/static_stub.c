// SPDX-License-Identifier: BSD-3-Clause
/* Static stubs: a per-test table from real function to replacement. */
#include <stdio.h>
#include <stdlib.h>

#include <kunit/static_stub.h>

#include "internal.h"

static struct kunit_stub **find(struct kunit *test, void *real)
{
	struct kunit_stub **pp = &test->runtime->stubs;

	while (*pp && (*pp)->real != real)
		pp = &(*pp)->next;
	return pp;
}

void *__kunit_get_static_stub_address(struct kunit *test, void *real_fn_addr)
{
	struct kunit_stub *stub;

	if (!test->runtime)
		return NULL;
	stub = *find(test, real_fn_addr);
	return stub ? stub->replacement : NULL;
}

void __kunit_activate_static_stub(struct kunit *test, void *real_fn_addr,
				  void *replacement_addr)
{
	struct kunit_stub **pp, *stub;

	if (!test->runtime) {
		fprintf(stderr, "kunit: static stub activated outside a running case\n");
		return;
	}
	if (!replacement_addr) {
		kunit_deactivate_static_stub(test, real_fn_addr);
		return;
	}
	pp = find(test, real_fn_addr);
	if (*pp) {
		(*pp)->replacement = replacement_addr;
		return;
	}
	stub = malloc(sizeof(*stub));
	if (!stub) {
		kunit_set_failure(test);
		kunit_out_test_diag(test, "out of memory activating a static stub");
		return;
	}
	stub->real = real_fn_addr;
	stub->replacement = replacement_addr;
	stub->next = NULL;
	*pp = stub;
}

void kunit_deactivate_static_stub(struct kunit *test, void *real_fn_addr)
{
	struct kunit_stub **pp, *stub;

	if (!test->runtime)
		return;
	pp = find(test, real_fn_addr);
	stub = *pp;
	if (!stub)
		return;
	*pp = stub->next;
	free(stub);
}

void kunit_stubs_clear(struct kunit *test)
{
	while (test->runtime->stubs) {
		struct kunit_stub *stub = test->runtime->stubs;

		test->runtime->stubs = stub->next;
		free(stub);
	}
}
