/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for include/linux/linkage.h, which brings linux/export.h (EXPORT_SYMBOL*). */
#ifndef _LINUX_LINKAGE_H
#define _LINUX_LINKAGE_H

#include <linux/compiler_types.h>
#include <linux/export.h>
#include <linux/stringify.h>

#endif /* _LINUX_LINKAGE_H */
