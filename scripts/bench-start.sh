#!/usr/bin/env bash
# Benchmark of the built app's cold start (`make bench`): build/bin/readyfolio (the production
# build, `make build`) is started RUNS times on a private Xvfb display with a data folder holding
# the demo portfolio, each time as a new process, and timed from exec to its first painted frame
# and to the portfolio's entry list on screen (scripts/x11-first-paint.py reads the screen every
# 20 ms: painted = more than 50 colours; the entry list = as many in the part right of the sidebar
# and below the page's header), with the peak memory of the app and its WebKit processes.
# Adds rows for `make bench`'s table (scripts/bench-all.sh), or prints them when run alone.
#
# Environment: RUNS (default 3), KEEP=1 keeps the temporary folder and with it the screenshots
# of the first run (first-paint.png, entry-list.png). Needs Xvfb, python3 and libX11.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/benchlib.sh"
command -v Xvfb >/dev/null || die "Xvfb is missing (make deps)"
APP=build/bin/readyfolio

make --no-print-directory build >&2
[[ -x $APP ]] || die "$APP was not built"
DATA="$TMP/data"
"$APP" --data-dir "$DATA" demo >"$TMP/demo.log"

# A private display: Xvfb picks a free number itself and writes it to fd 3 once it is ready.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$TMP/display" >"$TMP/xvfb.log" 2>&1 &
xvfb=$!
stop_xvfb() { kill "$xvfb" 2>/dev/null && wait "$xvfb" 2>/dev/null || true; }
trap 'stop_xvfb; cleanup' EXIT
for ((i = 0; i < 100; i++)); do
	[[ -s $TMP/display ]] && break
	sleep 0.1
done
[[ -s $TMP/display ]] || die "Xvfb did not start: $(cat "$TMP/xvfb.log")"
export DISPLAY=":$(head -n1 "$TMP/display")"

# One untimed start first: the very first start of WebKit on a machine fills caches in the home
# folder, and the app makes the day's automatic backup of the folder in the background.
probe() { # LOG [ARGS...]: one start; sets PAINT, CONTENT, RSS, HWM (ms, ms, KB, KB)
	local log=$1 line
	shift
	line=$(scripts/x11-first-paint.py --log "$log" "$@" -- "$APP" --data-dir "$DATA") || die "the app did not start; see $log: $(tail -n5 "$log")"
	PAINT=$(sed -n 's/.*first_paint_ms=\([0-9]*\).*/\1/p' <<<"$line")
	CONTENT=$(sed -n 's/.*content_ms=\([0-9]*\).*/\1/p' <<<"$line")
	RSS=$(sed -n 's/.*peak_rss_kb=\([0-9]*\).*/\1/p' <<<"$line")
	HWM=$(sed -n 's/.*sum_hwm_kb=\([0-9]*\).*/\1/p' <<<"$line")
}
probe "$TMP/app-0.log"
say "untimed first start: first paint ${PAINT} ms, entry list ${CONTENT} ms"
declare -a paint content rss hwm
for ((i = 1; i <= RUNS; i++)); do
	shots=()
	((i == 1)) && shots=(--shot "$TMP/first-paint.png" --content-shot "$TMP/entry-list.png")
	probe "$TMP/app-$i.log" "${shots[@]}"
	say "start $i/$RUNS: first paint ${PAINT} ms, entry list ${CONTENT} ms, peak $(mb "$RSS") MB (sum of peaks $(mb "$HWM") MB)"
	paint+=("$PAINT") content+=("$CONTENT") rss+=("$RSS") hwm+=("$HWM")
done

pm=$(median "${paint[@]}") cm=$(median "${content[@]}") rm=$(median "${rss[@]}") hm=$(median "${hwm[@]}")
add_row "Cold start of the built app to its first painted frame" "${pm} ms" "" "" "$(mb "$rm") MB" "" ""
add_row "… to the portfolio's entry list on screen" "${cm} ms" "" "" "" "" ""
add_note "Cold start: build/bin/readyfolio (make build), a new process each time, on Xvfb 1280x800 with the demo portfolio"
add_note "  ($(sed 's/^Created a sample portfolio in [^:]*: \([0-9]* entries\).*/\1/' "$TMP/demo.log"), shown as the portfolio screen); median of $RUNS after one untimed start."
add_note "  Timed from exec until the screen (read every 20 ms) shows more than 50 colours: the sidebar and page header;"
add_note "  then until the part right of the sidebar and below the header does too: the entry list. Peak RSS: the largest"
add_note "  sum of VmRSS over the app and its WebKit processes, sampled at each read, up to 2 s after the entry list"
add_note "  showed (each process's own peak, summed: $(mb "$hm") MB). Reading the screen takes CPU from the app."
finish_part
