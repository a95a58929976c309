// SPDX-License-Identifier: BSD-3-Clause
/*
 * Loads one spec/<profile>.yaml description into the model and checks it: unknown
 * keys, duplicate names and FIDs, overlapping fields, fields that do not fit
 * their window or are misaligned, bit fields outside 64 bits.  Every error
 * names the file, line and column.
 */
#include "spec_model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yaml_doc.h"

static char *dup(const char *s)
{
	return s ? strdup(s) : NULL;
}

uint32_t m_type_size(const char *type)
{
	if (!strcmp(type, "u8"))
		return 1;
	if (!strcmp(type, "u16"))
		return 2;
	if (!strcmp(type, "u32"))
		return 4;
	if (!strcmp(type, "u64") || !strcmp(type, "s64"))
		return 8;
	return 0;
}

const struct m_struct *m_struct_find(const struct m_profile *p, const char *name)
{
	for (int i = 0; i < p->nstructs; i++)
		if (!strcmp(p->structs[i].name, name))
			return &p->structs[i];
	return NULL;
}

static int req_str(struct ydoc *d, yaml_node_t *map, const char *key, const char *what,
		   char **out)
{
	yaml_node_t *n = ymap_get(d, map, key);
	const char *s;

	if (!n)
		return ydoc_err(d, map, "%s: missing key '%s'", what, key);
	if (yscalar_str(d, n, key, &s))
		return -1;
	*out = dup(s);
	return 0;
}

static int opt_str(struct ydoc *d, yaml_node_t *map, const char *key, char **out)
{
	yaml_node_t *n = ymap_get(d, map, key);
	const char *s;

	*out = NULL;
	if (!n)
		return 0;
	if (yscalar_str(d, n, key, &s))
		return -1;
	*out = dup(s);
	return 0;
}

static int req_u64(struct ydoc *d, yaml_node_t *map, const char *key, const char *what,
		   uint64_t *out)
{
	yaml_node_t *n = ymap_get(d, map, key);

	if (!n)
		return ydoc_err(d, map, "%s: missing key '%s'", what, key);
	return yscalar_u64(d, n, key, out);
}

static int names_list(struct ydoc *d, yaml_node_t *seq, const char *what, char **out, int max,
		      int *count)
{
	size_t n;

	if (!ynode_is_seq(seq))
		return ydoc_err(d, seq, "%s: expected a list of names", what);
	n = yseq_len(seq);
	if ((int)n > max)
		return ydoc_err(d, seq, "%s: at most %d names", what, max);
	for (size_t i = 0; i < n; i++) {
		const char *s;

		if (yscalar_str(d, yseq_at(d, seq, i), what, &s))
			return -1;
		out[i] = dup(s);
	}
	*count = (int)n;
	return 0;
}

static int load_version(struct ydoc *d, yaml_node_t *root, const char *key, unsigned int *major,
			unsigned int *minor)
{
	static const char *const keys[] = { "major", "minor", NULL };
	yaml_node_t *n = ymap_get(d, root, key);
	uint64_t a, b;

	if (!n || !ynode_is_map(n))
		return ydoc_err(d, n ? n : root, "'%s' must be a mapping {major, minor}", key);
	if (ymap_check_keys(d, n, key, keys) || req_u64(d, n, "major", key, &a) ||
	    req_u64(d, n, "minor", key, &b))
		return -1;
	*major = (unsigned int)a;
	*minor = (unsigned int)b;
	return 0;
}

/* Value of status `name` of the profile's status enum (loaded before the commands). */
static bool status_value(const struct m_profile *p, const char *name, int64_t *value)
{
	for (int i = 0; i < p->nenums; i++) {
		if (strcmp(p->enums[i].name, "status"))
			continue;
		for (int j = 0; j < p->enums[i].nvalues; j++)
			if (!strcmp(p->enums[i].values[j].name, name)) {
				*value = p->enums[i].values[j].value;
				return true;
			}
	}
	return false;
}

