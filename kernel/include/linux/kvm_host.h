/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands for include/linux/kvm_host.h, cut down to what realm code uses:
 * struct kvm / kvm_vcpu with the kernel's field names, memslots (a flat
 * array instead of the kernel's trees; same iteration macros), guest_memfd
 * through kvm_gmem_populate() with the v14 callback contract, the MMU
 * memory cache, and the exit helpers.  The behaviour behind the
 * out-of-line functions is in kernel/kvm/.
 */
#ifndef __KVM_HOST_H
#define __KVM_HOST_H

#include <linux/atomic.h>
#include <linux/bug.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/kvm_types.h>
#include <linux/lockdep.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/sizes.h>
#include <linux/spinlock.h>
#include <linux/srcu.h>
#include <linux/types.h>
#include <uapi/linux/kvm.h>
#include <asm/kvm_host.h>

#define KVM_MEM_SLOTS_NUM	32
#define KVM_USER_MEM_SLOTS	KVM_MEM_SLOTS_NUM

#define KVM_MEM_LOG_DIRTY_PAGES	(1UL << 0)
#define KVM_MEM_READONLY	(1UL << 1)
#define KVM_MEM_GUEST_MEMFD	(1UL << 2)

struct kvm_gmem;

struct kvm_memory_slot {
	gfn_t base_gfn;
	unsigned long npages;
	u32 flags;
	short id;
	u16 as_id;
	unsigned long userspace_addr;	/* shared (unprotected) backing, or 0 */
	struct {
		struct kvm_gmem *file;	/* guest_memfd backing (private memory) */
		pgoff_t pgoff;
	} gmem;
};

struct kvm_memslots {
	int used_slots;
	struct kvm_memory_slot slots[KVM_MEM_SLOTS_NUM];
};

struct kvm {
	rwlock_t mmu_lock;
	struct mutex slots_lock;
	struct mutex lock;
	struct srcu_struct srcu;
	struct kvm_memslots *memslots[1];
	struct kvm_vcpu *vcpus[KVM_MAX_VCPUS];
	atomic_t online_vcpus;
	unsigned long type;
	bool vm_bugged;
	bool vm_dead;
	/* MMU notifier invalidations: a change in progress, and how many ended. */
	unsigned long mmu_invalidate_seq;
	long mmu_invalidate_in_progress;
	struct kvm_vm_stat stat;
	struct kvm_arch arch;
	/* Mock: per-gfn memory attributes (bit set: private), gfns below mem_attr_npages. */
	unsigned long *mem_attr_private;
	unsigned long mem_attr_npages;
};

/* Where a vCPU's thread is, for kvm_vcpu_kick() (virt/kvm/kvm_main.c's protocol). */
enum {
	OUTSIDE_GUEST_MODE,
	IN_GUEST_MODE,
	EXITING_GUEST_MODE,
	READING_SHADOW_PAGE_TABLES,
};

struct kvm_vcpu {
	struct kvm *kvm;
	/*
	 * The CPU (host thread, mock_this_cpu()) the vCPU last entered guest
	 * mode on: where a kick sends its IPI (the kernel's int cpu).
	 */
	void *mock_cpu;
	int vcpu_id;
	int vcpu_idx;
	int mode;			/* *_GUEST_MODE, read and changed atomically */
	bool blocked;			/* in kvm_vcpu_block(): a kick wakes it */
	struct kvm_run *run;
	bool mmio_needed;
	u64 requests;
	struct kvm_vcpu_stat stat;
	struct kvm_vcpu_arch arch;
};

static inline bool kvm_arm_vcpu_stopped(struct kvm_vcpu *vcpu)
{
	return __atomic_load_n(&vcpu->arch.mp_state.mp_state, __ATOMIC_ACQUIRE) ==
	       KVM_MP_STATE_STOPPED;
}

/* The mock's writer of the power state (callers hold vcpu->arch.mp_state_lock). */
static inline void kvm_arm_vcpu_set_mp_state(struct kvm_vcpu *vcpu, u32 state)
{
	__atomic_store_n(&vcpu->arch.mp_state.mp_state, state, __ATOMIC_RELEASE);
}

/* ---- vCPU requests (KVM_REQ_*: bit number, flags above bit 7) ---- */

#define KVM_REQUEST_MASK		GENMASK(7, 0)
#define KVM_REQUEST_ARCH_BASE		8
#define KVM_ARCH_REQ(nr)		((unsigned int)((nr) + KVM_REQUEST_ARCH_BASE))

/*
 * Requests are made from any thread and consumed by the vCPU's: the bit is
 * set after a barrier (whatever the request is about is visible first) and
 * tested and cleared atomically, as the kernel's set_bit/test_and_clear.
 */
#define KVM_REQ_VM_DEAD			1

static inline void kvm_make_request(int req, struct kvm_vcpu *vcpu)
{
	smp_wmb();
	__atomic_fetch_or(&vcpu->requests, BIT_ULL(req & KVM_REQUEST_MASK), __ATOMIC_SEQ_CST);
}

