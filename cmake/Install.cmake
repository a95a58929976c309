# SPDX-License-Identifier: BSD-3-Clause
# `cmake --install build --prefix P`: libcca-double (shared and static), the
# public headers (include/cca-double/ and the generated include/rmi/), a
# pkg-config file and a CMake package.  The library is the fake RMM, its
# vCPU, the ABI tables and the scenario runner (raw RMI steps; host-level
# steps need the kernel harness, which stays in this build).
include(GNUInstallDirs)

set(cca_library_parts cca_rmm cca_vcpu cca_abi cca_scenario cca_yaml cca_guests kunit
    kunit_kernel_base)

add_library(cca_double_shared SHARED ${CMAKE_CURRENT_LIST_DIR}/install/empty.c)
set_target_properties(cca_double_shared PROPERTIES OUTPUT_NAME cca-double
  VERSION ${PROJECT_VERSION} SOVERSION ${PROJECT_VERSION_MAJOR}
  LINK_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/install/exports.map)
target_link_libraries(cca_double_shared PRIVATE
  "-Wl,--whole-archive" ${cca_library_parts} "-Wl,--no-whole-archive"
  "-Wl,--version-script=${CMAKE_CURRENT_LIST_DIR}/install/exports.map"
  PkgConfig::UNICORN PkgConfig::LIBCRYPTO PkgConfig::YAML Threads::Threads)

# One static archive from the parts (GNU ar's MRI script).
set(cca_static ${CMAKE_BINARY_DIR}/libcca-double.a)
set(mri "CREATE ${cca_static}\n")
foreach(part ${cca_library_parts})
  string(APPEND mri "ADDLIB $<TARGET_FILE:${part}>\n")
endforeach()
string(APPEND mri "SAVE\nEND\n")
file(GENERATE OUTPUT ${CMAKE_BINARY_DIR}/libcca-double.mri CONTENT "${mri}")
add_custom_command(OUTPUT ${cca_static}
  COMMAND ${CMAKE_COMMAND} -E rm -f ${cca_static}
  COMMAND ${CMAKE_AR} -M < ${CMAKE_BINARY_DIR}/libcca-double.mri
  DEPENDS ${cca_library_parts} ${CMAKE_BINARY_DIR}/libcca-double.mri
  COMMENT "Combining the static libraries into libcca-double.a" VERBATIM)
add_custom_target(cca_double_static ALL DEPENDS ${cca_static})

install(TARGETS cca_double_shared LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(FILES ${cca_static} DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY ${CCA_ROOT}/include/cca-double DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.h")
install(DIRECTORY ${CCA_GEN_DIR}/include/rmi DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.h")
# The installed files find the prefix relative to themselves (relocatable).
file(RELATIVE_PATH CCA_PC_TO_PREFIX /p/${CMAKE_INSTALL_LIBDIR}/pkgconfig /p)
file(RELATIVE_PATH CCA_CMAKE_TO_PREFIX /p/${CMAKE_INSTALL_LIBDIR}/cmake/cca-double /p)
configure_file(${CMAKE_CURRENT_LIST_DIR}/install/cca-double.pc.in
  ${CMAKE_BINARY_DIR}/cca-double.pc @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/cca-double.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
configure_file(${CMAKE_CURRENT_LIST_DIR}/install/cca-doubleConfig.cmake.in
  ${CMAKE_BINARY_DIR}/cca-doubleConfig.cmake @ONLY)
include(CMakePackageConfigHelpers)
write_basic_package_version_file(${CMAKE_BINARY_DIR}/cca-doubleConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_BINARY_DIR}/cca-doubleConfig.cmake
  ${CMAKE_BINARY_DIR}/cca-doubleConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/cca-double)

# The CLI and what it runs, where its relative paths say (tools/cli,
# cli_paths.c): the realm KUnit binary as kunit.py's build folder
# (kunit.py exec --build_dir=P/libexec/cca-double/kunit-build), the
# scenario library with its guest programs' sources, the assembled guest
# programs, and the mock kernel headers abi-check compiles with.  Not in an
# upstream build (-DKERNEL_SRC), whose binaries are a kernel tree's.
if(TARGET cca-double-installed)
  install(TARGETS cca-double-installed RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  install(PROGRAMS $<TARGET_FILE:realm_kunit_reference>
    DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/cca-double/kunit-build RENAME linux)
  install(DIRECTORY ${CCA_ROOT}/scenarios/ DESTINATION ${CMAKE_INSTALL_DATADIR}/cca-double/scenarios
    FILES_MATCHING PATTERN "*.yaml" PATTERN "*.md" PATTERN "*.S" PATTERN "*.inc" PATTERN "*.h")
  get_target_property(guests_dir cca_guests BINARY_DIR)
  install(DIRECTORY ${guests_dir}/gen/ DESTINATION ${CMAKE_INSTALL_DATADIR}/cca-double/guests
    FILES_MATCHING PATTERN "*.bin" PATTERN "*.elf")
  install(DIRECTORY ${CCA_ROOT}/kernel/include/
    DESTINATION ${CMAKE_INSTALL_DATADIR}/cca-double/kernel-include)
endif()

# The installed tree, tried from a fresh prefix (not under the sanitizers:
# the example programs are built without them).
if(NOT CCA_SANITIZE AND NOT CCA_FUZZ)
  get_property(kunit_py GLOBAL PROPERTY CCA_KUNIT_PY_FOUND)
  add_test(NAME install.example
    COMMAND ${CMAKE_COMMAND} -DBUILD=${CMAKE_BINARY_DIR} -DSRC=${CCA_ROOT}
            -DPY=${CCA_PYTHON3} -DKUNIT_PY=${kunit_py}
            -DLIBDIR=${CMAKE_INSTALL_LIBDIR} -DWORK=${CMAKE_BINARY_DIR}/install-test -P ${CMAKE_CURRENT_LIST_DIR}/install/install_test.cmake)
  set_tests_properties(install.example PROPERTIES TIMEOUT 600 LABELS unit)
endif()
