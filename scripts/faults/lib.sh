# Shared by the fault tests in scripts/faults (source it): logging, a private work folder, the
# readyfolio binary under test, and a result line for scripts/test-faults.sh.
#
# FAULTS_BIN: a readyfolio binary to test (scripts/test-faults.sh builds one and passes it);
# without it the script builds its own with `go build` (main.go embeds frontend/dist, so that
# must exist: `make frontend`). KEEP=1 keeps the work folder. FAULTS_RESULT: a file to which the
# script appends its one-line result for the summary.

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export GOTOOLCHAIN=auto
FAULTS_NAME=${FAULTS_NAME:-$(basename "$0" .sh)}

say() { echo "faults/$FAULTS_NAME: $*" >&2; }
# result STATUS TEXT: the line the summary shows (STATUS is PASS, FAIL or SKIP).
result() {
	local status=$1
	shift
	say "$status: $*"
	if [[ -n ${FAULTS_RESULT:-} ]]; then
		printf '%-4s %-12s %s\n' "$status" "$FAULTS_NAME" "$*" >>"$FAULTS_RESULT"
	fi
}
die() {
	result FAIL "$*"
	exit 1
}
skip() {
	result SKIP "$*"
	exit 0
}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/readyfolio-faults-$FAULTS_NAME.XXXXXX")
# Process groups this script started and must stop if it is interrupted (their ids only).
FAULTS_GROUPS=()
faults_cleanup() {
	local g
	for g in "${FAULTS_GROUPS[@]}"; do
		kill -KILL -- "-$g" 2>/dev/null || true
		wait "$g" 2>/dev/null || true # reap our child, so that no zombie is left
	done
	if [[ ${KEEP:-} == 1 ]]; then say "kept $WORK"; else rm -rf "$WORK"; fi
}
trap faults_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# faults_binary: sets BIN to the readyfolio binary under test, building one if none was given.
faults_binary() {
	if [[ -n ${FAULTS_BIN:-} ]]; then
		[[ -x $FAULTS_BIN ]] || die "FAULTS_BIN=$FAULTS_BIN is not an executable"
		BIN=$FAULTS_BIN
		return
	fi
	[[ -f frontend/dist/index.html ]] || die "frontend/dist is missing (main.go embeds it): run 'make frontend'"
	BIN=$WORK/readyfolio
	say "building $BIN"
	go build -o "$BIN" . || die "go build failed"
}

# now_ms: wall-clock milliseconds (bash 5's EPOCHREALTIME, no fork).
now_ms() {
	local t=${EPOCHREALTIME/[.,]/}
	echo $((t / 1000))
}
