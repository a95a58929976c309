/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands for include/linux/gfp_types.h: allocation flags. The flag names and
 * their combinations are the kernel's; the bit positions are this mock's own
 * (the kernel's depend on its configuration).
 */
#ifndef __LINUX_GFP_TYPES_H
#define __LINUX_GFP_TYPES_H

#include <linux/types.h>

#define __GFP_DMA		((gfp_t)0x000001u)
#define __GFP_HIGHMEM		((gfp_t)0x000002u)
#define __GFP_DMA32		((gfp_t)0x000004u)
#define __GFP_MOVABLE		((gfp_t)0x000008u)
#define __GFP_RECLAIMABLE	((gfp_t)0x000010u)
#define __GFP_HIGH		((gfp_t)0x000020u)
#define __GFP_IO		((gfp_t)0x000040u)
#define __GFP_FS		((gfp_t)0x000080u)
#define __GFP_ZERO		((gfp_t)0x000100u)
#define __GFP_DIRECT_RECLAIM	((gfp_t)0x000400u)
#define __GFP_KSWAPD_RECLAIM	((gfp_t)0x000800u)
#define __GFP_WRITE		((gfp_t)0x001000u)
#define __GFP_NOWARN		((gfp_t)0x002000u)
#define __GFP_RETRY_MAYFAIL	((gfp_t)0x004000u)
#define __GFP_NOFAIL		((gfp_t)0x008000u)
#define __GFP_NORETRY		((gfp_t)0x010000u)
#define __GFP_MEMALLOC		((gfp_t)0x020000u)
#define __GFP_COMP		((gfp_t)0x040000u)
#define __GFP_NOMEMALLOC	((gfp_t)0x080000u)
#define __GFP_HARDWALL		((gfp_t)0x100000u)
#define __GFP_THISNODE		((gfp_t)0x200000u)
#define __GFP_ACCOUNT		((gfp_t)0x400000u)
#define __GFP_NOLOCKDEP		((gfp_t)0x800000u)

#define __GFP_RECLAIM		(__GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM)

#define GFP_ATOMIC		(__GFP_HIGH | __GFP_KSWAPD_RECLAIM)
#define GFP_KERNEL		(__GFP_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_KERNEL_ACCOUNT	(GFP_KERNEL | __GFP_ACCOUNT)
#define GFP_NOWAIT		(__GFP_KSWAPD_RECLAIM | __GFP_NOWARN)
#define GFP_NOIO		(__GFP_RECLAIM)
#define GFP_NOFS		(__GFP_RECLAIM | __GFP_IO)
#define GFP_USER		(__GFP_RECLAIM | __GFP_IO | __GFP_FS | __GFP_HARDWALL)
#define GFP_DMA			__GFP_DMA
#define GFP_DMA32		__GFP_DMA32
#define GFP_HIGHUSER		(GFP_USER | __GFP_HIGHMEM)
#define GFP_HIGHUSER_MOVABLE	(GFP_HIGHUSER | __GFP_MOVABLE)

#endif /* __LINUX_GFP_TYPES_H */
