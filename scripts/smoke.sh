#!/usr/bin/env bash
# GUI smoke test of the built app:
#   1. builds build/bin/readyfolio if it is missing or out of date (make build),
#   2. fills a temporary data folder with the sample portfolio (readyfolio --data-dir DIR demo),
#   3. starts a private Xvfb display and the app on it (READYFOLIO_DATA_DIR=DIR),
#   4. waits for the ReadyFolio window and for it to paint,
#   5. takes a screenshot (build/smoke/screenshot.png) and checks the window is not blank.
# Everything it starts is stopped on exit. Exit status 0 only if every step passed.
# Logs: build/smoke/{demo,app,xvfb}.log.
#
# Tunables (environment): SMOKE_WINDOW_TIMEOUT (s, default 90), SMOKE_PAINT_WAIT (s, default 5),
# SMOKE_MIN_COLOURS (default 50), SMOKE_MIN_STDDEV (default 0.02).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

BIN=build/bin/readyfolio
OUT=build/smoke
SHOT=$OUT/screenshot.png
WINDOW_TIMEOUT=${SMOKE_WINDOW_TIMEOUT:-90}
PAINT_WAIT=${SMOKE_PAINT_WAIT:-5}
MIN_COLOURS=${SMOKE_MIN_COLOURS:-50}
MIN_STDDEV=${SMOKE_MIN_STDDEV:-0.02}

log() { echo "smoke: $*"; }
fail() {
	echo "smoke: FAIL: $*" >&2
	exit 1
}
show_log() { # file: print its last lines to help whoever reads the CI log
	[[ -s $1 ]] || return 0
	echo "---- last lines of $1 ----" >&2
	tail -n 40 "$1" >&2
	echo "----" >&2
}

for tool in Xvfb xdotool import convert identify; do
	command -v "$tool" >/dev/null 2>&1 || fail "'$tool' is missing: run 'make deps'"
done

# 1. Build if needed (a no-op when the binary is up to date).
make --no-print-directory build
[[ -x $BIN ]] || fail "$BIN was not built"

