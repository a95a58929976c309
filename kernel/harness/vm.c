// SPDX-License-Identifier: BSD-3-Clause
/*
 * The harness VMM: VM and vCPU creation and destruction, in the order KVM
 * does them for a realm VM (kvm_arch_init_vm, kvm_arch_vcpu_create,
 * kvm_arch_destroy_vm), calling only the realm entry points.
 */
#include <linux/kvm_host.h>
#include <linux/bitmap.h>
#include <asm/cpufeature.h>
#include <asm/kvm_arm.h>
#include <asm/kvm_rmi.h>
#include <asm/stage2_pgtable.h>

#include <cca-double/mock-kernel.h>

#include "harness_internal.h"

struct kvm *harness_vm_kvm(struct harness_vm *vm) { return vm->kvm; }
unsigned int harness_vm_ipa_bits(struct harness_vm *vm) { return vm->ipa_bits; }
unsigned long long harness_vm_ram_base(struct harness_vm *vm) { return vm->ram_base; }
unsigned long long harness_vm_ram_size(struct harness_vm *vm) { return vm->ram_size; }
unsigned int harness_nr_vcpus(struct harness_vm *vm) { return vm->nr_vcpus; }

unsigned long long harness_vm_rd(struct harness_vm *vm)
{
	return vm->kvm->arch.realm.rd ? virt_to_phys(vm->kvm->arch.realm.rd) : 0;
}

int harness_vm_realm_state(struct harness_vm *vm)
{
	return kvm_realm_state(vm->kvm);
}

unsigned int harness_realm_ipa_limit(void)
{
	return CCA_REALM_IPA_LIMIT();
}

struct kvm_vcpu *harness_vcpu(struct harness_vm *vm, int id)
{
	return id >= 0 && (unsigned int)id < vm->nr_vcpus ? vm->vcpus[id] : NULL;
}

/* kvm_init_stage2_mmu: VTCR for the IPA size and the (concatenated) root table. */
static int harness_init_stage2(struct kvm *kvm, unsigned int ipa_bits)
{
	struct kvm_s2_mmu *mmu = &kvm->arch.mmu;
	int start_level = 4 - stage2_pgtable_levels(ipa_bits);
	size_t pgd_size;
	void *pgd;

	mmu->vtcr = VTCR_EL2_T0SZ(ipa_bits) | VTCR_EL2_SL0(start_level);
	kvm->arch.vtcr = mmu->vtcr;
	pgd_size = kvm_pgtable_stage2_pgd_size(mmu->vtcr);
	pgd = alloc_pages_exact(pgd_size, GFP_KERNEL_ACCOUNT | __GFP_ZERO);
	mmu->pgt = kzalloc(sizeof(*mmu->pgt), GFP_KERNEL_ACCOUNT);
	if (!pgd || !mmu->pgt) {
		if (pgd)
			free_pages_exact(pgd, pgd_size);
		kfree(mmu->pgt);
		mmu->pgt = NULL;
		return -ENOMEM;
	}
	mmu->pgt->ia_bits = ipa_bits;
	mmu->pgt->start_level = start_level;
	mmu->pgt->pgd = pgd;
	mmu->pgt->mmu = mmu;
	mmu->pgd_phys = virt_to_phys(pgd);
	mmu->arch = &kvm->arch;
	return 0;
}

/* KVM_SET_USER_MEMORY_REGION2 with a guest_memfd, then KVM_SET_MEMORY_ATTRIBUTES(PRIVATE). */
static int harness_add_ram(struct harness_vm *vm, bool shared_backing)
{
	struct kvm *kvm = vm->kvm;
	struct kvm_memslots *slots = kvm_memslots(kvm);
	struct kvm_memory_slot *slot = &slots->slots[slots->used_slots];
	unsigned long npages = vm->ram_size >> PAGE_SHIFT;

	slot->id = (short)slots->used_slots;
	slot->base_gfn = gpa_to_gfn(vm->ram_base);
	slot->npages = npages;
	slot->flags = KVM_MEM_GUEST_MEMFD;
	slot->gmem.file = kvm_gmem_create(npages);
	if (!slot->gmem.file)
		return -ENOMEM;
	if (shared_backing) {
		vm->shared_backing = mock_user_pages_alloc(vm->ram_size);
		if (!vm->shared_backing) {
			kvm_gmem_destroy(slot->gmem.file);
			return -ENOMEM;
		}
		slot->userspace_addr = (unsigned long)vm->shared_backing;
	}
	slots->used_slots++;
	bitmap_set(kvm->mem_attr_private, slot->base_gfn, npages);
	return 0;
}

#ifdef CCA_UPSTREAM_CORE_INIT
/*
 * The RMI core driver's .data and .bss (kernel/upstream/CMakeLists.txt
 * renames them): a boot starts from them as linked, whatever an earlier
 * boot in this process left there.  Weak: a section the file lacks is NULL.
 */
