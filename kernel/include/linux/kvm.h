/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for include/linux/kvm.h: the uAPI header seen from the kernel. */
#ifndef _LINUX_KVM_WRAPPER_H
#define _LINUX_KVM_WRAPPER_H

#include <uapi/linux/kvm.h>

#endif
