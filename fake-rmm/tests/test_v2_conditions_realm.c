// SPDX-License-Identifier: BSD-3-Clause
/*
 * 2.0-bet1 failure conditions of VERSION, REALM_CREATE, REALM_ACTIVATE,
 * REALM_TERMINATE and REALM_DESTROY (V2_CONDITIONS.md): each condition
 * alone, pairs of conditions where the earlier must win, exact x0 and
 * outputs, and nothing changed on failure.  White-box only where a state
 * cannot be reached through RMI in one thread (a REC running, every VMID
 * in use).
 */
#include "v2_cond.h"

#include "rec.h"

static int setup(void **state)
{
	return fix_setup_v2(state);
}

/* A 2.0 realm_params page for the default test realm (s2sz 40, level 1, 2 roots). */
static struct rmi_v2_realm_params *params_page(struct fix *f, uint64_t rtt_base,
						      uint64_t *pa)
{
	struct realm_desc d;

	realm_desc_default(&d);
	*pa = fix_realm_params(f, &d, rtt_base);
	return pmem_host_ptr(f->pm, *pa);
}

/* Two delegated root granules aligned to 2 granules, and a delegated RD. */
static void granules(struct fix *f, uint64_t *rtt_base, uint64_t *rd)
{
	f->next = (f->next + 2 * GRAN - 1) & ~(2 * GRAN - 1);
	*rtt_base = fix_alloc_delegated(f);
	fix_alloc_delegated(f);
	*rd = fix_alloc_delegated(f);
}

static unsigned int realm_vmid(struct fix *f, uint64_t rd)
{
	return realm_of_rd(f->rmm, rd)->vmid;
}

/* ---- VERSION ---- */

static void version_conditions(void **state)
{
	struct fix *f = *state;
	struct smc_regs r;

	/* Bits 63:31 are not a revision: ERROR_INPUT, x1 = x2 = 2.0. */
	assert_rmi(fail_call(f, RMI_FID_VERSION, (1ULL << 31) | 0x20000, 0, 0, 0, 0, &r), ERR_INPUT);
	assert_int_equal(r.x[1], 0x20000);
	assert_int_equal(r.x[2], 0x20000);
	assert_rmi(fail_call(f, RMI_FID_VERSION, ~0ULL, 0, 0, 0, 0, &r), ERR_INPUT);
	assert_int_equal(r.x[1], 0x20000);
	/* A newer minor of the same major is not implemented. */
	assert_rmi(fail_call(f, RMI_FID_VERSION, 0x20001, 0, 0, 0, 0, &r), ERR_INPUT);
	assert_int_equal(r.x[1], 0x20000);
	assert_int_equal(r.x[2], 0x20000);
	assert_rmi(fail_call(f, RMI_FID_VERSION, 0x20000, 0, 0, 0, 0, &r), 0);
}

/* ---- REALM_CREATE ---- */

static void create_params_page(void **state)
{
	struct fix *f = *state;
	uint64_t base, rd, pa, del;

	granules(f, &base, &rd);
	params_page(f, base, &pa);
	del = fix_alloc_delegated(f);
	memcpy(pmem_rmm_ptr(f->pm, del), pmem_host_ptr(f->pm, pa), GRAN);
	/* params_align, params_bound, params_pas */
	assert_rmi(fail_call(f, RMI_FID_REALM_CREATE, rd, pa + 8, 0, 0, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_REALM_CREATE, rd, 0, 0, 0, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_REALM_CREATE, rd, pmem_pa_base(f->pm) + pmem_size(f->pm),
			     0, 0, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_REALM_CREATE, rd, del, 0, 0, 0, NULL), ERR_INPUT);
	/* The page is checked before the RD: a bad page and an NS RD is still ERROR_INPUT. */
	assert_rmi(fail_call(f, RMI_FID_REALM_CREATE, fix_alloc(f), del, 0, 0, 0, NULL), ERR_INPUT);
	/* No VMID was kept by any failure: the realm gets the first one. */
	assert_rmi(v2_op(f, RMI_FID_REALM_CREATE, rd, pa, 0, NULL), 0);
	assert_int_equal(realm_vmid(f, rd), 1);
}

/* The offset of the realm flags word and of max_num_vdevs, where the profile has them. */
#define FLAGS_WORD SIZE_MAX
#define MAX_NUM_VDEVS (SIZE_MAX - 1)

