// SPDX-License-Identifier: BSD-3-Clause
/* main() of a KUnit test binary: run the suites linked into it. */
#include <kunit/runner.h>

int main(int argc, char **argv)
{
	return kunit_run_main(argc, argv);
}
