# SPDX-License-Identifier: BSD-3-Clause
#
# Upstream mode: what a Linux tree with the Arm CCA host series holds, read
# from what its files define, not from one snapshot's layout.
#
#   cca_upstream_detect(<tree> <spec dir>)
#
# sets in the caller's scope:
#
#   UP_ERROR        empty, or the one error that stops configuration: the
#                   file and the symbol the harness needs and did not find
#   UP_PROFILE      the fake RMM profile whose commands the tree's RMI header
#                   defines (spec/<profile>.yaml, FID by FID)
#   UP_SERIES       the host series that speaks that revision (v12, v14,
#                   post-v14): names the known-defect list
#   UP_SMC_H, UP_CMDS_H, UP_KVM_RMI_H
#                   tree-relative paths of the RMI definitions, the command
#                   wrappers and KVM's realm header
#   UP_HEADERS      those three as "<tree path>|<include path>" (where the
#                   tree's code #includes them from)
#   UP_KVM_SOURCES  arch/arm64/kvm's realm files
#   UP_CORE_SOURCE  the RMI core driver (v14: arch/arm64/kernel/rmi.c,
#                   later drivers/firmware/...), or empty (v11/v12)
#   UP_DEFINES      definitions for the harness, the KVM models and the mock
#                   headers: CCA_REALM_* name the entry points and shapes of
#                   the realm code (kernel/kvm/kvm_internal.h has the
#                   reference code's), CCA_UPSTREAM_* the tree's layout and
#                   its base kernel's guest_memfd contract
#   UP_DETECTED     one line per finding, for the configure log and the
#                   first lines of the KTAP output
#
# The error naming a file and a symbol is the contract: a developer whose
# tree moved something learns what the harness looked for and where.

