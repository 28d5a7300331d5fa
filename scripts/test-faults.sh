#!/usr/bin/env bash
# Fault tests (issue 6, "Trustworthy under faults and attack"), `make test-faults`:
#   fulldisk     export, package, backup, artifact import and the database on a full tmpfs
#   crash        `readyfolio add` killed with SIGKILL at random moments, 30+ times
#   offline-cli  every command with no network (unshare -n) and under strace: AF_UNIX only
#   secrets      the passphrase never in the process list, any output, or any file written
#   offline-gui  the built window with no network, under strace: no AF_INET/AF_INET6 socket
# Each is a script in scripts/faults/ that can also run alone (see its header). This one builds
# the command-line binary once (go build; main.go embeds frontend/dist), runs them all even if
# one fails, and prints a PASS/FAIL/SKIP summary; the exit status is 1 if any failed. The window
# test needs build/bin/readyfolio (`make build`; the make target builds it first).
# Environment: FAULTS_ONLY="crash secrets" runs only those; FAULTS_SEED replays the crash test's
# random choices; KEEP=1 keeps the work folders.
set -euo pipefail
cd "$(dirname "$0")/.."
export GOTOOLCHAIN=auto

all=(fulldisk crash offline-cli secrets offline-gui)
read -r -a run <<<"${FAULTS_ONLY:-${all[*]}}"
for name in "${run[@]}"; do
	[[ -x scripts/faults/$name.sh ]] || { echo "test-faults: no such test '$name' (one of: ${all[*]})" >&2; exit 2; }
done
[[ -f frontend/dist/index.html ]] || { echo "test-faults: frontend/dist is missing (main.go embeds it): run 'make frontend'" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/readyfolio-test-faults.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
started=$SECONDS
echo "test-faults: building $tmp/readyfolio" >&2
go build -o "$tmp/readyfolio" .
export FAULTS_BIN=$tmp/readyfolio FAULTS_RESULT=$tmp/results
: >"$FAULTS_RESULT"

for name in "${run[@]}"; do
	echo "test-faults: ---- $name ----" >&2
	t0=$SECONDS
	lines=$(wc -l <"$FAULTS_RESULT")
	if ! "scripts/faults/$name.sh"; then
		# A script that died without its own verdict line still counts as failed.
		(($(wc -l <"$FAULTS_RESULT") > lines)) || printf '%-4s %-12s %s\n' FAIL "$name" "exited without a result" >>"$FAULTS_RESULT"
	fi
	echo "test-faults: $name took $((SECONDS - t0))s" >&2
done

echo
echo "test-faults: summary ($((SECONDS - started))s)"
sed 's/^/  /' "$FAULTS_RESULT"
if grep -q '^FAIL' "$FAULTS_RESULT"; then
	echo "test-faults: FAIL"
	exit 1
fi
echo "test-faults: PASS$(grep -q '^SKIP' "$FAULTS_RESULT" && echo " (some parts skipped, see above)")"
