// SPDX-License-Identifier: BSD-3-Clause
/*
 * The handler registry: spec command name -> handler, per profile.  The
 * dispatcher binds these names to the FIDs of the profile's description;
 * a command of the profile with no entry here answers SMC_UNKNOWN.
 */
#include "rmm_internal.h"

#define V1 FAMILY_BIT(RMM_V1)
#define V2 FAMILY_BIT(RMM_V2)

uint64_t smc_version(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_features(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_granule_delegate(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_granule_undelegate(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_realm_create(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_realm_activate(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_realm_destroy(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_realm_terminate(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_rec_aux_count(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_rtt_create(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_rtt_destroy(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_rtt_fold(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_rtt_read_entry(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_rtt_map_unprotected(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_rtt_unmap_unprotected(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_rtt_init_ripas(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_data_create(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_data_create_unknown(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_data_destroy(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_rec_create(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_rec_destroy(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_rec_enter(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_psci_complete(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_rtt_set_ripas(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_rmm_config_set(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_rmm_config_get(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_rmm_activate(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_granule_tracking_get(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_gpt_l1_create(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_granule_range_delegate(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_granule_range_undelegate(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_op_continue(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_op_mem_donate(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_op_mem_reclaim(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_op_cancel(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_rec_create_sro(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_rec_destroy_sro(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_rtt_data_map_init(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_rtt_data_map(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_rtt_data_unmap(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_rtt_unprot_map(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_rtt_unprot_unmap(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_rmm_deactivate(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_gpt_info(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_attest_plat_token_refresh(struct rmm *rmm, struct rmi_call *c);

const struct handler_entry rmm_handlers[] = {
	{ "VERSION", V1 | V2, smc_version },
	{ "FEATURES", V1 | V2, smc_features },
	{ "GRANULE_DELEGATE", V1, smc_granule_delegate },
	{ "GRANULE_UNDELEGATE", V1, smc_granule_undelegate },
	{ "REALM_CREATE", V1 | V2, smc_realm_create },
	{ "REALM_ACTIVATE", V1 | V2, smc_realm_activate },
	{ "REALM_DESTROY", V1 | V2, smc_realm_destroy },
	{ "REALM_TERMINATE", V2, smc_realm_terminate },
	{ "REC_AUX_COUNT", V1, smc_rec_aux_count },
	{ "RTT_CREATE", V1 | V2, smc_rtt_create },
	{ "RTT_DESTROY", V1 | V2, smc_rtt_destroy },
	{ "RTT_FOLD", V1 | V2, smc_rtt_fold },
	{ "RTT_READ_ENTRY", V1 | V2, smc_rtt_read_entry },
	{ "RTT_INIT_RIPAS", V1 | V2, smc_rtt_init_ripas },
	{ "RTT_MAP_UNPROTECTED", V1, smc_rtt_map_unprotected },
	{ "RTT_UNMAP_UNPROTECTED", V1, smc_rtt_unmap_unprotected },
	{ "DATA_CREATE", V1, smc_data_create },
	{ "DATA_CREATE_UNKNOWN", V1, smc_data_create_unknown },
	{ "DATA_DESTROY", V1, smc_data_destroy },
	/* RECs: 1.0 in one call, 2.0 as Stateful RMI Operations (sro.h). */
	{ "REC_CREATE", V1, smc_rec_create },
	{ "REC_DESTROY", V1, smc_rec_destroy },
	{ "REC_CREATE", V2, smc_rec_create_sro },
	{ "REC_DESTROY", V2, smc_rec_destroy_sro },
	{ "REC_ENTER", V1 | V2, smc_rec_enter },
	{ "PSCI_COMPLETE", V1 | V2, smc_psci_complete },
	{ "RTT_SET_RIPAS", V1 | V2, smc_rtt_set_ripas },
	/* 2.0 only. */
	{ "RMM_CONFIG_SET", V2, smc_rmm_config_set },
	{ "RMM_CONFIG_GET", V2, smc_rmm_config_get },
	{ "RMM_ACTIVATE", V2, smc_rmm_activate },
	{ "GRANULE_TRACKING_GET", V2, smc_granule_tracking_get },
	{ "GPT_L1_CREATE", V2, smc_gpt_l1_create },
	{ "GRANULE_RANGE_DELEGATE", V2, smc_granule_range_delegate },
	{ "GRANULE_RANGE_UNDELEGATE", V2, smc_granule_range_undelegate },
	{ "OP_CONTINUE", V2, smc_op_continue },
	{ "OP_MEM_DONATE", V2, smc_op_mem_donate },
	{ "OP_MEM_RECLAIM", V2, smc_op_mem_reclaim },
	{ "OP_CANCEL", V2, smc_op_cancel },
	{ "RTT_DATA_MAP_INIT", V2, smc_rtt_data_map_init },
	{ "RTT_DATA_MAP", V2, smc_rtt_data_map },
	{ "RTT_DATA_UNMAP", V2, smc_rtt_data_unmap },
	{ "RTT_UNPROT_MAP", V2, smc_rtt_unprot_map },
	{ "RTT_UNPROT_UNMAP", V2, smc_rtt_unprot_unmap },
	/* Bound where the profile describes them (not every 2.0 revision has them). */
	{ "RMM_DEACTIVATE", V2, smc_rmm_deactivate },
	{ "GPT_INFO", V2, smc_gpt_info },
	{ "ATTEST_PLAT_TOKEN_REFRESH", V2, smc_attest_plat_token_refresh },
};

const unsigned int rmm_nhandlers = sizeof(rmm_handlers) / sizeof(rmm_handlers[0]);
