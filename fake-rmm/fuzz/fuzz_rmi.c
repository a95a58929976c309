// SPDX-License-Identifier: BSD-3-Clause
/*
 * libFuzzer target: arbitrary sequences of RMI calls with arbitrary
 * registers, against a fresh fake RMM per input, of a profile of the RMI
 * major FUZZ_FAMILY ("v1" unless the build says "v2"; a 2.0 RMM is
 * configured and activated first).  Where the spec describes several
 * revisions of that major, the input's first byte picks one (modulo their
 * number), so one target covers every revision.  After every call the
 * bookkeeping invariants must hold; at the end every granule must be
 * returnable to NS through RMI calls (teardown.c).  Any broken rule
 * aborts, which libFuzzer reports with the input.
 *
 * Input: a stream of records [op][args...]:
 *   op < 0xf0  command number (modulo the profile's RMI commands), then one
 *              argument per register, each a tag byte and a value:
 *              tag 0 granule (u8 index), 1 small (u8), 2 raw (8 bytes),
 *              3 IPA (u16 << 12), 4 granule + u8 offset
 *   op 0xf0    write a plausible realm_params into granule u8
 *   op 0xf1    write a plausible rec_params into granule u8 (pc, mpidr u8)
 *   op 0xf2    zero granule u8 (a fresh rec_run page)
 *   op 0xf3    build a realm from granules u8, u8+1, u8+2 (delegate RD and
 *              root RTT, write params, REALM_CREATE; where REALM_CREATE is
 *              an operation, granules u8+3.. are delegated and donated), so
 *              inputs reach the deeper states quickly
 *   op 0xf4    delegate granule u8 and RTT_CREATE it at (IPA u16 << 21, level
 *              2 + bit) of the realm whose RD is granule u8'
 *
 * 2.0 adds: argument tag 5, an address-range descriptor (granule u8, count
 * u8 whose bit 7 is the "undelegated" state), and op 0xf5, a descriptor
 * list written into granule u8 (n u8 <= 16, then n tag-5 descriptors), so
 * SRO donations and LIST map/unmap calls see real lists.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cca-double/pmem.h>
#include <cca-double/rmm.h>
#include <rmi/common.h>
#include <rmi/v1_0.h>
#include <rmi/v2.h>

#include "fuzz.h"
#include "teardown.h"

/* Totals over all inputs, for the smoke driver's report. */
unsigned long fuzz_calls, fuzz_successes, fuzz_realms, fuzz_longest;
unsigned long fuzz_inputs_by_profile[FUZZ_MAX_PROFILES];
unsigned long fuzz_realms_by_profile[FUZZ_MAX_PROFILES];
static unsigned int profile_index;
const char *fuzz_profile_names[FUZZ_MAX_PROFILES];

#define ARENA (8ULL << 20)
#define NGRAN 256	/* granules the fuzzer names; the rest stay for teardown */
#define MAX_CALLS 512

#ifndef FUZZ_FAMILY
#define FUZZ_FAMILY "v1"
#endif

/* The input being run is for a 2.0 RMM (range delegation, SROs, descriptors). */
static bool V2_ONLY;

struct input {
	const uint8_t *p;
	size_t n;
};

static int take(struct input *in, void *out, size_t len)
{
	if (in->n < len)
		return -1;
	memcpy(out, in->p, len);
	in->p += len;
	in->n -= len;
	return 0;
}

/* The profile of the input being run (descriptor fields sit where it puts them). */
static const struct abi_profile *fuzz_abi;

static uint64_t descriptor(struct input *in, uint64_t base)
{
	struct abi_bits addr = abi_bits(fuzz_abi, "addr_range_desc", "ADDR");
	struct abi_bits count = abi_bits(fuzz_abi, "addr_range_desc", "COUNT");
	struct abi_bits state = abi_bits(fuzz_abi, "addr_range_desc", "STATE");
	uint8_t g = 0, n = 0;

	take(in, &g, 1);
	take(in, &n, 1);
	return ((base + (uint64_t)g * 4096) & addr.mask) | abi_bits_put(count, n & 0x7f) |
	       abi_bits_put(state, n >> 7);
}

