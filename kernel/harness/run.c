// SPDX-License-Identifier: BSD-3-Clause
/*
 * The harness's KVM_RUN and the VMM loop around it.
 *
 * KVM_RUN (harness_kvm_run) is arm.c's loop for a REC: the first run of
 * any vCPU activates the realm; an MMIO the VMM emulated is completed;
 * then pre-enter, enter, handle the exit, until a handler wants the VMM.
 * The VMM loop (harness_vcpu_run) emulates MMIO, converts memory when the
 * realm changes RIPAS, and calls KVM_RUN again, until a stop condition.
 * Everything is bounded by the REC exit budget.
 */
#include <linux/string.h>

#include "harness_internal.h"

#define HARNESS_DEFAULT_MAX_EXITS 1000
#define HARNESS_SLICE_EXITS 16
/*
 * KVM_RUN calls in a row that end with no REC exit (an RMM answering
 * REC_ENTER with ERROR_REC, which KVM turns into -EAGAIN for the VMM to
 * retry): a VMM would retry for ever; the harness gives up after these.
 */
#define HARNESS_MAX_IDLE_RUNS 64

static void record_exit(struct kvm_vcpu *vcpu, struct harness_run *r)
{
	struct rec_exit *exit = &vcpu->arch.rec.run->exit;

	r->exits++;
	r->last_reason = exit->exit_reason;
	if (exit->exit_reason < HARNESS_NR_EXIT_REASONS)
		r->by_reason[exit->exit_reason]++;
	r->last_esr = exit->esr;
	r->last_far = exit->far;
	r->last_hpfar = exit->hpfar;
	r->last_imm = exit->imm;
	for (int i = 0; i < 8; i++)
		r->last_gprs[i] = exit->gprs[i];
	if (exit->exit_reason == RMI_EXIT_RIPAS_CHANGE) {
		r->ripas_base = exit->ripas_base;
		r->ripas_top = exit->ripas_top;
		r->ripas_value = exit->ripas_value;
	}
}

static int harness_first_run(struct harness_vm *vm, struct kvm_vcpu *vcpu)
{
	int ret;

	if (vcpu->arch.has_run_once)
		return 0;
	/* kvm_arch_vcpu_run_pid_change: the realm is activated once, by whoever runs first. */
	if (!vm->activated) {
		ret = kvm_activate_realm(vm->kvm);
		if (ret)
			return ret;
		vm->activated = true;
	}
	vcpu->arch.has_run_once = true;
	return 0;
}

int harness_activate(struct harness_vm *vm)
{
	int ret = kvm_activate_realm(vm->kvm);

	if (!ret)
		vm->activated = true;
	return ret;
}

static int harness_rec_enter_exit(struct kvm_vcpu *vcpu, struct harness_run *r, bool *stop);

/*
 * One REC entry and its exit, as arm.c's loop body does it for the realm
 * code under test: > 0 enter again, 0 to userspace, < 0 an error.
 */
static int harness_rec_round(struct harness_vm *vm, struct kvm_vcpu *vcpu, struct harness_run *r,
			     bool *stop)
{
	int ret;

	mock_sched_point(MOCK_SCHED_VCPU_ENTRY, vcpu->vcpu_idx, 0);
	/* check_vcpu_requests(): the ones every vCPU handles. */
	if (kvm_check_request(KVM_REQ_VM_DEAD, vcpu))
		return -EIO;
	if (kvm_check_request(KVM_REQ_SLEEP, vcpu) && kvm_arm_vcpu_stopped(vcpu))
		return -EAGAIN;
	/*
	 * Guest mode, then a last look for the VMM's signal: a kick from now
	 * on sends an IPI that ends the REC_ENTER below at once.  (The kernel
	 * sets IN_GUEST_MODE after the pre-entry work; here it covers that
	 * work too, so an entry abandoned for a signal never has it redone.)
	 */
	__atomic_store_n(&vcpu->mock_cpu, mock_this_cpu(), __ATOMIC_SEQ_CST);
	smp_store_mb(vcpu->mode, IN_GUEST_MODE);
	if (harness_vcpu_signalled(vm, vcpu)) {
		smp_store_mb(vcpu->mode, OUTSIDE_GUEST_MODE);
		vcpu->run->exit_reason = KVM_EXIT_INTR;
		return -EINTR;
	}
	ret = harness_rec_enter_exit(vcpu, r, stop);
	smp_store_mb(vcpu->mode, OUTSIDE_GUEST_MODE);
	return ret;
}

