/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for include/linux/sprintf.h: formatting into buffers (the C library's). */
#ifndef _LINUX_KERNEL_SPRINTF_H_
#define _LINUX_KERNEL_SPRINTF_H_

#include <stdarg.h>
#include <linux/compiler_attributes.h>
#include <linux/types.h>

int sprintf(char *buf, const char *fmt, ...) __printf(2, 3);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args) __printf(3, 0);
int scnprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);

#endif /* _LINUX_KERNEL_SPRINTF_H_ */
