/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands for arch/arm64/include/asm/barrier.h.  vCPUs may run on threads
 * of their own (the harness's threaded mode): the SMP barriers are the host
 * CPU's fences, as kvm_vcpu_kick()'s ordering against a vCPU entering guest
 * mode needs; the I/O and instruction barriers order nothing in the mock.
 */
#ifndef __ASM_BARRIER_H
#define __ASM_BARRIER_H

#include <linux/compiler.h>

#define isb()		barrier()
#define dsb(opt)	barrier()
#define dmb(opt)	barrier()

#define mb()		__atomic_thread_fence(__ATOMIC_SEQ_CST)
#define rmb()		__atomic_thread_fence(__ATOMIC_ACQUIRE)
#define wmb()		__atomic_thread_fence(__ATOMIC_RELEASE)
#define smp_mb()	__atomic_thread_fence(__ATOMIC_SEQ_CST)
#define smp_rmb()	__atomic_thread_fence(__ATOMIC_ACQUIRE)
#define smp_wmb()	__atomic_thread_fence(__ATOMIC_RELEASE)
#define smp_store_mb(var, value)	__atomic_store_n(&(var), (value), __ATOMIC_SEQ_CST)
#define smp_load_acquire(p)		__atomic_load_n((p), __ATOMIC_ACQUIRE)
#define smp_store_release(p, v)		__atomic_store_n((p), (v), __ATOMIC_RELEASE)

/* Synchronises a GIC PMR write; the mock has no GIC CPU interface. */
#define pmr_sync()	barrier()

#endif /* __ASM_BARRIER_H */
