/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands for include/linux/printk.h. Every message goes to one out-of-line
 * function, _printk(), implemented in hosted code (kunit/src/kernel/printk.c):
 * it writes the text, level prefix removed, as whole lines on stdout, in
 * order with the KTAP output.
 */
#ifndef __KERNEL_PRINTK__
#define __KERNEL_PRINTK__

#include <stdarg.h>
#include <linux/compiler.h>
#include <linux/kern_levels.h>

int _printk(const char *fmt, ...) __printf(1, 2) __cold;
int vprintk(const char *fmt, va_list args) __printf(1, 0);

#define printk(fmt, ...)	_printk(fmt, ##__VA_ARGS__)

/* Type-checks the arguments and prints nothing. */
#define no_printk(fmt, ...)						\
	({								\
		if (0)							\
			_printk(fmt, ##__VA_ARGS__);			\
		0;							\
	})

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

#define pr_emerg(fmt, ...)	printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...)	printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...)	printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)	printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)	printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...)	printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)	printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...)	printk(KERN_CONT fmt, ##__VA_ARGS__)

/* Debug messages exist only when the file defines DEBUG, as without dynamic debug. */
#ifdef DEBUG
#define pr_debug(fmt, ...)	printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#else
#define pr_debug(fmt, ...)	no_printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#endif
#define pr_devel(fmt, ...)	pr_debug(fmt, ##__VA_ARGS__)

#define printk_once(fmt, ...)						\
	({								\
		static bool __print_once;				\
		bool __ret_print_once = !__print_once;			\
		if (!__print_once) {					\
			__print_once = true;				\
			printk(fmt, ##__VA_ARGS__);			\
		}							\
		unlikely(__ret_print_once);				\
	})

#define pr_err_once(fmt, ...)	printk_once(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn_once(fmt, ...)	printk_once(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info_once(fmt, ...)	printk_once(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)

/* No rate limiting in tests: every message is wanted. */
#define pr_err_ratelimited(fmt, ...)	pr_err(fmt, ##__VA_ARGS__)
#define pr_warn_ratelimited(fmt, ...)	pr_warn(fmt, ##__VA_ARGS__)
#define pr_info_ratelimited(fmt, ...)	pr_info(fmt, ##__VA_ARGS__)

#endif /* __KERNEL_PRINTK__ */
