// SPDX-License-Identifier: BSD-3-Clause
/*
 * The CCA attestation token (see attest.h for what is real and what is a
 * fixed TEST value).  Layout:
 *
 *   399({ 44234: bstr(18([protected, {}, payload, signature]))  -- platform
 *         44241: bstr(18([protected, {}, payload, signature])) }) -- realm
 */
#include <stdlib.h>
#include <string.h>

#include "attest.h"
#include "cbor.h"
#include "realm.h"

#define COSE_HEADER_ALG 1
#define COSE_ALG_ES384 (-35)
#define ES384_SIGNATURE_SIZE 96
#define P384_POINT_SIZE 97		/* uncompressed: 0x04 || X || Y */
#define PLATFORM_PART_MAX 1024

/* Platform claim keys (CCA platform token). */
#define PLAT_IMPLEMENTATION_ID 2396
#define PLAT_INSTANCE_ID 256
#define PLAT_CONFIG 2401
#define PLAT_LIFECYCLE 2395
#define PLAT_SW_COMPONENTS 2399
#define PLAT_VERIFICATION_SERVICE 2400
#define PLAT_HASH_ALGO_ID 2402
#define PLAT_PROFILE_STR "tag:arm.com,2023:cca_platform#1.0.0"
#define PLAT_LIFECYCLE_SECURED 0x3000
#define SWCOMP_MEASUREMENT_TYPE 1
#define SWCOMP_MEASUREMENT_VALUE 2
#define SWCOMP_SIGNER_ID 5

struct attest_state {
	bool started;
	size_t len, copied;
	uint8_t token[ATTEST_TOKEN_MAX];
};

/* Fixed TEST material: recognisable, never a real key or signature. */
static void test_pattern(uint8_t *p, size_t n, const char *text)
{
	size_t tl = strlen(text);

	for (size_t i = 0; i < n; i++)
		p[i] = (uint8_t)text[i % tl];
}

static void test_realm_key(uint8_t key[P384_POINT_SIZE])
{
	key[0] = 0x04;
	test_pattern(key + 1, P384_POINT_SIZE - 1, "cca-double TEST realm key ");
}

static const char *hash_name(enum hash_algo a)
{
	return a == HASH_SHA512 ? "sha-512" : a == HASH_SHA384 ? "sha-384" : "sha-256";
}

/* bstr(18([bstr({1: ES384}), {}, bstr(payload), bstr(TEST signature)])) into c. */
static void cose_sign1(struct cbor *c, const uint8_t *payload, size_t len)
{
	uint8_t prot[8], sig[ES384_SIGNATURE_SIZE], *inner;
	struct cbor p, s;
	size_t cap = len + 256;

	cbor_init(&p, prot, sizeof(prot));
	cbor_map(&p, 1);
	cbor_int(&p, COSE_HEADER_ALG);
	cbor_int(&p, COSE_ALG_ES384);
	test_pattern(sig, sizeof(sig), "cca-double TEST signature, not valid ");

	inner = malloc(cap);
	if (!inner)
		abort();
	cbor_init(&s, inner, cap);
	cbor_tag(&s, COSE_SIGN1_TAG);
	cbor_array(&s, 4);
	cbor_bstr(&s, prot, p.len);
	cbor_map(&s, 0);
	cbor_bstr(&s, payload, len);
	cbor_bstr(&s, sig, sizeof(sig));
	cbor_bstr(c, inner, s.len);
	c->overflow |= s.overflow;
	free(inner);
}

static size_t realm_claims(const struct realm *r, const uint8_t *challenge, uint8_t *buf,
			   size_t cap)
{
	size_t hs = hash_size(r->hash_algo);
	uint8_t key[P384_POINT_SIZE];
	struct cbor c;

	test_realm_key(key);
	cbor_init(&c, buf, cap);
	cbor_map(&c, 8);
	cbor_int(&c, CCA_CHALLENGE);
	cbor_bstr(&c, challenge, ATTEST_CHALLENGE_SIZE);
	cbor_int(&c, CCA_PROFILE);
	cbor_tstr(&c, CCA_REALM_PROFILE_STR);
	cbor_int(&c, CCA_REALM_PERSONALIZATION_VALUE);
	cbor_bstr(&c, r->rpv, sizeof(r->rpv));
	cbor_int(&c, CCA_REALM_INITIAL_MEASUREMENT);
	cbor_bstr(&c, r->measurements[0], hs);
	cbor_int(&c, CCA_REALM_EXTENSIBLE_MEASUREMENTS);
	cbor_array(&c, MEASUREMENT_SLOTS - 1);
	for (unsigned int i = 1; i < MEASUREMENT_SLOTS; i++)
		cbor_bstr(&c, r->measurements[i], hs);
	cbor_int(&c, CCA_REALM_HASH_ALGO_ID);
	cbor_tstr(&c, hash_name(r->hash_algo));
	cbor_int(&c, CCA_REALM_PUB_KEY);
	cbor_bstr(&c, key, sizeof(key));
	cbor_int(&c, CCA_REALM_PUB_KEY_HASH_ALGO_ID);
	cbor_tstr(&c, "sha-256");
	return c.overflow ? 0 : c.len;
}

