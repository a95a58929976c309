// SPDX-License-Identifier: BSD-3-Clause
/*
 * Command line of a KUnit runner binary. Kernel-style kunit.* parameters
 * are accepted so "kunit.py exec" and kernel habits work; other key=value
 * words (mem=1G console=tty ... as kunit.py exec passes them) are ignored.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static void usage(FILE *out, const char *prog)
{
	fprintf(out,
		"usage: %s [options] [kunit.param=value ...]\n"
		"  --filter GLOB        run cases whose \"suite.case\" or suite name matches\n"
		"                       GLOB (fnmatch: * ? [...]); repeatable, ORed\n"
		"  --list               print the selected suite.case names and exit\n"
		"  --timeout SECONDS    per-case (and per-parameter) timeout, default %d\n"
		"  --junit FILE         also write the results as JUnit XML to FILE\n"
		"  --no-fork            run cases in this process (debugging; a crash\n"
		"                       or hang then stops the whole run)\n"
		"  --known FILE         known failures, \"suite.case[.param] # reason\" lines:\n"
		"                       a listed test that fails is marked \"known\"\n"
		"  --help               this text\n"
		"kernel-style parameters:\n"
		"  kunit.filter_glob=SUITEGLOB[.CASEGLOB]\n"
		"  kunit.action=list    same as --list\n"
		"  kunit.timeout=SECONDS\n"
		"Output: one KTAP version 1 document on stdout (pipe it into\n"
		"kunit.py parse), then \"N passed, N failed, N skipped\".\n"
		"Exit status: 0 when no test failed and at least one ran, 1 otherwise,\n"
		"2 on a usage error.\n",
		prog, KUNIT_DEFAULT_TIMEOUT_S);
}

static int parse_timeout(const char *text, struct kunit_run_options *opts)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(text, &end, 10);
	if (errno || end == text || *end || v == 0 || v > 24UL * 3600) {
		fprintf(stderr, "kunit: bad timeout '%s' (seconds, 1..86400)\n", text);
		return -1;
	}
	opts->timeout_s = (unsigned int)v;
	return 0;
}

static int add_filter(const char *glob, struct kunit_run_options *opts)
{
	if (opts->nr_filters >= KUNIT_MAX_FILTERS) {
		fprintf(stderr, "kunit: at most %d --filter options\n", KUNIT_MAX_FILTERS);
		return -1;
	}
	opts->filters[opts->nr_filters++] = glob;
	return 0;
}

static int parse_kernel_param(const char *arg, struct kunit_run_options *opts)
{
	const char *value = strchr(arg, '=') + 1;

	if (!strncmp(arg, "kunit.filter_glob=", 18)) {
		opts->filter_glob = *value ? value : NULL;
	} else if (!strncmp(arg, "kunit.action=", 13)) {
		/* list_attr: the attributes themselves are not printed. */
		if (!strcmp(value, "list") || !strcmp(value, "list_attr")) {
			opts->list_only = true;
		} else if (*value) {
			fprintf(stderr, "kunit executor: unknown action '%s'\n", value);
			return -1;
		}
	} else if (!strncmp(arg, "kunit.timeout=", 14)) {
		return parse_timeout(value, opts);
	} else if (!strncmp(arg, "kunit.filter=", 13) ||
		   !strncmp(arg, "kunit.filter_action=", 20)) {
		fprintf(stderr, "kunit: attribute filters are not supported; '%s' ignored\n", arg);
	} else if (strncmp(arg, "kunit.enable=", 13) && strncmp(arg, "kunit.stats_enabled=", 20)) {
		fprintf(stderr, "kunit: unknown parameter '%s' ignored\n", arg);
	}
	return 0;
}

/* Value of "--name=value" or of the next argument for "--name value". */
static const char *option_value(const char *name, int argc, char **argv, int *i)
{
	size_t len = strlen(name);

	if (argv[*i][len] == '=')
		return argv[*i] + len + 1;
	if (*i + 1 < argc)
		return argv[++*i];
	fprintf(stderr, "kunit: %s needs a value\n", name);
	return NULL;
}

static bool is_option(const char *arg, const char *name)
{
	size_t len = strlen(name);

	return !strncmp(arg, name, len) && (arg[len] == '\0' || arg[len] == '=');
}

int kunit_parse_args(int argc, char **argv, struct kunit_run_options *opts)
{
	const char *prog = argc > 0 ? argv[0] : "kunit";

	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		const char *value;

		if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
			usage(stdout, prog);
			return 1;
		} else if (!strcmp(arg, "--list")) {
			opts->list_only = true;
		} else if (!strcmp(arg, "--no-fork")) {
			opts->no_fork = true;
		} else if (is_option(arg, "--filter")) {
			value = option_value("--filter", argc, argv, &i);
			if (!value || add_filter(value, opts))
				return -1;
		} else if (is_option(arg, "--known")) {
			value = option_value("--known", argc, argv, &i);
			if (!value || kunit_load_known(value))
				return -1;
		} else if (is_option(arg, "--junit")) {
			value = option_value("--junit", argc, argv, &i);
			if (!value)
				return -1;
			opts->junit_path = value;
		} else if (is_option(arg, "--timeout")) {
			value = option_value("--timeout", argc, argv, &i);
			if (!value || parse_timeout(value, opts))
				return -1;
		} else if (!strncmp(arg, "kunit.", 6) && strchr(arg, '=')) {
			if (parse_kernel_param(arg, opts))
				return -1;
		} else if (arg[0] != '-' && strchr(arg, '=')) {
			continue;	/* another kernel command-line word */
		} else {
			fprintf(stderr, "kunit: unexpected argument '%s'\n", arg);
			usage(stderr, prog);
			return -1;
		}
	}
	return 0;
}

int kunit_run_main_suites(int argc, char **argv, struct kunit_suite *const *suites, size_t nr)
{
	struct kunit_run_options opts = { 0 };
	int ret = kunit_parse_args(argc, argv, &opts);

	if (ret)
		return ret > 0 ? 0 : 2;
	return kunit_run_suites(suites, nr, &opts, NULL);
}

int kunit_run_main(int argc, char **argv)
{
	struct kunit_suite *const *suites;
	size_t nr = kunit_registered_suites(&suites);

	return kunit_run_main_suites(argc, argv, suites, nr);
}

void kunit_suite_set_name(struct kunit_suite *suite, const char *name)
{
	/* name is const in the kernel's layout; a runtime-built suite is writable. */
	snprintf((char *)suite->name, sizeof(suite->name), "%s", name);
}
