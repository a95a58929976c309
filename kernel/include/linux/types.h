/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for include/linux/types.h (with asm-generic/int-ll64.h folded in). */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <stddef.h>	/* compiler's: size_t, ptrdiff_t */
#include <stdbool.h>	/* compiler's: bool, true, false */
#include <linux/compiler_types.h>

#ifndef __ASSEMBLY__

/* 64-bit types are long long, as in every kernel architecture. */
typedef signed char		s8;
typedef unsigned char		u8;
typedef signed short		s16;
typedef unsigned short		u16;
typedef signed int		s32;
typedef unsigned int		u32;
typedef signed long long	s64;
typedef unsigned long long	u64;

typedef s8	__s8;
typedef u8	__u8;
typedef s16	__s16;
typedef u16	__u16;
typedef s32	__s32;
typedef u32	__u32;
typedef s64	__s64;
typedef u64	__u64;

typedef u16	__le16;
typedef u16	__be16;
typedef u32	__le32;
typedef u32	__be32;
typedef u64	__le64;
typedef u64	__be64;

typedef u8	uint8_t;
typedef u16	uint16_t;
typedef u32	uint32_t;
typedef u64	uint64_t;
typedef s8	int8_t;
typedef s16	int16_t;
typedef s32	int32_t;
typedef s64	int64_t;
typedef u8	u_int8_t;
typedef u16	u_int16_t;
typedef u32	u_int32_t;
typedef u64	u_int64_t;

typedef unsigned long		uintptr_t;
typedef long			intptr_t;
typedef long			ssize_t;
typedef long long		loff_t;
typedef unsigned long		ulong;
typedef unsigned int		uint;
typedef unsigned short		ushort;
typedef unsigned char		unchar;

/* The mock targets arm64: physical and DMA addresses are 64-bit. */
typedef u64			phys_addr_t;
typedef u64			dma_addr_t;
typedef phys_addr_t		resource_size_t;

typedef unsigned int		gfp_t;
typedef unsigned int		slab_flags_t;
typedef unsigned int		fmode_t;
typedef int			pid_t;

typedef struct {
	int counter;
} atomic_t;

typedef struct {
	s64 counter;
} atomic64_t;

struct list_head {
	struct list_head *next, *prev;
};

struct hlist_head {
	struct hlist_node *first;
};

struct hlist_node {
	struct hlist_node *next, **pprev;
};

#endif /* __ASSEMBLY__ */
#endif /* _LINUX_TYPES_H */
