/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Realm attestation (RSI_ATTEST_TOKEN_INIT / _CONTINUE): a CCA attestation
 * token, CBOR tag 399 holding a platform token and a realm token, each a
 * tagged COSE_Sign1 (RFC 9052) wrapped in a byte string, signed ES384.
 *
 * TEST DOUBLE: the realm claims are real (challenge, RPV, RIM, REMs, hash
 * algorithm, the RAK as a COSE_Key) and the signatures are real, made with
 * TEST keys anyone can recompute (attest_sign.c); the platform claims are
 * fixed values marked "cca-double TEST" except the challenge, which binds
 * the RAK as on hardware.  No verifier must ever trust these tokens.
 */
#ifndef FAKE_RMM_ATTEST_H
#define FAKE_RMM_ATTEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ATTEST_CHALLENGE_SIZE 64
#define ATTEST_TOKEN_MAX 4096		/* what ATTEST_TOKEN_INIT reports */
#define ATTEST_P384_POINT_SIZE 97	/* uncompressed: 0x04 || X || Y */

/* CCA token claim keys (draft-ffm-rats-cca-token; TF-RMM attestation_defs). */
#define CCA_TOKEN_TAG 399
#define COSE_SIGN1_TAG 18
#define CCA_PLATFORM_TOKEN 44234
#define CCA_REALM_DELEGATED_TOKEN 44241
#define CCA_CHALLENGE 10
#define CCA_PROFILE 265
#define CCA_REALM_PERSONALIZATION_VALUE 44235
#define CCA_REALM_HASH_ALGO_ID 44236
#define CCA_REALM_PUB_KEY 44237
#define CCA_REALM_INITIAL_MEASUREMENT 44238
#define CCA_REALM_EXTENSIBLE_MEASUREMENTS 44239
#define CCA_REALM_PUB_KEY_HASH_ALGO_ID 44240
#define CCA_REALM_PROFILE_STR "tag:arm.com,2023:realm#1.0.0"

/* Platform claim keys (CCA platform token). */
#define CCA_PLAT_IMPLEMENTATION_ID 2396
#define CCA_PLAT_INSTANCE_ID 256
#define CCA_PLAT_CONFIG 2401
#define CCA_PLAT_LIFECYCLE 2395
#define CCA_PLAT_SW_COMPONENTS 2399
#define CCA_PLAT_VERIFICATION_SERVICE 2400
#define CCA_PLAT_HASH_ALGO_ID 2402
#define CCA_PLAT_PROFILE_STR "tag:arm.com,2023:cca_platform#1.0.0"

struct cbor;
struct realm;
struct attest_state;

/* ---- attest_sign.c: TEST keys, COSE_Key, COSE_Sign1 ---- */

enum attest_key { ATTEST_KEY_RAK, ATTEST_KEY_CPAK, ATTEST_KEYS };
bool attest_public_key(enum attest_key k, uint8_t pub[ATTEST_P384_POINT_SIZE]);
/* The public key as a COSE_Key {kty: EC2, crv: P-384, x, y}; its length or 0. */
size_t attest_cose_key(enum attest_key k, uint8_t *buf, size_t cap);
/* bstr(18([{alg: ES384}, {}, payload, signature])) into c; false if signing failed. */
bool attest_cose_sign1(struct cbor *c, enum attest_key k, const uint8_t *payload, size_t len);

/* ---- attest.c: the token ---- */

/* Builds a signed token for `challenge` into buf; returns its length or 0. */
size_t attest_token_build(const struct realm *r, const uint8_t challenge[ATTEST_CHALLENGE_SIZE],
			  uint8_t *buf, size_t cap);
/* RSI_ATTEST_TOKEN_INIT: (re)starts a token for this REC (claims taken now); the size bound. */
uint64_t attest_token_init(struct attest_state **st, const struct realm *r,
			   const uint8_t challenge[ATTEST_CHALLENGE_SIZE]);
/* A token is being handed out (INIT done, not all bytes copied yet). */
bool attest_token_started(const struct attest_state *st);
/* Its signatures are made (the first CONTINUE signs, and may be interrupted first). */
bool attest_token_signed(const struct attest_state *st);
/* The RMM is signing now and looks for pending interrupts (attest_token_sign's caller). */
bool attest_token_signing(const struct attest_state *st);
void attest_token_set_signing(struct attest_state *st, bool on);
/* Signs the realm token, makes the platform token and the CCA token; false on failure. */
bool attest_token_sign(struct attest_state *st);
/* Copies the next at most `size` bytes to dst; returns how many.  The last byte ends the token. */
uint64_t attest_token_copy(struct attest_state *st, uint8_t *dst, uint64_t size);
void attest_free(struct attest_state *st);

#endif
