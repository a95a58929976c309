/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for include/linux/container_of.h. */
#ifndef _LINUX_CONTAINER_OF_H
#define _LINUX_CONTAINER_OF_H

#include <linux/build_bug.h>
#include <linux/stddef.h>

/* The struct of type `type` whose member `member` is at ptr. */
#define container_of(ptr, type, member)					\
	({								\
		void *__cof_mptr = (void *)(ptr);			\
		static_assert(__same_type(*(ptr), ((type *)0)->member) || \
			      __same_type(*(ptr), void),		\
			      "pointer type mismatch in container_of()"); \
		((type *)((char *)__cof_mptr - offsetof(type, member))); \
	})

/* As container_of(), keeping the const-ness of ptr. */
#define container_of_const(ptr, type, member)				\
	_Generic(ptr,							\
		const typeof(*(ptr)) *: ((const type *)container_of(ptr, type, member)), \
		default: ((type *)container_of(ptr, type, member)))

#endif /* _LINUX_CONTAINER_OF_H */
