// SPDX-License-Identifier: BSD-3-Clause
/*
 * Runs YAML scenarios with host-level steps through the scenario runner
 * and the kernel harness's host (what the cca-double CLI does once it
 * calls kernel_harness_register_scenario_host()), on each profile a
 * scenario names.  Exit status 0 when
 * every scenario passed and every hostile host step below was refused
 * with its message (numbers as the rest of the format reads them, values
 * the step would truncate, populations larger than the VM).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cca-double/kernel-scenario-host.h>
#include <cca-double/scenario.h>

#define HEAD "name: t\nprofile: \"1.0\"\nmemory: 64M\nsteps:\n"

static const struct {
	const char *steps;
	bool loads;		/* false: a load error; true: loads, and the run ... */
	const char *what;	/* ... fails with this (NULL: passes) */
} host_cases[] = {
	/* Numbers as everywhere in the format: no octal, sign, blanks or wrapping shifts. */
	{ "  - vm_create: {ram_size: -4096}\n", false, "'ram_size': expected a number" },
	{ "  - vm_create: {ram_size: \"+2M\"}\n", false, "'ram_size': expected a number" },
	{ "  - vm_create: {ram_size: \" 2M\"}\n", false, "'ram_size': expected a number" },
	{ "  - vm_create: {ram_size: 0x40000000000000G}\n", false, "'ram_size': does not fit 64 bits" },
	/* 010000K is 10,000 KiB (octal would make it 4 MiB, and 8M past the end of RAM). */
	{ "  - vm_create: {ram_size: 010000K}\n"
	  "  - populate: {base: 0x80800000, size: 4K, fill: 1}\n  - vm_destroy:\n", true, NULL },
	/* Values the step would truncate. */
	{ "  - vm_create: {ipa_bits: 4294967336}\n", false, "'ipa_bits': 4294967336 is out of range" },
	{ "  - vm_create: {vcpus: 9}\n", false, "'vcpus': 9 is out of range (at most 8)" },
	{ "  - vm_create: {}\n  - vcpu_create: {count: 4294967297}\n", false,
	  "'count': 4294967297 is out of range" },
	{ "  - vm_create: {}\n  - run: {vcpu: 4294967296}\n", false,
	  "'vcpu': 4294967296 is out of range (at most 7)" },
	{ "  - vm_create: {}\n  - run: {exit: {imm: 0x10000}}\n", false, "'exit.imm': 65536" },
	{ "  - vm_create: {}\n  - populate: {base: 0x80000000, size: 4K, fill: 0x1234}\n", false,
	  "'fill': 4660 is out of range (at most 255)" },
	/* More than the VM's RAM: refused before anything is allocated. */
	{ "  - vm_create: {}\n  - populate: {base: 0x80000000, size: 4G, fill: 1}\n  - vm_destroy:\n",
	  true, "populate: size 0x100000000 is more than the VM's RAM (0x200000 bytes)" },
	{ "  - vm_create: {}\n  - populate: {base: 0x80000000, size: 0xfffffffffffff000, fill: 1}\n"
	  "  - vm_destroy:\n", true, "populate: size 0xfffffffffffff000 is more than the VM's RAM" },
};

/* Each case of host_cases[]: returns how many went otherwise. */
static int hostile_host_steps(void)
{
	int failed = 0;

	for (size_t i = 0; i < sizeof(host_cases) / sizeof(host_cases[0]); i++) {
		char path[] = "/tmp/cca-host-steps-XXXXXX", err[1024] = "";
		int fd = mkstemp(path);
		FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
		struct scenario_result res;
		struct scenario *s;
		const char *got;

		if (!f) {
			printf("not ok - cannot write %s\n", path);
			return failed + 1;
		}
		fprintf(f, HEAD "%s", host_cases[i].steps);
		fclose(f);
		s = scenario_load(path, err, sizeof(err));
		unlink(path);
		if (!s) {
			got = err;
		} else if (!host_cases[i].loads) {
			got = "(it loaded)";
		} else {
			scenario_run(s, "1.0", NULL, &res);
			got = res.passed ? "" : res.failure;
		}
		if ((!s && host_cases[i].loads) ||
		    (host_cases[i].what ? !strstr(got, host_cases[i].what) : *got != 0)) {
			printf("not ok - host steps case %zu: expected '%s', got '%s'\n", i,
			       host_cases[i].what ? host_cases[i].what : "a pass", got);
			failed++;
		} else {
			printf("ok - host steps case %zu\n", i);
		}
		if (s) {
			if (host_cases[i].loads)
				scenario_result_free(&res);
			scenario_free(s);
		}
	}
	return failed;
}

int main(int argc, char **argv)
{
	int failed = 0;

	kernel_harness_register_scenario_host();
	failed += hostile_host_steps();
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
