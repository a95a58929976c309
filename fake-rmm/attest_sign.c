// SPDX-License-Identifier: BSD-3-Clause
/*
 * Signing keys and COSE_Sign1 (RFC 9052 §4.2, §4.4) for the attestation
 * token: ES384 (ECDSA P-384 with SHA-384, COSE algorithm -35) through
 * libcrypto.
 *
 * Two TEST keys, each derived from a fixed seed text (the private scalar
 * is SHA-384 of the text reduced modulo the group order): the realm
 * attestation key (RAK), whose public key every realm token carries as a
 * COSE_Key, and the CCA platform attestation key (CPAK) that signs the
 * platform token.  Anyone can recompute them: a verifier must never trust
 * a token they sign; they exist so the signatures are real and checkable.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/param_build.h>

#include <cca-double/rmm.h>

#include "attest.h"
#include "cbor.h"

#define COSE_HEADER_ALG 1
#define COSE_ALG_ES384 (-35)
#define P384_COORD_SIZE 48
#define ES384_SIGNATURE_SIZE (2 * P384_COORD_SIZE)
#define SIG_CONTEXT "Signature1"

/* COSE_Key labels and values (RFC 9052 §7, RFC 9053 §7.1). */
#define COSE_KEY_KTY 1
#define COSE_KEY_KTY_EC2 2
#define COSE_KEY_EC2_CRV (-1)
#define COSE_KEY_EC2_X (-2)
#define COSE_KEY_EC2_Y (-3)
#define COSE_CRV_P384 2

static const char *const key_seed[ATTEST_KEYS] = {
	[ATTEST_KEY_RAK] = "cca-double TEST realm attestation key (RAK), not secret",
	[ATTEST_KEY_CPAK] = "cca-double TEST CCA platform attestation key (CPAK), not secret",
};

static struct {
	EVP_PKEY *pkey;
	uint8_t pub[ATTEST_P384_POINT_SIZE];
} keys[ATTEST_KEYS];
static pthread_once_t keys_once = PTHREAD_ONCE_INIT;
static bool keys_ok;

static EVP_PKEY *key_from_seed(const char *seed, uint8_t pub[ATTEST_P384_POINT_SIZE])
{
	EC_GROUP *group = EC_GROUP_new_by_curve_name(NID_secp384r1);
	BN_CTX *bn = BN_CTX_new();
	BIGNUM *d = NULL;
	EC_POINT *q = NULL;
	OSSL_PARAM_BLD *bld = NULL;
	OSSL_PARAM *params = NULL;
	EVP_PKEY_CTX *pctx = NULL;
	EVP_PKEY *pkey = NULL;
	uint8_t digest[EVP_MAX_MD_SIZE];
	unsigned int n = 0;

	if (!group || !bn || !EVP_Digest(seed, strlen(seed), digest, &n, EVP_sha384(), NULL))
		goto out;
	d = BN_bin2bn(digest, (int)n, NULL);
	q = EC_POINT_new(group);
	if (!d || !q || !BN_nnmod(d, d, EC_GROUP_get0_order(group), bn))
		goto out;
	if (BN_is_zero(d))
		BN_one(d);
	if (!EC_POINT_mul(group, q, d, NULL, NULL, bn) ||
	    EC_POINT_point2oct(group, q, POINT_CONVERSION_UNCOMPRESSED, pub,
			       ATTEST_P384_POINT_SIZE, bn) != ATTEST_P384_POINT_SIZE)
		goto out;
	bld = OSSL_PARAM_BLD_new();
	if (!bld || !OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, SN_secp384r1, 0) ||
	    !OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_PRIV_KEY, d) ||
	    !OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, pub,
					      ATTEST_P384_POINT_SIZE))
		goto out;
	params = OSSL_PARAM_BLD_to_param(bld);
	pctx = EVP_PKEY_CTX_new_from_name(NULL, "EC", NULL);
	if (!params || !pctx || EVP_PKEY_fromdata_init(pctx) <= 0 ||
	    EVP_PKEY_fromdata(pctx, &pkey, EVP_PKEY_KEYPAIR, params) <= 0)
		pkey = NULL;
out:
	EVP_PKEY_CTX_free(pctx);
	OSSL_PARAM_free(params);
	OSSL_PARAM_BLD_free(bld);
	EC_POINT_free(q);
	BN_clear_free(d);
	BN_CTX_free(bn);
	EC_GROUP_free(group);
	return pkey;
}

static void keys_init(void)
{
	keys_ok = true;
	for (unsigned int i = 0; i < ATTEST_KEYS; i++) {
		keys[i].pkey = key_from_seed(key_seed[i], keys[i].pub);
		keys_ok &= keys[i].pkey != NULL;
	}
}

static bool keys_ready(void)
{
	pthread_once(&keys_once, keys_init);
	return keys_ok;
}