/* `on_failure: V`: an argument's name, or a number. */
static int load_failure_value(struct ydoc *d, yaml_node_t *n, const struct m_command *m,
			      const char *result, struct m_onfail *f)
{
	const char *s = ynode_str(n);

	if (!s || ynode_is_null(n))
		return ydoc_err(d, n, "%s.%s: on_failure must be an argument's name or a number",
				m->name, result);
	f->arg = -1;
	for (int i = 0; i < m->nargs; i++)
		if (!strcmp(m->args[i], s))
			f->arg = i;
	if (f->arg < 0 && parse_u64_text(s, false, &f->value))
		return ydoc_err(d, n, "%s.%s: on_failure '%s' is neither an argument of %s nor a number",
				m->name, result, s, m->name);
	return 0;
}

static int add_failure(struct ydoc *d, yaml_node_t *at, struct m_command *m, int result,
		       const char *status, int64_t status_value, yaml_node_t *v)
{
	struct m_onfail *f;

	if (m->nfail == MAX_ON_FAILURE)
		return ydoc_err(d, at, "%s: at most %d on_failure values", m->name, MAX_ON_FAILURE);
	f = &m->fail[m->nfail];
	memset(f, 0, sizeof(*f));
	f->result = result;
	f->status = dup(status);
	f->status_value = status_value;
	if (load_failure_value(d, v, m, m->results[result], f))
		return -1;
	m->nfail++;
	return 0;
}

/*
 * on_failure of result `result`: one value for every failure, or a
 * mapping {STATUS: value} for the statuses named (each one the command's
 * errors list has, never SUCCESS or INCOMPLETE: those are no failures
 * without progress).
 */
static int load_on_failure(struct ydoc *d, yaml_node_t *n, const struct m_profile *p,
			   struct m_command *m, int result)
{
	if (!ynode_is_map(n))
		return add_failure(d, n, m, result, NULL, 0, n);
	if (!ymap_len(n))
		return ydoc_err(d, n, "%s.%s: on_failure mapping is empty", m->name,
				m->results[result]);
	for (size_t i = 0; i < ymap_len(n); i++) {
		yaml_node_t *kn, *v;
		const char *k = ymap_key(d, n, i, &kn, &v);
		int64_t value;
		bool listed = false;

		if (!k || !status_value(p, k, &value))
			return ydoc_err(d, kn, "%s.%s: on_failure key '%s' is not a status",
					m->name, m->results[result], k ? k : "?");
		if (!strcmp(k, "SUCCESS") || !strcmp(k, "INCOMPLETE"))
			return ydoc_err(d, kn, "%s.%s: %s is not a failure", m->name,
					m->results[result], k);
		for (int j = 0; j < m->nerrors; j++)
			listed |= !strcmp(m->errors[j], k);
		if (!listed)
			return ydoc_err(d, kn, "%s.%s: on_failure names %s, which %s's errors do not list",
					m->name, m->results[result], k, m->name);
		if (add_failure(d, kn, m, result, k, value, v))
			return -1;
	}
	return 0;
}

/*
 * results: a list of names, or of {name, on_failure} mappings, mixed
 * freely: `[top]`, `[rtt, {name: top, on_failure: {ERROR_RTT: ipa}}]`.
 */
static int load_results(struct ydoc *d, yaml_node_t *seq, const struct m_profile *p,
			struct m_command *m)
{
	static const char *const keys[] = { "name", "on_failure", NULL };
	size_t n;

	if (!ynode_is_seq(seq))
		return ydoc_err(d, seq, "results: expected a list of names");
	n = yseq_len(seq);
	if (n > MAX_RESULTS)
		return ydoc_err(d, seq, "results: at most %d names", MAX_RESULTS);
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *r = yseq_at(d, seq, i), *of;
		const char *s;