mkdir -p "$OUT"
rm -f "$SHOT" "$OUT"/*.log "$OUT"/window.png
tmp=$(mktemp -d "${TMPDIR:-/tmp}/readyfolio-smoke.XXXXXX")
data=$tmp/data
xvfb_pid=""
app_pid=""

stop() { # pid name: TERM, wait up to 10 s, then KILL
	local pid=$1 name=$2 i
	kill -0 "$pid" 2>/dev/null || return 0
	kill -TERM "$pid" 2>/dev/null || true
	for ((i = 0; i < 100; i++)); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 "$pid" 2>/dev/null; then
		echo "smoke: $name did not stop on SIGTERM; killing it" >&2
		kill -KILL "$pid" 2>/dev/null || true
	fi
	wait "$pid" 2>/dev/null || true
}
cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	[[ -n $app_pid ]] && stop "$app_pid" readyfolio
	[[ -n $xvfb_pid ]] && stop "$xvfb_pid" Xvfb
	rm -rf "$tmp"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# 2. Sample data.
log "filling a temporary data folder with the demo portfolio"
if ! "$BIN" --data-dir "$data" demo >"$OUT/demo.log" 2>&1; then
	show_log "$OUT/demo.log"
	fail "'readyfolio --data-dir DIR demo' failed"
fi

# 3. A private X display. -displayfd makes Xvfb pick a free display number itself and write it
#    to fd 3 once it accepts connections, so two runs at once cannot collide.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$tmp/display" >"$OUT/xvfb.log" 2>&1 &
xvfb_pid=$!
for ((i = 0; i < 100; i++)); do
	[[ -s $tmp/display ]] && break
	kill -0 "$xvfb_pid" 2>/dev/null || { show_log "$OUT/xvfb.log"; fail "Xvfb exited at start"; }
	sleep 0.1
done
[[ -s $tmp/display ]] || fail "Xvfb did not report a display within 10 s"
export DISPLAY=":$(head -n 1 "$tmp/display")"
log "Xvfb is on display $DISPLAY"

READYFOLIO_DATA_DIR=$data "$BIN" >"$OUT/app.log" 2>&1 &
app_pid=$!

# 4. Wait for the window (and fail early if the app dies).
log "waiting up to ${WINDOW_TIMEOUT}s for the ReadyFolio window"
wid=""
deadline=$((SECONDS + WINDOW_TIMEOUT))
while ((SECONDS < deadline)); do
	if ! kill -0 "$app_pid" 2>/dev/null; then
		wait "$app_pid" && rc=0 || rc=$?
		app_pid=""
		show_log "$OUT/app.log"
		fail "readyfolio exited (status $rc) before its window appeared"
	fi
	wid=$(xdotool search --onlyvisible --name 'ReadyFolio' 2>/dev/null | head -n 1 || true)
	[[ -n $wid ]] && break
	sleep 0.5
done
if [[ -z $wid ]]; then
	show_log "$OUT/app.log"
	fail "no visible ReadyFolio window after ${WINDOW_TIMEOUT}s"
fi
log "window $wid is up: waiting ${PAINT_WAIT}s for it to paint"
sleep "$PAINT_WAIT"

# Window rectangle inside the root window, to judge the window's own pixels (the empty black
# root around it would make any screenshot look "not blank").
geometry=$(xdotool getwindowgeometry --shell "$wid")
gx=$(sed -n 's/^X=//p' <<<"$geometry")
gy=$(sed -n 's/^Y=//p' <<<"$geometry")
gw=$(sed -n 's/^WIDTH=//p' <<<"$geometry")
gh=$(sed -n 's/^HEIGHT=//p' <<<"$geometry")
((gx < 0)) && gx=0
((gy < 0)) && gy=0

# 5. Screenshot and check; a cold WebKit may need a few more seconds, so try three times.
colours=0
stddev=0
for attempt in 1 2 3; do
	kill -0 "$app_pid" 2>/dev/null || { show_log "$OUT/app.log"; fail "readyfolio exited after its window appeared"; }
	import -window root "$SHOT"
	convert "$SHOT" -crop "${gw}x${gh}+${gx}+${gy}" +repage "$OUT/window.png"
	colours=$(identify -format '%k' "$OUT/window.png")
	stddev=$(convert "$OUT/window.png" -format '%[fx:standard_deviation]' info:)
	if ((colours > MIN_COLOURS)) && awk -v s="$stddev" -v m="$MIN_STDDEV" 'BEGIN { exit !(s > m) }'; then
		break
	fi
	log "attempt $attempt: window looks blank ($colours colours, stddev $stddev); waiting"
	colours=0
	sleep 5
done
if ((colours == 0)); then
	show_log "$OUT/app.log"
	fail "the window stayed blank (see $root/$SHOT); try WEBKIT_DISABLE_COMPOSITING_MODE=1"
fi

kill -0 "$app_pid" 2>/dev/null || { show_log "$OUT/app.log"; fail "readyfolio exited during the check"; }
log "PASS: window ${gw}x${gh} shows $colours colours (stddev $stddev)"
log "screenshot: $root/$SHOT"

# 6. Closing the window never loses typed text: create an entry from the "New entry" menu (its
#    title field opens focused and selected), type a title and close the window at once, the
#    way a window manager's close button does, well inside the editor's 400 ms save delay.
log "closing the window right after typing must keep the text"
typed="Typed just before closing $RANDOM"
xdotool mousemove --window "$wid" $((gw - 138)) 42 click 1
sleep 0.7
xdotool key Return
sleep 1.5
xdotool type --delay 10 "$typed"
"$root/scripts/x11-close-window.py" "$wid"
for ((i = 0; i < 100; i++)); do
	kill -0 "$app_pid" 2>/dev/null || break
	sleep 0.1
done
if kill -0 "$app_pid" 2>/dev/null; then
	import -window root "$OUT/close-failure.png"
	fail "readyfolio did not close within 10 s of the close request (see $root/$OUT/close-failure.png)"
fi
wait "$app_pid" 2>/dev/null || true
app_pid=""
if ! "$BIN" --data-dir "$data" list | grep -qF "$typed"; then
	show_log "$OUT/app.log"
	fail "the title typed just before closing was lost"
fi
log "PASS: the title typed just before closing was saved"
