// SPDX-License-Identifier: BSD-3-Clause
/*
 * libFuzzer target, one per profile (FUZZ_PROFILE, one per spec/<profile>.yaml):
 * an RMI call stream in the structure-aware encoding of stream_format.h,
 * run against a fresh fake RMM and arena per input.  After every call the
 * bookkeeping invariants must hold (invariants.c); at the end every
 * granule must be returnable to NS through RMI calls (teardown.c).  Any
 * broken rule aborts, which libFuzzer reports with the input.
 *
 * The seeds are the scenario library's own call streams (`cca-double trace
 * --fuzz-seed`), so inputs start hundreds of calls deep; the custom
 * mutator (fuzz_mutator.c) inserts, drops and repeats whole calls.
 *
 * With FUZZ_STATS=FILE in the environment, a line of totals (inputs,
 * calls, SUCCESS calls, the most calls and SUCCESS calls one input made,
 * seconds) is appended to FILE at exit: libFuzzer's -fork jobs each add
 * theirs, and ci/fuzz.sh sums them.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cca-double/pmem.h>
#include <cca-double/rmm.h>

#include "fuzz.h"
#include "stream_format.h"
#include "teardown.h"

#ifndef FUZZ_PROFILE
#define FUZZ_PROFILE "1.0"
#endif

/* Past this many calls an input ends (teardown still runs). */
#define MAX_CALLS 2048
#define RECENT 16

unsigned long fuzz_calls, fuzz_successes, fuzz_realms, fuzz_longest;
unsigned long fuzz_inputs_by_profile[FUZZ_MAX_PROFILES];
unsigned long fuzz_realms_by_profile[FUZZ_MAX_PROFILES];
const char *fuzz_profile_names[FUZZ_MAX_PROFILES];
/* The most SUCCESS calls one input made (depth reached, not just length). */
static unsigned long longest_successes;
static struct timespec started;

struct run {
	struct rmm *rmm;
	struct pmem *pm;
	uint64_t base;
	const uint8_t *p;
	size_t n;
	bool cut;			/* the input ended inside a record */
	struct smc_regs last;		/* registers of the previous call, after it */
	struct smc_regs last_in;	/* and before it (op 0xf2) */
	bool have_last;
	uint64_t recent[RECENT];	/* most recent first */
	unsigned int calls, successes;
};

static uint64_t take(struct run *r, size_t len)
{
	uint64_t v = 0;

	if (r->n < len) {
		r->cut = true;
		r->n = 0;
		return 0;
	}
	memcpy(&v, r->p, len);
	r->p += len;
	r->n -= len;
	return v;
}

/* The k-th granule in `state`, counting from the arena's start; 0 if none. */
static uint64_t live(struct run *r, enum granule_state state, unsigned int k)
{
	for (uint64_t i = 0; i < FUZZ_GRANULES; i++) {
		uint64_t pa = r->base + i * 4096;

		if (rmm_granule_state(r->rmm, pa) == state && !k--)
			return pa;
	}
	return 0;
}

static uint64_t value(struct run *r)
{
	static const enum granule_state classes[4] = { GRANULE_DELEGATED, GRANULE_RD, GRANULE_REC,
						       GRANULE_RTT };
	uint8_t kb = (uint8_t)take(r, 1);
	unsigned int k = kb >> 4, p = kb & 15;
	uint64_t idx, off;

	switch (k) {
	case 0: case 1: case 2: case 3:
		idx = (uint64_t)(k << 4 | p) << 8 | take(r, 1);
		return r->base + idx * 4096;
	case 4: case 5: case 6: case 7:
		idx = (uint64_t)((k - 4) << 4 | p) << 8 | take(r, 1);
		off = take(r, 2);
		return (r->base + idx * 4096 + (off & 0x7fff)) | (off >> 15 << 63);
	case 8: case 9:
		return (k & 1) << 4 | p;
	case 10: case 11:
		return take(r, 2) << ((k & 1) << 4 | p);
	case FUZZ_K_RAW:
		return take(r, 8);
	case FUZZ_K_RECENT:
		return r->recent[p];
	case FUZZ_K_RESULT:
		return r->have_last ? r->last.x[1 + p % 8] : 0;
	default:
		return live(r, classes[p % 4], p / 4);
	}
}

static void remember(struct run *r, uint64_t v)
{
	if (v < r->base || v >= r->base + FUZZ_ARENA_SIZE || v == r->recent[0])
		return;
	memmove(&r->recent[1], &r->recent[0], (RECENT - 1) * sizeof(r->recent[0]));
	r->recent[0] = v;
}

static void check(struct rmm *rmm, const char *when)
{
	char msg[512];

	if (rmm_check_invariants(rmm, msg, sizeof(msg))) {
		fprintf(stderr, "invariant broken after %s: %s\n", when, msg);
		abort();
	}
}