static inline bool kvm_request_pending(struct kvm_vcpu *vcpu)
{
	return __atomic_load_n(&vcpu->requests, __ATOMIC_SEQ_CST);
}

static inline bool kvm_test_request(int req, struct kvm_vcpu *vcpu)
{
	return __atomic_load_n(&vcpu->requests, __ATOMIC_SEQ_CST) & BIT_ULL(req & KVM_REQUEST_MASK);
}

static inline void kvm_clear_request(int req, struct kvm_vcpu *vcpu)
{
	__atomic_fetch_and(&vcpu->requests, ~BIT_ULL(req & KVM_REQUEST_MASK), __ATOMIC_SEQ_CST);
}

static inline bool kvm_check_request(int req, struct kvm_vcpu *vcpu)
{
	u64 bit = BIT_ULL(req & KVM_REQUEST_MASK);

	if (!(__atomic_fetch_and(&vcpu->requests, ~bit, __ATOMIC_SEQ_CST) & bit))
		return false;
	smp_mb();	/* what the request is about, after the bit */
	return true;
}

/*
 * virt/kvm/kvm_main.c (kernel/kvm/kvm_main.c): a kick wakes a vCPU blocked
 * in kvm_vcpu_block() or, if it is in guest mode, moves it to
 * EXITING_GUEST_MODE and sends its CPU an IPI, which ends the REC_ENTER
 * running there with an IRQ exit.  A vCPU outside guest mode sees the
 * request (or the signal) before its next entry (the KVM_RUN loop sets
 * IN_GUEST_MODE, then checks), so no kick is lost.
 */
