/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for include/linux/export.h: one binary, nothing to export. */
#ifndef _LINUX_EXPORT_H
#define _LINUX_EXPORT_H

#define EXPORT_SYMBOL(sym)
#define EXPORT_SYMBOL_GPL(sym)
#define EXPORT_SYMBOL_NS_GPL(sym, ns)

#endif /* _LINUX_EXPORT_H */
