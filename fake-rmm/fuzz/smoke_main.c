// SPDX-License-Identifier: BSD-3-Clause
/*
 * Runs the fuzz target on deterministic pseudo-random inputs (or on the
 * files given), so every build exercises it without libFuzzer:
 *
 *   fuzz_rmi_smoke [-n COUNT] [-s SEED] [FILE...]
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fuzz.h"

static uint64_t next(uint64_t *s)
{
	/* xorshift64*: good enough to spread inputs, and reproducible. */
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 0x2545F4914F6CDD1DULL;
}

int main(int argc, char **argv)
{
	unsigned long count = 500;
	uint64_t seed = 1;
	int i = 1;
	uint8_t buf[4096];
	struct timespec t0, t1;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-n") && i + 1 < argc)
			count = strtoul(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "-s") && i + 1 < argc)
			seed = strtoull(argv[++i], NULL, 0) | 1;
		else {
			fprintf(stderr, "usage: fuzz_rmi_smoke [-n COUNT] [-s SEED] [FILE...]\n");
			return 2;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (i < argc) {
		for (; i < argc; i++) {
			FILE *f = fopen(argv[i], "rb");
			uint8_t *whole = NULL;
			size_t n = 0, got;

			if (!f) {
				perror(argv[i]);
				return 2;
			}
			/* The whole file: a seed from a scenario is tens of KiB. */
			do {
				uint8_t *more = realloc(whole, n + sizeof(buf));

				if (!more) {
					fclose(f);
					free(whole);
					return 2;
				}
				whole = more;
				got = fread(whole + n, 1, sizeof(buf), f);
				n += got;
			} while (got == sizeof(buf));
			fclose(f);
			LLVMFuzzerTestOneInput(whole, n);
			free(whole);
		}
		return 0;
	}
	for (unsigned long k = 0; k < count; k++) {
		size_t n = 64 + next(&seed) % (sizeof(buf) - 64);

		for (size_t j = 0; j < n; j += 8) {
			uint64_t v = next(&seed);

			memcpy(buf + j, &v, n - j < 8 ? n - j : 8);
		}
		/* Bias towards commands that build things: realm params, delegates. */
		for (size_t j = 0; j + 2 < n; j += 23)
			if (buf[j] % 5 == 0)
				buf[j] = 0xf0 + buf[j + 1] % 5;
		LLVMFuzzerTestOneInput(buf, n);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	{
		double dt = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;

		printf("fuzz_rmi_smoke: %lu inputs, %lu RMI calls (%lu SUCCESS, %lu realms created), longest input %lu calls, in %.2fs (%.0f calls/s); no broken invariant, every granule back to NS\n",
		       count, fuzz_calls, fuzz_successes, fuzz_realms, fuzz_longest, dt,
		       (double)fuzz_calls / dt);
		for (unsigned int p = 0; p < FUZZ_MAX_PROFILES; p++)
			if (fuzz_profile_names[p])
				printf("fuzz_rmi_smoke: profile %s: %lu inputs, %lu realms created\n",
				       fuzz_profile_names[p], fuzz_inputs_by_profile[p],
				       fuzz_realms_by_profile[p]);
	}
	return 0;
}
