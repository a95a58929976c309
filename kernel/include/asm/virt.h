/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for arch/arm64/include/asm/virt.h: the mock host runs KVM in VHE mode. */
#ifndef __ASM__VIRT_H
#define __ASM__VIRT_H

#include <linux/types.h>

static inline bool is_kernel_in_hyp_mode(void) { return true; }
static inline bool is_hyp_mode_available(void) { return true; }

#endif /* __ASM__VIRT_H */