		if (!ynode_is_map(r)) {
			if (yscalar_str(d, r, "results", &s))
				return -1;
			m->results[i] = dup(s);
			m->nresults = (int)i + 1;
			continue;
		}
		if (ymap_check_keys(d, r, "result", keys) ||
		    req_str(d, r, "name", "result", &m->results[i]))
			return -1;
		m->nresults = (int)i + 1;
		of = ymap_get(d, r, "on_failure");
		if (of && load_on_failure(d, of, p, m, (int)i))
			return -1;
	}
	for (int i = 0; i < m->nresults; i++)
		for (int j = 0; j < i; j++)
			if (!strcmp(m->results[i], m->results[j]))
				return ydoc_err(d, yseq_at(d, seq, (size_t)i), "%s: duplicate result %s",
						m->name, m->results[i]);
	return 0;
}

/*
 * `stateful: continue` (INCOMPLETE, then OP_CONTINUE) or `stateful: transfer`
 * (INCOMPLETE answers may ask for memory: OP_MEM_DONATE/RECLAIM), DEN0137 2.0
 * "Stateful RMI Operations".  A stateful command must list INCOMPLETE.
 */
static int load_stateful(struct ydoc *d, yaml_node_t *c, struct m_command *m)
{
	yaml_node_t *v = ymap_get(d, c, "stateful");
	const char *s;

	if (!v)
		return 0;
	if (yscalar_str(d, v, "stateful", &s))
		return -1;
	if (!strcmp(s, "continue"))
		m->stateful = M_STATEFUL_CONTINUE;
	else if (!strcmp(s, "transfer"))
		m->stateful = M_STATEFUL_TRANSFER;
	else
		return ydoc_err(d, v, "%s: stateful must be 'continue' or 'transfer', not '%s'",
				m->name, s);
	return 0;
}

static int load_commands(struct ydoc *d, yaml_node_t *seq, enum m_iface iface,
			 struct m_profile *p)
{
	static const char *const keys[] = { "name", "fid", "args", "results", "params", "errors",
		"stateful", NULL };

	if (!seq)
		return 0;
	if (!ynode_is_seq(seq))
		return ydoc_err(d, seq, "command list must be a sequence");
	for (size_t i = 0; i < yseq_len(seq); i++) {
		yaml_node_t *c = yseq_at(d, seq, i), *args, *res, *params, *errs;
		struct m_command *m;
		uint64_t fid;

		if (p->ncommands == MAX_ITEMS)
			return ydoc_err(d, c, "too many commands");
		m = &p->commands[p->ncommands];
		memset(m, 0, sizeof(*m));
		m->iface = iface;
		if (!ynode_is_map(c))
			return ydoc_err(d, c, "command: expected a mapping");
		if (ymap_check_keys(d, c, "command", keys) || req_str(d, c, "name", "command", &m->name) ||
		    req_u64(d, c, "fid", m->name, &fid))
			return -1;
		if (fid > UINT32_MAX)
			return ydoc_err(d, c, "%s: FID does not fit 32 bits", m->name);
		m->fid = (uint32_t)fid;
		for (int j = 0; j < p->ncommands; j++) {
			if (p->commands[j].fid == m->fid)
				return ydoc_err(d, c, "%s: FID 0x%x already used by %s", m->name,
						m->fid, p->commands[j].name);
			if (p->commands[j].iface == iface && !strcmp(p->commands[j].name, m->name))
				return ydoc_err(d, c, "duplicate command %s", m->name);
		}
		if (load_stateful(d, c, m))
			return -1;
		args = ymap_get(d, c, "args");
		res = ymap_get(d, c, "results");
		params = ymap_get(d, c, "params");
		/* errors first: a result's on_failure names statuses from it. */
		errs = ymap_get(d, c, "errors");
		if (errs && names_list(d, errs, "errors", m->errors, MAX_ERRORS, &m->nerrors))
			return -1;
		for (int j = 0; j < m->nerrors; j++) {
			int64_t v;

			if (!status_value(p, m->errors[j], &v))
				return ydoc_err(d, yseq_at(d, errs, (size_t)j),
						"%s: error '%s' is not a status", m->name, m->errors[j]);
		}
		if (args && !ynode_is_null(args)) {
			m->args_known = true;
			if (names_list(d, args, "args", m->args, 10, &m->nargs))
				return -1;
			if (res && load_results(d, res, p, m))
				return -1;
		} else if (iface != M_PSCI && !args) {
			return ydoc_err(d, c, "%s: missing 'args' (use ~ when not described)", m->name);
		}
		if (params) {
			yaml_node_t *v;
			const char *k;
			int found = 0;

			if (!ynode_is_map(params) || ymap_len(params) != 1)
				return ydoc_err(d, params, "%s: params must be {arg: struct}", m->name);
			k = ymap_key(d, params, 0, NULL, &v);
			for (int j = 0; j < m->nargs; j++)
				found |= !strcmp(m->args[j], k);
			if (!found)
				return ydoc_err(d, params, "%s: params names '%s', not an argument",
						m->name, k);
			m->param_arg = dup(k);
			if (yscalar_str(d, v, "params struct", (const char **)&m->param_struct))
				return -1;
			m->param_struct = dup(m->param_struct);
		}
		p->ncommands++;
	}
	return 0;
}

