# SPDX-License-Identifier: BSD-3-Clause
# sweep --merge reads shards' JSON as strictly as the sweep writes it
# (sweep_out.c): a value out of its field's type or not a JSON number
# ("seconds": "1e999", inf, nan), an unknown or repeated key, counts the
# outcome contradicts, a call beyond the sweep's calls, a run in the wrong
# shard, total_runs or totals the listed runs do not add up to: each exits
# 2 naming file:line:col and what was expected, before printing anything
# or opening an output (a previous --json file is left as it was).  Output
# that cannot be written (a full disk) is an error too.
# A detail's control characters are printed escaped.  Run as:
# cmake -DCLI=<cca-double> -DWORK=<dir> -P merge_strict.cmake
include(${CMAKE_CURRENT_LIST_DIR}/cli_test_lib.cmake)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
set(W ${WORK})
file(WRITE ${W}/passes.yaml "${CLI_PASSES_YAML}")
cli_sweep_shards(${W} ${W}/passes.yaml)
file(READ ${W}/c1.json c1)
file(READ ${W}/c2.json c2)
# Shard 1 has run 0 (ok), shard 2 run 1 (a leak): the text each case edits.
foreach(want "\"seq\": 0, \"call\": 1," "\"outcome\": \"ok\"")
  string(FIND "${c1}" "${want}" at)
  if(at LESS 0)
    message(FATAL_ERROR "shard 1's JSON has no '${want}': ${c1}")
  endif()
endforeach()

