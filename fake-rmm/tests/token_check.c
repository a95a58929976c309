// SPDX-License-Identifier: BSD-3-Clause
#include "token_check.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include <cca-double/rmm.h>

/* ---- CBOR reading (RFC 8949 §3; definite lengths only) ---- */

struct cb {
	unsigned int major;
	uint64_t arg;
};

static const uint8_t *rd_head(const uint8_t *p, const uint8_t *end, struct cb *it)
{
	unsigned int ai;

	if (!p || p >= end)
		return NULL;
	it->major = *p >> 5;
	ai = *p++ & 0x1f;
	if (ai < 24) {
		it->arg = ai;
		return p;
	}
	if (ai > 27)
		return NULL;
	it->arg = 0;
	for (unsigned int i = 0; i < 1u << (ai - 24); i++) {
		if (p >= end)
			return NULL;
		it->arg = it->arg << 8 | *p++;
	}
	return p;
}

static const uint8_t *rd_skip(const uint8_t *p, const uint8_t *end, unsigned int depth)
{
	struct cb it;

	if (depth > 16 || !(p = rd_head(p, end, &it)))
		return NULL;
	switch (it.major) {
	case 2:
	case 3:
		return it.arg <= (uint64_t)(end - p) ? p + it.arg : NULL;
	case 4:
	case 5:
		for (uint64_t i = 0; p && i < it.arg * (it.major == 5 ? 2 : 1); i++)
			p = rd_skip(p, end, depth + 1);
		return p;
	case 6:
		return rd_skip(p, end, depth + 1);
	default:
		return p;
	}
}

static bool is_int(const struct cb *k, int64_t v)
{
	return (k->major == 0 && v >= 0 && k->arg == (uint64_t)v) ||
	       (k->major == 1 && v < 0 && k->arg == (uint64_t)(-1 - v));
}

/* The value of integer key `key` in the map at p (NULL if absent); *count the entries. */
static const uint8_t *rd_map_get(const uint8_t *p, const uint8_t *end, int64_t key,
				 uint64_t *count)
{
	struct cb m, k;
	const uint8_t *found = NULL;

	p = rd_head(p, end, &m);
	assert_non_null(p);
	assert_int_equal(m.major, 5);
	if (count)
		*count = m.arg;
	for (uint64_t i = 0; i < m.arg; i++) {
		const uint8_t *kp = p;

		assert_non_null(rd_head(kp, end, &k));
		p = rd_skip(kp, end, 0);
		assert_non_null(p);
		if (is_int(&k, key))
			found = p;
		p = rd_skip(p, end, 0);
		assert_non_null(p);
	}
	return found;
}

static const uint8_t *rd_str(const uint8_t *p, const uint8_t *end, unsigned int major,
			     size_t *len)
{
	struct cb it;

	assert_non_null(p);
	p = rd_head(p, end, &it);
	assert_non_null(p);
	assert_int_equal(it.major, major);
	assert_true(it.arg <= (uint64_t)(end - p));
	*len = (size_t)it.arg;
	return p;
}

static void expect_bstr(const uint8_t *p, const uint8_t *end, const void *want, size_t len)
{
	size_t n;
	const uint8_t *b = rd_str(p, end, 2, &n);

	assert_int_equal(n, len);
	if (want)
		assert_memory_equal(b, want, len);
}

static void expect_tstr(const uint8_t *p, const uint8_t *end, const char *want)
{
	size_t n;
	const uint8_t *t = rd_str(p, end, 3, &n);

	assert_int_equal(n, strlen(want));
	assert_memory_equal(t, want, n);
}

static int64_t rd_int(const uint8_t *p, const uint8_t *end)
{
	struct cb it;

	assert_non_null(rd_head(p, end, &it));
	assert_true(it.major <= 1);
	return it.major == 0 ? (int64_t)it.arg : -1 - (int64_t)it.arg;
}

/* ---- COSE_Sign1 (RFC 9052 §4.2) and its verification ---- */

struct sign1 {
	const uint8_t *prot, *payload, *sig;
	size_t prot_len, payload_len, sig_len;
};