static int load_field(struct ydoc *d, yaml_node_t *f, struct m_profile *p, struct m_struct *s,
		      struct m_field *m)
{
	static const char *const keys[] = { "name", "offset", "type", "count", "linux", NULL };
	yaml_node_t *cnt;
	uint64_t off, count = 1;
	const struct m_struct *sub;

	if (!ynode_is_map(f))
		return ydoc_err(d, f, "%s: field must be a mapping", s->name);
	if (ymap_check_keys(d, f, "field", keys) || req_str(d, f, "name", "field", &m->name) ||
	    req_u64(d, f, "offset", m->name, &off) || req_str(d, f, "type", m->name, &m->type) ||
	    opt_str(d, f, "linux", &m->linux_name))
		return -1;
	cnt = ymap_get(d, f, "count");
	if (cnt && yscalar_u64(d, cnt, "count", &count))
		return -1;
	if (!count || count > 4096)
		return ydoc_err(d, f, "%s.%s: bad count", s->name, m->name);
	m->offset = (uint32_t)off;
	m->count = (uint32_t)count;
	m->elem_size = m_type_size(m->type);
	if (!m->elem_size) {
		sub = m_struct_find(p, m->type);
		if (!sub)
			return ydoc_err(d, f, "%s.%s: unknown type '%s' (u8 u16 u32 u64 s64 or an earlier struct)",
					s->name, m->name, m->type);
		m->elem_size = sub->size;
		m->is_struct = true;
	}
	if (m->offset % (m->elem_size > 8 ? 8 : m->elem_size))
		return ydoc_err(d, f, "%s.%s: offset 0x%x not aligned to its type", s->name,
				m->name, m->offset);
	return 0;
}