bool attest_public_key(enum attest_key k, uint8_t pub[ATTEST_P384_POINT_SIZE])
{
	if (!keys_ready())
		return false;
	memcpy(pub, keys[k].pub, ATTEST_P384_POINT_SIZE);
	return true;
}

void rmm_attest_public_keys(uint8_t rak[97], uint8_t cpak[97])
{
	if (!attest_public_key(ATTEST_KEY_RAK, rak))
		memset(rak, 0, ATTEST_P384_POINT_SIZE);
	if (!attest_public_key(ATTEST_KEY_CPAK, cpak))
		memset(cpak, 0, ATTEST_P384_POINT_SIZE);
}

size_t attest_cose_key(enum attest_key k, uint8_t *buf, size_t cap)
{
	uint8_t pub[ATTEST_P384_POINT_SIZE];
	struct cbor c;

	if (!attest_public_key(k, pub))
		return 0;
	/* Deterministic order (RFC 8949 §4.2.1): 1, -1, -2, -3. */
	cbor_init(&c, buf, cap);
	cbor_map(&c, 4);
	cbor_int(&c, COSE_KEY_KTY);
	cbor_int(&c, COSE_KEY_KTY_EC2);
	cbor_int(&c, COSE_KEY_EC2_CRV);
	cbor_int(&c, COSE_CRV_P384);
	cbor_int(&c, COSE_KEY_EC2_X);
	cbor_bstr(&c, pub + 1, P384_COORD_SIZE);
	cbor_int(&c, COSE_KEY_EC2_Y);
	cbor_bstr(&c, pub + 1 + P384_COORD_SIZE, P384_COORD_SIZE);
	return c.overflow ? 0 : c.len;
}

/* ES384 over msg: r || s, 48 bytes each (RFC 9053 §2.1), not DER. */
static bool es384_sign(enum attest_key k, const uint8_t *msg, size_t len,
		       uint8_t sig[ES384_SIGNATURE_SIZE])
{
	EVP_MD_CTX *mc = EVP_MD_CTX_new();
	uint8_t der[128];
	size_t der_len = sizeof(der);
	const unsigned char *p = der;
	ECDSA_SIG *s = NULL;
	const BIGNUM *r, *sv;
	bool ok = false;

	if (mc && EVP_DigestSignInit(mc, NULL, EVP_sha384(), NULL, keys[k].pkey) > 0 &&
	    EVP_DigestSign(mc, der, &der_len, msg, len) > 0)
		s = d2i_ECDSA_SIG(NULL, &p, (long)der_len);
	if (s) {
		ECDSA_SIG_get0(s, &r, &sv);
		ok = BN_bn2binpad(r, sig, P384_COORD_SIZE) == P384_COORD_SIZE &&
		     BN_bn2binpad(sv, sig + P384_COORD_SIZE, P384_COORD_SIZE) == P384_COORD_SIZE;
	}
	ECDSA_SIG_free(s);
	EVP_MD_CTX_free(mc);
	return ok;
}

bool attest_cose_sign1(struct cbor *c, enum attest_key k, const uint8_t *payload, size_t len)
{
	static const uint8_t no_aad[1];
	uint8_t prot[8], sig[ES384_SIGNATURE_SIZE], *tbs, *msg;
	size_t cap = len + 64, msg_cap = len + 256;
	struct cbor p, t, m;
	bool ok;

	if (!keys_ready())
		return false;
	/* Protected header: {alg: ES384}. */
	cbor_init(&p, prot, sizeof(prot));
	cbor_map(&p, 1);
	cbor_int(&p, COSE_HEADER_ALG);
	cbor_int(&p, COSE_ALG_ES384);
	/* Sig_structure = ["Signature1", protected, external_aad = h'', payload]. */
	tbs = malloc(cap);
	msg = malloc(msg_cap);
	if (!tbs || !msg)
		abort();
	cbor_init(&t, tbs, cap);
	cbor_array(&t, 4);
	cbor_tstr(&t, SIG_CONTEXT);
	cbor_bstr(&t, prot, p.len);
	cbor_bstr(&t, no_aad, 0);
	cbor_bstr(&t, payload, len);
	ok = !t.overflow && es384_sign(k, tbs, t.len, sig);
	/* 18([protected, unprotected {}, payload, signature]), carried as a bstr. */
	cbor_init(&m, msg, msg_cap);
	cbor_tag(&m, COSE_SIGN1_TAG);
	cbor_array(&m, 4);
	cbor_bstr(&m, prot, p.len);
	cbor_map(&m, 0);
	cbor_bstr(&m, payload, len);
	cbor_bstr(&m, sig, sizeof(sig));
	cbor_bstr(c, msg, m.len);
	c->overflow |= m.overflow;
	free(tbs);
	free(msg);
	return ok && !m.overflow;
}
