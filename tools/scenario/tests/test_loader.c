// SPDX-License-Identifier: BSD-3-Clause
/*
 * The scenario loader: which profiles a scenario's `profile:` selects (a
 * profile, `N.x` for every revision of RMI major N, a list naming each
 * once, `any`) and the errors for names no description defines; fault
 * rules' donation requests laid out from the profile's description.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <cca-double/abi.h>
#include <cca-double/scenario.h>

static struct scenario *load_text(const char *text, char *err, size_t errlen)
{
	char path[] = "/tmp/cca-profiles-XXXXXX";
	int fd = mkstemp(path);
	FILE *f;
	struct scenario *s;

	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	s = scenario_load(path, err, errlen);
	unlink(path);
	return s;
}

static struct scenario *load(const char *profile, char *err, size_t errlen)
{
	char text[512];

	snprintf(text, sizeof(text),
		 "name: profiles\nprofile: %s\nmemory: 8M\ngranules: [g]\nsteps:\n  - write: {to: g, fill: 1}\n",
		 profile);
	return load_text(text, err, errlen);
}

/* A 2.0 scenario whose first REC_CREATE is answered INCOMPLETE asking for `donate`. */
static struct scenario *load_donate(const char *donate, char *err, size_t errlen)
{
	char text[640];

	snprintf(text, sizeof(text),
		 "name: donate\nprofile: \"2.0-bet1\"\nmemory: 8M\ngranules: [g]\n"
		 "faults:\n  - {rmi: REC_CREATE, nth: 1, return: {status: INCOMPLETE, donate: %s}}\n"
		 "steps:\n  - write: {to: g, fill: 1}\n",
		 donate);
	return load_text(text, err, errlen);
}

static void donation_fields_follow_the_profile(void **state)
{
	char err[512];
	struct scenario *s = load_donate("{block: 2M, count: 4, contig: true, state: undelegated}",
					 err, sizeof(err));

	(void)state;
	assert_non_null(s);
	scenario_free(s);
	assert_null(load_donate("{state: sideways}", err, sizeof(err)));
	assert_non_null(strstr(err, ":6:"));
	assert_non_null(strstr(err, "state is one of delegated, undelegated"));
	assert_null(load_donate("{count: 0x4000}", err, sizeof(err)));
	assert_non_null(strstr(err, "count does not fit 14 bits"));
	assert_null(load_donate("{block: 1G}", err, sizeof(err)));
	assert_non_null(strstr(err, "1G is refused"));
}

/* How many profiles of RMI major `family` ("v2") the descriptions define. */
static unsigned int family_size(const char *family)
{
	unsigned int n = 0;

	for (unsigned int i = 0; i < abi_nprofiles; i++)
		n += !strcmp(abi_profiles[i]->family, family);
	return n;
}

static void family_selects_every_revision(void **state)
{
	char err[512];
	struct scenario *s = load("\"2.x\"", err, sizeof(err));

	(void)state;
	assert_non_null(s);
	assert_int_equal(scenario_nprofiles(s), family_size("v2"));
	assert_true(family_size("v2") >= 1);
	for (unsigned int i = 0; i < scenario_nprofiles(s); i++)
		assert_string_equal(abi_profile_find(scenario_profile(s, i))->family, "v2");
	assert_false(scenario_runs_on(s, "1.0"));
	scenario_free(s);
}

static void list_names_each_profile_once(void **state)
{
	char err[512];
	struct scenario *s = load("[\"2.0-bet1\", \"2.x\", \"1.0\", \"1.0\"]", err, sizeof(err));

	(void)state;
	assert_non_null(s);
	assert_int_equal(scenario_nprofiles(s), family_size("v2") + 1);
	assert_string_equal(scenario_profile(s, 0), "2.0-bet1");
	assert_true(scenario_runs_on(s, "1.0"));
	scenario_free(s);
	s = load("any", err, sizeof(err));
	assert_non_null(s);
	assert_int_equal(scenario_nprofiles(s), abi_nprofiles);
	scenario_free(s);
}

static void unknown_names_are_errors(void **state)
{
	static const char *const bad[] = { "\"3.x\"", "\"2.0-bet9\"", "\"2.xx\"", "\"2.x-bet1\"",
					   "[\"1.0\", \"9.x\"]", "{a: b}" };
	char err[512];

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err[0] = 0;
		assert_null(load(bad[i], err, sizeof(err)));
		assert_non_null(strstr(err, ":2:"));	/* line 2, where profile: is */
		assert_non_null(strstr(err, "profile"));
	}
}

