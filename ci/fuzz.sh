#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Fuzzing the fake RMM: a campaign of the per-profile call-stream targets
# (fake-rmm/fuzz/README.md), or with --runs, a fixed-seed bounded run (CI).
#
#   ci/fuzz.sh --minutes N [--profile P]... [--dir DIR] [--fork J] [--coverage]
#   ci/fuzz.sh --runs N [--seconds S] [--profile P]...
#                                            (fixed seed 1, no fork: ci/test.sh)
#   ci/fuzz.sh --coverage [--dir DIR] ...    (coverage of DIR's corpora only)
#
# --runs stops after N inputs (the seeds included) or S seconds per profile
# (default 45: CI time on a loaded machine), whichever comes first.
# Per profile: the seeds are made from the scenario library (cca-double
# trace --fuzz-seed) into DIR/<profile>/seeds; libFuzzer (-fork=J, the
# seeds and DIR/<profile>/corpus) writes new inputs to the corpus and
# crashes to DIR/<profile>/crashes/.  The report gives inputs, RMI calls
# and calls/s, and the longest input reached (calls, and SUCCESS calls).
# --coverage then runs the corpus and seeds through a coverage build of
# fuzz_rmi_<profile>_replay (clang -fprofile-instr-generate) and writes
# llvm-cov's report on fake-rmm/*.c to DIR/<profile>/coverage-corpus.txt
# (and of the seeds alone, coverage-seeds.txt).
#
# Builds: BUILD (default build-fuzz: clang, -DCCA_FUZZ=ON, ASan+UBSan) for
# the targets; the seeds come from CCA_CLI (default build/tools/cli/cca-double
# if it exists, else the one built in BUILD).  Exit status: 0, 1 a crash
# (or a broken invariant) was found, 2 usage.
set -eu
cd "$(dirname "$0")/.."
SRC=$(pwd)

minutes="" runs="" seconds=45 profiles="" dir="" fork=2 coverage=0
BUILD=${BUILD:-build-fuzz}
usage() {
	sed -n '3,25p' "$0" | sed 's/^# \{0,1\}//' >&2
	exit 2
}
while [ $# -gt 0 ]; do
	case "$1" in
	--minutes) minutes=${2:?}; shift 2 ;;
	--runs) runs=${2:?}; shift 2 ;;
	--seconds) seconds=${2:?}; shift 2 ;;
	--profile) profiles="$profiles ${2:?}"; shift 2 ;;
	--dir) dir=${2:?}; shift 2 ;;
	--fork) fork=${2:?}; shift 2 ;;
	--coverage) coverage=1; shift ;;
	-h|--help) usage ;;
	*) echo "ci/fuzz.sh: unknown option $1" >&2; usage ;;
	esac
done
[ -n "$minutes$runs" ] || [ "$coverage" -eq 1 ] || usage
case "$minutes$runs$fork$seconds" in *[!0-9]*) echo "ci/fuzz.sh: --minutes, --runs, --fork take numbers" >&2; exit 2 ;; esac
[ -n "$profiles" ] || profiles=$(cd spec && ls *.yaml | sed 's/\.yaml$//')
for p in $profiles; do
	[ -f "spec/$p.yaml" ] || { echo "ci/fuzz.sh: no profile $p (spec/$p.yaml)" >&2; exit 2; }
done
dir=${dir:-$BUILD/fuzz-campaign}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
JOBS=$(nproc 2>/dev/null || echo 2)

