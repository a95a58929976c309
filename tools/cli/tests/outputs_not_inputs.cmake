# SPDX-License-Identifier: BSD-3-Clause
# No output option destroys an input (cli_outputs_ok): an output naming an
# input file (by st_dev/st_ino, whatever the spelling), a scenario file in
# an input folder of run, two outputs naming one file, or an empty path,
# exits 2 with a message naming the subcommand and the option, before any
# file is opened, and every input is left as it was.  Run as:
# cmake -DCLI=<cca-double> -DWORK=<dir> -P outputs_not_inputs.cmake
include(${CMAKE_CURRENT_LIST_DIR}/cli_test_lib.cmake)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/dir)
file(WRITE ${WORK}/S.yaml "${CLI_PASSES_YAML}")
file(WRITE ${WORK}/dir/a.yaml "${CLI_PASSES_YAML}")
# Two shards of one sweep, for --merge.
cli_sweep_shards(${WORK} ${WORK}/S.yaml)
set(keep S.yaml dir/a.yaml c1.json c2.json)
foreach(f IN LISTS keep)
  file(SHA256 ${WORK}/${f} before_${f})
endforeach()
set(W ${WORK})
# "args|what stderr must say"; ',' separates arguments.
set(cases
  "sweep,--merge,--json,${W}/c2.json,${W}/c1.json,${W}/c2.json|^sweep: --json ${W}/c2.json is the input ${W}/c2.json"
  "sweep,--merge,--junit,${W}/./c1.json,${W}/c1.json,${W}/c2.json|^sweep: --junit ${W}/./c1.json is the input"
  "sweep,--json,${W}/S.yaml,${W}/S.yaml|^sweep: --json ${W}/S.yaml is the input"
  "sweep,--junit,${W}/dir/../S.yaml,${W}/S.yaml|^sweep: --junit ${W}/dir/../S.yaml is the input"
  "sweep,--json,${W}/new.json,--junit,${W}/dir/../new.json,${W}/S.yaml|^sweep: --json ${W}/new.json and --junit ${W}/dir/../new.json name the same file"
  "trace,-o,${W}/S.yaml,${W}/S.yaml|^trace: --output ${W}/S.yaml is the input"
  "trace,--fuzz-seed,${W}/S.yaml,${W}/S.yaml|^trace: --fuzz-seed ${W}/S.yaml is the input"
  "trace,-o,${W}/t.txt,--fuzz-seed,${W}/t.txt,${W}/S.yaml|^trace: --output ${W}/t.txt and --fuzz-seed ${W}/t.txt name the same file"
  "run,-t,${W}/S.yaml,${W}/S.yaml|^run: --trace ${W}/S.yaml is the input"
  "run,--junit,${W}/S.yaml,${W}/S.yaml|^run: --junit ${W}/S.yaml is the input"
  "run,-t,${W}/dir/a.yaml,${W}/dir|^run: --trace ${W}/dir/a.yaml: in the input folder ${W}/dir, it would be read as a scenario"
  "run,--junit,${W}/dir/new.yaml,${W}/dir|^run: --junit ${W}/dir/new.yaml: in the input folder")
foreach(c IN LISTS cases)
  cli_split_case("${c}" args want)
  execute_process(COMMAND ${CLI} ${args} RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err TIMEOUT 60)
  string(REPLACE "." "\\." want_re "${want}")
  if(NOT rc STREQUAL "2" OR NOT err MATCHES "${want_re}")
    message(FATAL_ERROR "cca-double ${args}: exit ${rc}, stderr '${err}'; expected 2 and '${want}'")
  endif()
  foreach(f IN LISTS keep)
    file(SHA256 ${WORK}/${f} after)
    if(NOT after STREQUAL before_${f})
      message(FATAL_ERROR "cca-double ${args} changed the input ${f}")
    endif()
  endforeach()
  message(STATUS "refused, inputs kept: ${args}")
