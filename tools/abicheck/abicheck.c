// SPDX-License-Identifier: BSD-3-Clause
/*
 * abi-check: compares a kernel's rmi_smc.h with a profile's description.
 *
 * The header's names are found by scanning it (header_scan.c) and matched
 * to the profile by the Linux spellings the description gives; the values
 * come from compiling and running a probe program that includes the header
 * with the project's mock <linux/arm-smccc.h>.  Compared: FIDs, status
 * codes, enum values, constants, bit-field masks and extractors, struct
 * sizes, field offsets and sizes.
 */
#define _GNU_SOURCE
#include "abicheck.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "header_scan.h"

enum item_kind {
	IK_VALUE,	/* macro or enum constant == value */
	IK_MASK,	/* object-like macro == mask */
	IK_EXTRACT,	/* function-like macro: bits it reacts to == mask */
	IK_STRUCT_SIZE,
	IK_FIELD,	/* offset and size of a struct member */
};

struct item {
	enum item_kind kind;
	char what[160];		/* "command DATA_CREATE", "struct rec_exit.imm" */
	char name[128];		/* header name (macro, or member) */
	char sname[64];		/* struct name for IK_STRUCT_SIZE / IK_FIELD */
	int64_t value;		/* expected value / mask / size / offset */
	uint32_t min_size, window;	/* IK_FIELD: spec bytes, room before next field */
	uint64_t forbid;		/* IK_EXTRACT: bits of other fields */
	bool present;		/* found in the header */
	bool evaluable;		/* the probe compiled it */
	uint64_t got, got_size;
	bool has_got;
};

struct check {
	const struct abi_profile *p;
	const struct abicheck_options *opt;
	struct hs_header h;
	struct item *items;
	size_t n, cap;
	FILE *out;
	unsigned int mismatches, matched, missing, extra;
};

static struct item *add_item(struct check *c, enum item_kind k, const char *name,
			     const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static struct item *add_item(struct check *c, enum item_kind k, const char *name,
			     const char *fmt, ...)
{
	struct item *it;
	va_list ap;

	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 256;
		c->items = realloc(c->items, c->cap * sizeof(*c->items));
		if (!c->items)
			abort();
	}
	it = &c->items[c->n++];
	memset(it, 0, sizeof(*it));
	it->kind = k;
	snprintf(it->name, sizeof(it->name), "%s", name);
	va_start(ap, fmt);
	vsnprintf(it->what, sizeof(it->what), fmt, ap);
	va_end(ap);
	it->evaluable = true;
	return it;
}

static bool header_has_value_name(const struct check *c, const char *name)
{
	const struct hs_macro *m = hs_macro_find(&c->h, name);

	return (m && !m->function_like) || hs_enum_has(&c->h, name);
}

static void collect_commands(struct check *c)
{
	for (unsigned int i = 0; i < c->p->ncommands; i++) {
		const struct abi_command *cmd = &c->p->commands[i];
		char name[128];
		struct item *it;

		if (cmd->iface != ABI_RMI)
			continue;	/* rmi_smc.h is the host's header */
		snprintf(name, sizeof(name), "SMC_RMI_%s", cmd->name);
		it = add_item(c, IK_VALUE, name, "command %s", cmd->name);
		it->value = cmd->fid;
		it->present = header_has_value_name(c, name);
	}
}

static void collect_enums(struct check *c)
{
	for (unsigned int i = 0; i < c->p->nenums; i++) {
		const struct abi_enum *e = &c->p->enums[i];

		if (!e->linux_prefix)
			continue;	/* the Linux header does not name this enum */
		for (unsigned int j = 0; j < e->nvalues; j++) {
			const struct abi_enum_value *v = &e->values[j];
			char name[128];
			struct item *it;

			if (v->linux_name)
				snprintf(name, sizeof(name), "%s", v->linux_name);
			else
				snprintf(name, sizeof(name), "%s%s", e->linux_prefix, v->name);
			it = add_item(c, IK_VALUE, name, "%s %s", e->name, v->name);
			it->value = v->value;
			it->present = header_has_value_name(c, name);
		}
	}
}

