/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for include/linux/bug.h. */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/build_bug.h>
#include <linux/compiler.h>
#include <asm/bug.h>

#endif /* _LINUX_BUG_H */
