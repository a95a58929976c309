/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A forced failure must look like the real one: the spec's on_failure
 * results (spec/README.md) against what the command answers when it really
 * fails that way, and a check that every declared value was compared.
 */
#ifndef FAKE_RMM_TEST_FAULT_COMPARE_H
#define FAKE_RMM_TEST_FAULT_COMPARE_H

#include "fixture.h"

#define FAULT_COMPARE_MAX 32

/* Which (command, status) pairs were compared. */
struct fault_compare_log {
	struct {
		const char *cmd;
		int64_t status;
	} seen[FAULT_COMPARE_MAX];
	unsigned int n;
};

/*
 * The real command `name` (fid, args a[0..4]) fails here with `want`
 * (status | index << 8) and changes nothing; the same call with that status
 * and index forced must answer the same x1.. (what a host reads on failure,
 * such as how far it got).
 */
void fault_compare_forced_real(struct fix *f, const char *name, uint32_t fid, const uint64_t *a,
			       uint64_t want, struct fault_compare_log *log);
/* Every on_failure value of the profile was compared with a real failure. */
void fault_compare_assert_all(struct fix *f, const struct fault_compare_log *log);

#endif
