// SPDX-License-Identifier: BSD-3-Clause
/* The sweep's table and JSON, and merging shards' JSON (sweep_out.h). */
#include "sweep_out.h"

#include <cca-double/abi.h>
#include <kunit/junit.h>

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "yaml_doc.h"

/*
 * s on f with control characters (and DEL) as \xNN, padded with blanks to
 * `width` characters: a run's detail and names may hold any byte (a
 * scenario's strings, or a merged shard's JSON), and a terminal would obey
 * an escape sequence printed as it is.
 */
static void put_safe(FILE *f, const char *s, int width)
{
	int n = 0;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c < 0x20 || c == 0x7f)
			n += fprintf(f, "\\x%02x", c);
		else
			n += fputc(c, f) != EOF;
	}
	for (; n < width; n++)
		fputc(' ', f);
}

void sweep_print_header(const struct sweep_report *rep)
{
	printf("sweep ");
	put_safe(stdout, rep->scenario, 0);
	printf(" (");
	put_safe(stdout, rep->path, 0);
	printf(") on ");
	put_safe(stdout, rep->profile, 0);
	printf("\n");
}

void sweep_print_run(const struct sweep_run *r)
{
	printf("  %4zu ", r->call);
	put_safe(stdout, r->command, 24);
	printf(" #%-3llu ", (unsigned long long)r->nth);
	put_safe(stdout, r->status, 16);
	printf(" %-5s warn=%u leak=%llu+%llu quar=%llu teardown=%s%s",
	       sweep_outcome_name(r->outcome), r->warnings, (unsigned long long)r->leaked_granules,
	       (unsigned long long)r->leaked_pages, (unsigned long long)r->quarantined_pages,
	       r->teardown_complete ? "yes" : "no",
	       r->detail[0] && r->outcome != SWEEP_OK ? "  " : "");
	if (r->outcome != SWEEP_OK)
		put_safe(stdout, r->detail, 0);
	printf("\n");
}

void sweep_print_summary(const struct sweep_report *rep, struct sweep_totals *t)
{
	unsigned long nbad = 0, nwarn = 0;

	if (rep->clean_failed) {
		printf("  clean run failed (%s): ", sweep_outcome_name(rep->clean.outcome));
		put_safe(stdout, rep->clean.detail, 0);
		printf("\n");
		t->clean_failed++;
	}
	for (size_t k = 0; k < rep->nruns; k++) {
		nbad += sweep_run_bad(&rep->runs[k]);
		nwarn += rep->runs[k].outcome == SWEEP_WARN;
	}
	printf("  %zu calls, %zu runs: %lu ok, %lu warn, %lu bad\n", rep->ncalls, rep->nruns,
	       (unsigned long)rep->nruns - nbad - nwarn, nwarn, nbad);
	t->runs += rep->nruns;
	t->warn += nwarn;
	t->bad += nbad;
}

void sweep_print_totals(const struct sweep_totals *t)
{
	printf("sweep: %lu runs: %lu ok, %lu warn (WARN only), %lu bad; %lu clean runs failed\n",
	       t->runs, t->runs - t->bad - t->warn, t->warn, t->bad, t->clean_failed);
}

/* ---- JSON ---- */

static void json_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fprintf(f, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			fprintf(f, "\\u%04x", *s);
		else
			fputc(*s, f);
	}
	fputc('"', f);
}

static void json_run(FILE *f, const struct sweep_run *r, bool seq)
{
	fputc('{', f);
	if (seq)
		fprintf(f, "\"seq\": %zu, ", r->seq);
	fprintf(f, "\"call\": %zu, \"command\": ", r->call);
	json_str(f, r->command);
	fprintf(f, ", \"nth\": %llu, \"status\": ", (unsigned long long)r->nth);
	json_str(f, r->status);
	fprintf(f, ", \"index\": %llu, \"outcome\": \"%s\", \"fault_fired\": %s, \"scenario_completed\": %s, "
		   "\"warnings\": %u, \"leaked_granules\": %llu, \"leaked_pages\": %llu, "
		   "\"quarantined_pages\": %llu, "
		   "\"teardown_complete\": %s, \"seconds\": %.4f, \"detail\": ",
		(unsigned long long)r->index, sweep_outcome_name(r->outcome),
		r->fault_fired ? "true" : "false", r->passed ? "true" : "false", r->warnings,
		(unsigned long long)r->leaked_granules, (unsigned long long)r->leaked_pages,
		(unsigned long long)r->quarantined_pages, r->teardown_complete ? "true" : "false",
		/* JSON has no inf or nan (a merge refuses them: read_seconds()). */
		isfinite(r->seconds) && r->seconds >= 0 ? r->seconds : 0.0);
	json_str(f, r->detail);
	fputc('}', f);
}

