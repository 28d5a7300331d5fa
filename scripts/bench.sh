#!/usr/bin/env bash
# Benchmark of the signed Certification export (`make bench`): a demo portfolio of 60 entries
# with 120 photo-sized JPEGs (1600x1200), exported by ReadyFolio cold (the first export of a
# fresh data folder; images are prepared for print when they are imported) and warm (again),
# against Chromium printing the same content as HTML to PDF (scripts/benchhtml writes the HTML).
# Also times an export given a wrong passphrase, which stops right after the Argon2id key
# derivation: the share of the export that unlocking the key takes, whatever the portfolio.
# Adds its rows to the table `make bench` prints (scripts/bench-all.sh), or prints them itself
# when run alone: median wall time and peak memory of each, and how much faster ReadyFolio is.
#
# Environment: RUNS (default 3) runs of each measurement; PAPER letter|a4 (default letter);
# ENTRIES / IMAGES (default 60 / 120); KEEP=1 keeps the temporary folder. Progress goes to
# stderr, the table to stdout. Needs frontend/dist (make frontend; `make bench` builds it),
# /usr/bin/time (Debian package `time`), chromium and pdfinfo (poppler-utils).
set -euo pipefail

PAPER=${PAPER:-letter} ENTRIES=${ENTRIES:-60} IMAGES=${IMAGES:-120}
TARGET_SPEEDUP=20 TARGET_PEAK_MB=150

source "$(dirname "${BASH_SOURCE[0]}")/benchlib.sh"
command -v chromium >/dev/null || die "chromium is missing (make deps)"
command -v pdfinfo >/dev/null || die "pdfinfo is missing: install poppler-utils (make deps)"
[[ $PAPER == letter || $PAPER == a4 ]] || die "PAPER must be letter or a4"
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }

# ---------------------------------------------------------------------------------------------
# Setup

build_binary

# new_folder DIR: the demo portfolio (same seed, so the same content every time) and an identity.
new_folder() {
	"$BIN" --data-dir "$1" demo --entries "$ENTRIES" --images "$IMAGES" >"$TMP/demo.log"
	"$BIN" --data-dir "$1" identity create --passphrase-file "$PASS" >/dev/null
}

export_pdf() { # DIR OUT
	measure "$TMP/export.log" "$BIN" --data-dir "$1" export pdf --out "$2" --paper "$PAPER" --passphrase-file "$PASS"
}

# ---------------------------------------------------------------------------------------------
# ReadyFolio: cold exports, one per fresh data folder; then warm exports on the first folder.

declare -a cold_wall cold_peak warm_wall warm_peak chr_wall chr_main chr_rss chr_pss
for ((i = 1; i <= RUNS; i++)); do
	dir="$TMP/data-$i"
	new_folder "$dir"
	if ((i == 1)); then say "$(cat "$TMP/demo.log")"; fi
	rm -f "$TMP/cold.pdf"
	export_pdf "$dir" "$TMP/cold.pdf"
	wall=$WALL peak=$MAIN
	say "cold export $i/$RUNS (fresh data folder): ${wall}s, $(mb "$peak") MB peak"
	cold_wall+=("$wall") cold_peak+=("$peak")
	if ((i == 1)); then say "$(cat "$TMP/export.log")"; fi
done
cold_size=$(size_mb "$TMP/cold.pdf") cold_pages=$(pages "$TMP/cold.pdf")

for ((i = 1; i <= RUNS; i++)); do
	rm -f "$TMP/warm.pdf"
	export_pdf "$TMP/data-1" "$TMP/warm.pdf"
	wall=$WALL peak=$MAIN
	say "warm export $i/$RUNS (print cache): ${wall}s, $(mb "$peak") MB peak"
	warm_wall+=("$wall") warm_peak+=("$peak")
done
warm_size=$(size_mb "$TMP/warm.pdf") warm_pages=$(pages "$TMP/warm.pdf")

# The unlock alone: the export refuses the wrong passphrase after deriving the key, writing
# nothing (exit status 2).
printf 'not the passphrase\n' >"$TMP/wrong"
declare -a unlock_wall
for ((i = 1; i <= RUNS; i++)); do
	setsid /usr/bin/time -f '%e %M' -o "$TMP/unlock.time" "$BIN" --data-dir "$TMP/data-1" export pdf \
		--out "$TMP/never.pdf" --passphrase-file "$TMP/wrong" >"$TMP/unlock.log" 2>&1 && die "a wrong passphrase was accepted"
	grep -q "passphrase is wrong" "$TMP/unlock.log" || die "the wrong passphrase was not the reason: $(cat "$TMP/unlock.log")"
	[[ ! -e $TMP/never.pdf ]] || die "a refused export wrote a file"
	read -r wall _ < <(tail -n1 "$TMP/unlock.time")
	unlock_wall+=("$wall")
