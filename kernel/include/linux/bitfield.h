/* SPDX-License-Identifier: GPL-2.0 */
/* Stands for include/linux/bitfield.h: FIELD_GET/PREP on contiguous masks. */
#ifndef _LINUX_BITFIELD_H
#define _LINUX_BITFIELD_H

#include <linux/bits.h>
#include <linux/types.h>

/* Shift of a mask's lowest set bit (the mask must be non-zero). */
#define __bf_shf(x) (__builtin_ffsll(x) - 1)

#define FIELD_GET(_mask, _reg) \
	((typeof(_mask))(((_reg) & (_mask)) >> __bf_shf(_mask)))
#define FIELD_PREP(_mask, _val) \
	((typeof(_mask))(((typeof(_mask))(_val) << __bf_shf(_mask)) & (_mask)))
#define FIELD_FIT(_mask, _val) \
	(!((((typeof(_mask))(_val)) << __bf_shf(_mask)) & ~(_mask)))
#define FIELD_MAX(_mask) ((typeof(_mask))((_mask) >> __bf_shf(_mask)))
#define FIELD_MODIFY(_mask, _reg_p, _val) \
	(*(_reg_p) = (*(_reg_p) & ~(_mask)) | FIELD_PREP(_mask, _val))

#define u64_get_bits(v, field) FIELD_GET((u64)(field), (u64)(v))
#define u32_get_bits(v, field) FIELD_GET((u32)(field), (u32)(v))
#define u64_encode_bits(v, field) FIELD_PREP((u64)(field), (u64)(v))

#endif /* _LINUX_BITFIELD_H */