void sweep_json_begin(struct sweep_json *j)
{
	j->first = true;
	if (!j->f)
		return;
	fprintf(j->f, "{");
	if (j->shard_count)
		fprintf(j->f, "\"shard\": {\"index\": %u, \"count\": %u}, ", j->shard_index,
			j->shard_count);
	fprintf(j->f, "\"sweeps\": [");
}

void sweep_json_sweep(struct sweep_json *j, const struct sweep_report *rep)
{
	FILE *f = j->f;

	if (!f)
		return;
	fprintf(f, "%s\n {\"scenario\": ", j->first ? "" : ",");
	json_str(f, rep->scenario);
	fprintf(f, ", \"file\": ");
	json_str(f, rep->path);
	fprintf(f, ", \"profile\": ");
	json_str(f, rep->profile);
	fprintf(f, ", \"clean\": ");
	json_run(f, &rep->clean, false);
	fprintf(f, ", \"calls\": %zu, ", rep->ncalls);
	if (j->shard_count)
		fprintf(f, "\"total_runs\": %zu, ", rep->total_runs);
	fprintf(f, "\"runs\": [");
	for (size_t k = 0; k < rep->nruns; k++) {
		fprintf(f, "%s\n  ", k ? "," : "");
		json_run(f, &rep->runs[k], j->shard_count > 0);
	}
	fprintf(f, "]}");
	j->first = false;
}

void sweep_json_end(struct sweep_json *j, const struct sweep_totals *t)
{
	if (!j->f)
		return;
	fprintf(j->f, "\n], \"runs\": %lu, \"ok\": %lu, \"warn\": %lu, \"bad\": %lu, \"clean_failed\": %lu}\n",
		t->runs, t->runs - t->bad - t->warn, t->warn, t->bad, t->clean_failed);
}

void sweep_progress_line(char *buf, size_t len, const struct sweep_report *rep, size_t done,
			 double elapsed)
{
	double left = done ? elapsed / (double)done * (double)(rep->nruns - done) : 0;
	unsigned long s = (unsigned long)(left + 0.5);

	snprintf(buf, len, "%s@%s: %zu/%zu runs, ETA %lu:%02lu", rep->scenario, rep->profile, done,
		 rep->nruns, s / 60, s % 60);
}

/* ---- JUnit XML (the shared writer, kunit/junit.h) ---- */

/* "warn=N leak=G+P quar=Q teardown=yes" into buf. */
static void junit_counts(char *buf, size_t len, const struct sweep_run *r)
{
	snprintf(buf, len, "warn=%u leak=%llu+%llu quar=%llu teardown=%s", r->warnings,
		 (unsigned long long)r->leaked_granules, (unsigned long long)r->leaked_pages,
		 (unsigned long long)r->quarantined_pages, r->teardown_complete ? "yes" : "no");
}

/* A run's strings for its test case. */
struct junit_run_text {
	char name[256], counts[128], out[1024];
};

static struct junit_case junit_run(const char *suite, const char *name, const struct sweep_run *r,
				   bool failed, struct junit_run_text *t)
{
	const char *outcome = sweep_outcome_name(r->outcome);

	snprintf(t->name, sizeof(t->name), "%s", name);
	junit_counts(t->counts, sizeof(t->counts), r);
	snprintf(t->out, sizeof(t->out), "%s %s%s%s", outcome, t->counts, r->detail[0] ? " " : "",
		 r->detail);
	return (struct junit_case){
		.classname = suite, .name = t->name, .seconds = r->seconds,
		.result = failed ? JUNIT_FAILED : JUNIT_PASSED, .failure_type = outcome,
		.message = r->detail[0] ? r->detail : outcome, .text = t->counts,
		.system_out = t->out,
	};
}

void sweep_junit_begin(struct sweep_junit *j)
{
	if (j->f)
		junit_begin(j->f, "cca-double sweep");
}

