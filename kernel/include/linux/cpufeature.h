/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for include/linux/cpufeature.h, which brings the arch's asm/cpufeature.h. */
#ifndef __LINUX_CPUFEATURE_H
#define __LINUX_CPUFEATURE_H

#include <linux/init.h>
#include <asm/cpufeature.h>

#endif /* __LINUX_CPUFEATURE_H */
