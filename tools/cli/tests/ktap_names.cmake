# SPDX-License-Identifier: BSD-3-Clause
# Folder and file names become KTAP suite and case names: a newline, '#'
# or leading spaces in them must neither break a line nor forge one.
# Every line `run` prints must be KTAP (or the totals line), the suite
# named "_we_ird__x"; with PY and KUNIT_PY, kunit.py parse must agree.
# Run as: cmake -DCLI=<cca-double> -DWORK=<dir> [-DPY=python3 -DKUNIT_PY=kunit.py] -P ktap_names.cmake
file(REMOVE_RECURSE ${WORK})
set(dir "${WORK}/ we\nird #x")
file(MAKE_DIRECTORY "${dir}")
file(WRITE "${dir}/a.yaml" "name: passes\nprofile: \"1.0\"\nmemory: 8M\ngranules: [rd]\nsteps:\n  - delegate: [rd]\n  - undelegate: [rd]\n")
# Does not load (no steps): its case is named after the file.
file(WRITE "${dir}/ bad #\nfile.yaml" "name: a\nprofile: \"1.0\"\nmemory: 8M\n")
execute_process(COMMAND ${CLI} run ${WORK} OUTPUT_VARIABLE out RESULT_VARIABLE rc TIMEOUT 120)
if(NOT rc EQUAL 2)
  message(FATAL_ERROR "exit ${rc}, expected 2 (a file that does not load):\n${out}")
endif()
string(REPLACE ";" "\\;" out "${out}")
string(REPLACE "\n" ";" lines "${out}")
foreach(line IN LISTS lines)
  if(line STREQUAL "" OR line MATCHES "^( *)(KTAP version 1|1\\.\\.[0-9]+|# .*|(not )?ok [0-9]+ [^ #][^ ]*)$"
     OR line MATCHES "^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$")
    continue()
  endif()
  message(FATAL_ERROR "not a KTAP line: '${line}'\n${out}")
endforeach()
foreach(want "    # Subtest: _we_ird__x" "not ok 1 _bad___file_yaml" "ok 2 passes")
  string(FIND "${out}" "${want}" at)
  if(at LESS 0)
    message(FATAL_ERROR "missing '${want}':\n${out}")
  endif()
endforeach()
if(KUNIT_PY)
  file(WRITE ${WORK}/out.ktap "${out}")
  execute_process(COMMAND ${PY} ${KUNIT_PY} parse ${WORK}/out.ktap OUTPUT_VARIABLE parsed
                  RESULT_VARIABLE prc TIMEOUT 120)
  if(NOT parsed MATCHES "Ran 2 tests: passed: 1, failed: 1\n" OR parsed MATCHES "CRASHED|errors: [1-9]")
    message(FATAL_ERROR "kunit.py parse:\n${parsed}")
  endif()
endif()
message(STATUS "KTAP names are safe")
