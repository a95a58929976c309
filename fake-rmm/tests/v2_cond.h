/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Helpers for the 2.0-bet1 failure-condition tests (test_v2_conditions_*.c,
 * table in V2_CONDITIONS.md): the profile-neutral snapshot and fail_call()
 * of cond.h, plus the 2.0-only statuses.
 */
#ifndef FAKE_RMM_TEST_V2_COND_H
#define FAKE_RMM_TEST_V2_COND_H

#include "cond.h"
#include "v2_fixture.h"

#define ERR_GLOBAL ((uint64_t)V2(STATUS_ERROR_GLOBAL))
#define BLOCKED ((uint64_t)V2(STATUS_BLOCKED))

#endif
