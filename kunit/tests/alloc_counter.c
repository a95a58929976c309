// SPDX-License-Identifier: BSD-3-Clause
/*
 * Test helper (hosted): counts live kmalloc-family allocations by wrapping
 * the allocator at link time (-Wl,--wrap=...), and fails any case that
 * ends with more live allocations than it started with. It exercises the
 * case-hook API the way the mock kernel's leak checker will.
 */
#include <stddef.h>

#include <kunit/case-hooks.h>
#include <kunit/test-bug.h>

#define ZERO_OR_NULL(p)	((unsigned long)(p) <= 16UL)

void *__real_kmalloc(size_t size, unsigned int flags);
void *__real_krealloc(const void *p, size_t size, unsigned int flags);
void __real_kfree(const void *p);
void __real_kfree_sensitive(const void *p);
void __real_kfree_const(const void *p);
char *__real_kstrdup(const char *s, unsigned int gfp);
char *__real_kstrndup(const char *s, size_t max, unsigned int gfp);
void *__real_kmemdup(const void *src, size_t len, unsigned int gfp);
const char *__real_kstrdup_const(const char *s, unsigned int gfp);

void *__wrap_kmalloc(size_t size, unsigned int flags);
void *__wrap_krealloc(const void *p, size_t size, unsigned int flags);
void __wrap_kfree(const void *p);
void __wrap_kfree_sensitive(const void *p);
void __wrap_kfree_const(const void *p);
char *__wrap_kstrdup(const char *s, unsigned int gfp);
char *__wrap_kstrndup(const char *s, size_t max, unsigned int gfp);
void *__wrap_kmemdup(const void *src, size_t len, unsigned int gfp);
const char *__wrap_kstrdup_const(const char *s, unsigned int gfp);

static long live;		/* allocations not yet freed */
static long live_at_start;	/* value of live when the case began */

static const void *counted(const void *p)
{
	if (!ZERO_OR_NULL(p))
		live++;
	return p;
}

static void uncount(const void *p)
{
	if (!ZERO_OR_NULL(p))
		live--;
}

void *__wrap_kmalloc(size_t size, unsigned int flags)
{
	return (void *)counted(__real_kmalloc(size, flags));
}

void *__wrap_krealloc(const void *p, size_t size, unsigned int flags)
{
	void *q = __real_krealloc(p, size, flags);

	if (ZERO_OR_NULL(p))
		counted(q);
	else if (!size)
		uncount(p);
	return q;
}

void __wrap_kfree(const void *p)
{
	uncount(p);
	__real_kfree(p);
}

void __wrap_kfree_sensitive(const void *p)
{
	uncount(p);
	__real_kfree_sensitive(p);
}

void __wrap_kfree_const(const void *p)
{
	uncount(p);
	__real_kfree_const(p);
}

char *__wrap_kstrdup(const char *s, unsigned int gfp)
{
	return (char *)counted(__real_kstrdup(s, gfp));
}

char *__wrap_kstrndup(const char *s, size_t max, unsigned int gfp)
{
	return (char *)counted(__real_kstrndup(s, max, gfp));
}

void *__wrap_kmemdup(const void *src, size_t len, unsigned int gfp)
{
	return (void *)counted(__real_kmemdup(src, len, gfp));
}

const char *__wrap_kstrdup_const(const char *s, unsigned int gfp)
{
	return counted(__real_kstrdup_const(s, gfp));
}

static void leak_check_before(struct kunit *test)
{
	live_at_start = live;
}

static void leak_check_after(struct kunit *test)
{
	if (live != live_at_start)
		kunit_fail_current_test("%ld kmalloc allocation(s) not freed", live - live_at_start);
}

static struct kunit_case_hooks leak_check = {
	.name = "kmalloc-leak-check",
	.before_case = leak_check_before,
	.after_case = leak_check_after,
};

__attribute__((constructor)) static void leak_check_register(void)
{
	kunit_register_case_hooks(&leak_check);
}
