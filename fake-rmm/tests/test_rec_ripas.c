// SPDX-License-Identifier: BSD-3-Clause
/*
 * RTT_SET_RIPAS (1.0), REC side: every failure condition on the REC and the
 * pending request, the ranking of two at once, and the RIPAS_CHANGE exit /
 * RTT_SET_RIPAS / RIPAS_RESPONSE flow the ripas_change guest drives.
 */
#include "rec_fixture.h"

#include <string.h>

#include "rec.h"

#define BASE 0x300000ULL
#define TOP 0x304000ULL

static uint64_t set_ripas(struct rx *x, uint64_t rec, uint64_t base, uint64_t top,
			  struct smc_regs *out)
{
	return rc(x->f, RMI_FID_RTT_SET_RIPAS, x->f->rd, rec, base, top, 0, out);
}

/* ripas_change over [BASE, TOP), stopped at its first RIPAS_CHANGE exit (to EMPTY). */
static void boot_ripas(struct rx *x)
{
	struct rmi_v1_0_rec_exit *ex;

	rt_tables(x->f, BASE, 3);
	rx_load(x, "ripas_change", RX_CODE_IPA);
	{
		struct rx_rec_args a = { .flags = 1, .pc = RX_CODE_IPA, .gprs = { BASE, TOP } };
		uint64_t rec;

		assert_rmi(rx_rec_create_with(x, &a, &rec), 0);
		x->rec[0] = rec;
		x->run[0] = fix_alloc(x->f);
		x->nrec = 1;
	}
	rx_activate(x);
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_RIPAS_CHANGE);
	assert_int_equal(ex->ripas_base, BASE);
	assert_int_equal(ex->ripas_top, TOP);
	assert_int_equal(ex->ripas_value, RMI_RIPAS_EMPTY);
}

static void accept_flow(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_exit *ex;
	struct smc_regs r;

	boot_ripas(x);
	/* In two steps: top below the request, then the rest. */
	assert_rmi(set_ripas(x, x->rec[0], BASE, BASE + 0x1000, &r), 0);
	assert_int_equal(r.x[1], BASE + 0x1000);
	assert_rmi(set_ripas(x, x->rec[0], BASE + 0x1000, TOP, &r), 0);
	assert_int_equal(r.x[1], TOP);
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_RIPAS_CHANGE);
	assert_int_equal(ex->ripas_value, RMI_RIPAS_RAM);
	assert_rmi(set_ripas(x, x->rec[0], BASE, TOP, &r), 0);
	assert_int_equal(r.x[1], TOP);
	assert_int_equal(rt_read(x->f, BASE + 0x3000, 3).ripas, RMI_RIPAS_RAM);
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
	assert_int_equal(ex->imm, 1);		/* the whole range done */
	/* Completed: no request left. */
	assert_rmi(set_ripas(x, x->rec[0], TOP, TOP + 0x1000, NULL), 1);
	rx_run_to_system_off(x, 0, 4);
}

/* The host refuses a change to RAM it did not make: the realm gets REJECT at the next base. */
static void reject_flow(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_run *run;
	struct rmi_v1_0_rec_exit *ex;
	struct smc_regs r;

	boot_ripas(x);
	run = rx_run_page(x, 0);
	/* EMPTY cannot be refused: RIPAS_RESPONSE is ignored, the realm sees ACCEPT. */
	assert_rmi(set_ripas(x, x->rec[0], BASE, TOP, &r), 0);
	run->enter.flags = RMI_V1_0_REC_ENTER_FLAGS_RIPAS_RESPONSE_MASK;
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_RIPAS_CHANGE);
	assert_int_equal(ex->ripas_value, RMI_RIPAS_RAM);
	assert_rmi(set_ripas(x, x->rec[0], BASE, BASE + 0x2000, &r), 0);
	run->enter.flags = RMI_V1_0_REC_ENTER_FLAGS_RIPAS_RESPONSE_MASK;
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
	assert_int_equal(ex->imm, 2);		/* rejected */
	assert_int_equal(ex->gprs[0], RMI_RIPAS_RAM);
	assert_int_equal(ex->gprs[1], BASE);
	assert_int_equal(ex->gprs[2], BASE + 0x2000);	/* next base */
}

static void size_invalid(void **state)
{
	struct rx *x = *state;

	boot_ripas(x);
	assert_rmi(set_ripas(x, x->rec[0], BASE, BASE, NULL), 1);
	assert_rmi(set_ripas(x, x->rec[0], BASE, BASE - 0x1000, NULL), 1);
	assert_rmi(set_ripas(x, x->rec[0], BASE, BASE + 0x800, NULL), 1);
}

