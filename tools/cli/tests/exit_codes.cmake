# SPDX-License-Identifier: BSD-3-Clause
# Exit status as documented (README "The cca-double command"): 0 success,
# 1 failures found, 2 a usage or load error.  Run as:
# cmake -DCLI=<cca-double> -DSRC=<repo> -DWORK=<dir> -P exit_codes.cmake
include(${CMAKE_CURRENT_LIST_DIR}/cli_test_lib.cmake)
file(MAKE_DIRECTORY ${WORK})
file(WRITE ${WORK}/dup-key.yaml "name: a\nname: b\nmemory: 8M\ngranules: [g]\nsteps:\n  - write: {to: g, fill: 1}\n")
file(WRITE ${WORK}/fails.yaml "name: fails\nprofile: \"1.0\"\nmemory: 8M\ngranules: [rd]\nsteps:\n  - {rmi: GRANULE_UNDELEGATE, args: {addr: rd}, expect: SUCCESS}\n")
file(WRITE ${WORK}/passes.yaml "${CLI_PASSES_YAML}")
set(cases
  "0" "run,${WORK}/passes.yaml"
  "1" "run,${WORK}/fails.yaml"
  "2" "run,${WORK}/dup-key.yaml"
  "2" "run,${SRC}/tools/scenario/tests/hostile-strings.yaml"
  "2" "run,--timeout,-1,${WORK}/passes.yaml"
  "2" "run,--timeout,0,${WORK}/passes.yaml"
  "2" "run,--timeout,5x,${WORK}/passes.yaml"
  "2" "run,--profile,9.9,${WORK}/passes.yaml"
  "2" "run,--junit,${WORK}/no-such-dir/r.xml,${WORK}/passes.yaml"
  "2" "kunit,--junit,${WORK}/no-such-dir/k.xml,--filter,realm_lifecycle*"
  "2" "trace,${WORK}"
  "2" "sweep,${WORK}/dup-key.yaml"
  "2" "sweep,--timeout,-1,${WORK}/passes.yaml"
  "1" "sweep,-q,${WORK}/passes.yaml"
  "2" "no-such-subcommand")
list(LENGTH cases n)
math(EXPR last "${n} - 1")
foreach(i RANGE 0 ${last} 2)
  math(EXPR j "${i} + 1")
  list(GET cases ${i} want)
  list(GET cases ${j} args)
  string(REPLACE "," ";" args "${args}")
  execute_process(COMMAND ${CLI} ${args} RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err
                  TIMEOUT 60)
  if(NOT rc STREQUAL want)
    message(FATAL_ERROR "cca-double ${args}: exit ${rc}, expected ${want}: ${err}")
  endif()
  message(STATUS "exit ${rc} as expected: ${args}")
endforeach()

# An unwritable --junit is named by the command that was given it.
foreach(cmd run kunit)
  set(what ${WORK}/passes.yaml)
  if(cmd STREQUAL "kunit")
    set(what --filter realm_lifecycle*)
  endif()
  execute_process(COMMAND ${CLI} ${cmd} --junit ${WORK}/no-such-dir/x.xml ${what}
                  RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err TIMEOUT 60)
  if(NOT err MATCHES "^${cmd}: --junit ${WORK}/no-such-dir/x.xml: ")
    message(FATAL_ERROR "cca-double ${cmd} --junit <unwritable>: stderr '${err}', expected it to start with '${cmd}: --junit'")
  endif()
endforeach()
