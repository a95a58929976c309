// SPDX-License-Identifier: BSD-3-Clause
/*
 * WARN reports carry a symbolized call trace (kernel/src/backtrace.c): the
 * function that WARNed, with its file:line, then its callers; at most 24
 * frames.  The report is captured (backtrace_capture.c) and read back, so
 * a trace of raw addresses, a wrong line or a missing frame fails here.
 */
#include <asm/bug.h>
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/sprintf.h>
#include <linux/string.h>

#include <cca-double/mock-kernel.h>

/* Hosted (backtrace_capture.c): stdout into a buffer while a report is printed. */
void backtrace_capture_begin(void);
const char *backtrace_capture_end(void);
/* The frames of the first "Call trace:" in `report`. */
unsigned int backtrace_frames(const char *report);
/* stdout to /dev/null and back; frames looked up so far. */
void backtrace_discard_begin(void);
void backtrace_discard_end(void);
unsigned long backtrace_frames_described(void);
/* mock_symbolize() of an address in code built without debug information. */
const char *backtrace_symbolize_nodebug(char *buf, size_t len);

static int warn_line;

static noinline void warn_here(void)
{
	warn_line = __LINE__ + 1;
	WARN_ON(warn_line > 0);
}

static noinline void warn_from_caller(void)
{
	warn_here();
	barrier();	/* a real frame: not a tail call */
}

static void warn_names_function_and_line(struct kunit *test)
{
	char want[128];
	const char *out;

	mock_warn_expect(1);
	backtrace_capture_begin();
	warn_from_caller();
	out = backtrace_capture_end();
	kunit_info(test, "report:\n%s", out);
	snprintf(want, sizeof(want), "backtrace_kunit.c:%d)", warn_line);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "Call trace:\n     warn_here+0x"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, want));
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "\n     warn_from_caller+0x"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "\n     warn_names_function_and_line+0x"));
}

static noinline int recurse_then_warn(int depth)
{
	int r;

	if (!depth) {
		WARN_ON(1);
		return 0;
	}
	r = recurse_then_warn(depth - 1);
	barrier();
	return r + 1;
}

static void trace_is_bounded(struct kunit *test)
{
	const char *out;

	mock_warn_expect(1);
	backtrace_capture_begin();
	KUNIT_EXPECT_EQ(test, recurse_then_warn(40), 40);
	out = backtrace_capture_end();
	KUNIT_EXPECT_EQ(test, backtrace_frames(out), 24u);
	/* The WARN sits in the part GCC moves out of line (recurse_then_warn.cold). */
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "Call trace:\n     recurse_then_warn"));
}

/* Code without debug information still gets function+0xoff. */
static void no_debug_info_degrades_to_symbols(struct kunit *test)
{
	char buf[256];
	const char *sym = backtrace_symbolize_nodebug(buf, sizeof(buf));

	kunit_info(test, "frame without -g: %s", sym);
	KUNIT_EXPECT_STREQ(test, sym, "backtrace_nodebug_function+0x1");
}

/* A report nobody reads (a quiet sweep run) looks nothing up; one that is read does. */
static void discarded_report_is_not_symbolized(struct kunit *test)
{
	unsigned long before = backtrace_frames_described();

	mock_warn_expect(2);
	backtrace_discard_begin();
	warn_from_caller();
	backtrace_discard_end();
	KUNIT_EXPECT_EQ(test, backtrace_frames_described(), before);
	backtrace_capture_begin();
	warn_from_caller();
	backtrace_capture_end();
	KUNIT_EXPECT_GT(test, backtrace_frames_described(), before + 3);
}

static unsigned int occurrences(const char *text, const char *what)
{
	unsigned int n = 0;

	for (const char *p = strstr(text, what); p; p = strstr(p + 1, what))
		n++;
	return n;
}

/* Host code WARNing in a loop: 16 reports in full, one line, then only the count. */
static void warn_flood_is_bounded(struct kunit *test)
{
	const char *out;

	mock_warn_expect(100);
	backtrace_capture_begin();
	for (int i = 0; i < 100; i++)
		WARN_ON(i >= 0);
	out = backtrace_capture_end();
	KUNIT_EXPECT_EQ(test, occurrences(out, "[ cut here ]"), 16u);
	KUNIT_EXPECT_EQ(test, occurrences(out, "more than 16 WARNs in this case"), 1u);
	KUNIT_EXPECT_EQ(test, mock_warn_count(), 100u);
}

static struct kunit_case backtrace_cases[] = {
	KUNIT_CASE(warn_names_function_and_line),
	KUNIT_CASE(trace_is_bounded),
	KUNIT_CASE(no_debug_info_degrades_to_symbols),
	KUNIT_CASE(discarded_report_is_not_symbolized),
	KUNIT_CASE(warn_flood_is_bounded),
	{}
};

static struct kunit_suite backtrace_suite = {
	.name = "mock_backtrace",
	.test_cases = backtrace_cases,
};
kunit_test_suite(backtrace_suite);
