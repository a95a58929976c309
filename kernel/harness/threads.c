// SPDX-License-Identifier: BSD-3-Clause
/*
 * The harness's threaded mode: a VMM with one thread per vCPU, as QEMU and
 * kvmtool run them, so KVM_RUN on several vCPUs, their faults, and the
 * VMM's own calls (unmap, destroy) on the test's thread really interleave.
 *
 * Each thread runs run.c's VMM loop for its vCPU.  A vCPU powered off
 * blocks (kvm_vcpu_block) until another's CPU_ON makes it runnable; an
 * entry the RMM refuses with ERROR_REC (KVM_RUN -EAGAIN) is retried after
 * 1 ms, as a VMM would, bounded by the idle-run limit.  A SYSTEM_OFF or
 * RESET makes the VMM stop every thread; harness_threads_stop() does the
 * same from the test: the VMM's signal to each thread, then a kick.
 */
#include <cca-double/mock-sync.h>

#include "harness_internal.h"

/* Upper bound on a threaded run, whatever the caller waits: nothing blocks for longer. */
#define HARNESS_THREADS_MAX_MS		30000
/* ERROR_REC retries (1 ms apart) before a vCPU counts as stuck: at least a second. */
#define HARNESS_THREADS_MAX_IDLE_RUNS	1000

bool harness_vcpu_signalled(struct harness_vm *vm, struct kvm_vcpu *vcpu)
{
	return vm->threaded &&
	       __atomic_load_n(&vm->threads[vcpu->vcpu_idx].signal, __ATOMIC_SEQ_CST);
}

/*
 * kvm_vcpu_block() for a powered-off vCPU: until it is runnable (true),
 * or nobody can make it so: the VMM's signal, a dead VM, every thread left
 * blocked, or the run's deadline (false).
 */
static bool vcpu_block(struct harness_vm *vm, struct kvm_vcpu *vcpu)
{
	bool woken = false;

	__atomic_store_n(&vcpu->blocked, true, __ATOMIC_SEQ_CST);
	__atomic_add_fetch(&vm->threads_blocked, 1, __ATOMIC_SEQ_CST);
	while (!harness_vcpu_signalled(vm, vcpu)) {
		if (!kvm_arm_vcpu_stopped(vcpu)) {
			woken = true;
			break;
		}
		if (__atomic_load_n(&vm->kvm->vm_dead, __ATOMIC_SEQ_CST) || mock_now_ms() > vm->threads_deadline_ms ||
		    __atomic_load_n(&vm->threads_blocked, __ATOMIC_SEQ_CST) >=
		    __atomic_load_n(&vm->threads_running, __ATOMIC_SEQ_CST))
			break;
		mock_msleep(1);
	}
	__atomic_sub_fetch(&vm->threads_blocked, 1, __ATOMIC_SEQ_CST);
	__atomic_store_n(&vcpu->blocked, false, __ATOMIC_SEQ_CST);
	return woken;
}

static void vcpu_thread(void *arg)
{
	struct harness_vcpu_thread *t = arg;
	struct harness_vm *vm = t->vm;
	struct kvm_vcpu *vcpu = vm->vcpus[t->idx];
	struct harness_run *r = t->run;
	unsigned int idle = 0;

	harness_run_defaults(r);
	while (!harness_vcpu_signalled(vm, vcpu) && mock_now_ms() <= vm->threads_deadline_ms) {
		if (kvm_arm_vcpu_stopped(vcpu)) {
			if (!vcpu_block(vm, vcpu))
				break;
			continue;
		}
		harness_run_vcpu(vm, vcpu, r, r->max_exits - r->exits, &idle);
		if (r->exhausted || r->stuck || r->stopped_on_reason || r->exits >= r->max_exits)
			break;
		if (!r->ret && vcpu->run->exit_reason == KVM_EXIT_SYSTEM_EVENT) {
			harness_threads_stop(vm);	/* the VMM ends the VM's run */
			break;
		}
		if (r->ret != -EAGAIN)
			break;
		if (!kvm_arm_vcpu_stopped(vcpu))
			mock_msleep(1);		/* ERROR_REC: not runnable yet, try again */
	}
	__atomic_sub_fetch(&vm->threads_running, 1, __ATOMIC_SEQ_CST);
}

int harness_threads_start(struct harness_vm *vm, struct harness_run *runs)
{
	if (vm->threaded || !vm->nr_vcpus)
		return -EINVAL;
	vm->threaded = true;
	vm->max_idle_runs = HARNESS_THREADS_MAX_IDLE_RUNS;
	vm->threads_deadline_ms = mock_now_ms() + HARNESS_THREADS_MAX_MS;
	vm->threads_blocked = 0;
	vm->threads_running = (int)vm->nr_vcpus;
	for (unsigned int i = 0; i < vm->nr_vcpus; i++) {
		struct harness_vcpu_thread *t = &vm->threads[i];

		*t = (struct harness_vcpu_thread){ .vm = vm, .idx = i, .run = &runs[i] };
	}
	for (unsigned int i = 0; i < vm->nr_vcpus; i++) {
		struct harness_vcpu_thread *t = &vm->threads[i];

		t->thread = mock_thread_start(vcpu_thread, t, i + 1);
		if (!t->thread) {
			/* Those started are stopped; this one and the rest never ran. */
			__atomic_sub_fetch(&vm->threads_running, (int)(vm->nr_vcpus - i),
					   __ATOMIC_SEQ_CST);
			harness_threads_stop(vm);
			harness_threads_join(vm, HARNESS_THREADS_MAX_MS);
			return -ENOMEM;
		}
	}
	return 0;
}

void harness_threads_stop(struct harness_vm *vm)
{
	for (unsigned int i = 0; i < vm->nr_vcpus; i++) {
		__atomic_store_n(&vm->threads[i].signal, true, __ATOMIC_SEQ_CST);
		kvm_vcpu_kick(vm->vcpus[i]);
	}
}

bool harness_threads_join(struct harness_vm *vm, unsigned int timeout_ms)
{
	unsigned long long until = mock_now_ms() + timeout_ms;
	bool all = true;

	if (!vm->threaded)
		return true;
	for (unsigned int i = 0; i < vm->nr_vcpus; i++) {
		struct harness_vcpu_thread *t = &vm->threads[i];
		unsigned long long now = mock_now_ms();

		if (!t->thread)
			continue;
		if (!mock_thread_join(t->thread, now < until ? (unsigned int)(until - now) : 0)) {
			/* Overdue: stopped as a VMM would, then waited for (bounded). */
			harness_threads_stop(vm);
			all = false;
			if (!mock_thread_join(t->thread, 5000))
				mock_report_thread_stuck(t->idx);
		}
		t->thread = NULL;
	}
	vm->threaded = false;
	vm->max_idle_runs = 0;
	return all;
}

int harness_run_threads(struct harness_vm *vm, struct harness_run *runs, unsigned int timeout_ms)
{
	int ret = harness_threads_start(vm, runs);

	if (ret)
		return ret;
	return harness_threads_join(vm, timeout_ms) ? 0 : -ETIMEDOUT;
}
