// SPDX-License-Identifier: BSD-3-Clause
/*
 * Running suites and printing the KTAP document, in the shape
 * lib/kunit/test.c and executor.c print (Linux 6.12):
 *
 * KTAP version 1
 * 1..<suites>
 *     KTAP version 1
 *     # Subtest: <suite>
 *     1..<cases>
 *     ok 1 <case>
 *         KTAP version 1                 (parameterised case: no plan)
 *         # Subtest: <case>
 *         ok 1 <param description>
 *     # <case>: pass:1 fail:0 skip:0 total:1   (only when total > 1)
 *     ok 2 <case>
 * # <suite>: pass:2 fail:0 skip:0 total:2      (only when total > 1)
 * # Totals: pass:2 fail:0 skip:0 total:2       (only when total > 1)
 * ok 1 <suite>
 *
 * followed, after the document, by the line "N passed, N failed, N skipped".
 * Added: a "# <case>.duration: S.NNNNNNs" diagnostic before each case result,
 * in the form of the kernel's "# <case>.speed: slow" attribute lines; the
 * header lines right after the first version line and the known-failure
 * diagnostics of known.c.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "internal.h"

struct kunit_stats {
	unsigned long passed, failed, skipped, total;
};

struct run_ctx {
	const struct kunit_run_options *opts;
	unsigned int timeout_s;
	struct kunit *test;		/* shared with the children */
};

static void stats_add(struct kunit_stats *s, enum kunit_status status)
{
	if (status == KUNIT_SUCCESS)
		s->passed++;
	else if (status == KUNIT_SKIPPED)
		s->skipped++;
	else
		s->failed++;
	s->total++;
}

static void stats_accumulate(struct kunit_stats *total, const struct kunit_stats *add)
{
	total->passed += add->passed;
	total->failed += add->failed;
	total->skipped += add->skipped;
	total->total += add->total;
}

/* Stats lines appear only for more than one subtest (kunit.stats_enabled=1). */
static void print_stats(const char *indent, const char *name, const struct kunit_stats *s)
{
	if (s->total > 1)
		kunit_out("%s# %s: pass:%lu fail:%lu skip:%lu total:%lu", indent, name,
			  s->passed, s->failed, s->skipped, s->total);
}

