// SPDX-License-Identifier: BSD-3-Clause
/*
 * Emits the C headers: one per profile (every name prefixed with the
 * profile, e.g. RMI_V1_0_FID_RTT_CREATE, struct rmi_v1_0_realm_params) and
 * common.h with the unprefixed names whose value is the same in every
 * profile that defines them (RMI_STATUS_ERROR_RTT, struct rmi_rec_exit with
 * the fields all profiles share).  Every struct offset and size carries a
 * _Static_assert.
 */
#include "emit.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void split_group(const char *name, char *iface, char *rest, size_t len)
{
	const char *r = name;

	strcpy(iface, "RMI");
	if (!strncmp(name, "rsi_", 4)) {
		strcpy(iface, "RSI");
		r = name + 4;
	} else if (!strncmp(name, "psci_", 5)) {
		strcpy(iface, "PSCI");
		r = name + 5;
	}
	snprintf(rest, len, "%s", r);
	for (char *p = rest; *p; p++)
		*p = (char)toupper((unsigned char)*p);
}

void upper(char *dst, const char *src, size_t len)
{
	size_t i;

	for (i = 0; src[i] && i + 1 < len; i++)
		dst[i] = (char)toupper((unsigned char)src[i]);
	dst[i] = 0;
}

void macro_prefix(char *out, size_t len, const char *iface, const char *ident,
			 const char *rest)
{
	char id[32];

	if (ident) {
		upper(id, ident, sizeof(id));
		snprintf(out, len, "%s_%s_%s", iface, id, rest);
	} else {
		snprintf(out, len, "%s_%s", iface, rest);
	}
}

static const char *c_type(const char *t)
{
	if (!strcmp(t, "u8"))
		return "uint8_t";
	if (!strcmp(t, "u16"))
		return "uint16_t";
	if (!strcmp(t, "u32"))
		return "uint32_t";
	if (!strcmp(t, "u64"))
		return "uint64_t";
	if (!strcmp(t, "s64"))
		return "int64_t";
	return NULL;
}

const char *iface_name(enum m_iface i)
{
	return i == M_RMI ? "RMI" : i == M_RSI ? "RSI" : "PSCI";
}

/* Writes a struct whose fields are `fields` (subset allowed), with padding. */
static void emit_struct(FILE *f, const char *cname, const char *ident, uint32_t size,
			const struct m_field *const *fields, int n)
{
	uint32_t pos = 0;
	int pad = 0;

	fprintf(f, "struct %s {\n", cname);
	for (int i = 0; i < n; i++) {
		const struct m_field *m = fields[i];
		const char *t = c_type(m->type);

		if (m->offset > pos)
			fprintf(f, "\tuint8_t __pad%d[0x%x];\n", pad++, m->offset - pos);
		if (t)
			fprintf(f, "\t%s %s", t, m->name);
		else
			fprintf(f, "\tstruct rmi_%s%s%s %s", ident ? ident : "", ident ? "_" : "",
				m->type, m->name);
		if (m->count > 1)
			fprintf(f, "[%u]", m->count);
		fprintf(f, ";\t/* 0x%03x */\n", m->offset);
		pos = m->offset + m->elem_size * m->count;
	}
	if (size > pos)
		fprintf(f, "\tuint8_t __pad%d[0x%x];\n", pad, size - pos);
	fprintf(f, "};\n");
	fprintf(f, "_Static_assert(sizeof(struct %s) == 0x%x, \"%s size\");\n", cname, size, cname);
	for (int i = 0; i < n; i++)
		fprintf(f, "_Static_assert(offsetof(struct %s, %s) == 0x%x, \"%s.%s offset\");\n",
			cname, fields[i]->name, fields[i]->offset, cname, fields[i]->name);
	fprintf(f, "\n");
}

