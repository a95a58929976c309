// SPDX-License-Identifier: BSD-3-Clause
/*
 * abi-check: compares a Linux host's RMI headers with a profile's
 * description.
 *
 * The headers' names are found by scanning them (header_scan.c) and
 * matched to the profile by the Linux spellings the description gives; the
 * values come from compiling and running a probe program (probe.c) that
 * includes the headers with the project's mock <linux/arm-smccc.h>.
 * Compared: FIDs, status codes, enum values, constants, bit-field masks and
 * getters, struct sizes, field offsets and sizes; then the command wrappers
 * (command_check.c).  A name the profile has and the header lacks is paired
 * with a header name the profile lacks when both carry the same value: a
 * rename, not one absent and one extra.
 */
#define _GNU_SOURCE
#include "check.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Header names evaluated to find renames: bounded. */
#define MAX_HIDDEN_ITEMS 4000
/* Inputs one check merges. */
#define MAX_INPUT_FILES 16

static struct item *add_item(struct check *c, enum item_kind k, enum item_group g,
			     const char *name, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static struct item *add_item(struct check *c, enum item_kind k, enum item_group g,
			     const char *name, const char *fmt, ...)
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
	it->group = g;
	it->pair = -1;
	snprintf(it->name, sizeof(it->name), "%s", name);
	va_start(ap, fmt);
	vsnprintf(it->what, sizeof(it->what), fmt, ap);
	va_end(ap);
	it->evaluable = true;
	return it;
}

/* Where the header defines a value name (object-like macro or enum constant). */
static bool locate_value(const struct check *c, const char *name, struct item *it)
{
	const struct hs_macro *m = hs_macro_find(c->h, name);
	const struct hs_enum_const *e;

	if (m && !m->function_like) {
		it->file = m->file;
		it->line = m->line;
		return true;
	}
	e = hs_enum_find(c->h, name);
	if (e) {
		it->file = e->file;
		it->line = e->line;
		return true;
	}
	return false;
}

/*
 * "RMI_RETURN_INDEX" -> "RMI_RETURN_": a renamed name keeps its family (the
 * first two words), unless renames elsewhere show the family renamed too.
 */
static void family(const char *name, char *out, size_t len)
{
	const char *u = strchr(name, '_');

	if (u)
		u = strchr(u + 1, '_');
	snprintf(out, len, "%.*s", u ? (int)(u - name + 1) : (int)strlen(name), name);
}

static void collect_commands(struct check *c)
{
	for (unsigned int i = 0; i < c->p->ncommands; i++) {
		const struct abi_command *cmd = &c->p->commands[i];
		char name[128];
		struct item *it;

		if (cmd->iface != ABI_RMI)
			continue;	/* the host headers hold RMI only */
		snprintf(name, sizeof(name), "SMC_RMI_%s", cmd->name);
		it = add_item(c, IK_VALUE, IG_COMMAND, name, "command %s", cmd->name);
		it->value = cmd->fid;
		it->cmd = cmd;
		snprintf(it->prefix, sizeof(it->prefix), "SMC_RMI_");
		it->present = locate_value(c, name, it);
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
			it = add_item(c, IK_VALUE, IG_ENUM, name, "%s %s", e->name, v->name);
			it->value = v->value;
			if (!strncmp(name, e->linux_prefix, strlen(e->linux_prefix)))
				snprintf(it->prefix, sizeof(it->prefix), "%s", e->linux_prefix);
			else
				family(name, it->prefix, sizeof(it->prefix));
			it->present = locate_value(c, name, it);
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
		it = add_item(c, IK_VALUE, IG_CONSTANT, k->linux_name, "constant %s", k->name);
		it->value = (int64_t)k->value;
		family(k->linux_name, it->prefix, sizeof(it->prefix));
		it->present = locate_value(c, k->linux_name, it);
	}
}

static uint64_t field_mask(unsigned int lsb, unsigned int width)
{
	return (width >= 64 ? ~0ULL : ((1ULL << width) - 1)) << lsb;
}

