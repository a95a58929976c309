// SPDX-License-Identifier: BSD-3-Clause
/* Hosted: the realm suites' binaries check leaks and WARNs after every case. */
#include <cca-double/mock-kernel.h>

static void __attribute__((constructor)) register_mock_kernel_hooks(void)
{
	mock_kernel_register_kunit_hooks();
}
