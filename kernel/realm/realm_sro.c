// SPDX-License-Identifier: BSD-3-Clause
/*
 * cca-double reference host code: RMI commands to their end, and the 2.0
 * Stateful RMI Operations (SRO, DEN0137 2.0).
 *
 * A command answered BUSY is issued again, at most RMI_RETRY_MAX times;
 * BLOCKED (no operation context free) as often as the flavour allows
 * (ops->blocked_tries: the post-v14 host gives up after the second), then
 * the command fails with that answer.  A command answered INCOMPLETE has
 * become an operation with a handle (x1 of that first answer) which the
 * host drives by what each answer asks for:
 *
 *   no memory  OP_CONTINUE(handle, KEEP_GOING)
 *   donate     x2 describes the memory: 4 KiB or 2 MiB blocks, contiguous
 *              (one allocation) or not (one per block), and its STATE:
 *              delegated, undelegated or (a later revision) conditional,
 *              either.  Allocate (alloc_pages_exact), delegate only if
 *              asked to, list it in address-range descriptors saying
 *              which it is (either state meets a conditional request, as
 *              TF-RMM's test host host_sro_prepare_donation() reads it:
 *              this host gives undelegated memory),
 *              OP_MEM_DONATE(handle, list, n); x1 = granules consumed, the
 *              rest comes straight back
 *   reclaim    OP_MEM_RECLAIM(handle, list, slots); x1 = descriptors
 *              written back, whose blocks are undelegated if the
 *              descriptor says they are delegated, then freed
 *
 * until an answer is not INCOMPLETE: that x0 is the command's result.
 * Where STATE lives in descriptors and requests is the flavour's
 * (rmi_range_state(), rmi_donate_state()).  Memory requests belong to the
 * commands whose operation transfers memory (rmi_sro_execute()); with a
 * flavour that says so (ops->memory_only_on_transfer) a request on any
 * other command (rmi_execute(): continue-only) is the RMM's error, met
 * like a request the host cannot meet, with a WARN.
 *
 * A request the host cannot meet (the allocation fails, a block size it
 * does not allocate, more blocks than it tracks) ends the operation: with
 * can-cancel set, OP_CANCEL, then the operation is driven on to give back
 * what the RMM holds and the command fails with -ECANCELED (the shape of
 * the post-v14 rmi_sro_memxfer_execute()); with can-cancel clear, the
 * operation is abandoned with a WARN.  The state remembers every block the
 * RMM holds, so that memory an RMM never gives back (an abandoned
 * operation, a REC it will not destroy) is quarantined rather than freed
 * or forgotten.  Every loop is bounded.
 */
#include <linux/bitfield.h>
#include <linux/slab.h>

#include "realm_internal.h"

#define RMI_SRO_MAX_STEPS	1024
#define RMI_SRO_LIST_SLOTS	(PAGE_SIZE / sizeof(u64))
/* Blocks (and allocations) the RMM may hold at once: one list page's worth. */
#define RMI_SRO_MAX_UNITS	RMI_SRO_LIST_SLOTS
/* Pages in a block of RMI_BLOCK_SIZE_* `size`: 4 KiB and 2 MiB are what this host allocates. */
#define RMI_SRO_BLOCK_PAGES(size)	(1UL << (9 * (size)))

/* One donated block: a granule or a PMD-sized block. */
struct rmi_sro_unit {
	phys_addr_t phys;
	unsigned int pages;
	unsigned short alloc;	/* index in allocs[]: the allocation it belongs to */
	bool delegated;		/* donated delegated (the RMM asked for delegated memory) */
	bool held;		/* the RMM has it */
};

struct rmi_sro_alloc {
	void *va;
	unsigned int pages;
	unsigned int out;	/* units not yet back */
};

struct rmi_sro_state {
	/*
	 * How its memory is allocated: GFP_KERNEL for the memory-transfer
	 * operations (realm, REC and RMM lifecycle, which may sleep);
	 * GFP_ATOMIC for the continue-only commands, which the fault and
	 * unmap paths issue under kvm->mmu_lock, a spinning rwlock.
	 */
	gfp_t gfp;
	unsigned long handle;
	u64 *list;		/* one page of address-range descriptors */
	unsigned int nr_units, nr_allocs;
	struct rmi_sro_unit units[RMI_SRO_MAX_UNITS];
	struct rmi_sro_alloc allocs[RMI_SRO_MAX_UNITS];
};

