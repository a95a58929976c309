// SPDX-License-Identifier: BSD-3-Clause
/*
 * Realm calls the RMM answers itself, with this directory's test guests:
 * HVC -> UNDEF, the attestation token (well-formed CBOR, real realm claims),
 * IPA_STATE_GET, the virtual timer's IRQ exit, PSCI and RSI error answers,
 * CPU_SUSPEND and SYSTEM_RESET exits.
 */
#include "rec_fixture.h"

#include <string.h>

#include "attest.h"
#include "rec.h"

extern const struct guest_program guest_program_rt_hvc;
extern const struct guest_program guest_program_rt_attest;
extern const struct guest_program guest_program_rt_timer;
extern const struct guest_program guest_program_rt_psci_misc;

static void boot_program(struct rx *x, const struct guest_program *g, uint64_t arg0)
{
	rx_load_program(x, g, RX_CODE_IPA);
	rx_rec(x, arg0);
	rx_activate(x);
}

static void hvc_injects_undef(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_exit *ex;

	boot_program(x, &guest_program_rt_hvc, 0);
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
	assert_int_equal(ex->imm, 0xd);
	assert_int_equal(ex->gprs[0], 1ULL << 25);	/* EC 0 (unknown), IL */
	assert_int_equal(ex->gprs[1], ex->gprs[2]);	/* ELR = the HVC */
	rx_run_to_system_off(x, 0, 4);
}

/* ---- a CBOR walker, to show the token is well formed (RFC 8949, definite lengths) ---- */

struct item {
	unsigned int major;
	uint64_t arg;
	const uint8_t *body;	/* bstr/tstr content; next item for arrays, maps, tags */
};

static const uint8_t *head(const uint8_t *p, const uint8_t *end, struct item *it)
{
	unsigned int ai, n;

	if (p >= end)
		return NULL;
	it->major = *p >> 5;
	ai = *p & 0x1f;
	p++;
	if (ai < 24) {
		it->arg = ai;
	} else if (ai <= 27) {
		n = 1u << (ai - 24);
		if ((size_t)(end - p) < n)
			return NULL;
		it->arg = 0;
		for (unsigned int i = 0; i < n; i++)
			it->arg = it->arg << 8 | *p++;
	} else {
		return NULL;	/* indefinite lengths and reserved values are not ours */
	}
	it->body = p;
	return p;
}

static const uint8_t *cbor_skip(const uint8_t *p, const uint8_t *end, unsigned int depth)
{
	struct item it;

	if (depth > 16 || !(p = head(p, end, &it)))
		return NULL;
	switch (it.major) {
	case 2:
	case 3:
		return it.arg <= (uint64_t)(end - p) ? p + it.arg : NULL;
	case 4:
	case 5:
		for (uint64_t i = 0; i < it.arg * (it.major == 5 ? 2 : 1) && p; i++)
			p = cbor_skip(p, end, depth + 1);
		return p;
	case 6:
		return cbor_skip(p, end, depth + 1);
	default:
		return p;
	}
}

/* Map lookup by integer key; returns the value's position. */
static const uint8_t *map_get(const uint8_t *p, const uint8_t *end, int64_t key)
{
	struct item m, k;

	if (!(p = head(p, end, &m)) || m.major != 5)
		return NULL;
	for (uint64_t i = 0; i < m.arg; i++) {
		const uint8_t *kp = p;

		if (!head(kp, end, &k))
			return NULL;
		p = cbor_skip(kp, end, 0);
		if ((k.major == 0 && key >= 0 && k.arg == (uint64_t)key) ||
		    (k.major == 1 && key < 0 && k.arg == (uint64_t)(-1 - key)))
			return p;
		p = cbor_skip(p, end, 0);
		if (!p)
			return NULL;
	}
	return NULL;
}