void sweep_junit_sweep(struct sweep_junit *j, const struct sweep_report *rep)
{
	char suite[600], calls[32];
	struct junit_run_text *text;
	struct junit_case *cases;
	struct junit_property props[2] = { { "file", rep->path }, { "calls", calls } };

	if (!j->f)
		return;
	snprintf(suite, sizeof(suite), "%s@%s", rep->scenario, rep->profile);
	snprintf(calls, sizeof(calls), "%zu", rep->ncalls);
	cases = calloc(rep->nruns + 1, sizeof(*cases));
	text = calloc(rep->nruns + 1, sizeof(*text));
	if (!cases || !text)
		abort();
	cases[0] = junit_run(suite, "clean run", &rep->clean, rep->clean_failed, &text[0]);
	for (size_t k = 0; k < rep->nruns; k++) {
		const struct sweep_run *r = &rep->runs[k];
		char name[200];

		snprintf(name, sizeof(name), "call %zu %s #%llu %s", r->call, r->command,
			 (unsigned long long)r->nth, r->status);
		cases[k + 1] = junit_run(suite, name, r, sweep_run_bad(r), &text[k + 1]);
	}
	junit_suite(j->f, suite, props, 2, cases, rep->nruns + 1);
	free(cases);
	free(text);
}

void sweep_junit_end(struct sweep_junit *j)
{
	if (j->f)
		junit_end(j->f);
}

FILE *sweep_open_output(const char *opt, const char *path)
{
	FILE *f = fopen(path, "w");

	if (!f)
		fprintf(stderr, "sweep: %s %s: %s\n", opt, path, strerror(errno));
	return f;
}

int sweep_close_output(FILE *f, const char *opt, const char *path)
{
	bool failed;
	int err = 0;

	if (!f)
		return 0;
	failed = ferror(f);
	if (fclose(f)) {
		failed = true;
		err = errno;
	}
	if (failed) {
		fprintf(stderr, "sweep: %s %s: %s\n", opt, path, strerror(err ? err : EIO));
		return -1;
	}
	return 0;
}

/* ---- Merging shards ---- */

/*
 * A shard's JSON is read back as strictly as sweep_json_*() and json_run()
 * write it: every key known and given once, strings quoted and no longer
 * than their fields, numbers plain decimal within their fields' types, and
 * what a sweep guarantees between fields holds (run_consistent(),
 * merge_sweep()).  Anything else was not written by a sweep, and merging it
 * would print (and write) what no sweep did.
 */

static const char *const run_keys[] = {
	"seq", "call", "command", "nth", "status", "index", "outcome", "fault_fired",
	"scenario_completed", "warnings", "leaked_granules", "leaked_pages", "quarantined_pages",
	"teardown_complete", "seconds", "detail", NULL,
};
static const char *const *const clean_keys = run_keys + 1;	/* no "seq" */
static const char *const sweep_keys[] = {
	"scenario", "file", "profile", "clean", "calls", "total_runs", "runs", NULL,
};
static const char *const shard_keys[] = { "index", "count", NULL };
static const char *const root_keys[] = {
	"shard", "sweeps", "runs", "ok", "warn", "bad", "clean_failed", NULL,
};

/* A mapping with only `keys` (ydoc_load_file() refuses a key given twice). */
static int check_map(struct ydoc *d, yaml_node_t *map, const char *what, const char *const *keys)
{
	if (!ynode_is_map(map))
		return ydoc_err(d, map, "%s: expected a mapping", what);
	return ymap_check_keys(d, map, what, keys);
}

/* `key`'s value, a scalar of `style` (or a NULL with the error set). */
static yaml_node_t *get_scalar(struct ydoc *d, yaml_node_t *map, const char *key,
			       yaml_scalar_style_t style, const char *expected)
{
	yaml_node_t *v = ymap_get(d, map, key);

	if (!v) {
		ydoc_err(d, map, "missing \"%s\"", key);
		return NULL;
	}
	if (!ynode_is_scalar(v)) {
		ydoc_err(d, v, "\"%s\": expected %s, not a %s", key, expected,
			 ynode_is_map(v) ? "mapping" : "sequence");
		return NULL;
	}
	if (v->data.scalar.style != style) {
		ydoc_err(d, v, "\"%s\": expected %s, not %s'%s'", key, expected,
			 style == YAML_PLAIN_SCALAR_STYLE ? "the string " : "", ynode_str(v));
		return NULL;
	}
	return v;
}