static bool listed(const char *const *names, unsigned int n, const char *name)
{
	for (unsigned int i = 0; i < n; i++)
		if (!strcmp(names[i], name))
			return true;
	return false;
}

static void collect_bitfields(struct check *c)
{
	for (unsigned int i = 0; i < c->p->nbitfields; i++) {
		const struct abi_bitfield *b = &c->p->bitfields[i];

		for (unsigned int j = 0; j < b->nfields; j++) {
			const struct abi_bitfield_field *f = &b->fields[j];
			uint64_t mask = field_mask(f->lsb, f->width);
			const char *names[8];
			char derived[4][128];
			unsigned int n = 0, nd = 0;

			for (unsigned int k = 0; k < f->nlinux && n < 4; k++)
				names[n++] = f->linux_names[k];
			if (!n && b->linux_prefix) {
				snprintf(derived[nd], sizeof(derived[0]), "%s%s", b->linux_prefix, f->name);
				names[n++] = derived[nd++];
			}
			/*
			 * A getter's mask macro (RMI_DONATE_STATE -> RMI_DONATE_STATE_MASK)
			 * holds the same bits, whether the profile names it or not.
			 */
			for (unsigned int k = 0, n0 = n; k < n0 && nd < 4; k++) {
				const struct hs_macro *m = hs_macro_find(c->h, names[k]);

				snprintf(derived[nd], sizeof(derived[0]), "%s_MASK", names[k]);
				if (m && m->function_like && !listed(names, n, derived[nd]) &&
				    hs_macro_find(c->h, derived[nd]))
					names[n++] = derived[nd++];
			}
			for (unsigned int k = 0; k < n; k++) {
				const struct hs_macro *m = hs_macro_find(c->h, names[k]);
				struct item *it;

				it = add_item(c, m && m->function_like ? IK_EXTRACT : IK_MASK, IG_BITFIELD,
					      names[k], "bit field %s.%s", b->name, f->name);
				it->value = (int64_t)mask;
				it->present = m != NULL;
				if (m) {
					it->file = m->file;
					it->line = m->line;
				}
				family(names[k], it->prefix, sizeof(it->prefix));
				/* Bits below the field and those of its sibling fields. */
				it->forbid = (1ULL << f->lsb) - 1;
				for (unsigned int o = 0; o < b->nfields; o++) {
					const struct abi_bitfield_field *g = &b->fields[o];

					if (o == j || g->overlay || f->overlay)
						continue;
					it->forbid |= field_mask(g->lsb, g->width);
				}
				it->forbid &= ~mask;
			}
		}
	}
}

static void collect_structs(struct check *c)
{
	for (unsigned int i = 0; i < c->p->nstructs; i++) {
		const struct abi_struct *s = &c->p->structs[i];
		/* The host header names its structs as the spec does. */
		const struct hs_struct *hs = hs_struct_find(c->h, s->name);
		struct item *it;

		if (!strncmp(s->name, "rsi_", 4) || !strncmp(s->name, "measurement_", 12))
			continue;	/* realm-side and RMM-internal structures */
		it = add_item(c, IK_STRUCT_SIZE, IG_STRUCT, "", "struct %s size", s->name);
		snprintf(it->sname, sizeof(it->sname), "%s", s->name);
		it->value = s->size;
		it->present = hs != NULL;
		if (hs) {
			it->file = hs->file;
			it->line = hs->line;
		}
		for (unsigned int j = 0; j < s->nfields; j++) {
			const struct abi_field *f = &s->fields[j];
			const char *mname = f->linux_name ? f->linux_name : f->name;
			const struct hs_member *m = hs_member_find(hs, mname);

			it = add_item(c, IK_FIELD, IG_STRUCT, mname, "struct %s.%s", s->name, f->name);
			snprintf(it->sname, sizeof(it->sname), "%s", s->name);
			it->value = f->offset;
			it->min_size = f->elem_size * f->count;
			it->window = f->window;
			it->present = m != NULL;
			if (hs) {
				it->file = hs->file;
				it->line = m ? m->line : hs->line;
			}
		}
	}
}