# merge(<name> <shard 1 text> <shard 2 text> <stderr regex>): exit 2, that error, no table.
function(merge_refused name t1 t2 want)
  file(WRITE ${W}/${name}-1.json "${t1}")
  file(WRITE ${W}/${name}-2.json "${t2}")
  file(WRITE ${W}/${name}-out.json "a previous merge")
  execute_process(COMMAND ${CLI} sweep --merge --json ${W}/${name}-out.json ${W}/${name}-1.json
                          ${W}/${name}-2.json
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
  if(NOT rc STREQUAL "2" OR NOT err MATCHES "^${W}/${name}-[12]\\.json:[0-9]+:[0-9]+: ${want}\n$"
     OR out MATCHES "sweep:")
    message(FATAL_ERROR "merge ${name}: exit ${rc}, stderr '${err}', stdout '${out}'; expected 2, 'file:line:col: ${want}' and no table")
  endif()
  file(READ ${W}/${name}-out.json kept)
  if(NOT kept STREQUAL "a previous merge")
    message(FATAL_ERROR "merge ${name} was refused but overwrote its --json file: '${kept}'")
  endif()
  message(STATUS "refused ${name}: ${err}")
endfunction()

# Each case: name, regex, replacement (in both shards), expected error.
set(cases
  "seconds-string|\"seconds\": [0-9.]+|\"seconds\": \"1e999\"|\"seconds\": expected a finite number of seconds, 0 or more, not the string '1e999'"
  "seconds-huge|\"seconds\": [0-9.]+|\"seconds\": 1e999|\"seconds\": expected a finite number .*, not '1e999'"
  "seconds-abc|\"seconds\": [0-9.]+|\"seconds\": \"abc\"|\"seconds\": expected a finite number .*'abc'"
  "seconds-nan|\"seconds\": [0-9.]+|\"seconds\": nan|\"seconds\": expected a finite number .*, not 'nan'"
  "seconds-inf|\"seconds\": [0-9.]+|\"seconds\": .inf|\"seconds\": expected a finite number .*, not '.inf'"
  "seconds-neg|\"seconds\": [0-9.]+|\"seconds\": -1|\"seconds\": expected a finite number .*, not '-1'"
  "seconds-hex|\"seconds\": [0-9.]+|\"seconds\": 0x1p3|\"seconds\": expected a finite number .*, not '0x1p3'"
  "warnings-2p32|\"warnings\": 0|\"warnings\": 4294967296|\"warnings\": expected a whole number from 0 to 4294967295, not '4294967296'"
  "warnings-neg|\"warnings\": 0|\"warnings\": -1|\"warnings\": expected a whole number from 0 to 4294967295, not '-1'"
  "nth-quoted|\"nth\": 1,|\"nth\": \"1\",|\"nth\": expected a whole number from 0 to 18446744073709551615, not the string '1'"
  "nth-2p64|\"nth\": 1,|\"nth\": 18446744073709551616,|\"nth\": expected a whole number from 0 to 18446744073709551615, not '18446744073709551616'"
  "bool-yes|\"fault_fired\": true|\"fault_fired\": yes|\"fault_fired\": expected true or false, not 'yes'"
  "command-number|\"command\": \"GRANULE_DELEGATE\"|\"command\": 5|\"command\": expected a quoted string, not '5'"
  "command-long|\"command\": \"GRANULE_DELEGATE\"|\"command\": \"GRANULE_DELEGATE_GRANULE_DELEGATE_GRANULE_DELEGATE\"|\"command\": expected at most 47 characters, not 50"
  "name-long|\"scenario\": \"passes\"|\"scenario\": \"passes_passes_passes_passes_passes_passes_passes_passes_passes_passes_passes_passes_passes_passes_\"|\"scenario\": expected at most 96 characters, not 98"
  "profile|\"profile\": \"1.0\"|\"profile\": \"9.9\"|unknown profile '9.9'"
  "status|\"status\": \"ERROR_INPUT\"|\"status\": \"SUCCESS\"|SUCCESS is not an error profile 1.0 lists for RMI command 'GRANULE_DELEGATE'"
  "command|\"command\": \"GRANULE_DELEGATE\"|\"command\": \"NO_SUCH\"|ERROR_INPUT is not an error profile 1.0 lists for RMI command 'NO_SUCH'"
  "leak-but-ok|\"leaked_granules\": 0|\"leaked_granules\": 99|outcome \"ok\" with 0 warnings, 99\\+0 leaked granules\\+pages: a sweep gives no warning and no leak to an ok run"
  "warn-without|\"outcome\": \"ok\"|\"outcome\": \"warn\"|outcome \"warn\" with 0 warnings, .*: a sweep gives warnings and no leak to a warn run"
  "call-max|\"seq\": 0, \"call\": 1,|\"seq\": 0, \"call\": 18446744073709551615,|call 18446744073709551615 of a sweep of 2 calls"
  "call-0|\"seq\": 0, \"call\": 1,|\"seq\": 0, \"call\": 0,|call 0 of a sweep of 2 calls"
  "calls-max|\"calls\": 2,|\"calls\": 18446744073709551615,|\"calls\": expected a whole number from 0 to [0-9]+, not '18446744073709551615'"
  "total-runs|\"total_runs\": 2,|\"total_runs\": 10000000,|total_runs 10000000, but the 2 shards list 2 runs of sweep 1 \\(passes on 1.0\\)"
  "root-key|^\\{|{\"extra\": 1, |unknown key 'extra' in a shard's JSON .*"
  "run-key|\"nth\": 1,|\"nth\": 1, \"bogus\": 2,|unknown key 'bogus' in a run .*"
  "sweep-key|\"calls\": 2,|\"calls\": 2, \"more\": 0,|unknown key 'more' in a sweep .*"
  "twice|\"index\": 0,|\"index\": 0, \"index\": 0,|duplicate key 'index' \\(first at line 2, column [0-9]+\\)"
  "totals|\"runs\": 1, \"ok\"|\"runs\": 5, \"ok\"|runs 5, ok .*. its sweeps list 1 runs: .*")
foreach(c IN LISTS cases)
  string(REPLACE "|" ";" c "${c}")
  list(GET c 0 name)
  list(GET c 1 from)
  list(GET c 2 to)
  list(GET c 3 want)
  string(REGEX REPLACE "${from}" "${to}" t1 "${c1}")
  string(REGEX REPLACE "${from}" "${to}" t2 "${c2}")
  if(t1 STREQUAL c1)
    message(FATAL_ERROR "case ${name}: '${from}' is not in shard 1's JSON")
  endif()
  merge_refused(${name} "${t1}" "${t2}" "${want}")
endforeach()
# Runs swapped between the shards: each in the wrong one.
string(REPLACE "\"seq\": 0," "\"seq\": 1," t1 "${c1}")
string(REPLACE "\"seq\": 1," "\"seq\": 0," t2 "${c2}")
merge_refused(swapped "${t1}" "${t2}" "run 1 of sweep 1 is run 1 of all, not one of shard 1/2")

# The shards as written merge; a detail's control characters print escaped.
string(ASCII 27 esc)
string(REGEX REPLACE "\"detail\": \"([^\"]+)\"}" "\"detail\": \"\\1\\\\u001b[31m\"}" t2 "${c2}")
if(t2 STREQUAL c2)
  message(FATAL_ERROR "shard 2's JSON has no run detail to edit: ${c2}")
endif()
file(WRITE ${W}/esc-2.json "${t2}")
execute_process(COMMAND ${CLI} sweep --merge --json ${W}/merged.json ${W}/c1.json ${W}/esc-2.json
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
string(FIND "${out}" "${esc}" raw)
if(NOT rc STREQUAL "1" OR NOT raw EQUAL -1 OR NOT out MATCHES "ERROR_INPUT\\\\x1b\\[31m\n")
  message(FATAL_ERROR "merge with an ESC in a detail: exit ${rc}, stdout '${out}', stderr '${err}'; expected 1 and the ESC as \\x1b")
endif()
file(READ ${W}/merged.json merged)
if(NOT merged MATCHES "ERROR_INPUT\\\\u001b\\[31m\"" OR merged MATCHES "inf|nan")
  message(FATAL_ERROR "merged JSON: ${merged}")
endif()
if(EXISTS /dev/full)
  foreach(opt --json --junit)
    execute_process(COMMAND ${CLI} sweep --merge -q ${opt} /dev/full ${W}/c1.json ${W}/c2.json
                    RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err TIMEOUT 60)
    if(NOT rc STREQUAL "2" OR NOT err MATCHES "^sweep: ${opt} /dev/full: ")
      message(FATAL_ERROR "sweep --merge ${opt} /dev/full: exit ${rc}, stderr '${err}'; expected 2 and 'sweep: ${opt} /dev/full: ...'")
    endif()
  endforeach()
endif()
