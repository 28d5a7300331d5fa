#!/usr/bin/env bash
# `make bench`: runs every part of the benchmark, then prints one table of all their rows, with
# the machine and the notes under it. Each part also runs alone and then prints its own rows:
#   scripts/bench.sh          signed PDF export against Chromium's print to PDF
#   scripts/bench-package.sh  package build and verify against sha256sum over 1 GiB
#   scripts/bench-search.sh   search over 10,000 entries (p50, p95)
#   scripts/bench-start.sh    cold start of the built app to its first painted frame
# Environment: what the parts take (RUNS, PAPER, ENTRIES, IMAGES, PACKAGE_MB, FILES, SEARCH_*,
# KEEP); PARTS lists the parts to run (default: all four, by the names above without .sh).
# Progress goes to stderr, the table to stdout.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PARTS=${PARTS:-bench bench-package bench-search bench-start}
out=$(mktemp -d "${TMPDIR:-/tmp}/readyfolio-bench-all.XXXXXX")
trap 'rm -rf "$out"' EXIT
export BENCH_ROWS=$out/rows.tsv BENCH_NOTES=$out/notes.txt
: >"$BENCH_ROWS"
: >"$BENCH_NOTES"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$SECONDS
for part in $PARTS; do
	[[ -x scripts/$part.sh ]] || { echo "bench: no part scripts/$part.sh" >&2; exit 1; }
	echo "bench: ---- scripts/$part.sh" >&2
	scripts/"$part".sh
done

source scripts/benchlib.sh # print_table, machine
trap 'cleanup; rm -rf "$out"' EXIT
echo
echo "ReadyFolio benchmark: $(machine) (at the start: $load_before); took $((SECONDS - started)) s"
print_table
