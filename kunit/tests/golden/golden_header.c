// SPDX-License-Identifier: BSD-3-Clause
/* A header line, as a binary that says what it tests registers one. */
#include <kunit/runner.h>

__attribute__((constructor)) static void golden_header(void)
{
	kunit_add_header("golden: what this run is");
}
