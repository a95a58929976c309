#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# ctest rmm.fuzz_oss_build: build.sh as OSS-Fuzz runs it (libFuzzer engine,
# ASan flags) into a scratch directory; every profile's target must exist
# and run its first inputs.  Exit 77 (skipped) without clang.
#   test_build.sh SRC_DIR WORK_DIR
set -eu
command -v clang > /dev/null 2>&1 || { echo "no clang: skipped"; exit 77; }
src=$1 work=$2
rm -rf "$work"
mkdir -p "$work/out" "$work/work"
CC=clang CXX=clang++ \
CFLAGS="-O1 -fno-omit-frame-pointer -gline-tables-only -fsanitize=address -fsanitize-address-use-after-scope -fsanitize=fuzzer-no-link" \
CXXFLAGS="-O1 -fno-omit-frame-pointer -gline-tables-only -fsanitize=address -fsanitize-address-use-after-scope -fsanitize=fuzzer-no-link" \
LIB_FUZZING_ENGINE=-fsanitize=fuzzer OUT="$work/out" WORK="$work/work" CCA_SEEDS=0 \
	bash "$src/fake-rmm/fuzz/oss-fuzz/build.sh"
n=0
for spec in "$src"/spec/*.yaml; do
	p=$(basename "$spec" .yaml)
	t="$work/out/fuzz_rmi_$p"
	[ -x "$t" ] || { echo "missing: $t"; exit 1; }
	ASAN_OPTIONS=detect_leaks=1 "$t" -seed=1 -runs=200 > "$work/$p.log" 2>&1 || { tail -30 "$work/$p.log"; exit 1; }
	grep -q "Done 200 runs" "$work/$p.log" || { tail -5 "$work/$p.log"; exit 1; }
	n=$((n + 1))
done
echo "build.sh made $n targets in $work/out; each ran 200 inputs"
