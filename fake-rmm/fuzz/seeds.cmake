# SPDX-License-Identifier: BSD-3-Clause
# The fuzz seed corpus of one profile, made from the scenario library:
# `cca-double trace --fuzz-seed` on every scenario that runs on PROFILE,
# one file each in OUT (emptied first).  With REPLAY (a
# fuzz_rmi_<profile>_replay binary), the seeds are then run through it: it
# aborts on a broken invariant or a failed teardown, and the deepest seed
# must make at least MIN_LONGEST successful RMI calls (the seeds replay
# their scenarios, and the corpus reaches deep).
#
# ONLY, a regular expression, keeps the scenarios whose path under SCENARIOS
# matches (a faster subset for tests).
#
#   cmake -DCCA=cca-double -DPROFILE=1.0 -DSCENARIOS=scenarios -DOUT=dir
#         [-DREPLAY=fuzz_rmi_1.0_replay -DMIN_LONGEST=100] [-DONLY=regex] -P seeds.cmake
foreach(v CCA PROFILE SCENARIOS OUT)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "seeds.cmake: -D${v}= is required")
  endif()
endforeach()
get_filename_component(SCENARIOS ${SCENARIOS} ABSOLUTE)
file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT})
file(GLOB_RECURSE scenarios ${SCENARIOS}/*.yaml)
list(SORT scenarios)
set(n 0)
set(seeds "")
foreach(f ${scenarios})
  file(RELATIVE_PATH rel ${SCENARIOS} ${f})
  if(DEFINED ONLY AND NOT rel MATCHES "${ONLY}")
    continue()
  endif()
  string(REGEX REPLACE "\\.yaml$" "" name ${rel})
  string(REPLACE "/" "-" name ${name})
  # Exit 2: the scenario does not run on this profile (or is no scenario);
  # 1: it ran but failed its expectations - its calls are a seed all the same.
  execute_process(COMMAND ${CCA} trace -p ${PROFILE} -o /dev/null
                          --fuzz-seed ${OUT}/${name} ${f}
                  RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err TIMEOUT 120)
  if(rc EQUAL 2 OR NOT EXISTS ${OUT}/${name})
    file(REMOVE ${OUT}/${name})
    continue()
  endif()
  file(SIZE ${OUT}/${name} size)
  if(size EQUAL 0)
    file(REMOVE ${OUT}/${name})
    continue()
  endif()
  math(EXPR n "${n} + 1")
  list(APPEND seeds ${OUT}/${name})
endforeach()
message(STATUS "fuzz seeds for ${PROFILE}: ${n} scenarios in ${OUT}")
if(n EQUAL 0)
  message(FATAL_ERROR "no scenario made a seed for profile ${PROFILE}")
endif()
if(DEFINED REPLAY)
  execute_process(COMMAND ${REPLAY} ${seeds} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                  ERROR_VARIABLE err TIMEOUT 240)
  message(STATUS "${out}${err}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "replaying the seeds failed (exit ${rc})")
  endif()
  if(NOT err MATCHES "longest input ([0-9]+) calls \\(([0-9]+) SUCCESS\\)")
    message(FATAL_ERROR "the replay printed no totals")
  endif()
  # SUCCESS calls: a seed that does not replay its scenario fails early.
  if(DEFINED MIN_LONGEST AND CMAKE_MATCH_2 LESS MIN_LONGEST)
    message(FATAL_ERROR "the deepest seed made ${CMAKE_MATCH_2} SUCCESS calls, fewer than ${MIN_LONGEST}")
  endif()
endif()
