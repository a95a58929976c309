// SPDX-License-Identifier: BSD-3-Clause
/*
 * cca-double reference host code: RMI commands to their end, and the 2.0
 * Stateful RMI Operations (SRO, kernel-series.md §2.8).
 *
 * A command answered BUSY or BLOCKED is issued again, at most
 * RMI_RETRY_MAX times.  A command answered INCOMPLETE has become an
 * operation with a handle (x1 of that first answer) which the host drives
 * by what each answer asks for:
 *
 *   no memory  OP_CONTINUE(handle)
 *   donate     x2 describes the memory (granules only here, contiguous or
 *              not, delegated or not): allocate, delegate if asked, list it
 *              in address-range descriptors, OP_MEM_DONATE(handle, list, n);
 *              x1 = granules consumed, the rest comes straight back
 *   reclaim    OP_MEM_RECLAIM(handle, list, slots); x1 = descriptors written
 *              back, whose granules are undelegated and freed
 *
 * until an answer is not INCOMPLETE: that x0 is the command's result.
 * The state remembers every granule the RMM holds, so that memory an RMM
 * never gives back (an operation abandoned, a REC it will not destroy) is
 * quarantined rather than freed or forgotten.  Every loop is bounded.
 */
#include <linux/bitfield.h>
#include <linux/slab.h>

#include "realm_internal.h"

#define RMI_SRO_MAX_GRANULES	128
#define RMI_SRO_MAX_STEPS	1024
#define RMI_SRO_LIST_SLOTS	(PAGE_SIZE / sizeof(u64))

struct rmi_sro_granule {
	phys_addr_t phys;
	unsigned short block;	/* index in blocks[]: the allocation it belongs to */
	bool delegated;		/* donated delegated: undelegate when it comes back */
	bool held;		/* the RMM has it */
};

struct rmi_sro_block {
	void *va;
	unsigned int pages;
	unsigned int out;	/* granules not yet back */
};

struct rmi_sro_state {
	unsigned long handle;
	u64 *list;		/* one page of address-range descriptors */
	unsigned int nr_granules, nr_blocks;
	struct rmi_sro_granule granules[RMI_SRO_MAX_GRANULES];
	struct rmi_sro_block blocks[RMI_SRO_MAX_GRANULES];
};

static bool rmi_should_retry(unsigned long x0)
{
	return RMI_RETURN_STATUS(x0) == RMI_BUSY || RMI_RETURN_STATUS(x0) == RMI_BLOCKED;
}

/* One SMC, re-issued while the RMM is busy; regs in: the call, out: the answer. */
static void rmi_smc_retry(struct arm_smccc_1_2_regs *regs)
{
	struct arm_smccc_1_2_regs call = *regs;

	for (int tries = 0; ; tries++) {
		arm_smccc_1_2_invoke(&call, regs);
		if (!rmi_should_retry(regs->a0) || tries == RMI_RETRY_MAX)
			return;
	}
}

struct rmi_sro_state *rmi_sro_alloc(void)
{
	return kzalloc(sizeof(struct rmi_sro_state), GFP_KERNEL);
}

/* A granule is back with the host: undelegated (quarantined if refused), block freed when whole. */
static void rmi_sro_granule_back(struct rmi_sro_state *sro, struct rmi_sro_granule *g)
{
	struct rmi_sro_block *b = &sro->blocks[g->block];

	if (g->delegated && WARN_ON(realm_undelegate_page(g->phys)))
		realm_quarantine_page(g->phys);
	g->held = false;
	g->phys = 0;
	if (--b->out == 0 && b->va) {
		free_pages_exact(b->va, b->pages << PAGE_SHIFT);
		b->va = NULL;
	}
}

/* Compacts the tables once nothing in them is out any more. */
static void rmi_sro_tidy(struct rmi_sro_state *sro)
{
	for (unsigned int i = 0; i < sro->nr_blocks; i++)
		if (sro->blocks[i].out)
			return;
	sro->nr_granules = 0;
	sro->nr_blocks = 0;
}

/*
 * Allocates what a donate request asks for and lists it from list[0]:
 * one descriptor of `count` granules if contiguous, else one per granule.
 * Returns the number of descriptors, or < 0.
 */
