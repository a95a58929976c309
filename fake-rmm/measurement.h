/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Realm measurements: the RIM (slot 0) and four REMs, each 64 bytes; for
 * SHA-256 only the first 32 bytes are used and the rest stay zero.  The RIM
 * is started by REALM_CREATE and extended by hashing the spec's 256-byte
 * measurement descriptors (layouts from spec/<profile>.yaml).
 */
#ifndef FAKE_RMM_MEASUREMENT_H
#define FAKE_RMM_MEASUREMENT_H

#include <stddef.h>
#include <stdint.h>

#define MEASUREMENT_MAX 64
#define MEASUREMENT_SLOTS 5

/* RMI hash algorithm numbers (spec enum hash_algo). */
enum hash_algo { HASH_SHA256 = 0, HASH_SHA512 = 1, HASH_SHA384 = 2 };

size_t hash_size(enum hash_algo a);
/* out receives hash_size(a) bytes. */
void hash_compute(enum hash_algo a, const void *data, size_t len, uint8_t *out);

struct realm;

/*
 * RIM = H(realm_params image with only the measured fields kept); the
 * flags word sits at `flags_off` (the profile's layout).
 */
void rim_init(struct realm *r, const void *realm_params_page, long flags_off);
void rim_extend_data(struct realm *r, uint64_t ipa, uint64_t flags, const void *data_page);
void rim_extend_rec(struct realm *r, const void *rec_params_page);
void rim_extend_ripas(struct realm *r, uint64_t base, uint64_t top);
/* REM: slot = H(slot[hash_len] || data[size]). */
void rem_extend(struct realm *r, unsigned int slot, const uint8_t *data, size_t size);

#endif