/* The payload of a bstr-wrapped tagged COSE_Sign1 at p. */
static const uint8_t *cose_payload(const uint8_t *p, const uint8_t *end, size_t *len)
{
	struct item it;

	assert_non_null(p = head(p, end, &it));
	assert_int_equal(it.major, 2);			/* bstr */
	end = p + it.arg;
	assert_non_null(p = head(p, end, &it));
	assert_int_equal(it.major, 6);
	assert_int_equal(it.arg, COSE_SIGN1_TAG);
	assert_non_null(p = head(p, end, &it));
	assert_int_equal(it.major, 4);
	assert_int_equal(it.arg, 4);
	assert_non_null(p = cbor_skip(p, end, 0));		/* protected */
	assert_non_null(p = cbor_skip(p, end, 0));		/* unprotected */
	assert_non_null(p = head(p, end, &it));
	assert_int_equal(it.major, 2);
	*len = (size_t)it.arg;
	return p;
}

static void assert_bstr(const uint8_t *p, const uint8_t *end, const void *expect, size_t len)
{
	struct item it;

	assert_non_null(p);
	assert_non_null(p = head(p, end, &it));
	assert_int_equal(it.major, 2);
	assert_int_equal(it.arg, len);
	assert_memory_equal(p, expect, len);
}

static void attestation_token(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_exit *ex;
	uint8_t challenge[64], rim[64], rem[64], built[ATTEST_TOKEN_MAX];
	const uint8_t *tok, *end, *realm_tok, *p;
	struct item it;
	size_t len, rlen, blen;
	uint64_t data;

	rx_load_program(x, &guest_program_rt_attest, RX_CODE_IPA);
	data = rt_data(x->f, RX_DATA_IPA, 0, 0);
	rx_rec(x, RX_DATA_IPA);
	rx_activate(x);
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
	assert_int_equal(ex->imm, 7);
	assert_int_equal(ex->gprs[0], RSI_V1_0_STATUS_ERROR_STATE);	/* CONTINUE before INIT */
	assert_int_equal(ex->gprs[1], RSI_V1_0_STATUS_SUCCESS);
	assert_int_equal(ex->gprs[2], ATTEST_TOKEN_MAX);
	assert_int_equal(ex->gprs[3], RSI_V1_0_STATUS_SUCCESS);
	len = (size_t)ex->gprs[4];
	assert_true(len > 300 && len <= ATTEST_TOKEN_MAX);
	assert_int_equal(ex->gprs[5], (len + 99) / 100);		/* 100-byte chunks */
	/* IPA_STATE_GET over [page, page + 2 pages): RAM up to the unassigned next page. */
	assert_int_equal(ex->gprs[6], RSI_V1_0_STATUS_SUCCESS);
	assert_int_equal(ex->gprs[7], RX_DATA_IPA + GRAN);
	assert_int_equal(ex->gprs[8], RMI_RIPAS_RAM);

	/* The bytes in realm memory are the whole token, well formed. */
	tok = pmem_rmm_ptr(x->f->pm, data);
	end = tok + len;
	assert_ptr_equal(cbor_skip(tok, end, 0), end);
	for (unsigned int i = 0; i < 64; i++)
		challenge[i] = (uint8_t)(0x40 + i);
	/* ECDSA signs with a fresh nonce each time: same length, other signature bytes
	 * (test_rec_attest verifies them). */
	blen = attest_token_build(realm_of_rd(x->f->rmm, x->f->rd), challenge, built, sizeof(built));
	assert_int_equal(blen, len);

	/* 399({44234: platform, 44241: realm}) */
	assert_non_null(p = head(tok, end, &it));
	assert_int_equal(it.major, 6);
	assert_int_equal(it.arg, CCA_TOKEN_TAG);
	assert_non_null(map_get(p, end, CCA_PLATFORM_TOKEN));
	realm_tok = cose_payload(map_get(p, end, CCA_REALM_DELEGATED_TOKEN), end, &rlen);
	end = realm_tok + rlen;
	assert_int_equal(rmm_realm_measurement(x->f->rmm, x->f->rd, 0, rim), 0);
	assert_int_equal(rmm_realm_measurement(x->f->rmm, x->f->rd, 2, rem), 0);
	assert_bstr(map_get(realm_tok, end, CCA_CHALLENGE), end, challenge, 64);
	assert_bstr(map_get(realm_tok, end, CCA_REALM_INITIAL_MEASUREMENT), end, rim, 32);
	p = map_get(realm_tok, end, CCA_REALM_EXTENSIBLE_MEASUREMENTS);
	assert_non_null(p = head(p, end, &it));
	assert_int_equal(it.major, 4);
	assert_int_equal(it.arg, 4);
	assert_non_null(p = cbor_skip(p, end, 0));
	assert_bstr(p, end, rem, 32);					/* REM 2 */
	memset(rem, 0, sizeof(rem));
	assert_bstr(map_get(realm_tok, end, CCA_REALM_PERSONALIZATION_VALUE), end, rem, 64);
	p = map_get(realm_tok, end, CCA_REALM_HASH_ALGO_ID);
	assert_non_null(p = head(p, end, &it));
	assert_int_equal(it.major, 3);
	assert_memory_equal(p, "sha-256", 7);
	p = map_get(realm_tok, end, CCA_PROFILE);
	assert_non_null(p = head(p, end, &it));
	assert_memory_equal(p, CCA_REALM_PROFILE_STR, it.arg);
	rx_run_to_system_off(x, 0, 4);
}

