// SPDX-License-Identifier: BSD-3-Clause
/*
 * The probe: a program that includes the headers with the project's mock
 * kernel headers and prints the value of every item, one per line, so a
 * compile error names the item (its line) rather than stopping the check.
 * Items that do not compile are dropped round by round; a header that does
 * not compile at all is left out when the others can still be compiled.
 * The compiler and the probe run without a shell, each within --timeout
 * seconds and ABICHECK_MEM_LIMIT_MB of address space (run_bounded.c): a
 * header can make either loop or grow without end.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "run_bounded.h"

/* Rounds of dropping items that do not compile: each drops all it can. */
#define PROBE_ROUNDS 8
#define PROBE_MAX_FILES 16
/* Words of --cc / $CC ("ccache gcc -m64"), split at blanks. */
#define PROBE_MAX_CC_WORDS 16
/* Output kept of each run: enough to attribute every error. */
#define PROBE_MAX_OUTPUT (1u << 20)

struct probe {
	struct check *c;
	bool hidden;
	char dir[PATH_MAX];
	char probe_c[PATH_MAX + 16], probe_bin[PATH_MAX + 16];
	unsigned int nfiles;
	char abs[PROBE_MAX_FILES][PATH_MAX];
	bool excluded[PROBE_MAX_FILES];
};

static bool wanted(const struct item *it, bool hidden)
{
	return it->present && it->evaluable && it->hidden == hidden;
}

static void write_probe(struct probe *pr, FILE *f)
{
	struct check *c = pr->c;
	bool include[PROBE_MAX_FILES] = { false };

	for (size_t i = 0; i < c->n; i++)
		if (wanted(&c->items[i], pr->hidden) && c->items[i].file < pr->nfiles)
			include[c->items[i].file] = true;
	/* What kernel headers get from elsewhere; wrappers use gfp_t and WARN_ON. */
	fprintf(f, "#include <linux/types.h>\n#include <linux/bits.h>\n#include <linux/bitfield.h>\n");
	fprintf(f, "#include <linux/gfp.h>\n#include <linux/bug.h>\n");
	fprintf(f, "#ifndef PAGE_SHIFT\n#define PAGE_SHIFT 12\n#endif\n");
	fprintf(f, "#ifndef PAGE_SIZE\n#define PAGE_SIZE (1UL << PAGE_SHIFT)\n#endif\n");
	fprintf(f, "#ifndef PAGE_MASK\n#define PAGE_MASK (~(PAGE_SIZE - 1))\n#endif\n");
	for (unsigned int i = 0; i < pr->nfiles; i++)
		if (include[i] && !pr->excluded[i])
			fprintf(f, "#include \"%s\"\n", pr->abs[i]);
	fprintf(f, "int printf(const char *, ...);\n");
	fprintf(f, "static unsigned long long reacts(unsigned long long (*fn)(unsigned long long))\n{\n"
		   "\tunsigned long long m = 0;\n\tfor (int b = 0; b < 64; b++)\n"
		   "\t\tif (fn(1ULL << b)) m |= 1ULL << b;\n\treturn m;\n}\n");
	for (size_t i = 0; i < c->n; i++) {
		struct item *it = &c->items[i];

		if (it->kind == IK_EXTRACT && wanted(it, pr->hidden))
			fprintf(f, "static unsigned long long x%zu(unsigned long long v) { return (unsigned long long)(%s(v)); }\n",
				i, it->name);
	}
	fprintf(f, "int main(void)\n{\n");
	for (size_t i = 0; i < c->n; i++) {
		struct item *it = &c->items[i];

		if (!wanted(it, pr->hidden))
			continue;
		switch (it->kind) {
		case IK_VALUE:
		case IK_MASK:
			fprintf(f, "\tprintf(\"%zu %%llu 0\\n\", (unsigned long long)(%s));\n", i,
				it->name);
			break;
		case IK_EXTRACT:
			fprintf(f, "\tprintf(\"%zu %%llu 0\\n\", reacts(x%zu));\n", i, i);
			break;
		case IK_STRUCT_SIZE:
			fprintf(f, "\tprintf(\"%zu %%llu 0\\n\", (unsigned long long)sizeof(struct %s));\n",
				i, it->sname);
			break;
		case IK_FIELD:
			fprintf(f, "\tprintf(\"%zu %%llu %%llu\\n\", (unsigned long long)__builtin_offsetof(struct %s, %s), (unsigned long long)sizeof(((struct %s *)0)->%s));\n",
				i, it->sname, it->name, it->sname, it->name);
			break;
		}
	}
	fprintf(f, "\treturn 0;\n}\n");
}

