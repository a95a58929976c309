// SPDX-License-Identifier: BSD-3-Clause
/*
 * The run-time look-ups of include/cca-double/abi.h over the generated
 * tables: bit-field positions, struct offsets, enum values, the stateful
 * property and the family of each profile.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cca-double/abi.h>
#include <rmi/v2.h>

static const struct abi_profile *profile(const char *name)
{
	const struct abi_profile *p = abi_profile_find(name);

	assert_non_null(p);
	return p;
}

static void bits_follow_the_profile(void **state)
{
	const struct abi_profile *p = profile("2.0-bet1");
	struct abi_bits b = abi_bits(p, "donate_request", "state");

	(void)state;
	assert_int_equal(b.shift, 17);
	assert_int_equal(b.width, 1);
	assert_int_equal(b.mask, 1ULL << 17);
	assert_int_equal(abi_bits_get(b, 3ULL << 17), 1);
	assert_int_equal(abi_bits_put(b, 3), 1ULL << 17);	/* what does not fit is dropped */
	b = abi_bits(p, "donate_request", "no_such_field");
	assert_int_equal(b.mask, 0);
	assert_int_equal(abi_bits_get(b, ~0ULL), 0);
	b = abi_bits(p, "no_such_bitfield", "state");
	assert_int_equal(b.width, 0);
	b = abi_bits(p, "feature_register_4", "MEC_COUNT");
	assert_int_equal(b.mask, ~0ULL);	/* a 64-bit field */
}

static void offsets_and_enums(void **state)
{
	const struct abi_profile *p = profile("2.0-bet1");

	(void)state;
	assert_int_equal(abi_offset(p, "realm_params", "rtt_base"), 0x808);
	assert_int_equal(abi_offset(p, "realm_params", "no_such_field"), -1);
	assert_int_equal(abi_offset(p, "no_such_struct", "rtt_base"), -1);
	assert_int_equal(abi_enum_or(p, "status", "INCOMPLETE", -1), 13);
	assert_int_equal(abi_enum_or(p, "status", "NO_SUCH_STATUS", -7), -7);
	assert_int_equal(abi_enum_or(profile("1.0"), "status", "INCOMPLETE", -1), -1);
}

static void stateful_and_family(void **state)
{
	const struct abi_profile *p = profile("2.0-bet1");

	(void)state;
	assert_int_equal(abi_command_by_name(p, ABI_RMI, "REC_CREATE")->stateful,
			 ABI_STATEFUL_TRANSFER);
	assert_int_equal(abi_command_by_name(p, ABI_RMI, "REALM_ACTIVATE")->stateful, ABI_STATELESS);
	assert_string_equal(p->family, "v2");
	assert_string_equal(profile("1.0")->family, "v1");
	/* The family header holds what its revisions agree on, e.g. every status. */
	assert_int_equal(RMI_V2_STATUS_INCOMPLETE, 13);
	assert_int_equal(RMI_V2_FID_REC_CREATE, abi_command_by_name(p, ABI_RMI, "REC_CREATE")->fid);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(bits_follow_the_profile),
		cmocka_unit_test(offsets_and_enums),
		cmocka_unit_test(stateful_and_family),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