/*
 * Each RealmParamsSupported() failure on its own: ERROR_INPUT, nothing
 * changes.  Flag entries name a realm_flags field and its value; a field
 * the profile does not have is skipped (2.0-bet3 has no LPA2 flag, only
 * it has DA, LFA_POLICY, MEC_POLICY and max_num_vdevs).
 */
static void create_params_supported(void **state)
{
	struct fix *f = *state;
	const struct abi_profile *prof = rmm_profile(f->rmm);
	struct rmi_v2_realm_params *p;
	uint64_t base, rd, pa;
	unsigned int tried = 0;
	const struct {
		const char *what;
		size_t off, size;
		uint64_t val;
		const char *flag;	/* realm_flags field `val` goes into */
	} bad[] = {
#define F(field) offsetof(struct rmi_v2_realm_params, field), \
		 sizeof(((struct rmi_v2_realm_params *)0)->field)
		{ "LPA2 not supported", FLAGS_WORD, 8, 1, "LPA2" },
		{ "s2sz < 32", F(s2sz), 31, NULL },
		{ "s2sz > FEATURES.S2SZ", F(s2sz), 45, NULL },
		{ "num_bps 0", F(num_bps), 0, NULL },
		{ "num_bps > max", F(num_bps), 7, NULL },
		{ "num_wps 0", F(num_wps), 0, NULL },
		{ "num_wps > max", F(num_wps), 5, NULL },
		{ "SVE vl > max", FLAGS_WORD, 8, 1, "SVE" },
		{ "PMU with 0 counters", FLAGS_WORD, 8, 1, "PMU" },
		{ "DA without FEATURES DA", FLAGS_WORD, 8, 1, "DA" },
		{ "MEC_POLICY 2", FLAGS_WORD, 8, 2, "MEC_POLICY" },
		{ "MEC_POLICY 3", FLAGS_WORD, 8, 3, "MEC_POLICY" },
		{ "LFA_POLICY 2", FLAGS_WORD, 8, 2, "LFA_POLICY" },
		{ "LFA_POLICY 3", FLAGS_WORD, 8, 3, "LFA_POLICY" },
		{ "max_num_vdevs 1 without DA", MAX_NUM_VDEVS, 8, 1, NULL },
		{ "level 2 cannot resolve 40 bits", F(rtt_level_start), 2, NULL },
		{ "level -1 without LPA2", F(rtt_level_start), (uint64_t)-1, NULL },
		{ "level 4", F(rtt_level_start), 4, NULL },
		{ "level 2^32 + 1 (not level 1)", F(rtt_level_start), (1ULL << 32) + 1, NULL },
		{ "level INT64_MIN", F(rtt_level_start), 1ULL << 63, NULL },
		{ "rtt_num_start 1 for 40 bits at level 1", F(rtt_num_start), 1, NULL },
		{ "rtt_num_start 4", F(rtt_num_start), 4, NULL },
		{ "hash SHA-384 (not in FEATURES)", F(hash_algo), V2(HASH_ALGO_SHA_384), NULL },
		{ "hash 3", F(hash_algo), 3, NULL },
		{ "num_aux_planes 1 (no planes)", F(num_aux_planes), 1, NULL },
		{ "flags1 set", F(flags1), 1, NULL },
		{ "rtt_base not aligned to 2 granules", F(rtt_base), 0 /* set below */, NULL },
#undef F
	};

	granules(f, &base, &rd);
	for (unsigned int i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		uint64_t v = bad[i].val;
		long off = (long)bad[i].off;

		if (bad[i].flag) {
			struct abi_bits b = abi_bits(prof, "realm_flags", bad[i].flag);

			if (!b.width)
				continue;
			v = abi_bits_put(b, v);
		}
		if (bad[i].off == FLAGS_WORD) {
			off = abi_offset(prof, "realm_params", "flags0");
			if (off < 0)
				off = abi_offset(prof, "realm_params", "flags");
		}
		if (bad[i].off == MAX_NUM_VDEVS) {
			off = abi_offset(prof, "realm_params", "max_num_vdevs");
			if (off < 0)
				continue;
		}
		p = params_page(f, base, &pa);
		if (!strcmp(bad[i].what, "SVE vl > max"))
			p->sve_vl = 16;
		if (bad[i].off == offsetof(struct rmi_v2_realm_params, rtt_base))
			v = base + GRAN;
		memcpy((uint8_t *)p + off, &v, bad[i].size);
		if (fail_call(f, RMI_FID_REALM_CREATE, rd, pa, 0, 0, 0, NULL) != ERR_INPUT)
			fail_msg("%s: not ERROR_INPUT", bad[i].what);
		tried++;
	}
	/* Every profile skips at most the fields it lacks. */
	assert_true(tried >= sizeof(bad) / sizeof(bad[0]) - 6);
	/* The same page with nothing wrong works (and got the first VMID). */
	params_page(f, base, &pa);
	assert_rmi(v2_op(f, RMI_FID_REALM_CREATE, rd, pa, 0, NULL), 0);
	assert_int_equal(realm_vmid(f, rd), 1);
}

