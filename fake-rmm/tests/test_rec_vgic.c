// SPDX-License-Identifier: BSD-3-Clause
/*
 * The virtual GIC's maintenance state in rec_exit (1.0: the run page
 * carries ICH_HCR_EL2, the list registers and ICH_MISR_EL2): MISR follows
 * the list registers and ICH_HCR_EL2 as the GICv3 architecture defines
 * each bit, EOIcount counts deactivations of INTIDs in no list register,
 * and an asserted maintenance interrupt is an IRQ exit, as the physical
 * maintenance interrupt makes one on hardware.  The vgic_eoi guest takes
 * interrupts and ends them (EOImode 0 or 1).
 */
#include "rec_fixture.h"

#include <string.h>

#define HCR_UIE (1ULL << 1)
#define HCR_LRENPIE (1ULL << 2)
#define HCR_NPIE (1ULL << 3)
#define HCR_VGRP0DIE (1ULL << 5)
#define HCR_VGRP1EIE (1ULL << 6)
#define HCR_VGRP1DIE (1ULL << 7)
#define HCR_EOICOUNT(n) ((uint64_t)(n) << 27)
#define MISR_EOI 0x01
#define MISR_U 0x02
#define MISR_LRENP 0x04
#define MISR_NP 0x08
#define MISR_VGRP0D 0x20
#define MISR_VGRP1E 0x40
#define MISR_VGRP1D 0x80
#define LR_EOI (1ULL << 41)
#define LR_STATE(lr) ((lr) >> 62)
#define LR_GROUP1_PENDING(intid) ((1ULL << 62) | (1ULL << 60) | (0xa0ULL << 48) | (intid))
#define VMCR_VENG1 (1ULL << 1)

/* vgic_eoi: take `irqs`, then end `foreign` `times` (EOImode `eoimode`). */
static struct rmi_v1_0_rec_run *boot(struct rx *x, uint64_t irqs, uint64_t foreign,
				     uint64_t times, uint64_t eoimode)
{
	const uint64_t gprs[8] = { irqs, foreign, times, eoimode };

	rx_load(x, "vgic_eoi", RX_CODE_IPA);
	rx_rec_gprs(x, gprs);
	rx_activate(x);
	return rx_run_page(x, 0);
}

/* Enter with `hcr` and the list registers the last exit gave back. */
static struct rmi_v1_0_rec_exit *reenter(struct rx *x, uint64_t hcr, unsigned int reason)
{
	struct rmi_v1_0_rec_run *run = rx_run_page(x, 0);

	run->enter.gicv3_hcr = hcr;
	memcpy(run->enter.gicv3_lrs, run->exit.gicv3_lrs, sizeof(run->enter.gicv3_lrs));
	return rx_enter_expect(x, 0, reason);
}

/* The guest's report (its GIC state left in the run page), then on to SYSTEM_OFF. */
static void expect_done(struct rx *x, uint64_t hcr, uint64_t irqs, uint64_t last,
			struct rmi_v1_0_rec_exit *report)
{
	struct rmi_v1_0_rec_run *run = rx_run_page(x, 0);
	struct rmi_v1_0_rec_exit *ex = reenter(x, hcr, RMI_EXIT_REASON_HOST_CALL);

	assert_int_equal(ex->imm, 0x61);
	assert_int_equal(ex->gprs[0], irqs);
	assert_int_equal(ex->gprs[1], last);
	*report = *ex;
	memset(&run->enter, 0, sizeof(run->enter));
	rx_run_to_system_off(x, 0, 4);
}

/* An LR with its EOI bit, deactivated: the EOI maintenance interrupt, at once. */
static void eoi_maintenance(void **state)
{
	struct rmi_v1_0_rec_exit report;
	struct rx *x = *state;
	struct rmi_v1_0_rec_run *run = boot(x, 1, 0, 0, 0);
	struct rmi_v1_0_rec_exit *ex;

	run->enter.gicv3_lrs[0] = LR_GROUP1_PENDING(27) | LR_EOI;
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_IRQ);
	assert_int_equal(ex->gicv3_misr, MISR_EOI);
	assert_int_equal(LR_STATE(ex->gicv3_lrs[0]), 0);
	assert_true(ex->gicv3_lrs[0] & LR_EOI);
	/* The host retires the LR: nothing asserted any more. */
	run->exit.gicv3_lrs[0] = 0;
	expect_done(x, 0, 1, 27, &report);
	assert_int_equal(report.gicv3_misr, 0);
}

/* NPIE: once the realm acknowledges the only pending interrupt, no LR is pending. */
static void no_pending_maintenance(void **state)
{
	struct rmi_v1_0_rec_exit report;
	struct rx *x = *state;
	struct rmi_v1_0_rec_run *run = boot(x, 1, 0, 0, 0);
	struct rmi_v1_0_rec_exit *ex;

	run->enter.gicv3_hcr = HCR_NPIE;
	run->enter.gicv3_lrs[0] = LR_GROUP1_PENDING(27);
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_IRQ);
	assert_int_equal(ex->gicv3_misr, MISR_NP);
	assert_int_equal(ex->gicv3_hcr, HCR_NPIE);
	assert_int_equal(LR_STATE(ex->gicv3_lrs[0]), 2);	/* active, not yet EOId */
	expect_done(x, 0, 1, 27, &report);
	assert_int_equal(LR_STATE(report.gicv3_lrs[0]), 0);
	assert_int_equal(report.gicv3_misr, 0);
}

