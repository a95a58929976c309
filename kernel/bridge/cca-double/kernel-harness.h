/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The kernel harness: a small VMM over the mock kernel.  It makes a realm
 * VM the way a VMM would through KVM's ioctls (KVM_CREATE_VM with the
 * realm type, a guest_memfd memslot with private attributes and a shared
 * backing, vCPUs with PSCI 0.2), loads guest programs with
 * KVM_ARM_RMI_POPULATE, runs vCPUs with the KVM_RUN loop around
 * kvm_rec_enter (kvm_rec_pre_enter / handle_rec_exit, or in later series
 * kvm_rec_handle_request / kvm_rec_exit / handle_exit) while handling the
 * exits a VMM handles (MMIO, memory conversion), and tears everything
 * down.  Only the realm entry points are called, so the same harness
 * drives the reference code and a kernel tree's.
 *
 * World-neutral (compiler headers, plain C types): used by the KUnit
 * suites and by the scenario host.  Needs an installed mock machine.
 */
#ifndef CCA_DOUBLE_KERNEL_HARNESS_H
#define CCA_DOUBLE_KERNEL_HARNESS_H

#include <stdbool.h>
#include <stddef.h>

struct kvm;
struct kvm_vcpu;
struct harness_vm;

#define HARNESS_MAX_VCPUS	8
#define HARNESS_DEFAULT_IPA_BITS 40
#define HARNESS_DEFAULT_RAM_BASE 0x80000000ULL
#define HARNESS_DEFAULT_RAM_SIZE (2ULL << 20)

/*
 * KVM init (kvm_init_rmi) against the installed machine's RMM: 0 when realms
 * can be created (KVM_CAP_ARM_RMI), -ENODEV otherwise.
 */
int harness_kvm_init(void);
/* KVM_CAP_ARM_VM_IPA_SIZE for a realm VM: the RMM's stage-2 input size. */
unsigned int harness_realm_ipa_limit(void);

struct harness_vm_config {
	unsigned int ipa_bits;		/* 0: 40 */
	unsigned long long ram_base;	/* guest_memfd slot start; 0: 2 GiB */
	unsigned long long ram_size;	/* bytes; 0: 2 MiB */
	bool no_shared_backing;		/* no userspace pages behind the shared alias */
	bool no_vgic;			/* no in-kernel GIC: activation must refuse */
};

/* KVM_CREATE_VM + memslot + attributes + vGIC.  0 or -errno. */
int harness_vm_create(const struct harness_vm_config *cfg, struct harness_vm **out);
/* Destroys vCPUs, the realm, the stage-2 root, memslots and guest_memfd. */
void harness_vm_destroy(struct harness_vm *vm);

struct kvm *harness_vm_kvm(struct harness_vm *vm);
unsigned int harness_vm_ipa_bits(struct harness_vm *vm);
unsigned long long harness_vm_ram_base(struct harness_vm *vm);
unsigned long long harness_vm_ram_size(struct harness_vm *vm);
/* PA of the realm descriptor (0 before the realm exists). */
unsigned long long harness_vm_rd(struct harness_vm *vm);
/* REALM_STATE_* of the realm. */
int harness_vm_realm_state(struct harness_vm *vm);

/* KVM_CREATE_VCPU + KVM_ARM_VCPU_INIT (PSCI 0.2; secondaries powered off). */
int harness_vcpu_create(struct harness_vm *vm, int *id);
unsigned int harness_nr_vcpus(struct harness_vm *vm);
struct kvm_vcpu *harness_vcpu(struct harness_vm *vm, int id);
/* Initial PC and x0..x7 (KVM_SET_ONE_REG before the first run). */
int harness_vcpu_set_entry(struct harness_vm *vm, int id, unsigned long long pc,
			   const unsigned long long *x, unsigned int nx);

/*
 * One KVM_ARM_RMI_POPULATE call on [base, base + size) from a user buffer
 * holding `data` (len bytes, the rest zero; NULL: zeroes).  The struct's
 * fields after the call come back in base_out and size_out (may be NULL).
 * Returns the ioctl's result.
 */
int harness_populate_once(struct harness_vm *vm, unsigned long long base,
			  unsigned long long size, bool measure, const void *data, size_t len,
			  unsigned long long *base_out, unsigned long long *size_out);
/* As a VMM does: calls again until size is 0 (bounded).  0 or -errno. */
int harness_populate(struct harness_vm *vm, unsigned long long base, unsigned long long size,
		     bool measure, const void *data, size_t len);
