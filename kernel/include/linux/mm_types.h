/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands for include/linux/mm_types.h.  struct page is opaque here: realm
 * code only passes page pointers around (the mock's bookkeeping lives in
 * kernel/src/mock_internal.h).
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>

struct page;

/* A user address space; the mock's "user memory" is arena pages too. */
struct mm_struct {
	int mm_users;
};

#endif /* _LINUX_MM_TYPES_H */
