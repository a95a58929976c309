/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for include/linux/processor.h, which brings asm/processor.h (cpu_relax). */
#ifndef _LINUX_PROCESSOR_H
#define _LINUX_PROCESSOR_H

#include <asm/processor.h>

#endif /* _LINUX_PROCESSOR_H */
