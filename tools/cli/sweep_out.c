// SPDX-License-Identifier: BSD-3-Clause
/* The sweep's table and JSON, and merging shards' JSON (sweep_out.h). */
#include "sweep_out.h"

#include <kunit/junit.h>

#include <stdlib.h>
#include <string.h>

#include "yaml_doc.h"

void sweep_print_header(const struct sweep_report *rep)
{
	printf("sweep %s (%s) on %s\n", rep->scenario, rep->path, rep->profile);
}

void sweep_print_run(const struct sweep_run *r)
{
	printf("  %4zu %-24s #%-3llu %-16s %-5s warn=%u leak=%llu+%llu quar=%llu teardown=%s%s%s\n",
	       r->call, r->command, (unsigned long long)r->nth, r->status,
	       sweep_outcome_name(r->outcome), r->warnings, (unsigned long long)r->leaked_granules,
	       (unsigned long long)r->leaked_pages, (unsigned long long)r->quarantined_pages,
	       r->teardown_complete ? "yes" : "no",
	       r->detail[0] && r->outcome != SWEEP_OK ? "  " : "",
	       r->outcome != SWEEP_OK ? r->detail : "");
}

void sweep_print_summary(const struct sweep_report *rep, struct sweep_totals *t)
{
	unsigned long nbad = 0, nwarn = 0;

	if (rep->clean_failed) {
		printf("  clean run failed (%s): %s\n", sweep_outcome_name(rep->clean.outcome),
		       rep->clean.detail);
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
		(unsigned long long)r->quarantined_pages, r->teardown_complete ? "true" : "false", r->seconds);
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
	fprintf(f, ", \"profile\": \"%s\", \"clean\": ", rep->profile);
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

/* ---- Merging shards ---- */

struct shard {
	struct ydoc doc;
	unsigned int index, count;
	uint64_t clean_failed;
	yaml_node_t *sweeps;
};

static int get_u64(struct ydoc *d, yaml_node_t *map, const char *key, uint64_t *out)
{
	yaml_node_t *v = ymap_get(d, map, key);

	if (!v)
		return ydoc_err(d, map, "missing \"%s\"", key);
	return yscalar_u64(d, v, key, out);
}

static int get_str(struct ydoc *d, yaml_node_t *map, const char *key, char *out, size_t len)
{
	yaml_node_t *v = ymap_get(d, map, key);
	const char *s;

	if (!v)
		return ydoc_err(d, map, "missing \"%s\"", key);
	if (yscalar_str(d, v, key, &s))
		return -1;
	snprintf(out, len, "%s", s);
	return 0;
}

static int get_bool(struct ydoc *d, yaml_node_t *map, const char *key, bool *out)
{
	yaml_node_t *v = ymap_get(d, map, key);

	if (!v)
		return ydoc_err(d, map, "missing \"%s\"", key);
	return yscalar_bool(d, v, key, out);
}

/* One run as json_run() wrote it. */
static int read_run(struct ydoc *d, yaml_node_t *n, struct sweep_run *r, bool seq)
{
	char outcome[16], seconds[32];
	uint64_t v;

	memset(r, 0, sizeof(*r));
	if (!ynode_is_map(n))
		return ydoc_err(d, n, "a run is a mapping");
	if (seq) {
		if (get_u64(d, n, "seq", &v))
			return -1;
		r->seq = (size_t)v;
	}
	if (get_u64(d, n, "call", &v))
		return -1;
	r->call = (size_t)v;
	if (get_str(d, n, "command", r->command, sizeof(r->command)) ||
	    get_u64(d, n, "nth", &r->nth) ||
	    get_str(d, n, "status", r->status, sizeof(r->status)) ||
	    get_u64(d, n, "index", &r->index) ||
	    get_str(d, n, "outcome", outcome, sizeof(outcome)) ||
	    get_bool(d, n, "fault_fired", &r->fault_fired) ||
	    get_bool(d, n, "scenario_completed", &r->passed) ||
	    get_u64(d, n, "warnings", &v) ||
	    get_u64(d, n, "leaked_granules", &r->leaked_granules) ||
	    get_u64(d, n, "leaked_pages", &r->leaked_pages) ||
	    get_u64(d, n, "quarantined_pages", &r->quarantined_pages) ||
	    get_bool(d, n, "teardown_complete", &r->teardown_complete) ||
	    get_str(d, n, "seconds", seconds, sizeof(seconds)) ||
	    get_str(d, n, "detail", r->detail, sizeof(r->detail)))
		return -1;
	r->warnings = (unsigned int)v;
	r->seconds = strtod(seconds, NULL);
	if (!sweep_outcome_from_name(outcome, &r->outcome))
		return ydoc_err(d, ymap_get(d, n, "outcome"), "unknown outcome '%s'", outcome);
	return 0;
}

static int load_shard(struct shard *sh, const char *path)
{
	struct ydoc *d = &sh->doc;
	yaml_node_t *root, *n;
	uint64_t index, count;

	if (ydoc_load_file(d, path))
		return -1;
	root = ydoc_root(d);
	if (!ynode_is_map(root))
		return ydoc_err(d, root, "not a sweep's JSON");
	n = ymap_get(d, root, "shard");
	if (!n || !ynode_is_map(n))
		return ydoc_err(d, root, "not a shard's JSON (no \"shard\": written by sweep --shard K/N --json)");
	if (get_u64(d, n, "index", &index) || get_u64(d, n, "count", &count))
		return -1;
	if (!count || !index || index > count || count > 1000000)
		return ydoc_err(d, n, "shard %llu of %llu", (unsigned long long)index,
				(unsigned long long)count);
	sh->index = (unsigned int)index;
	sh->count = (unsigned int)count;
	sh->sweeps = ymap_get(d, root, "sweeps");
	if (!sh->sweeps || !ynode_is_seq(sh->sweeps))
		return ydoc_err(d, root, "missing \"sweeps\" list");
	return get_u64(d, root, "clean_failed", &sh->clean_failed);
}

/* The names a merged report points to. */
struct sweep_names {
	char scenario[512], file[4096], profile[64];
};

/* Sweep i of every shard: the same scenario, clean run and calls, runs that add up. */
static int merge_sweep(struct shard *sh, size_t nsh, size_t i, struct sweep_report *rep,
		       struct sweep_names *names)
{
	char *scenario = names->scenario, *file = names->file, *profile = names->profile;
	uint64_t ncalls = 0, total = 0;
	bool *have = NULL;
	int ret = -1;

	memset(rep, 0, sizeof(*rep));
	for (size_t s = 0; s < nsh; s++) {
		struct ydoc *d = &sh[s].doc;
		yaml_node_t *sw = yseq_at(d, sh[s].sweeps, i), *runs;
		struct sweep_names cur;
		struct sweep_run clean;
		uint64_t calls, tr;

		if (!ynode_is_map(sw))
			return ydoc_err(d, sh[s].sweeps, "a sweep is a mapping");
		if (get_str(d, sw, "scenario", cur.scenario, sizeof(cur.scenario)) ||
		    get_str(d, sw, "file", cur.file, sizeof(cur.file)) ||
		    get_str(d, sw, "profile", cur.profile, sizeof(cur.profile)) ||
		    get_u64(d, sw, "calls", &calls) || get_u64(d, sw, "total_runs", &tr) ||
		    !ymap_get(d, sw, "clean") || read_run(d, ymap_get(d, sw, "clean"), &clean, false))
			goto out;
		runs = ymap_get(d, sw, "runs");
		if (!runs || !ynode_is_seq(runs)) {
			ydoc_err(d, sw, "missing \"runs\" list");
			goto out;
		}
		if (!s) {
			*names = cur;
			ncalls = calls;
			total = tr;
			rep->clean = clean;
			if (total > 10000000) {
				ydoc_err(d, sw, "total_runs %llu", (unsigned long long)total);
				goto out;
			}
			rep->runs = calloc(total + 1, sizeof(*rep->runs));
			have = calloc(total + 1, sizeof(*have));
			if (!rep->runs || !have)
				abort();
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
		for (size_t k = 0; k < yseq_len(runs); k++) {
			struct sweep_run r;

			if (read_run(d, yseq_at(d, runs, k), &r, true))
				goto out;
			if (r.seq >= total || have[r.seq]) {
				ydoc_err(d, yseq_at(d, runs, k), "run %zu %s", r.seq,
					 r.seq >= total ? "out of range" : "also in another shard");
				goto out;
			}
			have[r.seq] = true;
			rep->runs[r.seq] = r;
		}
	}
	for (size_t k = 0; k < total; k++)
		if (!have[k]) {
			ydoc_err(&sh[0].doc, yseq_at(&sh[0].doc, sh[0].sweeps, i),
				 "run %zu of %s on %s is in no shard", k, scenario, profile);
			goto out;
		}
	rep->scenario = scenario;
	rep->path = file;
	rep->profile = profile;
	rep->ncalls = (size_t)ncalls;
	rep->nruns = rep->total_runs = (size_t)total;
	rep->clean_failed = sweep_run_bad(&rep->clean) || !rep->clean.passed;
	ret = 0;
out:
	free(have);
	if (ret)
		sweep_report_free(rep);
	return ret;
}

int sweep_merge(const char *const *paths, size_t npaths, bool quiet, FILE *json, FILE *junit)
{
	struct shard *sh = calloc(npaths, sizeof(*sh));
	struct sweep_json j = { .f = json };
	struct sweep_junit ju = { .f = junit };
	struct sweep_totals t = { 0 };
	struct sweep_names names;
	size_t nsweeps;
	int ret = 2;

	if (!sh)
		abort();
	for (size_t s = 0; s < npaths; s++)
		if (load_shard(&sh[s], paths[s])) {
			fprintf(stderr, "%s\n", sh[s].doc.error);
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
	sweep_json_begin(&j);
	sweep_junit_begin(&ju);
	for (size_t i = 0; i < nsweeps; i++) {
		struct sweep_report rep;

		if (merge_sweep(sh, npaths, i, &rep, &names)) {
			for (size_t s = 0; s < npaths; s++)
				if (sh[s].doc.error[0])
					fprintf(stderr, "%s\n", sh[s].doc.error);
			goto out;
		}
		sweep_print_header(&rep);
		for (size_t k = 0; k < rep.nruns; k++)
			if (!quiet || sweep_run_bad(&rep.runs[k]))
				sweep_print_run(&rep.runs[k]);
		sweep_print_summary(&rep, &t);
		sweep_json_sweep(&j, &rep);
		sweep_junit_sweep(&ju, &rep);
		sweep_report_free(&rep);
	}
	/* Each shard counts every failed clean run, and scenarios that did not load (in no sweep). */
	t.clean_failed = (unsigned long)sh[0].clean_failed;
	sweep_json_end(&j, &t);
	sweep_junit_end(&ju);
	sweep_print_totals(&t);
	ret = t.bad || t.clean_failed ? 1 : 0;
out:
	for (size_t s = 0; s < npaths; s++)
		ydoc_free(&sh[s].doc);
	free(sh);
	return ret;
}
