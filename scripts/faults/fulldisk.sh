#!/usr/bin/env bash
# Full disk (issue 6): the Go tests that mount a tiny tmpfs and run out of space on it
# (TestFullDisk* in backend/workspace, backend/submission, backend/backup and app/cli):
#   - PDF export and package export onto a full disk (data folder elsewhere): a disk-full message
#     naming the file asked for, nothing left on the disk, the data folder unchanged and healthy;
#   - backup onto a full disk, restore onto one;
#   - artifact import (add, attach, import of a package) into a data folder on a tiny disk: a
#     disk-full message naming the file, no entry without its files, artifacts/tmp empty,
#     `check` passes;
#   - the database on a full disk: saving fails in words, the database passes its integrity
#     check once space is freed (also after reopening) and takes new entries.
# They skip where mounting is not permitted (not root, not Linux); this script then says SKIP.
set -euo pipefail
FAULTS_NAME=fulldisk
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
started=$(now_ms)
[[ -f frontend/dist/index.html ]] || die "frontend/dist is missing (main.go embeds it): run 'make frontend'"

packages=(./backend/workspace ./backend/submission ./backend/backup ./app/cli)
rc=0
go test -count=1 -run '^TestFullDisk' -v "${packages[@]}" >"$WORK/go-test.log" 2>&1 || rc=$?

# The messages the tests saw (they log each failure's wording).
grep -E 'disk is full|Disk is full' "$WORK/go-test.log" | sed -E 's/^ +//; s/^[a-z_]+\.go:[0-9]+: /  /' | sort -u >&2 || true
passed=$(grep -c -- '^--- PASS: TestFullDisk' "$WORK/go-test.log" || true)
skipped=$(grep -c -- '^--- SKIP: TestFullDisk' "$WORK/go-test.log" || true)
failed=$(grep -c -- '^--- FAIL: TestFullDisk' "$WORK/go-test.log" || true)
elapsed=$(awk -v ms=$(($(now_ms) - started)) 'BEGIN { printf "%.1f", ms / 1000 }')
if ((rc != 0 || failed > 0)); then
	grep -vE '^(=== RUN|=== PAUSE|=== CONT)' "$WORK/go-test.log" | tail -n 60 >&2
	die "$failed full-disk test(s) failed (go test exit $rc)"
fi
((passed + skipped > 0)) || die "no TestFullDisk tests ran"
if ((passed == 0)); then
	grep -m1 -A1 -- '--- SKIP' "$WORK/go-test.log" >&2 || true
	skip "all $skipped full-disk tests skipped: a tmpfs cannot be mounted here (needs root on Linux)"
fi
names=$(grep -oE -- '^--- PASS: TestFullDisk[A-Za-z]*' "$WORK/go-test.log" | sed 's/^--- PASS: TestFullDisk//; s/^$/Backup/' | sort | paste -sd, -)
((skipped > 0)) && names+="; $skipped skipped"
result PASS "$passed tests passed ($names): disk-full messages, no partial files, data intact; ${elapsed}s"
