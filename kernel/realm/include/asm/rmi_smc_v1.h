/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * cca-double reference host code: what only RMM 1.0 (DEN0137 1.0-rel0)
 * has: single-granule delegation, DATA_CREATE/DESTROY, the 1.0 unprotected
 * mapping commands and REC auxiliary granules.  Apart from asm/rmi_smc.h
 * so that abi-check can hold each revision's header against its profile.
 */
#ifndef __ASM_RMI_SMC_V1_H
#define __ASM_RMI_SMC_V1_H

#include "rmi_smc.h"	/* by path: abi-check compiles this header alone */

#define SMC_RMI_GRANULE_DELEGATE	SMC_RMI_CALL(0x0151)
#define SMC_RMI_GRANULE_UNDELEGATE	SMC_RMI_CALL(0x0152)
#define SMC_RMI_DATA_CREATE_UNKNOWN	SMC_RMI_CALL(0x0154)
#define SMC_RMI_DATA_DESTROY		SMC_RMI_CALL(0x0155)
#define SMC_RMI_RTT_MAP_UNPROTECTED	SMC_RMI_CALL(0x015f)
#define SMC_RMI_RTT_UNMAP_UNPROTECTED	SMC_RMI_CALL(0x0162)
#define SMC_RMI_REC_AUX_COUNT		SMC_RMI_CALL(0x0167)
#define SMC_RMI_DATA_CREATE		SMC_RMI_CALL(0x0153)

#endif /* __ASM_RMI_SMC_V1_H */