static bool parse_sign1(const uint8_t *bstr, size_t len, struct sign1 *s)
{
	const uint8_t *end, *p;
	struct cb it;

	p = rd_head(bstr, bstr + len, &it);
	if (!p || it.major != 2 || it.arg > (uint64_t)(bstr + len - p))
		return false;
	end = p + it.arg;
	if (!(p = rd_head(p, end, &it)) || it.major != 6 || it.arg != 18)
		return false;
	if (!(p = rd_head(p, end, &it)) || it.major != 4 || it.arg != 4)
		return false;
	s->prot = rd_str(p, end, 2, &s->prot_len);
	p = rd_skip(p, end, 0);
	if (!(p = rd_skip(p, end, 0)))			/* unprotected: a map */
		return false;
	s->payload = rd_str(p, end, 2, &s->payload_len);
	p = rd_skip(p, end, 0);
	s->sig = rd_str(p, end, 2, &s->sig_len);
	return rd_skip(p, end, 0) == end;
}

static size_t put_head(uint8_t *b, unsigned int major, uint64_t arg)
{
	unsigned int n = arg < 24 ? 0 : arg <= 0xff ? 1 : arg <= 0xffff ? 2 : arg <= 0xffffffff ? 4 : 8;

	b[0] = (uint8_t)(major << 5 | (n == 0 ? arg : n == 1 ? 24 : n == 2 ? 25 : n == 4 ? 26 : 27));
	for (unsigned int i = 0; i < n; i++)
		b[1 + i] = (uint8_t)(arg >> (8 * (n - 1 - i)));
	return 1 + n;
}

static EVP_PKEY *public_key(const uint8_t pub[97])
{
	OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
	OSSL_PARAM *params = NULL;
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, "EC", NULL);
	EVP_PKEY *k = NULL;

	if (bld && ctx && OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, "P-384", 0) &&
	    OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, pub, 97) &&
	    (params = OSSL_PARAM_BLD_to_param(bld)) && EVP_PKEY_fromdata_init(ctx) > 0 &&
	    EVP_PKEY_fromdata(ctx, &k, EVP_PKEY_PUBLIC_KEY, params) <= 0)
		k = NULL;
	OSSL_PARAM_free(params);
	OSSL_PARAM_BLD_free(bld);
	EVP_PKEY_CTX_free(ctx);
	return k;
}

/* Sig_structure = ["Signature1", body_protected, external_aad = h'', payload]. */
static bool verify_sign1(const struct sign1 *s, const uint8_t pub[97])
{
	size_t cap = s->prot_len + s->payload_len + 64, n = 0;
	uint8_t *tbs = malloc(cap), *der = NULL;
	EVP_PKEY *k = public_key(pub);
	EVP_MD_CTX *mc = EVP_MD_CTX_new();
	ECDSA_SIG *sig = ECDSA_SIG_new();
	BIGNUM *r, *sv;
	int der_len;
	bool ok = false;

	assert_non_null(tbs);
	n += put_head(tbs + n, 4, 4);
	n += put_head(tbs + n, 3, 10);
	memcpy(tbs + n, "Signature1", 10);
	n += 10;
	n += put_head(tbs + n, 2, s->prot_len);
	memcpy(tbs + n, s->prot, s->prot_len);
	n += s->prot_len;
	n += put_head(tbs + n, 2, 0);
	n += put_head(tbs + n, 2, s->payload_len);
	memcpy(tbs + n, s->payload, s->payload_len);
	n += s->payload_len;
	if (k && mc && sig && s->sig_len == 96) {
		/* COSE carries r || s (RFC 9053 §2.1); libcrypto verifies DER. */
		r = BN_bin2bn(s->sig, 48, NULL);
		sv = BN_bin2bn(s->sig + 48, 48, NULL);
		if (r && sv && ECDSA_SIG_set0(sig, r, sv)) {
			der_len = i2d_ECDSA_SIG(sig, &der);
			ok = der_len > 0 && EVP_DigestVerifyInit(mc, NULL, EVP_sha384(), NULL, k) > 0 &&
			     EVP_DigestVerify(mc, der, (size_t)der_len, tbs, n) == 1;
		} else {
			BN_free(r);
			BN_free(sv);
		}
	}
	OPENSSL_free(der);
	ECDSA_SIG_free(sig);
	EVP_MD_CTX_free(mc);
	EVP_PKEY_free(k);
	free(tbs);
	return ok;
}

