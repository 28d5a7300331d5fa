#!/usr/bin/env bash
# Offline for real, window (issue 6): the built app (build/bin/readyfolio, `make build`) runs on a
# private Xvfb display, on a demo data folder, inside a network namespace with no network
# (`unshare -n`) and under `strace -f -e trace=%network` (which follows WebKit's web and network
# processes). The window must appear and paint (not blank), close on request, and no socket()
# of the Internet families (AF_INET, AF_INET6) or any family but AF_UNIX and AF_NETLINK (which
# WebKit and GLib use locally) may be created; what was seen is printed. A production build
# serves its UI from memory: the dev server on :34115 exists only under `wails dev`, never here.
#
# Skips, saying why, when Xvfb or xdotool is missing, `unshare -n` is not permitted, or the app
# is not built. Without strace it still checks that the window works with no network.
# Environment: FAULTS_GUI_BIN (default build/bin/readyfolio), FAULTS_BIN (the CLI for the demo
# folder; else the GUI binary), FAULTS_GUI_TIMEOUT (s to wait for the window, default 40), KEEP=1.
set -euo pipefail
FAULTS_NAME=offline-gui
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
started=$(now_ms)

GUI=${FAULTS_GUI_BIN:-build/bin/readyfolio}
TIMEOUT=${FAULTS_GUI_TIMEOUT:-40}
[[ -x $GUI ]] || skip "$GUI is not built (make build); the window was not tested"
for tool in Xvfb xdotool python3; do
	command -v "$tool" >/dev/null || skip "'$tool' is missing (make deps); the window was not tested"
done
unshare -n -p -f --kill-child true 2>/dev/null || skip "'unshare -n -p' is not permitted here (needs root); the window was not tested"
TRACE=()
if command -v strace >/dev/null && strace -f -qq -e trace=%network -o /dev/null true 2>/dev/null; then
	TRACE=(strace -f -qq -e trace=%network -o "$WORK/gui.strace")
else
	say "strace is missing or cannot trace: only checking that the window works with no network"
fi

DATA=$WORK/data
"${FAULTS_BIN:-$GUI}" --data-dir "$DATA" demo >"$WORK/demo.log" 2>&1 || die "demo failed: $(cat "$WORK/demo.log")"

# A private display (as scripts/smoke.sh does): Xvfb picks a free number and reports it on fd 3.
setsid Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$WORK/display" >"$WORK/xvfb.log" 2>&1 &
xvfb=$!
FAULTS_GROUPS+=("$xvfb")
for ((i = 0; i < 100; i++)); do
	[[ -s $WORK/display ]] && break
	sleep 0.1
done
[[ -s $WORK/display ]] || die "Xvfb did not start: $(cat "$WORK/xvfb.log")"
export DISPLAY=":$(head -n 1 "$WORK/display")"

# The app in a process group of its own (stopped by id on any exit), no network, traced.
# A PID namespace of its own too (-p -f): its first process reaps WebKit's helpers when the app
# has gone, and the kernel ends whatever is left when that process exits.
READYFOLIO_DATA_DIR=$DATA setsid unshare -n -p -f --kill-child -- "${TRACE[@]}" "$GUI" >"$WORK/app.log" 2>&1 &
app=$!
FAULTS_GROUPS+=("$app")
show_log() { tail -n 30 "$WORK/app.log" | sed 's/^/  | /' >&2; }

wid=""
deadline=$((SECONDS + TIMEOUT))
while ((SECONDS < deadline)); do
	kill -0 "$app" 2>/dev/null || { show_log; die "the app exited before its window appeared"; }
	wid=$(xdotool search --onlyvisible --name 'ReadyFolio' 2>/dev/null | head -n 1 || true)
	[[ -n $wid ]] && break
	sleep 0.5
done
[[ -n $wid ]] || { show_log; die "no ReadyFolio window within ${TIMEOUT}s with no network"; }
window_s=$(awk -v ms=$(($(now_ms) - started)) 'BEGIN { printf "%.1f", ms / 1000 }')

# Painted: the window's pixels are not one flat colour (needs ImageMagick; skipped without it).
painted="not checked (ImageMagick missing)"
if command -v import >/dev/null && command -v convert >/dev/null; then
	colours=0
	for attempt in 1 2 3 4 5 6; do
		sleep 2
		import -window "$wid" "$WORK/window.png" 2>/dev/null || continue
		colours=$(convert "$WORK/window.png" -format '%k' info: 2>/dev/null || echo 0)
		((colours > 50)) && break
	done
	((colours > 50)) || { show_log; die "the window stayed blank with no network ($colours colours)"; }
	painted="$colours colours"
else
	sleep 4
fi

# Close it as a window manager would, and let it exit by itself (WebKit's processes too).
scripts/x11-close-window.py "$wid" || true
for ((i = 0; i < 100; i++)); do
	kill -0 "$app" 2>/dev/null || break
	sleep 0.1
done
closed=yes
if kill -0 "$app" 2>/dev/null; then
	closed="no (stopped)"
	kill -TERM -- "-$app" 2>/dev/null || true
	sleep 1
fi
wait "$app" 2>/dev/null || true
kill -KILL -- "-$app" 2>/dev/null || true # any WebKit helper left in the group

trace_summary="not traced (strace missing)"
if ((${#TRACE[@]})); then
	[[ -s $WORK/gui.strace ]] || die "strace wrote nothing: the trace did not work"
	pids=$(awk '{ print $1 }' "$WORK/gui.strace" | sort -u | wc -l)
	families=$(grep -oE '(^|[[:space:]])socket(pair)?\(AF_[A-Z0-9]+' "$WORK/gui.strace" | sed 's/.*(//' | sort | uniq -c |
		awk '{ printf "%s%s x%s", sep, $2, $1; sep = ", " }' || true)
	bad=$(grep -E '(^|[[:space:]])socket(pair)?\(' "$WORK/gui.strace" | grep -vE '\((AF_UNIX|AF_LOCAL|AF_NETLINK)' || true)
	bad+=$(grep -E '(^|[[:space:]])connect\(' "$WORK/gui.strace" | grep -E 'sa_family=AF_INET' || true)
	peers=$(grep -oE 'connect\([0-9]+, \{sa_family=AF_UNIX, sun_path=[^}]*\}' "$WORK/gui.strace" |
		sed -E 's/.*sun_path=//; s/\}$//' | sort -u | tr '\n' ' ' || true)
	say "traced $pids process(es)/thread(s); socket() families: ${families:-none}"
	say "local sockets it connected to: ${peers:-none}"
	if [[ -n $bad ]]; then
		echo "$bad" | head -n 20 >&2
		die "the window opened a socket other than AF_UNIX/AF_NETLINK (see above)"
	fi
	trace_summary="no AF_INET/AF_INET6 socket; socket() families: ${families:-none} over $pids traced pids"
fi
elapsed=$(awk -v ms=$(($(now_ms) - started)) 'BEGIN { printf "%.1f", ms / 1000 }')
[[ $closed == yes ]] || say "the window did not close within 10 s of the close request under strace; it was stopped"
result PASS "window up in ${window_s}s under unshare -n, painted ($painted), closed: $closed; $trace_summary; ${elapsed}s"
