// SPDX-License-Identifier: BSD-3-Clause
/*
 * abigen: turns spec/<profile>.yaml into C.
 *
 *   abigen OUTDIR spec/1.0.yaml spec/2.0-bet1.yaml ...
 *
 * writes OUTDIR/include/rmi/<ident>.h per profile, OUTDIR/include/rmi/common.h,
 * OUTDIR/include/rmi/guest.inc (for guest assembly) and OUTDIR/abi_profiles.c.  Exit status 1 on any error in a description.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit.h"

#define MAX_PROFILES 8

int main(int argc, char **argv)
{
	static struct m_profile profiles[MAX_PROFILES];
	char path[4096];
	int np = argc - 2;

	if (argc < 3 || np > MAX_PROFILES) {
		fprintf(stderr, "usage: abigen OUTDIR SPEC.yaml... (at most %d)\n", MAX_PROFILES);
		return 2;
	}
	for (int i = 0; i < np; i++) {
		if (spec_load(argv[i + 2], &profiles[i]))
			return 1;
		for (int j = 0; j < i; j++)
			if (!strcmp(profiles[j].name, profiles[i].name)) {
				fprintf(stderr, "abigen: %s: profile \"%s\" already defined by %s\n",
					argv[i + 2], profiles[i].name, profiles[j].path);
				return 1;
			}
	}
	for (int i = 0; i < np; i++) {
		snprintf(path, sizeof(path), "%s/include/rmi/%s.h", argv[1], profiles[i].ident);
		if (emit_profile_header(&profiles[i], path))
			return 1;
	}
	snprintf(path, sizeof(path), "%s/include/rmi/common.h", argv[1]);
	if (emit_common_header(profiles, np, path))
		return 1;
	snprintf(path, sizeof(path), "%s/include/rmi/guest.inc", argv[1]);
	if (emit_guest_include(profiles, np, path))
		return 1;
	snprintf(path, sizeof(path), "%s/abi_profiles.c", argv[1]);
	return emit_tables(profiles, np, path) ? 1 : 0;
}
