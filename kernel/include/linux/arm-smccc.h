/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands for include/linux/arm-smccc.h: the SMCCC function-ID encoding and
 * the invoke helpers.  In cca-double every SMC/HVC a host file issues goes
 * to one out-of-line function, cca_smccc_call(), which the harness routes
 * to the fake RMM (kernel/src/smccc.c).
 */
#ifndef __LINUX_ARM_SMCCC_H
#define __LINUX_ARM_SMCCC_H

#include <linux/types.h>

#define ARM_SMCCC_STD_CALL		0UL
#define ARM_SMCCC_FAST_CALL		1UL
#define ARM_SMCCC_TYPE_SHIFT		31

#define ARM_SMCCC_SMC_32		0
#define ARM_SMCCC_SMC_64		1
#define ARM_SMCCC_CALL_CONV_SHIFT	30

#define ARM_SMCCC_OWNER_MASK		0x3F
#define ARM_SMCCC_OWNER_SHIFT		24

#define ARM_SMCCC_FUNC_MASK		0xFFFF

#define ARM_SMCCC_IS_FAST_CALL(smc_val)	\
	((smc_val) & (ARM_SMCCC_FAST_CALL << ARM_SMCCC_TYPE_SHIFT))
#define ARM_SMCCC_IS_64(smc_val) \
	((smc_val) & (ARM_SMCCC_SMC_64 << ARM_SMCCC_CALL_CONV_SHIFT))
#define ARM_SMCCC_FUNC_NUM(smc_val)	((smc_val) & ARM_SMCCC_FUNC_MASK)
#define ARM_SMCCC_OWNER_NUM(smc_val) \
	(((smc_val) >> ARM_SMCCC_OWNER_SHIFT) & ARM_SMCCC_OWNER_MASK)

#define ARM_SMCCC_CALL_VAL(type, calling_convention, owner, func_num) \
	(((type) << ARM_SMCCC_TYPE_SHIFT) | \
	((calling_convention) << ARM_SMCCC_CALL_CONV_SHIFT) | \
	(((owner) & ARM_SMCCC_OWNER_MASK) << ARM_SMCCC_OWNER_SHIFT) | \
	((func_num) & ARM_SMCCC_FUNC_MASK))

#define ARM_SMCCC_OWNER_ARCH		0
#define ARM_SMCCC_OWNER_CPU		1
#define ARM_SMCCC_OWNER_SIP		2
#define ARM_SMCCC_OWNER_OEM		3
#define ARM_SMCCC_OWNER_STANDARD	4
#define ARM_SMCCC_OWNER_STANDARD_HYP	5
#define ARM_SMCCC_OWNER_VENDOR_HYP	6
#define ARM_SMCCC_OWNER_TRUSTED_APP	48
#define ARM_SMCCC_OWNER_TRUSTED_APP_END	49
#define ARM_SMCCC_OWNER_TRUSTED_OS	50
#define ARM_SMCCC_OWNER_TRUSTED_OS_END	63

#define ARM_SMCCC_VERSION_1_0		0x10000
#define ARM_SMCCC_VERSION_1_1		0x10001
#define ARM_SMCCC_VERSION_1_2		0x10002

#define SMCCC_RET_SUCCESS		0
#define SMCCC_RET_NOT_SUPPORTED		-1
#define SMCCC_RET_NOT_REQUIRED		-2
#define SMCCC_RET_INVALID_PARAMETER	-3

#ifndef __ASSEMBLY__

enum arm_smccc_conduit {
	SMCCC_CONDUIT_NONE,
	SMCCC_CONDUIT_SMC,
	SMCCC_CONDUIT_HVC,
};

struct arm_smccc_res {
	unsigned long a0;
	unsigned long a1;
	unsigned long a2;
	unsigned long a3;
};

struct arm_smccc_1_2_regs {
	unsigned long a0;
	unsigned long a1;
	unsigned long a2;
	unsigned long a3;
	unsigned long a4;
	unsigned long a5;
	unsigned long a6;
	unsigned long a7;
	unsigned long a8;
	unsigned long a9;
	unsigned long a10;
	unsigned long a11;
	unsigned long a12;
	unsigned long a13;
	unsigned long a14;
	unsigned long a15;
	unsigned long a16;
	unsigned long a17;
};

/* The seam: every call lands here (implemented by the harness). */
void cca_smccc_call(struct arm_smccc_1_2_regs *regs);

static inline enum arm_smccc_conduit arm_smccc_1_1_get_conduit(void)
{
	return SMCCC_CONDUIT_SMC;
}

static inline void arm_smccc_1_2_smc(const struct arm_smccc_1_2_regs *args,
				     struct arm_smccc_1_2_regs *res)
{
	*res = *args;
	cca_smccc_call(res);
}

static inline void arm_smccc_1_2_invoke(const struct arm_smccc_1_2_regs *args,
					struct arm_smccc_1_2_regs *res)
{
	arm_smccc_1_2_smc(args, res);
}

/* Up to six arguments after the function ID, then the result pointer. */
static inline void __cca_smccc_1_1(unsigned long fid, unsigned long a1, unsigned long a2,
				   unsigned long a3, unsigned long a4, unsigned long a5,
				   unsigned long a6, struct arm_smccc_res *res)
{
	struct arm_smccc_1_2_regs r = { fid, a1, a2, a3, a4, a5, a6 };

	cca_smccc_call(&r);
	if (res) {
		res->a0 = r.a0;
		res->a1 = r.a1;
		res->a2 = r.a2;
		res->a3 = r.a3;
	}
}

#define __CCA_SMCCC_SEL(_0, _1, _2, _3, _4, _5, _6, _7, N, ...) N
#define __cca_smccc_args0(fid, res) __cca_smccc_1_1(fid, 0, 0, 0, 0, 0, 0, res)
#define __cca_smccc_args1(fid, a1, res) __cca_smccc_1_1(fid, a1, 0, 0, 0, 0, 0, res)
#define __cca_smccc_args2(fid, a1, a2, res) __cca_smccc_1_1(fid, a1, a2, 0, 0, 0, 0, res)
#define __cca_smccc_args3(fid, a1, a2, a3, res) __cca_smccc_1_1(fid, a1, a2, a3, 0, 0, 0, res)
#define __cca_smccc_args4(fid, a1, a2, a3, a4, res) \
	__cca_smccc_1_1(fid, a1, a2, a3, a4, 0, 0, res)
#define __cca_smccc_args5(fid, a1, a2, a3, a4, a5, res) \
	__cca_smccc_1_1(fid, a1, a2, a3, a4, a5, 0, res)
#define __cca_smccc_args6(fid, a1, a2, a3, a4, a5, a6, res) \
	__cca_smccc_1_1(fid, a1, a2, a3, a4, a5, a6, res)

/* arm_smccc_1_1_invoke(fid, [a1..a6,] &res) */
#define arm_smccc_1_1_invoke(...)						\
	__CCA_SMCCC_SEL(__VA_ARGS__, __cca_smccc_args6, __cca_smccc_args5,	\
			__cca_smccc_args4, __cca_smccc_args3, __cca_smccc_args2,\
			__cca_smccc_args1, __cca_smccc_args0, unused)(__VA_ARGS__)
#define arm_smccc_1_1_smc(...) arm_smccc_1_1_invoke(__VA_ARGS__)
#define arm_smccc_1_1_hvc(...) arm_smccc_1_1_invoke(__VA_ARGS__)

#endif /* __ASSEMBLY__ */
#endif /* __LINUX_ARM_SMCCC_H */
