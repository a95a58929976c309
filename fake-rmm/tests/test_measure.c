// SPDX-License-Identifier: BSD-3-Clause
/*
 * The RIM after DATA_CREATE (measured and unmeasured) and RTT_INIT_RIPAS
 * (1.0), computed independently: each 256-byte measurement descriptor is
 * built byte by byte at the spec's offsets (DEN0137 "Realm measurement") and
 * hashed with libcrypto's EVP directly, for SHA-256 and SHA-512.
 */
#include "rtt_fixture.h"

#include <openssl/evp.h>
#include <string.h>

struct model {
	const EVP_MD *md;
	unsigned int len;
	uint8_t rim[64];
};

static void put64(uint8_t *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static void hash(const struct model *m, const void *data, size_t n, uint8_t *out)
{
	unsigned int len = 0;

	assert_int_equal(EVP_Digest(data, n, out, &len, m->md, NULL), 1);
	assert_int_equal(len, m->len);
}

/* REALM_CREATE: H(4 KiB params image holding only the measured fields). */
static void model_init(struct model *m, unsigned int algo, const struct realm_desc *d)
{
	static uint8_t img[4096];

	m->md = algo == RMI_HASH_ALGO_SHA_512 ? EVP_sha512() : EVP_sha256();
	m->len = algo == RMI_HASH_ALGO_SHA_512 ? 64 : 32;
	memset(img, 0, sizeof(img));
	put64(img + 0x00, d->flags);
	img[0x08] = (uint8_t)d->s2sz;
	img[0x10] = (uint8_t)d->sve_vl;
	img[0x18] = (uint8_t)d->num_bps;
	img[0x20] = (uint8_t)d->num_wps;
	img[0x28] = (uint8_t)d->pmu_num_ctrs;
	img[0x30] = (uint8_t)algo;
	memset(m->rim, 0, sizeof(m->rim));
	hash(m, img, sizeof(img), m->rim);
}

static void desc_header(const struct model *m, uint8_t *d, uint8_t type)
{
	memset(d, 0, 256);
	d[0x00] = type;
	put64(d + 0x08, 256);
	memcpy(d + 0x10, m->rim, m->len);
}

static void model_data(struct model *m, uint64_t ipa, uint64_t flags, const uint8_t *page)
{
	uint8_t d[256];

	desc_header(m, d, 0);
	put64(d + 0x50, ipa);
	put64(d + 0x58, flags);
	if (flags == 1)
		hash(m, page, 4096, d + 0x60);
	hash(m, d, sizeof(d), m->rim);
}

static void model_ripas(struct model *m, uint64_t base, uint64_t top)
{
	uint8_t d[256];

	desc_header(m, d, 2);
	put64(d + 0x50, base);
	put64(d + 0x58, top);
	hash(m, d, sizeof(d), m->rim);
}

static void expect_rim(struct fix *f, const struct model *m)
{
	uint8_t got[64], want[64] = { 0 };

	memcpy(want, m->rim, m->len);
	assert_int_equal(rmm_realm_measurement(f->rmm, f->rd, 0, got), 0);
	assert_memory_equal(got, want, 64);	/* unused bytes of the slot stay zero */
}

static uint64_t data(struct fix *f, struct model *m, uint64_t ipa, uint64_t flags, uint8_t seed)
{
	uint64_t src = fix_alloc(f), pa = fix_alloc_delegated(f);
	uint8_t *p = pmem_host_ptr(f->pm, src);

	for (unsigned int i = 0; i < 4096; i++)
		p[i] = (uint8_t)(seed * 31 + i * 7 + (i >> 8));
	rt_tables(f, ipa, 3);
	assert_rmi(rc(f, RMI_FID_DATA_CREATE, f->rd, pa, ipa, src, flags, NULL), 0);
	model_data(m, ipa, flags, p);
	return pa;
}

static void ripas(struct fix *f, struct model *m, uint64_t base, uint64_t top, uint64_t want,
		  uint64_t entry)
{
	struct smc_regs r;

	assert_rmi(rc(f, RMI_FID_RTT_INIT_RIPAS, f->rd, base, top, 0, 0, &r), 0);
	assert_int_equal(r.x[1], want);
	for (uint64_t a = base; a < want; a += entry)
		model_ripas(m, a, a + entry);
}

static void rim_matches_model(void **state, unsigned int algo)
{
	struct fix *f = *state;
	struct realm_desc d;
	struct model m;

	realm_desc_default(&d);
	d.hash_algo = algo;
	assert_rmi(fix_realm_create(f, &d), 0);
	model_init(&m, algo, &d);
	expect_rim(f, &m);

	rt_tables(f, 0, 3);
	ripas(f, &m, 0, 0x4000, 0x4000, GRAN);		/* 4 page entries */
	expect_rim(f, &m);
	data(f, &m, 0x1000, 1, 1);			/* measured, on RAM */
	data(f, &m, 0x2000, 0, 2);			/* unmeasured: content zero */
	data(f, &m, 0x9000, 1, 3);			/* measured, on EMPTY */
	expect_rim(f, &m);
	ripas(f, &m, 0x4000, 0x9000 + GRAN, 0x9000, GRAN);	/* stops at the data */
	ripas(f, &m, 0x200000, 0x600000, 0x600000, L2_SIZE);	/* two 2 MiB entries */
	ripas(f, &m, 0x3000, 0x4000, 0x4000, GRAN);		/* RAM again: measured again */
	expect_rim(f, &m);
	data(f, &m, 0x7000, 1, 4);
	data(f, &m, 0x200000 + L1_SIZE, 0, 5);
	/* not measured: DATA_CREATE_UNKNOWN, failures, RTT changes, DATA_DESTROY */
	rt_data_unknown(f, 0xa000);
	assert_rmi(rc(f, RMI_FID_DATA_CREATE, f->rd, fix_alloc_delegated(f), 0x1000, fix_alloc(f), 1,
		      NULL), RET(4, 3));
	assert_rmi(rc(f, RMI_FID_RTT_INIT_RIPAS, f->rd, 0x1000, 0x2000, 0, 0, NULL), RET(4, 3));
	assert_rmi(rc(f, RMI_FID_DATA_DESTROY, f->rd, 0xa000, 0, 0, 0, NULL), 0);
	assert_rmi(rt_create(f, 5 * L1_SIZE, 2, NULL), 0);
	expect_rim(f, &m);
	/* after activation the RIM is final */
	assert_rmi(rc(f, RMI_FID_REALM_ACTIVATE, f->rd, 0, 0, 0, 0, NULL), 0);
	assert_rmi(rc(f, RMI_FID_RTT_INIT_RIPAS, f->rd, 0x600000, 0x800000, 0, 0, NULL), 2);
	expect_rim(f, &m);
}

static void rim_sha256(void **state)
{
	rim_matches_model(state, RMI_HASH_ALGO_SHA_256);
}

static void rim_sha512(void **state)
{
	rim_matches_model(state, RMI_HASH_ALGO_SHA_512);
}

/* A broken content hash or a wrong field would change the RIM: spot-check one flip. */
static void rim_depends_on_content_ipa_and_flags(void **state)
{
	struct fix *f = *state;
	uint8_t a[64], b[64];
	struct realm_desc d;
	uint64_t src = rt_src(f, 9);

	realm_desc_default(&d);
	assert_rmi(fix_realm_create(f, &d), 0);
	rt_tables(f, 0, 3);
	assert_rmi(rc(f, RMI_FID_DATA_CREATE, f->rd, fix_alloc_delegated(f), 0x1000, src, 1, NULL),
		   0);
	assert_int_equal(rmm_realm_measurement(f->rmm, f->rd, 0, a), 0);
	/* a second realm, same everything but one content byte */
	d.vmid = 2;
	((uint8_t *)pmem_host_ptr(f->pm, src))[4095] ^= 1;
	assert_rmi(fix_realm_create(f, &d), 0);
	rt_tables(f, 0, 3);
	assert_rmi(rc(f, RMI_FID_DATA_CREATE, f->rd, fix_alloc_delegated(f), 0x1000, src, 1, NULL),
		   0);
	assert_int_equal(rmm_realm_measurement(f->rmm, f->rd, 0, b), 0);
	assert_memory_not_equal(a, b, 32);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(rim_sha256, fix_setup_v1, fix_teardown),
		cmocka_unit_test_setup_teardown(rim_sha512, fix_setup_v1, fix_teardown),
		cmocka_unit_test_setup_teardown(rim_depends_on_content_ipa_and_flags, fix_setup_v1,
						fix_teardown),
	};

	return cmocka_run_group_tests_name("measurement 1.0", tests, NULL, NULL);
}
