// SPDX-License-Identifier: BSD-3-Clause
/* CBOR encoding (RFC 8949 §3, §4.2.1 preferred serialization of arguments). */
#include <string.h>

#include "cbor.h"

void cbor_init(struct cbor *c, uint8_t *buf, size_t cap)
{
	c->buf = buf;
	c->cap = cap;
	c->len = 0;
	c->overflow = false;
}

static void put(struct cbor *c, const void *p, size_t n)
{
	if (n > c->cap - c->len) {
		c->overflow = true;
		return;
	}
	memcpy(c->buf + c->len, p, n);
	c->len += n;
}

void cbor_head(struct cbor *c, enum cbor_major major, uint64_t arg)
{
	uint8_t b[9];
	unsigned int n, i;

	/* Arguments below 24 live in the initial byte; else 1, 2, 4 or 8 bytes follow. */
	if (arg < 24) {
		b[0] = (uint8_t)(major << 5 | arg);
		put(c, b, 1);
		return;
	}
	if (arg <= 0xff) {
		b[0] = (uint8_t)(major << 5 | 24);
		n = 1;
	} else if (arg <= 0xffff) {
		b[0] = (uint8_t)(major << 5 | 25);
		n = 2;
	} else if (arg <= 0xffffffffULL) {
		b[0] = (uint8_t)(major << 5 | 26);
		n = 4;
	} else {
		b[0] = (uint8_t)(major << 5 | 27);
		n = 8;
	}
	for (i = 0; i < n; i++)		/* network byte order */
		b[1 + i] = (uint8_t)(arg >> (8 * (n - 1 - i)));
	put(c, b, 1 + n);
}

void cbor_int(struct cbor *c, int64_t v)
{
	if (v >= 0)
		cbor_head(c, CBOR_UINT, (uint64_t)v);
	else
		cbor_head(c, CBOR_NINT, (uint64_t)(-1 - v));	/* -1 - n encodes n */
}

void cbor_bstr(struct cbor *c, const void *data, size_t len)
{
	cbor_head(c, CBOR_BSTR, len);
	put(c, data, len);
}

void cbor_tstr(struct cbor *c, const char *s)
{
	size_t len = strlen(s);

	cbor_head(c, CBOR_TSTR, len);
	put(c, s, len);
}
