// SPDX-License-Identifier: BSD-3-Clause
/*
 * Emits abi_profiles.c: the descriptor tables of include/cca-double/abi.h,
 * one `struct abi_profile` per spec file, in command-line order.
 */
#include "emit.h"

#include <stdio.h>
#include <string.h>

static void str_or_null(FILE *f, const char *s)
{
	if (s)
		fprintf(f, "\"%s\"", s);
	else
		fprintf(f, "NULL");
}

static const char *type_enum(const struct m_field *m)
{
	if (m->is_struct)
		return "ABI_STRUCT";
	if (!strcmp(m->type, "u8"))
		return "ABI_U8";
	if (!strcmp(m->type, "u16"))
		return "ABI_U16";
	if (!strcmp(m->type, "u32"))
		return "ABI_U32";
	if (!strcmp(m->type, "s64"))
		return "ABI_S64";
	return "ABI_U64";
}

static const char *const iface_names[] = { "rmi", "rsi", "psci" };
static const char *const stateful_names[] = { "ABI_STATELESS", "ABI_STATEFUL_CONTINUE",
					      "ABI_STATEFUL_TRANSFER" };

static void emit_names(FILE *f, char *const *names, int n)
{
	fprintf(f, "{ ");
	for (int i = 0; i < n; i++)
		fprintf(f, "\"%s\", ", names[i]);
	fprintf(f, "}");
}