static void collect_constants(struct check *c)
{
	for (unsigned int i = 0; i < c->p->nconstants; i++) {
		const struct abi_constant *k = &c->p->constants[i];
		struct item *it;

		if (!k->linux_name)
			continue;
		it = add_item(c, IK_VALUE, k->linux_name, "constant %s", k->name);
		it->value = (int64_t)k->value;
		it->present = header_has_value_name(c, k->linux_name);
	}
}

static void collect_bitfields(struct check *c)
{
	for (unsigned int i = 0; i < c->p->nbitfields; i++) {
		const struct abi_bitfield *b = &c->p->bitfields[i];

		for (unsigned int j = 0; j < b->nfields; j++) {
			const struct abi_bitfield_field *f = &b->fields[j];
			uint64_t mask = (f->width >= 64 ? ~0ULL : ((1ULL << f->width) - 1)) << f->lsb;
			const char *names[4];
			char derived[128];
			unsigned int n = 0;

			for (unsigned int k = 0; k < f->nlinux; k++)
				names[n++] = f->linux_names[k];
			if (!n && b->linux_prefix) {
				snprintf(derived, sizeof(derived), "%s%s", b->linux_prefix, f->name);
				names[n++] = derived;
			}
			for (unsigned int k = 0; k < n; k++) {
				const struct hs_macro *m = hs_macro_find(&c->h, names[k]);
				struct item *it;

				it = add_item(c, m && m->function_like ? IK_EXTRACT : IK_MASK, names[k],
					      "bit field %s.%s", b->name, f->name);
				it->value = (int64_t)mask;
				it->present = m != NULL;
				/* Bits below the field and those of its sibling fields. */
				it->forbid = (1ULL << f->lsb) - 1;
				for (unsigned int o = 0; o < b->nfields; o++) {
					const struct abi_bitfield_field *g = &b->fields[o];

					if (o == j || g->overlay || f->overlay)
						continue;
					it->forbid |= (g->width >= 64 ? ~0ULL : ((1ULL << g->width) - 1)) << g->lsb;
				}
				it->forbid &= ~mask;
			}
		}
	}
}

static const char *linux_struct_name(const struct abi_struct *s)
{
	/* The host header names its structs as the spec does. */
	return s->name;
}

static void collect_structs(struct check *c)
{
	for (unsigned int i = 0; i < c->p->nstructs; i++) {
		const struct abi_struct *s = &c->p->structs[i];
		const struct hs_struct *hs = hs_struct_find(&c->h, linux_struct_name(s));
		struct item *it;

		if (!strncmp(s->name, "rsi_", 4) || !strncmp(s->name, "measurement_", 12))
			continue;	/* realm-side and RMM-internal structures */
		it = add_item(c, IK_STRUCT_SIZE, "", "struct %s size", s->name);
		snprintf(it->sname, sizeof(it->sname), "%s", s->name);
		it->value = s->size;
		it->present = hs != NULL;
		for (unsigned int j = 0; j < s->nfields; j++) {
			const struct abi_field *f = &s->fields[j];
			const char *mname = f->linux_name ? f->linux_name : f->name;

			it = add_item(c, IK_FIELD, mname, "struct %s.%s", s->name, f->name);
			snprintf(it->sname, sizeof(it->sname), "%s", s->name);
			it->value = f->offset;
			it->min_size = f->elem_size * f->count;
			it->window = f->window;
			it->present = hs_member_find(hs, mname) != NULL;
		}
	}
}

/* ---- the probe program ---- */

