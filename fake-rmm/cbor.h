/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A minimal CBOR (RFC 8949) encoder for the attestation token: definite
 * lengths only, preferred (shortest) argument encoding.  Writes past the
 * buffer are dropped and remembered in `overflow`.
 */
#ifndef FAKE_RMM_CBOR_H
#define FAKE_RMM_CBOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum cbor_major {
	CBOR_UINT = 0, CBOR_NINT = 1, CBOR_BSTR = 2, CBOR_TSTR = 3,
	CBOR_ARRAY = 4, CBOR_MAP = 5, CBOR_TAG = 6,
};

struct cbor {
	uint8_t *buf;
	size_t cap, len;
	bool overflow;
};

void cbor_init(struct cbor *c, uint8_t *buf, size_t cap);
/* Major type and argument (RFC 8949 §3). */
void cbor_head(struct cbor *c, enum cbor_major major, uint64_t arg);
void cbor_int(struct cbor *c, int64_t v);
void cbor_bstr(struct cbor *c, const void *data, size_t len);
void cbor_tstr(struct cbor *c, const char *s);
static inline void cbor_array(struct cbor *c, uint64_t n) { cbor_head(c, CBOR_ARRAY, n); }
static inline void cbor_map(struct cbor *c, uint64_t n) { cbor_head(c, CBOR_MAP, n); }
static inline void cbor_tag(struct cbor *c, uint64_t tag) { cbor_head(c, CBOR_TAG, tag); }

#endif
