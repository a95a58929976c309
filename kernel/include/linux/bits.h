/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for include/linux/bits.h (BITS_PER_LONG from asm/bitsperlong.h). */
#ifndef __LINUX_BITS_H
#define __LINUX_BITS_H

#include <linux/const.h>

#ifndef BITS_PER_LONG
#define BITS_PER_LONG		64	/* LP64 hosts and arm64 */
#endif
#define BITS_PER_LONG_LONG	64
#define BITS_PER_BYTE		8

#define BIT(nr)			(UL(1) << (nr))
#define BIT_ULL(nr)		(ULL(1) << (nr))
#define BIT_MASK(nr)		(UL(1) << ((nr) % BITS_PER_LONG))
#define BIT_WORD(nr)		((nr) / BITS_PER_LONG)
#define BIT_ULL_MASK(nr)	(ULL(1) << ((nr) % BITS_PER_LONG_LONG))
#define BIT_ULL_WORD(nr)	((nr) / BITS_PER_LONG_LONG)

/* Bits l..h inclusive set, e.g. GENMASK(7, 4) == 0xf0. Needs h >= l. */
#define GENMASK(h, l)		((~UL(0) << (l)) & (~UL(0) >> (BITS_PER_LONG - 1 - (h))))
#define GENMASK_ULL(h, l)	((~ULL(0) << (l)) & (~ULL(0) >> (BITS_PER_LONG_LONG - 1 - (h))))

#endif /* __LINUX_BITS_H */