/*
 * What the flags accept (2.0-bet3 fields where the profile has them):
 * MEC_POLICY SHARED 0 / PRIVATE 1 and LFA_POLICY 0 / 1 each create a realm
 * (no MEC: either policy is met); 2.0-bet3's bit 0 (LPA2 in 2.0-bet1) is
 * no flag: set, it is ignored and the realm is not LPA2.
 */
static void create_flags_accepted(void **state)
{
	struct fix *f = *state;
	const struct abi_profile *prof = rmm_profile(f->rmm);
	const struct {
		const char *field;
		uint64_t val;
	} good[] = { { "MEC_POLICY", 1 }, { "LFA_POLICY", 1 }, { "MEC_POLICY", 0 } };
	unsigned int made = 0;

	for (unsigned int i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		struct abi_bits b = abi_bits(prof, "realm_flags", good[i].field);
		uint64_t base, rd, pa;

		if (!b.width)
			continue;
		granules(f, &base, &rd);
		fix_realm_flags_put(prof, params_page(f, base, &pa), abi_bits_put(b, good[i].val));
		assert_rmi(v2_op(f, RMI_FID_REALM_CREATE, rd, pa, 0, NULL), 0);
		made++;
	}
	if (!abi_bits(prof, "realm_flags", "LPA2").width) {
		uint64_t base, rd, pa;

		granules(f, &base, &rd);
		fix_realm_flags_put(prof, params_page(f, base, &pa), 1);
		assert_rmi(v2_op(f, RMI_FID_REALM_CREATE, rd, pa, 0, NULL), 0);
		assert_false(realm_of_rd(f->rmm, rd)->lpa2);
		made++;
	}
	assert_int_equal(made, abi_bits(prof, "realm_flags", "MEC_POLICY").width ? 4 : 0);
}

static void create_alias_and_granule_states(void **state)
{
	struct fix *f = *state;
	uint64_t base, rd, pa, ns;

	granules(f, &base, &rd);
	params_page(f, base, &pa);
	/* alias: the RD is the first or the second root table */
	assert_rmi(fail_call(f, RMI_FID_REALM_CREATE, base, pa, 0, 0, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_REALM_CREATE, base + GRAN, pa, 0, 0, 0, NULL), ERR_INPUT);
	/* rd_align / rd_state */
	assert_rmi(fail_call(f, RMI_FID_REALM_CREATE, rd + 8, pa, 0, 0, 0, NULL), ERR_INPUT);
	ns = fix_alloc(f);
	assert_rmi(fail_call(f, RMI_FID_REALM_CREATE, ns, pa, 0, 0, 0, NULL), ERR_INPUT);
	/* rtt_state: the second root is NS -> all or nothing, the first stays DELEGATED */
	v2_undelegate(f, base + GRAN, base + 2 * GRAN);
	assert_rmi(fail_call(f, RMI_FID_REALM_CREATE, rd, pa, 0, 0, 0, NULL), ERR_INPUT);
	assert_int_equal(rmm_granule_state(f->rmm, base), GRANULE_DELEGATED);
	assert_int_equal(rmm_granule_state(f->rmm, rd), GRANULE_DELEGATED);
	assert_rmi(fix_delegate(f, base + GRAN), 0);
	assert_rmi(v2_op(f, RMI_FID_REALM_CREATE, rd, pa, 0, NULL), 0);
	assert_int_equal(realm_vmid(f, rd), 1);
	/* The RD is an RD now: a second create on it is ERROR_INPUT. */
	assert_rmi(fail_call(f, RMI_FID_REALM_CREATE, rd, pa, 0, 0, 0, NULL), ERR_INPUT);
}

/*
 * VMID exhaustion: ERROR_GLOBAL, after the parameter checks (ERROR_INPUT
 * wins) and before the RD / root granule checks (ERROR_GLOBAL wins), as
 * TF-RMM main's smc_realm_create orders vmid_alloc().
 */