done
report_line=$(cat "$TMP/export.log")
if "$BIN" verify "$TMP/warm.pdf" >"$TMP/verify.log" 2>&1; then signature="valid"; else signature="NOT VALID"; fi

# ---------------------------------------------------------------------------------------------
# Chromium: the same content as HTML, images as file:// URLs to the stored artifacts.

say "writing the HTML with scripts/benchhtml"
go run ./scripts/benchhtml -data "$TMP/data-1" -out "$TMP/portfolio.html" -paper "$PAPER"
for ((i = 1; i <= RUNS; i++)); do
	rm -f "$TMP/chromium.pdf"
	profile=$(mktemp -d "$TMP/chromium-profile.XXXXXX")
	measure "$TMP/chromium.log" chromium --headless --no-sandbox --disable-gpu \
		--disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$profile" --allow-file-access-from-files --print-to-pdf="$TMP/chromium.pdf" \
		--no-pdf-header-footer "file://$TMP/portfolio.html"
	wall=$WALL main=$MAIN rss=$RSS pss=$PSS
	[[ -s $TMP/chromium.pdf ]] || die "chromium wrote no PDF; see its output above"
	rm -rf "$profile"
	say "chromium $i/$RUNS: ${wall}s, $(mb "$rss") MB peak (all processes; largest one $(mb "$main") MB)"
	chr_wall+=("$wall") chr_main+=("$main") chr_rss+=("$rss") chr_pss+=("$pss")
done
chr_size=$(size_mb "$TMP/chromium.pdf") chr_pages=$(pages "$TMP/chromium.pdf")
chr_images=$(pdfimages -list "$TMP/chromium.pdf" 2>/dev/null | tail -n +3 | wc -l || echo "?")

# ---------------------------------------------------------------------------------------------
# Rows of the table

cw=$(median "${cold_wall[@]}") cp=$(median "${cold_peak[@]}") uw=$(median "${unlock_wall[@]}")
ww=$(median "${warm_wall[@]}") wp=$(median "${warm_peak[@]}")
hw=$(median "${chr_wall[@]}") hm=$(median "${chr_main[@]}") hr=$(median "${chr_rss[@]}") hp=$(median "${chr_pss[@]}")
lw=$(calc "printf \"%.2f\", $ww - $uw")

faster() { calc "r = $1; if (r <= 0) r = 0.001; x = $hw / r; if (x >= 1) printf \"%.1fx faster\", x; else printf \"%.1fx slower\", 1 / x"; }
verdict() { # WALL PEAK_KB
	echo "speed $(met "$hw / $1 >= $TARGET_SPEEDUP"), memory $(met "$2 / 1024 < $TARGET_PEAK_MB")"
}
peer="Chromium print-to-PDF ${hw} s, $(mb "$hr") MB"
target="≥${TARGET_SPEEDUP}x faster, < ${TARGET_PEAK_MB} MB"
add_row "Signed PDF export, first ($ENTRIES entries, $IMAGES photos, $PAPER)" "${cw} s, ${cold_pages} pages" "$peer" \
	"$(faster "$cw")" "$(mb "$cp") MB" "$target" "$(verdict "$cw" "$cp")"
add_row "Signed PDF export, again (print cache)" "${ww} s" "$peer" "$(faster "$ww")" "$(mb "$wp") MB" "$target" "$(verdict "$ww" "$wp")"
add_row "… of which unlocking the key (Argon2id)" "${uw} s" "" "$(calc "printf \"%.0f%% of the export\", 100 * $uw / $ww")" "" "" ""
add_row "… the export less the unlock" "${lw} s" "$peer" "$(faster "$lw")" "" "" ""

add_note "PDF export: $ENTRIES entries, $IMAGES photo-sized JPEGs (1600x1200), paper $PAPER, median of $RUNS; $(chromium --version 2>/dev/null | head -n1)."
add_note "  First: one export of each of $RUNS fresh data folders; again: $RUNS more exports of the first folder."
add_note "  Unlocking: an export given a wrong passphrase, which stops after deriving the key (Argon2id t=3, 64 MiB,"
add_note "  p=4) and loading the folder; every signed export pays it once, whatever the size of the portfolio."
add_note "  ReadyFolio's peak is its one process's peak RSS (/usr/bin/time %M). Chromium's is the peak of the summed"
add_note "  VmRSS of its process group, sampled every 100 ms (largest process $(mb "$hm") MB; summed PSS $(mb "$hp") MB)."
add_note "  ReadyFolio's PDF: ${cold_size} MB, ${cold_pages} pages, with the original files embedded; signature $signature"
add_note "  (readyfolio verify). Chromium's: ${chr_size} MB, ${chr_pages} pages, no originals, $chr_images images as they are."
add_note "  ${report_line#Wrote "$TMP"/warm.pdf: }"
finish_part