static uint64_t arg(struct input *in, uint64_t base)
{
	uint8_t tag = 0, b = 0;
	uint16_t h = 0;
	uint64_t v = 0;

	take(in, &tag, 1);
	if (V2_ONLY && tag % 6 == 5)
		return descriptor(in, base);
	switch (tag % 5) {
	case 0:
		take(in, &b, 1);
		return base + (uint64_t)b * 4096;
	case 1:
		take(in, &b, 1);
		return b;
	case 2:
		take(in, &v, 8);
		return v;
	case 3:
		take(in, &h, 2);
		return (uint64_t)h << 12;
	default:
		take(in, &b, 1);
		take(in, &h, 1);
		return base + (uint64_t)b * 4096 + (h & 0xff);
	}
}

static void check(struct rmm *rmm, const char *when)
{
	char msg[512];

	if (rmm_check_invariants(rmm, msg, sizeof(msg))) {
		fprintf(stderr, "invariant broken after %s: %s\n", when, msg);
		abort();
	}
}

static void write_realm_params(struct pmem *pm, uint64_t pa, struct input *in)
{
	struct rmi_v1_0_realm_params *p = pmem_host_ptr(pm, pa);
	uint8_t b[4] = { 0 };

	if (!p)
		return;
	take(in, b, sizeof(b));
	memset(p, 0, sizeof(*p));
	p->s2sz = (uint8_t)(32 + b[0] % 13);
	p->rtt_level_start = b[1] % 3;
	p->rtt_num_start = 1u << (b[1] >> 4 & 3);
	p->rtt_base = pmem_pa_base(pm) + (uint64_t)(b[2] % NGRAN) * 4096;
	p->num_bps = 1 + b[3] % 2;
	p->num_wps = 1;
	p->hash_algo = b[3] >> 7;
	p->vmid = b[0];
}

static void write_rec_params(struct pmem *pm, uint64_t pa, struct input *in)
{
	struct rmi_v1_0_rec_params *p = pmem_host_ptr(pm, pa);
	uint8_t b[3] = { 0 };

	if (!p)
		return;
	take(in, b, sizeof(b));
	memset(p, 0, sizeof(*p));
	p->flags = b[0] & 1;
	p->mpidr = b[1] % 4;
	p->pc = (uint64_t)b[2] << 12;
	p->num_aux = 16;
	for (int i = 0; i < 16; i++)
		p->aux[i] = pmem_pa_base(pm) + (uint64_t)((b[2] + i * 7) % NGRAN) * 4096;
}

static uint64_t delegate(struct rmm *rmm, uint64_t pa);

static uint64_t smc(struct rmm *rmm, uint32_t fid, uint64_t a1, uint64_t a2, uint64_t a3,
		    uint64_t a4)
{
	uint64_t x0 = rmm_call(rmm, fid, a1, a2, a3, a4, 0, 0, NULL);

	fuzz_calls++;
	fuzz_successes += x0 == 0;
	return x0;
}

static uint64_t delegate(struct rmm *rmm, uint64_t pa)
{
	if (V2_ONLY)
		return smc(rmm, RMI_FID_GRANULE_RANGE_DELEGATE, pa, pa + 4096, 0, 0);
	return smc(rmm, RMI_FID_GRANULE_DELEGATE, pa, 0, 0, 0);
}

/* 2.0: a descriptor list (op 0xf5). */
static void write_list(struct pmem *pm, uint64_t pa, uint64_t base, struct input *in)
{
	uint64_t *l = pmem_host_ptr(pm, pa);
	uint8_t n = 0;

	take(in, &n, 1);
	n %= 17;
	for (unsigned int i = 0; i < n; i++)
		l[i] = descriptor(in, base);
}

