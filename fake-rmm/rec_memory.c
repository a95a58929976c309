// SPDX-License-Identifier: BSD-3-Clause
/*
 * Realm memory as the RMM reaches it for RSI calls that pass an IPA (host
 * call struct, realm config, attestation buffer) and for classifying stage-2
 * aborts: a walk of the realm's RTTs (TF-RMM's realm_ipa_to_pa).
 */
#include "rec.h"
#include "rtt.h"

enum ipa_lookup rec_ipa_lookup(const struct rmm *rmm, const struct realm *r, uint64_t ipa,
			       void **ptr, int *level)
{
	struct rtt_walk w;

	*ptr = NULL;
	*level = S2TT_PAGE_LEVEL;
	if (ipa >= realm_ipa_size(r) || !realm_ipa_is_protected(r, ipa))
		return IPA_UNPROTECTED;
	rtt_walk(rmm, r, ipa, S2TT_PAGE_LEVEL, &w);
	*level = w.level;
	if (w.info.kind != S2TTE_UNASSIGNED && w.info.kind != S2TTE_ASSIGNED)
		return IPA_UNMAPPED;	/* a table cannot be the last entry of a walk */
	if (w.info.ripas == RMI_RIPAS_EMPTY)
		return IPA_EMPTY;
	if (w.info.kind != S2TTE_ASSIGNED || w.info.ripas != RMI_RIPAS_RAM)
		return IPA_UNMAPPED;
	*ptr = granule_map(rmm, w.info.pa + (ipa & (s2tt_entry_size(w.level) - 1)));
	return IPA_MAPPED;
}