static void emit_profile(FILE *f, const struct m_profile *p)
{
	const char *id = p->ident;

	for (int i = 0; i < p->nstructs; i++) {
		const struct m_struct *s = &p->structs[i];

		fprintf(f, "static const struct abi_field %s_%s_fields[] = {\n", id, s->name);
		for (int j = 0; j < s->nfields; j++) {
			const struct m_field *m = &s->fields[j];

			fprintf(f, "\t{ \"%s\", ", m->name);
			str_or_null(f, m->linux_name);
			fprintf(f, ", 0x%x, %s, ", m->offset, type_enum(m));
			str_or_null(f, m->is_struct ? m->type : NULL);
			fprintf(f, ", %u, %u, 0x%x },\n", m->elem_size, m->count, m->window);
		}
		fprintf(f, "};\n");
	}
	fprintf(f, "static const struct abi_struct %s_structs[] = {\n", id);
	for (int i = 0; i < p->nstructs; i++)
		fprintf(f, "\t{ \"%s\", 0x%x, %d, %s_%s_fields },\n", p->structs[i].name,
			p->structs[i].size, p->structs[i].nfields, id, p->structs[i].name);
	fprintf(f, "};\n\n");

	for (int i = 0; i < p->nbitfields; i++) {
		const struct m_bitfield *b = &p->bitfields[i];

		fprintf(f, "static const struct abi_bitfield_field %s_bf_%s[] = {\n", id, b->name);
		for (int j = 0; j < b->nfields; j++) {
			const struct m_bfield *x = &b->fields[j];

			fprintf(f, "\t{ \"%s\", %u, %u, %s, %d, ", x->name, x->lsb, x->width,
				x->overlay ? "true" : "false", x->nlinux);
			emit_names(f, x->linux_names, x->nlinux);
			fprintf(f, " },\n");
		}
		fprintf(f, "};\n");
	}
	fprintf(f, "static const struct abi_bitfield %s_bitfields[] = {\n", id);
	for (int i = 0; i < p->nbitfields; i++) {
		const struct m_bitfield *b = &p->bitfields[i];

		fprintf(f, "\t{ \"%s\", %d, ", b->name, b->feature_register);
		str_or_null(f, b->linux_prefix);
		fprintf(f, ", %d, %s_bf_%s },\n", b->nfields, id, b->name);
	}
	fprintf(f, "};\n\n");

	for (int i = 0; i < p->nenums; i++) {
		const struct m_enum *e = &p->enums[i];

		fprintf(f, "static const struct abi_enum_value %s_enum_%s[] = {\n", id, e->name);
		for (int j = 0; j < e->nvalues; j++) {
			fprintf(f, "\t{ \"%s\", %lld, ", e->values[j].name, (long long)e->values[j].value);
			str_or_null(f, e->values[j].linux_name);
			fprintf(f, " },\n");
		}
		fprintf(f, "};\n");
	}
	fprintf(f, "static const struct abi_enum %s_enums[] = {\n", id);
	for (int i = 0; i < p->nenums; i++) {
		fprintf(f, "\t{ \"%s\", ", p->enums[i].name);
		str_or_null(f, p->enums[i].linux_prefix);
		fprintf(f, ", %d, %s_enum_%s },\n", p->enums[i].nvalues, id, p->enums[i].name);
	}
	fprintf(f, "};\n\n");

	for (int i = 0; i < p->ncommands; i++) {
		const struct m_command *c = &p->commands[i];

		if (!c->nfail)
			continue;
		fprintf(f, "static const struct abi_on_failure %s_%s_%s_on_failure[] = {\n", id,
			iface_names[c->iface], c->name);
		for (int j = 0; j < c->nfail; j++) {
			const struct m_onfail *x = &c->fail[j];

			fprintf(f, "\t{ %d, ", x->result);
			str_or_null(f, x->status);
			fprintf(f, ", %lld, %d, 0x%llxULL },\n", (long long)x->status_value, x->arg,
				(unsigned long long)x->value);
		}
		fprintf(f, "};\n");
	}
	fprintf(f, "static const struct abi_command %s_commands[] = {\n", id);
	for (int i = 0; i < p->ncommands; i++) {
		const struct m_command *c = &p->commands[i];
		static const char *const ifaces[] = { "ABI_RMI", "ABI_RSI", "ABI_PSCI" };

		fprintf(f, "\t{ \"%s\", 0x%08xU, %s, %s, %d, ", c->name, c->fid, ifaces[c->iface],
			c->args_known ? "true" : "false", c->nargs);
		emit_names(f, c->args, c->nargs);
		fprintf(f, ", %d, ", c->nresults);
		emit_names(f, c->results, c->nresults);
		fprintf(f, ", ");
		str_or_null(f, c->param_arg);
		fprintf(f, ", ");
		str_or_null(f, c->param_struct);
		fprintf(f, ", %d, ", c->nerrors);
		emit_names(f, c->errors, c->nerrors);
		if (c->nfail)
			fprintf(f, ", %d, %s_%s_%s_on_failure", c->nfail, id, iface_names[c->iface],
				c->name);
		else
			fprintf(f, ", 0, NULL");
		fprintf(f, ", %s },\n", stateful_names[c->stateful]);
	}
	fprintf(f, "};\n\n");

	fprintf(f, "static const struct abi_constant %s_constants[] = {\n", id);
	for (int i = 0; i < p->nconstants; i++) {
		fprintf(f, "\t{ \"%s\", 0x%llxULL, ", p->constants[i].name,
			(unsigned long long)p->constants[i].value);
		str_or_null(f, p->constants[i].linux_name);
		fprintf(f, " },\n");
	}
	fprintf(f, "};\n\n");

	fprintf(f, "static const struct abi_profile profile_%s = {\n", id);
	fprintf(f, "\t.name = \"%s\", .ident = \"%s\", .family = \"%s\", .title = \"%s\",\n",
		p->name, id, p->family, p->title);
	fprintf(f, "\t.rmi_major = %u, .rmi_minor = %u, .rsi_major = %u, .rsi_minor = %u,\n",
		p->rmi_major, p->rmi_minor, p->rsi_major, p->rsi_minor);
	fprintf(f, "\t.ncommands = %d, .commands = %s_commands,\n", p->ncommands, id);
	fprintf(f, "\t.nstructs = %d, .structs = %s_structs,\n", p->nstructs, id);
	fprintf(f, "\t.nbitfields = %d, .bitfields = %s_bitfields,\n", p->nbitfields, id);
	fprintf(f, "\t.nenums = %d, .enums = %s_enums,\n", p->nenums, id);
	fprintf(f, "\t.nconstants = %d, .constants = %s_constants,\n", p->nconstants, id);
	fprintf(f, "};\n\n");
}

int emit_tables(const struct m_profile *ps, int np, const char *path)
{
	FILE *f = fopen(path, "w");

	if (!f) {
		perror(path);
		return -1;
	}
	fprintf(f, "// SPDX-License-Identifier: BSD-3-Clause\n");
	fprintf(f, "/* Generated by tools/abigen from spec/<profile>.yaml. Do not edit. */\n");
	fprintf(f, "#include <cca-double/abi.h>\n\n");
	for (int i = 0; i < np; i++)
		emit_profile(f, &ps[i]);
	fprintf(f, "const struct abi_profile *const abi_profiles[] = {\n");
	for (int i = 0; i < np; i++)
		fprintf(f, "\t&profile_%s,\n", ps[i].ident);
	fprintf(f, "};\nconst unsigned int abi_nprofiles = %d;\n", np);
	return fclose(f);
}