/* A whole number 0..max, in decimal digits (as the writer prints it). */
static int get_uint(struct ydoc *d, yaml_node_t *map, const char *key, uint64_t max, uint64_t *out)
{
	char expected[64];
	yaml_node_t *v;
	const char *s;
	uint64_t n = 0;

	snprintf(expected, sizeof(expected), "a whole number from 0 to %llu", (unsigned long long)max);
	v = get_scalar(d, map, key, YAML_PLAIN_SCALAR_STYLE, expected);
	if (!v)
		return -1;
	s = ynode_str(v);
	for (const char *p = s; *p; p++) {
		uint64_t digit = (uint64_t)(*p - '0');

		if (*p < '0' || *p > '9' || n > max / 10 || max - n * 10 < digit)
			return ydoc_err(d, v, "\"%s\": expected %s, not '%s'", key, expected, s);
		n = n * 10 + digit;
	}
	if (!*s)
		return ydoc_err(d, v, "\"%s\": expected %s, not nothing", key, expected);
	*out = n;
	return 0;
}

/* A string of at most len - 1 bytes, no NUL in it. */
static int get_str(struct ydoc *d, yaml_node_t *map, const char *key, char *out, size_t len)
{
	yaml_node_t *v = get_scalar(d, map, key, YAML_DOUBLE_QUOTED_SCALAR_STYLE, "a quoted string");
	const char *s;

	if (!v)
		return -1;
	s = ynode_str(v);
	if (strlen(s) != v->data.scalar.length)
		return ydoc_err(d, v, "\"%s\": a string with a NUL character", key);
	if (v->data.scalar.length >= len)
		return ydoc_err(d, v, "\"%s\": expected at most %zu characters, not %zu", key, len - 1,
				v->data.scalar.length);
	memcpy(out, s, v->data.scalar.length + 1);
	return 0;
}

static int get_bool(struct ydoc *d, yaml_node_t *map, const char *key, bool *out)
{
	yaml_node_t *v = get_scalar(d, map, key, YAML_PLAIN_SCALAR_STYLE, "true or false");

	if (!v)
		return -1;
	if (strcmp(ynode_str(v), "true") && strcmp(ynode_str(v), "false"))
		return ydoc_err(d, v, "\"%s\": expected true or false, not '%s'", key, ynode_str(v));
	*out = !strcmp(ynode_str(v), "true");
	return 0;
}

/* A run's seconds: a finite number >= 0 in JSON's syntax (no inf, nan, hex or quotes). */
static int read_seconds(struct ydoc *d, yaml_node_t *map, double *out)
{
	static const char expected[] = "a finite number of seconds, 0 or more";
	yaml_node_t *v = get_scalar(d, map, "seconds", YAML_PLAIN_SCALAR_STYLE, expected);
	const char *s;
	char *end;

	if (!v)
		return -1;
	s = ynode_str(v);
	errno = 0;
	*out = s[0] >= '0' && s[0] <= '9' && strspn(s, "0123456789.eE+-") == strlen(s) ?
		       strtod(s, &end) : NAN;
	if (isnan(*out) || *end || errno || !isfinite(*out) || *out < 0)
		return ydoc_err(d, v, "\"seconds\": expected %s, not '%s'", expected, s);
	return 0;
}

/*
 * What judge() in scn_sweep.c guarantees: a leak is a leak count, a WARN
 * warnings and no leak, ok neither (crashes, hangs, GPFs and runs that
 * could not run have no counts to check).
 */
static int run_consistent(struct ydoc *d, yaml_node_t *n, const struct sweep_run *r)
{
	bool leaked = r->leaked_granules || r->leaked_pages;
	bool ok = r->outcome == SWEEP_OK ? !leaked && !r->warnings :
		  r->outcome == SWEEP_WARN ? !leaked && r->warnings :
		  r->outcome == SWEEP_LEAK ? leaked : true;

	if (!ok)
		return ydoc_err(d, ymap_get(d, n, "outcome"),
				"outcome \"%s\" with %u warnings, %llu+%llu leaked granules+pages: a sweep gives %s",
				sweep_outcome_name(r->outcome), r->warnings,
				(unsigned long long)r->leaked_granules,
				(unsigned long long)r->leaked_pages,
				r->outcome == SWEEP_OK ? "no warning and no leak to an ok run" :
				r->outcome == SWEEP_WARN ? "warnings and no leak to a warn run" :
				"a leak count to a leak run");
	return 0;
}

