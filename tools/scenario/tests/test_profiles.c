// SPDX-License-Identifier: BSD-3-Clause
/*
 * Which profiles a scenario's `profile:` selects: a profile, `N.x` (every
 * revision of RMI major N), a list (each once), `any`; and the errors for
 * names no description defines.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <cca-double/abi.h>
#include <cca-double/scenario.h>

static struct scenario *load(const char *profile, char *err, size_t errlen)
{
	char path[] = "/tmp/cca-profiles-XXXXXX";
	int fd = mkstemp(path);
	FILE *f;
	struct scenario *s;

	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	fprintf(f, "name: profiles\nprofile: %s\nmemory: 8M\ngranules: [g]\nsteps:\n  - write: {to: g, fill: 1}\n",
		profile);
	fclose(f);
	s = scenario_load(path, err, errlen);
	unlink(path);
	return s;
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(family_selects_every_revision),
		cmocka_unit_test(list_names_each_profile_once),
		cmocka_unit_test(unknown_names_are_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