static void emit_bitfield_macros(FILE *f, const char *prefix, const struct m_bfield *b)
{
	char fname[64];
	unsigned long long mask = (b->width == 64 ? ~0ULL : ((1ULL << b->width) - 1)) << b->lsb;

	upper(fname, b->name, sizeof(fname));
	fprintf(f, "#define %s_%s_SHIFT %u\n", prefix, fname, b->lsb);
	fprintf(f, "#define %s_%s_WIDTH %u\n", prefix, fname, b->width);
	fprintf(f, "#define %s_%s_MASK 0x%llxULL\n", prefix, fname, mask);
}

static void emit_profile_body(FILE *f, const struct m_profile *p)
{
	char prefix[128], rest[64], iface[8], cname[96];

	fprintf(f, "#define RMI_%c%s_RMI_VERSION 0x%xU\n", toupper((unsigned char)p->ident[0]),
		p->ident + 1, (p->rmi_major << 16) | p->rmi_minor);
	fprintf(f, "#define RMI_%c%s_RSI_VERSION 0x%xU\n\n", toupper((unsigned char)p->ident[0]),
		p->ident + 1, (p->rsi_major << 16) | p->rsi_minor);
	for (int i = 0; i < p->ncommands; i++) {
		const struct m_command *c = &p->commands[i];

		macro_prefix(prefix, sizeof(prefix), iface_name(c->iface), p->ident, "FID");
		fprintf(f, "#define %s_%s 0x%08xU\n", prefix, c->name, c->fid);
	}
	fprintf(f, "\n");
	for (int i = 0; i < p->nenums; i++) {
		const struct m_enum *e = &p->enums[i];

		split_group(e->name, iface, rest, sizeof(rest));
		macro_prefix(prefix, sizeof(prefix), iface, p->ident, rest);
		for (int j = 0; j < e->nvalues; j++)
			fprintf(f, "#define %s_%s (%lld)\n", prefix, e->values[j].name,
				(long long)e->values[j].value);
		fprintf(f, "\n");
	}
	for (int i = 0; i < p->nbitfields; i++) {
		const struct m_bitfield *b = &p->bitfields[i];

		split_group(b->name, iface, rest, sizeof(rest));
		macro_prefix(prefix, sizeof(prefix), iface, p->ident, rest);
		for (int j = 0; j < b->nfields; j++)
			emit_bitfield_macros(f, prefix, &b->fields[j]);
		fprintf(f, "\n");
	}
	for (int i = 0; i < p->nconstants; i++) {
		macro_prefix(prefix, sizeof(prefix), "RMI", p->ident, p->constants[i].name);
		fprintf(f, "#define %s 0x%llxULL\n", prefix, (unsigned long long)p->constants[i].value);
	}
	fprintf(f, "\n");
	for (int i = 0; i < p->nstructs; i++) {
		const struct m_struct *s = &p->structs[i];
		const struct m_field *list[64];

		for (int j = 0; j < s->nfields; j++)
			list[j] = &s->fields[j];
		snprintf(cname, sizeof(cname), "rmi_%s_%s", p->ident, s->name);
		emit_struct(f, cname, p->ident, s->size, list, s->nfields);
	}
}

static void header_open(FILE *f, const char *guard, const char *what)
{
	fprintf(f, "/* SPDX-License-Identifier: BSD-3-Clause */\n");
	fprintf(f, "/* Generated by tools/abigen from %s. Do not edit. */\n", what);
	fprintf(f, "#ifndef %s\n#define %s\n\n#include <stddef.h>\n#include <stdint.h>\n\n",
		guard, guard);
}

int emit_profile_header(const struct m_profile *p, const char *path)
{
	FILE *f = fopen(path, "w");
	char guard[64];

	if (!f) {
		perror(path);
		return -1;
	}
	upper(guard, p->ident, sizeof(guard));
	strcat(guard, "_GENERATED_H");
	{
		/* spec/<file>: no build-machine path in an installed header. */
		const char *base = strrchr(p->path, '/');
		char what[256];

		snprintf(what, sizeof(what), "spec/%s", base ? base + 1 : p->path);
		header_open(f, guard, what);
	}
	emit_profile_body(f, p);
	fprintf(f, "#endif\n");
	return fclose(f);
}

