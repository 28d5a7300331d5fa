#!/usr/bin/env bash
# Runs every Go fuzz target in the repository briefly, one at a time:
#   go test -run=NONE -fuzz=^FuzzX$ -fuzztime=$FUZZTIME ./pkg
# Targets are found with grep, so new ones are picked up without editing this file.
# A failing input is saved by Go under the package's testdata/fuzz/FuzzX/: commit it, it then
# runs as a regular test case in every `go test`.
set -euo pipefail
cd "$(dirname "$0")/.."

FUZZTIME=${FUZZTIME:-10s}
# func FuzzSomething(f *testing.F)
pattern='^func (Fuzz[A-Za-z0-9_]*)\([A-Za-z_][A-Za-z0-9_]* \*testing\.F\)'

mapfile -t files < <(grep -rlE --include='*_test.go' --exclude-dir=.git --exclude-dir=.cache \
	--exclude-dir=node_modules --exclude-dir=testdata "$pattern" . | sort || true)

count=0
for file in "${files[@]}"; do
	dir=$(dirname "$file")
	mapfile -t names < <(sed -nE "s/${pattern}.*/\1/p" "$file")
	for name in "${names[@]}"; do
		echo "fuzz: $name ($dir) for $FUZZTIME"
		go test -run=NONE -fuzz="^${name}\$" -fuzztime="$FUZZTIME" "$dir"
		count=$((count + 1))
	done
done

if ((count == 0)); then
	echo "fuzz: no fuzz targets found"
else
	echo "fuzz: $count fuzz target(s) ran for $FUZZTIME each without finding a failure"
fi
