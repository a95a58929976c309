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
#include <sys/stat.h>
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

bool cli_parse_uint(const char *arg, unsigned long max, unsigned long *out)
{
	unsigned long v = 0;

	if (!arg || !*arg)
		return false;
	for (const char *p = arg; *p; p++) {
		unsigned long digit = (unsigned long)(*p - '0');

		if (*p < '0' || *p > '9' || v > max / 10 || max - v * 10 < digit)
			return false;
		v = v * 10 + digit;
	}
	*out = v;
	return true;
}

/*
 * What names a file: its st_dev/st_ino when it exists; else its
 * directory's and its last component (a file not yet created).  False for
 * what needs no comparing: not a regular file, or a directory that is not
 * there (opening it will fail and say why).
 */
struct file_id {
	dev_t dev;
	ino_t ino;
	bool exists;
	const char *name;	/* last component, when !exists */
};

static bool file_id(const char *path, struct file_id *id)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(path, '/');
	struct stat st;

	memset(id, 0, sizeof(*id));
	if (!stat(path, &st)) {
		/* Only a file can lose its contents: /dev/null, a terminal or a pipe cannot. */
		if (!S_ISREG(st.st_mode))
			return false;
		id->dev = st.st_dev;
		id->ino = st.st_ino;
		id->exists = true;
		return true;
	}
	if (!slash)
		snprintf(dir, sizeof(dir), ".");
	else if (slash == path)
		snprintf(dir, sizeof(dir), "/");
	else
		snprintf(dir, sizeof(dir), "%.*s", (int)(slash - path), path);
	if (stat(dir, &st))
		return false;	/* fopen will say why */
	id->dev = st.st_dev;
	id->ino = st.st_ino;
	id->name = slash ? slash + 1 : path;
	return true;
}

static bool same_file(const struct file_id *a, const struct file_id *b)
{
	return a->dev == b->dev && a->ino == b->ino && a->exists == b->exists &&
	       (a->exists || !strcmp(a->name, b->name));
}

/* Whether `path` (existing or not) is a scenario file (.yaml, .yml) somewhere under directory `dir`. */
static bool scenario_file_under(const char *path, const char *dir)
{
	char rdir[PATH_MAX], rparent[PATH_MAX], parent[PATH_MAX];
	const char *slash = strrchr(path, '/'), *name = slash ? slash + 1 : path;
	size_t n = strlen(name), nd;

	if (!((n > 5 && !strcmp(name + n - 5, ".yaml")) || (n > 4 && !strcmp(name + n - 4, ".yml"))))
		return false;
	snprintf(parent, sizeof(parent), "%.*s", slash ? (int)(slash - path) + 1 : 1,
		 slash ? path : ".");
	if (!realpath(dir, rdir) || !realpath(parent, rparent))
		return false;
	nd = strlen(rdir);
	return !strncmp(rparent, rdir, nd) &&
	       (rparent[nd] == '\0' || rparent[nd] == '/' || !strcmp(rdir, "/"));
}

bool cli_outputs_ok(const char *cmd, const struct cli_output *outs, size_t nouts,
		    const char *const *inputs, size_t ninputs)
{
	for (size_t o = 0; o < nouts; o++) {
		struct file_id out, other;

		if (!outs[o].path)
			continue;
		if (!outs[o].path[0]) {
			fprintf(stderr, "%s: %s needs a path, not an empty string\n", cmd,
				outs[o].opt);
			return false;
		}
		if (!file_id(outs[o].path, &out))
			continue;
		for (size_t i = 0; i < ninputs; i++) {
			struct stat st;

			if (stat(inputs[i], &st))
				continue;	/* not there: its loader says so, nothing to lose */
			if (S_ISDIR(st.st_mode) ? scenario_file_under(outs[o].path, inputs[i])
						: out.exists && out.dev == st.st_dev &&
							  out.ino == st.st_ino) {
				if (S_ISDIR(st.st_mode))
					fprintf(stderr, "%s: %s %s: in the input folder %s, it would be read as a scenario; give another path\n",
						cmd, outs[o].opt, outs[o].path, inputs[i]);
				else
					fprintf(stderr, "%s: %s %s is the input %s; not overwriting it\n",
						cmd, outs[o].opt, outs[o].path, inputs[i]);
				return false;
			}
		}
		for (size_t p = 0; p < o; p++)
			if (outs[p].path && file_id(outs[p].path, &other) && same_file(&out, &other)) {
				fprintf(stderr, "%s: %s %s and %s %s name the same file\n", cmd,
					outs[p].opt, outs[p].path, outs[o].opt, outs[o].path);
				return false;
			}
	}
	return true;
}
