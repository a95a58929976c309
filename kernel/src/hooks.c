// SPDX-License-Identifier: BSD-3-Clause
/*
 * Per-case checks of the mock kernel (KUnit case hooks): before a case the
 * WARN counters reset; after it, a machine the case created is torn down
 * and the case fails on pages or kmalloc objects not freed, granules not
 * given back to NS (pages the host quarantined after RMI failures are
 * reported, not counted), or a WARN count other than the one it declared with
 * mock_warn_expect().  A machine attached by someone else (the scenario
 * runner) is theirs to judge.
 */
#include <stdio.h>

#include <kunit/case-hooks.h>
#include <kunit/test-bug.h>

#include "mock_internal.h"


static void before_case(struct kunit *test)
{
	(void)test;
	mock_warn_reset();
	mock_page_alloc_fail_from(0);
}

static void after_case(struct kunit *test)
{
	unsigned int warns = mock_warn_count(), expected = mock_warn_expected();
	struct mock_leaks l;

	(void)test;
	if (mock_machine_owned()) {
		mock_machine_leaks(&l, false);
		if (l.quarantined_pages)
			printf("    # %lu page(s) quarantined after RMI failures (%llu granule(s) the RMM keeps)\n",
			       l.quarantined_pages, l.quarantined_granules);
		if ((l.pages || l.objects || l.granules) && mock_leak_allowed()) {
			printf("    # leak report (leaks allowed by the test):\n");
			mock_machine_leaks(&l, true);
		} else if (l.pages || l.objects || l.granules) {
			printf("    # leak report:\n");
			mock_machine_leaks(&l, true);
			kunit_fail_current_test("leaked %lu page(s), %lu kmalloc object(s), %llu granule(s) not back to NS",
						l.pages, l.objects, l.granules);
		}
		mock_machine_teardown(NULL, false);
	}
	if (warns != expected)
		kunit_fail_current_test("%u WARN(s) in the host code, %u expected", warns, expected);
	else if (warns)
		printf("    # %u expected WARN(s)\n", warns);
	fflush(stdout);
}

static struct kunit_case_hooks mock_kernel_hooks = {
	.name = "mock-kernel",
	.before_case = before_case,
	.after_case = after_case,
};

void mock_kernel_register_kunit_hooks(void)
{
	kunit_register_case_hooks(&mock_kernel_hooks);
}

/*
 * Registered by the suites' binaries (kernel/tests) rather than a
 * constructor here: the scenario runner links this library too and judges
 * its own runs.
 */
