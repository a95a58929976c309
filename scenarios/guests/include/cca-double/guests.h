/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Guest programs: small aarch64 programs assembled at build time from
 * scenarios/guests/NAME.S and embedded as byte arrays.
 *
 * Conventions: position independent (PC-relative only), loadable at any
 * 4 KiB-aligned IPA, entered at `entry` (offset 0) with the MMU off,
 * parameters in x0..x7.  Programs that make HOST_CALLs keep their 256-byte
 * host-call struct in their second page (offset 0x1000), so load all of
 * `size` bytes into realm RAM.
 */
#ifndef CCA_DOUBLE_GUESTS_H
#define CCA_DOUBLE_GUESTS_H

#include <stddef.h>
#include <stdint.h>

struct guest_program {
	const char *name;               /* file name without .S */
	const uint8_t *bytes;
	size_t size;                    /* bytes, at most two 4 KiB pages */
	uint64_t entry;                 /* offset of the first instruction */
	const char *description;        /* the file's "// guest:" line */
};

/* NULL if no program has that name. */
const struct guest_program *guest_program_find(const char *name);

/* All programs, for listing: index 0..guest_program_count()-1. */
size_t guest_program_count(void);
const struct guest_program *guest_program_at(size_t index);

#endif
