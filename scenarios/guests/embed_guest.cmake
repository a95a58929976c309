# SPDX-License-Identifier: BSD-3-Clause
# cmake -DNAME=n -DBIN=file.bin -DOUT=file.c -DDESC="..." -P embed_guest.cmake
# Writes the flat binary as a C array plus its guest_program record
# (file(READ ... HEX): no Python in the build).
file(READ "${BIN}" hex HEX)
string(LENGTH "${hex}" hexlen)
math(EXPR size "${hexlen} / 2")
if(size EQUAL 0 OR size GREATER 8192)
  message(FATAL_ERROR "guest ${NAME}: ${size} bytes, must be 1..8192 (two pages)")
endif()
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "((0x..,){16})" "\\1\n\t" bytes "${bytes}")
string(REPLACE "\\" "\\\\" desc "${DESC}")
string(REPLACE "\"" "\\\"" desc "${desc}")
file(WRITE "${OUT}.tmp"
"/* Generated from ${NAME}.S by embed_guest.cmake: do not edit. */\n"
"#include \"cca-double/guests.h\"\n\n"
"static const uint8_t bytes[] = {\n\t${bytes}\n};\n\n"
"const struct guest_program guest_program_${NAME} = {\n"
"\t.name = \"${NAME}\",\n\t.bytes = bytes,\n\t.size = sizeof(bytes),\n"
"\t.entry = 0,\n\t.description = \"${desc}\",\n};\n")
file(RENAME "${OUT}.tmp" "${OUT}")