/* Fixed TEST platform claims; the challenge binds the realm key, as on hardware. */
static size_t platform_claims(uint8_t *buf, size_t cap)
{
	uint8_t key[P384_POINT_SIZE], key_hash[32], id[32], inst[33], meas[32], signer[32];
	struct cbor c;

	test_realm_key(key);
	hash_compute(HASH_SHA256, key, sizeof(key), key_hash);
	test_pattern(id, sizeof(id), "cca-double TEST implementation ");
	inst[0] = 0x01;			/* UEID type RAND */
	test_pattern(inst + 1, sizeof(inst) - 1, "cca-double TEST instance ");
	test_pattern(meas, sizeof(meas), "cca-double TEST RMM measurement ");
	test_pattern(signer, sizeof(signer), "cca-double TEST signer ");

	cbor_init(&c, buf, cap);
	cbor_map(&c, 9);
	cbor_int(&c, CCA_PROFILE);
	cbor_tstr(&c, PLAT_PROFILE_STR);
	cbor_int(&c, CCA_CHALLENGE);
	cbor_bstr(&c, key_hash, sizeof(key_hash));
	cbor_int(&c, PLAT_IMPLEMENTATION_ID);
	cbor_bstr(&c, id, sizeof(id));
	cbor_int(&c, PLAT_INSTANCE_ID);
	cbor_bstr(&c, inst, sizeof(inst));
	cbor_int(&c, PLAT_CONFIG);
	cbor_bstr(&c, "cca-double TEST", 15);
	cbor_int(&c, PLAT_LIFECYCLE);
	cbor_int(&c, PLAT_LIFECYCLE_SECURED);
	cbor_int(&c, PLAT_SW_COMPONENTS);
	cbor_array(&c, 1);
	cbor_map(&c, 3);
	cbor_int(&c, SWCOMP_MEASUREMENT_TYPE);
	cbor_tstr(&c, "cca-double TEST RMM");
	cbor_int(&c, SWCOMP_MEASUREMENT_VALUE);
	cbor_bstr(&c, meas, sizeof(meas));
	cbor_int(&c, SWCOMP_SIGNER_ID);
	cbor_bstr(&c, signer, sizeof(signer));
	cbor_int(&c, PLAT_VERIFICATION_SERVICE);
	cbor_tstr(&c, "https://cca-double.invalid/TEST-ONLY");
	cbor_int(&c, PLAT_HASH_ALGO_ID);
	cbor_tstr(&c, "sha-256");
	return c.overflow ? 0 : c.len;
}

size_t attest_token_build(const struct realm *r, const uint8_t challenge[ATTEST_CHALLENGE_SIZE],
			  uint8_t *buf, size_t cap)
{
	uint8_t plat[PLATFORM_PART_MAX], realm[PLATFORM_PART_MAX];
	size_t plen = platform_claims(plat, sizeof(plat));
	size_t rlen = realm_claims(r, challenge, realm, sizeof(realm));
	struct cbor c;

	if (!plen || !rlen)
		return 0;
	cbor_init(&c, buf, cap);
	cbor_tag(&c, CCA_TOKEN_TAG);
	cbor_map(&c, 2);
	cbor_int(&c, CCA_PLATFORM_TOKEN);
	cose_sign1(&c, plat, plen);
	cbor_int(&c, CCA_REALM_DELEGATED_TOKEN);
	cose_sign1(&c, realm, rlen);
	return c.overflow ? 0 : c.len;
}

uint64_t attest_token_init(struct attest_state **st, const struct realm *r,
			   const uint8_t challenge[ATTEST_CHALLENGE_SIZE])
{
	if (!*st) {
		*st = calloc(1, sizeof(**st));
		if (!*st)
			abort();
	}
	/* The claims are taken now, as TF-RMM builds the realm token at INIT. */
	(*st)->len = attest_token_build(r, challenge, (*st)->token, sizeof((*st)->token));
	(*st)->copied = 0;
	(*st)->started = (*st)->len != 0;
	return ATTEST_TOKEN_MAX;
}

bool attest_token_started(const struct attest_state *st)
{
	return st && st->started;
}

uint64_t attest_token_copy(struct attest_state *st, uint8_t *dst, uint64_t size)
{
	size_t left = st->len - st->copied;
	size_t n = size < left ? (size_t)size : left;

	memcpy(dst, st->token + st->copied, n);
	st->copied += n;
	if (st->copied == st->len)
		st->started = false;	/* a new INIT is needed for the next token */
	return n;
}

void attest_free(struct attest_state *st)
{
	free(st);
}
