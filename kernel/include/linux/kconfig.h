/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands for include/linux/kconfig.h: IS_ENABLED() and friends. There is no
 * generated autoconf.h; CONFIG_* symbols come from -D flags.
 */
#ifndef __LINUX_KCONFIG_H
#define __LINUX_KCONFIG_H

/*
 * IS_ENABLED(CONFIG_X) is 1 when CONFIG_X is defined to 1 (=y) or CONFIG_X_MODULE
 * is defined to 1 (=m), else 0, and it is usable in #if and in C expressions.
 * The trick: a defined-to-1 option pastes into a macro name that expands to
 * "0," which shifts a 1 into the second argument position.
 */
#define __KCFG_ARG_PLACEHOLDER_1	0,
#define __kcfg_take_second(ignored, val, ...) val
#define __kcfg_is_defined(x)		___kcfg_is_defined(x)
#define ___kcfg_is_defined(val)		____kcfg_is_defined(__KCFG_ARG_PLACEHOLDER_##val)
#define ____kcfg_is_defined(arg1_or_junk) __kcfg_take_second(arg1_or_junk 1, 0, 0)

#define IS_BUILTIN(option)		__kcfg_is_defined(option)
#define IS_MODULE(option)		__kcfg_is_defined(option##_MODULE)
#define IS_REACHABLE(option)		(IS_BUILTIN(option) || IS_MODULE(option))
#define IS_ENABLED(option)		(IS_BUILTIN(option) || IS_MODULE(option))

#endif /* __LINUX_KCONFIG_H */
