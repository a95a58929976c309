/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands for include/linux/string.h. The standard functions are declared
 * with their C signatures and resolve to the C library at link time; the
 * kernel-only ones (sized_strscpy, kstrdup, kmemdup, ...) live in hosted
 * code (kunit/src/kernel/string.c and kernel/src/slab_malloc.c).
 */
#ifndef _LINUX_STRING_H_
#define _LINUX_STRING_H_

#include <linux/args.h>
#include <linux/compiler.h>
#include <linux/types.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t maxlen);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
int strcasecmp(const char *a, const char *b);
int strncasecmp(const char *a, const char *b, size_t n);
char *strcpy(char *dst, const char *src);
char *strncpy(char *dst, const char *src, size_t n);
char *strcat(char *dst, const char *src);
char *strncat(char *dst, const char *src, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
char *strsep(char **stringp, const char *delim);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);

/* Copy with NUL termination; -E2BIG when src was truncated, else its length. */
ssize_t sized_strscpy(char *dst, const char *src, size_t size);
/* As sized_strscpy(), then zero the rest of dst. */
ssize_t sized_strscpy_pad(char *dst, const char *src, size_t size);

/* strscpy(dst, src) takes the size from the array dst; strscpy(dst, src, n) is explicit. */
#define __strscpy0(dst, src, ...)	sized_strscpy(dst, src, sizeof(dst) + __must_be_array(dst))
#define __strscpy1(dst, src, size)	sized_strscpy(dst, src, size)
#define strscpy(dst, src, ...)						\
	CONCATENATE(__strscpy, COUNT_ARGS(__VA_ARGS__))(dst, src, __VA_ARGS__)
#define __strscpy_pad0(dst, src, ...)	sized_strscpy_pad(dst, src, sizeof(dst) + __must_be_array(dst))
#define __strscpy_pad1(dst, src, size)	sized_strscpy_pad(dst, src, size)
#define strscpy_pad(dst, src, ...)					\
	CONCATENATE(__strscpy_pad, COUNT_ARGS(__VA_ARGS__))(dst, src, __VA_ARGS__)

/* Heap duplicates (kfree() them); implemented with the slab allocator. */
char *kstrdup(const char *s, gfp_t gfp) __malloc;
char *kstrndup(const char *s, size_t max, gfp_t gfp) __malloc;
const char *kstrdup_const(const char *s, gfp_t gfp);
void kfree_const(const void *x);
void *kmemdup(const void *src, size_t len, gfp_t gfp) __malloc;

/* True when the n bytes at s are all c. */
static inline bool mem_is_filled(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	while (n--)
		if (*p++ != (unsigned char)c)
			return false;
	return true;
}

#define memzero_explicit(s, n)						\
	do {								\
		memset((s), 0, (n));					\
		barrier_data(s);					\
	} while (0)

#endif /* _LINUX_STRING_H_ */
