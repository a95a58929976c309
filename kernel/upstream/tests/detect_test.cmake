# SPDX-License-Identifier: BSD-3-Clause
#
# Upstream-mode detection (detect.cmake) and known-defect lists
# (known.cmake) on small synthetic trees written here: each layout the
# series has had is recognised from what its files define, and each
# missing piece stops with the file and the symbol.  The files hold only
# the declarations detection reads, not kernel code.
#   cmake -DCCA_ROOT=<repo> -DWORK=<scratch dir> -P detect_test.cmake

cmake_minimum_required(VERSION 3.16)
include(${CCA_ROOT}/kernel/upstream/detect.cmake)
include(${CCA_ROOT}/kernel/upstream/known.cmake)

# want_eq(<value> <wanted> <what>), want_in(<item> <list> <what>),
# want_not_in(...), want_match(<value> <regex> <what>): failures collect in
# a global property (functions, so regexes are not unescaped twice).
function(fail what)
  set_property(GLOBAL APPEND_STRING PROPERTY detect_failures "${what}\n")
endfunction()
function(want_eq value wanted what)
  if(NOT "${value}" STREQUAL "${wanted}")
    fail("${what}: '${value}', want '${wanted}'")
  endif()
endfunction()
function(want_in item list what)
  if(NOT "${item}" IN_LIST list)
    fail("${what}: no '${item}' in '${list}'")
  endif()
endfunction()
function(want_not_in item list what)
  if("${item}" IN_LIST list)
    fail("${what}: '${item}' in '${list}'")
  endif()
endfunction()
function(want_match value regex what)
  if(NOT "${value}" MATCHES "${regex}")
    fail("${what}: '${value}' does not match '${regex}'")
  endif()
endfunction()

# A tree: name, then pairs of a path and the name of the variable holding
# its text (the texts hold ';', which a list would split).
function(tree name)
  file(REMOVE_RECURSE ${WORK}/${name})
  set(path "")
  foreach(a IN LISTS ARGN)
    if(path STREQUAL "")
      set(path "${a}")
    else()
      file(WRITE ${WORK}/${name}/${path} "${${a}}\n")
      set(path "")
    endif()
  endforeach()
endfunction()

function(detect name)
  cca_upstream_detect(${WORK}/${name} ${CCA_ROOT}/spec)
  foreach(v UP_ERROR UP_PROFILE UP_SERIES UP_DEFINES UP_CORE_SOURCE UP_HEADERS UP_KVM_SOURCES)
    set(${v} "${${v}}" PARENT_SCOPE)
  endforeach()
endfunction()

