// SPDX-License-Identifier: BSD-3-Clause
/*
 * cca-double reference host code: delegation.  A page the RMM could not
 * give back (undelegate failed, or the object it holds could not be
 * destroyed) must never reach the page allocator again, or its next user
 * takes a Granule Protection Fault: such pages are quarantined, with a
 * WARN where the failure happened.
 */
#include "realm_internal.h"

int realm_delegate_page(phys_addr_t phys)
{
	switch (rmi_flavour) {
	case RMI_FLAVOUR_1_0:
		return rmi_granule_delegate(phys) ? -ENXIO : 0;
	default:
		return -ENODEV;
	}
}

int realm_undelegate_page(phys_addr_t phys)
{
	switch (rmi_flavour) {
	case RMI_FLAVOUR_1_0:
		return rmi_granule_undelegate(phys) ? -ENXIO : 0;
	default:
		return -ENODEV;
	}
}

/*
 * The host gives up on a page the RMM keeps: an extra reference nobody
 * drops keeps it out of the allocator whatever its owner (this code,
 * guest_memfd, KVM's stage-2 root) does with it later.  This is the
 * kernel's leak-on-failure (get_page); the mock kernel reports such pages
 * as quarantined rather than leaked.  Only for good: a page the host may
 * still get back later must not be quarantined.
 */
void realm_quarantine_page(phys_addr_t phys)
{
	get_page(phys_to_page(phys));
}

/* All or nothing: on failure what was delegated is given back. */
int realm_delegate_range(phys_addr_t phys, unsigned long size)
{
	unsigned long done;
	int ret = 0;

	for (done = 0; done < size; done += PAGE_SIZE) {
		ret = realm_delegate_page(phys + done);
		if (ret)
			break;
	}
	if (ret)
		realm_undelegate_range(phys, done);
	return ret;
}

/* Pages that stay delegated are quarantined (a WARN each says so). */
void realm_undelegate_range(phys_addr_t phys, unsigned long size)
{
	for (unsigned long off = 0; off < size; off += PAGE_SIZE)
		if (WARN_ON(realm_undelegate_page(phys + off)))
			realm_quarantine_page(phys + off);
}

/* A page this code allocated and delegated: back to NS, then freed. */
void realm_free_delegated_page(phys_addr_t phys)
{
	if (WARN_ON(realm_undelegate_page(phys))) {
		realm_quarantine_page(phys);	/* the RMM still owns it */
		return;
	}
	free_page((unsigned long)phys_to_virt(phys));
}

/*
 * A guest_memfd page the realm used for data: back to NS; guest_memfd
 * still owns it.  If the RMM keeps it, quarantine keeps it out of the
 * allocator when guest_memfd lets go.
 */
void realm_release_data_page(phys_addr_t phys)
{
	if (WARN_ON(realm_undelegate_page(phys)))
		realm_quarantine_page(phys);
}
