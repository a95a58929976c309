// SPDX-License-Identifier: BSD-3-Clause
/* Look-ups over the generated descriptor tables (include/cca-double/abi.h). */
#include <cca-double/abi.h>

#include <string.h>

const struct abi_profile *abi_profile_find(const char *name)
{
	for (unsigned int i = 0; i < abi_nprofiles; i++)
		if (!strcmp(abi_profiles[i]->name, name))
			return abi_profiles[i];
	return NULL;
}

const struct abi_command *abi_command_by_fid(const struct abi_profile *p, uint32_t fid)
{
	for (unsigned int i = 0; i < p->ncommands; i++)
		if (p->commands[i].fid == fid)
			return &p->commands[i];
	return NULL;
}

const struct abi_command *abi_command_by_name(const struct abi_profile *p,
					      enum abi_interface iface, const char *name)
{
	for (unsigned int i = 0; i < p->ncommands; i++)
		if (p->commands[i].iface == iface && !strcmp(p->commands[i].name, name))
			return &p->commands[i];
	return NULL;
}

const struct abi_struct *abi_struct_find(const struct abi_profile *p, const char *name)
{
	for (unsigned int i = 0; i < p->nstructs; i++)
		if (!strcmp(p->structs[i].name, name))
			return &p->structs[i];
	return NULL;
}

const struct abi_field *abi_field_find(const struct abi_struct *s, const char *name)
{
	for (unsigned int i = 0; i < s->nfields; i++)
		if (!strcmp(s->fields[i].name, name))
			return &s->fields[i];
	return NULL;
}

const struct abi_bitfield *abi_bitfield_find(const struct abi_profile *p, const char *name)
{
	for (unsigned int i = 0; i < p->nbitfields; i++)
		if (!strcmp(p->bitfields[i].name, name))
			return &p->bitfields[i];
	return NULL;
}

const struct abi_bitfield_field *abi_bitfield_field_find(const struct abi_bitfield *b,
							 const char *name)
{
	for (unsigned int i = 0; i < b->nfields; i++)
		if (!strcmp(b->fields[i].name, name))
			return &b->fields[i];
	return NULL;
}

const struct abi_enum *abi_enum_find(const struct abi_profile *p, const char *name)
{
	for (unsigned int i = 0; i < p->nenums; i++)
		if (!strcmp(p->enums[i].name, name))
			return &p->enums[i];
	return NULL;
}

const char *abi_enum_name(const struct abi_enum *e, int64_t value)
{
	for (unsigned int i = 0; e && i < e->nvalues; i++)
		if (e->values[i].value == value)
			return e->values[i].name;
	return NULL;
}

bool abi_enum_value(const struct abi_enum *e, const char *name, int64_t *value)
{
	for (unsigned int i = 0; e && i < e->nvalues; i++)
		if (!strcmp(e->values[i].name, name)) {
			*value = e->values[i].value;
			return true;
		}
	return false;
}

int abi_arg_index(const struct abi_command *c, const char *name)
{
	for (unsigned int i = 0; i < c->nargs; i++)
		if (!strcmp(c->args[i], name))
			return (int)i;
	return -1;
}

int abi_result_index(const struct abi_command *c, const char *name)
{
	for (unsigned int i = 0; i < c->nresults; i++)
		if (!strcmp(c->results[i], name))
			return (int)i;
	return -1;
}

const char *abi_interface_name(enum abi_interface iface)
{
	return iface == ABI_RMI ? "RMI" : iface == ABI_RSI ? "RSI" : "PSCI";
}

void abi_failure_results(const struct abi_command *c, int64_t status, const uint64_t *args,
			 uint64_t *res)
{
	/* 0 for every result no entry names, and for all of them on SUCCESS. */
	for (unsigned int i = 0; i < c->nresults && i < ABI_MAX_RESULTS; i++)
		res[i] = 0;
	if (!status)
		return;
	/* Two passes: an every-failure value, then the status's own over it. */
	for (int specific = 0; specific < 2; specific++) {
		for (unsigned int i = 0; i < c->non_failure; i++) {
			const struct abi_on_failure *f = &c->on_failure[i];

			if (specific != (f->status != NULL) ||
			    (f->status && f->status_value != status) || f->result >= ABI_MAX_RESULTS)
				continue;
			res[f->result] = f->arg >= 0 ? args[f->arg] : f->value;
		}
	}
}

struct abi_bits abi_bits(const struct abi_profile *p, const char *bitfield, const char *field)
{
	const struct abi_bitfield *b = abi_bitfield_find(p, bitfield);
	const struct abi_bitfield_field *f = b ? abi_bitfield_field_find(b, field) : NULL;
	struct abi_bits r = { 0, 0, 0 };

	if (!f)
		return r;
	r.shift = f->lsb;
	r.width = f->width;
	r.mask = (f->width >= 64 ? ~0ULL : ((1ULL << f->width) - 1)) << f->lsb;
	return r;
}

long abi_offset(const struct abi_profile *p, const char *name, const char *field)
{
	const struct abi_struct *s = abi_struct_find(p, name);
	const struct abi_field *f = s ? abi_field_find(s, field) : NULL;

	return f ? (long)f->offset : -1;
}

int64_t abi_enum_or(const struct abi_profile *p, const char *name, const char *value,
		    int64_t fallback)
{
	const struct abi_enum *e = abi_enum_find(p, name);
	int64_t v;

	return e && abi_enum_value(e, value, &v) ? v : fallback;
}
