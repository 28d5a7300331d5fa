#!/usr/bin/env bash
# Secrets (issue 6): the signing passphrase never shows
#   1. in the process list: /proc/PID/cmdline of `export pdf` (passphrase from a file) and of
#      `export package` (from $READYFOLIO_PASSPHRASE) is sampled every 10 ms while they run, and
#      `ps -eo args` once; the environment route is visible only in /proc/PID/environ, which must
#      be readable by the process's owner alone (mode 0400);
#   2. in stdout or stderr of any command, including failures (wrong passphrase from a file and
#      from the environment, missing and empty passphrase files, an identity that exists already,
#      an export onto an existing file);
#   3. in any file written: the data folders, the PDF, the package, the backup and the exported
#      certificate, also compressed (zip members, PDF streams) or encoded (UTF-16, hex, base64):
#      scripts/faults/secrets-scan.py. The wrong passphrase is looked for as well.
# Environment: FAULTS_BIN (else built), KEEP=1.
set -euo pipefail
FAULTS_NAME=secrets
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
started=$(now_ms)
command -v python3 >/dev/null || die "python3 is missing (make deps)"
faults_binary

SECRET="rf-secret-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
WRONG="rf-wrong-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
D=$WORK/data OUTS=$WORK/outputs LOGS=$WORK/logs
mkdir -p "$OUTS" "$LOGS"
printf '%s\n' "$SECRET" >"$WORK/pass"
printf '%s\n' "$WRONG" >"$WORK/wrong"
: >"$WORK/empty"
chmod 600 "$WORK/pass" "$WORK/wrong" "$WORK/empty"

commands=0 failures=0
# run EXPECT NAME CMD...: EXPECT is ok or fail (the command must exit 0, or must not).
run() {
	local expect=$1 name=$2 rc=0
	shift 2
	commands=$((commands + 1))
	"$@" >"$LOGS/$name.out" 2>"$LOGS/$name.err" || rc=$?
	if [[ $expect == ok ]] && ((rc != 0)); then
		sed 's/^/  | /' "$LOGS/$name.err" >&2
		die "'$name' exited $rc"
	fi
	if [[ $expect == fail ]]; then
		((rc != 0)) || die "'$name' should have failed"
		[[ -s $LOGS/$name.err ]] || die "'$name' failed without saying why"
		failures=$((failures + 1))
	fi
}

# watch NAME CMD...: runs CMD in the background and samples its command line until it ends.
# WATCH_PASSPHRASE, if set, goes into CMD's environment as $READYFOLIO_PASSPHRASE (set by bash
# itself: `env VAR=secret cmd` would put it in env's own command line for a moment).
samples=0 environ_mode=""
watch() {
	local name=$1 pid line state rc=0 n=0
	shift
	commands=$((commands + 1))
	if [[ -n ${WATCH_PASSPHRASE:-} ]]; then
		READYFOLIO_PASSPHRASE=$WATCH_PASSPHRASE "$@" >"$LOGS/$name.out" 2>"$LOGS/$name.err" &
	else
		"$@" >"$LOGS/$name.out" 2>"$LOGS/$name.err" &
	fi
	pid=$!
	while read -r _ _ state _ 2>/dev/null <"/proc/$pid/stat" && [[ $state != Z ]]; do
		line=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" || true)
		if [[ -z $line ]]; then # between fork and exec: nothing to read yet
			sleep 0.01
			continue
		fi
		[[ $line == *"$SECRET"* ]] && die "'$name': the passphrase is in /proc/$pid/cmdline: $line"
		if ((n == 0)); then
			ps -eo pid,args >"$LOGS/$name.ps" 2>/dev/null || true
			grep -qF "$SECRET" "$LOGS/$name.ps" && die "'$name': the passphrase is in the process list (ps -eo args)"
			environ_mode=$(stat -c %a "/proc/$pid/environ" 2>/dev/null || echo "?")
		fi
		n=$((n + 1))
		sleep 0.01
	done
	wait "$pid" || rc=$?
	((rc == 0)) || {
		sed 's/^/  | /' "$LOGS/$name.err" >&2
		die "'$name' exited $rc"
	}
	((n > 0)) || die "'$name' ended before its command line could be read once"
	samples=$((samples + n))
}

