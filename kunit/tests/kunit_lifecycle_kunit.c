// SPDX-License-Identifier: BSD-3-Clause
/*
 * Order of a case's life: case hooks, init, the case, exit, deferred
 * actions newest first, after-case hooks; suite_init before all cases.
 * Each step appends a letter to a log that the after_case hook checks.
 */
#include <kunit/case-hooks.h>
#include <kunit/test.h>

static char order[16];
static bool suite_init_ran;

static void note(char step)
{
	size_t len = strlen(order);

	if (len + 1 < sizeof(order)) {
		order[len] = step;
		order[len + 1] = '\0';
	}
}

static void note_action(void *step)
{
	note(*(const char *)step);
}

static bool is_lifecycle(const struct kunit *test)
{
	return test->suite && !strcmp(test->suite->name, "kunit_lifecycle");
}

static void hook_before(struct kunit *test)
{
	if (!is_lifecycle(test))
		return;
	order[0] = '\0';
	note('b');
}

static void hook_after(struct kunit *test)
{
	const char *want = kunit_case_data(test);

	if (!is_lifecycle(test))
		return;
	if (strcmp(order, want))
		kunit_fail_current_test("steps ran as \"%s\", expected \"%s\"", order, want);
}

static struct kunit_case_hooks lifecycle_hooks = {
	.name = "kunit_lifecycle",
	.before_case = hook_before,
	.after_case = hook_after,
};

static int lifecycle_suite_init(struct kunit_suite *suite)
{
	suite_init_ran = true;
	kunit_register_case_hooks(&lifecycle_hooks);
	return 0;
}

static void lifecycle_suite_exit(struct kunit_suite *suite)
{
	kunit_unregister_case_hooks(&lifecycle_hooks);
}

static int lifecycle_init(struct kunit *test)
{
	note('i');
	test->priv = order;
	return 0;
}

static void lifecycle_exit(struct kunit *test)
{
	note('e');
}

static void steps_run_in_order(struct kunit *test)
{
	static const char one = '1', two = '2';

	KUNIT_EXPECT_TRUE(test, suite_init_ran);
	KUNIT_EXPECT_PTR_EQ(test, test->priv, (void *)order);
	note('c');
	KUNIT_ASSERT_EQ(test, kunit_add_action(test, note_action, (void *)&one), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action(test, note_action, (void *)&two), 0);
}

static void removed_action_does_not_run(struct kunit *test)
{
	static const char one = '1', two = '2';

	note('c');
	KUNIT_ASSERT_EQ(test, kunit_add_action(test, note_action, (void *)&one), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action(test, note_action, (void *)&two), 0);
	kunit_remove_action(test, note_action, (void *)&two);
}

static void released_action_runs_at_once(struct kunit *test)
{
	static const char one = '1', two = '2';

	KUNIT_ASSERT_EQ(test, kunit_add_action(test, note_action, (void *)&one), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action(test, note_action, (void *)&two), 0);
	kunit_release_action(test, note_action, (void *)&one);
	note('c');
}

static void note_x(const char *unused)
{
	note('x');
}

KUNIT_DEFINE_ACTION_WRAPPER(note_x_action, note_x, const char *);

static void wrapper_and_or_reset(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, note_x_action, NULL), 0);
	note('c');
}

static void skip_still_runs_exit_and_actions(struct kunit *test)
{
	static const char one = '1';

	KUNIT_ASSERT_EQ(test, kunit_add_action(test, note_action, (void *)&one), 0);
	kunit_skip(test, "checking cleanup after an abort");
}

/* Expected step logs ride in kunit_case.data, the runtime-case context. */
static struct kunit_case kunit_lifecycle_cases[] = {
	{ .run_case = steps_run_in_order, .name = "steps_run_in_order", .data = "bice21" },
	{ .run_case = removed_action_does_not_run, .name = "removed_action_does_not_run",
	  .data = "bice1" },
	{ .run_case = released_action_runs_at_once, .name = "released_action_runs_at_once",
	  .data = "bi1ce2" },
	{ .run_case = wrapper_and_or_reset, .name = "wrapper_and_or_reset", .data = "bicex" },
	{ .run_case = skip_still_runs_exit_and_actions,
	  .name = "skip_still_runs_exit_and_actions", .data = "bie1" },
	{}
};

static struct kunit_suite kunit_lifecycle_suite = {
	.name = "kunit_lifecycle",
	.suite_init = lifecycle_suite_init,
	.suite_exit = lifecycle_suite_exit,
	.init = lifecycle_init,
	.exit = lifecycle_exit,
	.test_cases = kunit_lifecycle_cases,
};

kunit_test_suite(kunit_lifecycle_suite);
