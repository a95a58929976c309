/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for arch/arm64/include/asm/fpsimd.h: SVE vector-length conversions. */
#ifndef __ASM_FP_H
#define __ASM_FP_H

#define SVE_VQ_BYTES		16
#define SVE_VQ_MIN		1
#define SVE_VQ_MAX		512
#define SVE_VL_MIN		(SVE_VQ_MIN * SVE_VQ_BYTES)
#define SVE_VL_ARCH_MAX		(0x100 * SVE_VQ_BYTES)

#define sve_vq_from_vl(vl)	((vl) / SVE_VQ_BYTES)
#define sve_vl_from_vq(vq)	((vq) * SVE_VQ_BYTES)

/* The mock host's SVE: 256-bit vectors at most. */
#define MOCK_SVE_MAX_VL		32
static inline unsigned int sve_max_virtualisable_vl(void) { return MOCK_SVE_MAX_VL; }

#endif /* __ASM_FP_H */