/* The version macros, for --profile auto (they may be constants of the profile too). */
static void collect_version(struct check *c)
{
	static const char *const names[] = { "RMI_ABI_MAJOR_VERSION", "RMI_ABI_MINOR_VERSION" };

	for (unsigned int i = 0; i < 2; i++) {
		struct item *it = add_item(c, IK_VALUE, IG_VERSION, names[i], "version %s",
					   i ? "minor" : "major");

		it->present = locate_value(c, names[i], it);
	}
}

static bool name_known(const struct check *c, const char *name)
{
	for (size_t i = 0; i < c->n; i++)
		if (c->items[i].present && !c->items[i].hidden && c->items[i].kind != IK_FIELD &&
		    c->items[i].group != IG_VERSION && !strcmp(c->items[i].name, name))
			return true;
	return false;
}

static bool member_known(const struct check *c, const char *sname, const char *member)
{
	for (size_t k = 0; k < c->n; k++)
		if (c->items[k].kind == IK_FIELD && !c->items[k].hidden &&
		    !strcmp(c->items[k].sname, sname) && !strcmp(c->items[k].name, member))
			return true;
	return false;
}

static bool upper_name(const char *s)
{
	for (; *s; s++)
		if (islower((unsigned char)*s))
			return false;
	return true;
}

static bool any_absent(const struct check *c)
{
	for (size_t i = 0; i < c->n; i++)
		if (!c->items[i].present && c->items[i].group != IG_VERSION)
			return true;
	return false;
}

/*
 * The header's names the profile lacks, as hidden items: their values let
 * an absent profile name pair with a renamed header name.
 */
static void collect_hidden(struct check *c)
{
	const struct hs_header *h = c->h;
	size_t start = c->n;

	for (size_t i = 0; i < h->nmacros && c->n - start < MAX_HIDDEN_ITEMS; i++) {
		const struct hs_macro *m = &h->macros[i];
		struct item *it;

		if (hs_macro_find(h, m->name) != m || !strncmp(m->name, "__", 2) ||
		    !upper_name(m->name) || name_known(c, m->name))
			continue;
		if (m->function_like && m->nparams != 1)
			continue;
		it = add_item(c, m->function_like ? IK_EXTRACT : IK_VALUE, IG_CONSTANT, m->name,
			      "header %s", m->name);
		it->hidden = it->present = true;
		it->file = m->file;
		it->line = m->line;
	}
	for (size_t i = 0; i < h->nenums && c->n - start < MAX_HIDDEN_ITEMS; i++) {
		const struct hs_enum_const *e = &h->enums[i];
		struct item *it;

		if (hs_enum_find(h, e->name) != e || name_known(c, e->name) ||
		    hs_macro_find(h, e->name))
			continue;
		it = add_item(c, IK_VALUE, IG_ENUM, e->name, "header %s", e->name);
		it->hidden = it->present = true;
		it->file = e->file;
		it->line = e->line;
	}
	for (unsigned int i = 0; i < c->p->nstructs; i++) {
		const struct hs_struct *hs = hs_struct_find(h, c->p->structs[i].name);

		for (size_t j = 0; hs && j < hs->nmembers && c->n - start < MAX_HIDDEN_ITEMS; j++) {
			const struct hs_member *m = &hs->members[j];
			struct item *it;

			if (m->is_padding || member_known(c, hs->name, m->name))
				continue;
			it = add_item(c, IK_FIELD, IG_STRUCT, m->name, "header struct %s.%s",
				      hs->name, m->name);
			snprintf(it->sname, sizeof(it->sname), "%s", hs->name);
			it->hidden = it->present = true;
			it->file = hs->file;
			it->line = m->line;
		}
	}
}

/* ---- comparison and report ---- */

void report(struct check *c, const char *tag, const char *what, const char *fmt, ...)
{
	va_list ap;

	fprintf(c->out, "%-8s %-40s ", tag, what);
	va_start(ap, fmt);
	vfprintf(c->out, fmt, ap);
	va_end(ap);
	fputc('\n', c->out);
}