/* The item a probe line prints, or -1. */
static long item_on_line(struct probe *pr, unsigned long line)
{
	FILE *f = fopen(pr->probe_c, "r");
	char buf[1024];
	unsigned long ln = 0;
	long idx = -1;

	while (f && fgets(buf, sizeof(buf), f)) {
		size_t i;

		if (++ln != line)
			continue;
		if (sscanf(buf, "\tprintf(\"%zu", &i) == 1 ||
		    sscanf(buf, "static unsigned long long x%zu", &i) == 1)
			idx = (long)i;
		break;
	}
	if (f)
		fclose(f);
	return idx;
}

/*
 * Drops what the compiler complained about: the items on the probe lines
 * it names; failing that, a header with errors of its own when other
 * headers remain (its items become "cannot be evaluated").  Returns how
 * many things were dropped.
 */
static unsigned int drop_failed(struct probe *pr, const char *errors)
{
	struct check *c = pr->c;
	unsigned int dropped = 0, included = 0;
	const char *base = strrchr(pr->probe_c, '/') + 1;

	for (const char *p = errors; (p = strstr(p, base));) {
		unsigned long line;
		char *end;
		long idx;

		p += strlen(base);
		if (*p != ':')
			continue;
		line = strtoul(p + 1, &end, 10);
		if (end == p + 1)
			continue;
		idx = item_on_line(pr, line);
		if (idx >= 0 && (size_t)idx < c->n && c->items[idx].evaluable) {
			c->items[idx].evaluable = false;
			dropped++;
		}
	}
	if (dropped)
		return dropped;
	for (unsigned int i = 0; i < pr->nfiles; i++)
		included += !pr->excluded[i];
	for (unsigned int i = 0; i < pr->nfiles && included > 1; i++) {
		char pat[PATH_MAX + 2];

		snprintf(pat, sizeof(pat), "%s:", pr->abs[i]);
		if (pr->excluded[i] || !strstr(errors, pat))
			continue;
		pr->excluded[i] = true;
		included--;
		for (size_t k = 0; k < c->n; k++)
			if (c->items[k].file == i && c->items[k].hidden == pr->hidden)
				c->items[k].evaluable = false;
		dropped++;
	}
	return dropped;
}

/*
 * <asm/NAME> and <linux/NAME> for each input, so that one input's include
 * of another (rmi_cmds.h: <asm/rmi_smc.h>) finds the file given, not
 * nothing.  Names the mock headers have are left to them.
 */