/* 2.0: RMM_CONFIG_SET (a zeroed page is the 4 KiB / 1 GiB configuration) and RMM_ACTIVATE. */
static void boot(struct rmm *rmm, struct pmem *pm)
{
	uint64_t cfg = pmem_pa_base(pm) + pmem_size(pm) - 4096;

	memset(pmem_host_ptr(pm, cfg), 0, 4096);
	if (smc(rmm, RMI_FID_RMM_CONFIG_SET, cfg, 0, 0, 0) ||
	    smc(rmm, RMI_FID_RMM_ACTIVATE, 0, 0, 0, 0)) {
		fprintf(stderr, "2.0 boot failed\n");
		abort();
	}
}

/*
 * REALM_CREATE, driven to its end where it is an operation: delegated
 * granules after the params page are donated as asked (the params page,
 * read already, holds the list), a refused or over-long request ends it.
 */
static uint64_t create_realm(struct rmm *rmm, struct pmem *pm, uint64_t rd, uint64_t params)
{
	struct abi_bits count = abi_bits(fuzz_abi, "donate_request", "count");
	struct abi_bits memreq = abi_bits(fuzz_abi, "return_code", "memreq");
	uint64_t next = params + 4096, *list = pmem_host_ptr(pm, params);
	struct smc_regs r;
	uint64_t x0 = rmm_call(rmm, RMI_FID_REALM_CREATE, rd, params, 0, 0, 0, 0, &r), h = r.x[1];

	fuzz_calls++;
	for (int step = 0; (x0 & 0xff) == RMI_STATUS_INCOMPLETE && step < 8; step++) {
		uint64_t want = abi_bits_get(count, r.x[2]);

		if (abi_bits_get(memreq, x0) == RMI_V2_MEM_REQ_DONATE) {
			if (!want || want > 4 || next + want * 4096 > pmem_pa_base(pm) + NGRAN * 4096)
				break;
			for (uint64_t i = 0; i < want; i++, next += 4096) {
				delegate(rmm, next);
				list[i] = (next & abi_bits(fuzz_abi, "addr_range_desc", "ADDR").mask) |
					  abi_bits_put(abi_bits(fuzz_abi, "addr_range_desc", "COUNT"), 1);
			}
			x0 = rmm_call(rmm, RMI_FID_OP_MEM_DONATE, h, params, want, 0, 0, 0, &r);
		} else if (abi_bits_get(memreq, x0) == RMI_V2_MEM_REQ_RECLAIM) {
			x0 = rmm_call(rmm, RMI_FID_OP_MEM_RECLAIM, h, params, 512, 0, 0, 0, &r);
		} else {
			x0 = rmm_call(rmm, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, 0, &r);
		}
		fuzz_calls++;
	}
	return x0;
}

/* Multi-call steps (ops 0xf3, 0xf4); returns the number of calls made. */
static unsigned int macro(struct rmm *rmm, struct pmem *pm, uint64_t base, uint8_t op,
			  struct input *in, struct smc_regs *o)
{
	uint8_t g = 0, x = 0;
	uint16_t ipa = 0;
	uint64_t rd, rtt, params;

	take(in, &g, 1);
	rd = base + (uint64_t)g * 4096;
	rtt = rd + 4096;
	params = rd + 8192;
	if (op == 0xf3) {
		struct rmi_v1_0_realm_params *p;

		if (g > NGRAN - 3 || rmm_granule_state(rmm, params) != GRANULE_NS)
			return 0;
		delegate(rmm, rd);
		delegate(rmm, rtt);
		p = pmem_host_ptr(pm, params);
		memset(p, 0, sizeof(*p));
		p->s2sz = 39;
		p->rtt_level_start = 1;
		p->rtt_num_start = 1;
		p->rtt_base = rtt;
		p->num_bps = p->num_wps = 1;
		take(in, &x, 1);
		p->vmid = x;
		if (!create_realm(rmm, pm, rd, params)) {
			fuzz_realms++;
			fuzz_realms_by_profile[profile_index]++;
		}
		return 3;
	}
	take(in, &x, 1);
	take(in, &ipa, 2);
	rtt = base + (uint64_t)(x % NGRAN) * 4096;
	delegate(rmm, rtt);
	smc(rmm, RMI_FID_RTT_CREATE, rd, rtt, (uint64_t)(ipa & 0x3fff) << 21, 2 + (ipa >> 15));
	return 2;
}