/* "18:17", "17", or the hex mask when the bits are not contiguous. */
static const char *bits(uint64_t m, char *buf, size_t len)
{
	unsigned int lo, hi;

	if (!m) {
		snprintf(buf, len, "none");
		return buf;
	}
	lo = (unsigned int)__builtin_ctzll(m);
	hi = 63 - (unsigned int)__builtin_clzll(m);
	if (field_mask(lo, hi - lo + 1) != m)
		snprintf(buf, len, "0x%" PRIx64, m);
	else if (hi == lo)
		snprintf(buf, len, "bit %u", lo);
	else
		snprintf(buf, len, "bits %u:%u", hi, lo);
	return buf;
}

static const char *where(const struct check *c, const struct item *it, char *buf, size_t len)
{
	snprintf(buf, len, "%s:%u", hs_file_base(c->h, it->file), it->line);
	return buf;
}

/*
 * A getter must see all of its field and nothing below it or of another
 * field.  Above the field it reads nothing more (a masked getter:
 * FIELD_GET(GENMASK(18, 17), x) for a field at bit 17 is wrong), or every
 * bit up to 63: a bare shift ((v) >> 16) takes the rest of the word, which
 * the spec keeps zero.
 */
bool extract_ok(const struct item *it, uint64_t got)
{
	uint64_t field = (uint64_t)it->value, above = got & ~field;
	unsigned int top;

	if ((got & field) != field || (got & it->forbid))
		return false;
	if (!above)
		return true;
	top = 63 - (unsigned int)__builtin_clzll(field);
	return top < 63 && above == ~0ULL << (top + 1);
}

static bool field_size_ok(const struct item *it, uint64_t size)
{
	return size >= it->min_size && size <= it->window;
}

/* Same words but one: RMI_RETURN_STATUS / RMI_RESULT_STATUS, RTT_PLAN / RTT_PLANE. */
static bool one_word_changed(const char *a, const char *b)
{
	unsigned int changed = 0;

	for (;;) {
		size_t la = strcspn(a, "_"), lb = strcspn(b, "_");

		changed += la != lb || strncmp(a, b, la);
		a += la;
		b += lb;
		if (!*a || !*b)
			return !*a && !*b && changed == 1;
		a++;
		b++;
	}
}

static bool starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

static bool name_fits(const struct check *c, const struct item *a, const struct item *x)
{
	if (starts_with(x->name, a->prefix) || one_word_changed(a->name, x->name))
		return true;
	for (unsigned int i = 0; i < c->nsubst; i++)
		if (!strcmp(c->subst[i][0], a->prefix) && starts_with(x->name, c->subst[i][1]))
			return true;
	return false;
}

/* Could hidden item x be absent item a under another name? */
static bool rename_fits(const struct check *c, const struct item *a, const struct item *x)
{
	if (!x->hidden || x->pair >= 0 || !x->has_got || !x->evaluable)
		return false;
	if (a->kind != IK_FIELD && !name_fits(c, a, x))
		return false;
	switch (a->kind) {
	case IK_VALUE:
		return x->kind == IK_VALUE && x->got == (uint64_t)a->value;
	case IK_MASK:
	case IK_EXTRACT:
		/* An absent bit-field name may be a getter or a mask under its new name. */
		if (x->kind == IK_EXTRACT)
			return extract_ok(a, x->got);
		return a->kind == IK_MASK && x->kind == IK_VALUE && x->got == (uint64_t)a->value;
	case IK_FIELD:
		return x->kind == IK_FIELD && !strcmp(x->sname, a->sname) &&
		       x->got == (uint64_t)a->value && field_size_ok(a, x->got_size);
	case IK_STRUCT_SIZE:
		return false;
	}
	return false;
}

static bool pairable(const struct check *c, const struct item *a)
{
	if (a->present || a->hidden || a->pair >= 0 || a->group == IG_VERSION ||
	    a->kind == IK_STRUCT_SIZE)
		return false;
	return a->kind != IK_FIELD || hs_struct_find(c->h, a->sname);
}

/* Is x the mask macro of getter g (RMI_DONATE_SIZE_MASK of RMI_DONATE_SIZE)? */
static bool mask_of(const struct item *x, const struct item *g)
{
	size_t n = strlen(g->name);

	return g->kind == IK_EXTRACT && x->kind == IK_VALUE && !strncmp(x->name, g->name, n) &&
	       !strcmp(x->name + n, "_MASK");
}