static void virtual_timer_irq_exit(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_run *run;
	struct rmi_v1_0_rec_exit *ex = NULL;
	unsigned int i;

	boot_program(x, &guest_program_rt_timer, 62500);	/* 1 ms at 62.5 MHz */
	run = rx_run_page(x, 0);
	/* The RMM notices the fired timer at the realm's next RSI call: an IRQ exit. */
	for (i = 0; i < 50; i++) {
		ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_IRQ);
		assert_int_equal(ex->cntv_ctl & 3, 1);		/* ENABLE, not masked */
		assert_true(ex->cntv_cval != 0);
		if (ex->cntv_ctl & 4)
			break;				/* ISTATUS: the timer fired */
	}
	assert_true(i < 50);
	/*
	 * The host never injects the timer's PPI.  Reported asserted, the
	 * output no longer exits (TF-RMM masks it): the realm makes its
	 * 200000 calls (IRQ exits only every 65536 calls answered inside) and
	 * reaches its host call.
	 */
	for (i = 0; i < 8; i++) {
		assert_rmi(rx_enter(x, 0), 0);
		ex = &run->exit;
		if (ex->exit_reason != RMI_EXIT_REASON_IRQ)
			break;
		assert_int_equal(ex->cntv_ctl, 5);
	}
	assert_int_equal(ex->exit_reason, RMI_EXIT_REASON_HOST_CALL);
	assert_int_equal(ex->imm, 8);
	assert_int_equal(ex->gprs[0], 5);			/* ENABLE | ISTATUS */
	assert_int_equal(ex->cntv_ctl, 5);
	rx_run_to_system_off(x, 0, 4);
}

static void answered_inside(void **state)
{
	static const int64_t expect[] = {
		0x10001, 0, -1, 0x10002, -4, -2, -9, 0, -2, -1, 1, 1, 1, 1, 1,
	};
	struct rx *x = *state;
	struct rmi_v1_0_rec_exit *ex;

	boot_program(x, &guest_program_rt_psci_misc, 0);
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
	assert_int_equal(ex->imm, 0x10);
	for (unsigned int i = 0; i < sizeof(expect) / sizeof(expect[0]); i++)
		if (ex->gprs[i] != (uint64_t)expect[i])
			fail_msg("call %u answered 0x%llx, expected %lld", i,
				 (unsigned long long)ex->gprs[i], (long long)expect[i]);
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_PSCI);
	assert_int_equal(ex->gprs[0], PSCI_FID_CPU_SUSPEND);
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_PSCI);
	assert_int_equal(ex->gprs[0], PSCI_FID_SYSTEM_RESET);
	assert_rmi(rx_enter(x, 0), RET(RMI_STATUS_ERROR_REALM, 1));	/* reset = off for the RMM */
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, rx_setup, rx_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(hvc_injects_undef), T(attestation_token), T(virtual_timer_irq_exit),
		T(answered_inside),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
