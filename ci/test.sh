#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# The whole test suite: a normal build and an ASan+UBSan build, each running
# every CTest test (unit tests, KUnit suites, the scenario library, sweeps),
# and a ThreadSanitizer build of the tests labelled concurrency.
# Output of each step goes to build*/; the last lines are CTest's summary.
set -eu
cd "$(dirname "$0")/.."
sh ci/deps.sh
JOBS=$(nproc 2>/dev/null || echo 2)

echo "== build (RelWithDebInfo)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCCA_WERROR=ON > build.log 2>&1 || { tail -50 build.log; exit 1; }
cmake --build build -j"$JOBS" >> build.log 2>&1 || { grep -E "error|Error" build.log | head -50; exit 1; }

echo "== build (ASan+UBSan)"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCCA_SANITIZE=ON -DCCA_WERROR=ON > build-asan.log 2>&1 || { tail -50 build-asan.log; exit 1; }
cmake --build build-asan -j"$JOBS" >> build-asan.log 2>&1 || { grep -E "error|Error" build-asan.log | head -50; exit 1; }

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

echo "== tests (ASan+UBSan)"
(cd build-asan && ctest -j"$JOBS" --timeout 900 --output-on-failure) > build-asan/ctest.log 2>&1 || { tail -80 build-asan/ctest.log; exit 1; }
grep -E "tests passed|tests failed|Total Test time" build-asan/ctest.log

# ThreadSanitizer: only the tests labelled concurrency, and only what they
# need built (target concurrency_tests); TSan must report nothing.
echo "== tests labelled concurrency (ThreadSanitizer)"
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCCA_TSAN=ON -DCCA_WERROR=ON > build-tsan.log 2>&1 || { tail -50 build-tsan.log; exit 1; }
cmake --build build-tsan -j"$JOBS" --target concurrency_tests >> build-tsan.log 2>&1 || { grep -E "error|Error" build-tsan.log | head -50; exit 1; }
(cd build-tsan && TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
	ctest -L concurrency -j"$JOBS" --timeout 300 --output-on-failure) > build-tsan/ctest.log 2>&1 || { tail -80 build-tsan/ctest.log; exit 1; }
grep -E "tests passed|tests failed|Total Test time" build-tsan/ctest.log

# The per-profile call-stream fuzz targets (ci/fuzz.sh, fake-rmm/fuzz/README.md):
# seeds from the scenario library, then a fixed seed and input count keep the
# run reproducible (45 s per profile at most, for CI time on a loaded
# machine); set CCA_FUZZ_RUNS and CCA_FUZZ_SECONDS higher for a longer run, or
# run ci/fuzz.sh --minutes N for a campaign.
echo "== fuzz (libFuzzer, clang, ASan+UBSan, per profile: seed 1, ${CCA_FUZZ_RUNS:=2000} inputs or ${CCA_FUZZ_SECONDS:=45} s)"
sh ci/fuzz.sh --runs "$CCA_FUZZ_RUNS" --seconds "$CCA_FUZZ_SECONDS" --dir build-fuzz/ci-run

echo "== tests"
cd build && ctest -j"$JOBS" --timeout 900 --output-on-failure