/* The profiles of FUZZ_FAMILY; several: the input's first byte picks one. */
static const struct abi_profile *pick_profile(struct input *in)
{
	const struct abi_profile *fam[FUZZ_MAX_PROFILES];
	unsigned int n = 0;
	uint8_t b = 0;

	for (unsigned int i = 0; i < abi_nprofiles && n < FUZZ_MAX_PROFILES; i++)
		if (!strcmp(abi_profiles[i]->family, FUZZ_FAMILY))
			fam[n++] = abi_profiles[i];
	if (!n)
		abort();
	if (n > 1)
		take(in, &b, 1);
	b %= n;
	profile_index = b;
	fuzz_profile_names[b] = fam[b]->name;
	fuzz_inputs_by_profile[b]++;
	return fam[b];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pmem_config pc = { .size = ARENA, .no_gpf_protection = true };
	struct rmm_config rc = { .rec_insn_budget = 2000 };
	const struct abi_profile *abi;
	const struct abi_command *rmi[64];
	struct input in = { data, size };
	char err[256];
	struct pmem *pm = pmem_create(&pc, err, sizeof(err));
	struct rmm *rmm;
	unsigned int ncmd = 0, calls = 0;
	uint64_t base;

	if (!pm)
		abort();
	rc.profile = pick_profile(&in)->name;
	rc.pmem = pm;
	rmm = rmm_create(&rc, err, sizeof(err));
	if (!rmm)
		abort();
	abi = rmm_profile(rmm);
	fuzz_abi = abi;
	V2_ONLY = !strcmp(abi->family, "v2");
	if (V2_ONLY)
		boot(rmm, pm);
	for (unsigned int i = 0; i < abi->ncommands && ncmd < 64; i++)
		if (abi->commands[i].iface == ABI_RMI && abi->commands[i].args_known)
			rmi[ncmd++] = &abi->commands[i];
	base = pmem_pa_base(pm);
	while (in.n && calls < MAX_CALLS) {
		uint8_t op = 0, g = 0;
		struct smc_regs r = { 0 };
		const struct abi_command *c;

		take(&in, &op, 1);
		if (op == 0xf3 || op == 0xf4) {
			struct smc_regs o;

			calls += macro(rmm, pm, base, op, &in, &o);
			check(rmm, "a macro step");
			continue;
		}
		if (op >= 0xf0) {
			take(&in, &g, 1);
			if (rmm_granule_state(rmm, base + (uint64_t)g * 4096) != GRANULE_NS)
				continue;	/* the host only writes NS memory */
			if (op == 0xf0)
				write_realm_params(pm, base + (uint64_t)g * 4096, &in);
			else if (op == 0xf1)
				write_rec_params(pm, base + (uint64_t)g * 4096, &in);
			else if (op == 0xf5 && V2_ONLY)
				write_list(pm, base + (uint64_t)g * 4096, base, &in);
			else
				memset(pmem_host_ptr(pm, base + (uint64_t)g * 4096), 0, 4096);
			continue;
		}
		c = rmi[op % ncmd];
		r.x[0] = c->fid;
		for (unsigned int a = 0; a < c->nargs; a++)
			r.x[1 + a] = arg(&in, base);
		rmm_smc(rmm, &r);
		calls++;
		fuzz_calls++;
		fuzz_successes += r.x[0] == 0;
		if (r.x[0] == 0 && !strcmp(c->name, "REALM_CREATE")) {
			fuzz_realms++;
			fuzz_realms_by_profile[profile_index]++;
		}
		check(rmm, c->name);
	}
	if (calls > fuzz_longest)
		fuzz_longest = calls;
	if (teardown_everything(rmm, err, sizeof(err))) {
		fprintf(stderr, "teardown failed: %s\n", err);
		abort();
	}
	if (rmm_granules_not_ns(rmm)) {
		fprintf(stderr, "%llu granules not back to NS after teardown\n",
			(unsigned long long)rmm_granules_not_ns(rmm));
		abort();
	}
	rmm_destroy(rmm);
	pmem_destroy(pm);
	return 0;
}
