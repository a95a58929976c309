// SPDX-License-Identifier: BSD-3-Clause
/*
 * Model of arch/arm64/kvm/psci.c and hypercalls.c for realm vCPUs: PSCI
 * 1.1 power management over the vCPUs' run states; any other SMCCC call
 * answers NOT_SUPPORTED.  For a REC the RMM owns the register state, so
 * CPU_ON only decides whether KVM agrees (the entry point goes to the RMM
 * directly) and SYSTEM_OFF/RESET end KVM_RUN with a system event.
 */
#include <linux/arm-smccc.h>
#include <kvm/arm_hypercalls.h>
#include <kvm/arm_psci.h>

#include "kvm_internal.h"

/* Every vCPU stops; those running elsewhere are kicked out to see it (KVM_REQ_SLEEP). */
static void psci_system_event(struct kvm_vcpu *vcpu, u32 type)
{
	struct kvm_vcpu *tmp;
	unsigned long i;

	kvm_for_each_vcpu(i, tmp, vcpu->kvm) {
		spin_lock(&tmp->arch.mp_state_lock);
		kvm_arm_vcpu_set_mp_state(tmp, KVM_MP_STATE_STOPPED);
		spin_unlock(&tmp->arch.mp_state_lock);
	}
	kvm_make_all_cpus_request(vcpu->kvm, KVM_REQ_SLEEP);
	vcpu->run->exit_reason = KVM_EXIT_SYSTEM_EVENT;
	vcpu->run->system_event.type = type;
	vcpu->run->system_event.ndata = 0;
}

/*
 * The target's power state changes under its mp_state_lock, and a target
 * blocked waiting to be powered on is woken (as kvm_psci_vcpu_on()): its
 * thread may reach REC_ENTER before this vCPU is back in the RMM.
 */
static long psci_cpu_on(struct kvm_vcpu *vcpu)
{
	struct kvm_vcpu *target = kvm_mpidr_to_vcpu(vcpu->kvm, smccc_get_arg1(vcpu));
	long ret = PSCI_RET_SUCCESS;

	if (!target)
		return PSCI_RET_INVALID_PARAMS;
	spin_lock(&target->arch.mp_state_lock);
	if (!kvm_arm_vcpu_stopped(target))
		ret = PSCI_RET_ALREADY_ON;
	else
		kvm_arm_vcpu_set_mp_state(target, KVM_MP_STATE_RUNNABLE);
	spin_unlock(&target->arch.mp_state_lock);
	if (ret == PSCI_RET_SUCCESS)
		kvm_vcpu_wake_up(target);
	return ret;
}

static long psci_affinity_info(struct kvm_vcpu *vcpu)
{
	struct kvm_vcpu *target = kvm_mpidr_to_vcpu(vcpu->kvm, smccc_get_arg1(vcpu));

	if (!target || smccc_get_arg2(vcpu))
		return PSCI_RET_INVALID_PARAMS;
	return kvm_arm_vcpu_stopped(target) ?
	       PSCI_0_2_AFFINITY_LEVEL_OFF : PSCI_0_2_AFFINITY_LEVEL_ON;
}

#ifdef CCA_REALM_PSCI_COMPLETE_BY_KVM
/*
 * v11/v12: KVM's PSCI code tells the RMM which REC a CPU_ON or
 * AFFINITY_INFO named when it handles the call itself (v14 does this in
 * kvm_rec_pre_enter(), later series in kvm_rec_handle_request(), and the
 * VMM had an ioctl for the calls it handled).
 */
static void psci_complete_for_rmm(struct kvm_vcpu *vcpu, long val)
{
	struct kvm_vcpu *target = kvm_mpidr_to_vcpu(vcpu->kvm, smccc_get_arg1(vcpu));
	unsigned long status = val >= 0 || val == PSCI_RET_ALREADY_ON ? PSCI_RET_SUCCESS
								     : PSCI_RET_DENIED;

	if (!vcpu_is_rec(vcpu) || !target)
		return;
#if CCA_REALM_PSCI_COMPLETE_ARGS == 2
	realm_psci_complete(vcpu, status);
#else
	realm_psci_complete(vcpu, target, status);
#endif
}
#else
static void psci_complete_for_rmm(struct kvm_vcpu *vcpu, long val)
{
}
#endif

int kvm_psci_call(struct kvm_vcpu *vcpu)
{
	u32 fn = smccc_get_function(vcpu);
	long val;

	switch (fn) {
	case PSCI_0_2_FN_PSCI_VERSION:
		val = KVM_ARM_PSCI_1_1;
		break;
	case PSCI_0_2_FN_CPU_ON:
	case PSCI_0_2_FN64_CPU_ON:
		val = psci_cpu_on(vcpu);
		psci_complete_for_rmm(vcpu, val);
		break;
	case PSCI_0_2_FN_AFFINITY_INFO:
	case PSCI_0_2_FN64_AFFINITY_INFO:
		val = psci_affinity_info(vcpu);
		psci_complete_for_rmm(vcpu, val);
		break;
	case PSCI_0_2_FN_CPU_OFF:
		spin_lock(&vcpu->arch.mp_state_lock);
		kvm_arm_vcpu_set_mp_state(vcpu, KVM_MP_STATE_STOPPED);
		spin_unlock(&vcpu->arch.mp_state_lock);
		val = PSCI_RET_SUCCESS;
		break;
	case PSCI_0_2_FN_SYSTEM_OFF:
		psci_system_event(vcpu, KVM_SYSTEM_EVENT_SHUTDOWN);
		return 0;
	case PSCI_0_2_FN_SYSTEM_RESET:
		psci_system_event(vcpu, KVM_SYSTEM_EVENT_RESET);
		return 0;
	case PSCI_1_0_FN_PSCI_FEATURES:
		val = PSCI_RET_SUCCESS;
		break;
	case PSCI_0_2_FN_MIGRATE_INFO_TYPE:
		val = 2;	/* no migration needed */
		break;
	default:
		val = PSCI_RET_NOT_SUPPORTED;
		break;
	}
	smccc_set_retval(vcpu, val, 0, 0, 0);
	return 1;
}

static bool is_psci_fn(u32 fn)
{
	return (fn & ~PSCI_0_2_64BIT) >= PSCI_0_2_FN_BASE &&
	       (fn & ~PSCI_0_2_64BIT) <= PSCI_0_2_FN_BASE + 0x1f;
}

int kvm_smccc_call_handler(struct kvm_vcpu *vcpu)
{
	u32 fn = smccc_get_function(vcpu);

	if (is_psci_fn(fn))
		return kvm_psci_call(vcpu);
	smccc_set_retval(vcpu, SMCCC_RET_NOT_SUPPORTED, 0, 0, 0);
	return 1;
}