static int rmi_sro_prepare_donation(struct rmi_sro_state *sro, u64 req)
{
	unsigned long count = FIELD_GET(RMI_DONATE_COUNT_MASK, req);
	bool contig = req & RMI_DONATE_CONTIG;
	bool delegated = !(req & RMI_DONATE_STATE);
	unsigned long nblocks = contig ? 1 : count, pages = contig ? count : 1;
	int n = 0;

	/* Granule-sized blocks only (all a 4 KiB host can allocate exactly). */
	if (WARN_ON(FIELD_GET(RMI_DONATE_SIZE_MASK, req) != RMI_BLOCK_SIZE_L3) || !count ||
	    WARN_ON(sro->nr_granules + count > RMI_SRO_MAX_GRANULES ||
		    sro->nr_blocks + nblocks > RMI_SRO_MAX_GRANULES || nblocks > RMI_SRO_LIST_SLOTS))
		return -EINVAL;
	for (unsigned long i = 0; i < nblocks; i++) {
		struct rmi_sro_block *b = &sro->blocks[sro->nr_blocks];
		phys_addr_t phys;

		b->va = alloc_pages_exact(pages << PAGE_SHIFT, GFP_KERNEL | __GFP_ZERO);
		if (!b->va)
			return n ? n : -ENOMEM;
		phys = virt_to_phys(b->va);
		if (delegated && realm_delegate_range(phys, pages << PAGE_SHIFT)) {
			free_pages_exact(b->va, pages << PAGE_SHIFT);
			b->va = NULL;
			return n ? n : -ENXIO;
		}
		b->pages = pages;
		b->out = pages;
		for (unsigned long k = 0; k < pages; k++)
			sro->granules[sro->nr_granules++] = (struct rmi_sro_granule){
				.phys = phys + (k << PAGE_SHIFT), .block = sro->nr_blocks,
				.delegated = delegated, .held = true,
			};
		sro->list[n++] = rmi_addr_range(phys, pages, RMI_BLOCK_SIZE_L3, !delegated);
		sro->nr_blocks++;
	}
	return n;
}

/*
 * After OP_MEM_DONATE: the RMM consumed the first `consumed` granules of
 * the last `ngranules` listed; the others are the host's again.
 */
static void rmi_sro_unconsumed_back(struct rmi_sro_state *sro, unsigned long ngranules,
				    unsigned long consumed)
{
	unsigned int first = sro->nr_granules - ngranules;

	for (unsigned int i = first + min(consumed, ngranules); i < sro->nr_granules; i++)
		rmi_sro_granule_back(sro, &sro->granules[i]);
}

static struct rmi_sro_granule *rmi_sro_find(struct rmi_sro_state *sro, phys_addr_t phys)
{
	for (unsigned int i = 0; i < sro->nr_granules; i++)
		if (sro->granules[i].held && sro->granules[i].phys == phys)
			return &sro->granules[i];
	return NULL;
}

/* OP_MEM_RECLAIM wrote n descriptors: their granules come back. */
static void rmi_sro_reclaimed(struct rmi_sro_state *sro, unsigned long n)
{
	for (unsigned long i = 0; i < min(n, RMI_SRO_LIST_SLOTS); i++) {
		u64 d = sro->list[i];
		unsigned long granules = FIELD_GET(RMI_ADDR_RANGE_COUNT_MASK, d) <<
					 (9 * FIELD_GET(RMI_ADDR_RANGE_SIZE_MASK, d));
		phys_addr_t phys = d & RMI_ADDR_RANGE_ADDR_MASK;

		for (unsigned long k = 0; k < granules && k < RMI_SRO_MAX_GRANULES; k++) {
			struct rmi_sro_granule *g = rmi_sro_find(sro, phys + (k << PAGE_SHIFT));

			/* Memory this host never gave: not the host's to free. */
			if (WARN_ON(!g))
				break;
			rmi_sro_granule_back(sro, g);
		}
	}
}

