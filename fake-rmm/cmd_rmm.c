// SPDX-License-Identifier: BSD-3-Clause
/*
 * The 2.0 RMM-wide commands: RMM_CONFIG_SET, RMM_CONFIG_GET, RMM_ACTIVATE,
 * GRANULE_TRACKING_GET and GPT_L1_CREATE (as the v14 core driver
 * arch/arm64/kernel/rmi.c calls them, TF-RMM main runtime/rmi/granule.c and activate.c), and where the profile
 * has them RMM_DEACTIVATE, GPT_INFO and ATTEST_PLAT_TOKEN_REFRESH (post-v14
 * host header).
 *
 * The global state gate (only VERSION, FEATURES, RMM_CONFIG_GET/SET,
 * RMM_ACTIVATE and GRANULE_TRACKING_GET before activation; no
 * RMM_CONFIG_SET or RMM_ACTIVATE after it) sits in dispatch.c, before
 * these handlers, as TF-RMM checks it before any argument.
 */
#include <rmi/v2.h>

#include "rmm_internal.h"
#include "sro.h"

/* A 4 KiB RMI granule tracks memory in 1 GiB regions (tracking size 0). */
#define TRACKING_REGION_1G 0
#define L0GPT_BASE_BYTES (1ULL << 30)

static bool config_page_ok(const struct rmm *rmm, uint64_t pa)
{
	/* config_align, config_bound, config_pas (never 0: TF-RMM says so explicitly) */
	return pa && granule_is_ns(rmm, pa);
}

uint64_t smc_rmm_config_set(struct rmm *rmm, struct rmi_call *c)
{
	struct rmi_v2_rmm_config cfg;

	if (!config_page_ok(rmm, c->arg[0]))
		return RMI_EINPUT;
	if (!ns_granule_read(rmm, c->arg[0], &cfg, sizeof(cfg)))
		return RMI_EINPUT;
	/* Only 4 KiB RMI granules (FEATURES reg 1) and their 1 GiB tracking regions. */
	if (cfg.rmi_granule_size != RMI_V2_GRANULE_SIZE_4KB ||
	    cfg.tracking_region_size != TRACKING_REGION_1G)
		return RMI_EINPUT;
	/* May be called again before activation: the last valid one holds. */
	rmm->config_set = true;
	return RMI_OK;
}

uint64_t smc_rmm_config_get(struct rmm *rmm, struct rmi_call *c)
{
	struct rmi_v2_rmm_config cfg;

	if (!config_page_ok(rmm, c->arg[0]))
		return RMI_EINPUT;
	memset(&cfg, 0, sizeof(cfg));
	cfg.rmi_granule_size = RMI_V2_GRANULE_SIZE_4KB;
	cfg.tracking_region_size = TRACKING_REGION_1G;
	if (!ns_granule_write(rmm, c->arg[0], 0, &cfg, sizeof(cfg)))
		return RMI_EINPUT;
	return RMI_OK;
}

/*
 * INIT -> ACTIVE.  A configuration is not required first: TF-RMM main
 * activates with its defaults (4 KiB / 1 GiB), which is what
 * RMM_CONFIG_SET accepts anyway.  A second call is refused by the gate.
 */
uint64_t smc_rmm_activate(struct rmm *rmm, struct rmi_call *c)
{
	if (rmm->active)
		return rmi_ret(RMI_STATUS_ERROR_GLOBAL, 0);
	rmm->active = true;
	return RMI_OK;
}

/*
 * What GRANULE_TRACKING_GET says of one kind of PA.  The arena is
 * conventional memory tracked FINE; the rest is untracked (NONE), as
 * TF-RMM reports PAs it has no granule for: conventional memory, MMIO
 * non-coherent device memory, Secure memory category NONE where the
 * profile has that value (2.0-bet3; conventional before it).  A hole is
 * what TF-RMM reports for a PA it knows nothing of: conventional.
 */
static void tracking_of(const struct rmm *rmm, enum pa_kind kind, uint64_t *category,
			uint64_t *state)
{
	*state = kind == PA_ARENA ? RMI_V2_TRACKING_STATE_FINE : RMI_V2_TRACKING_STATE_NONE;
	*category = RMI_V2_MEM_CATEGORY_CONVENTIONAL;
	if (kind == PA_MMIO)
		*category = RMI_V2_MEM_CATEGORY_DEV_NCOH;
	else if (kind == PA_SECURE)
		*category = (uint64_t)abi_enum_or(rmm->abi, "mem_category", "NONE",
						  RMI_V2_MEM_CATEGORY_CONVENTIONAL);
}

/*
 * [base, top) -> memory category, tracking state, and x3 = the top of the
 * longest prefix the answer holds for (runs of the platform map with the
 * same answer joined, as TF-RMM main does), so a host walking a memblock
 * region loops on x3.
 */
