// SPDX-License-Identifier: BSD-3-Clause
/*
 * cca-double reference host code: the RMM 1.0 flavour (DEN0137 1.0-rel0,
 * kernel series v5-v12).  No RMM configuration; one granule per
 * delegation; the host allocates VMIDs and learns how many auxiliary
 * granules a REC needs; REALM_DESTROY needs no termination first.
 */
#include <linux/bitmap.h>
#include <asm/kvm_mmu.h>
#include <asm/rmi_cmds_v1.h>

#include "realm_flavours.h"

static int rmi1_boot(void)
{
	return rmi_features(0, &rmm_feat_reg0) ? -ENXIO : 0;
}

static int rmi1_move(bool delegate, phys_addr_t base, phys_addr_t top, phys_addr_t *done)
{
	phys_addr_t addr;

	for (addr = base; addr < top; addr += PAGE_SIZE) {
		int ret = delegate ? rmi_granule_delegate(addr) : rmi_granule_undelegate(addr);

		if (ret) {
			*done = addr;
			return -ENXIO;
		}
	}
	*done = addr;
	return 0;
}

static int rmi1_delegate(phys_addr_t base, phys_addr_t top, phys_addr_t *done)
{
	return rmi1_move(true, base, top, done);
}

static int rmi1_undelegate(phys_addr_t base, phys_addr_t top, phys_addr_t *done)
{
	return rmi1_move(false, base, top, done);
}

/*
 * The host allocates VMIDs; 0 stays the host's own.  Static storage, as
 * the kernel's bitmap lives from init on: a realm the RMM refused to
 * destroy keeps its VMID for good, and nothing is left to free.
 */
#define REALM_MAX_VMID_BITS	16
static DECLARE_BITMAP(vmid_bitmap, 1U << REALM_MAX_VMID_BITS);
static unsigned int vmid_bits;

static int realm_vmid_alloc(void)
{
	int vmid;

	if (!vmid_bits) {
		vmid_bits = min_t(unsigned int, kvm_get_vmid_bits(), REALM_MAX_VMID_BITS);
		__set_bit(0, vmid_bitmap);
	}
	vmid = bitmap_find_free_region(vmid_bitmap, 1U << vmid_bits, 0);
	return vmid < 0 ? -EBUSY : vmid;
}

/* A new RMM (kvm_init_rmi): no VMID of an older one is in use. */
void realm_vmid_reset(void)
{
	bitmap_zero(vmid_bitmap, 1U << REALM_MAX_VMID_BITS);
	vmid_bits = 0;
}

static void realm_vmid_free(struct realm *realm)
{
	if (vmid_bits && realm->vmid)
		bitmap_release_region(vmid_bitmap, realm->vmid, 0);
	realm->vmid = 0;
}

static int rmi1_realm_create(struct kvm *kvm, void *rd, const struct realm_config *cfg)
{
	struct realm *realm = kvm_realm(kvm);
	phys_addr_t rd_phys = virt_to_phys(rd);
	int vmid = realm_vmid_alloc();

	if (vmid < 0)
		return vmid;
	realm->vmid = vmid;
	realm_params_fill(realm->params, cfg);
	realm->params->vmid = vmid;
	if (rmi_realm_create(rd_phys, virt_to_phys(realm->params), NULL)) {
		realm_vmid_free(realm);
		return -ENXIO;
	}
	realm->rd = rd;
	if (!WARN_ON(rmi_rec_aux_count(rd_phys, &realm->num_aux) ||
		     realm->num_aux > REC_PARAMS_AUX_GRANULES))
		return 0;
	/* A descriptor without a usable aux count: give it all back. */
	if (!WARN_ON(rmi_realm_destroy(rd_phys, NULL))) {
		realm->rd = NULL;
		realm_vmid_free(realm);
	}
	/* Else the RMM keeps the realm: kvm_destroy_realm() tries again. */
	return -ENXIO;
}

static int rmi1_realm_destroy(struct kvm *kvm)
{
	struct realm *realm = kvm_realm(kvm);

	if (rmi_realm_destroy(realm_rd_phys(realm), NULL))
		return -ENXIO;	/* its VMID stays in use */
	realm_vmid_free(realm);
	return 0;
}

const struct realm_rmi_ops realm_rmi_1_0 = {
	.name = "1.0",
	.version = RMI_ABI_VERSION(1, 0),
	.boot = rmi1_boot,
	.delegate = rmi1_delegate,
	.undelegate = rmi1_undelegate,
	.realm_create = rmi1_realm_create,
	.realm_destroy = rmi1_realm_destroy,
	.data_load = rmi_data_create,
	.map_private = rmi1_map_private,
	.map_shared = rmi1_map_shared,
	.unmap_private = rmi1_unmap_private,
	.unmap_shared = rmi1_unmap_shared,
	.rec_create = rmi1_rec_create,
	.rec_destroy = rmi1_rec_destroy,
	.psci_complete = rmi_psci_complete,
	.unmap_top_on_error = true,
	.init_ripas_stops_at_data = true,
};