static void names_are_ktap_safe(void **state)
{
	static const char *const bad[] = { "\"a b\"", "\"a#b\"", "\"a\\nb\"", "\" a\"", "\"\"" };
	char err[512], text[512];
	struct scenario *s;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(text, sizeof(text), "name: %s\nmemory: 8M\ngranules: [g]\nsteps:\n  - write: {to: g, fill: 1}\n",
			 bad[i]);
		err[0] = 0;
		assert_null(load_text(text, err, sizeof(err)));
		assert_non_null(strstr(err, ":1:7: name: "));
	}
	s = load_text("name: ok-name_1.2\nmemory: 8M\ngranules: [g]\nsteps:\n  - write: {to: g, fill: 1}\n",
		      err, sizeof(err));
	assert_non_null(s);
	scenario_free(s);
}

/*
 * `text` does not load: the error holds `where` (":line:col: ") and
 * `what`, and names the file once.  Prints what is wrong and returns
 * false otherwise (every case is tried, then the test fails).
 */
static bool load_error_is(const char *text, const char *where, const char *what)
{
	char err[1024];
	struct scenario *s;
	const char *first;

	err[0] = 0;
	s = load_text(text, err, sizeof(err));
	if (s) {
		scenario_free(s);
		print_error("loaded, expected '%s' '%s':\n%s\n", where, what, text);
		return false;
	}
	first = strstr(err, "cca-profiles-");
	if (!strstr(err, where) || !strstr(err, what) || !first ||
	    strstr(first + 1, "cca-profiles-")) {
		print_error("expected '%s' ... '%s', got '%s'\n", where, what, err);
		return false;
	}
	return true;
}

/* A `features:` value that does not load: load_error_is() on a scenario around it. */
static bool features_refused(const char *features, const char *where, const char *what)
{
	char text[512];

	snprintf(text, sizeof(text), "name: f\nfeatures: %s\nmemory: 8M\ngranules: [g]\n"
		 "steps:\n  - write: {to: g, fill: 1}\n", features);
	return load_error_is(text, where, what);
}

/* `features:` - field names or raw registers, typed values, errors at file:line:col; ranges at run. */
static void features_key(void **state)
{
	static const struct { const char *features, *where, *what; } bad[] = {
		{ "{s2sz: 40, register0: 0x28}", ":2:33:", "not both" },
		{ "{s2sz: forty}", ":2:18:", "s2sz" },
		{ "{sve: 3}", ":2:17:", "sve" },
		{ "{colour: blue}", ":2:12:", "colour" },
		{ "[1, 2]", ":2:11:", "features" },
	};
	char err[512];
	struct scenario_result res;
	struct scenario *s;
	unsigned int failed = 0;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		failed += !features_refused(bad[i].features, bad[i].where, bad[i].what);
	assert_int_equal(failed, 0);
	/* Well typed and in range: it loads and runs. */
	s = load_text("name: f\nfeatures: {s2sz: 40, vmid_bits: 8}\nmemory: 8M\ngranules: [g]\n"
		      "steps:\n  - write: {to: g, fill: 1}\n", err, sizeof(err));
	if (!s)
		fail_msg("%s", err);
	assert_int_equal(scenario_run(s, "1.0", NULL, &res), 0);
	scenario_free(s);
}

/*
 * Well typed but out of the spec's range (DEN0137 RmiFeatureRegister0,
 * VTCR_EL2.VS, ICH_VTR_EL2.PRIbits): a load error at the key, not a run
 * that fails when the fake RMM refuses the platform.
 */
