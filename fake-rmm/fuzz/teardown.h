/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Returns every granule to NS through RMI calls only, whatever state the
 * RMM is in: REC_DESTROY every REC, walk each realm's RTTs with
 * RTT_READ_ENTRY (destroying data, unmapping unprotected entries,
 * unfolding blocks, destroying tables bottom-up), REALM_DESTROY, then
 * GRANULE_UNDELEGATE.  2.0: first every open SRO is driven to its end,
 * a command the profile makes an SRO (REC_DESTROY, REALM_DESTROY ...) is
 * driven through it, realms are terminated, data and NS mappings go with
 * RTT_DATA_UNMAP / RTT_UNPROT_UNMAP, and granules with
 * GRANULE_RANGE_UNDELEGATE.
 */
#ifndef FUZZ_TEARDOWN_H
#define FUZZ_TEARDOWN_H

#include <stddef.h>

#include <cca-double/rmm.h>

/* Returns 0, or -1 with the first call that did not do what it must. */
int teardown_everything(struct rmm *rmm, char *err, size_t errlen);

#endif
