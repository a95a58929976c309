// SPDX-License-Identifier: BSD-3-Clause
/*
 * The attestation token (1.0) as a verifier sees it: the attest_token
 * guest fetches a token into its memory, and token_check() - an
 * independent CBOR/COSE reader and libcrypto ECDSA verifier - checks every
 * realm and platform claim, the RAK as a COSE_Key, the binding of the two
 * tokens and both ES384 signatures.  RSI_ATTEST_TOKEN_CONTINUE is
 * interruptible: a host interrupt while the RMM signs answers INCOMPLETE
 * with an IRQ exit, and the realm calls again.
 */
#include "rec_fixture.h"

#include <stdlib.h>
#include <string.h>

#include "attest.h"
#include "rec.h"
#include "rmm_internal.h"
#include "token_check.h"

/* The token in the realm's page at RX_DATA_IPA (data granule `data`) against the realm's state. */
static void check_token_in_realm(struct rx *x, uint64_t data, uint64_t len, size_t hs,
				 const char *hash_name)
{
	uint8_t challenge[64], rpv[64] = { 0 }, m[5][64];
	struct token_expect e = { .challenge = challenge, .rpv = rpv, .rim = m[0],
				  .hash_size = hs, .hash_name = hash_name };

	for (unsigned int i = 0; i < 64; i++)
		challenge[i] = (uint8_t)(0x40 + i);
	for (unsigned int i = 0; i < 5; i++) {
		assert_int_equal(rmm_realm_measurement(x->f->rmm, x->f->rd, i, m[i]), 0);
		if (i)
			e.rem[i - 1] = m[i];
	}
	token_check(pmem_rmm_ptr(x->f->pm, data), (size_t)len, &e);
}

static uint64_t boot(struct rx *x)
{
	uint64_t data;

	rx_load(x, "attest_token", RX_CODE_IPA);
	data = rt_data(x->f, RX_DATA_IPA, 0, 0);
	rx_rec(x, RX_DATA_IPA);
	rx_activate(x);
	return data;
}

static void token_verifies(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_exit *ex;
	uint64_t data = boot(x);

	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
	assert_int_equal(ex->imm, 0xa7);
	assert_int_equal(ex->gprs[0], RSI_V1_0_STATUS_SUCCESS);
	assert_int_equal(ex->gprs[1], ATTEST_TOKEN_MAX);
	assert_int_equal(ex->gprs[2], RSI_V1_0_STATUS_SUCCESS);
	assert_int_equal(ex->gprs[4], 1);		/* one page-sized CONTINUE */
	assert_int_equal(ex->gprs[5], 0);
	check_token_in_realm(x, data, ex->gprs[3], 32, "sha-256");
	rx_run_to_system_off(x, 0, 4);
}

/* A SHA-512 realm: 64-byte measurements and its hash algorithm claim. */
static int setup_sha512(void **state)
{
	struct rx *x = calloc(1, sizeof(*x));

	if (!x || fix_setup_v1((void **)&x->f))
		return -1;
	rt_realm_with(x->f, 40, 1, 2, RMI_HASH_ALGO_SHA_512);
	*state = x;
	return 0;
}

static void token_verifies_sha512(void **state)
{
	struct rx *x = *state;
	struct rmi_v1_0_rec_exit *ex;
	uint64_t data = boot(x);

	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
	assert_int_equal(ex->gprs[2], RSI_V1_0_STATUS_SUCCESS);
	check_token_in_realm(x, data, ex->gprs[3], 64, "sha-512");
	rx_run_to_system_off(x, 0, 4);
}

struct signing_irq {
	struct rmm *rmm;
	unsigned int fired;
};

/* Raises a host interrupt once, while the RMM signs a token (white-box: the REC's state). */
static bool irq_while_signing(void *ctx, uint64_t rec_pa)
{
	struct signing_irq *s = ctx;
	struct rec *rec = rec_of(s->rmm, rec_pa);

	if (!rec || !attest_token_signing(rec->attest) || s->fired)
		return false;
	s->fired++;
	return true;
}

static void continue_interrupted_while_signing(void **state)
{
	struct rx *x = *state;
	struct signing_irq irq = { .rmm = x->f->rmm };
	struct rmi_v1_0_rec_exit *ex;
	uint64_t data = boot(x);

	rmm_set_host_irq_poll(x->f->rmm, irq_while_signing, &irq);
	/* The first CONTINUE is interrupted: IRQ exit, the realm holds INCOMPLETE and 0 bytes. */
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_IRQ);
	assert_int_equal(rec_get_x(rec_of(x->f->rmm, x->rec[0]), 0), RSI_V1_0_STATUS_INCOMPLETE);
	assert_int_equal(rec_get_x(rec_of(x->f->rmm, x->rec[0]), 1), 0);
	/* It calls again and gets the whole token. */
	ex = rx_enter_expect(x, 0, RMI_EXIT_REASON_HOST_CALL);
	assert_int_equal(ex->gprs[2], RSI_V1_0_STATUS_SUCCESS);
	assert_int_equal(ex->gprs[4], 2);
	assert_int_equal(ex->gprs[5], 1);
	check_token_in_realm(x, data, ex->gprs[3], 32, "sha-256");
	rmm_set_host_irq_poll(x->f->rmm, NULL, NULL);
	rx_run_to_system_off(x, 0, 4);
}

/* The public keys a verifier is given are the keys the tokens carry and verify with. */
static void public_keys_stable(void **state)
{
	uint8_t rak[97], cpak[97], rak2[97], cpak2[97];

	(void)state;
	rmm_attest_public_keys(rak, cpak);
	rmm_attest_public_keys(rak2, cpak2);
	assert_int_equal(rak[0], 0x04);
	assert_int_equal(cpak[0], 0x04);
	assert_memory_equal(rak, rak2, 97);
	assert_memory_equal(cpak, cpak2, 97);
	assert_memory_not_equal(rak, cpak, 97);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, rx_setup, rx_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(token_verifies),
		cmocka_unit_test_setup_teardown(token_verifies_sha512, setup_sha512, rx_teardown),
		T(continue_interrupted_while_signing),
		cmocka_unit_test(public_keys_stable),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
