// SPDX-License-Identifier: BSD-3-Clause
/* A scenario's call stream in the fuzz encoding (see fuzz_seed.h). */
#include "fuzz_seed.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cca-double/pmem.h>

#include "stream_format.h"

struct fuzz_seed {
	FILE *f;
	const char *path;
	/* What the stream has written into each arena page so far (NULL: zeros). */
	uint64_t **pages;
	uint64_t npages;
	unsigned long calls, bytes, words;
	bool failed;
};

struct fuzz_seed *fuzz_seed_open(const char *path)
{
	struct fuzz_seed *fs = calloc(1, sizeof(*fs));

	if (!fs || !(fs->f = fopen(path, "wb"))) {
		perror(path);
		free(fs);
		return NULL;
	}
	fs->path = path;
	return fs;
}

static void put(struct fuzz_seed *fs, const uint8_t *b, size_t n)
{
	fs->failed |= fwrite(b, 1, n, fs->f) != n;
	fs->bytes += n;
}

/*
 * Brings the stream's copy of NS page `idx` up to what the host wrote
 * there: a zeroing first if words went back to zero, then the words that
 * differ, at most 255 to a record.
 */
static void sync_page(struct fuzz_seed *fs, uint64_t base, uint64_t size, uint64_t idx,
		      const uint64_t *now)
{
	static const uint64_t zero[FUZZ_WORDS_PER_PAGE];
	uint64_t *had = fs->pages[idx];
	const uint64_t *old = had ? had : zero;
	uint8_t rec[16];
	unsigned int nword = 0;
	size_t l;
	bool cleared = false;

	for (unsigned int i = 0; i < FUZZ_WORDS_PER_PAGE; i++)
		cleared |= old[i] && !now[i];
	if (cleared) {
		rec[0] = FUZZ_OP_PAGE_ZERO;
		l = 1 + fuzz_stream_put_value(rec + 1, base + idx * 4096, base, size);
		put(fs, rec, l);
		old = zero;
	}
	for (unsigned int i = 0; i < FUZZ_WORDS_PER_PAGE; i++)
		nword += now[i] != old[i];
	for (unsigned int i = 0, left = nword; left;) {
		unsigned int chunk = left > 255 ? 255 : left;

		rec[0] = FUZZ_OP_PAGE_WRITE;
		l = 1 + fuzz_stream_put_value(rec + 1, base + idx * 4096, base, size);
		rec[l++] = (uint8_t)chunk;
		put(fs, rec, l);
		for (unsigned int done = 0; done < chunk; i++) {
			if (now[i] == old[i])
				continue;
			rec[0] = (uint8_t)i;
			rec[1] = (uint8_t)(i >> 8);
			l = 2 + fuzz_stream_put_value(rec + 2, now[i], base, size);
			put(fs, rec, l);
			fs->words++;
			done++;
		}
		left -= chunk;
	}
	if (!had && (had = fs->pages[idx] = malloc(4096)) == NULL)
		return;
	memcpy(had, now, 4096);
}

void fuzz_seed_call(void *ctx, struct rmm *rmm, const struct abi_command *cmd,
		    const uint64_t *args)
{
	struct fuzz_seed *fs = ctx;
	const struct abi_command *cmds[FUZZ_MAX_COMMANDS];
	struct pmem *pm = rmm_pmem(rmm);
	uint64_t base = pmem_pa_base(pm), size = pmem_size(pm);
	unsigned int ncmd = fuzz_stream_commands(rmm_profile(rmm), cmds, FUZZ_MAX_COMMANDS), op;
	uint8_t rec[1 + 11 * ABI_MAX_ARGS];
	size_t l = 1;

	if (!fs->pages) {
		fs->npages = size / 4096;
		fs->pages = calloc(fs->npages, sizeof(*fs->pages));
		if (!fs->pages) {
			fs->failed = true;
			return;
		}
	}
	for (op = 0; op < ncmd && cmds[op] != cmd; op++)
		;
	if (op == ncmd)
		return;	/* arguments not described: not in the encoding */
	/* What the host wrote into the NS pages the call names (params, lists, sources). */
	for (unsigned int a = 0; a < cmd->nargs; a++) {
		uint64_t pa = args[a] & ~(1ULL << 63) & ~4095ULL;

		/* Only a page the encoding names (the arena folds into the fuzz arena's). */
		if (pa >= base && pa < base + size && rmm_granule_state(rmm, pa) == GRANULE_NS &&
		    fuzz_stream_put_value(rec, pa, base, size) == 2)
			sync_page(fs, base, size, (pa - base) / 4096, pmem_host_ptr(pm, pa));
	}
	rec[0] = (uint8_t)op;
	for (unsigned int a = 0; a < cmd->nargs; a++)
		l += fuzz_stream_put_value(rec + l, args[a], base, size);
	put(fs, rec, l);
	fs->calls++;
}

int fuzz_seed_close(struct fuzz_seed *fs, unsigned long *calls, unsigned long *bytes,
		    unsigned long *words)
{
	int ret = fs->failed ? -1 : 0;

	if (fclose(fs->f))
		ret = -1;
	if (ret)
		fprintf(stderr, "%s: write error\n", fs->path);
	*calls = fs->calls;
	*bytes = fs->bytes;
	*words = fs->words;
	for (uint64_t i = 0; i < fs->npages && fs->pages; i++)
		free(fs->pages[i]);
	free(fs->pages);
	free(fs);
	return ret;
}
