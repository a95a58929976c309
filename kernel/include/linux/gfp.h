/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for include/linux/gfp.h: allocation flags and their helpers. */
#ifndef __LINUX_GFP_H
#define __LINUX_GFP_H

#include <linux/gfp_types.h>

/* May an allocation with these flags sleep? */
static inline bool gfpflags_allow_blocking(const gfp_t gfp_flags)
{
	return !!(gfp_flags & __GFP_DIRECT_RECLAIM);
}

#endif /* __LINUX_GFP_H */
