// SPDX-License-Identifier: BSD-3-Clause
/*
 * The handler registry: spec command name -> handler, per profile.  The
 * dispatcher binds these names to the FIDs of the profile's description;
 * a command of the profile with no entry here answers SMC_UNKNOWN.
 */
#include "rmm_internal.h"

#define V1 PROFILE_BIT(PROFILE_1_0)
#define V2 PROFILE_BIT(PROFILE_2_0_BET1)

uint64_t smc_version(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_features(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_granule_delegate(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_granule_undelegate(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_realm_create(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_realm_activate(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_realm_destroy(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_realm_terminate(struct rmm *rmm, struct rmi_call *c);
uint64_t smc_rec_aux_count(struct rmm *rmm, struct rmi_call *c);

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
};

const unsigned int rmm_nhandlers = sizeof(rmm_handlers) / sizeof(rmm_handlers[0]);
