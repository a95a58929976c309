/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Host-level scenario steps over the kernel harness (reference realm
 * code): registers them with scenario_register_host().  Call once from
 * the program that runs scenarios (the cca-double CLI's main).
 *
 * Steps and keys (values: integers with optional K/M/G, names as noted):
 *   vm_create   ipa_bits (40), ram_base (0x80000000), ram_size (2M), vcpus (0),
 *               no_vgic (false)
 *   populate    base, size, measure (false), guest (program name) or fill (byte),
 *               expect (0 | EINVAL | EEXIST | ... ; default 0)
 *   vcpu_create count (1), pc (entry of the last guest populated), x0..x7
 *   run         vcpu (0 | all), exit.reason (SYNC IRQ FIQ PSCI RIPAS_CHANGE
 *               HOST_CALL SERROR, or SYSTEM_OFF: run until the realm powers
 *               off), exit.imm, exit.x0..x7, max_exits (1000), mmio_read (0),
 *               refuse_conversion (false), expect (the last KVM_RUN's result:
 *               0 | ENXIO | ... ; checked only when given)
 *   unmap       base, size
 *   activate    expect (0 | ENXIO | ... ; default 0)
 *   stage2_uninit  (no keys) kvm_uninit_stage2_mmu() of a realm: all unmapped,
 *               RTTs destroyed, before vm_destroy does it again
 *   vm_destroy  (no keys)
 *
 * KVM comes up (kvm_init_rmi(), and with it the RMM's boot configuration)
 * at the first vm_create, so raw RMI steps before it meet an RMM the host
 * has not booted.
 */
#ifndef CCA_DOUBLE_KERNEL_SCENARIO_HOST_H
#define CCA_DOUBLE_KERNEL_SCENARIO_HOST_H

void kernel_harness_register_scenario_host(void);

struct scenario_host;
struct scenario_host_ops;
struct harness_vm;

/*
 * The steps' operations and a run's VM, for hosts built on these (a test
 * that models another host's behaviour in one step and keeps the rest).
 */
const struct scenario_host_ops *kernel_scenario_host_ops(void);
struct harness_vm *kernel_scenario_host_vm(struct scenario_host *h);

#endif