/* BLOCKED answers a command may get: the flavour's bound, or BUSY's before a flavour is chosen. */
static unsigned int rmi_blocked_tries(void)
{
	return rmi_ops && rmi_ops->blocked_tries ? rmi_ops->blocked_tries : RMI_RETRY_MAX + 1;
}

/* One SMC, re-issued while the RMM is busy or blocked; regs in: the call, out: the answer. */
static void rmi_smc_retry(struct arm_smccc_1_2_regs *regs)
{
	struct arm_smccc_1_2_regs call = *regs;
	unsigned int busy = 0, blocked = 0;

	for (;;) {
		arm_smccc_1_2_invoke(&call, regs);
		if (RMI_RETURN_STATUS(regs->a0) == RMI_BUSY && busy++ < RMI_RETRY_MAX)
			continue;
		if (RMI_RETURN_STATUS(regs->a0) == RMI_BLOCKED && ++blocked < rmi_blocked_tries())
			continue;
		return;
	}
}

struct rmi_sro_state *rmi_sro_alloc(void)
{
	struct rmi_sro_state *sro = kzalloc(sizeof(struct rmi_sro_state), GFP_KERNEL);

	if (sro)
		sro->gfp = GFP_KERNEL;
	return sro;
}

/*
 * A block is back with the host, `delegated` if it is still delegated: it
 * is undelegated (pages refused are quarantined, with a WARN), and its
 * allocation is freed once whole.
 */
static void rmi_sro_unit_back(struct rmi_sro_state *sro, struct rmi_sro_unit *u, bool delegated)
{
	struct rmi_sro_alloc *a = &sro->allocs[u->alloc];

	if (delegated)
		realm_undelegate_range(u->phys, (unsigned long)u->pages << PAGE_SHIFT);
	u->held = false;
	u->phys = 0;
	if (--a->out == 0 && a->va) {
		free_pages_exact(a->va, (size_t)a->pages << PAGE_SHIFT);
		a->va = NULL;
	}
}

/* Compacts the tables once nothing in them is out any more. */
static void rmi_sro_tidy(struct rmi_sro_state *sro)
{
	for (unsigned int i = 0; i < sro->nr_allocs; i++)
		if (sro->allocs[i].out)
			return;
	sro->nr_units = 0;
	sro->nr_allocs = 0;
}

/*
 * Allocates what a donate request asks for and lists it from list[0]:
 * contiguous, one allocation and one descriptor of `count` blocks (a
 * power-of-two run alloc_pages_exact() aligns naturally); otherwise one
 * allocation and one descriptor per block.  Only memory asked for
 * delegated is delegated; each descriptor says which it is.
 * Returns the number of descriptors (> 0), -ENOSPC for a request this
 * host cannot take (block size, more blocks than it tracks), or -ENOMEM /
 * -ENXIO when nothing could be allocated / delegated.
 */
static int rmi_sro_prepare_donation(struct rmi_sro_state *sro, u64 req)
{
	unsigned long size = FIELD_GET(RMI_DONATE_SIZE_MASK, req);
	unsigned long count = FIELD_GET(RMI_DONATE_COUNT_MASK, req);
	bool contig = req & RMI_DONATE_CONTIG;
	bool delegated = rmi_donate_state(req) == RMI_OP_MEM_DELEGATED;
	unsigned long state = delegated ? RMI_OP_MEM_DELEGATED : RMI_OP_MEM_UNDELEGATED;
	unsigned long nallocs = contig ? 1 : count, unit_pages, alloc_pages;
	int n = 0;

	/* 1 GiB and larger blocks: beyond what alloc_pages_exact() can give (v14 review). */
	if (size > RMI_BLOCK_SIZE_L2 || !count ||
	    sro->nr_units + count > RMI_SRO_MAX_UNITS || sro->nr_allocs + nallocs > RMI_SRO_MAX_UNITS)
		return -ENOSPC;
	unit_pages = RMI_SRO_BLOCK_PAGES(size);
	alloc_pages = contig ? count * unit_pages : unit_pages;
	for (unsigned long i = 0; i < nallocs; i++) {
		struct rmi_sro_alloc *a = &sro->allocs[sro->nr_allocs];
		unsigned long units = alloc_pages / unit_pages;
		phys_addr_t phys;

		a->va = alloc_pages_exact(alloc_pages << PAGE_SHIFT, sro->gfp | __GFP_ZERO);
		if (!a->va)
			return n ? n : -ENOMEM;
		phys = virt_to_phys(a->va);
		if (delegated && realm_delegate_range(phys, alloc_pages << PAGE_SHIFT)) {
			free_pages_exact(a->va, alloc_pages << PAGE_SHIFT);
			a->va = NULL;
			return n ? n : -ENXIO;
		}
		a->pages = alloc_pages;
		a->out = units;
		for (unsigned long k = 0; k < units; k++)
			sro->units[sro->nr_units++] = (struct rmi_sro_unit){
				.phys = phys + ((k * unit_pages) << PAGE_SHIFT), .pages = unit_pages,
				.alloc = sro->nr_allocs, .delegated = delegated, .held = true,
			};
		sro->list[n++] = rmi_range_in_state(rmi_addr_range(phys, units, size), state);
		sro->nr_allocs++;
	}
	return n;
}

