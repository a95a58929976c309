/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Realm attestation (RSI_ATTEST_TOKEN_INIT / _CONTINUE): a CCA attestation
 * token, CBOR tag 399 holding a platform token and a realm token, each a
 * tagged COSE_Sign1 (RFC 9052) wrapped in a byte string.
 *
 * TEST DOUBLE: the realm claims are real (challenge, RPV, RIM, REMs, hash
 * algorithm); the platform claims are fixed values marked "cca-double
 * TEST", the realm public key is a fixed test key and both signatures are a
 * fixed test pattern.  No verifier must ever trust these tokens.
 */
#ifndef FAKE_RMM_ATTEST_H
#define FAKE_RMM_ATTEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ATTEST_CHALLENGE_SIZE 64
#define ATTEST_TOKEN_MAX 4096		/* what ATTEST_TOKEN_INIT reports */

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

struct realm;
struct attest_state;

/* Builds the token for `challenge` into buf; returns its length or 0 if cap is short. */
size_t attest_token_build(const struct realm *r, const uint8_t challenge[ATTEST_CHALLENGE_SIZE],
			  uint8_t *buf, size_t cap);
/* RSI_ATTEST_TOKEN_INIT: (re)starts a token for this REC; returns the size bound. */
uint64_t attest_token_init(struct attest_state **st, const struct realm *r,
			   const uint8_t challenge[ATTEST_CHALLENGE_SIZE]);
/* A token is being handed out (INIT done, not all bytes copied yet). */
bool attest_token_started(const struct attest_state *st);
/* Copies the next at most `size` bytes to dst; returns how many.  The last byte ends the token. */
uint64_t attest_token_copy(struct attest_state *st, uint8_t *dst, uint64_t size);
void attest_free(struct attest_state *st);

#endif
