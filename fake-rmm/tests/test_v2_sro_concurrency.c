// SPDX-License-Identifier: BSD-3-Clause
/*
 * Stateful RMI Operations on many CPUs (sro.h, as TF-RMM main
 * lib/sro_context): a context is RESERVED while a call runs on it and
 * SEALED between calls.  An OP_* command on a handle another CPU is
 * driving is ERROR_INPUT and changes nothing; with no context free, a
 * command that lists BUSY answers BUSY while some context is reserved, and
 * BLOCKED once all wait for the host.  White-box: a context held by
 * "another CPU" is made so by hand.  Then REC_CREATEs on several threads
 * at once, a realm each, each driven to its end: each gets a context of
 * its own (label concurrency: CI runs it under ThreadSanitizer too).
 */
#include <pthread.h>

#include "v2_fixture.h"

#include "sro.h"

#define NAUX 16
#define NTHREADS 4

static int setup(void **state)
{
	if (fix_setup_v2(state))
		return -1;
	rt_v2_realm(*state, 40, 1, 2);
	return 0;
}

static uint64_t start_create(struct fix *f, uint64_t mpidr, uint64_t *rec, uint64_t *h,
			     uint64_t *req)
{
	struct smc_regs r;
	uint64_t x0;

	*rec = fix_alloc_delegated(f);
	x0 = rc(f, RMI_FID_REC_CREATE, f->rd, *rec, v2_rec_params(f, 0, mpidr, 0x1000, NULL), 0,
		0, &r);
	*h = r.x[1];
	*req = r.x[2];
	return x0;
}

/* The context of handle h, as a call on another CPU holds it while it runs (or not). */
static void held_elsewhere(struct fix *f, uint64_t h, bool held)
{
	static const int other_cpu;
	struct sro_ctx *ctx = &f->rmm->sro->ctx[h];

	ctx->life = held ? SRO_RESERVED : SRO_SEALED;
	ctx->owner = held ? &other_cpu : NULL;
	ctx->was_sealed = held;
}

