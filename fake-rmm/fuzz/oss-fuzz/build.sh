#!/bin/bash -eu
# SPDX-License-Identifier: BSD-3-Clause
# OSS-Fuzz-style build of the per-profile fuzz targets (fake-rmm/fuzz/README.md).
# Honours the variables OSS-Fuzz sets (and ClusterFuzzLite, or a plain shell):
#   CC, CXX, CFLAGS, CXXFLAGS   compilers and flags (sanitizers, -fsanitize=fuzzer-no-link)
#   LIB_FUZZING_ENGINE          what links a target to its engine (-fsanitize=fuzzer,
#                               or a library such as AFL's driver)
#   OUT                         where fuzz_rmi_<profile> go, each with its seed
#                               corpus fuzz_rmi_<profile>_seed_corpus.zip
#   WORK                        scratch space (default: a temporary directory)
# CCA_SEEDS=0 skips the seed corpora (they need the cca-double CLI built too).
# The custom mutator needs libFuzzer's LLVMFuzzerMutate: it is linked only
# when LIB_FUZZING_ENGINE is -fsanitize=fuzzer.
SRC_DIR=$(cd "$(dirname "$0")/../../.." && pwd)
: "${CC:=clang}" "${CXX:=clang++}" "${CFLAGS:=}" "${CXXFLAGS:=}"
: "${LIB_FUZZING_ENGINE:=-fsanitize=fuzzer}" "${OUT:?set OUT to the output directory}"
: "${CCA_SEEDS:=1}"
WORK=${WORK:-$(mktemp -d)}
BUILD=$WORK/cca-double-fuzz
mkdir -p "$OUT" "$BUILD"
mutator=OFF
[ "$LIB_FUZZING_ENGINE" = "-fsanitize=fuzzer" ] && mutator=ON

cmake -S "$SRC_DIR" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	-DCMAKE_C_COMPILER="$CC" -DCMAKE_C_FLAGS="$CFLAGS" \
	-DCMAKE_CXX_COMPILER="$CXX" -DCMAKE_CXX_FLAGS="$CXXFLAGS" \
	-DCCA_FUZZ=ON -DCCA_FUZZ_ENGINE="$LIB_FUZZING_ENGINE" -DCCA_FUZZ_MUTATOR=$mutator \
	--no-warn-unused-cli > "$WORK/cmake.log"
profiles=$(cd "$SRC_DIR/spec" && ls ./*.yaml | sed 's|^\./||; s/\.yaml$//')
targets=""
for p in $profiles; do targets="$targets fuzz_rmi_$p"; done
[ "$CCA_SEEDS" = 0 ] || targets="$targets cca-double"
# shellcheck disable=SC2086
cmake --build "$BUILD" -j"$(nproc)" --target $targets > "$WORK/build.log" || { tail -40 "$WORK/build.log"; exit 1; }

for p in $profiles; do
	cp "$BUILD/fake-rmm/fuzz/fuzz_rmi_$p" "$OUT/"
	[ "$CCA_SEEDS" = 0 ] && continue
	# The scenario library's call streams, one seed each (seeds.cmake).
	cmake -DCCA="$BUILD/tools/cli/cca-double" -DPROFILE="$p" -DSCENARIOS="$SRC_DIR/scenarios" \
		-DOUT="$WORK/seeds-$p" -P "$SRC_DIR/fake-rmm/fuzz/seeds.cmake" > "$WORK/seeds-$p.log"
	rm -f "$OUT/fuzz_rmi_${p}_seed_corpus.zip"
	(cd "$WORK/seeds-$p" && zip -q -r "$OUT/fuzz_rmi_${p}_seed_corpus.zip" .)
done
echo "build.sh: $(ls "$OUT" | tr '\n' ' ')"
