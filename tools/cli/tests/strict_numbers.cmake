# SPDX-License-Identifier: BSD-3-Clause
# Numeric options parse strictly (cli_parse_uint): digits only, no sign, no
# blanks, no overflow, so a value never wraps into another (-j 4294967298
# is not -j 2, --shard 1/-1 not 1/4294967295).  Each bad value exits 2 with
# a message naming the option and the value.  Run as:
# cmake -DCLI=<cca-double> -DWORK=<dir> -P strict_numbers.cmake
include(${CMAKE_CURRENT_LIST_DIR}/cli_test_lib.cmake)
file(MAKE_DIRECTORY ${WORK})
set(ok ${WORK}/passes.yaml)
file(WRITE ${ok} "${CLI_PASSES_YAML}")
# "args|what stderr must say"; ',' separates arguments.
set(cases
  "sweep,-j,4294967298|--jobs 1..16, not '4294967298'"
  "sweep,-j,18446744073709551618|--jobs 1..16, not '18446744073709551618'"
  "sweep,-j, 2|--jobs 1..16, not ' 2'"
  "sweep,-j,+2|--jobs 1..16, not '\\+2'"
  "sweep,-j,2 |--jobs 1..16, not '2 '"
  "sweep,--shard,1/-1|--shard K/N with 1 <= K <= N <= 1000000, not '1/-1'"
  "sweep,--shard,1/99999999999|--shard K/N .*, not '1/99999999999'"
  "sweep,--shard,4294967297/4294967297|--shard K/N .*, not '4294967297/4294967297'"
  "sweep,--shard, 1/2|--shard K/N .*, not ' 1/2'"
  "sweep,--shard,1/ 2|--shard K/N .*, not '1/ 2'"
  "sweep,--shard,1/2/3|--shard K/N .*, not '1/2/3'"
  "sweep,--timeout, 5|--timeout takes whole seconds from 1 to 86400, not ' 5'"
  "sweep,--timeout,18446744073709551617|--timeout takes whole seconds .*, not '18446744073709551617'"
  "run,--timeout,+5|--timeout takes whole seconds from 1 to 86400, not '\\+5'")
foreach(c IN LISTS cases)
  cli_split_case("${c}" args want)
  execute_process(COMMAND ${CLI} ${args} ${ok} RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err
                  TIMEOUT 60)
  if(NOT rc STREQUAL "2" OR NOT err MATCHES "${want}")
    message(FATAL_ERROR "cca-double ${args}: exit ${rc}, stderr '${err}'; expected 2 and '${want}'")
  endif()
  message(STATUS "refused: ${args}")
endforeach()
# The largest values still parse.
execute_process(COMMAND ${CLI} sweep -q -j 16 --timeout 86400 --shard 1000000/1000000 ${ok}
                RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err TIMEOUT 120)
if(NOT rc STREQUAL "0")
  message(FATAL_ERROR "sweep -j 16 --timeout 86400 --shard 1000000/1000000: exit ${rc}: ${err}")
endif()
