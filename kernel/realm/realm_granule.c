// SPDX-License-Identifier: BSD-3-Clause
/*
 * cca-double reference host code: delegation, over the flavour's commands
 * (1.0 one granule per call, 2.0 ranges).  A page the RMM could not give
 * back (undelegate failed, or the object it holds could not be destroyed)
 * must never reach the page allocator again, or its next user takes a
 * Granule Protection Fault: such pages are quarantined, with a WARN where
 * the failure happened.
 */
#include "realm_internal.h"

/* All or nothing: on failure what was delegated is given back. */
int realm_delegate_range(phys_addr_t phys, unsigned long size)
{
	phys_addr_t done = phys;
	int ret;

	if (!size)
		return 0;	/* nothing to ask the RMM for (it would refuse) */
	ret = rmi_ops->delegate(phys, phys + size, &done);
	if (ret && done > phys)
		realm_undelegate_range(phys, done - phys);
	return ret;
}

int realm_delegate_page(phys_addr_t phys)
{
	return realm_delegate_range(phys, PAGE_SIZE);
}

int realm_undelegate_page(phys_addr_t phys)
{
	phys_addr_t done;

	return rmi_ops->undelegate(phys, phys + PAGE_SIZE, &done);
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

/*
 * Pages that stay delegated are quarantined (a WARN each says so); the
 * rest of the range still goes back.  Each round moves past at least one
 * page, so the loop ends whatever the RMM answers.
 */
void realm_undelegate_range(phys_addr_t phys, unsigned long size)
{
	phys_addr_t addr = phys, end = phys + size;

	while (addr < end) {
		phys_addr_t done = addr;

		if (!rmi_ops->undelegate(addr, end, &done))
			return;
		if (done < addr || done >= end)
			done = addr;	/* an answer that does not say where: this page */
		WARN(1, "undelegate 0x%llx refused", (unsigned long long)done);
		realm_quarantine_page(done);
		addr = done + PAGE_SIZE;
	}
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