/* One step of an operation the last answer (regs) left INCOMPLETE; regs: the next answer. */
static int rmi_sro_step(struct rmi_sro_state *sro, struct arm_smccc_1_2_regs *regs)
{
	struct arm_smccc_1_2_regs call = { 0 };
	unsigned long before = sro->nr_granules;
	int n;

	switch (RMI_RETURN_MEMREQ(regs->a0)) {
	case RMI_OP_MEM_REQ_NONE:
		call = (struct arm_smccc_1_2_regs){ SMC_RMI_OP_CONTINUE, sro->handle, 0 };
		break;
	case RMI_OP_MEM_REQ_DONATE:
		n = rmi_sro_prepare_donation(sro, regs->a2);
		if (n < 0)
			return n;
		call = (struct arm_smccc_1_2_regs){ SMC_RMI_OP_MEM_DONATE, sro->handle,
						    virt_to_phys(sro->list), n };
		break;
	case RMI_OP_MEM_REQ_RECLAIM:
		call = (struct arm_smccc_1_2_regs){ SMC_RMI_OP_MEM_RECLAIM, sro->handle,
						    virt_to_phys(sro->list), RMI_SRO_LIST_SLOTS };
		break;
	default:
		WARN(1, "SRO: unknown memory request in 0x%lx", regs->a0);
		return -EINVAL;
	}
	*regs = call;
	rmi_smc_retry(regs);
	if (call.a0 == SMC_RMI_OP_MEM_DONATE)
		rmi_sro_unconsumed_back(sro, sro->nr_granules - before,
					RMI_RETURN_STATUS(regs->a0) == RMI_INCOMPLETE ||
					RMI_RETURN_STATUS(regs->a0) == RMI_SUCCESS ? regs->a1 : 0);
	else if (call.a0 == SMC_RMI_OP_MEM_RECLAIM &&
		 (RMI_RETURN_STATUS(regs->a0) == RMI_INCOMPLETE ||
		  RMI_RETURN_STATUS(regs->a0) == RMI_SUCCESS))
		rmi_sro_reclaimed(sro, regs->a1);
	return 0;
}

/*
 * Gives up the state: granules the RMM still holds cannot come back (the
 * operation was abandoned, or the object using them was not destroyed),
 * so they are quarantined; the rest is freed.
 */
void rmi_sro_free(struct rmi_sro_state *sro)
{
	if (!sro)
		return;
	for (unsigned int i = 0; i < sro->nr_granules; i++) {
		struct rmi_sro_granule *g = &sro->granules[i];

		if (!g->held)
			continue;
		realm_quarantine_page(g->phys);
		g->delegated = false;	/* the RMM's: no undelegation attempt */
		rmi_sro_granule_back(sro, g);
	}
	free_page((unsigned long)sro->list);
	kfree(sro);
}

/* Drives an operation started by the answer in regs to its end. */
static int rmi_sro_drive(struct rmi_sro_state *sro, struct arm_smccc_1_2_regs *regs)
{
	int steps;

	if (!sro->list)
		sro->list = (u64 *)get_zeroed_page(GFP_KERNEL);
	if (!sro->list)
		return -ENOMEM;
	sro->handle = regs->a1;
	for (steps = 0; RMI_RETURN_STATUS(regs->a0) == RMI_INCOMPLETE; steps++) {
		int ret = steps < RMI_SRO_MAX_STEPS ? rmi_sro_step(sro, regs) : -ELOOP;

		if (ret) {
			/* Abandoned: what the RMM holds stays the RMM's. */
			WARN(1, "SRO handle %lu abandoned: %d", sro->handle, ret);
			return ret;
		}
	}
	rmi_sro_tidy(sro);
	return 0;
}

int rmi_sro_execute(struct rmi_sro_state *sro, struct arm_smccc_1_2_regs *regs)
{
	struct rmi_sro_state *own = NULL;
	int ret;

	rmi_smc_retry(regs);
	if (RMI_RETURN_STATUS(regs->a0) != RMI_INCOMPLETE)
		return (int)regs->a0;
	if (!sro) {
		own = rmi_sro_alloc();
		if (!own)
			return (int)regs->a0;
		sro = own;
	}
	ret = rmi_sro_drive(sro, regs);
	/*
	 * A command without a state of its own must give back what it took:
	 * anything still held when it ends is quarantined with it.
	 */
	if (own) {
		WARN_ON(!ret && own->nr_granules);
		rmi_sro_free(own);
	}
	return (int)regs->a0;	/* abandoned: still INCOMPLETE, never 0 */
}
