// SPDX-License-Identifier: BSD-3-Clause
/*
 * Steps that name memory the scenario may not touch fail at their
 * file:line:col instead of faulting: a write whose bytes reach a granule
 * that is not NS (the last one of an unaligned write, the pages of a guest
 * program longer than a granule), and an `exit:` check whose run page is
 * outside the arena, unaligned, or not the host's to read.
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

#include <cca-double/scenario.h>

/* Runs `steps` after a 1.0 header with granules a, b (and rd, rec); returns the failure. */
static int run_steps(const char *steps, struct scenario_result *res)
{
	char path[] = "/tmp/cca-step-bounds-XXXXXX", err[512];
	int fd = mkstemp(path), rc;
	struct scenario *s;
	FILE *f;

	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	fprintf(f, "name: t\nprofile: \"1.0\"\nmemory: 8M\ngranules: [a, b, rd, rec]\nsteps:\n%s",
		steps);
	fclose(f);
	s = scenario_load(path, err, sizeof(err));
	unlink(path);
	if (!s)
		fail_msg("load: %s", err);
	rc = scenario_run(s, "1.0", NULL, res);
	scenario_free(s);
	return rc;
}

static void expect_failure(const char *steps, const char *where, const char *what)
{
	struct scenario_result res;

	assert_int_not_equal(run_steps(steps, &res), 0);
	if (!strstr(res.failure, where) || !strstr(res.failure, what))
		fail_msg("expected %s ... %s, got: %s", where, what, res.failure);
	scenario_result_free(&res);
}

static void unaligned_write_reaching_a_delegated_granule(void **state)
{
	(void)state;
	expect_failure("  - delegate: [b]\n"
		       "  - write: {to: a+0x800, fill: 0xaa}\n",
		       ":7:17:", "granule 0x");
	expect_failure("  - delegate: [b]\n"
		       "  - write: {to: a+0xff8, u64: [1, 2]}\n",
		       ":7:17:", "is DELEGATED, not NS");
	/* Inside a itself: fine. */
	{
		struct scenario_result res;

		assert_int_equal(run_steps("  - delegate: [b]\n"
					   "  - write: {to: a+0x800, fill: 0xaa, size: 0x800}\n"
					   "  - undelegate: [b]\n", &res), 0);
		scenario_result_free(&res);
	}
}

static void guest_longer_than_a_granule_checks_every_page(void **state)
{
	(void)state;
	/* attest_token is longer than a granule: its second page is b. */
	expect_failure("  - delegate: [b]\n"
		       "  - write: {to: a, guest: attest_token}\n",
		       ":7:17:", "is DELEGATED, not NS");
}

static void exit_check_needs_a_run_granule_in_the_arena(void **state)
{
	(void)state;
	expect_failure("  - {rmi: REC_ENTER, args: {rec: rec, run: 0}, expect: any, exit: {reason: HOST_CALL}}\n",
		       ":6:", "exit: the run page 0x0 is not a granule of the arena");
	expect_failure("  - {rmi: REC_ENTER, args: {rec: rec, run: a+0x800}, expect: any, exit: {reason: HOST_CALL}}\n",
		       ":6:", "is not a granule of the arena");
	/* A delegated run page is read through the RMM's view: a mismatch, not a fault. */
	expect_failure("  - delegate: [b]\n"
		       "  - {rmi: REC_ENTER, args: {rec: rec, run: b}, expect: any, exit: {reason: HOST_CALL}}\n",
		       ":7:", "rec_exit.exit_reason: got");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(unaligned_write_reaching_a_delegated_granule),
		cmocka_unit_test(guest_longer_than_a_granule_checks_every_page),
		cmocka_unit_test(exit_check_needs_a_run_granule_in_the_arena),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