static void create_vmid_exhausted(void **state)
{
	struct fix *f = *state;
	struct rmi_v2_realm_params *p;
	uint64_t base, rd, pa, bad;

	granules(f, &base, &rd);
	params_page(f, base, &pa);
	memset(f->rmm->vmid_used, 0xff, 65536 / 8);
	/* Everything valid: ERROR_GLOBAL, nothing changes. */
	assert_rmi(fail_call(f, RMI_FID_REALM_CREATE, rd, pa, 0, 0, 0, NULL), ERR_GLOBAL);
	/* params invalid too: ERROR_INPUT (params first) */
	p = params_page(f, base, &bad);
	p->s2sz = 31;
	assert_rmi(fail_call(f, RMI_FID_REALM_CREATE, rd, bad, 0, 0, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_REALM_CREATE, rd, fix_alloc_delegated(f), 0, 0, 0, NULL),
		   ERR_INPUT);
	/* RD NS, RD aliasing a root, a root NS: ERROR_GLOBAL (VMID first) */
	assert_rmi(fail_call(f, RMI_FID_REALM_CREATE, fix_alloc(f), pa, 0, 0, 0, NULL), ERR_GLOBAL);
	assert_rmi(fail_call(f, RMI_FID_REALM_CREATE, base, pa, 0, 0, 0, NULL), ERR_GLOBAL);
	v2_undelegate(f, base, base + GRAN);
	assert_rmi(fail_call(f, RMI_FID_REALM_CREATE, rd, pa, 0, 0, 0, NULL), ERR_GLOBAL);
	assert_rmi(fix_delegate(f, base), 0);
	/* One VMID free (and none leaked by the failures above): SUCCESS with it. */
	f->rmm->vmid_used[1000 / 8] &= (uint8_t)~(1u << (1000 % 8));
	assert_rmi(v2_op(f, RMI_FID_REALM_CREATE, rd, pa, 0, NULL), 0);
	assert_int_equal(realm_vmid(f, rd), 1000);
}

/* A realm that fails after the VMID was taken gives it back. */
static void create_failure_releases_vmid(void **state)
{
	struct fix *f = *state;
	uint64_t base, rd, pa;

	granules(f, &base, &rd);
	params_page(f, base, &pa);
	assert_rmi(fail_call(f, RMI_FID_REALM_CREATE, base, pa, 0, 0, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_REALM_CREATE, fix_alloc(f), pa, 0, 0, 0, NULL), ERR_INPUT);
	assert_false(f->rmm->vmid_used[0] & 0x2);
	assert_rmi(v2_op(f, RMI_FID_REALM_CREATE, rd, pa, 0, NULL), 0);
	assert_int_equal(realm_vmid(f, rd), 1);
}

/* ---- REALM_ACTIVATE ---- */

static void activate_conditions(void **state)
{
	struct fix *f = *state;

	rt_v2_realm(f, 40, 1, 2);
	/* rd_align, rd_bound, rd_state */
	assert_rmi(fail_call(f, RMI_FID_REALM_ACTIVATE, f->rd + 8, 0, 0, 0, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_REALM_ACTIVATE, ~0ULL & ~(GRAN - 1), 0, 0, 0, 0, NULL),
		   ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_REALM_ACTIVATE, f->rtt[0], 0, 0, 0, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_REALM_ACTIVATE, fix_alloc_delegated(f), 0, 0, 0, 0, NULL),
		   ERR_INPUT);
	assert_rmi(rc(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), 0);
	/* realm_state: ACTIVE */
	assert_rmi(fail_call(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), ERR_REALM);
	assert_int_equal(realm_of_rd(f->rmm, f->rd)->state, REALM_ACTIVE);
}

static void activate_terminated(void **state)
{
	struct fix *f = *state;

	rt_v2_realm(f, 40, 1, 2);
	assert_rmi(rc(f, RMI_FID_REALM_TERMINATE, f->rd, 0, 0, 0, 0, NULL), 0);
	/* realm_state: ZOMBIE is not NEW */
	assert_rmi(fail_call(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), ERR_REALM);
	assert_int_equal(realm_of_rd(f->rmm, f->rd)->state, REALM_ZOMBIE);
}

/* ---- REALM_TERMINATE ---- */

