// SPDX-License-Identifier: BSD-3-Clause
/* Scenario files as KUnit suites and cases (see scn_kunit.h). */
#define _GNU_SOURCE
#include "scn_kunit.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cca-double/scenario.h>
#include <kunit/runner.h>
#include <kunit/test-bug.h>
#include <kunit/test-types.h>

/* From kunit/test.h (kernel-world): mark the running case skipped. */
void __kunit_mark_skipped(struct kunit *test, const char *fmt, ...);

struct scn_case {
	char *path;
	struct scenario *scenario;	/* NULL: load_error says why */
	char *load_error;
	const char *profile;		/* profile of this case */
	bool skip;			/* not on the requested profile */
	const struct scn_suite_opts *opts;
};

struct file_list {
	char **paths;
	size_t n, cap;
};

static void list_add(struct file_list *l, const char *path)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->paths = realloc(l->paths, l->cap * sizeof(char *));
		if (!l->paths)
			abort();
	}
	l->paths[l->n++] = strdup(path);
}

static bool is_yaml(const char *name)
{
	size_t n = strlen(name);

	return (n > 5 && !strcmp(name + n - 5, ".yaml")) || (n > 4 && !strcmp(name + n - 4, ".yml"));
}

static int collect(const char *path, struct file_list *l, int depth)
{
	struct stat st;
	struct dirent **ents;
	int n;

	if (stat(path, &st)) {
		fprintf(stderr, "cca-double: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		list_add(l, path);
		return 0;
	}
	if (depth > 8)
		return 0;
	n = scandir(path, &ents, NULL, alphasort);
	if (n < 0) {
		fprintf(stderr, "cca-double: %s: %s\n", path, strerror(errno));
		return -1;
	}
	for (int i = 0; i < n; i++) {
		char full[4096];
		struct stat cs;

		if (ents[i]->d_name[0] == '.')
			goto next;
		snprintf(full, sizeof(full), "%s/%s", path, ents[i]->d_name);
		if (stat(full, &cs))
			goto next;
		if (S_ISDIR(cs.st_mode))
			collect(full, l, depth + 1);
		else if (is_yaml(ents[i]->d_name))
			list_add(l, full);
next:
		free(ents[i]);
	}
	free(ents);
	return 0;
}

/*
 * A KTAP test name in place: '.' (the suite.case separator), '#' (starts a
 * directive or diagnostic), spaces (leading ones are KTAP's indentation)
 * and control characters (a newline would end the line) become '_', so
 * a folder or file name can neither break nor forge a line kunit.py reads.
 */
static void ktap_name(char *name)
{
	for (unsigned char *p = (unsigned char *)name; *p; p++)
		if (*p == '.' || *p == '#' || *p <= ' ' || *p == 0x7f)
			*p = '_';
}

/* Suite name: the scenario's folder (delegation, rtt, ...). */
static void suite_name_of(const char *path, char *out, size_t len)
{
	char tmp[4096];
	const char *slash, *prev;

	snprintf(tmp, sizeof(tmp), "%s", path);
	slash = strrchr(tmp, '/');
	if (!slash) {
		snprintf(out, len, "scenarios");
		return;
	}
	*(char *)slash = 0;
	prev = strrchr(tmp, '/');
	snprintf(out, len, "%.*s", (int)len - 1, prev ? prev + 1 : tmp);
	ktap_name(out);
}

/*
 * `text` as one KTAP diagnostic line: a newline or other control character
 * a scenario put in a string (a command name, a path) would end the line
 * and could forge a result line, so it is written as \n, \r, \t or \xNN.
 */
static void ktap_escape(const char *text, char *out, size_t len)
{
	size_t o = 0;

	for (; *text && o + 5 < len; text++) {
		unsigned char c = (unsigned char)*text;

		if (c == '\n' || c == '\r' || c == '\t') {
			out[o++] = '\\';
			out[o++] = c == '\n' ? 'n' : c == '\r' ? 'r' : 't';
		} else if (c < ' ' || c == 0x7f) {
			o += (size_t)snprintf(out + o, len - o, "\\x%02x", c);
		} else {
			out[o++] = (char)c;
		}
	}
	out[o] = 0;
}

/*
 * Fails the case with a scenario's "file:line:col: what": the scenario's
 * position stands where a C test's file:line would, so the diagnostic reads
 * "# case: file:line:col: what" and names no runner source.
 */
static void fail_at_scenario(const char *raw)
{
	char failure[4096];
	const char *colon;
	char *end = NULL;
	unsigned long line = 0, col = 0;

	ktap_escape(raw, failure, sizeof(failure));
	colon = strchr(failure, ':');
	if (colon) {
		line = strtoul(colon + 1, &end, 10);
		if (end && *end == ':')
			col = strtoul(end + 1, &end, 10);
	}
	if (colon && line && col && end && end[0] == ':' && end[1] == ' ' && col <= INT_MAX) {
		char where[PATH_MAX + 32];

		snprintf(where, sizeof(where), "%.*s:%lu", (int)(colon - failure), failure, line);
		__kunit_fail_current_test_impl(where, (int)col, "%s", end + 2);
	} else {
		kunit_fail_current_test("%s", failure);
	}
}

static void run_scenario_case(struct kunit *test)
{
	struct scn_case *c = kunit_case_data(test);
	struct scenario_run_opts ro = { 0 };
	struct scenario_result res;
	FILE *trace = NULL;

	if (!c->scenario) {
		fail_at_scenario(c->load_error);
		return;
	}
	if (c->skip) {
		__kunit_mark_skipped(test, "runs on profile %s only", scenario_profile(c->scenario, 0));
		return;
	}
	/* Load notes as KTAP diagnostics of this case. */
	for (const char *n = scenario_notes(c->scenario); *n;) {
		const char *nl = strchr(n, '\n');
		size_t len = nl ? (size_t)(nl - n) : strlen(n);
		char note[1024], line[4096];

		snprintf(note, sizeof(note), "%.*s", (int)(len < sizeof(note) ? len : sizeof(note) - 1), n);
		ktap_escape(note, line, sizeof(line));
		printf("    # %s\n", line);
		n = nl ? nl + 1 : n + strlen(n);
	}
	if (c->opts->trace_path) {
		trace = fopen(c->opts->trace_path, "a");
		if (trace) {
			fprintf(trace, "# scenario %s (%s) profile %s\n", scenario_name(c->scenario),
				c->path, c->profile);
			ro.trace_out = trace;
		}
	}
	scenario_run(c->scenario, c->profile, &ro, &res);
	if (trace)
		fclose(trace);
	if (!res.passed)
		fail_at_scenario(res.failure);
	scenario_result_free(&res);
}

static struct kunit_suite *new_suite(const char *name)
{
	struct kunit_suite *s = calloc(1, sizeof(*s));

	if (!s)
		abort();
	kunit_suite_set_name(s, name);
	return s;
}

static void add_case(struct kunit_suite *s, size_t *ncases, struct scn_case *c, const char *name)
{
	struct kunit_case *cases = realloc(s->test_cases, (*ncases + 2) * sizeof(*cases));

	if (!cases)
		abort();
	memset(&cases[*ncases], 0, 2 * sizeof(*cases));
	cases[*ncases].run_case = run_scenario_case;
	cases[*ncases].name = strdup(name);
	cases[*ncases].data = c;
	s->test_cases = cases;
	(*ncases)++;
}

int scn_build_suites(const char *const *paths, size_t npaths, const struct scn_suite_opts *opts,
		     struct kunit_suite ***suites_out)
{
	struct file_list files = { 0 };
	struct kunit_suite **suites = NULL;
	size_t *ncases = NULL;
	int nsuites = 0;

	for (size_t i = 0; i < npaths; i++)
		if (collect(paths[i], &files, 0))
			return -1;
	for (size_t i = 0; i < files.n; i++) {
		char sname[256], err[2048];
		struct scenario *sc = scenario_load(files.paths[i], err, sizeof(err));
		int si = -1;
		unsigned int nprof;

		suite_name_of(files.paths[i], sname, sizeof(sname));
		for (int k = 0; k < nsuites; k++)
			if (!strcmp(suites[k]->name, sname))
				si = k;
		if (si < 0) {
			suites = realloc(suites, (size_t)(nsuites + 1) * sizeof(*suites));
			ncases = realloc(ncases, (size_t)(nsuites + 1) * sizeof(*ncases));
			if (!suites || !ncases)
				abort();
			suites[nsuites] = new_suite(sname);
			ncases[nsuites] = 0;
			si = nsuites++;
		}
		nprof = sc ? scenario_nprofiles(sc) : 1;
		for (unsigned int p = 0; p < nprof; p++) {
			struct scn_case *c = calloc(1, sizeof(*c));
			char cname[300];
			const char *base = strrchr(files.paths[i], '/');

			if (!c)
				abort();
			c->path = strdup(files.paths[i]);
			c->opts = opts;
			if (!sc) {
				c->load_error = strdup(err);
				if (opts->load_errors)
					++*opts->load_errors;
				snprintf(cname, sizeof(cname), "%s", base ? base + 1 : files.paths[i]);
				ktap_name(cname);
				add_case(suites[si], &ncases[si], c, cname);
				continue;
			}
			c->scenario = p == 0 ? sc : sc;	/* shared; freed once with p == 0 */
			c->profile = scenario_profile(sc, p);
			if (opts->profile) {
				if (p > 0)	/* one case when a profile is forced */
					{ free(c->path); free(c); break; }
				c->skip = !scenario_runs_on(sc, opts->profile);
				c->profile = c->skip ? scenario_profile(sc, 0) : opts->profile;
				snprintf(cname, sizeof(cname), "%s", scenario_name(sc));
			} else if (nprof > 1) {
				snprintf(cname, sizeof(cname), "%s@%s", scenario_name(sc), c->profile);
			} else {
				snprintf(cname, sizeof(cname), "%s", scenario_name(sc));
			}
			add_case(suites[si], &ncases[si], c, cname);
		}
	}
	for (size_t i = 0; i < files.n; i++)
		free(files.paths[i]);
	free(files.paths);
	free(ncases);
	*suites_out = suites;
	return nsuites;
}

void scn_free_suites(struct kunit_suite **suites, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct scenario *last = NULL;

		for (struct kunit_case *k = suites[i]->test_cases; k && k->run_case; k++) {
			struct scn_case *c = k->data;

			if (c->scenario && c->scenario != last)
				scenario_free(c->scenario);
			last = c->scenario;
			free(c->path);
			free(c->load_error);
			free(c);
			free((char *)k->name);
		}
		free(suites[i]->test_cases);
		free(suites[i]);
	}
	free(suites);
}