targets=""
for p in $profiles; do targets="$targets fuzz_rmi_$p"; done
CCA_CLI=${CCA_CLI:-}
[ -n "$CCA_CLI" ] || { [ -x build/tools/cli/cca-double ] && CCA_CLI=$SRC/build/tools/cli/cca-double; } || true
[ -n "$CCA_CLI" ] || { targets="$targets cca-double"; CCA_CLI=$SRC/$BUILD/tools/cli/cca-double; }
[ -n "$minutes$runs" ] || targets=""
[ -z "$targets" ] || echo "== fuzz build ($BUILD: clang, libFuzzer, ASan+UBSan):$targets"
[ -z "$targets" ] || CC=clang cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCCA_FUZZ=ON -DCCA_SANITIZE=ON > "$BUILD.log" 2>&1 || { tail -50 "$BUILD.log"; exit 1; }
# shellcheck disable=SC2086
[ -z "$targets" ] || nice cmake --build "$BUILD" -j"$JOBS" --target $targets >> "$BUILD.log" 2>&1 || { grep -E "error|Error" "$BUILD.log" | head -50; exit 1; }

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
for p in $profiles; do
	[ -n "$minutes$runs" ] || break
	d=$dir/$p
	# A bounded run starts from the seeds alone, so that it is reproducible.
	[ -z "$runs" ] || rm -rf "$d/corpus" "$d/crashes"
	mkdir -p "$d/corpus" "$d/crashes"
	rm -f "$d/stats"
	cmake -DCCA="$CCA_CLI" -DPROFILE="$p" -DSCENARIOS="$SRC/scenarios" -DOUT="$d/seeds" \
		-P fake-rmm/fuzz/seeds.cmake > "$d/seeds.log" 2>&1 || { cat "$d/seeds.log"; exit 1; }
	nseeds=$(ls "$d/seeds" | wc -l)
	if [ -n "$runs" ]; then
		what="seed 1, $runs inputs (the $nseeds seeds first) or $seconds s"
		set -- -seed=1 -runs="$runs" -max_total_time="$seconds"
	else
		what="$minutes min, -fork=$fork, $nseeds seeds"
		set -- -fork="$fork" -max_total_time=$((minutes * 60)) -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1
	fi
	echo "== fuzz_rmi_$p ($what) -> $d"
	t0=$(date +%s)
	rc=0
	FUZZ_STATS=$d/stats nice "$BUILD/fake-rmm/fuzz/fuzz_rmi_$p" "$@" -timeout=30 -rss_limit_mb=4096 \
		-print_final_stats=1 -artifact_prefix="$d/crashes/" "$d/corpus" "$d/seeds" > "$d/fuzz.log" 2>&1 || rc=$?
	t1=$(date +%s)
	# Totals over the stats lines (one per libFuzzer process: each fork job adds one).
	awk -v p="$p" -v wall=$((t1 - t0)) '
		{ i += $2; c += $4; s += $6; if ($8 > l) l = $8; if ($10 > ls) ls = $10 }
		END { if (wall < 1) wall = 1
		      printf "fuzz_rmi_%s: %d inputs, %d RMI calls (%d SUCCESS) in %d s: %.0f calls/s, %.1f inputs/s; longest input %d calls (%d SUCCESS)\n",
			p, i, c, s, wall, c / wall, i / wall, l, ls }' "$d/stats" 2>/dev/null | tee "$d/summary.txt"
	grep -E "stat::average_exec_per_sec|^#[0-9]+.*DONE|cov: [0-9]+ ft" "$d/fuzz.log" | tail -2 || true
	ncrash=$(ls "$d/crashes" | wc -l)
	if [ "$rc" -ne 0 ] || [ "$ncrash" -ne 0 ]; then
		echo "fuzz_rmi_$p: exit $rc, $ncrash crash file(s) in $d/crashes:"
		ls "$d/crashes" | head
		grep -E "invariant broken|teardown failed|not back to NS|ERROR: |SUMMARY" "$d/fuzz.log" | head -10
		status=1
	fi
done

if [ "$coverage" -eq 1 ]; then
	# The replay binaries (no libFuzzer: nothing else needs its hooks) run every input once.
	CBUILD=$BUILD-cov
	echo "== coverage build ($CBUILD: clang -fprofile-instr-generate -fcoverage-mapping)"
	CC=clang cmake -S . -B "$CBUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCCA_FUZZ=OFF -DCCA_SANITIZE=OFF \
		"-DCMAKE_C_FLAGS=-fprofile-instr-generate -fcoverage-mapping" \
		"-DCMAKE_EXE_LINKER_FLAGS=-fprofile-instr-generate" > "$CBUILD.log" 2>&1 || { tail -50 "$CBUILD.log"; exit 1; }
	# shellcheck disable=SC2046
	nice cmake --build "$CBUILD" -j"$JOBS" --target $(for p in $profiles; do printf ' fuzz_rmi_%s_replay' "$p"; done) \
		>> "$CBUILD.log" 2>&1 || { grep -E "error|Error" "$CBUILD.log" | head -50; exit 1; }
	for p in $profiles; do
		d=$dir/$p
		bin=$CBUILD/fake-rmm/fuzz/fuzz_rmi_${p}_replay
		# The seeds alone first: what the fuzzing added shows against them.
		for set in seeds corpus; do
			rm -f "$d"/cov-*.profraw
			find "$d/seeds" $([ $set = seeds ] || echo "$d/corpus") -type f | \
				LLVM_PROFILE_FILE="$d/cov-%p.profraw" xargs -n 200 "$bin" > "$d/coverage-run.log" 2>&1 || true
			llvm-profdata merge -sparse "$d"/cov-*.profraw -o "$d/cov-$set.profdata"
			llvm-cov report "$bin" -instr-profile="$d/cov-$set.profdata" "$SRC"/fake-rmm/*.c > "$d/coverage-$set.txt"
			echo "fuzz_rmi_$p coverage of fake-rmm/*.c, $set: $(grep '^TOTAL' "$d/coverage-$set.txt" | awk '{print "regions " $4 ", functions " $7 ", lines " $10}')"
		done
		rm -f "$d"/cov-*.profraw
	done
fi
exit $status
