#!/usr/bin/env bash
# Runs every fuzz target of the readers and parsers for a while each
# (FUZZTIME, default 1m), one after another, and reports how many failed.
# Not run by CI or by go test: it takes about (number of targets) × FUZZTIME.
# Minimising a new interesting input is capped at 10 s, which would otherwise
# take most of a minute on the larger seeds.
#
#   bash bench/fuzz.sh                 # a minute each
#   FUZZTIME=10s bash bench/fuzz.sh    # a quick pass
#
# A failing input is saved by go test under the package's
# testdata/fuzz/<Target>/; rerun it with go test -run <Target>/<file>, fix
# the code, and keep the file as a regression seed.
set -u
cd "$(dirname "$0")/.."
fuzztime=${FUZZTIME:-1m}
targets=(
	"./corpus FuzzAPIReader"
	"./corpus FuzzFullTextReader"
	"./corpus FuzzTWFYReader"
	"./corpus FuzzPPReader"
	"./corpus FuzzJSONLReader"
	"./corpus FuzzCSVReader"
	"./corpus FuzzHTMLToText"
	"./corpus FuzzDetect"
	"./corpus FuzzOpenStream"
	"./analysis/classify FuzzReadOverrides"
	"./analysis/classify FuzzReadLexicon"
)
failed=0
log=$(mktemp)
for t in "${targets[@]}"; do
	set -- $t
	pkg=$1 name=$2
	printf '%-22s %-22s ' "$pkg" "$name"
	if go test "$pkg" -run '^$' -fuzz "^${name}\$" -fuzztime "$fuzztime" -fuzzminimizetime 10s >"$log" 2>&1; then
		echo "ok   $(grep -o 'execs: [0-9]*' "$log" | tail -1)"
	else
		failed=$((failed + 1))
		echo "FAIL"
		grep -E -- '--- FAIL|Failing input|testdata/fuzz' "$log" | sed 's/^/    /'
	fi
done
rm -f "$log"
echo "fuzz targets: ${#targets[@]}, failed (crashes): $failed"
[ "$failed" -eq 0 ]