/*
 * After OP_MEM_DONATE: the RMM consumed the first `consumed` granules of
 * the blocks listed from unit `first`; the others are the host's again.
 * The RMM takes whole blocks: a block it took part of stays its own.
 */
static void rmi_sro_unconsumed_back(struct rmi_sro_state *sro, unsigned int first,
				    unsigned long consumed)
{
	for (unsigned int i = first; i < sro->nr_units; i++) {
		struct rmi_sro_unit *u = &sro->units[i];

		if (consumed) {
			consumed -= min(consumed, (unsigned long)u->pages);
			continue;
		}
		rmi_sro_unit_back(sro, u, u->delegated);
	}
}

static struct rmi_sro_unit *rmi_sro_find(struct rmi_sro_state *sro, phys_addr_t phys,
					 unsigned long pages)
{
	for (unsigned int i = 0; i < sro->nr_units; i++)
		if (sro->units[i].held && sro->units[i].phys == phys && sro->units[i].pages == pages)
			return &sro->units[i];
	return NULL;
}

/* OP_MEM_RECLAIM wrote n descriptors: their blocks come back, in the state each names. */
static void rmi_sro_reclaimed(struct rmi_sro_state *sro, unsigned long n)
{
	for (unsigned long i = 0; i < min(n, RMI_SRO_LIST_SLOTS); i++) {
		u64 d = sro->list[i];
		unsigned long size = FIELD_GET(RMI_ADDR_RANGE_SIZE_MASK, d);
		unsigned long count = FIELD_GET(RMI_ADDR_RANGE_COUNT_MASK, d);
		bool delegated = rmi_range_state(d) == RMI_OP_MEM_DELEGATED;
		phys_addr_t phys = d & RMI_ADDR_RANGE_ADDR_MASK;

		for (unsigned long k = 0; k < count && size <= RMI_BLOCK_SIZE_L2; k++) {
			unsigned long pages = RMI_SRO_BLOCK_PAGES(size);
			struct rmi_sro_unit *u = rmi_sro_find(sro, phys + ((k * pages) << PAGE_SHIFT),
							      pages);

			/* Memory this host never gave (or not as one block): not the host's to free. */
			if (WARN_ON(!u))
				break;
			rmi_sro_unit_back(sro, u, delegated);
		}
	}
}

/*
 * One step of an operation the last answer (regs) left INCOMPLETE; regs:
 * the next answer.  transfer: the command's operation may move memory.
 */
