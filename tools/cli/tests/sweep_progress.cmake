# SPDX-License-Identifier: BSD-3-Clause
# On a terminal (script(1) gives one) sweep shows "name@profile: done/total
# runs, ETA m:ss", ending at total/total; into a pipe it shows none.
# Run as: cmake -DCLI=<cca-double> -DSCRIPT=<script> -DFILE=<scenario> -P sweep_progress.cmake
execute_process(COMMAND ${SCRIPT} -q -e -c "${CLI} sweep -q --first-error ${FILE}" /dev/null
                OUTPUT_VARIABLE tty RESULT_VARIABLE rc TIMEOUT 300)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "sweep on a terminal: exit ${rc}\n${tty}")
endif()
string(REGEX MATCHALL "@1\\.0: [0-9]+/[0-9]+ runs, ETA [0-9]+:[0-5][0-9]" lines "${tty}")
list(LENGTH lines n)
if(n EQUAL 0)
  message(FATAL_ERROR "no progress line on the terminal:\n${tty}")
endif()
list(GET lines -1 last)
string(REGEX REPLACE "^@1\\.0: ([0-9]+)/([0-9]+) .*" "\\1;\\2" counts "${last}")
list(GET counts 0 done)
list(GET counts 1 total)
string(REGEX MATCH "[0-9]+ runs: " summary "${tty}")
if(NOT done EQUAL total OR NOT summary STREQUAL "${total} runs: ")
  message(FATAL_ERROR "last progress line '${last}', summary '${summary}'")
endif()
execute_process(COMMAND ${CLI} sweep -q --first-error ${FILE} OUTPUT_VARIABLE out ERROR_VARIABLE err
                RESULT_VARIABLE rc TIMEOUT 300)
if(NOT rc EQUAL 0 OR "${out}${err}" MATCHES "ETA")
  message(FATAL_ERROR "into a pipe: exit ${rc}, or a progress line:\n${out}${err}")
endif()
message(STATUS "progress: ${n} lines, the last ${last}")