endforeach()
# An empty path (a list drops empty arguments: one by one).
foreach(c "sweep|--json|${W}/S.yaml" "sweep|--junit|${W}/S.yaml" "sweep|--repro|${W}/S.yaml"
          "trace|--output|${W}/S.yaml" "trace|--fuzz-seed|${W}/S.yaml" "run|--trace|${W}/S.yaml"
          "run|--junit|${W}/S.yaml")
  string(REPLACE "|" ";" c "${c}")
  list(GET c 0 cmd)
  list(GET c 1 opt)
  list(GET c 2 in)
  execute_process(COMMAND ${CLI} ${cmd} ${opt} "" ${in} RESULT_VARIABLE rc OUTPUT_QUIET
                  ERROR_VARIABLE err TIMEOUT 60)
  if(NOT rc STREQUAL "2" OR NOT err STREQUAL "${cmd}: ${opt} needs a path, not an empty string\n")
    message(FATAL_ERROR "cca-double ${cmd} ${opt} '': exit ${rc}, stderr '${err}'; expected 2 and '${cmd}: ${opt} needs a path, not an empty string'")
  endif()
  message(STATUS "refused: ${cmd} ${opt} ''")
endforeach()
execute_process(COMMAND ${CLI} sweep --merge --json "" ${W}/c1.json ${W}/c2.json RESULT_VARIABLE rc
                OUTPUT_QUIET ERROR_VARIABLE err TIMEOUT 60)
if(NOT rc STREQUAL "2" OR NOT err MATCHES "^sweep: --json needs a path")
  message(FATAL_ERROR "sweep --merge --json '': exit ${rc}, stderr '${err}'")
endif()
# A fresh output beside the inputs still works.
execute_process(COMMAND ${CLI} sweep --merge --json ${W}/merged.json ${W}/c1.json ${W}/c2.json
                RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err TIMEOUT 60)
if(NOT rc MATCHES "^[01]$" OR NOT EXISTS ${W}/merged.json)
  message(FATAL_ERROR "sweep --merge --json merged.json: exit ${rc}: ${err}")
endif()
# What cannot lose contents is not compared: two outputs to /dev/null are fine.
execute_process(COMMAND ${CLI} sweep --merge -q --json /dev/null --junit /dev/null ${W}/c1.json ${W}/c2.json
                RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err TIMEOUT 60)
if(NOT rc MATCHES "^[01]$")
  message(FATAL_ERROR "sweep --merge --json /dev/null --junit /dev/null: exit ${rc}: ${err}")
endif()
# An output that does not reach its file (a full disk) is an error (2).
if(EXISTS /dev/full)
  foreach(c "trace|--output" "sweep|--json" "sweep|--junit")
    string(REPLACE "|" ";" c "${c}")
    list(GET c 0 cmd)
    list(GET c 1 opt)
    execute_process(COMMAND ${CLI} ${cmd} ${opt} /dev/full ${W}/S.yaml RESULT_VARIABLE rc OUTPUT_QUIET
                    ERROR_VARIABLE err TIMEOUT 120)
    if(NOT rc STREQUAL "2" OR NOT err MATCHES "${cmd}: ${opt} /dev/full: ")
      message(FATAL_ERROR "${cmd} ${opt} /dev/full: exit ${rc}, stderr '${err}'; expected 2 naming ${opt}")
    endif()
  endforeach()
endif()
# An output that cannot be created is named with its subcommand and option.
foreach(c "trace|--output" "run|--trace" "run|--junit" "sweep|--json" "sweep|--junit" "sweep|--repro")
  string(REPLACE "|" ";" c "${c}")
  list(GET c 0 cmd)
  list(GET c 1 opt)
  execute_process(COMMAND ${CLI} ${cmd} ${opt} ${W}/no-such-dir/out ${W}/S.yaml RESULT_VARIABLE rc
                  OUTPUT_QUIET ERROR_VARIABLE err TIMEOUT 120)
  if(NOT rc STREQUAL "2" OR NOT err MATCHES "^${cmd}: ${opt} ${W}/no-such-dir/out: ")
    message(FATAL_ERROR "${cmd} ${opt} <no such dir>: exit ${rc}, stderr '${err}'; expected 2 and '${cmd}: ${opt} ...'")
  endif()
endforeach()
