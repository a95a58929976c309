// SPDX-License-Identifier: BSD-3-Clause
/*
 * REC_CREATE and REC_DESTROY (1.0): one test per failure condition, pairs
 * of failures that show which ranks first (TF-RMM 1.0-rel0 order, see
 * cmd_rec.c), the granule states and RD refcount each success leaves, and
 * the RIM extension for RUNNABLE RECs only.
 */
#include "rec_fixture.h"

#include <string.h>

#include "rec.h"

#define RUNNABLE RMI_V1_0_REC_PARAMS_FLAGS_RUNNABLE_MASK

static uint64_t create(struct rx *x, struct rx_rec_args *a)
{
	uint64_t rec;

	return rx_rec_create_with(x, a, &rec);
}

/* The aux granules and the REC granule a failed REC_CREATE was given stay DELEGATED. */
static void assert_nothing_claimed(struct rx *x)
{
	assert_int_equal(rmm_granules_in_state(x->f->rmm, GRANULE_REC), 0);
	assert_int_equal(rmm_granules_in_state(x->f->rmm, GRANULE_REC_AUX), 0);
	assert_int_equal(rmm_granule_refcount(x->f->rmm, x->f->rd), 0);
}

static void params_not_ns(void **state)
{
	struct rx *x = *state;
	struct rx_rec_args a = { .flags = RUNNABLE };
	uint64_t params = rx_rec_params(x, &a), rec = fix_alloc_delegated(x->f);

	assert_rmi(fix_delegate(x->f, params), 0);
	assert_rmi(rc(x->f, RMI_FID_REC_CREATE, x->f->rd, rec, params, 0, 0, NULL), 1);
	assert_rmi(rc(x->f, RMI_FID_REC_CREATE, x->f->rd, rec, x->f->next + 0x10, 0, 0, NULL), 1);
	assert_rmi(rc(x->f, RMI_FID_REC_CREATE, x->f->rd, rec, 0x1000, 0, 0, NULL), 1);
	assert_nothing_claimed(x);
}

static void num_aux_too_big(void **state)
{
	struct rx *x = *state;
	struct rx_rec_args a = { .flags = RUNNABLE, .num_aux = 17 };

	assert_rmi(create(x, &a), 1);
	assert_nothing_claimed(x);
}

static void aux_not_delegated(void **state)
{
	struct rx *x = *state;
	struct rx_rec_args a = { .flags = RUNNABLE };

	a.aux_override[5] = fix_alloc(x->f);			/* NS */
	assert_rmi(create(x, &a), 1);
	a.aux_override[5] = x->f->rd;				/* RD */
	assert_rmi(create(x, &a), 1);
	a.aux_override[5] = fix_alloc_delegated(x->f) + 8;	/* unaligned */
	assert_rmi(create(x, &a), 1);
	assert_nothing_claimed(x);
}

static void aux_twice(void **state)
{
	struct rx *x = *state;
	struct rx_rec_args a = { .flags = RUNNABLE };
	uint64_t dup = fix_alloc_delegated(x->f);

	a.aux_override[3] = dup;
	a.aux_override[9] = dup;
	assert_rmi(create(x, &a), 1);
	assert_int_equal(rmm_granule_state(x->f->rmm, dup), GRANULE_DELEGATED);
	assert_nothing_claimed(x);
}

static void rec_not_delegated(void **state)
{
	struct rx *x = *state;
	struct rx_rec_args a = { .flags = RUNNABLE };
	uint64_t params = rx_rec_params(x, &a);
	uint64_t ns = fix_alloc(x->f);

	assert_rmi(rc(x->f, RMI_FID_REC_CREATE, x->f->rd, ns, params, 0, 0, NULL), 1);
	assert_rmi(rc(x->f, RMI_FID_REC_CREATE, x->f->rd, x->f->rd, params, 0, 0, NULL), 1);
	assert_rmi(rc(x->f, RMI_FID_REC_CREATE, x->f->rd, ~0ULL & ~0xfffULL, params, 0, 0, NULL), 1);
	/* One of the aux granules as the REC. */
	params = rx_rec_params(x, &a);
	assert_rmi(rc(x->f, RMI_FID_REC_CREATE, x->f->rd,
		      ((struct rmi_v1_0_rec_params *)pmem_host_ptr(x->f->pm, params))->aux[0], params,
		      0, 0, NULL), 1);
	assert_nothing_claimed(x);
}

static void rd_not_rd(void **state)
{
	struct rx *x = *state;
	struct rx_rec_args a = { .flags = RUNNABLE };
	uint64_t params = rx_rec_params(x, &a), rec = fix_alloc_delegated(x->f);

	assert_rmi(rc(x->f, RMI_FID_REC_CREATE, fix_alloc_delegated(x->f), rec, params, 0, 0, NULL), 1);
	assert_rmi(rc(x->f, RMI_FID_REC_CREATE, x->f->rtt[0], rec, params, 0, 0, NULL), 1);
	assert_nothing_claimed(x);
}

