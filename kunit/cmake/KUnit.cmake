# SPDX-License-Identifier: BSD-3-Clause
#
# Helpers for KUnit test binaries (included by kunit/CMakeLists.txt, so they
# are available to every directory added after kunit/).
#
#   kunit_kernel_world(<target>)
#       Compile <target>'s C sources as kernel code: -ffreestanding -nostdinc,
#       only the compiler's own headers, the mock <linux/...> headers and
#       <kunit/...>, with linux/kconfig.h and linux/compiler_types.h
#       force-included as Kbuild does, and -D__KERNEL__.
#
#   kunit_add_test_binary(<name>
#       [SOURCES <kernel-world .c files with KUnit suites>...]
#       [HOSTED_SOURCES <ordinary hosted .c files>...]
#       [SUITE_LIBS <static libraries that contain suites>...]
#       [LIBS <other libraries>...])
#       An executable whose main() runs every suite linked into it (see
#       kunit/include/kunit/runner.h for its command line). SUITE_LIBS are
#       linked whole-archive: their objects hold suites only through the
#       kunit_suites section, which nothing references, so a plain static
#       link would silently drop them.

set(KUNIT_DIR ${CMAKE_CURRENT_LIST_DIR}/..)
get_filename_component(KUNIT_DIR ${KUNIT_DIR} ABSOLUTE)
get_filename_component(KUNIT_KERNEL_INCLUDE_DIR ${KUNIT_DIR}/../kernel/include ABSOLUTE)

execute_process(
  COMMAND ${CMAKE_C_COMPILER} -print-file-name=include
  OUTPUT_VARIABLE KUNIT_CC_INCLUDE_DIR
  OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT IS_DIRECTORY "${KUNIT_CC_INCLUDE_DIR}")
  message(FATAL_ERROR "kunit: cannot find the compiler's include directory (got '${KUNIT_CC_INCLUDE_DIR}')")
endif()

if(NOT TARGET kunit_kernel_world)
  add_library(kunit_kernel_world INTERFACE)
  target_compile_options(kunit_kernel_world INTERFACE
    $<$<COMPILE_LANGUAGE:C>:-ffreestanding>
    $<$<COMPILE_LANGUAGE:C>:-nostdinc>
    $<$<COMPILE_LANGUAGE:C>:-isystem${KUNIT_CC_INCLUDE_DIR}>
    $<$<COMPILE_LANGUAGE:C>:-I${KUNIT_KERNEL_INCLUDE_DIR}>
    # The mock kernel's world-neutral APIs (its locks: cca-double/mock-sync.h).
    $<$<COMPILE_LANGUAGE:C>:-I${KUNIT_KERNEL_INCLUDE_DIR}/../bridge>
    $<$<COMPILE_LANGUAGE:C>:-I${KUNIT_DIR}/include>
    "$<$<COMPILE_LANGUAGE:C>:SHELL:-include linux/kconfig.h>"
    "$<$<COMPILE_LANGUAGE:C>:SHELL:-include linux/compiler_types.h>"
    $<$<COMPILE_LANGUAGE:C>:-fno-strict-aliasing>
    $<$<COMPILE_LANGUAGE:C>:-fno-common>
    # As the kernel's default warning set: these are not errors there.
    $<$<COMPILE_LANGUAGE:C>:-Wno-sign-compare>
    $<$<COMPILE_LANGUAGE:C>:-Wno-pointer-sign>)
  target_compile_definitions(kunit_kernel_world INTERFACE __KERNEL__)
endif()

function(kunit_kernel_world target)
  target_link_libraries(${target} PRIVATE kunit_kernel_world)
endfunction()

function(kunit_add_test_binary name)
  cmake_parse_arguments(KT "" "" "SOURCES;HOSTED_SOURCES;SUITE_LIBS;LIBS" ${ARGN})
  set(objects $<TARGET_OBJECTS:kunit_main>)
  if(KT_SOURCES)
    # An object library: its objects go into the executable as they are.
    add_library(${name}_kernel_objs OBJECT ${KT_SOURCES})
    kunit_kernel_world(${name}_kernel_objs)
    list(APPEND objects $<TARGET_OBJECTS:${name}_kernel_objs>)
  endif()
  add_executable(${name} ${objects} ${KT_HOSTED_SOURCES})
  target_link_libraries(${name} PRIVATE kunit)
  foreach(lib IN LISTS KT_SUITE_LIBS)
    if(CMAKE_VERSION VERSION_GREATER_EQUAL 3.24)
      target_link_libraries(${name} PRIVATE "$<LINK_LIBRARY:WHOLE_ARCHIVE,${lib}>")
    else()
      target_link_libraries(${name} PRIVATE -Wl,--whole-archive ${lib} -Wl,--no-whole-archive)
    endif()
  endforeach()
  if(KT_LIBS)
    target_link_libraries(${name} PRIVATE ${KT_LIBS})
  endif()
endfunction()
