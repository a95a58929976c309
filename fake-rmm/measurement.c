// SPDX-License-Identifier: BSD-3-Clause
/* Measurement of realms: RIM initialisation and extension (spec "Realm measurements"). */
#include "measurement.h"

#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>

#include <rmi/common.h>

#include "realm.h"

size_t hash_size(enum hash_algo a)
{
	switch (a) {
	case HASH_SHA512:
		return 64;
	case HASH_SHA384:
		return 48;
	default:
		return 32;
	}
}

static const EVP_MD *md_of(enum hash_algo a)
{
	static const EVP_MD *md[3];

	if (!md[a])
		md[a] = a == HASH_SHA512 ? EVP_sha512() : a == HASH_SHA384 ? EVP_sha384() : EVP_sha256();
	return md[a];
}

void hash_compute(enum hash_algo a, const void *data, size_t len, uint8_t *out)
{
	unsigned int n = 0;

	if (!EVP_Digest(data, len, out, &n, md_of(a), NULL))
		abort();	/* libcrypto cannot hash: nothing sensible to do */
}

void rim_init(struct realm *r, const void *page, long flags_off)
{
	/* Only these fields are measured; RPV, VMID and the RTT layout are not. */
	const struct rmi_realm_params *p = page;
	struct rmi_realm_params *m = calloc(1, sizeof(*m));

	if (!m)
		abort();
	/* The flags word, at the profile's offset (realm_params flags / flags0). */
	memcpy((uint8_t *)m + flags_off, (const uint8_t *)page + flags_off, sizeof(uint64_t));
	m->s2sz = p->s2sz;
	m->sve_vl = p->sve_vl;
	m->num_bps = p->num_bps;
	m->num_wps = p->num_wps;
	m->pmu_num_ctrs = p->pmu_num_ctrs;
	m->hash_algo = p->hash_algo;
	memset(r->measurements[0], 0, MEASUREMENT_MAX);
	hash_compute(r->hash_algo, m, sizeof(*m), r->measurements[0]);
	free(m);
}

static void extend_with(struct realm *r, void *desc, size_t len)
{
	hash_compute(r->hash_algo, desc, len, r->measurements[0]);
}

void rim_extend_data(struct realm *r, uint64_t ipa, uint64_t flags, const void *data_page)
{
	struct rmi_measurement_desc_data d;

	memset(&d, 0, sizeof(d));
	d.desc_type = RMI_MEASUREMENT_DESC_TYPE_DATA;
	d.len = sizeof(d);
	memcpy(d.rim, r->measurements[0], hash_size(r->hash_algo));
	d.ipa = ipa;
	d.flags = flags;
	if (flags == RMI_MEASURE_CONTENT_MEASURE_CONTENT)
		hash_compute(r->hash_algo, data_page, RMI_GRANULE_SIZE, d.content);
	extend_with(r, &d, sizeof(d));
}

void rim_extend_rec(struct realm *r, const void *page)
{
	const struct rmi_rec_params *p = page;
	struct rmi_rec_params *m = calloc(1, sizeof(*m));
	struct rmi_measurement_desc_rec d;

	if (!m)
		abort();
	/* Measured: flags, pc, gprs.  Not measured: mpidr, aux granules. */
	m->flags = p->flags;
	m->pc = p->pc;
	memcpy(m->gprs, p->gprs, sizeof(m->gprs));
	memset(&d, 0, sizeof(d));
	d.desc_type = RMI_MEASUREMENT_DESC_TYPE_REC;
	d.len = sizeof(d);
	memcpy(d.rim, r->measurements[0], hash_size(r->hash_algo));
	hash_compute(r->hash_algo, m, sizeof(*m), d.content);
	free(m);
	extend_with(r, &d, sizeof(d));
}

void rim_extend_ripas(struct realm *r, uint64_t base, uint64_t top)
{
	struct rmi_measurement_desc_ripas d;

	memset(&d, 0, sizeof(d));
	d.desc_type = RMI_MEASUREMENT_DESC_TYPE_RIPAS;
	d.len = sizeof(d);
	memcpy(d.rim, r->measurements[0], hash_size(r->hash_algo));
	d.base = base;
	d.top = top;
	extend_with(r, &d, sizeof(d));
}

void rem_extend(struct realm *r, unsigned int slot, const uint8_t *data, size_t size)
{
	uint8_t buf[2 * MEASUREMENT_MAX];
	size_t h = hash_size(r->hash_algo);

	memcpy(buf, r->measurements[slot], h);
	memcpy(buf + h, data, size);
	memset(r->measurements[slot], 0, MEASUREMENT_MAX);
	hash_compute(r->hash_algo, buf, h + size, r->measurements[slot]);
}