/*
 * Pairs each absent item with the one hidden item that fits it, if that
 * fits nothing else.  A getter and its own mask macro count as one: the
 * getter pairs, the mask goes with it.
 */
static void pair_pass(struct check *c)
{
	for (size_t i = 0; i < c->n; i++) {
		struct item *a = &c->items[i];
		long only = -1, other = -1;
		unsigned int fits = 0;

		if (!pairable(c, a))
			continue;
		for (size_t j = 0; j < c->n; j++)
			if (rename_fits(c, a, &c->items[j])) {
				fits++;
				other = only;
				only = (long)j;
			}
		if (fits == 2 && mask_of(&c->items[only], &c->items[other])) {
			long mask = only;

			only = other;
			other = mask;
		} else if (fits == 2 && mask_of(&c->items[other], &c->items[only])) {
			/* only is the getter already */
		} else if (fits != 1) {
			continue;
		} else {
			other = -1;
		}
		fits = 0;
		for (size_t k = 0; k < c->n; k++)
			if (pairable(c, &c->items[k]) && rename_fits(c, &c->items[k], &c->items[only]))
				fits++;
		if (fits != 1)
			continue;
		a->pair = only;
		c->items[only].pair = (long)i;
		if (other >= 0)
			c->items[other].pair = (long)i;
	}
}

/*
 * Renamed families: a pair whose family changed (RMI_RETURN_STATUS ->
 * RMI_RESULT_STATUS) lets the family's other names pair across it too
 * (RMI_RETURN_INDEX -> RMI_RESULT_DATA_LEVEL).
 */
static void learn_families(struct check *c)
{
	for (size_t i = 0; i < c->n; i++) {
		const struct item *a = &c->items[i];
		char fam[64];
		bool known = false;

		if (a->hidden || a->pair < 0 || a->kind == IK_FIELD || c->nsubst >= MAX_FAMILY_RENAMES)
			continue;
		family(c->items[a->pair].name, fam, sizeof(fam));
		if (!strcmp(fam, a->prefix))
			continue;
		for (unsigned int k = 0; k < c->nsubst && !known; k++)
			known = !strcmp(c->subst[k][0], a->prefix) && !strcmp(c->subst[k][1], fam);
		if (known)
			continue;
		snprintf(c->subst[c->nsubst][0], sizeof(c->subst[0][0]), "%s", a->prefix);
		snprintf(c->subst[c->nsubst++][1], sizeof(c->subst[0][1]), "%s", fam);
	}
}

static void pair_renames(struct check *c)
{
	pair_pass(c);
	learn_families(c);
	if (c->nsubst)
		pair_pass(c);
}

static void report_renamed(struct check *c, const struct item *a)
{
	const struct item *x = &c->items[a->pair];
	char loc[160], b[64];

	switch (a->kind) {
	case IK_FIELD:
		report(c, "RENAMED", a->what, "spec '%s', header '%s' (%s): offset 0x%" PRIx64 ", %" PRIu64 " bytes",
		       a->name, x->name, where(c, x, loc, sizeof(loc)), x->got, x->got_size);
		break;
	case IK_EXTRACT:
	case IK_MASK:
		report(c, "RENAMED", a->what, "spec %s, header %s (%s): %s %s",
		       a->name, x->name, where(c, x, loc, sizeof(loc)),
		       x->kind == IK_EXTRACT ? "reads" : "same", bits(x->got, b, sizeof(b)));
		break;
	default:
		report(c, "RENAMED", a->what, "spec %s, header %s (%s): same value 0x%" PRIx64,
		       a->name, x->name, where(c, x, loc, sizeof(loc)), x->got);
		break;
	}
	c->res.renamed++;
}