/* One run as json_run() wrote it. */
static int read_run(struct ydoc *d, yaml_node_t *n, struct sweep_run *r, bool seq)
{
	char outcome[16];
	uint64_t v = 0, w;

	memset(r, 0, sizeof(*r));
	if (check_map(d, n, seq ? "a run" : "the clean run", seq ? run_keys : clean_keys))
		return -1;
	if (seq && get_uint(d, n, "seq", SIZE_MAX, &v))
		return -1;
	r->seq = (size_t)v;
	if (get_uint(d, n, "call", SIZE_MAX, &v))
		return -1;
	r->call = (size_t)v;
	if (get_str(d, n, "command", r->command, sizeof(r->command)) ||
	    get_uint(d, n, "nth", UINT64_MAX, &r->nth) ||
	    get_str(d, n, "status", r->status, sizeof(r->status)) ||
	    get_uint(d, n, "index", UINT64_MAX, &r->index) ||
	    get_str(d, n, "outcome", outcome, sizeof(outcome)) ||
	    get_bool(d, n, "fault_fired", &r->fault_fired) ||
	    get_bool(d, n, "scenario_completed", &r->passed) ||
	    get_uint(d, n, "warnings", UINT_MAX, &w) ||
	    get_uint(d, n, "leaked_granules", UINT64_MAX, &r->leaked_granules) ||
	    get_uint(d, n, "leaked_pages", UINT64_MAX, &r->leaked_pages) ||
	    get_uint(d, n, "quarantined_pages", UINT64_MAX, &r->quarantined_pages) ||
	    get_bool(d, n, "teardown_complete", &r->teardown_complete) ||
	    read_seconds(d, n, &r->seconds) ||
	    get_str(d, n, "detail", r->detail, sizeof(r->detail)))
		return -1;
	r->warnings = (unsigned int)w;
	if (!sweep_outcome_from_name(outcome, &r->outcome))
		return ydoc_err(d, ymap_get(d, n, "outcome"), "unknown outcome '%s'", outcome);
	return run_consistent(d, n, r);
}

struct shard {
	struct ydoc doc;
	yaml_node_t *root;
	unsigned int index, count;
	uint64_t runs, ok, warn, bad, clean_failed;	/* its totals, as written */
	uint64_t seen_runs, seen_warn, seen_bad, seen_clean_failed;	/* as its sweeps add up */
	yaml_node_t *sweeps;
};

static int load_shard(struct shard *sh, const char *path)
{
	struct ydoc *d = &sh->doc;
	yaml_node_t *root, *n;
	uint64_t index, count;

	if (ydoc_load_file(d, path))
		return -1;
	root = sh->root = ydoc_root(d);
	if (!ynode_is_map(root))
		return ydoc_err(d, root, "not a sweep's JSON");
	n = ymap_get(d, root, "shard");
	if (!n || !ynode_is_map(n))
		return ydoc_err(d, root, "not a shard's JSON (no \"shard\": written by sweep --shard K/N --json)");
	if (check_map(d, root, "a shard's JSON", root_keys) ||
	    check_map(d, n, "\"shard\"", shard_keys) || get_uint(d, n, "index", 1000000, &index) ||
	    get_uint(d, n, "count", 1000000, &count))
		return -1;
	if (!count || !index || index > count)
		return ydoc_err(d, n, "shard %llu of %llu", (unsigned long long)index,
				(unsigned long long)count);
	sh->index = (unsigned int)index;
	sh->count = (unsigned int)count;
	sh->sweeps = ymap_get(d, root, "sweeps");
	if (!sh->sweeps || !ynode_is_seq(sh->sweeps))
		return ydoc_err(d, root, "missing \"sweeps\" list");
	return get_uint(d, root, "runs", ULONG_MAX, &sh->runs) ||
	       get_uint(d, root, "ok", ULONG_MAX, &sh->ok) ||
	       get_uint(d, root, "warn", ULONG_MAX, &sh->warn) ||
	       get_uint(d, root, "bad", ULONG_MAX, &sh->bad) ||
	       get_uint(d, root, "clean_failed", ULONG_MAX, &sh->clean_failed) ? -1 : 0;
}

