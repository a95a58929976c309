/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the 2.0 range map / unmap commands share (TF-RMM main
 * runtime/rmi/rtt_map.c, rtt_unmap.c): the output-address argument (flags.OADDR_TYPE, LIST_COUNT,
 * oaddr), the block walk over the descriptors, and the unmap sweep of one
 * leaf table.  Every call works inside one RTT; partial progress is
 * SUCCESS with x1 = the next IPA.
 */
#ifndef FAKE_RMM_RTT_RANGE_H
#define FAKE_RMM_RTT_RANGE_H

#include "addr_range.h"
#include "rtt.h"

/* The descriptors a map command consumes, block by block. */
struct map_source {
	const struct rmm_layout *lay;
	uint64_t desc[ADDR_LIST_MAX];
	unsigned int n, cur;
	uint64_t used;		/* blocks taken from desc[cur] */
	int level;		/* the walk level: from the first descriptor's size */
	uint64_t size;		/* bytes one entry at `level` maps */
};

/*
 * The checks RTT_DATA_MAP and RTT_UNPROT_MAP share, in TF-RMM's order
 * after the RD lock: realm NEW or ACTIVE (ERROR_REALM); top > base;
 * OADDR_TYPE SINGLE (oaddr is the descriptor) or LIST (oaddr an 8-byte
 * aligned NS address, LIST_COUNT > 0 after clipping to the granule);
 * the first descriptor gives the level (1..3) and, with
 * `want_delegated`, must say "delegated"; base valid at that level,
 * top - 4 KiB valid, both on the `protected` side of the PAR: all
 * ERROR_INPUT.  A range shorter than one block: ERROR_RTT(level).
 */
uint64_t map_source_read(const struct rmm *rmm, const struct realm *r, uint64_t base,
			 uint64_t top, uint64_t oaddr_type, uint64_t list_count, uint64_t oaddr,
			 bool want_delegated, bool protected_side, struct map_source *s);

/*
 * The next block to map at `ipa` (range top `top`): ERROR_INPUT when the
 * descriptors are used up, a descriptor says "undelegated" where
 * `want_delegated`, or the PA is not aligned to the block / too wide;
 * ERROR_RTT(level) when a descriptor has another block size or the block
 * does not fit below top.
 */
uint64_t map_source_next(struct map_source *s, const struct realm *r, uint64_t ipa,
			 uint64_t top, bool want_delegated, uint64_t *pa);

/* RMI_SUCCESS with x1 = out_top when anything was mapped, else `ret` (x1 = 0). */
static inline uint64_t map_finish(struct rmi_call *c, uint64_t ret, uint64_t base,
				  uint64_t out_top)
{
	if (out_top > base) {
		c->res[0] = out_top;
		return RMI_OK;
	}
	c->res[0] = 0;
	return ret;
}

/* The output-address argument of an unmap command, checked (ERROR_INPUT if not). */
struct unmap_output {
	unsigned int type;	/* RMI_ADDR_TYPE_* */
	uint64_t oaddr;
	struct addr_list_out list;
};
uint64_t unmap_output_check(const struct rmm *rmm, uint64_t flags, uint64_t oaddr,
			    struct unmap_output *out);
/*
 * All argument checks of RTT_DATA_UNMAP / RTT_UNPROT_UNMAP after the RD, in
 * TF-RMM order: base/top aligned, top > base; inside the IPA space; on the
 * `protected_side` of the PAR; then the output address (above).
 */
uint64_t unmap_args_check(const struct rmm *rmm, const struct realm *r, uint64_t base,
			  uint64_t top, uint64_t flags, uint64_t oaddr, bool protected_side,
			  struct unmap_output *out);

/* What one kind of unmap frees: DATA (protected) or NS mappings. */
struct unmap_kind {
	bool protected_side;
	enum s2tte_kind live;		/* S2TTE_ASSIGNED or S2TTE_ASSIGNED_NS */
	bool undelegated;		/* descriptor state of the freed PAs */
	/* Turns the live entry into its unassigned form and frees what it held. */
	void (*release)(struct rmm *rmm, struct realm *r, struct rtt_walk *w, unsigned int idx,
			int level);
};

/*
 * RTT_DATA_UNMAP / RTT_UNPROT_UNMAP after the RD and argument checks:
 * walk to the deepest table for base, then free live entries of that one
 * table while they fit below top.  Results: x1 top reached, x2 the
 * SINGLE descriptor, x3 the number of LIST descriptors written.
 */
uint64_t unmap_range(struct rmm *rmm, struct realm *r, uint64_t base, uint64_t top,
		     struct unmap_output *out, const struct unmap_kind *kind, struct rmi_call *c);
/*
 * The whole of RTT_DATA_UNMAP / RTT_UNPROT_UNMAP (rd, base, top, flags,
 * oaddr): RD check, argument checks for the kind's side of the IPA space,
 * then unmap_range().
 */
uint64_t unmap_command(struct rmm *rmm, struct rmi_call *c, const struct unmap_kind *kind);

#endif
