# SPDX-License-Identifier: BSD-3-Clause
# Malformed `on_failure` and `stateful` descriptions, and a description in
# the wrong file, must stop abigen with what is wrong (file:line:col where
# it is in the YAML).  Run as: cmake -DABIGEN=<abigen> -DSPEC=<2.0-bet1.yaml>
# -DWORK=<dir> -P description_errors.cmake
file(READ ${SPEC} spec)
set(anchor "results: [{name: top, on_failure: base}], errors: [ERROR_INPUT, BUSY, BLOCKED]}")
string(FIND "${spec}" "${anchor}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "anchor (GRANULE_RANGE_UNDELEGATE results) not found in ${SPEC}")
endif()

# Each case: the replacement results, then the message abigen must give.
set(cases
  "results: [{name: top, on_failure: nope}]"
  "on_failure 'nope' is neither an argument of GRANULE_RANGE_UNDELEGATE nor a number"
  "results: [{name: top, on_failure: {ERROR_RTT: base}}]"
  "on_failure names ERROR_RTT, which GRANULE_RANGE_UNDELEGATE's errors do not list"
  "results: [{name: top, on_failure: {ERROR_FOO: base}}]"
  "on_failure key 'ERROR_FOO' is not a status"
  "results: [{name: top, on_failure: {BUSY: 1, SUCCESS: base}}]"
  "SUCCESS is not a failure"
  "results: [{name: top, onfail: base}]"
  "unknown key 'onfail' in result"
  "results: [{name: top, on_failure: ~}]"
  "on_failure must be an argument's name or a number"
  "results: [top, top]"
  "duplicate result top")
# And these stay valid: the short list, a constant, a per-status map.
set(good
  "results: [top]"
  "results: [{name: top, on_failure: 0x1000}]"
  "results: [{name: top, on_failure: {BUSY: base, BLOCKED: 7}}]")

# `stateful` of REC_DESTROY: replacement, then the message.
set(rec_destroy_anchor "stateful: transfer, errors: [ERROR_INPUT, ERROR_REC, BUSY, BLOCKED, INCOMPLETE]}")
set(stateful_cases
  "stateful: sometimes, errors: [ERROR_INPUT, ERROR_REC, BUSY, BLOCKED, INCOMPLETE]}"
  "REC_DESTROY: stateful must be 'continue' or 'transfer', not 'sometimes'"
  "stateful: continue, errors: [ERROR_INPUT, ERROR_REC, BUSY]}"
  "REC_DESTROY: a stateful command must list INCOMPLETE in errors")

# Each description lives in spec/<profile>.yaml: the build names outputs after the file.
set(bad_dir ${WORK}/bad)
set(good_dir ${WORK}/good)
file(MAKE_DIRECTORY ${bad_dir} ${good_dir})
get_filename_component(spec_name ${SPEC} NAME)
string(REPLACE "." "\\." spec_re "${spec_name}")
file(WRITE ${WORK}/misnamed.yaml "${spec}")
execute_process(COMMAND ${ABIGEN} ${WORK} ${WORK}/misnamed.yaml RESULT_VARIABLE rc ERROR_VARIABLE err)
if(rc EQUAL 0 OR NOT err MATCHES "must live in spec/")
  message(FATAL_ERROR "abigen accepted a description in the wrong file: ${err}")
endif()

string(FIND "${spec}" "${rec_destroy_anchor}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "anchor (REC_DESTROY stateful) not found in ${SPEC}")
endif()
list(LENGTH stateful_cases n)
math(EXPR last "${n} - 1")
foreach(i RANGE 0 ${last} 2)
  math(EXPR j "${i} + 1")
  list(GET stateful_cases ${i} repl)
  list(GET stateful_cases ${j} want)
  string(REPLACE "${rec_destroy_anchor}" "${repl}" bad "${spec}")
  file(WRITE ${bad_dir}/${spec_name} "${bad}")
  execute_process(COMMAND ${ABIGEN} ${WORK} ${bad_dir}/${spec_name} RESULT_VARIABLE rc
                  ERROR_VARIABLE err OUTPUT_VARIABLE out)
  string(FIND "${err}" "${want}" found)
  if(rc EQUAL 0 OR found EQUAL -1 OR NOT err MATCHES "${spec_re}:[0-9]+:[0-9]+: ")
    message(FATAL_ERROR "${repl}: expected file:line:col: ...${want}, got: ${err}")
  endif()
  message(STATUS "refused as expected: ${repl}")
endforeach()

file(MAKE_DIRECTORY ${WORK}/include/rmi)
list(LENGTH cases n)
math(EXPR last "${n} - 1")
foreach(i RANGE 0 ${last} 2)
  math(EXPR j "${i} + 1")
  list(GET cases ${i} results)
  list(GET cases ${j} want)
  string(REPLACE "${anchor}" "${results}, errors: [ERROR_INPUT, BUSY, BLOCKED]}" bad "${spec}")
  file(WRITE ${bad_dir}/${spec_name} "${bad}")
  execute_process(COMMAND ${ABIGEN} ${WORK} ${bad_dir}/${spec_name} RESULT_VARIABLE rc
                  ERROR_VARIABLE err OUTPUT_VARIABLE out)
  if(rc EQUAL 0)
    message(FATAL_ERROR "abigen accepted: ${results}")
  endif()
  string(FIND "${err}" "${want}" found)
  if(found EQUAL -1 OR NOT err MATCHES "${spec_re}:[0-9]+:[0-9]+: ")
    message(FATAL_ERROR "${results}: expected file:line:col: ...${want}, got: ${err}")
  endif()
  message(STATUS "refused as expected: ${results}")
endforeach()
foreach(results IN LISTS good)
  string(REPLACE "${anchor}" "${results}, errors: [ERROR_INPUT, BUSY, BLOCKED]}" ok "${spec}")
  file(WRITE ${good_dir}/${spec_name} "${ok}")
  execute_process(COMMAND ${ABIGEN} ${WORK} ${good_dir}/${spec_name} RESULT_VARIABLE rc
                  ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "abigen refused valid ${results}: ${err}")
  endif()
  message(STATUS "accepted: ${results}")
endforeach()
