/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for include/linux/const.h (and uapi/linux/const.h): typed constants. */
#ifndef _LINUX_CONST_H
#define _LINUX_CONST_H

/* Give a constant a UL/ULL suffix in C, none in assembly. */
#ifdef __ASSEMBLY__
#define _AC(X, Y)	X
#else
#define __AC(X, Y)	(X##Y)
#define _AC(X, Y)	__AC(X, Y)
#endif

#define _UL(x)		(_AC(x, UL))
#define _ULL(x)		(_AC(x, ULL))
#define UL(x)		(_UL(x))
#define ULL(x)		(_ULL(x))

#define _BITUL(x)	(_UL(1) << (x))
#define _BITULL(x)	(_ULL(1) << (x))

#endif /* _LINUX_CONST_H */