/* The shard's totals are those of its runs (sweep_json_end()). */
static int shard_totals_consistent(struct shard *sh)
{
	struct ydoc *d = &sh->doc;

	if (sh->runs != sh->seen_runs || sh->warn != sh->seen_warn || sh->bad != sh->seen_bad ||
	    sh->ok != sh->runs - sh->warn - sh->bad || sh->warn + sh->bad > sh->runs)
		return ydoc_err(d, ymap_get(d, sh->root, "runs"),
				"runs %llu, ok %llu, warn %llu, bad %llu; its sweeps list %llu runs: %llu ok, %llu warn, %llu bad",
				(unsigned long long)sh->runs, (unsigned long long)sh->ok,
				(unsigned long long)sh->warn, (unsigned long long)sh->bad,
				(unsigned long long)sh->seen_runs,
				(unsigned long long)(sh->seen_runs - sh->seen_warn - sh->seen_bad),
				(unsigned long long)sh->seen_warn, (unsigned long long)sh->seen_bad);
	if (sh->clean_failed < sh->seen_clean_failed)
		return ydoc_err(d, ymap_get(d, sh->root, "clean_failed"),
				"clean_failed %llu, but %llu of its sweeps' clean runs failed",
				(unsigned long long)sh->clean_failed,
				(unsigned long long)sh->seen_clean_failed);
	return 0;
}

static bool run_error_listed(const struct abi_profile *abi, const struct sweep_run *r)
{
	const struct abi_command *c = abi_command_by_name(abi, ABI_RMI, r->command);

	for (unsigned int e = 0; c && e < c->nerrors; e++)
		if (!strcmp(c->errors[e], r->status))
			return true;
	return false;
}

/* The names a merged report points to (longer ones are refused, not cut: get_str()). */
struct sweep_names {
	char scenario[SCENARIO_NAME_MAX + 1], file[4096], profile[64];
};

/*
 * Sweep i of every shard: the same scenario, clean run and calls, runs
 * that add up.  *offset: the runs of the sweeps before it (all shards),
 * where its runs' numbers among all the runs start (sweep_opts.run_seq),
 * which say which shard each is in.
 */
static int merge_sweep(struct shard *sh, size_t nsh, size_t i, uint64_t *offset,
		       struct sweep_report *rep, struct sweep_names *names)
{
	char *scenario = names->scenario, *file = names->file, *profile = names->profile;
	uint64_t ncalls = 0, total = 0, listed = 0;
	const struct abi_profile *abi = NULL;
	yaml_node_t **runs = calloc(nsh, sizeof(*runs));
	bool *have = NULL, clean_failed = false;
	int ret = -1;

