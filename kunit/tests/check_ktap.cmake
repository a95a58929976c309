# SPDX-License-Identifier: BSD-3-Clause
#
# Run a KUnit binary and check its output (cmake -P; no Python in tests).
#   -DBIN=<binary> -DARGS=<;-list> -DOUT=<file for stdout>
#   -DEXPECT_EXIT=<status>
#   -DEXPECTED=<file>   the KTAP skeleton, compared exactly: every line that
#                       is KTAP structure (version, "# Subtest:", plan,
#                       ok/not ok, stats) or starts with "golden: ", plus the
#                       final "N passed, N failed, N skipped" line
#   -DEXACT=<file>      instead: the whole stdout, compared exactly
#   -DREQUIRE=<file>    optional: regexes, one a line; each must match a line
#   -DFORBID=<file>     optional: regexes that must match no line
#   -DHEADER=<file>     optional: the lines right after the first line, exactly
#   -DREQUIRE_STDERR=<file>  optional: regexes; each must match a line of stderr
# Always checked for runs (not lists): exactly one top-level "KTAP version 1",
# and the last line is "N passed, N failed, N skipped".

cmake_minimum_required(VERSION 3.16)

foreach(var BIN OUT EXPECT_EXIT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check_ktap: ${var} not set")
  endif()
endforeach()

execute_process(COMMAND ${BIN} ${ARGS}
  OUTPUT_FILE ${OUT} ERROR_FILE ${OUT}.stderr
  RESULT_VARIABLE rc TIMEOUT 100)

set(failures "")
if(NOT "${rc}" STREQUAL "${EXPECT_EXIT}")
  string(APPEND failures "exit status: got '${rc}', want '${EXPECT_EXIT}'\n")
endif()

# Read a file as a list of lines; ; [ ] are encoded so the list survives.
function(read_lines file outvar)
  file(READ ${file} text)
  string(REPLACE ";" "<SC>" text "${text}")
  string(REPLACE "[" "<LB>" text "${text}")
  string(REPLACE "]" "<RB>" text "${text}")
  string(REGEX REPLACE "\n$" "" text "${text}")
  string(REPLACE "\n" ";" lines "${text}")
  set(${outvar} "${lines}" PARENT_SCOPE)
endfunction()

function(decode line outvar)
  string(REPLACE "<SC>" ";" line "${line}")
  string(REPLACE "<LB>" "[" line "${line}")
  string(REPLACE "<RB>" "]" line "${line}")
  set(${outvar} "${line}" PARENT_SCOPE)
endfunction()

read_lines(${OUT} lines)

set(structural "^ *(KTAP version |# Subtest: |1\\.\\.[0-9]|ok [0-9]|not ok [0-9]|# [^ ]+: pass:[0-9]|# Totals: |golden: )|^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$")

if(DEFINED EXACT)
  read_lines(${EXACT} want)
  if(NOT "${lines}" STREQUAL "${want}")
    string(APPEND failures "output differs from ${EXACT}\n")
  endif()
else()
  set(skeleton "")
  set(top_versions 0)
  set(last "")
  foreach(l IN LISTS lines)
    if(l MATCHES "${structural}")
      list(APPEND skeleton "${l}")
    endif()
    if(l STREQUAL "KTAP version 1")
      math(EXPR top_versions "${top_versions} + 1")
    endif()
    set(last "${l}")
  endforeach()
  if(NOT top_versions EQUAL 1)
    string(APPEND failures "${top_versions} top-level 'KTAP version 1' lines, want 1\n")
  endif()
  if(NOT last MATCHES "^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$")
    string(APPEND failures "last line is '${last}', not 'N passed, N failed, N skipped'\n")
  endif()
  if(DEFINED EXPECTED)
    read_lines(${EXPECTED} want)
    if(NOT "${skeleton}" STREQUAL "${want}")
      string(REPLACE ";" "\n" got_text "${skeleton}")
      string(APPEND failures "KTAP skeleton differs from ${EXPECTED}; got:\n${got_text}\n")
    endif()
  endif()
endif()

if(DEFINED HEADER)
  read_lines(${HEADER} want)
  list(LENGTH want n)
  list(LENGTH lines have)
  if(have GREATER n)
    list(SUBLIST lines 1 ${n} got)
  else()
    set(got "")
  endif()
  if(NOT "${got}" STREQUAL "${want}")
    string(REPLACE ";" "\n" got_text "${got}")
    string(APPEND failures "the lines after the first differ from ${HEADER}; got:\n${got_text}\n")
  endif()
endif()

read_lines(${OUT}.stderr err_lines)
foreach(kind REQUIRE FORBID REQUIRE_STDERR)
  if(NOT DEFINED ${kind})
    continue()
  endif()
  file(STRINGS ${${kind}} patterns)
  set(searched "${lines}")
  if(kind STREQUAL "REQUIRE_STDERR")
    set(searched "${err_lines}")
  endif()
  foreach(re IN LISTS patterns)
    set(found FALSE)
    foreach(l IN LISTS searched)
      decode("${l}" text)
      if("${text}" MATCHES "${re}")
        set(found TRUE)
        break()
      endif()
    endforeach()
    if(kind MATCHES "^REQUIRE" AND NOT found)
      string(APPEND failures "no line matches: ${re}\n")
    elseif(kind STREQUAL "FORBID" AND found)
      string(APPEND failures "a line matches forbidden: ${re}\n")
    endif()
  endforeach()
endforeach()

if(failures)
  message(FATAL_ERROR "check_ktap: ${BIN} ${ARGS} (stdout in ${OUT}):\n${failures}")
endif()
message(STATUS "check_ktap: ${BIN} ${ARGS}: ok")
