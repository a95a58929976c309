// SPDX-License-Identifier: BSD-3-Clause
/*
 * The run-time layout (rmm_internal.h struct rmm_layout): where the
 * fields that move between revisions of one RMI major sit in this
 * profile, read once from its description (spec/<profile>.yaml through
 * abi_bits / abi_offset / abi_enum_or).  The handlers use these instead
 * of a revision's generated names, so a new revision is its description.
 */
#include <stdio.h>

#include "rmm_internal.h"

static const char *const exit_names[EXIT_KINDS] = {
	[EXIT_SYNC] = "SYNC",
	[EXIT_IRQ] = "IRQ",
	[EXIT_FIQ] = "FIQ",
	[EXIT_PSCI] = "PSCI",
	[EXIT_RIPAS_CHANGE] = "RIPAS_CHANGE",
	[EXIT_HOST_CALL] = "HOST_CALL",
	[EXIT_SERROR] = "SERROR",
};

static int missing(const struct rmm *rmm, char *err, size_t errlen, const char *what)
{
	snprintf(err, errlen, "profile \"%s\": its description has no %s", rmm->abi->name, what);
	return -1;
}

/* A bit field the family needs: present with a width. */
static int need_bits(const struct rmm *rmm, struct abi_bits *out, const char *bitfield,
		     const char *field, char *err, size_t errlen)
{
	char what[96];

	*out = abi_bits(rmm->abi, bitfield, field);
	if (out->width)
		return 0;
	snprintf(what, sizeof(what), "bit field %s.%s", bitfield, field);
	return missing(rmm, err, errlen, what);
}

static int resolve_v2(struct rmm *rmm, struct rmm_layout *l, char *err, size_t errlen)
{
	const struct abi_profile *p = rmm->abi;

	if (need_bits(rmm, &l->donate_size, "donate_request", "size", err, errlen) ||
	    need_bits(rmm, &l->donate_count, "donate_request", "count", err, errlen) ||
	    need_bits(rmm, &l->donate_contig, "donate_request", "contig", err, errlen) ||
	    need_bits(rmm, &l->donate_state, "donate_request", "state", err, errlen) ||
	    need_bits(rmm, &l->range_size, "addr_range_desc", "SIZE", err, errlen) ||
	    need_bits(rmm, &l->range_count, "addr_range_desc", "COUNT", err, errlen) ||
	    need_bits(rmm, &l->range_addr, "addr_range_desc", "ADDR", err, errlen) ||
	    need_bits(rmm, &l->range_state, "addr_range_desc", "STATE", err, errlen) ||
	    need_bits(rmm, &l->continue_stop, "op_continue_flags", "STOP", err, errlen))
		return -1;
	l->mem_delegated = abi_enum_or(p, "op_mem_state", "DELEGATED", -1);
	l->mem_undelegated = abi_enum_or(p, "op_mem_state", "UNDELEGATED", -1);
	l->mem_conditional = abi_enum_or(p, "op_mem_state", "CONDITIONAL", -1);
	if (l->mem_delegated < 0 || l->mem_undelegated < 0)
		return missing(rmm, err, errlen, "op_mem_state DELEGATED / UNDELEGATED");
	l->feat0_l0gpt_block_delegate = abi_bits(p, "feature_register_0", "L0GPT_BLOCK_DELEGATE");
	l->feat0_s2oasz = abi_bits(p, "feature_register_0", "S2OASZ");
	l->feat2_realm_max_vdevs_order = abi_bits(p, "feature_register_2", "REALM_MAX_VDEVS_ORDER");
	l->feat3_rtt_plane = abi_bits(p, "feature_register_3", "RTT_PLANE");
	l->max_num_vdevs_off = abi_offset(p, "realm_params", "max_num_vdevs");
	return 0;
}

int layout_resolve(struct rmm *rmm, char *err, size_t errlen)
{
	const struct abi_profile *p = rmm->abi;
	const struct abi_command *psci = abi_command_by_name(p, ABI_RMI, "PSCI_COMPLETE"), *pat;
	struct rmm_layout *l = &rmm->lay;

	memset(l, 0, sizeof(*l));
	l->max_num_vdevs_off = -1;
	l->mem_conditional = -1;
	/* A revision may call the flags word flags0 (the post-v14 header does). */
	l->realm_flags_off = abi_offset(p, "realm_params", "flags0");
	if (l->realm_flags_off < 0)
		l->realm_flags_off = abi_offset(p, "realm_params", "flags");
	if (l->realm_flags_off < 0)
		return missing(rmm, err, errlen, "realm_params flags word");
	if (need_bits(rmm, &l->flag_sve, "realm_flags", "SVE", err, errlen) ||
	    need_bits(rmm, &l->flag_pmu, "realm_flags", "PMU", err, errlen))
		return -1;
	l->flag_lpa2 = abi_bits(p, "realm_flags", "LPA2");
	l->flag_da = abi_bits(p, "realm_flags", "DA");
	l->flag_lfa_policy = abi_bits(p, "realm_flags", "LFA_POLICY");
	l->flag_mec_policy = abi_bits(p, "realm_flags", "MEC_POLICY");
	for (unsigned int k = 0; k < EXIT_KINDS; k++) {
		int64_t v = abi_enum_or(p, "exit_reason", exit_names[k], -1);

		if (v < 0 || v > 0xff)
			return missing(rmm, err, errlen, "exit_reason value for every REC exit");
		l->exit_reason[k] = (uint8_t)v;
	}
	if (!psci || !psci->args_known)
		return missing(rmm, err, errlen, "PSCI_COMPLETE arguments");
	l->psci_calling_arg = abi_arg_index(psci, "calling_rec");
	l->psci_target_arg = abi_arg_index(psci, "target_rec");
	l->psci_status_arg = abi_arg_index(psci, "status");
	if (l->psci_calling_arg < 0 || l->psci_status_arg < 0)
		return missing(rmm, err, errlen, "PSCI_COMPLETE calling_rec / status");
	pat = abi_command_by_name(p, ABI_RMI, "ATTEST_PLAT_TOKEN_REFRESH");
	l->pat_refresh = pat && pat->args_known;
	return rmm->family == RMM_V2 ? resolve_v2(rmm, l, err, errlen) : 0;
}
