# SPDX-License-Identifier: BSD-3-Clause
# Quiet by default: a clean run prints each load note once and no call;
# --verbose adds the scenario's description and every RMI/RSI call.
# Run as: cmake -DCLI=<cca-double> -DFILE=<scenario with notes> -P quiet.cmake
execute_process(COMMAND ${CLI} run ${FILE} OUTPUT_VARIABLE out RESULT_VARIABLE rc TIMEOUT 300)
string(REGEX MATCHALL "\n    # [^\n]*: note: [^\n]*" notes "${out}")
list(LENGTH notes n)
set(unique ${notes})
list(REMOVE_DUPLICATES unique)
list(LENGTH unique nu)
if(NOT rc EQUAL 0 OR n EQUAL 0 OR NOT n EQUAL nu OR out MATCHES "\n    # RMI ")
  message(FATAL_ERROR "exit ${rc}, ${n} notes (${nu} different), or calls printed:\n${out}")
endif()
execute_process(COMMAND ${CLI} run --verbose ${FILE} OUTPUT_VARIABLE verbose RESULT_VARIABLE rc TIMEOUT 300)
string(REGEX MATCHALL "\n    # RMI [A-Z_]+ [^\n]* > [A-Z_]+" calls "${verbose}")
list(LENGTH calls ncalls)
get_filename_component(base ${FILE} NAME)
if(NOT rc EQUAL 0 OR ncalls LESS 10 OR NOT verbose MATCHES "\n    # [^\n]*/${base}: [^\n]+\n")
  message(FATAL_ERROR "--verbose: exit ${rc}, ${ncalls} calls, or no description:\n${verbose}")
endif()
message(STATUS "${n} notes once each; --verbose: ${ncalls} RMI calls")