/* Pre-entry work, the REC entry and its exit handling. */
static int harness_rec_enter_exit(struct kvm_vcpu *vcpu, struct harness_run *r, bool *stop)
{
	int ret;

#ifdef CCA_REALM_REC_EXIT_CODE
	/* check_vcpu_requests(): what the last exit left to finish. */
	if (kvm_check_request(KVM_REQ_RMI, vcpu)) {
		ret = CCA_REALM_REC_REQUEST(vcpu);
		if (ret <= 0)
			return ret;
	}
#else
	ret = CCA_REALM_REC_PRE_ENTER(vcpu);
	if (ret <= 0)
		return ret;
#endif
	ret = kvm_rec_enter(vcpu);
	if (!CCA_REALM_RMI_STATUS(ret)) {
		record_exit(vcpu, r);
		*stop = r->stop_on_reason >= 0 && r->last_reason == (unsigned int)r->stop_on_reason;
	}
#ifdef CCA_REALM_REC_EXIT_CODE
	return handle_exit(vcpu, kvm_rec_exit(vcpu, ret));
#else
	return handle_rec_exit(vcpu, ret);
#endif
}

/* One KVM_RUN: > 0 never; 0 with vcpu->run filled, or -errno. */
static int harness_kvm_run(struct harness_vm *vm, struct kvm_vcpu *vcpu, struct harness_run *r,
			   unsigned int budget)
{
	int ret;

	if (__atomic_load_n(&vm->kvm->vm_dead, __ATOMIC_SEQ_CST))
		return -EIO;	/* kvm_vcpu_ioctl() refuses every ioctl of a dead VM */
	ret = harness_first_run(vm, vcpu);
	if (ret)
		return ret;
	kvm_handle_mmio_return(vcpu);
	vcpu->run->exit_reason = KVM_EXIT_UNKNOWN;
	for (unsigned int n = 0; n < budget; n++) {
		bool stop = false;

		if (kvm_arm_vcpu_stopped(vcpu))
			return -EAGAIN;		/* would block: powered off */
		ret = harness_rec_round(vm, vcpu, r, &stop);
		/* An exit KVM hands to the VMM (MMIO) ends the run too; the VMM still completes it. */
		r->stopped_on_reason |= stop;
		if (ret <= 0)
			return ret;
		if (stop) {
			vcpu->run->exit_reason = KVM_EXIT_INTR;	/* as a signal would */
			return -EINTR;
		}
	}
	vcpu->run->exit_reason = KVM_EXIT_INTR;
	return -EINTR;
}

/* The VMM's side: handles what it can and says whether to call KVM_RUN again. */
static bool vmm_handle_exit(struct harness_vm *vm, struct kvm_vcpu *vcpu, struct harness_run *r)
{
	struct kvm_run *run = vcpu->run;

	switch (r->ret) {
	case 0:
		break;
	case -EFAULT:
		if (run->exit_reason != KVM_EXIT_MEMORY_FAULT)
			return false;
		/* Declining to make memory private: run again unconverted (KVM rejects). */
		if (r->refuse_conversion &&
		    (run->memory_fault.flags & KVM_MEMORY_EXIT_FLAG_PRIVATE))
			return true;
		/* Convert: RAM becomes private, EMPTY shared. */
		return !harness_set_private(vm, run->memory_fault.gpa, run->memory_fault.size,
					    run->memory_fault.flags & KVM_MEMORY_EXIT_FLAG_PRIVATE);
	default:
		return false;
	}
	switch (run->exit_reason) {
	case KVM_EXIT_MMIO:
		r->mmio_exits++;
		r->mmio_addr = run->mmio.phys_addr;
		if (run->mmio.is_write) {
			r->mmio_written = 0;
			memcpy(&r->mmio_written, run->mmio.data, min_t(u32, run->mmio.len, 8));
		} else {
			memcpy(run->mmio.data, &r->mmio_read_value, min_t(u32, run->mmio.len, 8));
		}
		return true;
	case KVM_EXIT_SYSTEM_EVENT:
		r->powered_off = true;
		return false;
	default:
		return false;
	}
}

