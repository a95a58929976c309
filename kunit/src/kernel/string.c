// SPDX-License-Identifier: BSD-3-Clause
/*
 * Kernel string functions the C library lacks (declared in
 * kernel/include/linux/string.h). Hosted code: the kernel's -E2BIG is
 * the same number as the C library's E2BIG on Linux.
 */
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <sys/types.h>

ssize_t sized_strscpy(char *dst, const char *src, size_t size);
ssize_t sized_strscpy_pad(char *dst, const char *src, size_t size);

ssize_t sized_strscpy(char *dst, const char *src, size_t size)
{
	size_t len;

	if (size == 0 || size > (size_t)SSIZE_MAX)
		return -E2BIG;
	len = strnlen(src, size);
	if (len == size) {
		memcpy(dst, src, size - 1);
		dst[size - 1] = '\0';
		return -E2BIG;
	}
	memcpy(dst, src, len + 1);
	return (ssize_t)len;
}

ssize_t sized_strscpy_pad(char *dst, const char *src, size_t size)
{
	ssize_t ret = sized_strscpy(dst, src, size);
	size_t used = ret < 0 ? size : (size_t)ret + 1;

	if (size > used)
		memset(dst + used, 0, size - used);
	return ret;
}
