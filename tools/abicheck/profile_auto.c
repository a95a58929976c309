// SPDX-License-Identifier: BSD-3-Clause
/*
 * --profile auto: which profile a set of headers speaks.  The version
 * macros (RMI_ABI_MAJOR_VERSION / RMI_ABI_MINOR_VERSION) name the RMI
 * revision; several profiles may share it (the 2.0 beta revisions all
 * report 2.0), so every candidate is compared and the one with the most
 * names that agree, less those that disagree, wins.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abicheck.h"

struct score {
	const struct abi_profile *p;
	struct abicheck_result r;
	bool ran;
};

static long points(const struct abicheck_result *r)
{
	return (long)r->matched + (long)r->renamed - (long)r->mismatches;
}

const struct abi_profile *abicheck_choose(const struct abicheck_input *in,
					  const struct abicheck_options *opt, char *why,
					  size_t len)
{
	struct abicheck_options quiet = *opt;
	struct score s[16];
	unsigned int n = abi_nprofiles < 16 ? abi_nprofiles : 16, candidates = 0;
	bool has_version = false;
	unsigned int major = 0, minor = 0;
	const struct score *best = NULL;
	char failure[1600] = "";
	bool failed = false;
	size_t used;

	quiet.verbose = false;
	for (unsigned int i = 0; i < n; i++) {
		char *report = NULL;
		size_t size = 0;
		FILE *out = open_memstream(&report, &size);

		if (!out)
			abort();
		s[i].p = abi_profiles[i];
		s[i].ran = !abicheck_run(s[i].p, in, &quiet, out, &s[i].r);
		fclose(out);
		if (!s[i].ran && !failed) {
			/* The probe's message: the report's last "abi-check: " line on. */
			const char *msg = report;

			for (const char *q = report; q && *q; q++)
				if (*q == '\n' && !strncmp(q + 1, "abi-check: ", 11))
					msg = q + 1;
			if (msg && !strncmp(msg, "abi-check: ", 11))
				msg += 11;
			snprintf(failure, sizeof(failure), "%s", msg && *msg ? msg : "the probe failed");
			used = strlen(failure);
			if (used && failure[used - 1] == '\n')
				failure[used - 1] = 0;
			failed = true;
		}
		free(report);
		/* A timeout would come again for each profile, --timeout later each time. */
		if (!s[i].ran && strstr(failure, "timed out after")) {
			snprintf(why, len, "%s", failure);
			return NULL;
		}
		if (s[i].r.has_version) {
			has_version = true;
			major = s[i].r.major;
			minor = s[i].r.minor;
		}
	}
	for (unsigned int i = 0; i < n; i++)
		candidates += s[i].ran && has_version && s[i].p->rmi_major == major &&
			      s[i].p->rmi_minor == minor;
	for (unsigned int i = 0; i < n; i++) {
		if (!s[i].ran || (candidates && (s[i].p->rmi_major != major ||
						 s[i].p->rmi_minor != minor)))
			continue;
		if (!best || points(&s[i].r) > points(&best->r))
			best = &s[i];
	}
	if (!best) {
		snprintf(why, len, "no profile could be compared with the headers: %s", failure);
		return NULL;
	}
	if (!has_version)
		used = (size_t)snprintf(why, len, "no RMI_ABI_MAJOR/MINOR_VERSION, all profiles compared");
	else if (!candidates)
		used = (size_t)snprintf(why, len, "RMI_ABI_MAJOR/MINOR_VERSION %u.%u is no profile's revision, all profiles compared",
					major, minor);
	else
		used = (size_t)snprintf(why, len, "RMI_ABI_MAJOR/MINOR_VERSION %u.%u (%u profile%s)",
					major, minor, candidates, candidates > 1 ? "s" : "");
	if (used < len)
		used += (size_t)snprintf(why + used, len - used, "; best match %u matched, %u mismatched, %u renamed",
					 best->r.matched, best->r.mismatches, best->r.renamed);
	for (unsigned int i = 0; i < n && used < len; i++) {
		if (!s[i].ran || &s[i] == best || (candidates && (s[i].p->rmi_major != major ||
								  s[i].p->rmi_minor != minor)))
			continue;
		used += (size_t)snprintf(why + used, len - used, "; %s: %u matched, %u mismatched, %u renamed",
					 s[i].p->name, s[i].r.matched, s[i].r.mismatches, s[i].r.renamed);
	}
	return best->p;
}