static int load_structs(struct ydoc *d, yaml_node_t *seq, struct m_profile *p)
{
	static const char *const keys[] = { "name", "size", "fields", NULL };

	if (!seq)
		return 0;
	if (!ynode_is_seq(seq))
		return ydoc_err(d, seq, "structs must be a sequence");
	for (size_t i = 0; i < yseq_len(seq); i++) {
		yaml_node_t *sn = yseq_at(d, seq, i), *fields;
		struct m_struct *s = &p->structs[p->nstructs];
		uint64_t size;

		memset(s, 0, sizeof(*s));
		if (!ynode_is_map(sn))
			return ydoc_err(d, sn, "struct: expected a mapping");
		if (ymap_check_keys(d, sn, "struct", keys) || req_str(d, sn, "name", "struct", &s->name) ||
		    req_u64(d, sn, "size", s->name, &size))
			return -1;
		if (m_struct_find(p, s->name))
			return ydoc_err(d, sn, "duplicate struct %s", s->name);
		s->size = (uint32_t)size;
		fields = ymap_get(d, sn, "fields");
		if (!ynode_is_seq(fields) || !yseq_len(fields) || yseq_len(fields) > 64)
			return ydoc_err(d, sn, "%s: 'fields' must be a list of 1..64 fields", s->name);
		for (size_t j = 0; j < yseq_len(fields); j++) {
			yaml_node_t *fn = yseq_at(d, fields, j);
			struct m_field *m = &s->fields[j];

			if (load_field(d, fn, p, s, m))
				return -1;
			if (j && m->offset <= s->fields[j - 1].offset)
				return ydoc_err(d, fn, "%s.%s: offsets must increase", s->name, m->name);
			for (size_t k = 0; k < j; k++)
				if (!strcmp(s->fields[k].name, m->name))
					return ydoc_err(d, fn, "%s: duplicate field %s", s->name, m->name);
			s->nfields++;
		}
		for (int j = 0; j < s->nfields; j++) {
			struct m_field *m = &s->fields[j];
			uint32_t end = j + 1 < s->nfields ? s->fields[j + 1].offset : s->size;

			m->window = end - m->offset;
			if ((uint64_t)m->elem_size * m->count > m->window)
				return ydoc_err(d, fields, "%s.%s: %u bytes do not fit before 0x%x",
						s->name, m->name, m->elem_size * m->count, end);
		}
		p->nstructs++;
	}
	return 0;
}

static int load_linux_names(struct ydoc *d, yaml_node_t *n, struct m_bfield *b)
{
	const char *s;

	if (!n)
		return 0;
	if (ynode_is_seq(n)) {
		int cnt;

		if (names_list(d, n, "linux", b->linux_names, 3, &cnt))
			return -1;
		b->nlinux = cnt;
		return 0;
	}
	if (yscalar_str(d, n, "linux", &s))
		return -1;
	b->linux_names[0] = dup(s);
	b->nlinux = 1;
	return 0;
}

static int load_bitfields(struct ydoc *d, yaml_node_t *seq, struct m_profile *p)
{
	static const char *const keys[] = { "name", "fields", "linux_prefix", "feature_register", NULL };
	static const char *const fkeys[] = { "name", "lsb", "width", "linux", "overlay", NULL };

	if (!seq)
		return 0;
	for (size_t i = 0; i < yseq_len(seq); i++) {
		yaml_node_t *bn = yseq_at(d, seq, i), *fields, *fr;
		struct m_bitfield *b = &p->bitfields[p->nbitfields];
		uint64_t used = 0;

		memset(b, 0, sizeof(*b));
		b->feature_register = -1;
		if (!ynode_is_map(bn))
			return ydoc_err(d, bn, "bitfield: expected a mapping");
		if (ymap_check_keys(d, bn, "bitfield", keys) ||
		    req_str(d, bn, "name", "bitfield", &b->name) ||
		    opt_str(d, bn, "linux_prefix", &b->linux_prefix))
			return -1;
		fr = ymap_get(d, bn, "feature_register");
		if (fr) {
			uint64_t v;

			if (yscalar_u64(d, fr, "feature_register", &v))
				return -1;
			b->feature_register = (int)v;
		}
		fields = ymap_get(d, bn, "fields");
		if (!ynode_is_seq(fields) || yseq_len(fields) > 32)
			return ydoc_err(d, bn, "%s: 'fields' must be a list", b->name);
		for (size_t j = 0; j < yseq_len(fields); j++) {
			yaml_node_t *fn = yseq_at(d, fields, j), *ov;
			struct m_bfield *f = &b->fields[j];
			uint64_t lsb, width, mask;

			memset(f, 0, sizeof(*f));
			if (!ynode_is_map(fn))
				return ydoc_err(d, fn, "bit field: expected a mapping");
			if (ymap_check_keys(d, fn, "bit field", fkeys) ||
			    req_str(d, fn, "name", "bit field", &f->name) ||
			    req_u64(d, fn, "lsb", f->name, &lsb) ||
			    req_u64(d, fn, "width", f->name, &width) ||
			    load_linux_names(d, ymap_get(d, fn, "linux"), f))
				return -1;
			ov = ymap_get(d, fn, "overlay");
			if (ov && yscalar_bool(d, ov, "overlay", &f->overlay))
				return -1;
			if (!width || lsb + width > 64)
				return ydoc_err(d, fn, "%s.%s: bits [%llu+%llu] outside 64 bits", b->name,
						f->name, (unsigned long long)lsb,
						(unsigned long long)width);
			f->lsb = (unsigned int)lsb;
			f->width = (unsigned int)width;
			mask = (width == 64 ? ~0ULL : ((1ULL << width) - 1)) << lsb;
			if (!f->overlay) {
				if (used & mask)
					return ydoc_err(d, fn, "%s.%s overlaps another field (mark it overlay: true if intended)",
							b->name, f->name);
				used |= mask;
			}
			b->nfields++;
		}
		p->nbitfields++;
	}
	return 0;
}

