# SPDX-License-Identifier: BSD-3-Clause
#
# Runs abi-check and checks its exit status and output (cmake -P).
#   -DCMD=<;-list>       the command
#   -DEXPECT_EXIT=<n>    its exit status
#   -DCHECKS=<file>      lines "match REGEX", "forbid REGEX" or "first REGEX":
#                        some output line matches / no line matches / the
#                        first line matches (stdout and stderr, in that order);
#                        ; [ and ] in the output read as <SC>, <LB> and <RB>
#   -DTMPDIR=<dir>       optional: run with this TMPDIR, made empty before;
#                        it must be empty after (no temporary file left)

cmake_minimum_required(VERSION 3.16)

foreach(var CMD EXPECT_EXIT CHECKS)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "expect.cmake: ${var} not set")
  endif()
endforeach()

set(env "")
if(DEFINED TMPDIR)
  file(REMOVE_RECURSE "${TMPDIR}")
  file(MAKE_DIRECTORY "${TMPDIR}")
  set(env ${CMAKE_COMMAND} -E env "TMPDIR=${TMPDIR}")
endif()
execute_process(COMMAND ${env} ${CMD} OUTPUT_VARIABLE out ERROR_VARIABLE err
  RESULT_VARIABLE rc TIMEOUT 50)
set(text "${out}${err}")
# ; [ ] are encoded so that the list of lines survives.
string(REPLACE ";" "<SC>" text "${text}")
string(REPLACE "[" "<LB>" text "${text}")
string(REPLACE "]" "<RB>" text "${text}")
string(REPLACE "\n" ";" lines "${text}")

set(failures "")
if(NOT "${rc}" STREQUAL "${EXPECT_EXIT}")
  string(APPEND failures "exit status: got '${rc}', want '${EXPECT_EXIT}'\n")
endif()

if(DEFINED TMPDIR)
  file(GLOB left "${TMPDIR}/*")
  if(left)
    string(APPEND failures "left in TMPDIR: ${left}\n")
  endif()
endif()

file(STRINGS ${CHECKS} checks)
set(first "")
if(lines)
  list(GET lines 0 first)
endif()
foreach(check IN LISTS checks)
  string(REGEX REPLACE "^([a-z]+) (.*)$" "\\1" kind "${check}")
  string(REGEX REPLACE "^([a-z]+) (.*)$" "\\2" re "${check}")
  set(hit FALSE)
  foreach(line IN LISTS lines)
    if(line MATCHES "${re}")
      set(hit TRUE)
      break()
    endif()
  endforeach()
  if(kind STREQUAL "match" AND NOT hit)
    string(APPEND failures "no line matches: ${re}\n")
  elseif(kind STREQUAL "forbid" AND hit)
    string(APPEND failures "a line matches: ${re}\n")
  elseif(kind STREQUAL "first" AND NOT first MATCHES "${re}")
    string(APPEND failures "first line does not match: ${re}\n")
  elseif(NOT kind MATCHES "^(match|forbid|first)$")
    message(FATAL_ERROR "expect.cmake: bad check '${check}'")
  endif()
endforeach()

if(failures)
  string(REPLACE "<SC>" ";" text "${text}")
  string(REPLACE "<LB>" "[" text "${text}")
  string(REPLACE "<RB>" "]" text "${text}")
  message(FATAL_ERROR "${failures}--- output ---\n${text}")
endif()