# Text without C comments (a commented-out declaration must not count).
function(_cca_up_read path out)
  file(READ "${path}" text)
  string(REGEX REPLACE "/\\*([^*]|\\*+[^*/])*\\*+/" " " text "${text}")
  string(REGEX REPLACE "//[^\n]*" "" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# The parameter (or argument) list of the first NAME( ... ) followed by
# `term` (";" a declaration or call, "{" a definition), with nested
# parentheses removed; NOTFOUND if there is none.
function(_cca_up_params text name term out)
  set(${out} NOTFOUND PARENT_SCOPE)
  string(REGEX MATCH "[^A-Za-z0-9_]${name}[ \t\n]*\\(" head "${text}")
  if(NOT head)
    return()
  endif()
  set(rest "${text}")
  while(TRUE)
    string(FIND "${rest}" "${head}" at)
    if(at EQUAL -1)
      return()
    endif()
    string(LENGTH "${head}" hl)
    math(EXPR start "${at} + ${hl}")
    string(SUBSTRING "${rest}" ${start} -1 rest)
    # Up to the matching parenthesis, inner groups dropped.
    set(depth 1)
    set(args "")
    string(LENGTH "${rest}" n)
    set(i 0)
    while(i LESS n AND depth GREATER 0)
      string(SUBSTRING "${rest}" ${i} 1 c)
      if(c STREQUAL "(")
        math(EXPR depth "${depth} + 1")
      elseif(c STREQUAL ")")
        math(EXPR depth "${depth} - 1")
      elseif(depth EQUAL 1)
        string(APPEND args "${c}")
      endif()
      math(EXPR i "${i} + 1")
    endwhile()
    string(SUBSTRING "${rest}" ${i} -1 after)
    string(REGEX MATCH "^[ \t\n]*(.)" m "${after}")
    if(CMAKE_MATCH_1 STREQUAL "${term}")
      set(${out} "${args}" PARENT_SCOPE)
      return()
    endif()
    set(rest "${after}")
  endwhile()
endfunction()

# Number of comma-separated items in a parameter list from _cca_up_params.
function(_cca_up_count params out)
  string(STRIP "${params}" p)
  if(p STREQUAL "" OR p STREQUAL "void")
    set(${out} 0 PARENT_SCOPE)
    return()
  endif()
  string(REGEX MATCHALL "," commas "${p}")
  list(LENGTH commas c)
  math(EXPR c "${c} + 1")
  set(${out} ${c} PARENT_SCOPE)
endfunction()

# TRUE when `text` declares or defines function NAME.
function(_cca_up_has_function text name out)
  _cca_up_params("${text}" ${name} ";" decl)
  _cca_up_params("${text}" ${name} "{" def)
  if(decl OR def OR decl STREQUAL "" OR def STREQUAL "")
    set(${out} TRUE PARENT_SCOPE)
  else()
    set(${out} FALSE PARENT_SCOPE)
  endif()
endfunction()

# The tree-relative file among `candidates` whose text matches `regex`.
function(_cca_up_find tree regex out)
  set(${out} "" PARENT_SCOPE)
  foreach(f IN LISTS ARGN)
    if(EXISTS "${tree}/${f}")
      _cca_up_read("${tree}/${f}" t)
      if(t MATCHES "${regex}")
        set(${out} "${f}" PARENT_SCOPE)
        return()
      endif()
    endif()
  endforeach()
endfunction()

# Where the tree's code includes a header from: arch/<arch>/include/X and
# include/X are both <X>.
function(_cca_up_include_path rel out)
  string(REGEX REPLACE "^arch/[^/]+/include/" "" p "${rel}")
  string(REGEX REPLACE "^include/" "" p "${p}")
  set(${out} "${p}" PARENT_SCOPE)
endfunction()

macro(_cca_up_fail msg)
  set(UP_ERROR "${msg}" PARENT_SCOPE)
  return()
endmacro()

function(cca_upstream_detect tree specdir)
  set(UP_ERROR "" PARENT_SCOPE)
  set(detected "")
  set(defines CCA_UPSTREAM=1)

  # Candidate files: every realm/RMI header and source the series has put
  # in a directory so far; each is chosen by what it defines.
  file(GLOB hdrs RELATIVE "${tree}"
    "${tree}/arch/arm64/include/asm/*rmi*.h" "${tree}/include/linux/*rmi*.h")
  file(GLOB kvm_srcs RELATIVE "${tree}" "${tree}/arch/arm64/kvm/rmi*.c")
  file(GLOB core_srcs RELATIVE "${tree}"
    "${tree}/arch/arm64/kernel/*rmi*.c" "${tree}/drivers/firmware/*rmi*.c"
    "${tree}/drivers/firmware/*/*rmi*.c")
  list(SORT hdrs)

  # --- the RMI definitions: SMC_RMI_VERSION and its FIDs ---------------------
  _cca_up_find("${tree}" "#define[ \t]+SMC_RMI_VERSION[ \t]" smc ${hdrs})
  if(NOT smc)
    _cca_up_fail("no header defines SMC_RMI_VERSION (looked in arch/arm64/include/asm/*rmi*.h and include/linux/*rmi*.h): upstream mode needs a tree with the Arm CCA host series (v11 or later)")
  endif()
  _cca_up_read("${tree}/${smc}" smc_t)
  if(NOT smc_t MATCHES "#define[ \t]+RMI_ABI_MAJOR_VERSION[ \t]+\\(?([0-9]+)")
    _cca_up_fail("${smc}: no RMI_ABI_MAJOR_VERSION (the RMI revision the tree speaks)")
  endif()
  set(major ${CMAKE_MATCH_1})
  string(REGEX MATCHALL "#define[ \t]+SMC_RMI_[A-Z0-9_]+[ \t]+SMC_RMI_CALL\\([ \t]*0x[0-9A-Fa-f]+[ \t]*\\)"
         fid_defs "${smc_t}")
  set(tree_cmds "")
  foreach(d IN LISTS fid_defs)
    string(REGEX MATCH "SMC_RMI_([A-Z0-9_]+)[ \t]+SMC_RMI_CALL\\([ \t]*0x([0-9A-Fa-f]+)" m "${d}")
    math(EXPR fid "0x${CMAKE_MATCH_2}" OUTPUT_FORMAT HEXADECIMAL)
    list(APPEND tree_cmds "${CMAKE_MATCH_1}=${fid}")
  endforeach()
  list(LENGTH tree_cmds ntree)
  if(ntree EQUAL 0)
    _cca_up_fail("${smc}: no SMC_RMI_<command> SMC_RMI_CALL(<fid>) definitions")
  endif()

  # The profile with this RMI major whose commands (name and FID) the tree's
  # definitions match best.
  file(GLOB specs "${specdir}/*.yaml")
  set(best "")
  set(best_score -1)
  set(tie FALSE)
  foreach(spec IN LISTS specs)
    file(READ "${spec}" st)
    if(NOT st MATCHES "\nprofile:[ \t]*\"?([^\"\n]+)\"?")
      continue()
    endif()
    set(pname "${CMAKE_MATCH_1}")
    if(NOT st MATCHES "\nrmi_version:[ \t]*{[ \t]*major:[ \t]*([0-9]+)")
      continue()
    endif()
    if(NOT CMAKE_MATCH_1 EQUAL major)
      continue()
    endif()
    string(REGEX MATCHALL "name:[ \t]*[A-Z0-9_]+,[ \t]*fid:[ \t]*0x[0-9A-Fa-f]+" sfids "${st}")
    set(spec_cmds "")
    foreach(s IN LISTS sfids)
      string(REGEX MATCH "name:[ \t]*([A-Z0-9_]+),[ \t]*fid:[ \t]*0x([0-9A-Fa-f]+)" m "${s}")
      math(EXPR low "0x${CMAKE_MATCH_2} & 0xFFFF" OUTPUT_FORMAT HEXADECIMAL)
      list(APPEND spec_cmds "${CMAKE_MATCH_1}=${low}")
    endforeach()
    set(score 0)
    set(missing "")
    foreach(c IN LISTS tree_cmds)
      if(c IN_LIST spec_cmds)
        math(EXPR score "${score} + 1")
      else()
        string(REGEX REPLACE "=.*" "" c "${c}")
        list(APPEND missing ${c})
      endif()
    endforeach()
    if(score GREATER best_score)
      set(best "${pname}")
      set(best_score ${score})
      set(best_missing "${missing}")
      set(tie FALSE)
    elseif(score EQUAL best_score)
      set(tie TRUE)
      set(best "${best} and ${pname}")
    endif()
  endforeach()
  if(best STREQUAL "")
    _cca_up_fail("${smc}: RMI_ABI_MAJOR_VERSION ${major}, and no spec/*.yaml describes an RMI ${major}.x revision")
  endif()
  if(tie)
    _cca_up_fail("${smc}: its ${ntree} SMC_RMI_* commands match ${best} equally (${best_score} each): cannot tell the revision")
  endif()
  set(profile "${best}")
  list(APPEND detected "profile ${profile}: ${smc} defines ${ntree} commands, ${best_score} as spec/${profile}.yaml has them")
  if(best_missing)
    # The closest description the project has; these answer SMC_UNKNOWN.
    string(REPLACE ";" " " best_missing "${best_missing}")
    list(APPEND detected "WARNING: not in spec/${profile}.yaml by name and FID: ${best_missing}")
  endif()
  if(major EQUAL 1)
    set(series v12)
  elseif(profile STREQUAL "2.0-bet1")
    set(series v14)
  else()
    set(series post-v14)
  endif()

  # --- command wrappers and KVM's realm header --------------------------------
  _cca_up_find("${tree}" "[^A-Za-z0-9_]rmi_rec_enter[ \t\n]*\\(" cmds ${hdrs})
  if(NOT cmds)
    _cca_up_fail("no header defines rmi_rec_enter() (the REC_ENTER wrapper; looked in arch/arm64/include/asm/*rmi*.h and include/linux/*rmi*.h)")
  endif()
  _cca_up_find("${tree}" "struct[ \t\n]+realm[ \t\n]*{" kvm_rmi ${hdrs})
  if(NOT kvm_rmi)
    _cca_up_fail("no header defines struct realm (KVM's realm header, asm/kvm_rmi.h)")
  endif()
  set(headers "")
  foreach(h ${smc} ${cmds} ${kvm_rmi})
    _cca_up_include_path("${h}" ip)
    list(APPEND headers "${h}|${ip}")
  endforeach()
  list(REMOVE_DUPLICATES headers)
  list(APPEND detected "headers ${smc}, ${cmds}, ${kvm_rmi}")
  _cca_up_read("${tree}/${kvm_rmi}" kh)
  _cca_up_read("${tree}/${cmds}" ch)

  # --- KVM's realm sources -----------------------------------------------------
  _cca_up_find("${tree}" "[^A-Za-z0-9_]kvm_init_rmi[ \t\n]*\\([ \t\n]*void[ \t\n]*\\)[ \t\n]*{" rmi_c ${kvm_srcs})
  if(NOT rmi_c)
    _cca_up_fail("arch/arm64/kvm: no rmi*.c defines kvm_init_rmi()")
  endif()
  _cca_up_find("${tree}" "[^A-Za-z0-9_](handle_rec_exit|kvm_rec_exit)[ \t\n]*\\([^;{]*\\)[ \t\n]*{" exit_c ${kvm_srcs})
  if(NOT exit_c)
    _cca_up_fail("arch/arm64/kvm: no rmi*.c defines handle_rec_exit() or kvm_rec_exit() (REC exit handling)")
  endif()
  set(kvm_sources ${rmi_c})
  if(NOT exit_c STREQUAL rmi_c)
    list(APPEND kvm_sources ${exit_c})
  endif()
  _cca_up_read("${tree}/${rmi_c}" rc)
  _cca_up_read("${tree}/${exit_c}" ec)
  set(code "${kh}\n${rc}\n${ec}")

  # --- the RMI core driver (RMI discovery and RMM configuration at boot) -----
  set(core "")
  set(core_init "")
  foreach(f IN LISTS core_srcs)
    _cca_up_read("${tree}/${f}" t)
    if(t MATCHES "[^A-Za-z0-9_](early|core|subsys|arch|device)_initcall\\([ \t]*([A-Za-z0-9_]+)[ \t]*\\)")
      set(core "${f}")
      set(core_init "${CMAKE_MATCH_2}")
      set(core_t "${t}")
      break()
    endif()
  endforeach()
  if(core)
    list(APPEND defines CCA_UPSTREAM_CORE_INIT=cca_initcall_${core_init})
    list(APPEND detected "core driver ${core} (initcall ${core_init})")
  elseif(NOT major EQUAL 1)
    # RMI 2.0 hosts configure and activate the RMM before KVM starts.
    _cca_up_fail("no RMI core driver: none of arch/arm64/kernel/*rmi*.c, drivers/firmware/*rmi*.c, drivers/firmware/*/*rmi*.c has an initcall, and an RMI ${major}.x host needs RMM_CONFIG_SET/RMM_ACTIVATE at boot")
  else()
    list(APPEND detected "no core driver (RMI ${major}.x: KVM discovers the RMM itself)")
  endif()

  # --- entry points the harness and the KVM models call ----------------------
  # Each is looked for in the realm header and the realm sources; the first
  # alternative the tree has is used.
  set(ep "")
  macro(_cca_up_entry what define)
    set(_found "")
    foreach(_n ${ARGN})
      _cca_up_has_function("${code}" ${_n} _h)
      if(_h)
        set(_found ${_n})
        break()
      endif()
    endforeach()
    if(NOT _found)
      string(REPLACE ";" "() or " _alts "${ARGN}")
      _cca_up_fail("${kvm_rmi}, ${rmi_c}: no ${_alts}() (${what})")
    endif()
    if(NOT "${define}" STREQUAL "")
      list(APPEND defines ${define}=${_found})
    endif()
    list(APPEND ep "${_found}")
  endmacro()
  _cca_up_entry("VM init" CCA_REALM_INIT kvm_init_realm kvm_init_realm_vm)
  _cca_up_entry("realm IPA limit" CCA_REALM_IPA_LIMIT kvm_rmm_ipa_limit kvm_realm_ipa_limit)
  _cca_up_entry("activation" "" kvm_activate_realm)
  _cca_up_entry("REC entry" "" kvm_rec_enter)
  _cca_up_entry("VM teardown" "" kvm_destroy_realm)
  _cca_up_entry("vCPU teardown" "" kvm_destroy_rec)
  _cca_up_entry("populate ioctl" "" kvm_arm_rmi_populate)
  if(ep MATCHES "kvm_init_realm_vm")
    list(APPEND defines CCA_UPSTREAM_INIT_REALM_VM=1)	# v11/v12: the 1.0-era uAPI
  endif()

  # REC exits: v14 and earlier handle them in handle_rec_exit() after
  # kvm_rec_pre_enter(); later trees return an exception code from
  # kvm_rec_exit() to KVM's handle_exit() and finish requests raised with
  # KVM_REQ_RMI in kvm_rec_handle_request() before the next entry.
  _cca_up_has_function("${code}" kvm_rec_exit has_rec_exit)
  if(has_rec_exit)
    _cca_up_entry("REC exit requests" CCA_REALM_REC_REQUEST kvm_rec_handle_request)
    list(APPEND defines CCA_REALM_REC_EXIT_CODE=1)
    list(APPEND ep kvm_rec_exit)
  else()
    _cca_up_entry("REC pre-entry" CCA_REALM_REC_PRE_ENTER kvm_rec_pre_enter)
    list(APPEND ep handle_rec_exit)
  endif()

  # Stage-2 teardown at MMU-notifier release.
  _cca_up_entry("stage-2 teardown" CCA_REALM_STAGE2_TEARDOWN
                kvm_realm_teardown_stage2 kvm_realm_destroy_rtts)
  if(ep MATCHES "kvm_realm_teardown_stage2")
    # It unmaps the IPA space itself, under the config lock.
    list(APPEND defines CCA_REALM_STAGE2_TEARDOWN_UNMAPS=1)
  endif()

  # kvm_realm_unmap_range(kvm, start, size, [unmap_private,] may_block).
  _cca_up_params("${code}" kvm_realm_unmap_range ";" p)
  if(p STREQUAL "NOTFOUND")
    _cca_up_params("${code}" kvm_realm_unmap_range "{" p)
  endif()
  if(p STREQUAL "NOTFOUND")
    _cca_up_fail("${kvm_rmi}: no kvm_realm_unmap_range() (stage-2 unmap from KVM's MMU)")
  endif()
  _cca_up_count("${p}" n)
  if(NOT (n EQUAL 4 OR n EQUAL 5))
    _cca_up_fail("${kvm_rmi}: kvm_realm_unmap_range() takes ${n} arguments; the harness knows 5 (v12, v14: unmap_private) and 4 (later)")
  endif()
  list(APPEND defines CCA_REALM_UNMAP_ARGS=${n})
  list(APPEND ep "kvm_realm_unmap_range/${n}")

  # Faults: mmu.c's realm_map_ipa() is the tree's own in some trees.
  _cca_up_has_function("${kh}" realm_map_ipa has_map_ipa)
  if(has_map_ipa)
    list(APPEND defines CCA_REALM_MAP_IPA=1)
    list(APPEND ep realm_map_ipa)
  else()
    _cca_up_params("${kh}" realm_map_protected ";" p)
    if(p STREQUAL "NOTFOUND")
      _cca_up_fail("${kvm_rmi}: neither realm_map_ipa() nor realm_map_protected() (stage-2 faults)")
    endif()
    if(p MATCHES "^[ \t\n]*struct[ \t\n]+realm[ \t\n]*\\*")
      list(APPEND defines CCA_REALM_MAP_TAKES_REALM=1)	# v11/v12
    endif()
    list(APPEND ep realm_map_protected realm_map_non_secure)
  endif()

  # PSCI completion: 3 arguments (calling and target REC) or 2 (the RMM
  # finds the target); when the realm files never call it, KVM's PSCI code
  # does (v11/v12).
  _cca_up_params("${kh}" realm_psci_complete ";" p)
  if(p STREQUAL "NOTFOUND")
    _cca_up_fail("${kvm_rmi}: no realm_psci_complete() (PSCI_COMPLETE for CPU_ON/AFFINITY_INFO)")
  endif()
  _cca_up_count("${p}" n)
  list(APPEND defines CCA_REALM_PSCI_COMPLETE_ARGS=${n})
  string(REGEX MATCHALL "[^A-Za-z0-9_]realm_psci_complete[ \t\n]*\\(" uses "${rc}\n${ec}")
  list(LENGTH uses nuses)
  if(nuses LESS 2)	# the definition only
    list(APPEND defines CCA_REALM_PSCI_COMPLETE_BY_KVM=1)
    list(APPEND ep "realm_psci_complete/${n} (from KVM's PSCI code)")
  else()
    list(APPEND ep "realm_psci_complete/${n}")
  endif()

  # The vCPU's debug ID register, where the tree limits it.
  _cca_up_has_function("${code}" kvm_realm_reset_id_aa64dfr0_el1 has_dfr0)
  if(has_dfr0)
    list(APPEND defines CCA_REALM_RESET_DFR0=1)
  endif()

  # Emulated accesses: newer trees read the vCPU flags KVM's emulation
  # leaves (INCREMENT_PC), older ones have KVM's mmio.c set
  # REC_ENTER_FLAG_EMULATED_MMIO itself.
  if(rc MATCHES "[^A-Za-z0-9_]INCREMENT_PC[^A-Za-z0-9_]")
    list(APPEND defines CCA_REALM_VCPU_FLAGS=1)
  endif()

  # The RMI return-code accessor the tree names (RMI_RETURN_STATUS was
  # renamed RMI_RESULT_STATUS after 2.0-bet3's first headers).
  if(smc_t MATCHES "#define[ \t]+RMI_RESULT_STATUS[ \t(]")
    list(APPEND defines CCA_REALM_RMI_STATUS=RMI_RESULT_STATUS)
  elseif(smc_t MATCHES "#define[ \t]+RMI_RETURN_STATUS[ \t(]")
    list(APPEND defines CCA_REALM_RMI_STATUS=RMI_RETURN_STATUS)
  else()
    _cca_up_fail("${smc}: neither RMI_RETURN_STATUS() nor RMI_RESULT_STATUS() (the status of an RMI return code)")
  endif()

  # --- the guest_memfd populate contract of the tree's base kernel ----------
  # The tree's own include/linux/kvm_host.h says it when the tree has one;
  # otherwise the call and the callback in the realm code show it:
  # v6.18/6.19 pass the user source address and an order to the callback
  # (which pins the page), v7.1 the pinned source page, and later kernels
  # add `bool may_writeback_src` before the callback.
  set(gmem_cb "")
  set(gmem_n "")
  if(EXISTS "${tree}/include/linux/kvm_host.h")
    _cca_up_read("${tree}/include/linux/kvm_host.h" kvmh)
    if(kvmh MATCHES "typedef[ \t\n]+int[ \t\n]*\\(\\*kvm_gmem_populate_cb\\)[ \t\n]*\\(([^;]*)\\)[ \t\n]*;")
      set(gmem_cb "${CMAKE_MATCH_1}")
    endif()
    _cca_up_params("${kvmh}" kvm_gmem_populate ";" gp)
    if(NOT gp STREQUAL "NOTFOUND")
      _cca_up_count("${gp}" gmem_n)
    endif()
    set(gmem_from "include/linux/kvm_host.h")
  endif()
  if(gmem_n STREQUAL "")
    _cca_up_params("${rc}" kvm_gmem_populate ";" gp)
    if(gp STREQUAL "NOTFOUND")
      _cca_up_fail("${rmi_c}: no kvm_gmem_populate() call (populate through guest_memfd)")
    endif()
    _cca_up_count("${gp}" gmem_n)
    set(gmem_cb "${rc}")
    set(gmem_from "${rmi_c}")
  endif()
  if(gmem_cb MATCHES "void[ \t\n]+__user[ \t\n]*\\*[ \t\n]*[A-Za-z0-9_]*[ \t\n]*,[ \t\n]*int[ \t\n]+order")
    list(APPEND defines CCA_UPSTREAM_GMEM_POPULATE_UADDR=1)
    set(gmem "user address + order (v6.19 and older)")
  else()
    set(gmem "pinned source page (v7.1 and later)")
  endif()
  if(gmem_n EQUAL 7)
    list(APPEND defines CCA_UPSTREAM_GMEM_POPULATE_WRITEBACK=1)
    set(gmem "${gmem}, may_writeback_src")
  elseif(NOT gmem_n EQUAL 6)
    _cca_up_fail("${gmem_from}: kvm_gmem_populate() with ${gmem_n} arguments; the mock knows 6 and 7 (may_writeback_src)")
  endif()
  list(APPEND detected "guest_memfd populate: ${gmem} (from ${gmem_from})")

  # The RMI calls KVM's realm files make must be defined by the tree: a
  # wrapper renamed in one file and not the other is named here rather
  # than left to the linker.
  set(defs "${smc_t}\n${ch}\n${code}")
  if(core)
    string(APPEND defs "\n${core_t}")
  endif()
  string(REGEX MATCHALL "[^A-Za-z0-9_>.](rmi_[a-z0-9_]+|is_rmi_available|free_delegated_page)[ \t\n]*\\("
         calls "${rc}\n${ec}")
  set(seen "")
  foreach(c IN LISTS calls)
    string(REGEX REPLACE "^.([a-z0-9_]+).*" "\\1" name "${c}")
    if(name IN_LIST seen)
      continue()
    endif()
    list(APPEND seen ${name})
    if(NOT defs MATCHES "[^A-Za-z0-9_]${name}[ \t\n]*\\([^;{]*\\)[ \t\n]*{"
       AND NOT defs MATCHES "#[ \t]*define[ \t]+${name}[ \t(]")
      _cca_up_fail("${rmi_c}: ${name}() is called but no file of the tree defines it (looked in ${smc}, ${cmds}, ${kvm_rmi}, arch/arm64/kvm and the core driver)")
    endif()
  endforeach()

  string(REPLACE ";" ", " ep_text "${ep}")
  list(APPEND detected "entry points ${ep_text}")

  set(UP_PROFILE "${profile}" PARENT_SCOPE)
  set(UP_SERIES "${series}" PARENT_SCOPE)
  set(UP_SMC_H "${smc}" PARENT_SCOPE)
  set(UP_CMDS_H "${cmds}" PARENT_SCOPE)
  set(UP_KVM_RMI_H "${kvm_rmi}" PARENT_SCOPE)
  set(UP_HEADERS "${headers}" PARENT_SCOPE)
  set(UP_KVM_SOURCES "${kvm_sources}" PARENT_SCOPE)
  set(UP_CORE_SOURCE "${core}" PARENT_SCOPE)
  set(UP_DEFINES "${defines}" PARENT_SCOPE)
  set(UP_DETECTED "${detected}" PARENT_SCOPE)
endfunction()