run ok demo "$BIN" --data-dir "$D" demo
run ok identity-create "$BIN" --data-dir "$D" identity create --passphrase-file "$WORK/pass"
watch export-pdf "$BIN" --data-dir "$D" export pdf --out "$OUTS/portfolio.pdf" --passphrase-file "$WORK/pass"
WATCH_PASSPHRASE=$SECRET watch export-package "$BIN" --data-dir "$D" export package --out "$OUTS/package.zip"
[[ $environ_mode == 400 ]] || die "/proc/PID/environ of the export has mode $environ_mode, not 400: other users could read \$READYFOLIO_PASSPHRASE"
run ok identity-export-cert "$BIN" --data-dir "$D" identity export-cert --out "$OUTS/cert.pem"
run ok verify-pdf "$BIN" verify "$OUTS/portfolio.pdf" --trust "$OUTS/cert.pem"
run ok verify-package "$BIN" verify "$OUTS/package.zip" --trust "$OUTS/cert.pem"
run ok backup "$BIN" --data-dir "$D" backup --out "$OUTS/backup.zip"
run ok restore "$BIN" --data-dir "$WORK/restored" restore "$OUTS/backup.zip"
run ok check "$BIN" --data-dir "$WORK/restored" check

# Failures: each must say why without echoing either passphrase.
run fail wrong-passphrase-file "$BIN" --data-dir "$D" export pdf --out "$OUTS/never-1.pdf" --passphrase-file "$WORK/wrong"
run fail wrong-passphrase-env env READYFOLIO_PASSPHRASE="$WRONG" "$BIN" --data-dir "$D" export package --out "$OUTS/never-2.zip"
run fail passphrase-instead-of-file "$BIN" --data-dir "$D" export pdf --out "$OUTS/never-5.pdf" --passphrase-file "$SECRET"
run fail missing-passphrase-file "$BIN" --data-dir "$D" export pdf --out "$OUTS/never-3.pdf" --passphrase-file "$WORK/nowhere"
run fail empty-passphrase-file "$BIN" --data-dir "$WORK/other" identity create --name "Someone" --passphrase-file "$WORK/empty"
run fail existing-identity "$BIN" --data-dir "$D" identity create --passphrase-file "$WORK/pass"
run fail existing-output "$BIN" --data-dir "$D" export pdf --out "$OUTS/portfolio.pdf" --passphrase-file "$WORK/pass"
run fail passphrase-as-argument "$BIN" --data-dir "$D" export pdf --out "$OUTS/never-4.pdf" --passphrase "$SECRET"
for f in "$OUTS"/never-*; do
	[[ -e $f ]] && die "a failed export wrote $f"
done

# 2 and 3: outputs, logs and every file written. Two failures put the passphrase on the command
# line itself, as a hurried user might (instead of the file's name, and as an unknown flag):
# their errors must not repeat it.
scan() { # WHAT SECRET PATH...
	local what=$1 secret=$2 rc=0
	shift 2
	python3 scripts/faults/secrets-scan.py "$secret" "$@" >"$WORK/scan.txt" || rc=$?
	if ((rc != 0)); then
		cat "$WORK/scan.txt" >&2
		die "the $what was found (see above)"
	fi
	tail -n 1 "$WORK/scan.txt" | sed 's/^SCANNED //'
}
# The scanner itself: the secret deflated inside a zip, and base64-encoded, must be found.
python3 -c 'import sys, zipfile, base64
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("a.txt", "x" * 1000 + sys.argv[2])
open(sys.argv[3], "w").write("key: " + base64.b64encode(b"ab" + sys.argv[2].encode()).decode())' "$WORK/control.zip" "$SECRET" "$WORK/control.txt"
for control in "$WORK/control.zip" "$WORK/control.txt"; do
	python3 scripts/faults/secrets-scan.py "$SECRET" "$control" >/dev/null && die "the scanner does not find the passphrase in $control"
done
scanned=$(scan passphrase "$SECRET" "$LOGS" "$OUTS" "$D" "$WORK/restored" "$WORK/other")
scan "wrong passphrase" "$WRONG" "$LOGS" "$OUTS" "$D" "$WORK/restored" "$WORK/other" >/dev/null
say "the passphrase is not in $samples samples of the exports' command lines, nor in ps -eo args"
say "\$READYFOLIO_PASSPHRASE is only in /proc/PID/environ, mode $environ_mode (its owner and root)"
say "neither passphrase is in the output of $commands commands ($failures failing ones) or in the files written ($scanned)"

elapsed=$(awk -v ms=$(($(now_ms) - started)) 'BEGIN { printf "%.1f", ms / 1000 }')
result PASS "not in $samples cmdline samples or ps; environ mode $environ_mode; not in stdout/stderr of $commands commands ($failures failures); not in the files written ($scanned, zip/PDF streams inflated); ${elapsed}s"