bool token_sign1_verifies(const uint8_t *bstr_sign1, size_t len, const uint8_t pub[97])
{
	struct sign1 s;

	return parse_sign1(bstr_sign1, len, &s) && verify_sign1(&s, pub);
}

/* Protected header {1 (alg): -35 (ES384)} and nothing else. */
static void check_protected(const struct sign1 *s)
{
	const uint8_t *end = s->prot + s->prot_len;
	uint64_t count;
	const uint8_t *alg = rd_map_get(s->prot, end, 1, &count);

	assert_int_equal(count, 1);
	assert_non_null(alg);
	assert_int_equal(rd_int(alg, end), -35);
}

/* The realm public key claim: a COSE_Key {1: 2 (EC2), -1: 2 (P-384), -2: x, -3: y}. */
static void check_cose_key(const uint8_t *key, size_t len, uint8_t pub[97])
{
	const uint8_t *end = key + len, *x, *y;
	uint64_t count;
	size_t n;

	assert_ptr_equal(rd_skip(key, end, 0), end);
	assert_int_equal(rd_int(rd_map_get(key, end, 1, &count), end), 2);
	assert_int_equal(count, 4);
	assert_int_equal(rd_int(rd_map_get(key, end, -1, NULL), end), 2);
	x = rd_str(rd_map_get(key, end, -2, NULL), end, 2, &n);
	assert_int_equal(n, 48);
	y = rd_str(rd_map_get(key, end, -3, NULL), end, 2, &n);
	assert_int_equal(n, 48);
	pub[0] = 0x04;
	memcpy(pub + 1, x, 48);
	memcpy(pub + 49, y, 48);
}

static void check_realm_claims(const struct sign1 *s, const struct token_expect *e,
			       uint8_t rak[97], const uint8_t **key, size_t *key_len)
{
	const uint8_t *p = s->payload, *end = p + s->payload_len, *v;
	uint64_t count;
	struct cb it;

	assert_ptr_equal(rd_skip(p, end, 0), end);
	expect_bstr(rd_map_get(p, end, 10, &count), end, e->challenge, 64);
	assert_int_equal(count, 8);
	expect_tstr(rd_map_get(p, end, 265, NULL), end, "tag:arm.com,2023:realm#1.0.0");
	expect_bstr(rd_map_get(p, end, 44235, NULL), end, e->rpv, 64);
	expect_tstr(rd_map_get(p, end, 44236, NULL), end, e->hash_name);
	*key = rd_str(rd_map_get(p, end, 44237, NULL), end, 2, key_len);
	check_cose_key(*key, *key_len, rak);
	expect_bstr(rd_map_get(p, end, 44238, NULL), end, e->rim, e->hash_size);
	v = rd_map_get(p, end, 44239, NULL);
	assert_non_null(v = rd_head(v, end, &it));
	assert_int_equal(it.major, 4);
	assert_int_equal(it.arg, 4);
	for (unsigned int i = 0; i < 4; i++) {
		expect_bstr(v, end, e->rem[i], e->hash_size);
		v = rd_skip(v, end, 0);
	}
	expect_tstr(rd_map_get(p, end, 44240, NULL), end, "sha-256");
}