void kvm_vcpu_kick(struct kvm_vcpu *vcpu);
bool kvm_vcpu_wake_up(struct kvm_vcpu *vcpu);
bool kvm_make_all_cpus_request(struct kvm *kvm, unsigned int req);
/* Whether a kick should send an IPI: IN_GUEST_MODE -> EXITING_GUEST_MODE. */
static inline int kvm_vcpu_exiting_guest_mode(struct kvm_vcpu *vcpu)
{
	int in = IN_GUEST_MODE;

	__atomic_compare_exchange_n(&vcpu->mode, &in, EXITING_GUEST_MODE, false,
				    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
	return in;
}

/* ---- vCPUs ---- */

static inline struct kvm_vcpu *kvm_get_vcpu(struct kvm *kvm, int i)
{
	return i < atomic_read(&kvm->online_vcpus) ? kvm->vcpus[i] : NULL;
}

#define kvm_for_each_vcpu(idx, vcpup, kvm)				\
	for ((idx) = 0; ((vcpup) = kvm_get_vcpu((kvm), (idx))) != NULL; (idx)++)

struct kvm_vcpu *kvm_get_vcpu_by_id(struct kvm *kvm, int id);

/* ---- memslots ---- */

static inline struct kvm_memslots *kvm_memslots(struct kvm *kvm)
{
	return kvm->memslots[0];
}

#define kvm_for_each_memslot(memslot, bkt, slots)			\
	for ((bkt) = 0; (bkt) < (slots)->used_slots &&			\
	     ((memslot) = &(slots)->slots[(bkt)], 1); (bkt)++)

struct kvm_memory_slot *gfn_to_memslot(struct kvm *kvm, gfn_t gfn);

static inline bool kvm_slot_has_gmem(const struct kvm_memory_slot *slot)
{
	return slot && (slot->flags & KVM_MEM_GUEST_MEMFD);
}

static inline gpa_t gfn_to_gpa(gfn_t gfn)
{
	return (gpa_t)gfn << PAGE_SHIFT;
}

static inline gfn_t gpa_to_gfn(gpa_t gpa)
{
	return (gfn_t)(gpa >> PAGE_SHIFT);
}

#define u64_to_user_ptr(x)	((void __user *)(uintptr_t)(x))

bool kvm_mem_is_private(struct kvm *kvm, gfn_t gfn);
/* The CCA series' name for it: guest_memfd backs gfn as private memory. */
bool kvm_gmem_is_private_gfn(struct kvm *kvm, gfn_t gfn);

/* Which aliases of a gfn range an unmap or invalidation covers. */
enum kvm_gfn_range_filter {
	KVM_FILTER_SHARED		= BIT(0),
	KVM_FILTER_PRIVATE		= BIT(1),
};

/*
 * MMU notifier sequence: a fault or a RIPAS change started before an
 * invalidation (a memory attribute change) ended retries, as the kernel's.
 */
static inline int mmu_invalidate_retry(struct kvm *kvm, unsigned long mmu_seq)
{
	if (unlikely(kvm->mmu_invalidate_in_progress))
		return 1;
	if (kvm->mmu_invalidate_seq != mmu_seq)
		return 1;
	return 0;
}

/*
 * guest_memfd population, v14 contract: for each page of [gfn, gfn +
 * npages) the backing guest_memfd page is found (allocated on first use)
 * and the callback runs with its pfn and the source page (pinned here, or
 * NULL when src is NULL).  A page already prepared gives -EEXIST.  Returns
 * the number of pages done, or a negative error when none was.  Caller
 * holds slots_lock.
 */
#ifdef CCA_UPSTREAM_GMEM_POPULATE_UADDR
/*
 * The older (v6.18/6.19) contract, which 1.0-era trees (v12) are written
 * for: the callback gets the user source address of the page and the folio
 * order (0 here, the mock's guest_memfd has no large folios) and pins the
 * source itself.  Chosen in upstream mode from what the tree's code uses.
 */
typedef int (*kvm_gmem_populate_cb)(struct kvm *kvm, gfn_t gfn, kvm_pfn_t pfn,
				    void __user *src, int order, void *opaque);
#else
typedef int (*kvm_gmem_populate_cb)(struct kvm *kvm, gfn_t gfn, kvm_pfn_t pfn,
				    struct page *src_page, void *opaque);
#endif
#ifdef CCA_UPSTREAM_GMEM_POPULATE_WRITEBACK
/*
 * Later kernels: may_writeback_src pins the source writable (FOLL_WRITE),
 * for architectures that write the measured contents back.
 */
long kvm_gmem_populate(struct kvm *kvm, gfn_t gfn, void __user *src, long npages,
		       bool may_writeback_src, kvm_gmem_populate_cb post_populate,
		       void *opaque);
#else
long kvm_gmem_populate(struct kvm *kvm, gfn_t gfn, void __user *src, long npages,
		       kvm_gmem_populate_cb post_populate, void *opaque);
#endif

/* The pfn backing a private gfn (allocated on first use). */
int kvm_gmem_get_pfn(struct kvm *kvm, struct kvm_memory_slot *slot, gfn_t gfn,
		     kvm_pfn_t *pfn, struct page **page, int *max_order);

/* ---- MMU memory cache ---- */

int kvm_mmu_topup_memory_cache(struct kvm_mmu_memory_cache *mc, int min);
void *kvm_mmu_memory_cache_alloc(struct kvm_mmu_memory_cache *mc);
void kvm_mmu_free_memory_cache(struct kvm_mmu_memory_cache *mc);
int kvm_mmu_memory_cache_nr_free_objects(struct kvm_mmu_memory_cache *mc);

/* ---- exits ---- */

static inline void kvm_prepare_memory_fault_exit(struct kvm_vcpu *vcpu, gpa_t gpa, gpa_t size,
						 bool is_write, bool is_exec, bool is_private)
{
	vcpu->run->exit_reason = KVM_EXIT_MEMORY_FAULT;
	vcpu->run->memory_fault.gpa = gpa;
	vcpu->run->memory_fault.size = size;
	vcpu->run->memory_fault.flags = is_private ? KVM_MEMORY_EXIT_FLAG_PRIVATE : 0;
}

#define KVM_BUG_ON(cond, kvm)						\
	({								\
		bool __ret = !!(cond);					\
		if (WARN_ON(__ret))					\
			(kvm)->vm_bugged = true;			\
		unlikely(__ret);					\
	})

/* The VM is unusable: every later ioctl on it fails with -EIO. */
static inline void kvm_vm_dead(struct kvm *kvm)
{
	__atomic_store_n(&kvm->vm_dead, true, __ATOMIC_SEQ_CST);
	kvm_make_all_cpus_request(kvm, KVM_REQ_VM_DEAD);
}

static inline void kvm_vm_bugged(struct kvm *kvm)
{
	kvm->vm_bugged = true;
	kvm_vm_dead(kvm);
}

#define KVM_BUG(cond, kvm, fmt...)					\
	({								\
		bool __ret = !!(cond);					\
		if (WARN_ONCE(__ret && !(kvm)->vm_bugged, fmt))		\
			kvm_vm_bugged(kvm);				\
		unlikely(__ret);					\
	})

#define kvm_err(fmt, ...)	pr_err("kvm: " fmt, ##__VA_ARGS__)
#define kvm_info(fmt, ...)	pr_info("kvm: " fmt, ##__VA_ARGS__)
#define kvm_debug(fmt, ...)	pr_debug("kvm: " fmt, ##__VA_ARGS__)
#define kvm_pr_unimpl(fmt, ...)	pr_err_ratelimited("kvm: " fmt, ##__VA_ARGS__)
#define vcpu_err(vcpu, fmt, ...) kvm_err("vcpu%d " fmt, (vcpu)->vcpu_id, ##__VA_ARGS__)
#define vcpu_unimpl(vcpu, fmt, ...) kvm_pr_unimpl("vcpu%d " fmt, (vcpu)->vcpu_id, ##__VA_ARGS__)

/* Entering and leaving guest context: nothing to account in the mock. */
static inline void guest_state_enter_irqoff(void) { }
static inline void guest_state_exit_irqoff(void) { }

struct kvm_vcpu *kvm_mpidr_to_vcpu(struct kvm *kvm, unsigned long mpidr);

#endif /* __KVM_HOST_H */
