// SPDX-License-Identifier: BSD-3-Clause
/* REC objects. */
#include "rtt.h"

bool realm_has_running_rec(const struct realm *r)
{
	/* RECs come with REC_CREATE; until then none can be running. */
	return false;
}
