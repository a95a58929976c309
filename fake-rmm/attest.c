// SPDX-License-Identifier: BSD-3-Clause
/*
 * The CCA attestation token (see attest.h for what is real and what is a
 * fixed TEST value).  Layout (TF-RMM attestation_token.c, DEN0137 1.0-rel0
 * "Realm attestation token"):
 *
 *   399({ 44234: bstr(18([protected, {}, platform claims, CPAK signature])),
 *         44241: bstr(18([protected, {}, realm claims, RAK signature])) })
 *
 * The realm public key claim is the RAK as a COSE_Key (bstr-wrapped), and
 * the platform token's challenge is its SHA-256 (the realm token's public
 * key hash algorithm), which binds the two tokens.  The 2.0 revisions keep
 * the 1.0 claim set (no realm or platform claim of theirs is described).
 */
#include <stdlib.h>
#include <string.h>

#include "attest.h"
#include "cbor.h"
#include "realm.h"

#define PART_MAX 1024
#define COSE_KEY_MAX 128
#define PLAT_LIFECYCLE_SECURED 0x3000
#define SWCOMP_MEASUREMENT_TYPE 1
#define SWCOMP_MEASUREMENT_VALUE 2
#define SWCOMP_SIGNER_ID 5

struct attest_state {
	bool started, signed_, signing;
	size_t claims_len, len, copied;
	uint8_t claims[PART_MAX];	/* the realm token's payload, taken at INIT */
	uint8_t token[ATTEST_TOKEN_MAX];
};

/* Fixed TEST material: recognisable, never a real identity. */
static void test_pattern(uint8_t *p, size_t n, const char *text)
{
	size_t tl = strlen(text);

	for (size_t i = 0; i < n; i++)
		p[i] = (uint8_t)text[i % tl];
}

static const char *hash_name(enum hash_algo a)
{
	return a == HASH_SHA512 ? "sha-512" : a == HASH_SHA384 ? "sha-384" : "sha-256";
}

static size_t realm_claims(const struct realm *r, const uint8_t *challenge, uint8_t *buf,
			   size_t cap)
{
	size_t hs = hash_size(r->hash_algo), klen;
	uint8_t key[COSE_KEY_MAX];
	struct cbor c;

	klen = attest_cose_key(ATTEST_KEY_RAK, key, sizeof(key));
	if (!klen)
		return 0;
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
	cbor_bstr(&c, key, klen);
	cbor_int(&c, CCA_REALM_PUB_KEY_HASH_ALGO_ID);
	cbor_tstr(&c, hash_name(HASH_SHA256));
	return c.overflow ? 0 : c.len;
}