static void print_result(const char *indent, enum kunit_status status, size_t number,
			 const char *name, const char *comment)
{
	kunit_out("%s%s %zu %s%s%s", indent, status == KUNIT_FAILURE ? "not ok" : "ok",
		  number, name, status == KUNIT_SKIPPED ? " # SKIP " : "",
		  status == KUNIT_SKIPPED ? comment : "");
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Run one case or parameter; the outcome is left in ctx->test. */
static void run_once(struct run_ctx *ctx, struct kunit_suite *suite, struct kunit_case *c,
		     const void *param_value, int param_index)
{
	struct kunit *test = ctx->test;

	memset(test, 0, sizeof(*test));
	test->name = c->name;
	test->param_value = param_value;
	test->param_index = param_index;
	test->status = KUNIT_SUCCESS;
	test->suite = suite;
	test->test_case = c;

	if (ctx->opts->no_fork)
		kunit_exec_case(test);
	else
		kunit_exec_case_isolated(test, ctx->timeout_s);
}

/* Fold one run into the case status: failure > success > skipped. */
static void case_status_add(struct kunit_case *c, enum kunit_status status)
{
	if (status == KUNIT_FAILURE)
		c->status = KUNIT_FAILURE;
	else if (status == KUNIT_SUCCESS && c->status != KUNIT_FAILURE)
		c->status = KUNIT_SUCCESS;
}

static void leaf_known(const char *indent, const struct kunit_suite *suite,
		       const struct kunit_case *c, const char *param, enum kunit_status status,
		       bool leaf)
{
	char name[KUNIT_SUITE_NAME_SIZE + 2 * KUNIT_PARAM_DESC_SIZE + 4];

	snprintf(name, sizeof(name), "%s.%s%s%s", suite->name, c->name, param ? "." : "",
		 param ? param : "");
	kunit_known_result(indent, name, status, leaf);
}

static void run_params(struct run_ctx *ctx, struct kunit_suite *suite, struct kunit_case *c,
		       struct kunit_stats *param_stats)
{
	char desc[KUNIT_PARAM_DESC_SIZE];
	const void *param;
	int index = 0;

	kunit_out(KUNIT_SUBSUBTEST_INDENT "KTAP version 1");
	kunit_out(KUNIT_SUBSUBTEST_INDENT "# Subtest: %s", c->name);

	desc[0] = '\0';
	param = c->generate_params(NULL, desc);
	while (param) {
		run_once(ctx, suite, c, param, index);
		if (desc[0] == '\0')
			snprintf(desc, sizeof(desc), "param-%d", index);
		leaf_known(KUNIT_SUBSUBTEST_INDENT, suite, c, desc, ctx->test->status, true);
		print_result(KUNIT_SUBSUBTEST_INDENT, ctx->test->status, (size_t)index + 1,
			     desc, ctx->test->status_comment);
		stats_add(param_stats, ctx->test->status);
		case_status_add(c, ctx->test->status);

		desc[0] = '\0';
		param = c->generate_params(param, desc);
		index++;
	}
}

static void run_case(struct run_ctx *ctx, struct kunit_suite *suite, struct kunit_case *c,
		     size_t number, struct kunit_stats *suite_stats,
		     struct kunit_stats *total_stats)
{
	struct kunit_stats param_stats = { 0 };
	const char *comment = "";
	double start = now_s();

	c->status = KUNIT_SKIPPED;
	if (!c->generate_params) {
		run_once(ctx, suite, c, NULL, 0);
		c->status = ctx->test->status;
		comment = ctx->test->status_comment;
		stats_add(&param_stats, c->status);
	} else {
		run_params(ctx, suite, c, &param_stats);
	}

	if (c->attr.speed == KUNIT_SPEED_SLOW || c->attr.speed == KUNIT_SPEED_VERY_SLOW)
		kunit_out(KUNIT_SUBTEST_INDENT "# %s.speed: %s", c->name,
			  c->attr.speed == KUNIT_SPEED_SLOW ? "slow" : "very_slow");
	kunit_out(KUNIT_SUBTEST_INDENT "# %s.duration: %.6fs", c->name, now_s() - start);
	print_stats(KUNIT_SUBTEST_INDENT, c->name, &param_stats);
	leaf_known(KUNIT_SUBTEST_INDENT, suite, c, NULL, c->status, !c->generate_params);
	print_result(KUNIT_SUBTEST_INDENT, c->status, number, c->name, comment);

	stats_add(suite_stats, c->status);
	stats_accumulate(total_stats, &param_stats);
}

/* Suite status as kunit_suite_has_succeeded(): failure > success > skipped. */
static enum kunit_status suite_status(const struct kunit_suite *suite)
{
	enum kunit_status status = KUNIT_SKIPPED;
	const struct kunit_case *c;

	if (suite->suite_init_err)
		return KUNIT_FAILURE;
	kunit_suite_for_each_test_case(suite, c) {
		if (c->status == KUNIT_FAILURE)
			return KUNIT_FAILURE;
		if (c->status == KUNIT_SUCCESS)
			status = KUNIT_SUCCESS;
	}
	return status;
}

static void run_suite(struct run_ctx *ctx, struct kunit_suite *suite, size_t number,
		      struct kunit_stats *leaves)
{
	struct kunit_stats suite_stats = { 0 }, total_stats = { 0 };
	struct kunit_case *c;
	size_t nr_cases = 0, i = 0;

	suite->status_comment[0] = '\0';
	suite->suite_init_err = 0;
	if (suite->suite_init) {
		suite->suite_init_err = suite->suite_init(suite);
		if (suite->suite_init_err) {
			/* The suite becomes a leaf: no header, one failed result. */
			kunit_out(KUNIT_SUBTEST_INDENT "# %s: failed to initialize (%d)",
				  suite->name, suite->suite_init_err);
			print_result("", KUNIT_FAILURE, number, suite->name, "");
			leaves->failed++;
			leaves->total++;
			return;
		}
	}
	suite->is_init = true;

	kunit_suite_for_each_test_case(suite, c)
		nr_cases++;
	kunit_out(KUNIT_SUBTEST_INDENT "KTAP version 1");
	kunit_out(KUNIT_SUBTEST_INDENT "# Subtest: %s", suite->name);
	kunit_out(KUNIT_SUBTEST_INDENT "1..%zu", nr_cases);

	kunit_suite_for_each_test_case(suite, c)
		run_case(ctx, suite, c, ++i, &suite_stats, &total_stats);

	if (suite->suite_exit)
		suite->suite_exit(suite);

	print_stats("", suite->name, &suite_stats);
	if (total_stats.total > 1)
		kunit_out("# Totals: pass:%lu fail:%lu skip:%lu total:%lu", total_stats.passed,
			  total_stats.failed, total_stats.skipped, total_stats.total);
	print_result("", suite_status(suite), number, suite->name, suite->status_comment);
	stats_accumulate(leaves, &total_stats);
}

static void list_suites(struct kunit_suite **suites, size_t nr)
{
	const struct kunit_case *c;

	/* As kunit.action=list: a version line so kunit.py finds the start. */
	kunit_out("KTAP version 1");
	for (size_t i = 0; i < nr; i++) {
		kunit_out("%s", suites[i]->name);
		kunit_suite_for_each_test_case(suites[i], c)
			kunit_out("%s.%s", suites[i]->name, c->name);
	}
}

int kunit_run_suites(struct kunit_suite *const *suites, size_t nr,
		     const struct kunit_run_options *opts, struct kunit_run_result *result)
{
	static const struct kunit_run_options defaults;
	struct kunit_stats leaves = { 0 };
	struct kunit_suite **selected;
	struct run_ctx ctx = { 0 };
	struct sigaction old_chld, dfl = { .sa_handler = SIG_DFL };
	size_t nr_selected;

	if (!opts)
		opts = &defaults;
	ctx.opts = opts;
	ctx.timeout_s = opts->timeout_s ? opts->timeout_s : KUNIT_DEFAULT_TIMEOUT_S;

	/* Line-buffered, and every line is flushed anyway (see ktap.c). */
	setvbuf(stdout, NULL, _IOLBF, 0);

	selected = kunit_select_suites(suites, nr, opts, &nr_selected);
	if (!selected)
		return 1;
	if (opts->list_only) {
		list_suites(selected, nr_selected);
		kunit_free_suite_copies(selected, nr_selected);
		return 0;
	}

	ctx.test = kunit_shared_test_alloc();
	if (!ctx.test) {
		fprintf(stderr, "kunit: cannot map the shared test page\n");
		kunit_free_suite_copies(selected, nr_selected);
		return 1;
	}
	/* waitpid() needs SIGCHLD not ignored. */
	sigaction(SIGCHLD, &dfl, &old_chld);

	kunit_out("KTAP version 1");
	kunit_print_header();
	kunit_out("1..%zu", nr_selected);
	for (size_t i = 0; i < nr_selected; i++)
		run_suite(&ctx, selected[i], i + 1, &leaves);
	kunit_known_summary(leaves.failed);
	kunit_out("%lu passed, %lu failed, %lu skipped", leaves.passed, leaves.failed,
		  leaves.skipped);

	sigaction(SIGCHLD, &old_chld, NULL);
	kunit_shared_test_free(ctx.test);
	kunit_free_suite_copies(selected, nr_selected);

	if (result) {
		result->passed = (unsigned int)leaves.passed;
		result->failed = (unsigned int)leaves.failed;
		result->skipped = (unsigned int)leaves.skipped;
		result->known_failed = (unsigned int)kunit_known_failed();
	}
	if (!leaves.total)
		fprintf(stderr, "kunit: no tests ran\n");
	return leaves.failed || !leaves.total ? 1 : 0;
}
