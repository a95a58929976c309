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
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <kunit/junit.h>

#include "internal.h"

struct kunit_stats {
	unsigned long passed, failed, skipped, total;
};

/* One leaf of the running suite for the JUnit report; strings malloc'ed. */
struct junit_leaf {
	struct junit_case c;
	char *name, *message, *text;
};

struct run_ctx {
	const struct kunit_run_options *opts;
	unsigned int timeout_s;
	struct kunit *test;		/* shared with the children */
	FILE *junit;			/* --junit: the report; NULL: none */
	struct junit_leaf *leaves;	/* the running suite's, for the report */
	size_t nleaves;
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

	if (ctx->junit) {
		size_t cap;
		char *log = kunit_shared_log(test, &cap);

		kunit_capture_begin(log, cap);
	}
	if (ctx->opts->no_fork)
		kunit_exec_case(test);
	else
		kunit_exec_case_isolated(test, ctx->timeout_s);
	kunit_capture_end();
}

/*
 * A leaf's result for the JUnit report: the lines the case printed,
 * unindented, as the failure's text, and the first of them without its
 * "# <case>: " as the message.
 */
static void junit_leaf(struct run_ctx *ctx, const struct kunit_suite *suite, const char *name,
		       enum kunit_status status, const char *comment, double seconds)
{
	size_t cap;
	const char *log;
	struct junit_leaf *l;
	char *text, *o;

	if (!ctx->junit)
		return;
	log = kunit_shared_log(ctx->test, &cap);
	l = realloc(ctx->leaves, (ctx->nleaves + 1) * sizeof(*l));
	text = malloc(strlen(log) + 1);
	if (!l || !text) {
		fprintf(stderr, "kunit: out of memory for the JUnit report\n");
		abort();
	}
	ctx->leaves = l;
	l = &l[ctx->nleaves++];
	memset(l, 0, sizeof(*l));
	for (o = text; *log;) {
		const char *nl = strchr(log, '\n');
		size_t len = nl ? (size_t)(nl - log) : strlen(log);

		while (len && *log == ' ') {
			log++;
			len--;
		}
		memcpy(o, log, len);
		o += len;
		*o++ = '\n';
		log += len + (nl != NULL);
	}
	*o = '\0';
	l->text = text;
	l->name = strdup(name);
	if (status == KUNIT_SKIPPED) {
		l->message = strdup(comment);
	} else if (status == KUNIT_FAILURE) {
		const char *m = text;
		size_t tlen = strlen(ctx->test->name);

		if (!strncmp(m, "# ", 2))
			m += 2;
		if (!strncmp(m, ctx->test->name, tlen) && !strncmp(m + tlen, ": ", 2))
			m += tlen + 2;
		l->message = strndup(m, strcspn(m, "\n"));
	}
	if (!l->name || (status != KUNIT_SUCCESS && !l->message))
		abort();
	l->c = (struct junit_case){
		.classname = suite->name, .name = l->name, .seconds = seconds,
		.result = status == KUNIT_FAILURE ? JUNIT_FAILED :
			  status == KUNIT_SKIPPED ? JUNIT_SKIPPED : JUNIT_PASSED,
		.message = l->message, .text = status == KUNIT_FAILURE ? l->text : NULL,
		.system_out = status == KUNIT_FAILURE ? NULL : l->text,
	};
}

/* The running suite's <testsuite>, then forget its leaves. */
static void junit_flush(struct run_ctx *ctx, const struct kunit_suite *suite)
{
	struct junit_case *cases;

	if (!ctx->junit)
		return;
	cases = calloc(ctx->nleaves + 1, sizeof(*cases));
	if (!cases)
		abort();
	for (size_t i = 0; i < ctx->nleaves; i++)
		cases[i] = ctx->leaves[i].c;
	junit_suite(ctx->junit, suite->name, NULL, 0, cases, ctx->nleaves);
	fflush(ctx->junit);	/* before the next fork: a child's exit() would write it again */
	for (size_t i = 0; i < ctx->nleaves; i++) {
		free(ctx->leaves[i].name);
		free(ctx->leaves[i].message);
		free(ctx->leaves[i].text);
	}
	free(cases);
	free(ctx->leaves);
	ctx->leaves = NULL;
	ctx->nleaves = 0;
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
		double start = now_s();
		char leaf[KUNIT_SUITE_NAME_SIZE + KUNIT_PARAM_DESC_SIZE + 2];

		run_once(ctx, suite, c, param, index);
		if (desc[0] == '\0')
			snprintf(desc, sizeof(desc), "param-%d", index);
		snprintf(leaf, sizeof(leaf), "%s.%s", c->name, desc);
		junit_leaf(ctx, suite, leaf, ctx->test->status, ctx->test->status_comment,
			   now_s() - start);
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
		junit_leaf(ctx, suite, c->name, c->status, comment, now_s() - start);
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
			if (ctx->junit) {
				char *log;
				size_t cap;

				log = kunit_shared_log(ctx->test, &cap);
				snprintf(log, cap, "# %s: failed to initialize (%d)", suite->name,
					 suite->suite_init_err);
				ctx->test->name = suite->name;
				junit_leaf(ctx, suite, suite->name, KUNIT_FAILURE, "", 0);
				junit_flush(ctx, suite);
			}
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
	junit_flush(ctx, suite);
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
	if (opts->junit_path) {
		ctx.junit = fopen(opts->junit_path, "w");
		if (!ctx.junit) {
			fprintf(stderr, "kunit: --junit %s: %s\n", opts->junit_path, strerror(errno));
			kunit_shared_test_free(ctx.test);
			kunit_free_suite_copies(selected, nr_selected);
			return 2;
		}
		junit_begin(ctx.junit, "KUnit");
		fflush(ctx.junit);
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
	if (ctx.junit) {
		junit_end(ctx.junit);
		if (fclose(ctx.junit)) {
			fprintf(stderr, "kunit: --junit %s: %s\n", opts->junit_path, strerror(errno));
			kunit_shared_test_free(ctx.test);
			kunit_free_suite_copies(selected, nr_selected);
			return 2;
		}
	}
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
