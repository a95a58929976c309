/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for include/linux/atomic.h: the few operations used, on one thread. */
#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/barrier.h>

#define ATOMIC_INIT(i)			{ (i) }
#define atomic_read(v)			READ_ONCE((v)->counter)
#define atomic_set(v, i)		WRITE_ONCE((v)->counter, (i))
#define atomic_inc(v)			((void)((v)->counter++))
#define atomic_dec(v)			((void)((v)->counter--))
#define atomic_inc_return(v)		(++(v)->counter)
#define atomic_dec_return(v)		(--(v)->counter)
#define atomic_dec_and_test(v)		(--(v)->counter == 0)

#endif /* _LINUX_ATOMIC_H */
