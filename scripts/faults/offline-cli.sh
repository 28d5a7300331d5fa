#!/usr/bin/env bash
# Offline for real, command line (issue 6): every command (version, help, demo, profile set, add,
# list, search, check, frameworks list/show/import, align, coverage, identity create/show/
# export-cert, export pdf, export package, verify of both, import, backup, restore) runs twice on
# fresh data folders:
#   1. inside a network namespace with no network (`unshare -n`): each must exit 0;
#   2. under `strace -f -e trace=%network`: no socket() of any family but AF_UNIX may be
#      created, and no connect() may aim anywhere but a local (AF_UNIX) socket. What was seen is
#      printed either way.
# A pass whose tool is missing or not permitted (strace not installed, no CAP_SYS_ADMIN and no
# user namespaces) is skipped with the reason; if both are, the test is SKIP.
# Environment: FAULTS_BIN (else built), KEEP=1.
set -euo pipefail
FAULTS_NAME=offline-cli
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
started=$(now_ms)
faults_binary

CASE_FILE=backend/frameworks/testdata/northfield-v1.json
[[ -f $CASE_FILE ]] || die "$CASE_FILE is missing"

# run_all PASS WRAPPER...: every command, each through WRAPPER (which gets a log name first).
STEPS=0
run_all() {
	local pass=$1
	shift
	local wrap=("$@") dir=$WORK/$pass
	local d=$dir/data pass_file=$dir/passphrase
	mkdir -p "$dir/logs"
	printf 'offline test passphrase %s\n' "$RANDOM$RANDOM" >"$pass_file"
	chmod 600 "$pass_file"
	head -c 300000 /dev/urandom >"$dir/notes.bin"
	STEPS=0
	step() { # NAME CMD...: runs one command through the wrapper; it must exit 0
		local name=$1 rc=0
		shift
		STEPS=$((STEPS + 1))
		"${wrap[@]}" "$dir/logs/$name" "$@" >"$dir/logs/$name.out" 2>"$dir/logs/$name.err" || rc=$?
		if ((rc != 0)); then
			sed 's/^/  | /' "$dir/logs/$name.err" "$dir/logs/$name.out" >&2
			die "$pass: '$name' exited $rc"
		fi
	}
	step version "$BIN" version
	step help "$BIN" help
	step demo "$BIN" --data-dir "$d" demo
	step profile-set "$BIN" --data-dir "$d" profile set --name "Offline Tester" --school "No Network High"
	step add "$BIN" --data-dir "$d" add --kind ai_pilot --title "Offline entry" --status ready --file "$dir/notes.bin"
	local id
	id=$(head -n 1 "$dir/logs/add.out")
	step list "$BIN" --data-dir "$d" list --json
	step search "$BIN" --data-dir "$d" search offline
	step check "$BIN" --data-dir "$d" check
	step frameworks-list "$BIN" --data-dir "$d" frameworks list
	step frameworks-show "$BIN" --data-dir "$d" frameworks show unesco-ai-cft --json
	step frameworks-import "$BIN" --data-dir "$d" frameworks import "$CASE_FILE"
	step align "$BIN" --data-dir "$d" align "$id" 1.1 --framework unesco-ai-cft --rationale "Planned offline"
	step coverage "$BIN" --data-dir "$d" coverage --framework unesco-ai-cft
	step identity-create "$BIN" --data-dir "$d" identity create --passphrase-file "$pass_file"
	step identity-show "$BIN" --data-dir "$d" identity show
	step identity-export-cert "$BIN" --data-dir "$d" identity export-cert --out "$dir/cert.pem"
	step export-pdf "$BIN" --data-dir "$d" export pdf --out "$dir/portfolio.pdf" --passphrase-file "$pass_file"
	step export-package env READYFOLIO_PASSPHRASE="$(head -n 1 "$pass_file")" "$BIN" --data-dir "$d" export package --out "$dir/package.zip"
	step verify-pdf "$BIN" verify "$dir/portfolio.pdf" --trust "$dir/cert.pem"
	step verify-package "$BIN" verify "$dir/package.zip" --trust "$dir/cert.pem"
	step import "$BIN" --data-dir "$dir/imported" import "$dir/package.zip"
	step backup "$BIN" --data-dir "$d" backup --out "$dir/backup.zip"
	step restore "$BIN" --data-dir "$dir/restored" restore "$dir/backup.zip"
	step check-restored "$BIN" --data-dir "$dir/restored" check
}