static void features_out_of_range_are_load_errors(void **state)
{
	static const struct { const char *features, *where, *what; } bad[] = {
		{ "{vmid_bits: 9}", ":2:23:", "vmid_bits: 9 is out of range (8 or 16)" },
		{ "{s2sz: 65535}", ":2:18:", "s2sz: 65535 is out of range" },
		{ "{s2sz: 31}", ":2:18:", "s2sz: 31 is out of range" },
		{ "{s2sz: 52}", ":2:18:", "needs lpa2" },
		{ "{gic_priority_bits: 0}", ":2:31:", "gic_priority_bits: 0 is out of range (5..8)" },
		{ "{num_bps: 0}", ":2:21:", "num_bps: 0 is out of range (1..63)" },
		{ "{gicv3_num_lrs: 17}", ":2:27:", "gicv3_num_lrs: 17" },
		{ "{hash_sha_256: false, hash_sha_512: false}", ":2:11:", "hash_sha_256 or hash_sha_512" },
		{ "{register0: 0xffffffffffffffff}", ":2:23:", "register0: S2SZ 255 is out of range" },
		{ "{register0: 0x30}", ":2:23:", "NUM_BPS and NUM_WPS" },
		{ "{register0: 0x8000000000104028}", ":2:23:", "register0: HASH_SHA_256 or HASH_SHA_512" },
	};
	char err[512];
	struct scenario *s;
	unsigned int failed = 0;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		failed += !features_refused(bad[i].features, bad[i].where, bad[i].what);
	assert_int_equal(failed, 0);
	/* 2.0 keeps the hash flags in register1. */
	s = load_text("name: f\nprofile: \"2.0-bet1\"\nfeatures: {register0: 0x104028}\nmemory: 8M\n"
		      "granules: [g]\nsteps:\n  - write: {to: g, fill: 1}\n", err, sizeof(err));
	if (s || !strstr(err, ":3:11: register1: HASH_SHA_256 or HASH_SHA_512"))
		fail_msg("%s", s ? "loaded" : err);
	s = load_text("name: f\nprofile: \"2.0-bet1\"\nfeatures: {register0: 0x104028, register1: 0x9}\n"
		      "memory: 8M\ngranules: [g]\nsteps:\n  - write: {to: g, fill: 1}\n", err, sizeof(err));
	if (!s)
		fail_msg("%s", err);
	scenario_free(s);
	s = load_text("name: f\nfeatures: {s2sz: 52, lpa2: true}\nmemory: 8M\ngranules: [g]\n"
		      "steps:\n  - write: {to: g, fill: 1}\n", err, sizeof(err));
	if (!s)
		fail_msg("%s", err);
	scenario_free(s);
}

#define HEAD "name: t\nprofile: \"1.0\"\nmemory: 8M\n"
#define STEPS "steps:\n  - delegate: [a]\n  - undelegate: [a]\n"