static int rmi_sro_step(struct rmi_sro_state *sro, struct arm_smccc_1_2_regs *regs,
			bool transfer)
{
	struct arm_smccc_1_2_regs call = { 0 };
	unsigned int memreq = RMI_RETURN_MEMREQ(regs->a0);
	unsigned int first = sro->nr_units;
	int n;

	if (memreq != RMI_OP_MEM_REQ_NONE && !transfer && rmi_ops->memory_only_on_transfer) {
		WARN(1, "SRO handle %lu: memory request 0x%lx on a continue-only command",
		     sro->handle, regs->a0);
		return -EPROTO;
	}
	switch (memreq) {
	case RMI_OP_MEM_REQ_NONE:
		call = (struct arm_smccc_1_2_regs){ SMC_RMI_OP_CONTINUE, sro->handle,
						    RMI_CONTINUE_KEEP_GOING };
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
		rmi_sro_unconsumed_back(sro, first,
					RMI_RETURN_STATUS(regs->a0) == RMI_INCOMPLETE ||
					RMI_RETURN_STATUS(regs->a0) == RMI_SUCCESS ? regs->a1 : 0);
	else if (call.a0 == SMC_RMI_OP_MEM_RECLAIM &&
		 (RMI_RETURN_STATUS(regs->a0) == RMI_INCOMPLETE ||
		  RMI_RETURN_STATUS(regs->a0) == RMI_SUCCESS))
		rmi_sro_reclaimed(sro, regs->a1);
	return 0;
}

bool rmi_sro_holds(const struct rmi_sro_state *sro)
{
	for (unsigned int i = 0; i < sro->nr_units; i++)
		if (sro->units[i].held)
			return true;
	return false;
}

/*
 * Gives up the state: blocks the RMM still holds cannot come back (the
 * operation was abandoned, or the object using them was not destroyed),
 * so their pages are quarantined; the rest is freed.
 */
void rmi_sro_free(struct rmi_sro_state *sro)
{
	if (!sro)
		return;
	for (unsigned int i = 0; i < sro->nr_units; i++) {
		struct rmi_sro_unit *u = &sro->units[i];

		if (!u->held)
			continue;
		for (unsigned int k = 0; k < u->pages; k++)
			realm_quarantine_page(u->phys + ((phys_addr_t)k << PAGE_SHIFT));
		rmi_sro_unit_back(sro, u, false);	/* the RMM's: no undelegation attempt */
	}
	free_page((unsigned long)sro->list);
	kfree(sro);
}

/*
 * Drives an operation started by the answer in regs to its end.  0: it
 * ended (regs hold the last answer); -ECANCELED: the host cancelled it
 * and got back what the RMM gave; other < 0: abandoned.
 */
static int rmi_sro_drive(struct rmi_sro_state *sro, struct arm_smccc_1_2_regs *regs,
			 bool transfer)
{
	bool cancelled = false;
	int steps;

	/* No flavour yet (RMI_VERSION, FEATURES): nothing says what an answer means. */
	if (WARN_ON(!rmi_ops))
		return -ENODEV;
	if (!sro->list)
		sro->list = (u64 *)get_zeroed_page(sro->gfp);
	if (!sro->list)
		return -ENOMEM;
	sro->handle = regs->a1;
	for (steps = 0; RMI_RETURN_STATUS(regs->a0) == RMI_INCOMPLETE; steps++) {
		bool can_cancel = RMI_RETURN_CAN_CANCEL(regs->a0);
		int ret = steps < RMI_SRO_MAX_STEPS ? rmi_sro_step(sro, regs, transfer) : -ELOOP;

		if (!ret)
			continue;
		/*
		 * The request cannot be met.  Cancellable: OP_CANCEL, then
		 * whatever the RMM asks next (reclaiming what it held) until
		 * the operation ends.  Not cancellable (or the cancel path
		 * itself fails): abandoned, what the RMM holds stays the RMM's.
		 */
		if (can_cancel && !cancelled && ret != -ELOOP) {
			*regs = (struct arm_smccc_1_2_regs){ SMC_RMI_OP_CANCEL, sro->handle };
			rmi_smc_retry(regs);
			cancelled = true;
			if (RMI_RETURN_STATUS(regs->a0) == RMI_INCOMPLETE ||
			    RMI_RETURN_STATUS(regs->a0) == RMI_SUCCESS)
				continue;
		}
		WARN(1, "SRO handle %lu abandoned: %d", sro->handle, ret);
		return ret;
	}
	rmi_sro_tidy(sro);
	return cancelled ? -ECANCELED : 0;
}

static int rmi_sro_run(struct rmi_sro_state *sro, struct arm_smccc_1_2_regs *regs, bool transfer)
{
	struct rmi_sro_state *own = NULL;
	int ret;

	rmi_smc_retry(regs);
	if (RMI_RETURN_STATUS(regs->a0) != RMI_INCOMPLETE)
		return (int)regs->a0;
	if (!sro) {
		/* A continue-only command: perhaps under mmu_lock, so nothing may sleep. */
		own = kzalloc(sizeof(*own), GFP_ATOMIC);
		if (!own)
			return (int)regs->a0;
		own->gfp = GFP_ATOMIC;
		sro = own;
	}
	ret = rmi_sro_drive(sro, regs, transfer);
	/*
	 * A command without a state of its own must give back what it took:
	 * anything still held when it ends is quarantined with it.
	 */
	if (own) {
		WARN_ON(!ret && own->nr_units);
		rmi_sro_free(own);
	}
	if (ret == -ECANCELED)
		return ret;	/* cancelled: the command did not happen */
	return (int)regs->a0;	/* abandoned: still INCOMPLETE, never 0 */
}

int rmi_sro_execute(struct rmi_sro_state *sro, struct arm_smccc_1_2_regs *regs)
{
	return rmi_sro_run(sro, regs, true);
}

int rmi_execute(struct arm_smccc_1_2_regs *regs)
{
	return rmi_sro_run(NULL, regs, false);
}