static void call(struct run *r, const struct abi_command *c, struct smc_regs *regs)
{
	r->last_in = *regs;
	rmm_smc(r->rmm, regs);
	r->calls++;
	fuzz_calls++;
	if (regs->x[0] == 0) {
		r->successes++;
		fuzz_successes++;
		for (unsigned int a = 0; a < c->nargs; a++)
			remember(r, r->last_in.x[1 + a]);
		for (unsigned int o = 0; o < c->nresults && o < 4; o++)
			remember(r, regs->x[1 + o]);
		if (!strcmp(c->name, "REALM_CREATE")) {
			fuzz_realms++;
			fuzz_realms_by_profile[0]++;
		}
	}
	r->last = *regs;
	r->have_last = true;
	check(r->rmm, c->name);
}

/* The host writes NS memory only; a page in any other state is left alone. */
static void *ns_page(struct run *r, uint64_t pa)
{
	pa &= ~4095ULL;
	if (rmm_granule_state(r->rmm, pa) != GRANULE_NS)
		return NULL;
	return pmem_host_ptr(r->pm, pa);
}

static void page_write(struct run *r)
{
	uint64_t *page = ns_page(r, value(r));
	unsigned int words = (unsigned int)take(r, 1);

	for (unsigned int w = 0; w < words && !r->cut; w++) {
		unsigned int i = (unsigned int)take(r, 2) % FUZZ_WORDS_PER_PAGE;
		uint64_t v = value(r);

		if (page && !r->cut)
			page[i] = v;
	}
}

static void at_exit_report(void)
{
	struct timespec now;
	double dt;
	const char *path = getenv("FUZZ_STATS");
	FILE *f;

	clock_gettime(CLOCK_MONOTONIC, &now);
	dt = (double)(now.tv_sec - started.tv_sec) + (double)(now.tv_nsec - started.tv_nsec) / 1e9;
	fprintf(stderr,
		"fuzz_rmi_%s: %lu inputs, %lu RMI calls (%lu SUCCESS) in %.1f s, %.0f calls/s; longest input %lu calls (%lu SUCCESS)\n",
		FUZZ_PROFILE, fuzz_inputs_by_profile[0], fuzz_calls, fuzz_successes, dt,
		dt > 0 ? (double)fuzz_calls / dt : 0.0, fuzz_longest, longest_successes);
	if (path && (f = fopen(path, "a"))) {
		fprintf(f, "inputs %lu calls %lu successes %lu longest %lu longest_successes %lu seconds %.3f\n",
			fuzz_inputs_by_profile[0], fuzz_calls, fuzz_successes, fuzz_longest,
			longest_successes, dt);
		fclose(f);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool once;
	struct pmem_config pc = { .size = FUZZ_ARENA_SIZE, .no_gpf_protection = true };
	/* Enough for a scenario guest to reach its exits; bounded all the same. */
	struct rmm_config rc = { .profile = FUZZ_PROFILE, .rec_insn_budget = 20000 };
	const struct abi_command *cmds[FUZZ_MAX_COMMANDS];
	struct run r = { .p = data, .n = size };
	unsigned int ncmd;
	char err[256];

	if (!once) {
		once = true;
		clock_gettime(CLOCK_MONOTONIC, &started);
		fuzz_profile_names[0] = FUZZ_PROFILE;
		atexit(at_exit_report);
	}
	fuzz_inputs_by_profile[0]++;
	r.pm = pmem_create(&pc, err, sizeof(err));
	if (!r.pm)
		abort();
	rc.pmem = r.pm;
	r.rmm = rmm_create(&rc, err, sizeof(err));
	if (!r.rmm)
		abort();
	r.base = pmem_pa_base(r.pm);
	ncmd = fuzz_stream_commands(rmm_profile(r.rmm), cmds, FUZZ_MAX_COMMANDS);
	if (!ncmd)
		abort();
	while (r.n && !r.cut && r.calls < MAX_CALLS) {
		uint8_t op = (uint8_t)take(&r, 1);
		struct smc_regs regs = { 0 };
		const struct abi_command *c;

		if (op < FUZZ_OP_FIRST_SPECIAL) {
			c = cmds[op % ncmd];
			regs.x[0] = c->fid;
			for (unsigned int a = 0; a < c->nargs; a++)
				regs.x[1 + a] = value(&r);
			if (!r.cut)
				call(&r, c, &regs);
		} else if (op == FUZZ_OP_PAGE_WRITE) {
			page_write(&r);
		} else if (op == FUZZ_OP_PAGE_ZERO) {
			uint64_t *page = ns_page(&r, value(&r));

			if (page && !r.cut)
				memset(page, 0, 4096);
		} else if (op == FUZZ_OP_REPEAT && r.have_last) {
			regs = r.last_in;
			for (unsigned int i = 0; i < ncmd; i++)
				if (cmds[i]->fid == regs.x[0]) {
					call(&r, cmds[i], &regs);
					break;
				}
		}
	}
	if (r.calls > fuzz_longest)
		fuzz_longest = r.calls;
	if (r.successes > longest_successes)
		longest_successes = r.successes;
	if (teardown_everything(r.rmm, err, sizeof(err))) {
		fprintf(stderr, "teardown failed: %s\n", err);
		abort();
	}
	if (rmm_granules_not_ns(r.rmm)) {
		fprintf(stderr, "%llu granules not back to NS after teardown\n",
			(unsigned long long)rmm_granules_not_ns(r.rmm));
		abort();
	}
	rmm_destroy(r.rmm);
	pmem_destroy(r.pm);
	return 0;
}