/* Fixed TEST platform claims; the challenge is the hash of the RAK claim, as on hardware. */
static size_t platform_claims(uint8_t *buf, size_t cap)
{
	uint8_t key[COSE_KEY_MAX], key_hash[32], id[32], inst[33], meas[32], signer[32];
	size_t klen = attest_cose_key(ATTEST_KEY_RAK, key, sizeof(key));
	struct cbor c;

	if (!klen)
		return 0;
	hash_compute(HASH_SHA256, key, klen, key_hash);
	test_pattern(id, sizeof(id), "cca-double TEST implementation ");
	inst[0] = 0x01;			/* UEID type RAND */
	test_pattern(inst + 1, sizeof(inst) - 1, "cca-double TEST instance ");
	test_pattern(meas, sizeof(meas), "cca-double TEST RMM measurement ");
	test_pattern(signer, sizeof(signer), "cca-double TEST signer ");

	cbor_init(&c, buf, cap);
	cbor_map(&c, 9);
	cbor_int(&c, CCA_PROFILE);
	cbor_tstr(&c, CCA_PLAT_PROFILE_STR);
	cbor_int(&c, CCA_CHALLENGE);
	cbor_bstr(&c, key_hash, sizeof(key_hash));
	cbor_int(&c, CCA_PLAT_IMPLEMENTATION_ID);
	cbor_bstr(&c, id, sizeof(id));
	cbor_int(&c, CCA_PLAT_INSTANCE_ID);
	cbor_bstr(&c, inst, sizeof(inst));
	cbor_int(&c, CCA_PLAT_CONFIG);
	cbor_bstr(&c, "cca-double TEST", 15);
	cbor_int(&c, CCA_PLAT_LIFECYCLE);
	cbor_int(&c, PLAT_LIFECYCLE_SECURED);
	cbor_int(&c, CCA_PLAT_SW_COMPONENTS);
	cbor_array(&c, 1);
	cbor_map(&c, 3);
	cbor_int(&c, SWCOMP_MEASUREMENT_TYPE);
	cbor_tstr(&c, "cca-double TEST RMM");
	cbor_int(&c, SWCOMP_MEASUREMENT_VALUE);
	cbor_bstr(&c, meas, sizeof(meas));
	cbor_int(&c, SWCOMP_SIGNER_ID);
	cbor_bstr(&c, signer, sizeof(signer));
	cbor_int(&c, CCA_PLAT_VERIFICATION_SERVICE);
	cbor_tstr(&c, "https://cca-double.invalid/TEST-ONLY");
	cbor_int(&c, CCA_PLAT_HASH_ALGO_ID);
	cbor_tstr(&c, hash_name(HASH_SHA256));
	return c.overflow ? 0 : c.len;
}

/* The CCA token around the realm claims; its length or 0. */
static size_t sign_token(const uint8_t *claims, size_t claims_len, uint8_t *buf, size_t cap)
{
	uint8_t plat[PART_MAX];
	size_t plen = platform_claims(plat, sizeof(plat));
	struct cbor c;
	bool ok;

	if (!plen || !claims_len)
		return 0;
	cbor_init(&c, buf, cap);
	cbor_tag(&c, CCA_TOKEN_TAG);
	cbor_map(&c, 2);
	cbor_int(&c, CCA_PLATFORM_TOKEN);
	ok = attest_cose_sign1(&c, ATTEST_KEY_CPAK, plat, plen);
	cbor_int(&c, CCA_REALM_DELEGATED_TOKEN);
	ok &= attest_cose_sign1(&c, ATTEST_KEY_RAK, claims, claims_len);
	return ok && !c.overflow ? c.len : 0;
}

size_t attest_token_build(const struct realm *r, const uint8_t challenge[ATTEST_CHALLENGE_SIZE],
			  uint8_t *buf, size_t cap)
{
	uint8_t claims[PART_MAX];

	return sign_token(claims, realm_claims(r, challenge, claims, sizeof(claims)), buf, cap);
}

uint64_t attest_token_init(struct attest_state **st, const struct realm *r,
			   const uint8_t challenge[ATTEST_CHALLENGE_SIZE])
{
	struct attest_state *s = *st;

	if (!s) {
		s = *st = calloc(1, sizeof(*s));
		if (!s)
			abort();
	}
	/* The claims are taken now, as TF-RMM builds the realm token at INIT; CONTINUE signs. */
	s->claims_len = realm_claims(r, challenge, s->claims, sizeof(s->claims));
	s->len = 0;
	s->copied = 0;
	s->signed_ = false;
	s->signing = false;
	s->started = s->claims_len != 0;
	return ATTEST_TOKEN_MAX;
}

bool attest_token_started(const struct attest_state *st)
{
	return st && st->started;
}

bool attest_token_signed(const struct attest_state *st)
{
	return st && st->signed_;
}

bool attest_token_signing(const struct attest_state *st)
{
	return st && st->signing;
}

void attest_token_set_signing(struct attest_state *st, bool on)
{
	st->signing = on;
}

bool attest_token_sign(struct attest_state *st)
{
	st->len = sign_token(st->claims, st->claims_len, st->token, sizeof(st->token));
	st->signed_ = st->len != 0;
	if (!st->signed_)
		st->started = false;
	return st->signed_;
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
