/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for include/linux/args.h: count macro arguments. */
#ifndef _LINUX_ARGS_H
#define _LINUX_ARGS_H

/* COUNT_ARGS(a, b, c) is 3; up to 15 arguments. */
#define __COUNT_ARGS(_0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13, _14, _15, _n, X...) _n
#define COUNT_ARGS(X...)	__COUNT_ARGS(, ##X, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)

#define __CONCAT(a, b)		a ## b
#define CONCATENATE(a, b)	__CONCAT(a, b)

#endif /* _LINUX_ARGS_H */
