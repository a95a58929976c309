# SPDX-License-Identifier: BSD-3-Clause
#
# Known upstream defects (kernel/upstream/known/<series>.txt): the failures
# kernel/README.md explains, each tied to the code that has the defect.
#
#   cca_upstream_known(<list file> <tree> <role=path>... )
#
# sets in the caller's scope:
#   UP_KNOWN_ERROR    empty, or "<file>:<line>: <what is wrong>"
#   UP_KNOWN_CASES    "suite.case[.param]|reason" for every entry whose code
#                     is still in the tree
#   UP_KNOWN_LAPSED   the reasons of entries whose code is gone (their cases
#                     show as new failures if they still fail)
#
# The list file:
#
#   # comment
#   defect <one-line reason, printed as "# <case>: known: <reason>">
#     file <role>: <regex>
#     case <suite.case[.param]>
#
# Every `file` line of a defect must match for it to apply: <regex> is a
# CMake regular expression over that file of the tree with comments removed
# and every run of white space made one space.  Roles: kvm (arch/arm64/kvm
# rmi.c), exit (rmi-exit.c), core (the RMI core driver), smc (the RMI
# definitions), cmds (the command wrappers), kvm_rmi (asm/kvm_rmi.h).

function(_cca_known_text path out)
  file(READ "${path}" t)
  string(REGEX REPLACE "/\\*([^*]|\\*+[^*/])*\\*+/" " " t "${t}")
  string(REGEX REPLACE "//[^\n]*" "" t "${t}")
  string(REGEX REPLACE "[ \t\r\n]+" " " t "${t}")
  set(${out} "${t}" PARENT_SCOPE)
endfunction()

function(cca_upstream_known list tree)
  set(UP_KNOWN_ERROR "" PARENT_SCOPE)
  set(UP_KNOWN_CASES "" PARENT_SCOPE)
  set(UP_KNOWN_LAPSED "" PARENT_SCOPE)
  foreach(r IN LISTS ARGN)
    string(REGEX MATCH "^([^=]+)=(.*)$" m "${r}")
    set(role_${CMAKE_MATCH_1} "${CMAKE_MATCH_2}")
  endforeach()

  file(STRINGS "${list}" lines)
  list(LENGTH lines nlines)
  # A sentinel closes the last defect.
  list(APPEND lines "defect")
  set(cases "")
  set(lapsed "")
  set(reason "")
  set(applies TRUE)
  set(have_file FALSE)
  set(pending "")
  set(n 0)
  foreach(line IN LISTS lines)
    math(EXPR n "${n} + 1")
    string(STRIP "${line}" l)
    if(l STREQUAL "" OR l MATCHES "^#")
      continue()
    endif()
    if(l MATCHES "^defect( (.*))?$")
      if(NOT reason STREQUAL "")
        if(NOT have_file OR pending STREQUAL "")
          set(UP_KNOWN_ERROR "${list}:${defect_line}: a defect needs at least one `file` and one `case` line" PARENT_SCOPE)
          return()
        endif()
        if(applies)
          foreach(c IN LISTS pending)
            list(APPEND cases "${c}|${reason}")
          endforeach()
        else()
          list(APPEND lapsed "${reason}")
        endif()
      endif()
      set(reason "${CMAKE_MATCH_2}")
      set(defect_line ${n})
      set(applies TRUE)
      set(have_file FALSE)
      set(pending "")
      if(n LESS_EQUAL nlines AND (reason STREQUAL "" OR reason MATCHES ";|\\|"))
        set(UP_KNOWN_ERROR "${list}:${n}: a defect needs a one-line reason (without ';' or '|')" PARENT_SCOPE)
        return()
      endif()
    elseif(reason STREQUAL "")
      set(UP_KNOWN_ERROR "${list}:${n}: '${l}' before the first `defect` line" PARENT_SCOPE)
      return()
    elseif(l MATCHES "^file ([a-z_]+): (.+)$")
      set(role "${CMAKE_MATCH_1}")
      set(re "${CMAKE_MATCH_2}")
      if(NOT DEFINED role_${role})
        set(UP_KNOWN_ERROR "${list}:${n}: unknown file role '${role}' (kvm, exit, core, smc, cmds, kvm_rmi)" PARENT_SCOPE)
        return()
      endif()
      set(have_file TRUE)
      # CMake stops on a regex it cannot compile; an unbalanced group or
      # bracket is the likely slip, named here with its line.
      string(REGEX REPLACE "\\\\." "" bare "${re}")
      string(REGEX REPLACE "\\[[^]]*\\]" "" bare "${bare}")
      string(REGEX MATCHALL "\\(" opens "${bare}")
      string(REGEX MATCHALL "\\)" closes "${bare}")
      list(LENGTH opens no)
      list(LENGTH closes nc)
      if(NOT no EQUAL nc OR bare MATCHES "[][]")
        set(UP_KNOWN_ERROR "${list}:${n}: unbalanced ( ) or [ ] in the regex" PARENT_SCOPE)
        return()
      endif()
      if(role_${role} STREQUAL "")
        set(applies FALSE)	# the tree has no such file
      else()
        if(NOT DEFINED text_${role})
          _cca_known_text("${tree}/${role_${role}}" text_${role})
        endif()
        if(NOT text_${role} MATCHES "${re}")
          set(applies FALSE)
        endif()
      endif()
    elseif(l MATCHES "^case ([^ ]+(\\.[^.]+)+)$")
      list(APPEND pending "${CMAKE_MATCH_1}")
    else()
      set(UP_KNOWN_ERROR "${list}:${n}: expected `defect <reason>`, `file <role>: <regex>` or `case <suite.case>`, got '${l}'" PARENT_SCOPE)
      return()
    endif()
  endforeach()
  set(UP_KNOWN_CASES "${cases}" PARENT_SCOPE)
  set(UP_KNOWN_LAPSED "${lapsed}" PARENT_SCOPE)
endfunction()