static void write_shims(struct probe *pr)
{
	const struct hs_header *h = pr->c->h;
	static const char *const dirs[] = { "asm", "linux" };
	char path[PATH_MAX + 64];

	for (unsigned int d = 0; d < 2; d++) {
		snprintf(path, sizeof(path), "%s/inc/%s", pr->dir, dirs[d]);
		if (mkdir(path, 0700) && errno != EEXIST)
			return;
	}
	for (unsigned int i = 0; i < pr->nfiles; i++) {
		for (unsigned int d = 0; d < 2; d++) {
			struct stat st;
			FILE *f;

			snprintf(path, sizeof(path), "%s/%s/%s", pr->c->opt->mock_include, dirs[d],
				 hs_file_base(h, i));
			if (!stat(path, &st))
				continue;
			snprintf(path, sizeof(path), "%s/inc/%s/%s", pr->dir, dirs[d],
				 hs_file_base(h, i));
			f = fopen(path, "w");
			if (!f)
				continue;
			fprintf(f, "#include \"%s\"\n", pr->abs[i]);
			fclose(f);
		}
	}
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

/* The temporary directory and all in it: the compiler's own leftovers too. */
static void remove_tree(struct probe *pr)
{
	nftw(pr->dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static void read_values(struct check *c, char *output)
{
	for (char *line = output; line && *line;) {
		char *nl = strchr(line, '\n');
		size_t idx;
		unsigned long long a, b;

		if (nl)
			*nl = 0;
		if (sscanf(line, "%zu %llu %llu", &idx, &a, &b) == 3 && idx < c->n) {
			c->items[idx].got = a;
			c->items[idx].got_size = b;
			c->items[idx].has_got = true;
		}
		line = nl ? nl + 1 : NULL;
	}
}

static unsigned int timeout_of(const struct check *c)
{
	return c->opt->timeout ? c->opt->timeout : ABICHECK_TIMEOUT_S;
}

/* Why the compiler, rather than the code, failed: a crash or no memory; NULL if not. */
static const char *compiler_failure(const struct rb_result *r, char *buf, size_t len)
{
	static const char *const oom[] = { "out of memory", "memory exhausted",
					   "Cannot allocate memory", "std::bad_alloc" };
	static const char *const crash[] = { "internal compiler error", "terminated program",
					     "unable to execute command", "PLEASE submit a bug report" };

	if (r->outcome == RB_SIGNALED) {
		snprintf(buf, len, "killed by signal %d, %s", r->status, strsignal(r->status));
		return buf;
	}
	for (size_t i = 0; i < sizeof(oom) / sizeof(oom[0]); i++) {
		if (strstr(r->output, oom[i])) {
			snprintf(buf, len, "out of memory, limit %u MiB", ABICHECK_MEM_LIMIT_MB);
			return buf;
		}
	}
	for (size_t i = 0; i < sizeof(crash) / sizeof(crash[0]); i++)
		if (strstr(r->output, crash[i]))
			return "internal compiler error";
	return NULL;
}

/* One compile of the probe; 0, 1 (errors in r->output) or -1 (err set). */
static int compile(struct probe *pr, const char *files, struct rb_result *r, char *err,
		   size_t errlen)
{
	const struct check *c = pr->c;
	const struct rb_limits lim = { .seconds = timeout_of(c),
				       .mem_bytes = (unsigned long long)ABICHECK_MEM_LIMIT_MB << 20,
				       .max_output = PROBE_MAX_OUTPUT, .tmpdir = pr->dir };
	char cc[1024], inc[PATH_MAX + 8], mock[PATH_MAX + 8], why[96];
	char *argv[PROBE_MAX_CC_WORDS + 16];
	unsigned int n = 0;
	const char *failed;
	char *save = NULL;

	snprintf(cc, sizeof(cc), "%s", c->opt->cc && *c->opt->cc ? c->opt->cc : "cc");
	for (char *w = strtok_r(cc, " \t", &save); w && n < PROBE_MAX_CC_WORDS;
	     w = strtok_r(NULL, " \t", &save))
		argv[n++] = w;
	if (!n)
		argv[n++] = "cc";
	snprintf(inc, sizeof(inc), "-I%s/inc", pr->dir);
	snprintf(mock, sizeof(mock), "-I%s", c->opt->mock_include);
	argv[n++] = "-std=gnu11";
	argv[n++] = "-w";
	/* Implicit declarations are errors: they would fail the link, not a line. */
	argv[n++] = "-Werror=implicit-function-declaration";
	argv[n++] = inc;
	argv[n++] = mock;
	argv[n++] = "-o";
	argv[n++] = pr->probe_bin;
	argv[n++] = pr->probe_c;
	argv[n] = NULL;
	rb_run(argv, &lim, r);
	switch (r->outcome) {
	case RB_EXITED:
		if (!r->status)
			return 0;
		failed = compiler_failure(r, why, sizeof(why));
		if (!failed)
			return 1;
		snprintf(err, errlen, "compiler failed on %s (%s: %s):\n%.1500s", files, argv[0],
			 failed, r->output + strspn(r->output, "\n"));
		return -1;
	case RB_SIGNALED:
		snprintf(err, errlen, "compiler failed on %s (%s: %s):\n%.1500s", files, argv[0],
			 compiler_failure(r, why, sizeof(why)), r->output + strspn(r->output, "\n"));
		return -1;
	case RB_TIMED_OUT:
		snprintf(err, errlen, "compiler timed out after %u s on %s (%s; --timeout sets the limit)",
			 lim.seconds, files, argv[0]);
		return -1;
	case RB_NOT_STARTED:
		snprintf(err, errlen, "cannot run the compiler '%s': %s", argv[0], strerror(r->status));
		return -1;
	case RB_INTERRUPTED:
		break;
	}
	snprintf(err, errlen, "interrupted by signal %d", r->status);
	return -1;
}

/* Runs the probe built; 0, or -1 with err. */
static int run_probe(struct probe *pr, const char *files, struct rb_result *r, char *err,
		     size_t errlen)
{
	const struct rb_limits lim = { .seconds = timeout_of(pr->c),
				       .mem_bytes = (unsigned long long)ABICHECK_MEM_LIMIT_MB << 20,
				       .max_output = PROBE_MAX_OUTPUT, .tmpdir = pr->dir };
	char *argv[] = { pr->probe_bin, NULL };

	rb_run(argv, &lim, r);
	switch (r->outcome) {
	case RB_EXITED:
		if (!r->status)
			return 0;
		snprintf(err, errlen, "probe failed: the program built from %s exited with status %d",
			 files, r->status);
		break;
	case RB_SIGNALED:
		snprintf(err, errlen, "probe failed: the program built from %s was killed by signal %d, %s",
			 files, r->status, strsignal(r->status));
		break;
	case RB_TIMED_OUT:
		snprintf(err, errlen,
			 "probe timed out after %u s: the program built from %s does not finish (--timeout sets the limit)",
			 lim.seconds, files);
		break;
	case RB_NOT_STARTED:
		snprintf(err, errlen, "probe failed: cannot run the program built from %s: %s", files,
			 strerror(r->status));
		break;
	case RB_INTERRUPTED:
		snprintf(err, errlen, "interrupted by signal %d", r->status);
		break;
	}
	return -1;
}

int probe_items(struct check *c, bool hidden, char *err, size_t errlen)
{
	struct probe pr = { .c = c, .hidden = hidden };
	struct rb_result r = { .output = NULL };
	char inc[PATH_MAX + 8], files[512] = "";
	const char *tmp;
	size_t count = 0;
	int rc = -1;

	for (size_t i = 0; i < c->n; i++)
		count += wanted(&c->items[i], hidden);
	if (!count)
		return 0;
	pr.nfiles = c->h->nfiles < PROBE_MAX_FILES ? (unsigned int)c->h->nfiles : PROBE_MAX_FILES;
	for (unsigned int i = 0; i < pr.nfiles; i++) {
		if (!realpath(c->h->files[i], pr.abs[i])) {
			snprintf(err, errlen, "%s: %s", c->h->files[i], strerror(errno));
			return -1;
		}
		/* #include "PATH" cannot spell these. */
		if (strpbrk(pr.abs[i], "\"\n")) {
			snprintf(err, errlen, "%s: a path with '\"' or a newline cannot be #included",
				 c->h->files[i]);
			return -1;
		}
		snprintf(files + strlen(files), sizeof(files) - strlen(files), "%s%s", i ? ", " : "",
			 hs_file_base(c->h, i));
	}
	tmp = getenv("TMPDIR");
	snprintf(pr.dir, sizeof(pr.dir), "%s/cca-abicheck-XXXXXX", tmp && *tmp ? tmp : P_tmpdir);
	/* From here on, an interrupt still removes the directory (rb_guard_end re-raises it). */
	rb_guard_begin();
	if (!mkdtemp(pr.dir)) {
		snprintf(err, errlen, "%s: %s", pr.dir, strerror(errno));
		rb_guard_end();
		return -1;
	}
	snprintf(inc, sizeof(inc), "%s/inc", pr.dir);
	mkdir(inc, 0700);
	write_shims(&pr);
	snprintf(pr.probe_c, sizeof(pr.probe_c), "%s/probe.c", pr.dir);
	snprintf(pr.probe_bin, sizeof(pr.probe_bin), "%s/probe", pr.dir);
	for (int round = 0;; round++) {
		FILE *f = fopen(pr.probe_c, "w");
		int st;

		if (!f) {
			snprintf(err, errlen, "%s: %s", pr.probe_c, strerror(errno));
			goto out;
		}
		write_probe(&pr, f);
		fclose(f);
		free(r.output);
		st = compile(&pr, files, &r, err, errlen);
		if (st < 0)
			goto out;
		if (st == 0)
			break;
		if (round + 1 >= PROBE_ROUNDS || !drop_failed(&pr, r.output)) {
			snprintf(err, errlen, "%s do%s not compile with the mock kernel headers:\n%.1500s",
				 files, c->h->nfiles > 1 ? "" : "es", r.output);
			goto out;
		}
	}
	free(r.output);
	if (run_probe(&pr, files, &r, err, errlen))
		goto out;
	read_values(c, r.output);
	rc = 0;
out:
	free(r.output);
	remove_tree(&pr);
	rb_guard_end();
	return rc;
}
