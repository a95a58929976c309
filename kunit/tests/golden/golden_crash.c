// SPDX-License-Identifier: BSD-3-Clause
/* Hosted helpers for the golden test: ways for a case to die. */
#include <stdlib.h>

void golden_abort(void);
void golden_exit(int status);

void golden_abort(void)
{
	abort();
}

void golden_exit(int status)
{
	exit(status);
}
