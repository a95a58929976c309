// SPDX-License-Identifier: BSD-3-Clause
/*
 * The exit a REC_ENTER gave the host, as its trace line shows it
 * (include/cca-double/trace.h).  Everything comes from the run page as the
 * host sees it, read where the profile's description puts it: the exit
 * record at rec_run.exit, its fields at rec_exit.<name>, the reason named
 * by the exit_reason enum (2.0 revisions number some reasons differently),
 * a RIPAS by the ripas enum and a PSCI function by its FID.
 *
 * Which fields belong to which reason follows DEN0137 "REC exit" (1.0
 * section A4.3, 2.0 the same section with the S2AP, VDEV and vSMMU exits):
 * a synchronous exception reports ESR, FAR and HPFAR; an SError its ESR;
 * a Host call its immediate; a PSCI exit the function ID and arguments in
 * gprs[0..3]; a RIPAS change the range and the RIPAS asked for; an S2AP
 * change its range; IRQ and FIQ exits only the interrupt state every exit
 * carries.  A field the profile's record lacks is left out.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <cca-double/trace.h>

#include "trace_format.h"

/* The fields shown per exit reason, by their rec_exit names. */
static const struct {
	const char *reason;
	const char *fields[5];
} exit_fields[] = {
	{ "SYNC", { "esr", "far", "hpfar" } },
	{ "SERROR", { "esr" } },
	{ "HOST_CALL", { "imm" } },
	{ "RIPAS_CHANGE", { "ripas_base", "ripas_top", "ripas_value" } },
	{ "S2AP_CHANGE", { "s2ap_base", "s2ap_top" } },
	{ "VDEV_REQUEST", { "vdev_id_1", "vdev_id_2" } },
	{ "VDEV_VALIDATE_MAPPING", { "vdev_id_1", "dev_mem_base", "dev_mem_top", "dev_mem_pa" } },
	{ "VSMMU_COMMAND", { "vsmmu" } },
};

/*
 * ESR_ELx.EC names (Arm ARM D19.2 "ESR_EL2"; Linux asm/esr.h spells them
 * ESR_ELx_EC_<name>): the classes a realm's exit can carry.
 */
static const char *const ec_names[64] = {
	[0x00] = "UNKNOWN",	[0x01] = "WFx",		[0x03] = "CP15_32",
	[0x04] = "CP15_64",	[0x05] = "CP14_MR",	[0x06] = "CP14_LS",
	[0x07] = "FP_ASIMD",	[0x0c] = "CP14_64",	[0x0d] = "BTI",
	[0x0e] = "ILL",		[0x11] = "SVC32",	[0x12] = "HVC32",
	[0x13] = "SMC32",	[0x15] = "SVC64",	[0x16] = "HVC64",
	[0x17] = "SMC64",	[0x18] = "SYS64",	[0x19] = "SVE",
	[0x1c] = "FPAC",	[0x1d] = "SME",		[0x20] = "IABT_LOW",
	[0x21] = "IABT_CUR",	[0x22] = "PC_ALIGN",	[0x24] = "DABT_LOW",
	[0x25] = "DABT_CUR",	[0x26] = "SP_ALIGN",	[0x27] = "MOPS",
	[0x28] = "FP_EXC32",	[0x2c] = "FP_EXC64",	[0x2f] = "SERROR",
	[0x30] = "BREAKPT_LOW",	[0x31] = "BREAKPT_CUR",	[0x32] = "SOFTSTP_LOW",
	[0x33] = "SOFTSTP_CUR",	[0x34] = "WATCHPT_LOW",	[0x35] = "WATCHPT_CUR",
	[0x38] = "BKPT32",	[0x3c] = "BRK64",
};

#define ESR_EC_SHIFT 26

const char *trace_esr_class(uint64_t esr)
{
	return ec_names[(esr >> ESR_EC_SHIFT) & 0x3f];
}

