#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# Sweep throughput: the three CI sweeps (scenarios/CMakeLists.txt: the
# host-level scenarios on each profile, the 2.x hazards), timed "before"
# and "after" back to back, N times each (medians reported): wall seconds,
# injected runs per second, CPU seconds (user + system, children included)
# and CPU milliseconds per run.  Both sides must give the same table; the
# script stops if they do not.
#
#   bench/sweep_bench.sh [-n N] [-b BEFORE] [-a AFTER] [--only NAME]
#
#   -a AFTER    cca-double to time as "after" (default build/tools/cli/cca-double),
#               run as `sweep -j 2`
#   -b BEFORE   a cca-double to time as "before", run as `sweep` (e.g. one built
#               from before the sweeps branched); default: AFTER with
#               `sweep --replay -j 1`, every run replayed from the start, one at
#               a time, as sweeps ran before (with a shorter wait per run)
#   -n N        rounds (default 3)
#   --only NAME time only the sweep NAME (sweep@1.0, sweep@2.0-bet1, hazards@2.0-bet1 ...)
#   x wall = after runs/s / before runs/s, x cpu = before CPU per run / after
#   (each side's own run count: another BEFORE binary may run other host code)
#
# Measured on the 2-core CI machine, otherwise idle, RelWithDebInfo,
# BEFORE = the cca-double of the commit before sweeps branched (its host
# code differs a little, so its tables do too), -n 3 for the host-level
# sweeps, -n 1 for the hazards (README.md "Sweeps"):
#
#   sweep               runs |  before s  runs/s  cpu ms |   after s  runs/s  cpu ms |  x wall   x cpu
#   sweep@1.0           1581 |      49.5    33.2   23.52 |       5.4   294.5    6.32 |     8.9     3.7
#   sweep@2.0-bet1      1638 |      54.4    31.2   25.60 |       8.9   184.9    9.07 |     5.9     2.8
#   hazards@2.0-bet1    1177 |     114.4    10.6   86.93 |       5.9   198.6    8.52 |    18.8    10.2
set -eu
cd "$(dirname "$0")/.."

after=build/tools/cli/cca-double
before=""
rounds=3
only=""
while [ $# -gt 0 ]; do
	case "$1" in
	-a) after=$2; shift 2 ;;
	-b) before=$2; shift 2 ;;
	-n) rounds=$2; shift 2 ;;
	--only) only=$2; shift 2 ;;
	-h|--help) sed -n '3,22p' "$0"; exit 0 ;;
	*) echo "sweep_bench.sh: unknown argument $1" >&2; exit 2 ;;
	esac
done
differ=0
[ -x "$after" ] || { echo "sweep_bench.sh: $after: not built" >&2; exit 2; }
[ -z "$before" ] || [ -x "$before" ] || { echo "sweep_bench.sh: $before: not executable" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The sweeps' scenario lists, as scenarios/CMakeLists.txt builds them.
host_files=""
for dir in populate teardown rec-exits; do
	for f in scenarios/$dir/host-*.yaml; do
		grep -q vm_create "$f" && host_files="$host_files $f"
	done
done
hazard_files=$(echo scenarios/faults/host-hazard-*.yaml)
sweeps=""
for spec in spec/*.yaml; do
	p=$(basename "$spec" .yaml)
	sweeps="$sweeps sweep@$p"
	case "$p" in 2.*) sweeps="$sweeps hazards@$p" ;; esac
done

# Runs one sweep; prints "wall user+sys runs" and keeps its table in $work/$2.out.
timed() {
	local name=$1 tag=$2 profile=${1#*@} files
	shift 2
	case "$name" in hazards@*) files=$hazard_files ;; *) files=$host_files ;; esac
	local TIMEFORMAT="%R %U %S" t
	# shellcheck disable=SC2086
	t=$( { time "$@" --profile "$profile" --first-error -q $files > "$work/$tag.out" 2>/dev/null; } 2>&1 ) || true
	set -- $t
	local runs
	runs=$(sed -n 's/^sweep: \([0-9]*\) runs:.*/\1/p' "$work/$tag.out")
	echo "$1 $2 $3 ${runs:-0}" | awk '{ print $1, $2 + $3, $4 }'
}

median() {
	sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

printf "%-18s %5s | %9s %7s %7s | %9s %7s %7s | %7s %7s\n" sweep runs "before s" "runs/s" "cpu ms" \
	"after s" "runs/s" "cpu ms" "x wall" "x cpu"
for s in $sweeps; do
	[ -z "$only" ] || [ "$only" = "$s" ] || continue
	: > "$work/b.txt"
	: > "$work/a.txt"
	for r in $(seq "$rounds"); do
		if [ -n "$before" ]; then
			timed "$s" before "$before" sweep >> "$work/b.txt"
		else
			timed "$s" before "$after" sweep --replay -j 1 >> "$work/b.txt"
		fi
		timed "$s" after "$after" sweep -j 2 >> "$work/a.txt"
		if ! cmp -s "$work/before.out" "$work/after.out"; then
			# Another binary may run other host code (the reference
			# code changed since): its runs are counted on its side.
			if [ -z "$before" ]; then
				echo "sweep_bench.sh: $s: before and after give different tables" >&2
				diff "$work/before.out" "$work/after.out" | head -20 >&2
				exit 1
			fi
			differ=1
		fi
	done
	runs=$(awk '{ print $3 }' "$work/a.txt" | median)
	bruns=$(awk '{ print $3 }' "$work/b.txt" | median)
	bwall=$(awk '{ print $1 }' "$work/b.txt" | median)
	bcpu=$(awk '{ print $2 }' "$work/b.txt" | median)
	awall=$(awk '{ print $1 }' "$work/a.txt" | median)
	acpu=$(awk '{ print $2 }' "$work/a.txt" | median)
	echo "$s $runs $bwall $bcpu $awall $acpu $bruns" | awk '{
		printf "%-18s %5d | %9.1f %7.1f %7.2f | %9.1f %7.1f %7.2f | %7.1f %7.1f\n", $1, $2,
		       $3, $7 / $3, 1000 * $4 / $7, $5, $2 / $5, 1000 * $6 / $2, ($2 / $5) / ($7 / $3), ($4 / $7) / ($6 / $2) }'
done
[ "$differ" = 0 ] || echo "note: BEFORE's tables differ from AFTER's (other host code); runs/s and the ratios use each side's own run count"
