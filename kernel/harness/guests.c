// SPDX-License-Identifier: BSD-3-Clause
/* Guest programs for the harness (hosted: cca_guests' header needs the C library). */
#include <cca-double/guests.h>
#include <cca-double/kernel-harness.h>

int harness_guest_program(const char *name, const unsigned char **bytes, size_t *size,
			  unsigned long long *entry)
{
	const struct guest_program *g = guest_program_find(name);

	if (!g)
		return -1;
	*bytes = g->bytes;
	*size = g->size;
	*entry = g->entry;
	return 0;
}