/* Raw ioctl with caller-chosen fields (edge cases): returns its result. */
int harness_populate_raw(struct harness_vm *vm, unsigned long long base,
			 unsigned long long size, unsigned long long source_uaddr,
			 unsigned int flags, unsigned int reserved);
/* A user buffer of npages in the VMM's memory (freed with the VM). */
unsigned long long harness_user_buffer(struct harness_vm *vm, unsigned long pages);

/* Looks a guest program up and populates it at ipa; its entry PC in *entry. */
int harness_load_guest(struct harness_vm *vm, const char *name, unsigned long long ipa,
		       bool measure, unsigned long long *entry);

/* Unmaps [base, base + size) from stage 2 (an MMU-notifier invalidation). */
int harness_unmap(struct harness_vm *vm, unsigned long long base, unsigned long long size);
/*
 * kvm_uninit_stage2_mmu() of a realm VM (process exit, before the VM is
 * destroyed): the whole IPA space unmapped and the RTTs destroyed.
 */
int harness_stage2_uninit(struct harness_vm *vm);
/* KVM_SET_MEMORY_ATTRIBUTES: private or shared, unmapping what changes. */
int harness_set_private(struct harness_vm *vm, unsigned long long base,
			unsigned long long size, bool private);

/* The first KVM_RUN's activation, alone (kvm_activate_realm). */
int harness_activate(struct harness_vm *vm);

#define HARNESS_NR_EXIT_REASONS 8

struct harness_run {
	/* in */
	unsigned int max_exits;		/* REC exits before giving up; 0: 1000 */
	int stop_on_reason;		/* REC exit reason that ends the run; -1: none */
	unsigned long long mmio_read_value;
	bool refuse_conversion;		/* the VMM does not make memory private (RIPAS to RAM) */
	/* out */
	int ret;			/* last KVM_RUN result */
	unsigned int kvm_exit_reason;	/* vcpu->run->exit_reason at the end */
	unsigned int exits;		/* REC exits seen */
	unsigned int by_reason[HARNESS_NR_EXIT_REASONS];
	unsigned int last_reason;	/* of the last REC exit */
	unsigned long long last_esr, last_far, last_hpfar;
	unsigned int last_imm;
	unsigned long long last_gprs[8];	/* rec_exit.gprs[0..7] */
	unsigned long long ripas_base, ripas_top;
	unsigned int ripas_value;
	unsigned int mmio_exits;
	unsigned long long mmio_addr, mmio_written;
	bool stopped_on_reason;		/* stop_on_reason seen */
	bool exhausted;			/* max_exits reached */
	bool stuck;			/* KVM_RUN kept failing with no REC exit (bounded) */
	bool powered_off;		/* SYSTEM_OFF/RESET (or the vCPU's CPU_OFF) */
};

/* KVM_RUN on one vCPU, with the VMM's exit handling, until a stop condition. */
int harness_vcpu_run(struct harness_vm *vm, int id, struct harness_run *run);
/* Runs every runnable vCPU round-robin until all stop (bounded by max_exits in all). */
int harness_run_all(struct harness_vm *vm, struct harness_run *run);

/*
 * Threaded mode (kernel/harness/threads.c): every vCPU's KVM_RUN loop on a
 * thread of its own, runs[i] for vCPU i (inputs and results as for
 * harness_vcpu_run).  A powered-off vCPU blocks until CPU_ON; an entry
 * refused with ERROR_REC (-EAGAIN) is retried 1 ms later; SYSTEM_OFF or
 * RESET stops every thread.  Meanwhile the caller's thread may unmap,
 * convert or kick.  The single-threaded calls above are unchanged.
 */
int harness_threads_start(struct harness_vm *vm, struct harness_run *runs);
/* The VMM's signal to every vCPU thread, and a kick: each leaves KVM_RUN (-EINTR). */
void harness_threads_stop(struct harness_vm *vm);
/*
 * Waits for every thread: true if all ended within timeout_ms; those still
 * running then are stopped and waited for (5 s more, else a BUG).
 */
bool harness_threads_join(struct harness_vm *vm, unsigned int timeout_ms);
/* Start and join: 0, or -ETIMEDOUT if a thread had to be stopped. */
int harness_run_threads(struct harness_vm *vm, struct harness_run *runs, unsigned int timeout_ms);

/* Guest programs (hosted: cca_guests).  0, or -1 if no such program. */
int harness_guest_program(const char *name, const unsigned char **bytes, size_t *size,
			  unsigned long long *entry);

#endif
