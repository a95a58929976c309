# SPDX-License-Identifier: BSD-3-Clause
# The installed tree works from a fresh prefix: install, then build and run
# examples/ through pkg-config (shared) and through find_package (shared and
# static); the CLI from a moved prefix, kunit.py exec on its build folder
# (with KUNIT_PY); no build-tree or source path in any installed file.
# Run as: cmake -DBUILD=<build> -DSRC=<repo> -DLIBDIR=<lib> -DWORK=<dir>
# [-DPY=python3 -DKUNIT_PY=kunit.py] -P install_test.cmake
file(REMOVE_RECURSE ${WORK})
set(prefix ${WORK}/prefix)
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
                  TIMEOUT 300)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${ARGN}: exit ${rc}\n${out}\n${err}")
  endif()
  set(last_out "${out}" PARENT_SCOPE)
endfunction()

run(${CMAKE_COMMAND} --install ${BUILD} --prefix ${prefix})
foreach(f ${LIBDIR}/libcca-double.so ${LIBDIR}/libcca-double.a ${LIBDIR}/pkgconfig/cca-double.pc
          ${LIBDIR}/cmake/cca-double/cca-doubleConfig.cmake include/cca-double/rmm.h include/rmi/v2.h)
  if(NOT EXISTS ${prefix}/${f})
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()

# The CLI and what it runs (not in an upstream build).
if(EXISTS ${BUILD}/installed-cli)
  foreach(f bin/cca-double libexec/cca-double/kunit-build/linux share/cca-double/scenarios/README.md
            share/cca-double/scenarios/guests/host_call.S share/cca-double/guests/host_call.bin
            share/cca-double/kernel-include/linux/arm-smccc.h)
    if(NOT EXISTS ${prefix}/${f})
      message(FATAL_ERROR "not installed: ${f}")
    endif()
  endforeach()
endif()
# No build-tree or source-tree path in any installed file, binaries included.
file(GLOB_RECURSE installed ${prefix}/*)
foreach(root ${BUILD} ${SRC})
  # A regex of the path: '.' and '+' are the specials a path may hold.
  string(REPLACE "." "[.]" root_re "${root}")
  string(REPLACE "+" "[+]" root_re "${root_re}")
  foreach(f ${installed})
    file(STRINGS ${f} hits REGEX "${root_re}")
    if(hits)
      list(GET hits 0 hit)
      message(FATAL_ERROR "${f} holds the path ${root}: ${hit}")
    endif()
  endforeach()
endforeach()
# Relocatable: the CLI finds its scenarios, its KUnit binary and the mock
# headers from where it is, in a prefix moved elsewhere.
if(EXISTS ${BUILD}/installed-cli)
  set(moved ${WORK}/moved)
  file(RENAME ${prefix} ${moved})
  run(${moved}/bin/cca-double run --help)
  string(REPLACE "\n" " " usage "${last_out}")
  if(NOT usage MATCHES "bundled library +\\(${moved}/share/cca-double/scenarios\\)")
    message(FATAL_ERROR "the installed CLI's scenarios are not the moved prefix's:
${last_out}")
  endif()
  run(${moved}/bin/cca-double run --filter delegation.*)
  if(NOT last_out MATCHES "
[1-9][0-9]* passed, 0 failed, 0 skipped
$")
    message(FATAL_ERROR "installed run:
${last_out}")
  endif()
  run(${moved}/bin/cca-double kunit --filter realm_lifecycle*)
  run(${moved}/bin/cca-double abi-check --help)
  if(NOT last_out MATCHES "default: ${moved}/share/cca-double/kernel-include")
    message(FATAL_ERROR "abi-check's mock headers are not the moved prefix's:
${last_out}")
  endif()
  if(KUNIT_PY)
    run(${PY} ${KUNIT_PY} exec --build_dir=${moved}/libexec/cca-double/kunit-build realm_rec.*)
    if(NOT last_out MATCHES "Testing complete\. Ran [1-9][0-9]* tests: passed: [0-9]+
")
      message(FATAL_ERROR "kunit.py exec on the installed build folder:
${last_out}")
    endif()
  endif()
  file(RENAME ${moved} ${prefix})
endif()

# pkg-config, the shared library.
find_program(PKG_CONFIG pkg-config REQUIRED)
set(ENV{PKG_CONFIG_PATH} ${prefix}/${LIBDIR}/pkgconfig)
run(${PKG_CONFIG} --cflags --libs cca-double)
separate_arguments(flags UNIX_COMMAND "${last_out}")
run(cc -o ${WORK}/via-pkg-config ${SRC}/examples/delegate_realm.c ${flags}
    -Wl,-rpath,${prefix}/${LIBDIR})
run(${WORK}/via-pkg-config)
if(NOT last_out MATCHES "GRANULE_DELEGATE again +x0 = 0x1 \\(as the spec says\\)")
  message(FATAL_ERROR "unexpected output:\n${last_out}")
endif()

# find_package, shared and static.
run(${CMAKE_COMMAND} -S ${SRC}/examples -B ${WORK}/example -DCMAKE_PREFIX_PATH=${prefix}
    -DCMAKE_BUILD_RPATH=${prefix}/${LIBDIR})
run(${CMAKE_COMMAND} --build ${WORK}/example)
run(${WORK}/example/delegate_realm)
run(${WORK}/example/delegate_realm_static)
message(STATUS "installed cca-double links through pkg-config and find_package")
