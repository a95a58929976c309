/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands for include/linux/init.h.  Initcalls are not run automatically:
 * the harness calls the init functions it needs when it sets a machine up.
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>

#define __initconst
#define __init_or_module

#define __define_initcall_mock(fn)	static inline int __maybe_unused __PASTE(__initcall_, fn)(void) { return fn(); }
#define early_initcall(fn)		__define_initcall_mock(fn)
#define core_initcall(fn)		__define_initcall_mock(fn)
#define subsys_initcall(fn)		__define_initcall_mock(fn)
#define device_initcall(fn)		__define_initcall_mock(fn)
#define late_initcall(fn)		__define_initcall_mock(fn)
#define module_init(fn)			__define_initcall_mock(fn)

#endif /* _LINUX_INIT_H */