/* Counts KVM_RUN calls that saw no REC exit; true once there were too many in a row. */
static bool run_idle(struct harness_vm *vm, struct harness_run *r, unsigned int exits_before,
		     unsigned int *idle)
{
	*idle = r->exits == exits_before ? *idle + 1 : 0;
	if (*idle < (vm->max_idle_runs ? vm->max_idle_runs : HARNESS_MAX_IDLE_RUNS))
		return false;
	r->stuck = true;
	return true;
}

int harness_run_vcpu(struct harness_vm *vm, struct kvm_vcpu *vcpu, struct harness_run *r,
		     unsigned int limit, unsigned int *idle)
{
	unsigned int start = r->exits;

	for (;;) {
		unsigned int used = r->exits - start, before = r->exits;

		if (used >= limit || r->exits >= r->max_exits) {
			r->exhausted = r->exits >= r->max_exits;
			return 0;
		}
		r->ret = harness_kvm_run(vm, vcpu, r, limit - used);
		if (run_idle(vm, r, before, idle))
			return 0;
		r->kvm_exit_reason = vcpu->run->exit_reason;
		if (r->stopped_on_reason) {
			/* What KVM handed over (an MMIO read's data) is done before stopping. */
			if (!r->ret)
				vmm_handle_exit(vm, vcpu, r);
			return 0;
		}
		if (r->ret == -EINTR && harness_vcpu_signalled(vm, vcpu))
			return 0;	/* the VMM's signal: its thread stops */
		if (r->ret == -EINTR)
			continue;	/* slice used up: the budget check decides */
		if (r->ret == -EAGAIN && kvm_arm_vcpu_stopped(vcpu)) {
			r->powered_off = vm->nr_vcpus == 1 || r->powered_off;
			return 0;
		}
		if (!vmm_handle_exit(vm, vcpu, r))
			return 0;
	}
}

void harness_run_defaults(struct harness_run *r)
{
	if (!r->max_exits)
		r->max_exits = HARNESS_DEFAULT_MAX_EXITS;
}

int harness_vcpu_run(struct harness_vm *vm, int id, struct harness_run *r)
{
	struct kvm_vcpu *vcpu = harness_vcpu(vm, id);
	unsigned int idle = 0;

	if (!vcpu)
		return -EINVAL;
	harness_run_defaults(r);
	harness_run_vcpu(vm, vcpu, r, r->max_exits, &idle);
	return r->ret;
}

/* Round-robin over runnable vCPUs, a slice of REC exits each, until none can run. */
int harness_run_all(struct harness_vm *vm, struct harness_run *r)
{
	unsigned int idle = 0;

	harness_run_defaults(r);
	for (;;) {
		bool ran = false;

		for (unsigned int i = 0; i < vm->nr_vcpus; i++) {
			struct kvm_vcpu *vcpu = vm->vcpus[i];

			if (kvm_arm_vcpu_stopped(vcpu))
				continue;
			ran = true;
			harness_run_vcpu(vm, vcpu, r, HARNESS_SLICE_EXITS, &idle);
			if (r->stopped_on_reason || r->exhausted || r->powered_off || r->stuck)
				return r->ret;
			if (r->ret && r->ret != -EINTR && r->ret != -EAGAIN)
				return r->ret;
		}
		if (!ran)
			return r->ret;
	}
}
