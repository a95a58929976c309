# SPDX-License-Identifier: BSD-3-Clause
# Every dependency is a Debian package; a missing one stops the configure step
# with the package name to install.
find_package(PkgConfig REQUIRED)

function(cca_require_pkg var module debian_pkg)
  pkg_check_modules(${var} QUIET IMPORTED_TARGET ${module})
  if(NOT ${var}_FOUND)
    message(FATAL_ERROR "cca-double needs ${module}: apt-get install ${debian_pkg}")
  endif()
endfunction()

cca_require_pkg(YAML yaml-0.1 libyaml-dev)
cca_require_pkg(UNICORN unicorn libunicorn-dev)
cca_require_pkg(CMOCKA cmocka libcmocka-dev)
cca_require_pkg(LIBCRYPTO libcrypto libssl-dev)

find_program(AARCH64_AS aarch64-linux-gnu-as)
find_program(AARCH64_LD aarch64-linux-gnu-ld)
find_program(AARCH64_OBJCOPY aarch64-linux-gnu-objcopy)
if(NOT AARCH64_AS OR NOT AARCH64_LD OR NOT AARCH64_OBJCOPY)
  message(FATAL_ERROR "cca-double needs the aarch64 assembler for guest programs: apt-get install binutils-aarch64-linux-gnu")
endif()

find_package(Threads REQUIRED)