static int load_enums(struct ydoc *d, yaml_node_t *seq, struct m_profile *p)
{
	static const char *const keys[] = { "name", "values", "linux_prefix", NULL };
	static const char *const vkeys[] = { "name", "value", "linux", NULL };

	if (!seq)
		return 0;
	for (size_t i = 0; i < yseq_len(seq); i++) {
		yaml_node_t *en = yseq_at(d, seq, i), *vals;
		struct m_enum *e = &p->enums[p->nenums];

		memset(e, 0, sizeof(*e));
		if (!ynode_is_map(en))
			return ydoc_err(d, en, "enum: expected a mapping");
		if (ymap_check_keys(d, en, "enum", keys) || req_str(d, en, "name", "enum", &e->name) ||
		    opt_str(d, en, "linux_prefix", &e->linux_prefix))
			return -1;
		vals = ymap_get(d, en, "values");
		if (!ynode_is_seq(vals) || yseq_len(vals) > 32)
			return ydoc_err(d, en, "%s: 'values' must be a list", e->name);
		for (size_t j = 0; j < yseq_len(vals); j++) {
			yaml_node_t *vn = yseq_at(d, vals, j), *v;
			struct m_evalue *m = &e->values[j];

			if (!ynode_is_map(vn))
				return ydoc_err(d, vn, "enum value: expected a mapping");
			if (ymap_check_keys(d, vn, "enum value", vkeys) ||
			    req_str(d, vn, "name", "enum value", &m->name) ||
			    opt_str(d, vn, "linux", &m->linux_name))
				return -1;
			v = ymap_get(d, vn, "value");
			if (!v)
				return ydoc_err(d, vn, "%s.%s: missing value", e->name, m->name);
			if (yscalar_s64(d, v, "value", &m->value))
				return -1;
			for (size_t k = 0; k < j; k++)
				if (!strcmp(e->values[k].name, m->name) || e->values[k].value == m->value)
					return ydoc_err(d, vn, "%s: duplicate name or value %s", e->name,
							m->name);
			e->nvalues++;
		}
		p->nenums++;
	}
	return 0;
}

static int load_constants(struct ydoc *d, yaml_node_t *seq, struct m_profile *p)
{
	static const char *const keys[] = { "name", "value", "linux", NULL };

	if (!seq)
		return 0;
	for (size_t i = 0; i < yseq_len(seq); i++) {
		yaml_node_t *cn = yseq_at(d, seq, i);
		struct m_constant *c = &p->constants[p->nconstants];

		if (!ynode_is_map(cn))
			return ydoc_err(d, cn, "constant: expected a mapping");
		if (ymap_check_keys(d, cn, "constant", keys) ||
		    req_str(d, cn, "name", "constant", &c->name) ||
		    req_u64(d, cn, "value", c->name, &c->value) ||
		    opt_str(d, cn, "linux", &c->linux_name))
			return -1;
		p->nconstants++;
	}
	return 0;
}

