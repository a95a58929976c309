/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands for include/linux/init.h.  Initcalls are not run automatically:
 * each becomes a function cca_initcall_<fn>() the harness calls when it
 * sets a machine up (a kernel runs them once at boot; here every machine
 * is a new boot).
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>

#define __initconst
#define __init_or_module

#define __define_initcall_mock(fn)					\
	int __PASTE(cca_initcall_, fn)(void);				\
	int __PASTE(cca_initcall_, fn)(void) { return fn(); }
#define early_initcall(fn)		__define_initcall_mock(fn)
#define core_initcall(fn)		__define_initcall_mock(fn)
#define subsys_initcall(fn)		__define_initcall_mock(fn)
#define device_initcall(fn)		__define_initcall_mock(fn)
#define late_initcall(fn)		__define_initcall_mock(fn)
#define module_init(fn)			__define_initcall_mock(fn)

#endif /* _LINUX_INIT_H */
