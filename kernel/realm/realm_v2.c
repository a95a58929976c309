// SPDX-License-Identifier: BSD-3-Clause
/*
 * cca-double reference host code: what the RMM 2.0 flavours share (DEN0137
 * 2.0, kernel series v14 and after).  At boot the host configures the RMM
 * for its page size, activates it and makes sure every memory region is
 * tracked and covered by the GPT; memory moves in ranges; the RMM picks
 * VMIDs; realms and RECs are built and taken apart by stateful
 * operations, whose memory the realm keeps in between; a realm is
 * terminated before its tables go.  Each revision's ops table, with what
 * only it does, is in realm_v2_<revision>.c.
 */
#include <linux/bitfield.h>
#include <linux/memblock.h>

#include "realm_flavours.h"

/* No memory region takes more tracking answers than this (each moves on). */
#define RMI_TRACKING_MAX_CALLS	4096

/*
 * What RMM_ACTIVATE asked for, the RMM's for as long as it is active (this
 * host never deactivates it).  A new boot is a new RMM: the previous one's
 * state is dropped with it, as the kernel's init-time memory would be.
 */
static struct rmi_sro_state *rmm_sro;

static int rmi2_configure(void)
{
	struct rmm_config *config = (struct rmm_config *)get_zeroed_page(GFP_KERNEL);
	int ret;

	if (!config)
		return -ENOMEM;
	/* The host's page size; tracking regions of the RMM's default size (0). */
	config->rmi_granule_size = RMI_GRANULE_SIZE_4KB;
	ret = rmi_rmm_config_set(virt_to_phys(config));
	free_page((unsigned long)config);
	return ret ? -ENXIO : 0;
}

/* Every granule of [start, end) must be conventional memory tracked per granule. */
static int rmi2_check_tracking(phys_addr_t start, phys_addr_t end)
{
	for (int calls = 0; start < end; calls++) {
		unsigned long category, state;
		phys_addr_t top;

		if (calls == RMI_TRACKING_MAX_CALLS ||
		    rmi_granule_tracking_get(start, end, &category, &state, &top))
			return -ENXIO;
		if (category != RMI_MEM_CATEGORY_CONVENTIONAL || state != RMI_TRACKING_FINE) {
			kvm_err("RMM tracks 0x%llx as category %lu state %lu\n",
				(unsigned long long)start, category, state);
			return -ENXIO;
		}
		if (top <= start)	/* an answer that does not move on would loop */
			return -ENXIO;
		start = top;
	}
	return 0;
}

/* Level-1 GPT tables for every L0GPT block [start, end) touches; existing ones are fine. */
static int rmi2_create_gpt(phys_addr_t start, phys_addr_t end, unsigned long feat_reg1)
{
	phys_addr_t block = SZ_1G << FIELD_GET(RMI_FEATURE_REGISTER_1_L0GPTSZ, feat_reg1);

	for (phys_addr_t addr = ALIGN_DOWN(start, block); addr < end; addr += block) {
		int ret = rmi_gpt_l1_create(addr);

		if (ret && RMI_RETURN_STATUS(ret) != RMI_ERROR_GPT)
			return -ENXIO;
		if (addr + block < addr)
			break;
	}
	return 0;
}

/* RMM_ACTIVATE, keeping what it asks for; the state goes if it asked for nothing. */
static int rmi2_activate(void)
{
	int ret;

	rmm_sro = rmi_sro_alloc();
	if (!rmm_sro)
		return -ENOMEM;
	ret = rmi_rmm_activate(rmm_sro) ? -ENXIO : 0;
	if (ret || !rmi_sro_holds(rmm_sro)) {
		rmi_sro_free(rmm_sro);	/* what a failed activation kept is quarantined */
		rmm_sro = NULL;
	}
	return ret;
}

