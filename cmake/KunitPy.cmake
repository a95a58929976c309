# SPDX-License-Identifier: BSD-3-Clause
# Linux's tools/testing/kunit/kunit.py against this build:
#   kunit.py exec --build_dir=<build>/kunit-build [filter]
# runs the realm suites (its `linux` is the suites' binary, which takes
# kernel-style arguments: kunit.filter_glob=, kunit.filter=, kunit.action=list,
# and ignores mem=/console=/kunit_shutdown=).  CCA_KUNIT_PY names kunit.py;
# by default it is unpacked from Debian's linux-source-6.12, when installed,
# and the kunit_py.* tests hold the suites and the scenario KTAP to it.
set(CCA_KUNIT_PY "" CACHE FILEPATH "Linux tools/testing/kunit/kunit.py (empty: from /usr/src/linux-source-*.tar.xz if present)")

function(cca_kunit_build_dir kunit_target)
  set(dir ${CMAKE_BINARY_DIR}/kunit-build)
  add_custom_target(kunit_build_dir ALL
    COMMAND ${CMAKE_COMMAND} -E make_directory ${dir}
    COMMAND ${CMAKE_COMMAND} -E create_symlink $<TARGET_FILE:${kunit_target}> ${dir}/linux
    DEPENDS ${kunit_target}
    COMMENT "kunit.py exec --build_dir=${dir}")

  set(py "${CCA_KUNIT_PY}")
  if(NOT py)
    file(GLOB src_tarballs /usr/src/linux-source-*.tar.xz)
    if(src_tarballs)
      list(SORT src_tarballs)
      list(GET src_tarballs -1 tarball)
      get_filename_component(top ${tarball} NAME)
      string(REGEX REPLACE "\\.tar\\.xz$" "" top ${top})
      set(unpack ${CMAKE_BINARY_DIR}/kunit-py)
      if(NOT EXISTS ${unpack}/${top}/tools/testing/kunit/kunit.py)
        file(MAKE_DIRECTORY ${unpack})
        execute_process(COMMAND tar -xJf ${tarball} --wildcards "${top}/tools/testing/kunit/*"
                        WORKING_DIRECTORY ${unpack} RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
      endif()
      if(EXISTS ${unpack}/${top}/tools/testing/kunit/kunit.py)
        set(py ${unpack}/${top}/tools/testing/kunit/kunit.py)
      endif()
    endif()
  endif()
  find_program(CCA_PYTHON3 python3)
  if(NOT py OR NOT CCA_PYTHON3)
    message(STATUS "kunit.py: not found (install linux-source-6.12 or set CCA_KUNIT_PY); kunit_py.* tests skipped")
    return()
  endif()
  message(STATUS "kunit.py: ${py}")
  set_property(GLOBAL PROPERTY CCA_KUNIT_PY_FOUND ${py})
  add_test(NAME kunit_py.exec COMMAND ${CCA_PYTHON3} ${py} exec --build_dir=${dir})
  add_test(NAME kunit_py.exec_filter COMMAND ${CCA_PYTHON3} ${py} exec --build_dir=${dir} realm_rec.*)
  add_test(NAME kunit_py.exec_isolated
    COMMAND ${CCA_PYTHON3} ${py} exec --build_dir=${dir} --run_isolated=suite realm_lifecycle*)
  add_test(NAME kunit_py.parse_scenarios
    COMMAND sh -c "$<TARGET_FILE:cca-double> run | ${CCA_PYTHON3} ${py} parse")
  set_tests_properties(kunit_py.exec kunit_py.exec_filter kunit_py.exec_isolated kunit_py.parse_scenarios
    PROPERTIES TIMEOUT 900 LABELS kunit
    PASS_REGULAR_EXPRESSION "Testing complete\\. Ran [0-9]+ tests: passed: [0-9]+\n"
    FAIL_REGULAR_EXPRESSION "failed: [1-9]|crashed: [1-9]|errors: [1-9]")
endfunction()
