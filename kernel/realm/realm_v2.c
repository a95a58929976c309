// SPDX-License-Identifier: BSD-3-Clause
/*
 * cca-double reference host code: the RMM 2.0-bet1 flavour (DEN0137
 * 2.0-bet1, kernel series v14).  At boot the host configures the RMM for
 * its page size, activates it and makes sure every memory region is
 * tracked and covered by the GPT; memory moves in ranges; the RMM picks
 * VMIDs; RECs are built by stateful operations; a realm is terminated
 * before its tables go.
 */
#include <linux/bitfield.h>
#include <linux/memblock.h>

#include "realm_flavours.h"

/* No memory region takes more tracking answers than this (each moves on). */
#define RMI_TRACKING_MAX_CALLS	4096

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

static int rmi2_boot(void)
{
	struct memblock_region *region;
	unsigned long feat_reg1;
	int ret;

	if (rmi_features(0, &rmm_feat_reg0) || rmi_features(1, &feat_reg1))
		return -ENXIO;
	if (!(feat_reg1 & RMI_FEATURE_REGISTER_1_RMI_GRAN_SZ_4KB))
		return -ENXIO;
	ret = rmi2_configure();
	if (!ret && rmi_rmm_activate())
		ret = -ENXIO;
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
 * would spin.  BUSY and BLOCKED are retried inside each call.
 */
static int rmi2_move(bool delegate, phys_addr_t base, phys_addr_t top, phys_addr_t *done)
{
	phys_addr_t addr = base;

	while (addr < top) {
		phys_addr_t next = addr;
		int ret = delegate ? rmi_granule_range_delegate(addr, top, &next)
				   : rmi_granule_range_undelegate(addr, top, &next);

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

static int rmi2_delegate(phys_addr_t base, phys_addr_t top, phys_addr_t *done)
{
	return rmi2_move(true, base, top, done);
}

static int rmi2_undelegate(phys_addr_t base, phys_addr_t top, phys_addr_t *done)
{
	return rmi2_move(false, base, top, done);
}

/* The RMM picks the VMID; the 1.0 fields (vmid) stay zero. */
static int rmi2_realm_create(struct kvm *kvm, void *rd)
{
	struct realm *realm = kvm_realm(kvm);

	if (rmi_realm_create(virt_to_phys(rd), virt_to_phys(realm->params)))
		return -ENXIO;
	realm->rd = rd;
	return 0;
}

static int rmi2_realm_terminate(struct kvm *kvm)
{
	return rmi_realm_terminate(realm_rd_phys(kvm_realm(kvm))) ? -ENXIO : 0;
}

static int rmi2_realm_destroy(struct kvm *kvm)
{
	return rmi_realm_destroy(realm_rd_phys(kvm_realm(kvm))) ? -ENXIO : 0;
}

const struct realm_rmi_ops realm_rmi_2_0 = {
	.name = "2.0-bet1",
	.version = RMI_ABI_VERSION(2, 0),
	.boot = rmi2_boot,
	.delegate = rmi2_delegate,
	.undelegate = rmi2_undelegate,
	.realm_create = rmi2_realm_create,
	.realm_terminate = rmi2_realm_terminate,
	.realm_destroy = rmi2_realm_destroy,
	.data_load = rmi_rtt_data_map_init,
	.map_private = rmi2_map_private,
	.map_shared = rmi2_map_shared,
	.unmap_private = rmi2_unmap_private,
	.unmap_shared = rmi2_unmap_shared,
	.rec_create = rmi2_rec_create,
	.rec_destroy = rmi2_rec_destroy,
	.sys_reg_value_in_rt = true,
};
