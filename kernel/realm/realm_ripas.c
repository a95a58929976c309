// SPDX-License-Identifier: BSD-3-Clause
/*
 * cca-double reference host code: RTT_INIT_RIPAS (at activation, vcpu
 * NULL) and RTT_SET_RIPAS (a vCPU's pending request) over [base, top).
 *
 * The RMM works one table per call and says how far it got.  ERROR_RTT
 * above the leaf level means a table is missing for a range smaller than
 * the entry found: one is created a level deeper and the call retried.
 * A retry that stops at the same IPA no deeper than before means the table
 * made no difference (the RMM would answer the same forever; the v14 host
 * spins here): it fails instead.  At the leaf level nothing more can be
 * created: 1.0 INIT_RIPAS does not pass over populated data, which is
 * skipped; SET_RIPAS stops at an entry it may not change and the guest
 * learns where; anything else is an error.
 */
#include "realm_internal.h"

static int realm_ripas_call(struct kvm *kvm, struct kvm_vcpu *vcpu, unsigned long addr,
			    unsigned long top, unsigned long *next)
{
	phys_addr_t rd = realm_rd_phys(kvm_realm(kvm));

	if (vcpu)
		return rmi_rtt_set_ripas(rd, virt_to_phys(vcpu->arch.rec.rec_page), addr, top,
					 next);
	return rmi_rtt_init_ripas(rd, addr, top, next);
}

/* *reached says how far the RMM got. */
int realm_ripas_range(struct kvm *kvm, struct kvm_vcpu *vcpu, unsigned long base,
		      unsigned long top, unsigned long *reached)
{
	struct realm *realm = kvm_realm(kvm);
	unsigned long addr = base, retry_at = ~0UL;
	int retry_level = 0, ret = 0;

	while (addr < top) {
		unsigned long next = addr;
		int level;

		ret = realm_ripas_call(kvm, vcpu, addr, top, &next);
		if (!ret) {
			if (WARN_ON(next <= addr || next > top)) {
				ret = -ENXIO;
				break;
			}
			addr = next;
			continue;
		}
		if (!rmi_is_rtt_error(ret)) {
			ret = -ENXIO;
			break;
		}
		level = RMI_RETURN_INDEX(ret);
		if (level < RMM_RTT_MAX_LEVEL) {
			if (WARN(addr == retry_at && level <= retry_level,
				 "RIPAS at 0x%lx: ERROR_RTT(%d) again after creating its table",
				 addr, level)) {
				ret = -ENXIO;
				break;
			}
			retry_at = addr;
			retry_level = level;
			ret = realm_create_rtt_levels(realm, addr, level, level + 1, NULL);
			if (ret)
				break;
			continue;
		}
		ret = 0;
		if (vcpu)
			break;
		if (!rmi_ops->init_ripas_stops_at_data) {
			WARN(1, "RTT_INIT_RIPAS at 0x%lx: ERROR_RTT at the leaf", addr);
			ret = -ENXIO;
			break;
		}
		addr += RMM_PAGE_SIZE;
	}
	if (reached)
		*reached = addr;
	return ret;
}