extern char __start_cca_boot_data[] __attribute__((weak));
extern char __stop_cca_boot_data[] __attribute__((weak));
extern char __start_cca_boot_bss[] __attribute__((weak));
extern char __stop_cca_boot_bss[] __attribute__((weak));

static void kernel_rmi_fresh_boot(void)
{
	static char linked_data[4096];	/* the data as linked, saved before the first boot */
	static bool saved;
	size_t data_size = (size_t)(__stop_cca_boot_data - __start_cca_boot_data);
	size_t bss_size = (size_t)(__stop_cca_boot_bss - __start_cca_boot_bss);

	BUG_ON(data_size > sizeof(linked_data));
	if (data_size && !saved)
		memcpy(linked_data, __start_cca_boot_data, data_size);
	saved = true;
	if (data_size)
		memcpy(__start_cca_boot_data, linked_data, data_size);
	if (bss_size)
		memset(__start_cca_boot_bss, 0, bss_size);
}
#endif

int harness_kvm_init(void)
{
	static_branch_disable(&kvm_rmi_is_available);
	mock_init_allocs_begin();
#ifdef CCA_UPSTREAM_CORE_INIT
	/* Boot: RMI discovery and RMM configuration outside KVM. */
	kernel_rmi_fresh_boot();
	CCA_UPSTREAM_CORE_INIT();
#endif
	kvm_init_rmi();
	mock_init_allocs_end();
	return static_branch_unlikely(&kvm_rmi_is_available) ? 0 : -ENODEV;
}

int harness_vm_create(const struct harness_vm_config *cfg, struct harness_vm **out)
{
	struct harness_vm_config def = { 0 };
	struct harness_vm *vm;
	struct kvm *kvm;
	int ret = -ENOMEM;

	if (!cfg)
		cfg = &def;
	vm = kzalloc(sizeof(*vm), GFP_KERNEL);
	if (!vm)
		return -ENOMEM;
	vm->ipa_bits = cfg->ipa_bits ? cfg->ipa_bits : HARNESS_DEFAULT_IPA_BITS;
	vm->ram_base = cfg->ram_base ? cfg->ram_base : HARNESS_DEFAULT_RAM_BASE;
	vm->ram_size = cfg->ram_size ? cfg->ram_size : HARNESS_DEFAULT_RAM_SIZE;
	if (!static_branch_unlikely(&kvm_rmi_is_available)) {
		ret = -ENODEV;	/* no KVM_CAP_ARM_RMI */
		goto free_vm;
	}
	if (vm->ipa_bits < 32 || vm->ipa_bits > CCA_REALM_IPA_LIMIT() ||
	    !PAGE_ALIGNED(vm->ram_base) || !PAGE_ALIGNED(vm->ram_size) || !vm->ram_size ||
	    /* The RAM in the protected half of the IPA space; the sum must not wrap. */
	    vm->ram_base >= BIT_ULL(vm->ipa_bits - 1) ||
	    vm->ram_size > BIT_ULL(vm->ipa_bits - 1) - vm->ram_base) {
		ret = -EINVAL;
		goto free_vm;
	}
	kvm = kzalloc(sizeof(*kvm), GFP_KERNEL);
	if (!kvm)
		goto free_vm;
	vm->kvm = kvm;
	kvm->type = KVM_VM_TYPE_ARM_REALM | vm->ipa_bits;
	rwlock_init(&kvm->mmu_lock);
	mutex_init(&kvm->slots_lock);
	mutex_init(&kvm->lock);
	mutex_init(&kvm->arch.config_lock);
	init_srcu_struct(&kvm->srcu);
	kvm->memslots[0] = kzalloc(sizeof(struct kvm_memslots), GFP_KERNEL);
	/* Attributes cover guest RAM (a bitmap of the whole IPA space would not fit). */
	kvm->mem_attr_npages = gpa_to_gfn(vm->ram_base + vm->ram_size);
	kvm->mem_attr_private = bitmap_zalloc(kvm->mem_attr_npages, GFP_KERNEL);
	if (!kvm->memslots[0] || !kvm->mem_attr_private)
		goto destroy;
	kvm->arch.is_realm = true;
	kvm->arch.id_aa64dfr0_el1 = read_sanitised_ftr_reg(SYS_ID_AA64DFR0_EL1);
	kvm->arch.vgic_created = !cfg->no_vgic;
	ret = harness_init_stage2(kvm, vm->ipa_bits);
	if (ret)
		goto destroy;
	ret = CCA_REALM_INIT(kvm);
	if (ret)
		goto destroy;
	ret = harness_add_ram(vm, !cfg->no_shared_backing);
	if (ret)
		goto destroy;
	*out = vm;
	return 0;
destroy:
	harness_vm_destroy(vm);
	return ret;
free_vm:
	kfree(vm);
	return ret;
}