/* ----- common.h: names every defining profile agrees on ----- */

static bool field_equal(const struct m_field *a, const struct m_field *b)
{
	return !strcmp(a->name, b->name) && a->offset == b->offset && !strcmp(a->type, b->type) &&
	       a->count == b->count;
}

static const struct m_field *struct_field(const struct m_struct *s, const char *name)
{
	for (int i = 0; i < s->nfields; i++)
		if (!strcmp(s->fields[i].name, name))
			return &s->fields[i];
	return NULL;
}

/* A struct has a common view if every profile defining it has the same size. */
static bool struct_common(const struct m_profile *ps, int np, const char *name)
{
	uint32_t size = 0;

	for (int i = 0; i < np; i++) {
		const struct m_struct *s = m_struct_find(&ps[i], name);

		if (!s)
			continue;
		if (size && s->size != size)
			return false;
		size = s->size;
	}
	return true;
}

static void emit_common_struct(FILE *f, const struct m_profile *ps, int np, const char *ident,
			       const struct m_struct *first)
{
	const struct m_field *list[64];
	char cname[96];
	int n = 0;

	if (!struct_common(ps, np, first->name))
		return;
	for (int j = 0; j < first->nfields; j++) {
		const struct m_field *fld = &first->fields[j];
		bool shared = true;

		for (int i = 0; i < np && shared; i++) {
			const struct m_struct *s = m_struct_find(&ps[i], first->name);
			const struct m_field *o;

			if (!s)
				continue;
			o = struct_field(s, fld->name);
			shared = o && field_equal(o, fld) &&
				 (!fld->is_struct || struct_common(ps, np, fld->type));
		}
		if (shared)
			list[n++] = fld;
	}
	snprintf(cname, sizeof(cname), "rmi_%s%s%s", ident ? ident : "", ident ? "_" : "",
		 first->name);
	emit_struct(f, cname, ident, first->size, list, n);
}

/* Emits `macro value` unless a profile defines the same macro differently. */
struct seen {
	char name[200];
	long long value;
	bool conflict;
};

static struct seen *seen_get(struct seen *tab, int *n, const char *name)
{
	for (int i = 0; i < *n; i++)
		if (!strcmp(tab[i].name, name))
			return &tab[i];
	return NULL;
}

static void seen_add(struct seen *tab, int *n, const char *name, long long value)
{
	struct seen *s = seen_get(tab, n, name);

	if (s) {
		s->conflict |= s->value != value;
		return;
	}
	snprintf(tab[*n].name, sizeof(tab[*n].name), "%s", name);
	tab[*n].value = value;
	tab[*n].conflict = false;
	(*n)++;
}