static void realm_not_new(void **state)
{
	struct rx *x = *state;
	struct rx_rec_args a = { .flags = RUNNABLE };

	rx_activate(x);
	assert_rmi(create(x, &a), RMI_STATUS_ERROR_REALM);
	assert_nothing_claimed(x);
}

static void mpidr_invalid(void **state)
{
	struct rx *x = *state;
	struct rx_rec_args a = { .flags = RUNNABLE, .mpidr = 0x10 };	/* Aff0[7:4] must be 0 */

	assert_rmi(create(x, &a), 1);
	a.mpidr = 1ULL << 32;
	assert_rmi(create(x, &a), 1);
	assert_nothing_claimed(x);
}

static void mpidr_out_of_order(void **state)
{
	struct rx *x = *state;
	struct rx_rec_args a = { .flags = RUNNABLE, .mpidr = 1 };

	assert_rmi(create(x, &a), 1);		/* the first REC must be MPIDR 0 */
	a.mpidr = 0;
	assert_rmi(create(x, &a), 0);
	assert_rmi(create(x, &a), 1);		/* MPIDR 0 again */
	a.mpidr = 0x100;			/* Aff1 = 1 is index 16 */
	assert_rmi(create(x, &a), 1);
	a.mpidr = 1;
	assert_rmi(create(x, &a), 0);
}

static void mpidr_affinity_index(void **state)
{
	struct rx *x = *state;

	/* Index = Aff0[3:0] | Aff1 << 4 | Aff2 << 12 | Aff3 << 20. */
	assert_int_equal(rec_mpidr_index(0xf), 15);
	assert_int_equal(rec_mpidr_index(0x100), 16);
	assert_int_equal(rec_mpidr_index(0x10000), 1 << 12);
	assert_int_equal(rec_mpidr_index(0x1000000), 1 << 20);
	/* The realm's MPIDR_EL1 has Aff3 at [39:32] and RES1 bit 31. */
	assert_int_equal(mpidr_el1_index(0x80000100ULL), 16);
	assert_int_equal(mpidr_el1_index(0x100000000ULL), 1 << 20);
	(void)x;
}

static void num_aux_not_aux_count(void **state)
{
	struct rx *x = *state;
	struct rx_rec_args a = { .flags = RUNNABLE, .num_aux = 15 };

	assert_rmi(create(x, &a), 1);
	assert_nothing_claimed(x);
	assert_int_equal(rmm_granules_in_state(x->f->rmm, GRANULE_DELEGATED) >= 15, 1);
}

/* Two failures at once: the earlier condition decides. */
static void two_failures_rank(void **state)
{
	struct rx *x = *state;
	struct rx_rec_args a = { .flags = RUNNABLE, .mpidr = 3 };
	uint64_t params, rec;

	rx_activate(x);
	/* realm_state (ERROR_REALM) before mpidr_index (ERROR_INPUT). */
	assert_rmi(create(x, &a), RMI_STATUS_ERROR_REALM);
	/* realm_state before num_aux. */
	a.mpidr = 0;
	a.num_aux = 15;
	assert_rmi(create(x, &a), RMI_STATUS_ERROR_REALM);
	/* num_aux > 16 and aux states before realm_state. */
	a.num_aux = 17;
	assert_rmi(create(x, &a), RMI_STATUS_ERROR_INPUT);
	a.num_aux = 0;
	a.aux_override[0] = fix_alloc(x->f);
	assert_rmi(create(x, &a), RMI_STATUS_ERROR_INPUT);
	/* rec_state before realm_state. */
	memset(a.aux_override, 0, sizeof(a.aux_override));
	params = rx_rec_params(x, &a);
	rec = fix_alloc(x->f);
	assert_rmi(rc(x->f, RMI_FID_REC_CREATE, x->f->rd, rec, params, 0, 0, NULL), 1);
	assert_nothing_claimed(x);
}

static void create_success_states(void **state)
{
	struct rx *x = *state;
	struct rx_rec_args a = { .flags = RUNNABLE, .pc = 0x1000, .gprs = { 1, 2, 3 } };
	uint64_t params = rx_rec_params(x, &a), rec = fix_alloc_delegated(x->f);
	const struct rmi_v1_0_rec_params *p = pmem_host_ptr(x->f->pm, params);

	assert_rmi(rc(x->f, RMI_FID_REC_CREATE, x->f->rd, rec, params, 0, 0, NULL), 0);
	assert_int_equal(rmm_granule_state(x->f->rmm, rec), GRANULE_REC);
	for (unsigned int i = 0; i < 16; i++)
		assert_int_equal(rmm_granule_state(x->f->rmm, p->aux[i]), GRANULE_REC_AUX);
	assert_int_equal(rmm_granule_refcount(x->f->rmm, x->f->rd), 1);
	assert_int_equal(rmm_granule_refcount(x->f->rmm, rec), 0);
	/* A realm with RECs cannot be destroyed. */
	assert_rmi(rc(x->f, RMI_FID_REALM_DESTROY, x->f->rd, 0, 0, 0, 0, NULL),
		   RMI_STATUS_ERROR_REALM);
}