/* Hostile or meaningless input: a load error at file:line:col, said once. */
static void bad_input_is_a_load_error(void **state)
{
	static const struct { const char *text, *where, *what; } bad[] = {
		/* align 0 divided by zero. */
		{ HEAD "granules: [{name: a, align: 0}]\n" STEPS, ":4:29: ", "align: a power of two" },
		/* The granule that does not fit, not 1:1. */
		{ HEAD "granules: [a, {name: b, count: 2048}]\n" STEPS, ":4:15: ",
		  "granule 'b': the named granules need more than memory" },
		{ "name: t\nmemory: {}\ngranules: [a]\n" STEPS, ":2:9: ", "memory: a size" },
		/* A forced exit sets only the reason. */
		{ HEAD "granules: [a]\n" STEPS
		  "faults: [{rmi: REC_ENTER, exit: {reason: IRQ, bogus: 7}}]\n", ":8:",
		  "unknown key 'bogus' in exit" },
		/* nth and every count from 1, and exclude each other. */
		{ HEAD "granules: [a]\n" STEPS
		  "faults: [{rmi: GRANULE_DELEGATE, nth: 0, return: ERROR_INPUT}]\n", ":8:39: ",
		  "nth: the first matching call is 1" },
		{ HEAD "granules: [a]\n" STEPS
		  "faults: [{rmi: GRANULE_DELEGATE, every: 0, return: ERROR_INPUT}]\n", ":8:41: ",
		  "every: 1 or more" },
		{ HEAD "granules: [a]\n" STEPS
		  "faults: [{rmi: GRANULE_DELEGATE, nth: 1, every: 2, return: ERROR_INPUT}]\n",
		  ":8:49: ", "nth or every, not both" },
		{ HEAD "granules: [a]\n" STEPS
		  "faults: [{rmi: GRANULE_DELEGATE, match: {addr: [5, 1]}, return: ERROR_INPUT}]\n",
		  ":8:48: ", "lo <= hi" },
		{ HEAD "granules: [a]\n" STEPS "faults: [{rmi: GRANULE_DELEGATE, progress: 5}]\n",
		  ":8:44: ", "GRANULE_DELEGATE is not a range command" },
		/* The document's error, not "f:8:39: f:8:39: ...". */
		{ HEAD "granules: [a]\n" STEPS
		  "faults: [{rmi: GRANULE_DELEGATE, nth: -1, return: ERROR_INPUT}]\n", ":8:39: ",
		  "nth: expected an unsigned integer" },
		{ HEAD "granules: [a]\n" STEPS
		  "faults: [{rmi: GRANULE_DELEGATE, times: x, return: ERROR_INPUT}]\n", ":8:41: ",
		  "times: expected an unsigned integer" },
		{ HEAD "granules: [a]\n" STEPS
		  "faults: [{rmi: GRANULE_DELEGATE, return: {status: ERROR_INPUT, bogus: 1}}]\n",
		  ":8:", "unknown key 'bogus' in return" },
		{ HEAD "granules: [a]\n" STEPS "expect: {leaks: -1}\n", ":8:17: ",
		  "leaks: expected an unsigned integer" },
		{ HEAD "granules: [a]\n" STEPS "expect: {warnings: x}\n", ":8:20: ",
		  "warnings: expected an unsigned integer" },
		{ HEAD "granules: [a]\n" STEPS "expect: {colour: 1}\n", ":8:10: ",
		  "unknown key 'colour' in expect" },
		/* Granule + offset past 2^64 or below 0 would name another address. */
		{ HEAD "granules: [a]\n"
		  "steps: [{rmi: GRANULE_DELEGATE, args: {addr: a+0xffffffffffffffff}, expect: any}]\n",
		  ":5:46: ", "does not fit 64 bits" },
		{ HEAD "granules: [a]\n"
		  "steps: [{rmi: GRANULE_DELEGATE, args: {addr: a-0x1000000000000}, expect: any}]\n",
		  ":5:46: ", "is below 0" },
		{ HEAD "granules: [a]\n"
		  "steps: [{rmi: GRANULE_DELEGATE, args: {addr: \"\"}, expect: any}]\n", ":5:46: ",
		  "'' is not a number or a granule name" },
		/* A NUL would cut the name short. */
		{ HEAD "granules: [\"a\\0zzz\"]\n" STEPS, ":4:12: ", "NUL character" },
		/* save: names are names like granules': not empty, no number, not cut short. */
		{ HEAD "granules: [a]\nsteps: [{rmi: VERSION, expect: any, save: {\"\": lower}}]\n",
		  ":5:44: ", "save: name '': letters, digits and _" },
		{ HEAD "granules: [a]\nsteps: [{rmi: VERSION, expect: any, save: {9x: lower}}]\n",
		  ":5:44: ", "not starting with a digit" },
		{ HEAD "granules: [a]\nsteps: [{rmi: VERSION, expect: any, save: "
		  "{abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuv: lower}}]\n",
		  ":5:44: ", "at most 47 characters" },
	};

	unsigned int failed = 0;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		failed += !load_error_is(bad[i].text, bad[i].where, bad[i].what);
	assert_int_equal(failed, 0);
}

/* What the checks above must not refuse. */
static void meaningful_input_still_loads(void **state)
{
	static const char *const good[] = {
		/* A granule named '_' is a name, not the number 0. */
		HEAD "granules: [_]\nsteps: [{rmi: GRANULE_DELEGATE, args: {addr: _}}, "
		     "{rmi: GRANULE_UNDELEGATE, args: {addr: _}}]\n",
		HEAD "granules: [{name: a, align: 8K}]\n" STEPS,
		HEAD "granules: [a, {name: b, count: 2047}]\n" STEPS,
		HEAD "granules: [a]\n" STEPS
		     "faults: [{rmi: GRANULE_DELEGATE, nth: 1, match: {addr: [a, a]}, return: ERROR_INPUT}]\n"
		     "expect: {leaks: 0}\n",
		"name: t\nprofile: \"1.0\"\nmemory: 8M\ngranules: [a]\n" STEPS
		     "faults: [{rmi: RTT_INIT_RIPAS, every: 2, progress: 1}, {rmi: REC_ENTER, exit: {reason: IRQ}}]\n",
		"name: t\nprofile: \"1.0\"\nmemory: {base: 0x90000000}\ngranules: [a]\n" STEPS,
	};
	char err[1024];
	unsigned int failed = 0;

	(void)state;
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		struct scenario *s = load_text(good[i], err, sizeof(err));

		if (!s) {
			print_error("%s\n-> %s\n", good[i], err);
			failed++;
		}
		scenario_free(s);
	}
	assert_int_equal(failed, 0);
}