/* UIE: two valid LRs, one retired by the realm: at most one valid is an underflow. */
static void underflow_maintenance(void **state)
{
	struct rmi_v1_0_rec_exit report;
	struct rx *x = *state;
	struct rmi_v1_0_rec_run *run = boot(x, 2, 0, 0, 0);
	struct rmi_v1_0_rec_exit *ex;

	run->enter.gicv3_hcr = HCR_UIE;
	run->enter.gicv3_lrs[0] = LR_GROUP1_PENDING(27);
	run->enter.gicv3_lrs[1] = LR_GROUP1_PENDING(28);
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_IRQ);
	assert_int_equal(ex->gicv3_misr, MISR_U);
	assert_int_equal(LR_STATE(ex->gicv3_lrs[0]), 0);
	assert_int_equal(LR_STATE(ex->gicv3_lrs[1]), 1);
	expect_done(x, 0, 2, 28, &report);
	assert_int_equal(report.gicv3_misr, 0);
}

/* Ending an INTID in no LR counts in EOIcount; with LRENPIE that is a maintenance interrupt. */
static void eoicount_and_lrenp(void **state)
{
	struct rmi_v1_0_rec_exit report;
	struct rx *x = *state;
	struct rmi_v1_0_rec_run *run = boot(x, 0, 40, 3, 0);
	struct rmi_v1_0_rec_exit *ex;

	run->enter.gicv3_hcr = HCR_LRENPIE;
	for (unsigned int i = 0; i < 3; i++) {
		ex = reenter(x, HCR_LRENPIE, RMI_EXIT_REASON_IRQ);
		assert_int_equal(ex->gicv3_hcr, HCR_LRENPIE | HCR_EOICOUNT(1));
		assert_int_equal(ex->gicv3_misr, MISR_LRENP);
	}
	expect_done(x, 0, 0, 0, &report);
	assert_int_equal(report.gicv3_hcr, 0);
}

/* Without LRENPIE the count runs on and the exit reports it; spurious INTIDs do not count. */
static void eoicount_counts(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_exit report;

	boot(x, 0, 40, 5, 0);
	expect_done(x, 0, 0, 0, &report);
	assert_int_equal(report.gicv3_hcr, HCR_EOICOUNT(5));
	assert_int_equal(report.gicv3_misr, 0);
}

static void eoicount_ignores_special_intids(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_exit report;

	boot(x, 0, 1023, 2, 0);
	expect_done(x, 0, 0, 0, &report);
	assert_int_equal(report.gicv3_hcr, 0);
}

/* EOImode 1: EOIR only drops priority, DIR deactivates (and counts a foreign INTID). */
static void eoimode_split(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_run *run = boot(x, 1, 40, 2, 1);

	struct rmi_v1_0_rec_exit report;

	run->exit.gicv3_lrs[0] = LR_GROUP1_PENDING(27);
	expect_done(x, 0, 1, 27, &report);
	assert_int_equal(LR_STATE(report.gicv3_lrs[0]), 0);
	assert_int_equal(report.gicv3_hcr, HCR_EOICOUNT(2));
	assert_true(report.gicv3_vmcr & (1ULL << 9));	/* VEOIM */
}

/* The group enable/disable maintenance interrupts follow ICH_VMCR_EL2.VENG0/VENG1. */
static void group_enable_maintenance(void **state)
{
	struct rmi_v1_0_rec_exit report;
	struct rx *x = *state;
	struct rmi_v1_0_rec_run *run = boot(x, 0, 0, 0, 0);
	struct rmi_v1_0_rec_exit *ex;

	/* Group 1 still disabled, group 0 never enabled: asserted before the realm runs. */
	run->exit.gicv3_lrs[0] = 0;
	ex = reenter(x, HCR_VGRP1DIE | HCR_VGRP0DIE, RMI_EXIT_REASON_IRQ);
	assert_int_equal(ex->gicv3_misr, MISR_VGRP1D | MISR_VGRP0D);
	assert_int_equal(ex->gicv3_vmcr & VMCR_VENG1, 0);
	/* The realm enables group 1. */
	ex = reenter(x, HCR_VGRP1EIE, RMI_EXIT_REASON_IRQ);
	assert_int_equal(ex->gicv3_misr, MISR_VGRP1E);
	assert_true(ex->gicv3_vmcr & VMCR_VENG1);
	expect_done(x, 0, 0, 0, &report);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, rx_setup, rx_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(eoi_maintenance), T(no_pending_maintenance), T(underflow_maintenance),
		T(eoicount_and_lrenp), T(eoicount_counts), T(eoicount_ignores_special_intids),
		T(eoimode_split), T(group_enable_maintenance),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
