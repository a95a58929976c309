# SPDX-License-Identifier: BSD-3-Clause
# The installed tree works from a fresh prefix: install, then build and run
# examples/ through pkg-config (shared) and through find_package (shared and
# static).  Run as: cmake -DBUILD=<build> -DSRC=<repo> -DLIBDIR=<lib> -DWORK=<dir>
# -P install_test.cmake
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
