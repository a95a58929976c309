# SPDX-License-Identifier: BSD-3-Clause
# Runs CMD (a ;-list) with --junit OUT.xml, its KTAP into OUT.ktap, checks
# the exit status, then the report with junit_check.py (CHECKS: its
# NAME=REGEX arguments, separated by @@).
# Run as: cmake "-DCMD=..." -DOUT=<prefix> -DEXPECT_EXIT=N -DPY=python3 ["-DCHECKS=..."] -P junit_run.cmake
file(REMOVE ${OUT}.xml ${OUT}.ktap)
execute_process(COMMAND ${CMD} --junit ${OUT}.xml OUTPUT_FILE ${OUT}.ktap RESULT_VARIABLE rc
                TIMEOUT 600)
if(NOT rc STREQUAL EXPECT_EXIT)
  message(FATAL_ERROR "${CMD}: exit ${rc}, expected ${EXPECT_EXIT}")
endif()
string(REPLACE "@@" ";" CHECKS "${CHECKS}")
get_filename_component(here ${CMAKE_SCRIPT_MODE_FILE} DIRECTORY)
execute_process(COMMAND ${PY} ${here}/junit_check.py ${OUT}.xml ${OUT}.ktap ${CHECKS}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${out}")
endif()
message(STATUS "${out}")
