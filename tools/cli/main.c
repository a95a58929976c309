// SPDX-License-Identifier: BSD-3-Clause
/* cca-double: one command, several subcommands. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cca-double/abi.h>

#include <cca-double/kernel-scenario-host.h>

#include "abicheck.h"
#include "cli.h"

struct subcommand {
	const char *name;
	const char *summary;
	int (*main)(int argc, char **argv);
};

static int help_main(int argc, char **argv);

static const struct subcommand subcommands[] = {
	{ "run", "run YAML scenarios (default: the bundled library), KTAP output", run_main },
	{ "kunit", "run the realm KUnit suites against the host code of this build (KTAP)", kunit_cmd_main },
	{ "trace", "run one scenario and print every RMI/RSI call", trace_main },
	{ "sweep", "inject a failure at every RMI call of scenarios, report how the host coped", sweep_main },
	{ "abi-check", "compare a kernel's RMI headers (definitions and wrappers) with a profile", abicheck_main },
	{ "help", "this text, or `help SUBCOMMAND`", help_main },
};

#define NSUB (sizeof(subcommands) / sizeof(subcommands[0]))

static void usage(FILE *f)
{
	fprintf(f, "usage: cca-double SUBCOMMAND [options] [args]\n"
		   "       cca-double --version\n\nsubcommands:\n");
	for (size_t i = 0; i < NSUB; i++)
		fprintf(f, "  %-10s %s\n", subcommands[i].name, subcommands[i].summary);
	fprintf(f, "\nprofiles (spec/<profile>.yaml):\n");
	for (unsigned int i = 0; i < abi_nprofiles; i++)
		fprintf(f, "  %-10s %s\n", abi_profiles[i]->name, abi_profiles[i]->title);
	fprintf(f, "\n`cca-double SUBCOMMAND --help` describes each one.\n");
#ifdef CCA_BANNER
	fprintf(f, "\nThis build: %s.\n", CCA_BANNER);
#endif
#ifdef CCA_REFERENCE_CLI
	fprintf(f, "run, sweep, trace and kunit take --reference to drive the reference host\n"
		   "code instead.\n");
#endif
}

static const struct subcommand *find(const char *name)
{
	for (size_t i = 0; i < NSUB; i++)
		if (!strcmp(subcommands[i].name, name))
			return &subcommands[i];
	return NULL;
}

bool cli_profile_known(const char *name)
{
	if (abi_profile_find(name))
		return true;
	fprintf(stderr, "cca-double: unknown profile '%s' (known:", name);
	for (unsigned int i = 0; i < abi_nprofiles; i++)
		fprintf(stderr, " %s", abi_profiles[i]->name);
	fprintf(stderr, ")\n");
	return false;
}

bool cli_parse_seconds(const char *cmd, const char *opt, const char *arg, unsigned int *out)
{
	unsigned long v;

	if (!cli_parse_uint(arg, 86400, &v) || v < 1) {
		fprintf(stderr, "%s: %s takes whole seconds from 1 to 86400, not '%s'\n", cmd, opt,
			arg ? arg : "");
		return false;
	}
	*out = (unsigned int)v;
	return true;
}

void cli_register_host(void)
{
	kernel_harness_register_scenario_host();
}

const char *cli_banner(void)
{
#ifdef CCA_BANNER
	return CCA_BANNER;
#else
	return NULL;
#endif
}

const char *cli_default_profile(void)
{
#ifdef CCA_UPSTREAM_PROFILE
	return CCA_UPSTREAM_PROFILE;
#else
	return NULL;
#endif
}

/*
 * --reference (any position after the subcommand): the reference host code.
 * An upstream build runs the same subcommand of cca-double-reference; in
 * any other build it is what runs anyway.  Returns argc without it.
 */
static int take_reference(const char *sub, int argc, char **argv)
{
	int n = 0;
	bool found = false;

	for (int i = 0; i < argc; i++) {
		if (i > 0 && !strcmp(argv[i], "--reference"))
			found = true;
		else
			argv[n++] = argv[i];
	}
	argv[n] = NULL;
	if (!found)
		return n;
#ifdef CCA_REFERENCE_CLI
	{
		char *args[258];

		if (n > 256) {
			fprintf(stderr, "cca-double %s: too many arguments\n", sub);
			return -1;
		}
		args[0] = CCA_REFERENCE_CLI;
		for (int i = 0; i < n; i++)
			args[i + 1] = argv[i];
		args[n + 1] = NULL;
		fflush(NULL);
		execv(CCA_REFERENCE_CLI, args);
		fprintf(stderr, "cca-double %s --reference: cannot run %s: %s\n", sub,
			CCA_REFERENCE_CLI, strerror(errno));
		return -1;
	}
#endif
	return n;
}

static int help_main(int argc, char **argv)
{
	const struct subcommand *s;
	char *args[] = { NULL, "--help", NULL };

	if (argc < 2) {
		usage(stdout);
		return 0;
	}
	s = find(argv[1]);
	if (!s || s->main == help_main) {
		usage(s ? stdout : stderr);
		return s ? 0 : 2;
	}
	args[0] = argv[1];
	return s->main(2, args);
}

int main(int argc, char **argv)
{
	const struct subcommand *s;

	if (argc == 2 && !strcmp(argv[1], "--version")) {
		printf("cca-double %s\nprofiles:", CCA_VERSION);
		for (unsigned int i = 0; i < abi_nprofiles; i++)
			printf(" %s", abi_profiles[i]->name);
		printf("\n");
		return 0;
	}
	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	s = find(argv[1]);
	if (!s) {
		fprintf(stderr, "cca-double: unknown subcommand '%s'\n\n", argv[1]);
		usage(stderr);
		return 2;
	}
	if (s->main == run_main || s->main == sweep_main || s->main == trace_main ||
	    s->main == kunit_cmd_main) {
		int n = take_reference(argv[1], argc - 1, argv + 1);

		if (n < 0)
			return 2;
		return s->main(n, argv + 1);
	}
	return s->main(argc - 1, argv + 1);
}
