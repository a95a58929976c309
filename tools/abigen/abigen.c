// SPDX-License-Identifier: BSD-3-Clause
/*
 * abigen: turns spec/<profile>.yaml into C.
 *
 *   abigen OUTDIR spec/1.0.yaml spec/2.0-betN.yaml ...
 *
 * writes OUTDIR/include/rmi/<ident>.h per profile (RMI_V2_0_BETN_...),
 * OUTDIR/include/rmi/<family>.h per RMI major version (RMI_V2_...: what its
 * revisions agree on), OUTDIR/include/rmi/common.h (what all agree on),
 * OUTDIR/include/rmi/guest.inc (for guest assembly) and OUTDIR/abi_profiles.c.
 * Exit status 1 on any error in a description.
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
		const char *base = strrchr(argv[i + 2], '/');
		size_t n;

		if (spec_load(argv[i + 2], &profiles[i]))
			return 1;
		/* The build names outputs after the file: spec/<profile>.yaml, <major>.x. */
		base = base ? base + 1 : argv[i + 2];
		n = strlen(profiles[i].name);
		if (strncmp(base, profiles[i].name, n) || strcmp(base + n, ".yaml")) {
			fprintf(stderr, "abigen: %s: profile \"%s\" must live in spec/%s.yaml\n",
				argv[i + 2], profiles[i].name, profiles[i].name);
			return 1;
		}
		if (strtoul(profiles[i].name, NULL, 10) != profiles[i].rmi_major) {
			fprintf(stderr, "abigen: %s: profile \"%s\" reports RMI %u.%u: a profile's name starts with its RMI major version\n",
				argv[i + 2], profiles[i].name, profiles[i].rmi_major, profiles[i].rmi_minor);
			return 1;
		}
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
	for (int i = 0; i < np; i++) {
		static struct m_profile family[MAX_PROFILES];
		int nf = 0, earlier = 0;

		for (int j = 0; j < i; j++)
			earlier |= !strcmp(profiles[j].family, profiles[i].family);
		if (earlier)
			continue;
		for (int j = i; j < np; j++)
			if (!strcmp(profiles[j].family, profiles[i].family))
				family[nf++] = profiles[j];
		snprintf(path, sizeof(path), "%s/include/rmi/%s.h", argv[1], profiles[i].family);
		if (emit_common_header(family, nf, path, profiles[i].family))
			return 1;
	}
	snprintf(path, sizeof(path), "%s/include/rmi/common.h", argv[1]);
	if (emit_common_header(profiles, np, path, NULL))
		return 1;
	snprintf(path, sizeof(path), "%s/include/rmi/guest.inc", argv[1]);
	if (emit_guest_include(profiles, np, path))
		return 1;
	snprintf(path, sizeof(path), "%s/abi_profiles.c", argv[1]);
	return emit_tables(profiles, np, path) ? 1 : 0;
}