/*
 * `expect: trace:` lines compare word by word, `...` standing for any
 * words: a line that matches passes; one that does not fails at its
 * file:line:col with the closest recorded line; a lone `...` is a load error.
 */
static const char trace_scenario[] =
	"name: t\n"
	"profile: \"1.0\"\n"
	"memory: 8M\n"
	"granules: [g]\n"
	"steps:\n"
	"  - delegate: [g]\n"
	"  - undelegate: [g]\n"
	"expect:\n"
	"  trace:\n"
	"    - %s\n"
	"    - %s\n";

static int run_trace_expect(const char *first, const char *second, struct scenario_result *res)
{
	char text[1024], err[512];
	struct scenario *s;
	int rc;

	snprintf(text, sizeof(text), trace_scenario, first, second);
	s = load_text(text, err, sizeof(err));
	if (!s)
		fail_msg("load: %s", err);
	rc = scenario_run(s, "1.0", NULL, res);
	scenario_free(s);
	return rc;
}

static void trace_lines_match_by_word(void **state)
{
	struct scenario_result res;
	char text[1024], err[512];

	(void)state;
	/* Prefixes ending at a word, as before; `...` at the start, middle or end. */
	assert_int_equal(run_trace_expect("RMI GRANULE_DELEGATE addr=g", "RMI GRANULE_UNDELEGATE", &res), 0);
	scenario_result_free(&res);
	assert_int_equal(run_trace_expect("... addr=g > SUCCESS", "RMI ... > SUCCESS", &res), 0);
	scenario_result_free(&res);
	assert_int_equal(run_trace_expect("RMI GRANULE_DELEGATE ... SUCCESS", "RMI GRANULE_UNDELEGATE addr=g ...", &res), 0);
	scenario_result_free(&res);
	/* Not a prefix of a word, and order kept. */
	assert_int_not_equal(run_trace_expect("RMI GRANULE_DELEGATE addr=", "RMI", &res), 0);
	if (!strstr(res.failure, ":10:7: trace: no call matching 'RMI GRANULE_DELEGATE addr='"))
		fail_msg("%s", res.failure);
	scenario_result_free(&res);
	assert_int_not_equal(run_trace_expect("RMI GRANULE_UNDELEGATE", "RMI GRANULE_DELEGATE", &res), 0);
	if (!strstr(res.failure, ":11:7: trace: no call matching 'RMI GRANULE_DELEGATE' after the previous match"))
		fail_msg("%s", res.failure);
	scenario_result_free(&res);
	/* A mismatch names the closest line after the previous match. */
	assert_int_not_equal(run_trace_expect("RMI GRANULE_DELEGATE", "RMI GRANULE_UNDELEGATE ... > ERROR_INPUT", &res), 0);
	if (!strstr(res.failure, ":11:7: trace: no call matching 'RMI GRANULE_UNDELEGATE ... > ERROR_INPUT' "
				 "after the previous match; closest: 'RMI GRANULE_UNDELEGATE addr=g > SUCCESS'"))
		fail_msg("%s", res.failure);
	scenario_result_free(&res);
	/* A line that matches anything is refused when the file loads. */
	snprintf(text, sizeof(text), trace_scenario, "RMI GRANULE_DELEGATE", "\"...\"");
	err[0] = 0;
	assert_null(load_text(text, err, sizeof(err)));
	if (!strstr(err, ":11:7: trace: an empty line or a lone '...' matches any call"))
		fail_msg("%s", err);
}

/*
 * `memory: {size, base}` and the memory map of `features:` (pa_bits,
 * memory_map): each error at the key or range at fault, when the file
 * loads; a good map loads and runs.
 */