uint64_t smc_granule_tracking_get(struct rmm *rmm, struct rmi_call *c)
{
	uint64_t base = c->arg[0], top = c->arg[1];
	uint64_t max_pa = platform_pa_limit(rmm) - 1;
	uint64_t category, state, cat2, state2, cursor;

	/* range_valid: inside the PA space, top > base by at least a granule */
	if (base > max_pa || top > max_pa || base > top || top - base < GRANULE_SIZE)
		return RMI_EINPUT;
	/* base_align, top_align */
	if ((base | top) & (GRANULE_SIZE - 1))
		return RMI_EINPUT;
	tracking_of(rmm, platform_pa_kind(rmm, base, &cursor), &category, &state);
	while (cursor < top) {
		uint64_t next;

		tracking_of(rmm, platform_pa_kind(rmm, cursor, &next), &cat2, &state2);
		if (cat2 != category || state2 != state)
			break;
		cursor = next;
	}
	c->res[0] = category;
	c->res[1] = state;
	c->res[2] = cursor < top ? cursor : top;
	return RMI_OK;
}

/*
 * The fake RMM's GPT is static and covers the whole PA space, so every
 * level-1 table exists already: ERROR_GPT, which the v14 host accepts
 * (TF-RMM main answers the same).  addr must be aligned to the L0GPT
 * block FEATURES reg 1 advertises (1 GiB << L0GPTSZ) and inside the PA
 * space.
 */
uint64_t smc_gpt_l1_create(struct rmm *rmm, struct rmi_call *c)
{
	uint64_t addr = c->arg[0];
	uint64_t block = L0GPT_BASE_BYTES << rmm->feat.l0gptsz;

	if (addr & (block - 1) || addr >= platform_pa_limit(rmm))
		return RMI_EINPUT;
	return rmi_ret(RMI_STATUS_ERROR_GPT, 0);
}

/*
 * RMM_DEACTIVATE (post-v14 header: "deactivate the RMM and
 * reclaim any memory donated at rmi_rmm_activate()"): ACTIVE -> INIT, so
 * the host may configure and activate it again.  Refused while the RMM
 * still has a use for delegated memory: any granule not NS (ERROR_GLOBAL,
 * as a public model of the command states it), or an operation still
 * open (BUSY: a later TF-RMM refuses deactivation while an SRO context is
 * sealed).  Not ACTIVE: ERROR_GLOBAL at the gate (dispatch.c).  This RMM
 * takes no memory at activation, so there is nothing to reclaim and it
 * answers in one call (choices, V2_CONDITIONS.md).
 */
uint64_t smc_rmm_deactivate(struct rmm *rmm, struct rmi_call *c)
{
	(void)c;
	if (rmm_granules_not_ns(rmm))
		return rmi_ret(RMI_STATUS_ERROR_GLOBAL, 0);
	if (sro_any_in_use(rmm))
		return rmi_ret(RMI_STATUS_BUSY, 0);
	rmm->active = false;
	rmm->config_set = false;
	return RMI_OK;
}

/*
 * GPT_INFO(base, top) (post-v14 header rmi_gpt_info(): x1 the top
 * of the region the state in x2 holds for, both on SUCCESS).  base and top
 * aligned to the L0GPT block FEATURES reg 1 advertises, inside the PA space,
 * top > base; else ERROR_INPUT (the checks a public model of the command
 * lists).  This RMM's GPT is static and firmware-made everywhere (every
 * GPT_L1_CREATE answers ERROR_GPT): the whole range is GPT_PAR PLAT, which
 * is what the post-v14 host requires of the memory it gives realms.
 */
uint64_t smc_gpt_info(struct rmm *rmm, struct rmi_call *c)
{
	uint64_t base = c->arg[0], top = c->arg[1];
	uint64_t block = L0GPT_BASE_BYTES << rmm->feat.l0gptsz;
	uint64_t pa_space = platform_pa_limit(rmm);

	if (base >= pa_space || top >= pa_space)
		return RMI_EINPUT;
	if ((base | top) & (block - 1))
		return RMI_EINPUT;
	if (top <= base)
		return RMI_EINPUT;
	c->res[0] = top;
	c->res[1] = (uint64_t)abi_enum_or(rmm->abi, "gpt_par", "PLAT", 0);
	return RMI_OK;
}

/*
 * ATTEST_PLAT_TOKEN_REFRESH: makes the CCA platform token valid
 * again after the platform changed under it (rmm_platform_token_expire():
 * a firmware update, say).  A stale token must be refreshed before
 * REALM_CREATE works (its pat_valid condition: ERROR_GLOBAL).  Refreshing
 * takes this RMM two calls, the first answering BUSY (the caller waits and
 * calls again, as the spec allows a refresh in progress to); a valid token
 * is refreshed at once.  Not ACTIVE: ERROR_GLOBAL at the gate.  (Choices,
 * V2_CONDITIONS.md: the header has the FID only.)
 */
uint64_t smc_attest_plat_token_refresh(struct rmm *rmm, struct rmi_call *c)
{
	(void)c;
	if (rmm->pat_stale && !rmm->pat_refreshing) {
		rmm->pat_refreshing = true;
		return rmi_ret(RMI_STATUS_BUSY, 0);
	}
	rmm->pat_stale = false;
	rmm->pat_refreshing = false;
	return RMI_OK;
}