# --- pieces -----------------------------------------------------------------
set(smc_v1 "#define RMI_ABI_MAJOR_VERSION 1
#define SMC_RMI_VERSION SMC_RMI_CALL(0x0150)
#define SMC_RMI_REC_ENTER SMC_RMI_CALL(0x015c)
#define SMC_RMI_RTT_CREATE SMC_RMI_CALL(0x015d)
#define RMI_RETURN_STATUS(ret) ((ret) & 0xff)")
set(smc_bet1 "#define RMI_ABI_MAJOR_VERSION 2
#define SMC_RMI_VERSION SMC_RMI_CALL(0x0150)
#define SMC_RMI_REC_ENTER SMC_RMI_CALL(0x015c)
#define SMC_RMI_VDEV_COMPLETE SMC_RMI_CALL(0x018e)
#define SMC_RMI_GRANULE_RANGE_DELEGATE SMC_RMI_CALL(0x01f1)
#define RMI_RETURN_STATUS(ret) ((ret) & 0xff)")
set(smc_bet3 "#define RMI_ABI_MAJOR_VERSION 2
#define SMC_RMI_VERSION SMC_RMI_CALL(0x0150)
#define SMC_RMI_REC_ENTER SMC_RMI_CALL(0x015c)
#define SMC_RMI_GRANULE_RANGE_DELEGATE SMC_RMI_CALL(0x01f1)
#define SMC_RMI_GPT_INFO SMC_RMI_CALL(0x0211)
#define RMI_RESULT_STATUS(ret) ((ret) & 0xff)")
set(cmds "static inline int rmi_rec_enter(unsigned long rec, unsigned long run) { return 0; }")
set(kvm_rmi_v12 "struct realm { void *rd; };
int kvm_init_realm_vm(struct kvm *kvm);
u32 kvm_realm_ipa_limit(void);
int kvm_activate_realm(struct kvm *kvm);
void kvm_destroy_realm(struct kvm *kvm);
void kvm_realm_destroy_rtts(struct kvm *kvm);
void kvm_destroy_rec(struct kvm_vcpu *vcpu);
int kvm_rec_enter(struct kvm_vcpu *vcpu);
int kvm_rec_pre_enter(struct kvm_vcpu *vcpu);
int kvm_arm_rmi_populate(struct kvm *kvm, struct kvm_arm_rmi_populate *arg);
void kvm_realm_unmap_range(struct kvm *kvm, unsigned long ipa, unsigned long size, bool unmap_private, bool may_block);
int realm_map_protected(struct realm *realm, unsigned long base_ipa, kvm_pfn_t pfn, unsigned long size, struct kvm_mmu_memory_cache *memcache);
int realm_psci_complete(struct kvm_vcpu *source, struct kvm_vcpu *target, unsigned long status);")
set(rmi_c_v12 "void kvm_init_rmi(void)\n{\n}
static int populate_cb(struct kvm *kvm, gfn_t gfn, kvm_pfn_t pfn, void __user *src, int order, void *opaque) { return 0; }
static long populate(void) { return kvm_gmem_populate(kvm, gfn, src, n, populate_cb, &flags); }")
set(exit_c_v12 "int handle_rec_exit(struct kvm_vcpu *vcpu, int rec_run_ret)\n{\n\treturn 0;\n}")
set(kvm_rmi_post "struct realm { void *rd; };
int kvm_init_realm(struct kvm *kvm);
u32 kvm_rmm_ipa_limit(void);
int kvm_activate_realm(struct kvm *kvm);
void kvm_destroy_realm(struct kvm *kvm);
int kvm_realm_teardown_stage2(struct kvm *kvm);
void kvm_destroy_rec(struct kvm_vcpu *vcpu);
int kvm_rec_enter(struct kvm_vcpu *vcpu);
int kvm_rec_exit(struct kvm_vcpu *vcpu, int rec_run_status);
int kvm_rec_handle_request(struct kvm_vcpu *vcpu);
int kvm_arm_rmi_populate(struct kvm *kvm, struct kvm_arm_rmi_populate *arg);
void kvm_realm_unmap_range(struct kvm *kvm, unsigned long ipa, unsigned long size, bool may_block);
int realm_map_ipa(struct kvm *kvm, phys_addr_t ipa, kvm_pfn_t pfn, unsigned long map_size, enum kvm_pgtable_prot prot, struct kvm_mmu_memory_cache *memcache);
int realm_psci_complete(struct kvm_vcpu *source, unsigned long status);")
set(rmi_c_post "void kvm_init_rmi(void)\n{\n}
int realm_psci_complete(struct kvm_vcpu *source, unsigned long status) { return 0; }
static int complete(struct kvm_vcpu *vcpu) { return realm_psci_complete(vcpu, 0); }
static void enter(struct kvm_vcpu *vcpu) { vcpu_clear_flag(vcpu, INCREMENT_PC); }
static long populate(void) { return kvm_gmem_populate(kvm, gfn, src, n, false, populate_cb, &flags); }")
set(exit_c_post "int kvm_rec_exit(struct kvm_vcpu *vcpu, int rec_run_ret)\n{\n\treturn 0;\n}")
set(core "static int __init arm64_init_rmi(void) { return 0; }\nsubsys_initcall(arm64_init_rmi);")

# --- v12 layout: RMM 1.0, no core driver, the v6.19 populate contract ------
tree(v12 arch/arm64/include/asm/rmi_smc.h smc_v1 arch/arm64/include/asm/rmi_cmds.h cmds
     arch/arm64/include/asm/kvm_rmi.h kvm_rmi_v12 arch/arm64/kvm/rmi.c rmi_c_v12
     arch/arm64/kvm/rmi-exit.c exit_c_v12)
detect(v12)
want_eq("${UP_ERROR}" "" "v12: error")
want_eq("${UP_PROFILE}/${UP_SERIES}" "1.0/v12" "v12: profile/series")
want_eq("${UP_CORE_SOURCE}" "" "v12: core driver")
foreach(d CCA_UPSTREAM_INIT_REALM_VM=1 CCA_REALM_INIT=kvm_init_realm_vm CCA_REALM_UNMAP_ARGS=5
          CCA_REALM_MAP_TAKES_REALM=1 CCA_REALM_PSCI_COMPLETE_ARGS=3 CCA_REALM_PSCI_COMPLETE_BY_KVM=1
          CCA_UPSTREAM_GMEM_POPULATE_UADDR=1 CCA_REALM_REC_PRE_ENTER=kvm_rec_pre_enter
          CCA_REALM_STAGE2_TEARDOWN=kvm_realm_destroy_rtts CCA_REALM_RMI_STATUS=RMI_RETURN_STATUS)
  want_in("${d}" "${UP_DEFINES}" "v12: defines")
endforeach()
want_in("arch/arm64/include/asm/rmi_smc.h|asm/rmi_smc.h" "${UP_HEADERS}" "v12: headers")

# --- v14 layout: 2.0-bet1 FIDs, core driver in arch/arm64/kernel -------------
tree(v14 arch/arm64/include/asm/rmi_smc.h smc_bet1 arch/arm64/include/asm/rmi_cmds.h cmds
     arch/arm64/include/asm/kvm_rmi.h kvm_rmi_post arch/arm64/kvm/rmi.c rmi_c_post
     arch/arm64/kvm/rmi-exit.c exit_c_post arch/arm64/kernel/rmi.c core)
detect(v14)
want_eq("${UP_ERROR}" "" "v14: error")
want_eq("${UP_PROFILE}/${UP_SERIES}" "2.0-bet1/v14" "v14: profile/series")
want_eq("${UP_CORE_SOURCE}" "arch/arm64/kernel/rmi.c" "v14: core driver")

# --- post-v14 layout: include/linux headers, drivers/firmware core ---------
tree(post include/linux/arm-smccc-rmi.h smc_bet3 include/linux/arm-rmi-cmds.h cmds
     arch/arm64/include/asm/kvm_rmi.h kvm_rmi_post arch/arm64/kvm/rmi.c rmi_c_post
     arch/arm64/kvm/rmi-exit.c exit_c_post drivers/firmware/arm_rmm/rmi.c core)
detect(post)
want_eq("${UP_ERROR}" "" "post-v14: error")
want_eq("${UP_PROFILE}/${UP_SERIES}" "2.0-bet3/post-v14" "post-v14: profile/series")
want_eq("${UP_CORE_SOURCE}" "drivers/firmware/arm_rmm/rmi.c" "post-v14: core driver")
want_in("include/linux/arm-smccc-rmi.h|linux/arm-smccc-rmi.h" "${UP_HEADERS}" "post-v14: headers")
foreach(d CCA_REALM_INIT=kvm_init_realm CCA_REALM_IPA_LIMIT=kvm_rmm_ipa_limit CCA_REALM_UNMAP_ARGS=4
          CCA_REALM_REC_REQUEST=kvm_rec_handle_request CCA_REALM_REC_EXIT_CODE=1
          CCA_REALM_STAGE2_TEARDOWN=kvm_realm_teardown_stage2 CCA_REALM_STAGE2_TEARDOWN_UNMAPS=1
          CCA_REALM_MAP_IPA=1 CCA_REALM_PSCI_COMPLETE_ARGS=2 CCA_REALM_VCPU_FLAGS=1
          CCA_UPSTREAM_GMEM_POPULATE_WRITEBACK=1 CCA_REALM_RMI_STATUS=RMI_RESULT_STATUS
          CCA_UPSTREAM_CORE_INIT=cca_initcall_arm64_init_rmi)
  want_in("${d}" "${UP_DEFINES}" "post-v14: defines")
endforeach()
foreach(d CCA_REALM_PSCI_COMPLETE_BY_KVM=1 CCA_UPSTREAM_GMEM_POPULATE_UADDR=1 CCA_UPSTREAM_INIT_REALM_VM=1)
  want_not_in("${d}" "${UP_DEFINES}" "post-v14: defines")
endforeach()

# --- what is missing is named, with its file ---------------------------------
function(expect_error name pattern)
  detect(${name})
  want_match("${UP_ERROR}" "${pattern}" "${name}: error")
endfunction()
tree(no_smc arch/arm64/include/asm/rmi_cmds.h cmds)
expect_error(no_smc "no header defines SMC_RMI_VERSION")
string(REPLACE "void kvm_realm_unmap_range(struct kvm *kvm, unsigned long ipa, unsigned long size, bool may_block);" ""
       kvm_rmi_no_unmap "${kvm_rmi_post}")
tree(no_unmap include/linux/arm-smccc-rmi.h smc_bet3 include/linux/arm-rmi-cmds.h cmds
     arch/arm64/include/asm/kvm_rmi.h kvm_rmi_no_unmap arch/arm64/kvm/rmi.c rmi_c_post
     arch/arm64/kvm/rmi-exit.c exit_c_post drivers/firmware/arm_rmm/rmi.c core)
expect_error(no_unmap "^arch/arm64/include/asm/kvm_rmi.h: no kvm_realm_unmap_range\\(\\)")
tree(no_core include/linux/arm-smccc-rmi.h smc_bet3 include/linux/arm-rmi-cmds.h cmds
     arch/arm64/include/asm/kvm_rmi.h kvm_rmi_post arch/arm64/kvm/rmi.c rmi_c_post
     arch/arm64/kvm/rmi-exit.c exit_c_post)
expect_error(no_core "no RMI core driver.*RMM_CONFIG_SET")
string(REPLACE "kvm_init_realm(struct kvm" "kvm_setup_realm(struct kvm" kvm_rmi_renamed "${kvm_rmi_post}")
tree(renamed include/linux/arm-smccc-rmi.h smc_bet3 include/linux/arm-rmi-cmds.h cmds
     arch/arm64/include/asm/kvm_rmi.h kvm_rmi_renamed arch/arm64/kvm/rmi.c rmi_c_post
     arch/arm64/kvm/rmi-exit.c exit_c_post drivers/firmware/arm_rmm/rmi.c core)
expect_error(renamed "kvm_rmi.h, arch/arm64/kvm/rmi.c: no kvm_init_realm\\(\\) or kvm_init_realm_vm\\(\\) \\(VM init\\)")
string(REPLACE "false, populate_cb" "populate_cb, false, 0" rmi_c_8 "${rmi_c_post}")
tree(populate8 include/linux/arm-smccc-rmi.h smc_bet3 include/linux/arm-rmi-cmds.h cmds
     arch/arm64/include/asm/kvm_rmi.h kvm_rmi_post arch/arm64/kvm/rmi.c rmi_c_8
     arch/arm64/kvm/rmi-exit.c exit_c_post drivers/firmware/arm_rmm/rmi.c core)
expect_error(populate8 "^arch/arm64/kvm/rmi.c: kvm_gmem_populate\\(\\) with 8 arguments")
string(REPLACE "#define RMI_ABI_MAJOR_VERSION 2" "#define RMI_ABI_MAJOR_VERSION 9" smc_v9 "${smc_bet3}")
tree(major9 include/linux/arm-smccc-rmi.h smc_v9)
expect_error(major9 "RMI_ABI_MAJOR_VERSION 9, and no spec/\\*.yaml describes an RMI 9.x revision")
string(APPEND rmi_c_renamed_call "${rmi_c_post}" "\nstatic void f(void) { rmi_free_delegated_page(0); }")
tree(undefined_call include/linux/arm-smccc-rmi.h smc_bet3 include/linux/arm-rmi-cmds.h cmds
     arch/arm64/include/asm/kvm_rmi.h kvm_rmi_post arch/arm64/kvm/rmi.c rmi_c_renamed_call
     arch/arm64/kvm/rmi-exit.c exit_c_post drivers/firmware/arm_rmm/rmi.c core)
expect_error(undefined_call "^arch/arm64/kvm/rmi.c: rmi_free_delegated_page\\(\\) is called but no file of the tree defines it")
# A declaration inside a comment does not count.
string(REPLACE "int kvm_init_realm(struct kvm *kvm);" "/* int kvm_init_realm(struct kvm *kvm); */"
       kvm_rmi_commented "${kvm_rmi_post}")
tree(commented include/linux/arm-smccc-rmi.h smc_bet3 include/linux/arm-rmi-cmds.h cmds
     arch/arm64/include/asm/kvm_rmi.h kvm_rmi_commented arch/arm64/kvm/rmi.c rmi_c_post
     arch/arm64/kvm/rmi-exit.c exit_c_post drivers/firmware/arm_rmm/rmi.c core)
expect_error(commented "no kvm_init_realm\\(\\) or kvm_init_realm_vm\\(\\)")

# --- known-defect lists -------------------------------------------------------
file(WRITE ${WORK}/known.txt "# test list
defect the walk starts before the check
  file kvm: kvm_init_rmi\\(void\\) \\{ \\}
  case suite.a
  case suite.b.some param
defect code that is gone
  file kvm: no_such_function\\(
  case suite.c
")
cca_upstream_known(${WORK}/known.txt ${WORK}/post kvm=arch/arm64/kvm/rmi.c exit= core= smc= cmds= kvm_rmi=)
want_eq("${UP_KNOWN_ERROR}" "" "known: error")
want_in("suite.a|the walk starts before the check" "${UP_KNOWN_CASES}" "known: cases")
want_in("suite.b.some param|the walk starts before the check" "${UP_KNOWN_CASES}" "known: cases")
list(LENGTH UP_KNOWN_CASES nk)
want_eq("${nk}" "2" "known: applied cases (the lapsed defect's suite.c is not)")
want_eq("${UP_KNOWN_LAPSED}" "code that is gone" "known: lapsed")
file(WRITE ${WORK}/known-bad.txt "defect fine\n  file kvm: x\n  case s.c\ndefect two\n  file elsewhere: x\n  case s.d\n")
cca_upstream_known(${WORK}/known-bad.txt ${WORK}/post kvm=arch/arm64/kvm/rmi.c exit= core= smc= cmds= kvm_rmi=)
want_match("${UP_KNOWN_ERROR}" "known-bad.txt:5: unknown file role 'elsewhere'" "known: error")
file(WRITE ${WORK}/known-paren.txt "defect unbalanced\n  file kvm: foo(bar\n  case s.f\n")
cca_upstream_known(${WORK}/known-paren.txt ${WORK}/post kvm=arch/arm64/kvm/rmi.c exit= core= smc= cmds= kvm_rmi=)
want_match("${UP_KNOWN_ERROR}" "known-paren.txt:2: unbalanced" "known: error")
file(WRITE ${WORK}/known-nocase.txt "defect no cases\n  file kvm: x\ndefect next\n  file kvm: x\n  case s.e\n")
cca_upstream_known(${WORK}/known-nocase.txt ${WORK}/post kvm=arch/arm64/kvm/rmi.c exit= core= smc= cmds= kvm_rmi=)
want_match("${UP_KNOWN_ERROR}" "known-nocase.txt:1: a defect needs at least one" "known: error")

# The repository's own lists parse.
file(GLOB lists ${CCA_ROOT}/kernel/upstream/known/*.txt)
foreach(l IN LISTS lists)
  cca_upstream_known(${l} ${WORK}/post kvm=arch/arm64/kvm/rmi.c exit=arch/arm64/kvm/rmi-exit.c
    core=drivers/firmware/arm_rmm/rmi.c smc=include/linux/arm-smccc-rmi.h
    cmds=include/linux/arm-rmi-cmds.h kvm_rmi=arch/arm64/include/asm/kvm_rmi.h)
  want_eq("${UP_KNOWN_ERROR}" "" "${l}")
endforeach()

get_property(failures GLOBAL PROPERTY detect_failures)
if(failures)
  message(FATAL_ERROR "upstream detection:\n${failures}")
endif()
message(STATUS "upstream detection: ok")