	memset(rep, 0, sizeof(*rep));
	if (!runs)
		abort();
	/* First what each shard says, and that the runs it lists add up, before allocating. */
	for (size_t s = 0; s < nsh; s++) {
		struct ydoc *d = &sh[s].doc;
		yaml_node_t *sw = yseq_at(d, sh[s].sweeps, i);
		struct sweep_names cur;
		struct sweep_run clean;
		uint64_t calls, tr;

		if (check_map(d, sw, "a sweep", sweep_keys) ||
		    get_str(d, sw, "scenario", cur.scenario, sizeof(cur.scenario)) ||
		    get_str(d, sw, "file", cur.file, sizeof(cur.file)) ||
		    get_str(d, sw, "profile", cur.profile, sizeof(cur.profile)) ||
		    /* The sweep held every call of its clean run in memory (run_clean(), scn_sweep.c). */
		    get_uint(d, sw, "calls", SIZE_MAX / sizeof(struct scenario_call), &calls) ||
		    get_uint(d, sw, "total_runs", SIZE_MAX, &tr))
			goto out;
		if (!ymap_get(d, sw, "clean")) {
			ydoc_err(d, sw, "missing \"clean\"");
			goto out;
		}
		if (read_run(d, ymap_get(d, sw, "clean"), &clean, false))
			goto out;
		runs[s] = ymap_get(d, sw, "runs");
		if (!runs[s] || !ynode_is_seq(runs[s])) {
			ydoc_err(d, sw, "missing \"runs\" list");
			goto out;
		}
		listed += yseq_len(runs[s]);
		if (!s) {
			abi = abi_profile_find(cur.profile);
			if (!abi) {
				ydoc_err(d, ymap_get(d, sw, "profile"), "unknown profile '%s'", cur.profile);
				goto out;
			}
			*names = cur;
			ncalls = calls;
			total = tr;
			rep->clean = clean;
			clean_failed = sweep_run_bad(&clean) || !clean.passed;
			/* sweep_scenario() plans no run after a failed clean run. */
			if (clean_failed && total) {
				ydoc_err(d, ymap_get(d, sw, "total_runs"),
					 "total_runs %llu after a failed clean run: a sweep runs none",
					 (unsigned long long)total);
				goto out;
			}
		} else if (strcmp(scenario, cur.scenario) || strcmp(file, cur.file) ||
			   strcmp(profile, cur.profile) ||
			   calls != ncalls || tr != total || clean.outcome != rep->clean.outcome ||
			   clean.passed != rep->clean.passed) {
			ydoc_err(d, sw, "sweep %zu is %s (%s) on %s with %llu calls and %llu runs, clean %s; the first shard's is %s (%s) on %s with %llu calls and %llu runs, clean %s: not shards of one sweep",
				 i + 1, cur.scenario, cur.file, cur.profile, (unsigned long long)calls,
				 (unsigned long long)tr, sweep_outcome_name(clean.outcome), scenario, file,
				 profile, (unsigned long long)ncalls, (unsigned long long)total,
				 sweep_outcome_name(rep->clean.outcome));
			goto out;
		}
	}
	if (listed != total) {
		ydoc_err(&sh[0].doc, ymap_get(&sh[0].doc, yseq_at(&sh[0].doc, sh[0].sweeps, i), "total_runs"),
			 "total_runs %llu, but the %zu shards list %llu runs of sweep %zu (%s on %s)",
			 (unsigned long long)total, nsh, (unsigned long long)listed, i + 1, scenario,
			 profile);
		goto out;
	}
	rep->runs = calloc(total + 1, sizeof(*rep->runs));
	have = calloc(total + 1, sizeof(*have));
	if (!rep->runs || !have)
		abort();
	for (size_t s = 0; s < nsh; s++) {
		struct ydoc *d = &sh[s].doc;

		sh[s].seen_clean_failed += clean_failed;
		for (size_t k = 0; k < yseq_len(runs[s]); k++) {
			yaml_node_t *n = yseq_at(d, runs[s], k);
			struct sweep_run r;

			if (read_run(d, n, &r, true))
				goto out;
			if (r.seq >= total || have[r.seq]) {
				ydoc_err(d, ymap_get(d, n, "seq"), "run %zu %s", r.seq,
					 r.seq >= total ? "out of range" : "also in another shard");
				goto out;
			}
			/* Shard K/N has the runs numbered K-1 modulo N (plan_runs() in scn_sweep.c). */
			if ((*offset + r.seq) % sh[s].count != sh[s].index - 1) {
				ydoc_err(d, ymap_get(d, n, "seq"),
					 "run %zu of sweep %zu is run %llu of all, not one of shard %u/%u",
					 r.seq, i + 1, (unsigned long long)(*offset + r.seq), sh[s].index,
					 sh[s].count);
				goto out;
			}
			/* An error the profile lists for that RMI command (plan_runs(), scn_sweep.c). */
			if (!run_error_listed(abi, &r)) {
				ydoc_err(d, ymap_get(d, n, "status"),
					 "%s is not an error profile %s lists for RMI command '%s'",
					 r.status, profile, r.command);
				goto out;
			}
			/* A run's call is one of the clean run's (1-based). */
			if (!r.call || r.call > ncalls) {
				ydoc_err(d, ymap_get(d, n, "call"), "call %zu of a sweep of %llu calls",
					 r.call, (unsigned long long)ncalls);
				goto out;
			}
			have[r.seq] = true;
			rep->runs[r.seq] = r;
			sh[s].seen_runs++;
			sh[s].seen_warn += r.outcome == SWEEP_WARN;
			sh[s].seen_bad += sweep_run_bad(&r);
		}
	}
	/* The runs add up to total_runs and none is twice: each is there once. */
	*offset += total;
	rep->scenario = scenario;
	rep->path = file;
	rep->profile = profile;
	rep->ncalls = (size_t)ncalls;
	rep->nruns = rep->total_runs = (size_t)total;
	rep->clean_failed = clean_failed;
	ret = 0;
out:
	free(runs);
	free(have);
	if (ret)
		sweep_report_free(rep);
	return ret;
}

