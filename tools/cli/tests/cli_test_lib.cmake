# SPDX-License-Identifier: BSD-3-Clause
# What the cli tests' scripts share (include()d; CLI is the cca-double under test).

# A 1.0 scenario that passes: one granule delegated and given back.
set(CLI_PASSES_YAML "name: passes\nprofile: \"1.0\"\nmemory: 8M\ngranules: [rd]\nsteps:\n  - delegate: [rd]\n  - undelegate: [rd]\n")

# Sweeps `scenario` as two shards, their JSON in dir/c1.json and dir/c2.json.
function(cli_sweep_shards dir scenario)
  foreach(k 1 2)
    execute_process(COMMAND ${CLI} sweep -q --shard ${k}/2 --json ${dir}/c${k}.json ${scenario}
                    RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err TIMEOUT 120)
    if(NOT rc MATCHES "^[01]$")
      message(FATAL_ERROR "sweep --shard ${k}/2: exit ${rc}: ${err}")
    endif()
  endforeach()
endfunction()

# A case "arg,arg,...|what stderr must say": the arguments as a list, and the rest.
function(cli_split_case case args_var want_var)
  string(FIND "${case}" "|" bar)
  string(SUBSTRING "${case}" 0 ${bar} args)
  math(EXPR from "${bar} + 1")
  string(SUBSTRING "${case}" ${from} -1 want)
  string(REPLACE "," ";" args "${args}")
  set(${args_var} "${args}" PARENT_SCOPE)
  set(${want_var} "${want}" PARENT_SCOPE)
endfunction()
