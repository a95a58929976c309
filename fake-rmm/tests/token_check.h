/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * An independent check of a CCA attestation token, written for the tests
 * from the documents, not from the RMM's encoder: a CBOR reader (RFC 8949),
 * the COSE_Sign1 structure and its Sig_structure (RFC 9052 §4.2, §4.4),
 * ES384 verification with libcrypto's ECDSA, and every realm and platform
 * claim of the CCA token (DEN0137 1.0-rel0 "Realm attestation token",
 * draft-ffm-rats-cca-token).  Failures are cmocka assertions.
 */
#ifndef FAKE_RMM_TEST_TOKEN_CHECK_H
#define FAKE_RMM_TEST_TOKEN_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct token_expect {
	const uint8_t *challenge;	/* 64 bytes */
	const uint8_t *rpv;		/* 64 bytes */
	const uint8_t *rim;		/* hash_size bytes */
	const uint8_t *rem[4];		/* hash_size bytes each */
	size_t hash_size;
	const char *hash_name;		/* "sha-256", "sha-512" */
};

/*
 * 399({44234: bstr(COSE_Sign1), 44241: bstr(COSE_Sign1)}) with every claim
 * as `e` says; the realm token verifies with the RAK of its own public-key
 * claim (which must be rmm_attest_public_keys()' RAK), the platform token
 * with the CPAK; the platform challenge is SHA-256 of the RAK claim; a
 * token with one payload byte changed does not verify.
 */
void token_check(const uint8_t *token, size_t len, const struct token_expect *e);

/* ES384 verification of a bstr-wrapped tagged COSE_Sign1 with `pub` (97 bytes). */
bool token_sign1_verifies(const uint8_t *bstr_sign1, size_t len, const uint8_t pub[97]);

#endif