struct exit_view {
	const struct abi_profile *p;
	const struct abi_struct *rec_exit;
	const uint8_t *rec;	/* the exit record */
	size_t len;		/* bytes of it in the buffer */
};

/* Element `i` of field `name`; false when the profile's record has no such field. */
static bool field(const struct exit_view *v, const char *name, unsigned int i, uint64_t *out)
{
	const struct abi_field *f = abi_field_find(v->rec_exit, name);
	uint64_t value = 0;
	size_t at;

	if (!f || f->type == ABI_STRUCT || i >= f->count || f->elem_size > 8)
		return false;
	at = f->offset + (size_t)i * f->elem_size;
	if (at + f->elem_size > v->len)
		return false;
	for (unsigned int b = f->elem_size; b-- > 0;)	/* the record is little-endian */
		value = value << 8 | v->rec[at + b];
	*out = value;
	return true;
}

static size_t put_value(char *buf, size_t used, size_t len, const char *name, uint64_t value)
{
	char v[32];

	trace_format_value(NULL, value, v, sizeof(v));
	return trace_append(buf, used, len, " %s=%s", name, v);
}

/* gprs[0] is the PSCI function ID; its arguments follow, named as the description names them. */
static size_t put_psci(const struct exit_view *v, char *buf, size_t used, size_t len)
{
	const struct abi_command *fn;
	uint64_t fid, arg;

	if (!field(v, "gprs", 0, &fid))
		return used;
	fn = fid >> 32 ? NULL : abi_command_by_fid(v->p, (uint32_t)fid);
	if (!fn || fn->iface != ABI_PSCI)
		return put_value(buf, used, len, "psci", fid);
	used = trace_append(buf, used, len, " psci=%s", fn->name);
	for (unsigned int i = 0; fn->args_known && i < fn->nargs; i++)
		if (field(v, "gprs", 1 + i, &arg))
			used = put_value(buf, used, len, fn->args[i], arg);
	return used;
}

size_t trace_format_rec_exit(const struct abi_profile *p, const void *run, size_t run_len,
			     char *buf, size_t len)
{
	const struct abi_struct *rec_exit = p ? abi_struct_find(p, "rec_exit") : NULL;
	long at = p ? abi_offset(p, "rec_run", "exit") : -1;
	struct exit_view v = { p, rec_exit, NULL, 0 };
	const char *reason;
	uint64_t value;
	size_t used = 0;

	if (len)
		buf[0] = 0;
	if (!rec_exit || at < 0 || (size_t)at >= run_len)
		return 0;
	v.rec = (const uint8_t *)run + at;
	v.len = run_len - (size_t)at;
	if (!field(&v, "exit_reason", 0, &value))
		return 0;
	reason = abi_enum_name(abi_enum_find(p, "exit_reason"), (int64_t)value);
	if (!reason)
		return put_value(buf, used, len, "exit", value);
	used = trace_append(buf, used, len, " exit=%s", reason);
	if (!strcmp(reason, "PSCI"))
		return put_psci(&v, buf, used, len);
	for (size_t r = 0; r < sizeof(exit_fields) / sizeof(exit_fields[0]); r++) {
		if (strcmp(exit_fields[r].reason, reason))
			continue;
		for (unsigned int i = 0; i < 5 && exit_fields[r].fields[i]; i++) {
			const char *name = exit_fields[r].fields[i];
			const char *ripas;

			if (!field(&v, name, 0, &value))
				continue;
			ripas = !strcmp(name, "ripas_value")
					? abi_enum_name(abi_enum_find(p, "ripas"), (int64_t)value)
					: NULL;
			if (ripas)
				used = trace_append(buf, used, len, " %s=%s", name, ripas);
			else
				used = put_value(buf, used, len, name, value);
			if (!strcmp(name, "esr") && trace_esr_class(value))
				used = trace_append(buf, used, len, " ec=%s", trace_esr_class(value));
		}
	}
	return used;
}