static void check_platform_claims(const struct sign1 *s, const uint8_t *rak_claim,
				  size_t rak_claim_len)
{
	const uint8_t *p = s->payload, *end = p + s->payload_len, *v, *c;
	uint8_t key_hash[32];
	unsigned int hl = 0;
	uint64_t count, lifecycle;
	struct cb it;
	size_t n;

	assert_ptr_equal(rd_skip(p, end, 0), end);
	expect_tstr(rd_map_get(p, end, 265, &count), end, "tag:arm.com,2023:cca_platform#1.0.0");
	/* Every mandatory claim, the verification service being optional. */
	assert_true(count == 8 || count == 9);
	assert_int_equal(EVP_Digest(rak_claim, rak_claim_len, key_hash, &hl, EVP_sha256(), NULL), 1);
	expect_bstr(rd_map_get(p, end, 10, NULL), end, key_hash, 32);
	expect_bstr(rd_map_get(p, end, 2396, NULL), end, NULL, 32);	/* implementation id */
	c = rd_str(rd_map_get(p, end, 256, NULL), end, 2, &n);		/* instance id: UEID */
	assert_int_equal(n, 33);
	assert_int_equal(c[0], 0x01);					/* type RAND */
	rd_str(rd_map_get(p, end, 2401, NULL), end, 2, &n);		/* platform config */
	lifecycle = (uint64_t)rd_int(rd_map_get(p, end, 2395, NULL), end);
	assert_true(lifecycle >= 0x3000 && lifecycle <= 0x30ff);	/* secured */
	v = rd_map_get(p, end, 2399, NULL);				/* software components */
	assert_non_null(v = rd_head(v, end, &it));
	assert_int_equal(it.major, 4);
	assert_true(it.arg >= 1);
	for (uint64_t i = 0; i < it.arg; i++) {
		rd_str(rd_map_get(v, end, 2, NULL), end, 2, &n);	/* measurement value */
		rd_str(rd_map_get(v, end, 5, NULL), end, 2, &n);	/* signer id */
		v = rd_skip(v, end, 0);
	}
	if (count == 9)
		rd_str(rd_map_get(p, end, 2400, NULL), end, 3, &n);	/* verification service */
	expect_tstr(rd_map_get(p, end, 2402, NULL), end, "sha-256");
}

void token_check(const uint8_t *token, size_t len, const struct token_expect *e)
{
	const uint8_t *end = token + len, *p, *plat, *realm, *rak_claim;
	uint8_t rak[97], want_rak[97], cpak[97], *copy;
	struct sign1 ps, rs;
	size_t plat_len, realm_len, rak_claim_len;
	uint64_t count;
	struct cb it;

	assert_ptr_equal(rd_skip(token, end, 0), end);
	p = rd_head(token, end, &it);
	assert_non_null(p);
	assert_int_equal(it.major, 6);
	assert_int_equal(it.arg, 399);
	plat = rd_map_get(p, end, 44234, &count);
	assert_int_equal(count, 2);
	realm = rd_map_get(p, end, 44241, NULL);
	assert_non_null(plat);
	assert_non_null(realm);
	plat_len = (size_t)(rd_skip(plat, end, 0) - plat);
	realm_len = (size_t)(rd_skip(realm, end, 0) - realm);
	assert_true(parse_sign1(plat, plat_len, &ps));
	assert_true(parse_sign1(realm, realm_len, &rs));
	check_protected(&ps);
	check_protected(&rs);
	check_realm_claims(&rs, e, rak, &rak_claim, &rak_claim_len);
	check_platform_claims(&ps, rak_claim, rak_claim_len);

	/* The signatures, with the key in the claim and the platform's key. */
	rmm_attest_public_keys(want_rak, cpak);
	assert_memory_equal(rak, want_rak, sizeof(rak));
	assert_true(verify_sign1(&rs, rak));
	assert_true(verify_sign1(&ps, cpak));
	assert_false(verify_sign1(&rs, cpak));
	/* One payload byte changed: neither verifies. */
	copy = malloc(len);
	assert_non_null(copy);
	memcpy(copy, token, len);
	copy[rs.payload - token + rs.payload_len / 2] ^= 1;
	copy[ps.payload - token + ps.payload_len / 2] ^= 1;
	assert_false(token_sign1_verifies(copy + (realm - token), realm_len, rak));
	assert_false(token_sign1_verifies(copy + (plat - token), plat_len, cpak));
	free(copy);
}