# Wrappers: the log name comes first.
plain_ns() { shift; "$@"; }
no_network() { shift; "${UNSHARE[@]}" -- "$@"; }
traced() {
	local log=$1
	shift
	strace -f -qq -e trace=%network -o "$log.strace" "$@"
}

# not_local STRACE_LOG...: the socket() and connect() calls that are not local (AF_UNIX).
not_local() {
	cat "$@" | grep -E '(^|[[:space:]])socket(pair)?\(|(^|[[:space:]])connect\(' |
		grep -vE '\((AF_UNIX|AF_LOCAL)|\([0-9]+, \{sa_family=AF_(UNIX|LOCAL)' || true
}

summary=()

# 1. No network.
UNSHARE=()
if unshare -n true 2>/dev/null; then
	UNSHARE=(unshare -n)
elif unshare -r -n true 2>/dev/null; then
	UNSHARE=(unshare -r -n) # without root: a user namespace maps us to root inside
fi
if ((${#UNSHARE[@]})); then
	# The namespace really has no network: only a loopback that is down.
	if "${UNSHARE[@]}" -- bash -c 'exec 3<>/dev/tcp/127.0.0.1/9' 2>/dev/null; then
		die "'${UNSHARE[*]}' still reaches 127.0.0.1"
	fi
	run_all no-network no_network
	say "inside '${UNSHARE[*]}' (no network at all): all $STEPS commands exited 0"
	summary+=("$STEPS commands exit 0 under '${UNSHARE[*]}'")
else
	say "SKIPPED the no-network pass: 'unshare -n' is not permitted here (needs root or user namespaces)"
	summary+=("no-network pass skipped (unshare -n not permitted)")
fi

# 2. Which sockets the commands open.
if ! command -v strace >/dev/null; then
	say "SKIPPED the strace pass: strace is not installed (make deps installs it)"
	summary+=("strace pass skipped (strace missing)")
elif ! strace -f -qq -e trace=%network -o /dev/null true 2>/dev/null; then
	say "SKIPPED the strace pass: strace cannot trace here (ptrace not permitted)"
	summary+=("strace pass skipped (ptrace not permitted)")
else
	# The detector itself: a program that does open an Internet socket must be caught.
	python3 -c 'import socket; socket.socket(socket.AF_INET, socket.SOCK_STREAM).close()' 2>/dev/null &&
		strace -f -qq -e trace=%network -o "$WORK/control.strace" python3 -c 'import socket; socket.socket(socket.AF_INET, socket.SOCK_STREAM).close()'
	[[ -z $(not_local "$WORK/control.strace") ]] && die "the strace check does not see an AF_INET socket that python3 opened"
	run_all traced traced
	logs=("$WORK"/traced/logs/*.strace)
	calls=$(cat "${logs[@]}" | grep -cE '(^|[[:space:]])(socket|connect|bind|listen|sendto|socketpair)\(' || true)
	families=$(cat "${logs[@]}" | grep -oE '(^|[[:space:]])socket(pair)?\(AF_[A-Z0-9]+' | sed 's/.*(//' | sort | uniq -c | awk '{ printf "%s%s x%s", sep, $2, $1; sep = ", " }' || true)
	say "under strace: $STEPS commands, $calls network system call(s); socket() families: ${families:-none}"
	bad=$(not_local "${logs[@]}")
	if [[ -n $bad ]]; then
		echo "$bad" | head -n 20 >&2
		die "a command opened a socket other than AF_UNIX (see above)"
	fi
	summary+=("$STEPS commands under strace: ${calls} network syscalls (socket families: ${families:-none})")
fi

elapsed=$(awk -v ms=$(($(now_ms) - started)) 'BEGIN { printf "%.1f", ms / 1000 }')
if ((${#UNSHARE[@]} == 0)) && [[ ${summary[*]} == *"strace pass skipped"* ]]; then
	skip "neither pass could run: ${summary[*]}"
fi
joined=$(printf '%s; ' "${summary[@]}")
result PASS "${joined}${elapsed}s"