static void rd_or_rec_invalid(void **state)
{
	struct rx *x = *state;

	boot_ripas(x);
	assert_rmi(rc(x->f, RMI_FID_RTT_SET_RIPAS, x->rec[0], x->rec[0], BASE, TOP, 0, NULL), 1);
	assert_rmi(set_ripas(x, x->f->rd, BASE, TOP, NULL), 1);
	assert_rmi(set_ripas(x, x->rec[0] + 0x10, BASE, TOP, NULL), 1);
	assert_rmi(set_ripas(x, fix_alloc_delegated(x->f), BASE, TOP, NULL), 1);
}

static void rec_running(void **state)
{
	struct rx *x = *state;

	boot_ripas(x);
	rec_of(x->f->rmm, x->rec[0])->running = true;	/* white-box: another CPU */
	assert_rmi(set_ripas(x, x->rec[0], BASE, TOP, NULL), RMI_STATUS_ERROR_REC);
	rec_of(x->f->rmm, x->rec[0])->running = false;
	assert_rmi(set_ripas(x, x->rec[0], BASE, TOP, NULL), 0);
}

static void rec_of_other_realm(void **state)
{
	struct rx *x = *state;
	struct realm_desc d;
	uint64_t rd;

	boot_ripas(x);
	rd = x->f->rd;
	realm_desc_default(&d);
	d.vmid = 2;
	assert_rmi(fix_realm_create(x->f, &d), 0);
	/* The second realm's RD with the first realm's REC. */
	assert_rmi(set_ripas(x, x->rec[0], BASE, TOP, NULL), RMI_STATUS_ERROR_REC);
	x->f->rd = rd;
	assert_rmi(set_ripas(x, x->rec[0], BASE, TOP, NULL), 0);
}

static void no_pending_request(void **state)
{
	struct rx *x = *state;

	rx_boot(x, "host_call", 1);
	assert_rmi(set_ripas(x, x->rec[0], BASE, TOP, NULL), 1);
	rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
	assert_rmi(set_ripas(x, x->rec[0], BASE, TOP, NULL), 1);
}

static void base_not_next(void **state)
{
	struct rx *x = *state;

	boot_ripas(x);
	assert_rmi(set_ripas(x, x->rec[0], BASE + 0x1000, TOP, NULL), 1);
	assert_rmi(set_ripas(x, x->rec[0], BASE - 0x1000, TOP, NULL), 1);
	assert_rmi(set_ripas(x, x->rec[0], BASE, BASE + 0x1000, NULL), 0);
	assert_rmi(set_ripas(x, x->rec[0], BASE, TOP, NULL), 1);	/* base moved on */
}

static void top_beyond_request(void **state)
{
	struct rx *x = *state;

	boot_ripas(x);
	assert_rmi(set_ripas(x, x->rec[0], BASE, TOP + 0x1000, NULL), 1);
}

/* The table walk (cmd_ripas.c) answers ERROR_RTT when the tables for base are missing. */
static void walk_error(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_exit *ex;
	struct rx_rec_args a = { .flags = 1, .pc = RX_CODE_IPA, .gprs = { 0x40001000, 0x40003000 } };
	uint64_t rec;

	rx_load(x, "ripas_change", RX_CODE_IPA);
	assert_rmi(rx_rec_create_with(x, &a, &rec), 0);
	x->rec[0] = rec;
	x->run[0] = fix_alloc(x->f);
	x->nrec = 1;
	rx_activate(x);
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_RIPAS_CHANGE);
	assert_int_equal(ex->ripas_base, 0x40001000);
	assert_rmi(set_ripas(x, rec, 0x40001000, 0x40003000, NULL), RET(RMI_STATUS_ERROR_RTT, 1));
}

static void two_failures_rank(void **state)
{
	struct rx *x = *state;

	boot_ripas(x);
	/* size (ERROR_INPUT) before a bad REC (ERROR_INPUT) and anything REC-side. */
	assert_rmi(set_ripas(x, x->f->rd, TOP, BASE, NULL), 1);
	/* REC running (ERROR_REC) before base / top (ERROR_INPUT). */
	rec_of(x->f->rmm, x->rec[0])->running = true;
	assert_rmi(set_ripas(x, x->rec[0], BASE + 0x1000, TOP + 0x1000, NULL), RMI_STATUS_ERROR_REC);
	/* A bad RD (ERROR_INPUT) before the REC running. */
	assert_rmi(rc(x->f, RMI_FID_RTT_SET_RIPAS, x->f->rtt[0], x->rec[0], BASE, TOP, 0, NULL), 1);
	rec_of(x->f->rmm, x->rec[0])->running = false;
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, rx_setup, rx_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(accept_flow), T(reject_flow), T(size_invalid), T(rd_or_rec_invalid),
		T(rec_running), T(rec_of_other_realm), T(no_pending_request), T(base_not_next),
		T(top_beyond_request), T(walk_error), T(two_failures_rank),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
