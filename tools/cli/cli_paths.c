// SPDX-License-Identifier: BSD-3-Clause
/*
 * Where the CLI finds what it runs.  The build tree's cca-double is given
 * absolute paths (the bundled scenarios, the realm KUnit binary, the mock
 * kernel headers); the installed one is given paths relative to its own
 * directory (bin/../share/cca-double/...), so no build-tree path is in it
 * and the installed tree can be moved.
 */
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

const char *cli_path(const char *path, char *buf, size_t len)
{
	char exe[PATH_MAX], joined[2 * PATH_MAX];
	ssize_t n;

	if (path[0] == '/')
		return path;
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n < 0)
		return path;
	exe[n] = '\0';
	snprintf(joined, sizeof(joined), "%s/%s", dirname(exe), path);
	/* Tidy (no "bin/.."), when it exists; as joined otherwise, for the error. */
	if (len >= PATH_MAX && realpath(joined, buf))
		return buf;
	snprintf(buf, len, "%s", joined);
	return buf;
}

const char *cli_scenario_dir(void)
{
	static char buf[PATH_MAX];

	return cli_path(CCA_SCENARIO_DIR, buf, sizeof(buf));
}

const char *cli_realm_kunit(void)
{
	static char buf[PATH_MAX];

	return cli_path(CCA_REALM_KUNIT, buf, sizeof(buf));
}

const char *cli_mock_include_dir(void)
{
	static char buf[PATH_MAX];

	return cli_path(CCA_MOCK_INCLUDE_DIR, buf, sizeof(buf));
}