static void op_on_a_handle_another_cpu_drives(void **state)
{
	struct fix *f = *state;
	uint64_t rec, h, req, run = v2_delegated_run(f, NAUX), desc = v2_desc(run, NAUX, false);
	uint64_t list = v2_list(f, &desc, 1);

	assert_int_equal(start_create(f, 0, &rec, &h, &req), INCOMPLETE(V2(MEM_REQ_DONATE)));
	held_elsewhere(f, h, true);
	assert_rmi(rc(f, RMI_FID_OP_MEM_DONATE, h, list, 1, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	assert_int_equal(rmm_granule_state(f->rmm, run), GRANULE_DELEGATED);
	assert_rmi(rc(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, NULL), RMI_STATUS_ERROR_INPUT);
	assert_rmi(rc(f, RMI_FID_OP_MEM_RECLAIM, h, fix_alloc(f), 1, 0, 0, NULL),
		   RMI_STATUS_ERROR_INPUT);
	/* Still held: the other CPU's call goes on with it. */
	assert_int_equal(f->rmm->sro->ctx[h].life, SRO_RESERVED);
	/* Sealed again (that call returned): the host drives it to its end. */
	held_elsewhere(f, h, false);
	assert_rmi(rc(f, RMI_FID_OP_MEM_DONATE, h, list, 1, 0, 0, NULL), INCOMPLETE(V2(MEM_REQ_NONE)));
	assert_rmi(rc(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, NULL), 0);
	assert_int_equal(rmm_granule_state(f->rmm, rec), GRANULE_REC);
	assert_int_equal(f->rmm->sro->ctx[h].life, SRO_FREE);
}

static void no_context_busy_while_one_is_reserved(void **state)
{
	struct fix *f = *state;
	uint64_t rec, h[SRO_MAX_CONTEXTS], req[SRO_MAX_CONTEXTS];

	for (unsigned int i = 0; i < SRO_MAX_CONTEXTS; i++) {
		assert_int_equal(start_create(f, i, &rec, &h[i], &req[i]),
				 INCOMPLETE(V2(MEM_REQ_DONATE)));
		assert_int_equal(f->rmm->sro->ctx[h[i]].life, SRO_SEALED);
	}
	held_elsewhere(f, h[3], true);
	/* It may be free soon: BUSY (REC_CREATE and REC_DESTROY list it), nothing changes. */
	rec = fix_alloc_delegated(f);
	assert_rmi(rc(f, RMI_FID_REC_CREATE, f->rd, rec, v2_rec_params(f, 0, 20, 0, NULL), 0, 0,
		      NULL),
		   V2(STATUS_BUSY));
	assert_int_equal(rmm_granule_state(f->rmm, rec), GRANULE_DELEGATED);
	assert_rmi(rc(f, RMI_FID_REC_DESTROY, 0, 0, 0, 0, 0, NULL), V2(STATUS_BUSY));
	/* Every context waits for the host: BLOCKED. */
	held_elsewhere(f, h[3], false);
	assert_rmi(rc(f, RMI_FID_REC_CREATE, f->rd, rec, v2_rec_params(f, 0, 20, 0, NULL), 0, 0,
		      NULL),
		   V2(STATUS_BLOCKED));
	assert_rmi(rc(f, RMI_FID_REC_DESTROY, 0, 0, 0, 0, 0, NULL), V2(STATUS_BLOCKED));
	for (unsigned int i = 0; i < SRO_MAX_CONTEXTS; i++)
		assert_rmi(v2_drive(f, h[i], INCOMPLETE(V2(MEM_REQ_DONATE)), req[i]), 0);
}

/* ---- REC_CREATEs on several threads at once ---- */

struct creator {
	struct rmm *rmm;
	pthread_barrier_t *go;
	uint64_t rd, rec, params, list;
	uint64_t x0[3], handle;
};

static uint64_t smc(struct rmm *rmm, uint32_t fid, uint64_t a1, uint64_t a2, uint64_t a3,
		    uint64_t *x1)
{
	struct smc_regs r = { .x = { fid, a1, a2, a3 } };

	rmm_smc(rmm, &r);
	if (x1)
		*x1 = r.x[1];
	return r.x[0];
}

/* REC_CREATE, OP_MEM_DONATE of the 16 granules listed, OP_CONTINUE: as a host's vCPU thread. */
static void *create_rec(void *p)
{
	struct creator *c = p;

	pthread_barrier_wait(c->go);
	c->x0[0] = smc(c->rmm, RMI_FID_REC_CREATE, c->rd, c->rec, c->params, &c->handle);
	c->x0[1] = smc(c->rmm, RMI_FID_OP_MEM_DONATE, c->handle, c->list, 1, NULL);
	c->x0[2] = smc(c->rmm, RMI_FID_OP_CONTINUE, c->handle, 0, 0, NULL);
	return NULL;
}

static void concurrent_rec_creates(void **state)
{
	struct fix *f = *state;
	struct creator c[NTHREADS];
	pthread_t t[NTHREADS];
	pthread_barrier_t go;

	pthread_barrier_init(&go, NULL, NTHREADS);
	/* A realm each (a realm's RECs come in MPIDR order), each REC its first. */
	for (unsigned int i = 0; i < NTHREADS; i++) {
		uint64_t desc;

		if (i)
			rt_v2_realm(f, 40, 1, 2);
		desc = v2_desc(v2_delegated_run(f, NAUX), NAUX, false);
		c[i] = (struct creator){ .rmm = f->rmm, .go = &go, .rd = f->rd,
					 .rec = fix_alloc_delegated(f),
					 .params = v2_rec_params(f, 0, 0, 0x1000, NULL) };
		c[i].list = v2_list(f, &desc, 1);
	}
	for (unsigned int i = 0; i < NTHREADS; i++)
		assert_int_equal(pthread_create(&t[i], NULL, create_rec, &c[i]), 0);
	for (unsigned int i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	pthread_barrier_destroy(&go);
	for (unsigned int i = 0; i < NTHREADS; i++) {
		assert_int_equal(c[i].x0[0], INCOMPLETE(V2(MEM_REQ_DONATE)));
		assert_int_equal(c[i].x0[1], INCOMPLETE(V2(MEM_REQ_NONE)));
		assert_rmi(c[i].x0[2], 0);
		assert_int_equal(rmm_granule_state(f->rmm, c[i].rec), GRANULE_REC);
		for (unsigned int j = 0; j < i; j++)
			assert_int_not_equal(c[i].rec, c[j].rec);
	}
	for (unsigned int i = 0; i < SRO_MAX_CONTEXTS; i++)
		assert_int_equal(f->rmm->sro->ctx[i].life, SRO_FREE);
	fix_check_invariants(f);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(op_on_a_handle_another_cpu_drives, setup, fix_teardown),
		cmocka_unit_test_setup_teardown(no_context_busy_while_one_is_reserved, setup,
						fix_teardown),
		cmocka_unit_test_setup_teardown(concurrent_rec_creates, setup, fix_teardown),
	};

	return fix_run_v2_group("v2_sro_concurrency", tests, argc, argv);
}
