// SPDX-License-Identifier: BSD-3-Clause
/*
 * The probe: a program that includes the headers with the project's mock
 * kernel headers and prints the value of every item, one per line, so a
 * compile error names the item (its line) rather than stopping the check.
 * Items that do not compile are dropped round by round; a header that does
 * not compile at all is left out when the others can still be compiled.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"

/* Rounds of dropping items that do not compile: each drops all it can. */
#define PROBE_ROUNDS 8
#define PROBE_MAX_FILES 16

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

static int run_cmd(const char *cmd, char **output)
{
	FILE *p = popen(cmd, "r");
	size_t len = 0, cap = 0;
	char buf[4096];
	size_t n;
	int st;

	*output = NULL;
	if (!p)
		return -1;
	while ((n = fread(buf, 1, sizeof(buf), p)) > 0) {
		/* Keep the first 1 MiB: enough to attribute every error. */
		if (len + n + 1 > (1u << 20))
			continue;
		if (len + n + 1 > cap) {
			cap = (len + n + 1) * 2;
			*output = realloc(*output, cap);
			if (!*output)
				abort();
		}
		memcpy(*output + len, buf, n);
		len += n;
	}
	if (!*output)
		*output = calloc(1, 1);
	else
		(*output)[len] = 0;
	st = pclose(p);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
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

static void remove_tree(struct probe *pr)
{
	const struct hs_header *h = pr->c->h;
	static const char *const dirs[] = { "asm", "linux" };
	char path[PATH_MAX + 64];

	unlink(pr->probe_c);
	unlink(pr->probe_bin);
	for (unsigned int d = 0; d < 2; d++) {
		for (unsigned int i = 0; i < pr->nfiles; i++) {
			snprintf(path, sizeof(path), "%s/inc/%s/%s", pr->dir, dirs[d],
				 hs_file_base(h, i));
			unlink(path);
		}
		snprintf(path, sizeof(path), "%s/inc/%s", pr->dir, dirs[d]);
		rmdir(path);
	}
	snprintf(path, sizeof(path), "%s/inc", pr->dir);
	rmdir(path);
	rmdir(pr->dir);
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

int probe_items(struct check *c, bool hidden, char *err, size_t errlen)
{
	struct probe pr = { .c = c, .hidden = hidden };
	char cmd[6 * PATH_MAX], files[512] = "";
	char *output = NULL;
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
		snprintf(files + strlen(files), sizeof(files) - strlen(files), "%s%s", i ? ", " : "",
			 hs_file_base(c->h, i));
	}
	tmp = getenv("TMPDIR");
	snprintf(pr.dir, sizeof(pr.dir), "%s/cca-abicheck-XXXXXX", tmp && *tmp ? tmp : P_tmpdir);
	if (!mkdtemp(pr.dir)) {
		snprintf(err, errlen, "%s: %s", pr.dir, strerror(errno));
		return -1;
	}
	snprintf(cmd, sizeof(cmd), "%s/inc", pr.dir);
	mkdir(cmd, 0700);
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
		/* Implicit declarations are errors: they would fail the link, not a line. */
		snprintf(cmd, sizeof(cmd),
			 "%s -std=gnu11 -w -Werror=implicit-function-declaration -I'%s/inc' -I'%s' -o '%s' '%s' 2>&1",
			 c->opt->cc ? c->opt->cc : "cc", pr.dir, c->opt->mock_include, pr.probe_bin,
			 pr.probe_c);
		free(output);
		st = run_cmd(cmd, &output);
		if (st == 0)
			break;
		if (round + 1 >= PROBE_ROUNDS || !drop_failed(&pr, output)) {
			snprintf(err, errlen, "%s do%s not compile with the mock kernel headers:\n%.1500s",
				 files, c->h->nfiles > 1 ? "" : "es", output);
			goto out;
		}
	}
	free(output);
	output = NULL;
	snprintf(cmd, sizeof(cmd), "'%s'", pr.probe_bin);
	if (run_cmd(cmd, &output)) {
		snprintf(err, errlen, "the probe program for %s failed to run", files);
		goto out;
	}
	read_values(c, output);
	rc = 0;
out:
	free(output);
	remove_tree(&pr);
	return rc;
}