static void platform_map_keys(void **state)
{
	static const struct { const char *memory, *features, *where, *what; } bad[] = {
		{ "{size: 8M, base: 0x1234}", "{}", ":3:26:", "base: a nonzero multiple of 4K" },
		{ "{size: 8M, base: 0}", "{}", ":3:26:", "base: a nonzero multiple of 4K" },
		{ "{size: 8M, colour: 1}", "{}", ":3:", "colour" },
		{ "{size: 3M+1}", "{}", ":3:", "memory" },
		{ "8M", "{memory_map: 5}", ":2:24:", "a list of {base, size, kind}" },
		{ "8M", "{memory_map: [7]}", ":2:25:", "each range is" },
		{ "8M", "{memory_map: [{base: 0x1000, size: 0x1000}]}", ":2:25:", "missing 'kind'" },
		{ "8M", "{memory_map: [{base: 0x1000, kind: mmio}]}", ":2:25:", "missing 'size'" },
		{ "8M", "{memory_map: [{base: 0x1000, size: 4K, kind: dram}]}", ":2:56:",
		  "kind: 'dram' is not ns_dram, secure or mmio" },
		{ "8M", "{memory_map: [{base: 0x1000, size: 4K, kind: mmio, at: 1}]}", ":2:", "at" },
		{ "8M", "{memory_map: [{base: 0x1800, size: 4K, kind: mmio}]}", ":2:25:",
		  "memory range 0 (mmio at 0x1800, size 0x1000) is not whole 4 KiB granules" },
		{ "8M", "{memory_map: [{base: 1T, size: 4K, kind: mmio}]}", ":2:25:",
		  "overlaps the arena" },
		{ "8M", "{memory_map: [{base: 0, size: 8K, kind: mmio}, {base: 4K, size: 4K, kind: secure}]}",
		  ":2:58:", "memory range 1 (secure at 0x1000, size 0x1000) overlaps range 0" },
		{ "8M", "{pa_bits: 40, memory_map: [{base: 0, size: 4K, kind: mmio}]}", ":2:21:",
		  "the arena [0x10000000000, 0x10000800000) is not below 2^40" },
		{ "{size: 8M, base: 2G}", "{pa_bits: 40, memory_map: [{base: 1T, size: 4K, kind: mmio}]}",
		  ":2:38:", "is not below 2^40 (pa_bits)" },
		{ "8M", "{pa_bits: 41}", ":2:21:", "pa_bits 41 is not a PA size" },
		{ "8M", "{pa_bits: 4000}", ":2:21:", "pa_bits: 4000 is out of range" },
	};
	char err[512], text[512];
	struct scenario_result res;
	struct scenario *s;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(text, sizeof(text), "name: f\nfeatures: %s\nmemory: %s\ngranules: [g]\n"
			 "steps:\n  - write: {to: g, fill: 1}\n", bad[i].features, bad[i].memory);
		err[0] = 0;
		assert_null(load_text(text, err, sizeof(err)));
		if (!strstr(err, bad[i].where) || !strstr(err, bad[i].what))
			fail_msg("%s / %s: %s", bad[i].memory, bad[i].features, err);
	}
	/* Adjacent ranges, the arena moved below a 36-bit PA space: loads and runs. */
	s = load_text("name: f\nfeatures: {pa_bits: 36, memory_map: [{base: 0, size: 2G, kind: secure},"
		      " {base: 0x80800000, size: 1M, kind: mmio}]}\nmemory: {size: 8M, base: 2G}\n"
		      "granules: [g]\nsteps:\n  - {rmi: GRANULE_DELEGATE, args: {addr: g}}\n"
		      "  - {rmi: GRANULE_UNDELEGATE, args: {addr: g}}\n"
		      "  - {rmi: GRANULE_DELEGATE, args: {addr: g+8M}, expect: ERROR_INPUT}\n",
		      err, sizeof(err));
	if (!s)
		fail_msg("%s", err);
	if (scenario_run(s, "1.0", NULL, &res))
		fail_msg("%s", res.failure);
	scenario_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(features_key),
		cmocka_unit_test(features_out_of_range_are_load_errors),
		cmocka_unit_test(bad_input_is_a_load_error),
		cmocka_unit_test(meaningful_input_still_loads),
		cmocka_unit_test(platform_map_keys),
		cmocka_unit_test(family_selects_every_revision),
		cmocka_unit_test(list_names_each_profile_once),
		cmocka_unit_test(unknown_names_are_errors),
		cmocka_unit_test(donation_fields_follow_the_profile),
		cmocka_unit_test(names_are_ktap_safe),
		cmocka_unit_test(trace_lines_match_by_word),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
