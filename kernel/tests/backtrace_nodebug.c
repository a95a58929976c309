// SPDX-License-Identifier: BSD-3-Clause
/* Built without debug information (tests/CMakeLists.txt): a frame here has no file:line. */
#include <stdio.h>

void backtrace_nodebug_function(void);

void backtrace_nodebug_function(void)
{
	puts("backtrace_nodebug_function");
}