/* Only RUNNABLE RECs are measured: RIM = H(REC descriptor with the old RIM). */
static void rim_extended_only_when_runnable(void **state)
{
	struct rx *x = *state;
	struct rx_rec_args a = { .flags = 0, .mpidr = 0, .pc = 0x2000 };
	uint8_t before[64], after[64];

	assert_int_equal(rmm_realm_measurement(x->f->rmm, x->f->rd, 0, before), 0);
	assert_rmi(create(x, &a), 0);
	assert_int_equal(rmm_realm_measurement(x->f->rmm, x->f->rd, 0, after), 0);
	assert_memory_equal(before, after, 64);
	a.flags = RUNNABLE;
	a.mpidr = 1;
	assert_rmi(create(x, &a), 0);
	assert_int_equal(rmm_realm_measurement(x->f->rmm, x->f->rd, 0, after), 0);
	assert_memory_not_equal(before, after, 32);
}

static void destroy_not_rec(void **state)
{
	struct rx *x = *state;

	assert_rmi(rc(x->f, RMI_FID_REC_DESTROY, fix_alloc_delegated(x->f), 0, 0, 0, 0, NULL), 1);
	assert_rmi(rc(x->f, RMI_FID_REC_DESTROY, x->f->rd, 0, 0, 0, 0, NULL), 1);
	assert_rmi(rc(x->f, RMI_FID_REC_DESTROY, x->f->rd + 1, 0, 0, 0, 0, NULL), 1);
	assert_rmi(rc(x->f, RMI_FID_REC_DESTROY, 0, 0, 0, 0, 0, NULL), 1);
}

static void destroy_running(void **state)
{
	struct rx *x = *state;

	rx_rec(x, 0);
	/* Only another CPU inside REC_ENTER could see this: marked white-box. */
	rec_of(x->f->rmm, x->rec[0])->running = true;
	assert_rmi(rc(x->f, RMI_FID_REC_DESTROY, x->rec[0], 0, 0, 0, 0, NULL), RMI_STATUS_ERROR_REC);
	rec_of(x->f->rmm, x->rec[0])->running = false;
	assert_rmi(rc(x->f, RMI_FID_REC_DESTROY, x->rec[0], 0, 0, 0, 0, NULL), 0);
}

static void destroy_scrubs(void **state)
{
	struct rx *x = *state;
	struct rx_rec_args a = { .flags = RUNNABLE };
	uint64_t params = rx_rec_params(x, &a), rec = fix_alloc_delegated(x->f);
	const struct rmi_v1_0_rec_params *p = pmem_host_ptr(x->f->pm, params);
	uint64_t aux[16];

	memcpy(aux, p->aux, sizeof(aux));
	assert_rmi(rc(x->f, RMI_FID_REC_CREATE, x->f->rd, rec, params, 0, 0, NULL), 0);
	/* Dirty an aux granule through the RMM view, as a REC would use it. */
	memset(pmem_rmm_ptr(x->f->pm, aux[4]), 0x5a, GRAN);
	assert_rmi(rc(x->f, RMI_FID_REC_DESTROY, rec, 0, 0, 0, 0, NULL), 0);
	assert_int_equal(rmm_granule_state(x->f->rmm, rec), GRANULE_DELEGATED);
	for (unsigned int i = 0; i < 16; i++) {
		const uint8_t *b = pmem_rmm_ptr(x->f->pm, aux[i]);

		assert_int_equal(rmm_granule_state(x->f->rmm, aux[i]), GRANULE_DELEGATED);
		for (unsigned int k = 0; k < GRAN; k++)
			if (b[k])
				fail_msg("aux %u byte %u not scrubbed", i, k);
	}
	assert_int_equal(rmm_granule_refcount(x->f->rmm, x->f->rd), 0);
	/* Destroyed twice: no longer a REC. */
	assert_rmi(rc(x->f, RMI_FID_REC_DESTROY, rec, 0, 0, 0, 0, NULL), 1);
	/* The next REC still needs the next MPIDR: REC indices are never reused. */
	a.mpidr = 0;
	assert_rmi(create(x, &a), 1);
	a.mpidr = 1;
	assert_rmi(create(x, &a), 0);
	assert_rmi(rc(x->f, RMI_FID_REALM_DESTROY, x->f->rd, 0, 0, 0, 0, NULL),
		   RMI_STATUS_ERROR_REALM);
}

/* rmm_destroy with live RECs that ran (engines created) frees everything. */
static void teardown_with_live_engines(void **state)
{
	struct rx *x = *state;

	rx_boot(x, "exit_immediately", 0);
	rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, rx_setup, rx_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(params_not_ns), T(num_aux_too_big), T(aux_not_delegated), T(aux_twice),
		T(rec_not_delegated), T(rd_not_rd), T(realm_not_new), T(mpidr_invalid),
		T(mpidr_out_of_order), T(mpidr_affinity_index), T(num_aux_not_aux_count),
		T(two_failures_rank), T(create_success_states), T(rim_extended_only_when_runnable),
		T(destroy_not_rec), T(destroy_running), T(destroy_scrubs),
		T(teardown_with_live_engines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