int rmi2_boot(void)
{
	struct memblock_region *region;
	unsigned long feat_reg1;
	int ret;

	rmm_sro = NULL;
	if (rmi_features(0, &rmm_feat_reg0) || rmi_features(1, &feat_reg1))
		return -ENXIO;
	if (!(feat_reg1 & RMI_FEATURE_REGISTER_1_RMI_GRAN_SZ_4KB))
		return -ENXIO;
	ret = rmi2_configure();
	if (!ret)
		ret = rmi2_activate();
	for_each_mem_region(region) {
		phys_addr_t start = PFN_PHYS(memblock_region_memory_base_pfn(region));
		phys_addr_t end = PFN_PHYS(memblock_region_memory_end_pfn(region));

		if (ret)
			break;
		if (start >= end)
			continue;
		ret = rmi2_check_tracking(start, end);
		if (!ret)
			ret = rmi2_create_gpt(start, end, feat_reg1);
	}
	return ret;
}

/*
 * [base, top) in as many calls as the RMM needs: each answers how far it
 * got (x1), which must move on and stay inside the range, or the loop
 * would spin.  BUSY and BLOCKED are retried inside each call; a flavour
 * that gives up on BLOCKED early (ops->blocked_tries) leaves it to the
 * caller to issue the command again, which memory moves do (as the
 * post-v14 rmi_delegate_range() does), at most RMI_RETRY_MAX times a step.
 */
static int rmi2_move(bool delegate, phys_addr_t base, phys_addr_t top, phys_addr_t *done)
{
	phys_addr_t addr = base;
	unsigned int blocked = 0;

	while (addr < top) {
		phys_addr_t next = addr;
		int ret = delegate ? rmi_granule_range_delegate(addr, top, &next)
				   : rmi_granule_range_undelegate(addr, top, &next);

		if (RMI_RETURN_STATUS(ret) == RMI_BLOCKED && rmi_ops->blocked_tries &&
		    blocked++ < RMI_RETRY_MAX)
			continue;
		blocked = 0;
		if (!ret && WARN(next <= addr || next > top,
				 "range %sdelegate [0x%llx, 0x%llx) answered 0x%llx",
				 delegate ? "" : "un", (unsigned long long)addr,
				 (unsigned long long)top, (unsigned long long)next))
			ret = -ENXIO;
		if (ret) {
			*done = addr;
			return -ENXIO;
		}
		addr = next;
	}
	*done = addr;
	return 0;
}

int rmi2_delegate(phys_addr_t base, phys_addr_t top, phys_addr_t *done)
{
	return rmi2_move(true, base, top, done);
}

int rmi2_undelegate(phys_addr_t base, phys_addr_t top, phys_addr_t *done)
{
	return rmi2_move(false, base, top, done);
}

/*
 * The RMM picks the VMID; the 1.0 fields (vmid) stay zero.  What the
 * operation takes (a later revision's RMM asks for the realm's memory
 * here) is the realm's until REALM_TERMINATE / REALM_DESTROY give it back.
 */
int rmi2_realm_create(struct kvm *kvm, void *rd, const struct realm_config *cfg)
{
	struct realm *realm = kvm_realm(kvm);

	realm->sro = rmi_sro_alloc();
	if (!realm->sro)
		return -ENOMEM;
	rmi_ops->realm_params(realm->params, cfg);
	if (rmi_realm_create(virt_to_phys(rd), virt_to_phys(realm->params), realm->sro)) {
		/* What the RMM did not give back (an abandoned operation) is quarantined. */
		rmi_sro_free(realm->sro);
		realm->sro = NULL;
		return -ENXIO;
	}
	realm->rd = rd;
	return 0;
}

int rmi2_realm_terminate(struct kvm *kvm)
{
	struct realm *realm = kvm_realm(kvm);

	return rmi_realm_terminate(realm_rd_phys(realm), realm->sro) ? -ENXIO : 0;
}

int rmi2_realm_destroy(struct kvm *kvm)
{
	struct realm *realm = kvm_realm(kvm);
	int ret = rmi_realm_destroy(realm_rd_phys(realm), realm->sro) ? -ENXIO : 0;

	/* Refused, or never given back: what the RMM holds of the realm's is quarantined. */
	rmi_sro_free(realm->sro);
	realm->sro = NULL;
	return ret;
}