int harness_vcpu_create(struct harness_vm *vm, int *id)
{
	struct kvm *kvm = vm->kvm;
	struct kvm_vcpu *vcpu;
	int idx = vm->nr_vcpus;

	if (idx >= HARNESS_MAX_VCPUS)
		return -EINVAL;
	/* vCPUs cannot be added once the realm's RECs exist. */
	if (kvm_realm_state(kvm) == REALM_STATE_ACTIVE)
		return -EBUSY;
	vcpu = kzalloc(sizeof(*vcpu), GFP_KERNEL);
	if (!vcpu)
		return -ENOMEM;
	vcpu->run = kzalloc(sizeof(*vcpu->run), GFP_KERNEL);
	if (!vcpu->run) {
		kfree(vcpu);
		return -ENOMEM;
	}
	vcpu->kvm = kvm;
	vcpu->vcpu_id = idx;
	vcpu->vcpu_idx = idx;
	vcpu->arch.hw_mmu = &kvm->arch.mmu;
	vcpu->mode = OUTSIDE_GUEST_MODE;
	spin_lock_init(&vcpu->arch.mp_state_lock);
	__set_bit(KVM_ARM_VCPU_PSCI_0_2, vcpu->arch.features);
	if (idx) {
		__set_bit(KVM_ARM_VCPU_POWER_OFF, vcpu->arch.features);
		kvm_arm_vcpu_set_mp_state(vcpu, KVM_MP_STATE_STOPPED);
	}
	__vcpu_assign_sys_reg(vcpu, MPIDR_EL1, (u64)idx);
#ifdef CCA_REALM_RESET_DFR0
	__vcpu_assign_sys_reg(vcpu, ID_AA64DFR0_EL1_SHADOW,
			      kvm_realm_reset_id_aa64dfr0_el1(vcpu, kvm->arch.id_aa64dfr0_el1));
#endif
	vcpu->arch.sve_max_vl = 0;
	vm->vcpus[idx] = vcpu;
	kvm->vcpus[idx] = vcpu;
	atomic_set(&kvm->online_vcpus, idx + 1);
	vm->nr_vcpus++;
	if (id)
		*id = idx;
	return 0;
}

int harness_vcpu_set_entry(struct harness_vm *vm, int id, unsigned long long pc,
			   const unsigned long long *x, unsigned int nx)
{
	struct kvm_vcpu *vcpu = harness_vcpu(vm, id);
	struct user_pt_regs *regs;

	if (!vcpu || nx > 8)
		return -EINVAL;
	if (vcpu->arch.has_run_once)
		return -EBUSY;	/* a REC's registers belong to the RMM */
	regs = vcpu_gp_regs(vcpu);
	regs->pc = pc;
	for (unsigned int i = 0; i < nx; i++)
		regs->regs[i] = x[i];
	return 0;
}

unsigned long long harness_user_buffer(struct harness_vm *vm, unsigned long pages)
{
	void *p;

	if (vm->nr_buffers == HARNESS_MAX_USER_BUFFERS || !pages)
		return 0;
	p = mock_user_pages_alloc(pages << PAGE_SHIFT);
	if (!p)
		return 0;
	vm->buffers[vm->nr_buffers].addr = p;
	vm->buffers[vm->nr_buffers].pages = pages;
	vm->nr_buffers++;
	return (unsigned long)p;
}

void harness_vm_destroy(struct harness_vm *vm)
{
	struct kvm *kvm = vm->kvm;

	/* vCPU threads still running (a case that ended early): stopped first, as at process exit. */
	if (vm->threaded) {
		harness_threads_stop(vm);
		harness_threads_join(vm, 5000);
	}
	if (kvm) {
		struct kvm_memslots *slots = kvm->memslots[0];

		/* kvm_destroy_vcpus: RECs go first. */
		for (unsigned int i = 0; i < vm->nr_vcpus; i++) {
			struct kvm_vcpu *vcpu = vm->vcpus[i];

			kvm_destroy_rec(vcpu);
			kvm_mmu_free_memory_cache(&vcpu->arch.mmu_page_cache);
			kfree(vcpu->run);
			kfree(vcpu);
		}
		/* kvm_arch_destroy_vm: the realm, then KVM's stage-2 root. */
		if (kvm->arch.is_realm)
			kvm_destroy_realm(kvm);
		kvm_free_stage2_pgd(&kvm->arch.mmu);
		for (int i = 0; slots && i < slots->used_slots; i++)
			kvm_gmem_destroy(slots->slots[i].gmem.file);
		kfree(slots);
		bitmap_free(kvm->mem_attr_private);
		cleanup_srcu_struct(&kvm->srcu);
		kfree(kvm);
	}
	if (vm->shared_backing)
		mock_user_pages_free(vm->shared_backing, vm->ram_size);
	for (unsigned int i = 0; i < vm->nr_buffers; i++)
		mock_user_pages_free(vm->buffers[i].addr, vm->buffers[i].pages << PAGE_SHIFT);
	kfree(vm);
}
