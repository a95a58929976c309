/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * `cca-double trace --fuzz-seed FILE`: a scenario's RMI calls, written in
 * the fuzz targets' call-stream encoding (fake-rmm/fuzz/stream_format.h),
 * each call preceded by the writes the host made to the NS pages it names,
 * so that fuzz_rmi_<profile> replays the scenario's calls as its seed.
 */
#ifndef CCA_CLI_FUZZ_SEED_H
#define CCA_CLI_FUZZ_SEED_H

#include <stdint.h>

#include <cca-double/abi.h>
#include <cca-double/rmm.h>

struct fuzz_seed;

/* NULL (with the reason printed) if `path` cannot be written. */
struct fuzz_seed *fuzz_seed_open(const char *path);
/* A scenario_run_opts.on_rmi_call hook; ctx is the fuzz_seed. */
void fuzz_seed_call(void *ctx, struct rmm *rmm, const struct abi_command *cmd,
		    const uint64_t *args);
/* Writes the file (calls, bytes, page words written); 0, or -1 (printed) on a write error. */
int fuzz_seed_close(struct fuzz_seed *fs, unsigned long *calls, unsigned long *bytes,
		    unsigned long *words);

#endif