/* The first error of any shard, on stderr (its strings terminal-safe). */
static void print_errors(struct shard *sh, size_t nsh)
{
	for (size_t s = 0; s < nsh; s++)
		if (sh[s].doc.error[0]) {
			put_safe(stderr, sh[s].doc.error, 0);
			fputc('\n', stderr);
		}
}

int sweep_merge(const char *const *paths, size_t npaths, bool quiet, const char *json,
		const char *junit)
{
	struct shard *sh = calloc(npaths, sizeof(*sh));
	struct sweep_json j = { 0 };
	struct sweep_junit ju = { 0 };
	struct sweep_totals t = { 0 };
	struct sweep_report *reps = NULL;
	struct sweep_names *names = NULL;
	uint64_t offset = 0;
	size_t nsweeps, merged = 0;
	int ret = 2;

	if (!sh)
		abort();
	for (size_t s = 0; s < npaths; s++)
		if (load_shard(&sh[s], paths[s])) {
			print_errors(&sh[s], 1);
			goto out;
		}
	/* Each shard of one split exactly once; then shard 1 first, for the messages. */
	for (size_t s = 0; s < npaths; s++) {
		bool seen = false;

		for (size_t o = 0; o < npaths; o++)
			seen |= o != s && sh[o].index == sh[s].index;
		if (sh[s].count != npaths || seen) {
			fprintf(stderr, "%s: shard %u/%u; merging needs each of the %u shards once (got %zu files)\n",
				paths[s], sh[s].index, sh[s].count, sh[s].count, npaths);
			goto out;
		}
	}
	nsweeps = yseq_len(sh[0].sweeps);
	for (size_t s = 0; s < npaths; s++) {
		if (yseq_len(sh[s].sweeps) != nsweeps || sh[s].clean_failed != sh[0].clean_failed) {
			fprintf(stderr, "%s: %zu sweeps, %llu clean runs failed; %s: %zu, %llu: not shards of one sweep\n",
				paths[s], yseq_len(sh[s].sweeps), (unsigned long long)sh[s].clean_failed,
				paths[0], nsweeps, (unsigned long long)sh[0].clean_failed);
			goto out;
		}
	}
	/* All read and checked before anything is printed or written. */
	reps = calloc(nsweeps + 1, sizeof(*reps));
	names = calloc(nsweeps + 1, sizeof(*names));
	if (!reps || !names)
		abort();
	for (; merged < nsweeps; merged++)
		if (merge_sweep(sh, npaths, merged, &offset, &reps[merged], &names[merged]))
			goto bad;
	for (size_t s = 0; s < npaths; s++)
		if (shard_totals_consistent(&sh[s]))
			goto bad;
	if ((json && !(j.f = sweep_open_output("--json", json))) ||
	    (junit && !(ju.f = sweep_open_output("--junit", junit))))
		goto out;
	sweep_json_begin(&j);
	sweep_junit_begin(&ju);
	for (size_t i = 0; i < nsweeps; i++) {
		struct sweep_report *rep = &reps[i];

		sweep_print_header(rep);
		for (size_t k = 0; k < rep->nruns; k++)
			if (!quiet || sweep_run_bad(&rep->runs[k]))
				sweep_print_run(&rep->runs[k]);
		sweep_print_summary(rep, &t);
		sweep_json_sweep(&j, rep);
		sweep_junit_sweep(&ju, rep);
	}
	/* Each shard counts every failed clean run, and scenarios that did not load (in no sweep). */
	t.clean_failed = (unsigned long)sh[0].clean_failed;
	sweep_json_end(&j, &t);
	sweep_junit_end(&ju);
	sweep_print_totals(&t);
	ret = t.bad || t.clean_failed ? 1 : 0;
	if (sweep_close_output(j.f, "--json", json) | sweep_close_output(ju.f, "--junit", junit))
		ret = 2;
	j.f = ju.f = NULL;
	goto out;
bad:
	print_errors(sh, npaths);
out:
	if (j.f)
		fclose(j.f);
	if (ju.f)
		fclose(ju.f);
	for (size_t i = 0; i < merged; i++)
		sweep_report_free(&reps[i]);
	free(reps);
	free(names);
	for (size_t s = 0; s < npaths; s++)
		ydoc_free(&sh[s].doc);
	free(sh);
	return ret;
}
