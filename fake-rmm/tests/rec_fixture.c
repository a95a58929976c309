// SPDX-License-Identifier: BSD-3-Clause
#include "rec_fixture.h"

#include <stdlib.h>
#include <string.h>

int rx_setup(void **state)
{
	struct rx *x = calloc(1, sizeof(*x));

	if (fix_setup_v1((void **)&x->f))
		return -1;
	rt_realm(x->f);
	*state = x;
	return 0;
}

int rx_setup_pmu(void **state)
{
	struct rx *x = calloc(1, sizeof(*x));
	struct realm_desc d;
	struct rmm_features f;

	if (!x || fix_setup_v1((void **)&x->f))
		return -1;
	rmm_default_features(&f);
	realm_desc_default(&d);
	d.flags = RMI_V1_0_REALM_FLAGS_PMU_MASK;
	d.pmu_num_ctrs = f.pmu_num_ctrs;
	if (fix_realm_create(x->f, &d))
		return -1;
	*state = x;
	return 0;
}

int rx_teardown(void **state)
{
	struct rx *x = *state;

	fix_teardown((void **)&x->f);
	free(x);
	return 0;
}

void rx_load(struct rx *x, const char *guest, uint64_t ipa)
{
	const struct guest_program *g = guest_program_find(guest);

	if (!g)
		fail_msg("no guest program '%s'", guest);
	rx_load_program(x, g, ipa);
}

void rx_load_program(struct rx *x, const struct guest_program *g, uint64_t ipa)
{
	x->code_ipa = ipa;
	for (size_t off = 0; off < g->size; off += GRAN) {
		uint64_t src = fix_alloc(x->f), data = fix_alloc_delegated(x->f);
		size_t n = g->size - off < GRAN ? g->size - off : GRAN;

		memcpy(pmem_host_ptr(x->f->pm, src), g->bytes + off, n);
		rt_tables(x->f, ipa + off, 3);
		assert_rmi(rc(x->f, RMI_FID_DATA_CREATE, x->f->rd, data, ipa + off, src, 1, NULL), 0);
	}
}

void rx_ram_page(struct rx *x, uint64_t ipa)
{
	rt_data(x->f, ipa, 0, 0);
}

uint64_t rx_rec_params(struct rx *x, const struct rx_rec_args *a)
{
	uint64_t pa = fix_alloc(x->f);
	struct rmi_v1_0_rec_params *p = pmem_host_ptr(x->f->pm, pa);
	unsigned int n = a->num_aux ? a->num_aux : RMI_V1_0_REC_PARAMS_AUX_GRANULES;

	p->flags = a->flags;
	p->mpidr = a->mpidr;
	p->pc = a->pc;
	memcpy(p->gprs, a->gprs, sizeof(p->gprs));
	p->num_aux = n;
	for (unsigned int i = 0; i < n && i < 16; i++)
		p->aux[i] = a->aux_override[i] ? a->aux_override[i] : fix_alloc_delegated(x->f);
	return pa;
}

uint64_t rx_rec_create_with(struct rx *x, const struct rx_rec_args *a, uint64_t *rec)
{
	uint64_t params = rx_rec_params(x, a);

	*rec = fix_alloc_delegated(x->f);
	return rc(x->f, RMI_FID_REC_CREATE, x->f->rd, *rec, params, 0, 0, NULL);
}

void rx_rec(struct rx *x, uint64_t arg0)
{
	const uint64_t gprs[8] = { arg0 };

	rx_rec_gprs(x, gprs);
}

void rx_rec_gprs(struct rx *x, const uint64_t gprs[8])
{
	struct rx_rec_args a = { .mpidr = x->nrec, .pc = x->code_ipa };
	uint64_t rec;

	memcpy(a.gprs, gprs, sizeof(a.gprs));

	a.flags = x->nrec == 0 ? RMI_V1_0_REC_PARAMS_FLAGS_RUNNABLE_MASK : 0;
	assert_true(x->nrec < RX_MAX_RECS);
	assert_rmi(rx_rec_create_with(x, &a, &rec), 0);
	x->rec[x->nrec] = rec;
	x->run[x->nrec] = fix_alloc(x->f);
	x->nrec++;
}

void rx_activate(struct rx *x)
{
	assert_rmi(rc(x->f, RMI_FID_REALM_ACTIVATE, x->f->rd, 0, 0, 0, 0, NULL), 0);
}

void rx_boot(struct rx *x, const char *guest, uint64_t arg0)
{
	rx_load(x, guest, RX_CODE_IPA);
	rx_rec(x, arg0);
	rx_activate(x);
}

struct rmi_v1_0_rec_run *rx_run_page(struct rx *x, unsigned int rec)
{
	return pmem_host_ptr(x->f->pm, x->run[rec]);
}

uint64_t rx_enter(struct rx *x, unsigned int rec)
{
	return rc(x->f, RMI_FID_REC_ENTER, x->rec[rec], x->run[rec], 0, 0, 0, NULL);
}

struct rmi_v1_0_rec_exit *rx_enter_expect(struct rx *x, unsigned int rec, unsigned int reason)
{
	struct rmi_v1_0_rec_exit *ex = &rx_run_page(x, rec)->exit;
	uint64_t x0 = rx_enter(x, rec);

	if (x0)
		fail_msg("REC_ENTER of REC %u: 0x%llx", rec, (unsigned long long)x0);
	if (ex->exit_reason != reason)
		fail_msg("REC %u: exit reason %u, expected %u (esr 0x%llx)", rec, ex->exit_reason,
			 reason, (unsigned long long)ex->esr);
	return ex;
}

void rx_run_to_system_off(struct rx *x, unsigned int rec, unsigned int max_entries)
{
	struct rmi_v1_0_rec_run *run = rx_run_page(x, rec);

	for (unsigned int i = 0; i < max_entries; i++) {
		run->enter.flags = 0;
		assert_rmi(rx_enter(x, rec), 0);
		if (run->exit.exit_reason == RMI_EXIT_REASON_PSCI &&
		    run->exit.gprs[0] == PSCI_FID_SYSTEM_OFF) {
			/* SYSTEM_OFF: the realm is off, entering again says so (index 1). */
			assert_rmi(rx_enter(x, rec), RET(RMI_STATUS_ERROR_REALM, 1));
			return;
		}
	}
	fail_msg("REC %u did not reach SYSTEM_OFF in %u entries", rec, max_entries);
}

void rx_reopen_platform(struct fix *f, const struct rmm_platform *pl, const struct rmm_features *feat)
{
	struct rmm_config rc = { .profile = f->profile, .pmem = f->pm };
	char err[256];

	if (pl)
		rc.platform = *pl;
	if (feat) {
		rc.features = *feat;
		rc.features_set = true;
	}
	rmm_destroy(f->rmm);
	f->rmm = rmm_create(&rc, err, sizeof(err));
	if (!f->rmm)
		fail_msg("rmm_create: %s", err);
	if (strcmp(f->profile, "1.0")) {
		/* 2.0: configure and activate the RMM as a host does at boot. */
		assert_int_equal(fix_call(f, RMI_FID_RMM_CONFIG_SET, fix_alloc(f), 0, 0, 0, 0, NULL), 0);
		assert_int_equal(fix_call(f, RMI_FID_RMM_ACTIVATE, 0, 0, 0, 0, 0, NULL), 0);
	}
}
