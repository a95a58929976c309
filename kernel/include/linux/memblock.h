/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands for include/linux/memblock.h: the host's memory regions, which in
 * the mock are exactly one, the arena (all of "RAM").
 */
#ifndef _LINUX_MEMBLOCK_H
#define _LINUX_MEMBLOCK_H

#include <linux/init.h>
#include <linux/mm.h>
#include <linux/types.h>
#include <asm/page-def.h>

struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;
	unsigned long flags;
};

/* Region i of the installed machine, or NULL past the last. */
struct memblock_region *mock_memblock_region(int i);

#define for_each_mem_region(region)					\
	for (int __mb_i = 0; ((region) = mock_memblock_region(__mb_i)) != NULL; __mb_i++)

/* No region of the mock's is firmware-reserved (MEMBLOCK_NOMAP). */
static inline bool memblock_is_nomap(struct memblock_region *m)
{
	return false;
}

static inline unsigned long memblock_region_memory_base_pfn(const struct memblock_region *reg)
{
	return (unsigned long)((reg->base + PAGE_SIZE - 1) >> PAGE_SHIFT);
}

static inline unsigned long memblock_region_memory_end_pfn(const struct memblock_region *reg)
{
	return (unsigned long)((reg->base + reg->size) >> PAGE_SHIFT);
}

#endif /* _LINUX_MEMBLOCK_H */
