/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for include/linux/stddef.h: NULL, offsetof, true/false. */
#ifndef _LINUX_STDDEF_H
#define _LINUX_STDDEF_H

#include <stddef.h>	/* compiler's: NULL, offsetof */
#include <stdbool.h>	/* compiler's: true, false */

/* Size of a struct member, without an object. */
#define sizeof_field(TYPE, MEMBER)	sizeof((((TYPE *)0)->MEMBER))

/* Offset of the first byte after MEMBER. */
#define offsetofend(TYPE, MEMBER)	(offsetof(TYPE, MEMBER) + sizeof_field(TYPE, MEMBER))

#endif /* _LINUX_STDDEF_H */
