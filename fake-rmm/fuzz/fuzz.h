/* SPDX-License-Identifier: BSD-3-Clause */
/* What the RMI fuzz target (fuzz_rmi.c) counts, for the smoke driver's report. */
#ifndef FUZZ_RMI_H
#define FUZZ_RMI_H

#include <stddef.h>
#include <stdint.h>

#define FUZZ_MAX_PROFILES 8

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

extern unsigned long fuzz_calls, fuzz_successes, fuzz_realms, fuzz_longest;
/* Inputs run per profile of the target's RMI major (names NULL where none ran). */
extern unsigned long fuzz_inputs_by_profile[FUZZ_MAX_PROFILES];
extern unsigned long fuzz_realms_by_profile[FUZZ_MAX_PROFILES];
extern const char *fuzz_profile_names[FUZZ_MAX_PROFILES];

#endif