static void write_probe(struct check *c, FILE *f, const char *header)
{
	fprintf(f, "#include <linux/types.h>\n#include <linux/bits.h>\n#include <linux/bitfield.h>\n");
	fprintf(f, "#ifndef PAGE_SHIFT\n#define PAGE_SHIFT 12\n#endif\n");
	fprintf(f, "#ifndef PAGE_SIZE\n#define PAGE_SIZE (1UL << PAGE_SHIFT)\n#endif\n");
	fprintf(f, "#ifndef PAGE_MASK\n#define PAGE_MASK (~(PAGE_SIZE - 1))\n#endif\n");
	fprintf(f, "#include \"%s\"\n", header);
	fprintf(f, "int printf(const char *, ...);\n");
	fprintf(f, "static unsigned long long reacts(unsigned long long (*fn)(unsigned long long))\n{\n"
		   "\tunsigned long long m = 0;\n\tfor (int b = 0; b < 64; b++)\n"
		   "\t\tif (fn(1ULL << b)) m |= 1ULL << b;\n\treturn m;\n}\n");
	for (size_t i = 0; i < c->n; i++) {
		struct item *it = &c->items[i];

		if (it->kind == IK_EXTRACT && it->present && it->evaluable)
			fprintf(f, "static unsigned long long x%zu(unsigned long long v) { return (unsigned long long)(%s(v)); }\n",
				i, it->name);
	}
	fprintf(f, "int main(void)\n{\n");
	for (size_t i = 0; i < c->n; i++) {
		struct item *it = &c->items[i];

		if (!it->present || !it->evaluable)
			continue;
		/* One item per line: a compile error names the line, hence the item. */
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

/* Marks the items on the probe lines the compiler complained about. */
static unsigned int drop_failed(struct check *c, const char *errors, const char *probe_path)
{
	unsigned int dropped = 0;
	const char *base = strrchr(probe_path, '/');
	const char *p = errors;

	base = base ? base + 1 : probe_path;
	while ((p = strstr(p, base))) {
		unsigned long line;
		char *end;

		p += strlen(base);
		if (*p != ':')
			continue;
		line = strtoul(p + 1, &end, 10);
		if (end == p + 1 || !strstr(end, "error"))
			continue;
		/* Find which item that line printed. */
		{
			FILE *f = fopen(probe_path, "r");
			char buf[1024];
			unsigned long ln = 0;

			while (f && fgets(buf, sizeof(buf), f)) {
				size_t idx;

				if (++ln != line)
					continue;
				if (sscanf(buf, "\tprintf(\"%zu", &idx) == 1 ||
				    sscanf(buf, "static unsigned long long x%zu", &idx) == 1) {
					if (idx < c->n && c->items[idx].evaluable) {
						c->items[idx].evaluable = false;
						dropped++;
					}
				}
				break;
			}
			if (f)
				fclose(f);
		}
	}
	return dropped;
}

static int probe(struct check *c, const char *header, char *err, size_t errlen)
{
	char dir[] = "/tmp/cca-abicheck-XXXXXX", probe_c[300], probe_bin[300], cmd[2048];
	char *output = NULL, abs_header[4096];
	int rc = -1;

	if (!realpath(header, abs_header)) {
		snprintf(err, errlen, "%s: %s", header, strerror(errno));
		return -1;
	}
	if (!mkdtemp(dir)) {
		snprintf(err, errlen, "mkdtemp: %s", strerror(errno));
		return -1;
	}
	snprintf(probe_c, sizeof(probe_c), "%s/probe.c", dir);
	snprintf(probe_bin, sizeof(probe_bin), "%s/probe", dir);
	/* Each round drops the items that do not compile; bounded. */
	for (int round = 0; round < 8; round++) {
		FILE *f = fopen(probe_c, "w");
		int st;

		if (!f) {
			snprintf(err, errlen, "%s: %s", probe_c, strerror(errno));
			goto out;
		}
		write_probe(c, f, abs_header);
		fclose(f);
		snprintf(cmd, sizeof(cmd), "%s -std=gnu11 -w -I'%s' -o '%s' '%s' 2>&1",
			 c->opt->cc ? c->opt->cc : "cc", c->opt->mock_include, probe_bin, probe_c);
		free(output);
		st = run_cmd(cmd, &output);
		if (st == 0)
			break;
		if (!drop_failed(c, output, probe_c)) {
			snprintf(err, errlen, "the probe for %s does not compile:\n%.1500s", header,
				 output);
			goto out;
		}
	}
	free(output);
	output = NULL;
	snprintf(cmd, sizeof(cmd), "'%s'", probe_bin);
	if (run_cmd(cmd, &output)) {
		snprintf(err, errlen, "the probe for %s failed to run", header);
		goto out;
	}
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
	rc = 0;
out:
	free(output);
	unlink(probe_c);
	unlink(probe_bin);
	rmdir(dir);
	return rc;
}

/* ---- comparison and report ---- */

static void report(struct check *c, const char *tag, const struct item *it, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void report(struct check *c, const char *tag, const struct item *it, const char *fmt, ...)
{
	va_list ap;

	fprintf(c->out, "%-8s %-40s ", tag, it ? it->what : "");
	va_start(ap, fmt);
	vfprintf(c->out, fmt, ap);
	va_end(ap);
	fputc('\n', c->out);
}

static void compare(struct check *c)
{
	for (size_t i = 0; i < c->n; i++) {
		struct item *it = &c->items[i];

		if (!it->present) {
			/* A struct the header defines must have every spec field. */
			if (it->kind == IK_FIELD && hs_struct_find(&c->h, it->sname)) {
				report(c, "MISMATCH", it, "field '%s' missing from struct %s", it->name,
				       it->sname);
				c->mismatches++;
			} else {
				c->missing++;
				if (c->opt->verbose)
					report(c, "ABSENT", it, "%s: in the profile, not in the header",
					       it->name[0] ? it->name : it->sname);
			}
			continue;
		}
		if (!it->evaluable || !it->has_got) {
			report(c, "MISMATCH", it, "%s: cannot be evaluated with the mock headers",
			       it->name[0] ? it->name : it->sname);
			c->mismatches++;
			continue;
		}
		switch (it->kind) {
		case IK_VALUE:
			if ((int64_t)it->got != it->value) {
				report(c, "MISMATCH", it, "%s: header %" PRId64 " (0x%" PRIx64 "), spec %" PRId64 " (0x%" PRIx64 ")",
				       it->name, (int64_t)it->got, it->got, it->value, (uint64_t)it->value);
				c->mismatches++;
				continue;
			}
			break;
		case IK_EXTRACT:
			/*
			 * A getter may be a bare shift ((v) >> 16): it must see all
			 * of the field and nothing below it or of another field;
			 * reserved bits above are its own business.
			 */
			if ((it->got & (uint64_t)it->value) != (uint64_t)it->value ||
			    (it->got & it->forbid)) {
				report(c, "MISMATCH", it, "%s: header reads bits 0x%" PRIx64 ", spec field is 0x%" PRIx64,
				       it->name, it->got, (uint64_t)it->value);
				c->mismatches++;
				continue;
			}
			break;
		case IK_MASK:
			if (it->got != (uint64_t)it->value) {
				report(c, "MISMATCH", it, "%s: header bits 0x%" PRIx64 ", spec bits 0x%" PRIx64,
				       it->name, it->got, (uint64_t)it->value);
				c->mismatches++;
				continue;
			}
			break;
		case IK_STRUCT_SIZE:
			if (it->got != (uint64_t)it->value) {
				report(c, "MISMATCH", it, "sizeof: header 0x%" PRIx64 ", spec 0x%" PRIx64,
				       it->got, (uint64_t)it->value);
				c->mismatches++;
				continue;
			}
			break;
		case IK_FIELD:
			if (it->got != (uint64_t)it->value) {
				report(c, "MISMATCH", it, "offset: header 0x%" PRIx64 ", spec 0x%" PRIx64,
				       it->got, (uint64_t)it->value);
				c->mismatches++;
				continue;
			}
			/* The header may use a wider container, within the field's window. */
			if (it->got_size < it->min_size || it->got_size > it->window) {
				report(c, "MISMATCH", it, "size: header %" PRIu64 " bytes, spec %u (room %u)",
				       it->got_size, it->min_size, it->window);
				c->mismatches++;
				continue;
			}
			break;
		}
		c->matched++;
	}
}

static bool name_known(const struct check *c, const char *name)
{
	for (size_t i = 0; i < c->n; i++)
		if (c->items[i].present && !strcmp(c->items[i].name, name) &&
		    c->items[i].kind != IK_FIELD)
			return true;
	return false;
}

/* Header names with no counterpart in the profile. */
static void extras(struct check *c)
{
	for (size_t i = 0; i < c->h.nmacros; i++) {
		const struct hs_macro *m = &c->h.macros[i];
		bool is_cmd = !strncmp(m->name, "SMC_RMI_", 8) && strcmp(m->name, "SMC_RMI_CALL");

		if (name_known(c, m->name) || !strncmp(m->name, "__", 2))
			continue;
		/* A command FID the profile lacks is a real disagreement. */
		if (is_cmd && !m->function_like) {
			fprintf(c->out, "%-8s %-40s %s (line %u): RMI command not in profile %s\n",
				"MISMATCH", "command ?", m->name, m->line, c->p->name);
			c->mismatches++;
			continue;
		}
		c->extra++;
		if (c->opt->verbose)
			fprintf(c->out, "%-8s %-40s %s (line %u): not in profile %s\n", "EXTRA", "",
				m->name, m->line, c->p->name);
	}
	for (unsigned int i = 0; i < c->p->nstructs; i++) {
		const struct hs_struct *hs = hs_struct_find(&c->h, c->p->structs[i].name);

		for (size_t j = 0; hs && j < hs->nmembers; j++) {
			const struct hs_member *m = &hs->members[j];
			bool found = false;

			if (m->is_padding)
				continue;
			for (size_t k = 0; k < c->n && !found; k++)
				found = c->items[k].kind == IK_FIELD &&
					!strcmp(c->items[k].sname, hs->name) &&
					!strcmp(c->items[k].name, m->name);
			if (!found) {
				c->extra++;
				if (c->opt->verbose)
					fprintf(c->out, "%-8s struct %s.%s (line %u): not in profile %s\n",
						"EXTRA", hs->name, m->name, m->line, c->p->name);
			}
		}
	}
}

int abicheck_header(const struct abi_profile *p, const char *header,
		    const struct abicheck_options *opt, FILE *out, struct abicheck_result *res)
{
	struct check c = { .p = p, .opt = opt, .out = out };
	char err[2048];
	int rc = -1;

	memset(res, 0, sizeof(*res));
	if (hs_scan_file(header, &c.h, err, sizeof(err))) {
		fprintf(out, "abi-check: %s\n", err);
		return -1;
	}
	collect_commands(&c);
	collect_enums(&c);
	collect_constants(&c);
	collect_bitfields(&c);
	collect_structs(&c);
	if (probe(&c, header, err, sizeof(err))) {
		fprintf(out, "abi-check: %s\n", err);
		goto out;
	}
	fprintf(out, "abi-check: %s against profile %s (%s)\n", header, p->name, p->title);
	compare(&c);
	extras(&c);
	res->matched = c.matched;
	res->mismatches = c.mismatches;
	res->missing = c.missing;
	res->extra = c.extra;
	fprintf(out, "abi-check: %u matched, %u mismatched, %u in the profile but not the header, %u in the header but not the profile%s\n",
		c.matched, c.mismatches, c.missing, c.extra,
		opt->verbose ? "" : " (-v lists them)");
	rc = 0;
out:
	hs_free(&c.h);
	free(c.items);
	return rc;
}