static void make_ident(struct m_profile *p)
{
	size_t n = strlen(p->name);

	p->ident = malloc(n + 2);
	p->ident[0] = 'v';
	for (size_t i = 0; i <= n; i++) {
		char c = p->name[i];

		p->ident[i + 1] = (c == '.' || c == '-') ? '_' : c;
	}
	snprintf(p->family, sizeof(p->family), "v%u", p->rmi_major);
}

static bool status_known(const struct m_profile *p, const char *name)
{
	for (int i = 0; i < p->nenums; i++) {
		if (strcmp(p->enums[i].name, "status"))
			continue;
		for (int j = 0; j < p->enums[i].nvalues; j++)
			if (!strcmp(p->enums[i].values[j].name, name))
				return true;
	}
	return false;
}

static int check_params(struct ydoc *d, struct m_profile *p)
{
	for (int i = 0; i < p->ncommands; i++) {
		struct m_command *c = &p->commands[i];

		for (int j = 0; j < c->nerrors; j++)
			if (!status_known(p, c->errors[j]))
				return ydoc_err(d, ydoc_root(d), "%s: error '%s' is not a status",
						c->name, c->errors[j]);

		if (c->stateful != M_STATELESS) {
			bool incomplete = false;

			for (int j = 0; j < c->nerrors; j++)
				incomplete |= !strcmp(c->errors[j], "INCOMPLETE");
			if (!incomplete)
				return ydoc_err(d, ydoc_root(d),
						"%s: a stateful command must list INCOMPLETE in errors",
						c->name);
		}
		if (c->param_struct && !m_struct_find(p, c->param_struct))
			return ydoc_err(d, ydoc_root(d), "%s: params struct '%s' is not described",
					c->name, c->param_struct);
	}
	return 0;
}

int spec_load(const char *path, struct m_profile *p)
{
	static const char *const keys[] = { "profile", "title", "rmi_version", "rsi_version",
		"bitfields", "enums", "commands", "rsi_commands", "psci_functions", "structs",
		"constants", NULL };
	struct ydoc d;
	yaml_node_t *root;
	int ret = -1;

	memset(p, 0, sizeof(*p));
	p->path = dup(path);
	if (ydoc_load_file(&d, path))
		goto out;
	root = ydoc_root(&d);
	if (!ynode_is_map(root)) {
		ydoc_err(&d, root, "top level must be a mapping");
		goto out;
	}
	if (ymap_check_keys(&d, root, "spec description", keys) ||
	    req_str(&d, root, "profile", "spec description", &p->name) ||
	    req_str(&d, root, "title", "spec description", &p->title) ||
	    load_version(&d, root, "rmi_version", &p->rmi_major, &p->rmi_minor) ||
	    load_version(&d, root, "rsi_version", &p->rsi_major, &p->rsi_minor) ||
	    load_bitfields(&d, ymap_get(&d, root, "bitfields"), p) ||
	    load_enums(&d, ymap_get(&d, root, "enums"), p) ||
	    load_structs(&d, ymap_get(&d, root, "structs"), p) ||
	    load_commands(&d, ymap_get(&d, root, "commands"), M_RMI, p) ||
	    load_commands(&d, ymap_get(&d, root, "rsi_commands"), M_RSI, p) ||
	    load_commands(&d, ymap_get(&d, root, "psci_functions"), M_PSCI, p) ||
	    load_constants(&d, ymap_get(&d, root, "constants"), p) || check_params(&d, p))
		goto out;
	make_ident(p);
	ret = 0;
out:
	if (ret)
		fprintf(stderr, "abigen: %s\n", d.error[0] ? d.error : "failed");
	ydoc_free(&d);
	return ret;
}