static void terminate_conditions(void **state)
{
	struct fix *f = *state;
	uint64_t rec;

	rt_v2_realm(f, 40, 1, 2);
	assert_rmi(v2_rec_create(f, v2_rec_params(f, 0, 0, 0, NULL), &rec), 0);
	/* rd_align, rd_state */
	assert_rmi(fail_call(f, RMI_FID_REALM_TERMINATE, f->rd + 1, 0, 0, 0, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_REALM_TERMINATE, rec, 0, 0, 0, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_REALM_TERMINATE, 0, 0, 0, 0, 0, NULL), ERR_INPUT);
	/* A REC of the realm is running (another CPU inside REC_ENTER): ERROR_REALM. */
	rec_of(f->rmm, rec)->running = true;
	assert_rmi(fix_call(f, RMI_FID_REALM_TERMINATE, f->rd, 0, 0, 0, 0, NULL), ERR_REALM);
	assert_int_equal(realm_of_rd(f->rmm, f->rd)->state, REALM_NEW);
	rec_of(f->rmm, rec)->running = false;
	/* RECs that are not running do not stop it; any state, also ZOMBIE again. */
	assert_rmi(rc(f, RMI_FID_REALM_TERMINATE, f->rd, 0, 0, 0, 0, NULL), 0);
	assert_int_equal(realm_of_rd(f->rmm, f->rd)->state, REALM_ZOMBIE);
	assert_rmi(rc(f, RMI_FID_REALM_TERMINATE, f->rd, 0, 0, 0, 0, NULL), 0);
	assert_int_equal(realm_of_rd(f->rmm, f->rd)->state, REALM_ZOMBIE);
}

/* ---- REALM_DESTROY ---- */

static void destroy_conditions(void **state)
{
	struct fix *f = *state;
	uint64_t rec, l2, rd;

	rt_v2_realm(f, 40, 1, 2);
	rd = f->rd;
	/* rd_align, rd_state */
	assert_rmi(fail_call(f, RMI_FID_REALM_DESTROY, rd + 8, 0, 0, 0, 0, NULL), ERR_INPUT);
	assert_rmi(fail_call(f, RMI_FID_REALM_DESTROY, f->rtt[0], 0, 0, 0, 0, NULL), ERR_INPUT);
	/* realm_state: NEW, ACTIVE are not ZOMBIE */
	assert_rmi(fail_call(f, RMI_FID_REALM_DESTROY, rd, 0, 0, 0, 0, NULL), ERR_REALM);
	assert_rmi(v2_rec_create(f, v2_rec_params(f, 0, 0, 0, NULL), &rec), 0);
	assert_rmi(rt_create(f, 0, 2, &l2), 0);
	assert_rmi(rc(f, RMI_FID_REALM_ACTIVATE, rd, 0, 0, 0, 0, NULL), 0);
	assert_rmi(fail_call(f, RMI_FID_REALM_DESTROY, rd, 0, 0, 0, 0, NULL), ERR_REALM);
	assert_rmi(rc(f, RMI_FID_REALM_TERMINATE, rd, 0, 0, 0, 0, NULL), 0);
	/* realm_live: a REC exists (and a table) */
	assert_rmi(fail_call(f, RMI_FID_REALM_DESTROY, rd, 0, 0, 0, 0, NULL), ERR_REALM);
	assert_rmi(v2_rec_destroy(f, rec), 0);
	/* realm_live: the root still holds a table */
	assert_rmi(fail_call(f, RMI_FID_REALM_DESTROY, rd, 0, 0, 0, 0, NULL), ERR_REALM);
	assert_rmi(rc(f, RMI_FID_RTT_DESTROY, rd, 0, 2, 0, 0, NULL), 0);
	/* Success: RD and roots DELEGATED, the VMID free for the next realm. */
	assert_rmi(v2_op(f, RMI_FID_REALM_DESTROY, rd, 0, 0, NULL), 0);
	assert_int_equal(rmm_granule_state(f->rmm, rd), GRANULE_DELEGATED);
	assert_int_equal(rmm_granule_state(f->rmm, f->rtt[0]), GRANULE_DELEGATED);
	assert_int_equal(rmm_granule_state(f->rmm, f->rtt[1]), GRANULE_DELEGATED);
	assert_rmi(fail_call(f, RMI_FID_REALM_DESTROY, rd, 0, 0, 0, 0, NULL), ERR_INPUT);
	rt_v2_realm(f, 40, 1, 2);
	assert_int_equal(realm_vmid(f, f->rd), 1);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, fix_teardown)

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		T(version_conditions),
		T(create_params_page),
		T(create_params_supported),
		T(create_flags_accepted),
		T(create_alias_and_granule_states),
		T(create_vmid_exhausted),
		T(create_failure_releases_vmid),
		T(activate_conditions),
		T(activate_terminated),
		T(terminate_conditions),
		T(destroy_conditions),
	};

	return fix_run_v2_group("v2 conditions: realm", tests, argc, argv);
}