static void mismatch(struct check *c, const struct item *it, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void mismatch(struct check *c, const struct item *it, const char *fmt, ...)
{
	char msg[512], loc[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	report(c, "MISMATCH", it->what, "%s (%s)", msg, where(c, it, loc, sizeof(loc)));
	c->res.mismatches++;
}

/* Does the header have another of the spellings the profile gives this bit field? */
static bool field_named_otherwise(const struct check *c, const struct item *it)
{
	for (size_t i = 0; i < c->n; i++)
		if (c->items[i].group == IG_BITFIELD && &c->items[i] != it &&
		    (c->items[i].present || c->items[i].pair >= 0) &&
		    !strcmp(c->items[i].what, it->what))
			return true;
	return false;
}

static void compare(struct check *c)
{
	char b1[64], b2[64];

	for (size_t i = 0; i < c->n; i++) {
		struct item *it = &c->items[i];

		if (it->hidden || it->group == IG_VERSION)
			continue;
		if (!it->present) {
			if (it->pair >= 0) {
				report_renamed(c, it);
			} else if (it->group == IG_BITFIELD && field_named_otherwise(c, it)) {
				/* One of a field's spellings (RMI_DONATE_SIZE / _BLOCK_SIZE) is enough. */
				if (c->opt->verbose)
					report(c, "ABSENT", it->what, "%s: the header names the field otherwise",
					       it->name);
			} else if (it->kind == IK_FIELD && hs_struct_find(c->h, it->sname)) {
				/* A struct the header defines must have every spec field. */
				mismatch(c, it, "field '%s' missing from struct %s", it->name, it->sname);
			} else {
				c->res.missing++;
				if (c->opt->verbose)
					report(c, "ABSENT", it->what, "%s: in the profile, not in the header",
					       it->name[0] ? it->name : it->sname);
			}
			continue;
		}
		if (!it->evaluable || !it->has_got) {
			mismatch(c, it, "%s: cannot be evaluated with the mock headers",
				 it->name[0] ? it->name : it->sname);
			continue;
		}
		switch (it->kind) {
		case IK_VALUE:
			if ((int64_t)it->got != it->value) {
				mismatch(c, it, "%s: header %" PRId64 " (0x%" PRIx64 "), spec %" PRId64 " (0x%" PRIx64 ")",
					 it->name, (int64_t)it->got, it->got, it->value, (uint64_t)it->value);
				continue;
			}
			if (c->opt->verbose)
				report(c, "ok", it->what, "%s = 0x%" PRIx64, it->name, it->got);
			break;
		case IK_EXTRACT:
			if (!extract_ok(it, it->got)) {
				mismatch(c, it, "%s: header reads %s, spec field is %s", it->name,
					 bits(it->got, b1, sizeof(b1)), bits((uint64_t)it->value, b2, sizeof(b2)));
				continue;
			}
			if (c->opt->verbose)
				report(c, "ok", it->what, "%s reads %s", it->name, bits(it->got, b1, sizeof(b1)));
			break;
		case IK_MASK:
			if (it->got != (uint64_t)it->value) {
				mismatch(c, it, "%s: header %s, spec %s", it->name,
					 bits(it->got, b1, sizeof(b1)), bits((uint64_t)it->value, b2, sizeof(b2)));
				continue;
			}
			if (c->opt->verbose)
				report(c, "ok", it->what, "%s = %s", it->name, bits(it->got, b1, sizeof(b1)));
			break;
		case IK_STRUCT_SIZE:
			if (it->got != (uint64_t)it->value) {
				mismatch(c, it, "sizeof: header 0x%" PRIx64 ", spec 0x%" PRIx64, it->got,
					 (uint64_t)it->value);
				continue;
			}
			if (c->opt->verbose)
				report(c, "ok", it->what, "0x%" PRIx64, it->got);
			break;
		case IK_FIELD:
			if (it->got != (uint64_t)it->value) {
				mismatch(c, it, "offset: header 0x%" PRIx64 ", spec 0x%" PRIx64, it->got,
					 (uint64_t)it->value);
				continue;
			}
			/* The header may use a wider container, within the field's window. */
			if (!field_size_ok(it, it->got_size)) {
				mismatch(c, it, "size: header %" PRIu64 " bytes, spec %u (room %u)",
					 it->got_size, it->min_size, it->window);
				continue;
			}
			if (c->opt->verbose)
				report(c, "ok", it->what, "%s at 0x%" PRIx64 ", %" PRIu64 " bytes", it->name,
				       it->got, it->got_size);
			break;
		}
		c->res.matched++;
	}
}

static bool hidden_paired(const struct check *c, const char *sname, const char *name)
{
	for (size_t i = 0; i < c->n; i++)
		if (c->items[i].hidden && c->items[i].pair >= 0 && !strcmp(c->items[i].name, name) &&
		    (!sname || !strcmp(c->items[i].sname, sname)))
			return true;
	return false;
}

/* Header names with no counterpart in the profile. */
static void extras(struct check *c)
{
	for (size_t i = 0; i < c->h->nmacros; i++) {
		const struct hs_macro *m = &c->h->macros[i];
		bool is_cmd = !strncmp(m->name, "SMC_RMI_", 8) && strcmp(m->name, "SMC_RMI_CALL");

		if (hs_macro_find(c->h, m->name) != m || name_known(c, m->name) ||
		    !strncmp(m->name, "__", 2) || hidden_paired(c, NULL, m->name))
			continue;
		/* A command FID the profile lacks is a real disagreement. */
		if (is_cmd && !m->function_like) {
			report(c, "MISMATCH", "command ?", "%s (%s:%u): RMI command not in profile %s",
			       m->name, hs_file_base(c->h, m->file), m->line, c->p->name);
			c->res.mismatches++;
			continue;
		}
		c->res.extra++;
		if (c->opt->verbose)
			report(c, "EXTRA", "", "%s (%s:%u): not in profile %s", m->name,
			       hs_file_base(c->h, m->file), m->line, c->p->name);
	}
	for (unsigned int i = 0; i < c->p->nstructs; i++) {
		const struct hs_struct *hs = hs_struct_find(c->h, c->p->structs[i].name);

		for (size_t j = 0; hs && j < hs->nmembers; j++) {
			const struct hs_member *m = &hs->members[j];
			char what[160];

			if (m->is_padding || member_known(c, hs->name, m->name) ||
			    hidden_paired(c, hs->name, m->name))
				continue;
			c->res.extra++;
			snprintf(what, sizeof(what), "struct %s.%s", hs->name, m->name);
			if (c->opt->verbose)
				report(c, "EXTRA", what, "%s:%u: not in profile %s",
				       hs_file_base(c->h, hs->file), m->line, c->p->name);
		}
	}
}

static void read_version(struct check *c)
{
	bool major = false, minor = false;

	for (size_t i = 0; i < c->n; i++) {
		const struct item *it = &c->items[i];

		if (it->group != IG_VERSION || !it->has_got)
			continue;
		if (!strcmp(it->name, "RMI_ABI_MAJOR_VERSION")) {
			c->res.major = (unsigned int)it->got;
			major = true;
		} else {
			c->res.minor = (unsigned int)it->got;
			minor = true;
		}
	}
	c->res.has_version = major && minor;
}

/* ---- input ---- */

static bool rmi_name(const char *s)
{
	return !strncmp(s, "SMC_RMI_", 8) || !strncmp(s, "RMI_", 4) || !strncmp(s, "REC_", 4);
}

static bool profile_struct(const char *name)
{
	for (unsigned int i = 0; i < abi_nprofiles; i++)
		if (abi_struct_find(abi_profiles[i], name))
			return true;
	return false;
}

/* Does file f define anything RMI: a name, a structure, a command wrapper? */
static bool file_has_rmi(const struct abicheck_input *in, unsigned int f)
{
	const struct hs_header *h = &in->h;

	for (size_t i = 0; i < h->nmacros; i++)
		if (h->macros[i].file == f && rmi_name(h->macros[i].name))
			return true;
	for (size_t i = 0; i < h->nenums; i++)
		if (h->enums[i].file == f && rmi_name(h->enums[i].name))
			return true;
	for (size_t i = 0; i < h->nstructs; i++)
		if (h->structs[i].file == f && profile_struct(h->structs[i].name))
			return true;
	for (size_t i = 0; i < in->nwrappers; i++)
		if (in->wrappers[i].fn->file == f)
			return true;
	return false;
}

/* Does any wrapper's FID have a definition among the inputs? */
static bool wrappers_resolve(const struct abicheck_input *in)
{
	for (size_t i = 0; i < in->nwrappers; i++)
		if (hs_macro_find(&in->h, in->wrappers[i].fid))
			return true;
	return false;
}

int abicheck_load(const char *const *headers, unsigned int n, struct abicheck_input **inp,
		  char *err, size_t errlen)
{
	struct abicheck_input *in = calloc(1, sizeof(*in));

	*inp = NULL;
	if (!in)
		abort();
	if (!n || n > MAX_INPUT_FILES) {
		snprintf(err, errlen, "%u headers given (1 to %u)", n, MAX_INPUT_FILES);
		free(in);
		return -1;
	}
	for (unsigned int i = 0; i < n; i++) {
		for (unsigned int j = 0; j < i; j++) {
			if (!strcmp(headers[i], headers[j])) {
				snprintf(err, errlen, "%s: given twice", headers[i]);
				abicheck_input_free(in);
				return -1;
			}
		}
		if (hs_scan_file(headers[i], &in->h, err, errlen)) {
			abicheck_input_free(in);
			return -1;
		}
	}
	in->nwrappers = ws_scan(&in->h, &in->wrappers);
	if (in->nwrappers && !wrappers_resolve(in)) {
		snprintf(err, errlen,
			 "%s: its command wrappers use SMC_RMI_* FIDs no header given defines (give the definitions header too)",
			 in->h.files[in->wrappers[0].fn->file]);
		abicheck_input_free(in);
		return -1;
	}
	for (unsigned int i = 0; i < n; i++) {
		if (!file_has_rmi(in, i)) {
			snprintf(err, errlen,
				 "%s: no RMI definitions (no SMC_RMI_*/RMI_* name, RMI structure or command wrapper)",
				 headers[i]);
			abicheck_input_free(in);
			return -1;
		}
	}
	*inp = in;
	return 0;
}

void abicheck_input_free(struct abicheck_input *in)
{
	if (!in)
		return;
	hs_free(&in->h);
	free(in->wrappers);
	free(in);
}

static void title(const struct check *c)
{
	fprintf(c->out, "abi-check: ");
	for (size_t i = 0; i < c->h->nfiles; i++)
		fprintf(c->out, "%s%s", i ? " + " : "", c->h->files[i]);
	fprintf(c->out, " against profile %s (%s)\n", c->p->name, c->p->title);
}

int abicheck_run(const struct abi_profile *p, const struct abicheck_input *in,
		 const struct abicheck_options *opt, FILE *out, struct abicheck_result *res)
{
	struct check c = { .p = p, .opt = opt, .in = in, .h = &in->h, .out = out };
	char err[2048];
	int rc = -1;

	collect_commands(&c);
	collect_enums(&c);
	collect_constants(&c);
	collect_bitfields(&c);
	collect_structs(&c);
	collect_version(&c);
	if (probe_items(&c, false, err, sizeof(err))) {
		fprintf(out, "abi-check: %s\n", err);
		goto out;
	}
	read_version(&c);
	if (any_absent(&c)) {
		collect_hidden(&c);
		/* Renames are a refinement: if the header's other names do not compile, none. */
		if (probe_items(&c, true, err, sizeof(err)))
			for (size_t i = 0; i < c.n; i++)
				c.items[i].has_got &= !c.items[i].hidden;
		pair_renames(&c);
	}
	title(&c);
	compare(&c);
	extras(&c);
	check_commands(&c);
	fprintf(out, "abi-check: %u matched, %u mismatched, %u renamed, %u in the profile but not the header, %u in the header but not the profile; %u command wrappers compared%s\n",
		c.res.matched, c.res.mismatches, c.res.renamed, c.res.missing, c.res.extra,
		c.res.wrappers, opt->verbose ? "" : " (-v lists every pair)");
	rc = 0;
out:
	*res = c.res;
	free(c.items);
	return rc;
}
