/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Helpers for the REC tests (1.0): a realm with a guest program loaded by
 * DATA_CREATE, RECs with their aux granules, run pages, REC_ENTER.
 */
#ifndef FAKE_RMM_TEST_REC_FIXTURE_H
#define FAKE_RMM_TEST_REC_FIXTURE_H

#include <stdbool.h>

#include <cca-double/guests.h>

#include "rtt_fixture.h"

#define RX_CODE_IPA 0x100000ULL		/* where guest programs are loaded */
#define RX_DATA_IPA 0x200000ULL		/* a spare protected page (RIPAS RAM, mapped) */
#define RX_MMIO_IPA (1ULL << 39)	/* first unprotected IPA of the s2sz-40 realm */
#define RX_MAX_RECS 4

struct rx {
	struct fix *f;
	uint64_t rec[RX_MAX_RECS], run[RX_MAX_RECS];
	unsigned int nrec;
	uint64_t code_ipa;
};

/* cmocka setup/teardown: a 1.0 RMM and an s2sz-40 realm (NEW). */
int rx_setup(void **state);
int rx_teardown(void **state);
/* The same realm with a PMU of as many counters as FEATURES allows. */
int rx_setup_pmu(void **state);

/*
 * Replaces the (still empty) RMM of `f` with one made with platform
 * settings `pl` and/or named features `feat` (NULL: defaults); a 2.0 RMM is
 * configured and activated.  Any profile.
 */
void rx_reopen_platform(struct fix *f, const struct rmm_platform *pl, const struct rmm_features *feat);

/* DATA_CREATE (measured) of every page of `guest` from `ipa`. */
void rx_load(struct rx *x, const char *guest, uint64_t ipa);
void rx_load_program(struct rx *x, const struct guest_program *g, uint64_t ipa);
/* A mapped RAM page at ipa (its content zero). */
void rx_ram_page(struct rx *x, uint64_t ipa);

struct rx_rec_args {
	uint64_t flags, mpidr, pc;
	uint64_t gprs[8];
	unsigned int num_aux;		/* 0 means REC_AUX_COUNT */
	uint64_t aux_override[16];	/* nonzero entries replace the fresh aux granules */
};
/* A rec_params page for `a` with fresh delegated aux granules. */
uint64_t rx_rec_params(struct rx *x, const struct rx_rec_args *a);
/* REC_CREATE into a fresh delegated granule; returns x0, *rec its PA. */
uint64_t rx_rec_create_with(struct rx *x, const struct rx_rec_args *a, uint64_t *rec);
/* REC index n (MPIDR n), runnable iff n == 0, PC at the guest entry, x0 = arg0. */
void rx_rec(struct rx *x, uint64_t arg0);
/* The same with x0..x7 = gprs. */
void rx_rec_gprs(struct rx *x, const uint64_t gprs[8]);
void rx_activate(struct rx *x);
/* Loads `guest`, creates one REC with x0 = arg0 and activates the realm. */
void rx_boot(struct rx *x, const char *guest, uint64_t arg0);

struct rmi_v1_0_rec_run *rx_run_page(struct rx *x, unsigned int rec);
/* REC_ENTER of REC n with its run page; returns x0. */
uint64_t rx_enter(struct rx *x, unsigned int rec);
/* REC_ENTER asserted SUCCESS, then the exit reason asserted; returns the exit. */
struct rmi_v1_0_rec_exit *rx_enter_expect(struct rx *x, unsigned int rec, unsigned int reason);
/* Re-enters (clearing enter flags) until the realm calls SYSTEM_OFF; asserts it did. */
void rx_run_to_system_off(struct rx *x, unsigned int rec, unsigned int max_entries);

#endif