int emit_common_header(const struct m_profile *ps, int np, const char *path, const char *ident)
{
	static struct seen tab[8192];
	int n = 0;
	char prefix[128], iface[8], rest[64], fname[64], macro[200], guard[64], what[160];
	FILE *f = fopen(path, "w");

	if (!f) {
		perror(path);
		return -1;
	}
	for (int k = 0; k < np; k++) {
		const struct m_profile *p = &ps[k];

		for (int i = 0; i < p->ncommands; i++) {
			macro_prefix(prefix, sizeof(prefix), iface_name(p->commands[i].iface), ident,
				     "FID");
			snprintf(macro, sizeof(macro), "%s_%s", prefix, p->commands[i].name);
			seen_add(tab, &n, macro, p->commands[i].fid);
		}
		for (int i = 0; i < p->nenums; i++) {
			split_group(p->enums[i].name, iface, rest, sizeof(rest));
			macro_prefix(prefix, sizeof(prefix), iface, ident, rest);
			for (int j = 0; j < p->enums[i].nvalues; j++) {
				snprintf(macro, sizeof(macro), "%s_%s", prefix, p->enums[i].values[j].name);
				seen_add(tab, &n, macro, p->enums[i].values[j].value);
			}
		}
		for (int i = 0; i < p->nbitfields; i++) {
			const struct m_bitfield *b = &p->bitfields[i];

			split_group(b->name, iface, rest, sizeof(rest));
			macro_prefix(prefix, sizeof(prefix), iface, ident, rest);
			for (int j = 0; j < b->nfields; j++) {
				upper(fname, b->fields[j].name, sizeof(fname));
				snprintf(macro, sizeof(macro), "%s_%s", prefix, fname);
				/* Encode position and width in one comparable value. */
				seen_add(tab, &n, macro, (long long)b->fields[j].lsb << 8 | b->fields[j].width);
			}
		}
		for (int i = 0; i < p->nconstants; i++) {
			macro_prefix(macro, sizeof(macro), "RMI", ident, p->constants[i].name);
			seen_add(tab, &n, macro, (long long)p->constants[i].value);
		}
	}
	upper(guard, ident ? ident : "COMMON", sizeof(guard));
	snprintf(guard + strlen(guard), sizeof(guard) - strlen(guard), "_FAMILY_GENERATED_H");
	if (ident)
		snprintf(what, sizeof(what), "the spec/<profile>.yaml of RMI %s.x (names its revisions agree on)",
			 ident + 1);
	else
		snprintf(what, sizeof(what), "every spec/<profile>.yaml (names all profiles agree on)");
	header_open(f, ident ? guard : "CCA_RMI_COMMON_GENERATED_H", what);
	for (int i = 0; i < n; i++)
		if (!tab[i].conflict && strstr(tab[i].name, "_FID_"))
			fprintf(f, "#define %s 0x%08llxU\n", tab[i].name, tab[i].value);
	fprintf(f, "\n");
	/* Enum values and constants. */
	for (int k = 0; k < np; k++) {
		const struct m_profile *p = &ps[k];

		for (int i = 0; i < p->nenums; i++) {
			split_group(p->enums[i].name, iface, rest, sizeof(rest));
			macro_prefix(prefix, sizeof(prefix), iface, ident, rest);
			for (int j = 0; j < p->enums[i].nvalues; j++) {
				struct seen *s;

				snprintf(macro, sizeof(macro), "%s_%s", prefix, p->enums[i].values[j].name);
				s = seen_get(tab, &n, macro);
				if (s->conflict || s->value == LLONG_MIN)
					continue;
				fprintf(f, "#define %s (%lld)\n", macro, s->value);
				s->value = LLONG_MIN;	/* printed */
			}
		}
		for (int i = 0; i < p->nbitfields; i++) {
			const struct m_bitfield *b = &p->bitfields[i];

			split_group(b->name, iface, rest, sizeof(rest));
			macro_prefix(prefix, sizeof(prefix), iface, ident, rest);
			for (int j = 0; j < b->nfields; j++) {
				struct seen *s;

				upper(fname, b->fields[j].name, sizeof(fname));
				snprintf(macro, sizeof(macro), "%s_%s", prefix, fname);
				s = seen_get(tab, &n, macro);
				if (s->conflict || s->value == LLONG_MIN)
					continue;
				emit_bitfield_macros(f, prefix, &b->fields[j]);
				s->value = LLONG_MIN;
			}
		}
		for (int i = 0; i < p->nconstants; i++) {
			struct seen *s;

			macro_prefix(macro, sizeof(macro), "RMI", ident, p->constants[i].name);
			s = seen_get(tab, &n, macro);
			if (s->conflict || s->value == LLONG_MIN)
				continue;
			fprintf(f, "#define %s 0x%llxULL\n", macro, s->value);
			s->value = LLONG_MIN;
		}
	}
	fprintf(f, "\n");
	/* Struct views, in the order of the first profile that defines them. */
	for (int k = 0; k < np; k++) {
		for (int i = 0; i < ps[k].nstructs; i++) {
			const struct m_struct *s = &ps[k].structs[i];
			bool earlier = false;

			for (int j = 0; j < k; j++)
				earlier |= m_struct_find(&ps[j], s->name) != NULL;
			if (!earlier)
				emit_common_struct(f, ps, np, ident, s);
		}
	}
	fprintf(f, "#endif\n");
	return fclose(f);
}
