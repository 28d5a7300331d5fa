#!/usr/bin/env bash
# Benchmark of the signed Certification export (`make bench`): a demo portfolio of 60 entries
# with 120 photo-sized JPEGs (1600x1200), exported by ReadyFolio cold (the first export of a
# fresh data folder; images are prepared for print when they are imported) and warm (again),
# against Chromium printing the same content as HTML to PDF (scripts/benchhtml writes the HTML).
# Also times an export given a wrong passphrase, which stops right after the Argon2id key
# derivation: the share of the export that unlocking the key takes, whatever the portfolio.
# Prints one table: median wall time, peak memory and output size of each, and how much
# faster ReadyFolio is.
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
# The table

cw=$(median "${cold_wall[@]}") cp=$(median "${cold_peak[@]}") uw=$(median "${unlock_wall[@]}")
ww=$(median "${warm_wall[@]}") wp=$(median "${warm_peak[@]}")
hw=$(median "${chr_wall[@]}") hm=$(median "${chr_main[@]}") hr=$(median "${chr_rss[@]}") hp=$(median "${chr_pss[@]}")

speedup() { awk -v c="$hw" -v r="$1" 'BEGIN { if (r <= 0) r = 0.001; x = c / r; if (x >= 1) printf "%.1fx faster", x; else printf "%.1fx slower", 1 / x }'; }
met() { # WALL PEAK_KB → "speed MET|NOT MET, memory MET|NOT MET"
	awk -v c="$hw" -v r="$1" -v k="$2" -v s="$TARGET_SPEEDUP" -v m="$TARGET_PEAK_MB" 'BEGIN {
		if (r <= 0) r = 0.001
		printf "speed %s (%.1fx), memory %s (%.0f MB)", (c / r >= s) ? "MET" : "NOT MET", c / r, (k / 1024 < m) ? "MET" : "NOT MET", k / 1024 }'
}

cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
row() { printf '%-48s %8s %9s %9s %6s   %s\n' "$@"; }
echo
row "benchmark ($(date +%F), nproc=$(nproc), median of $RUNS)" "wall s" "peak MB" "size MB" "pages" "ratio vs chromium"
row "readyfolio export, cold (first export)" "$cw" "$(mb "$cp")" "$cold_size" "$cold_pages" "$(speedup "$cw")"
row "readyfolio export, warm (print cache)" "$ww" "$(mb "$wp")" "$warm_size" "$warm_pages" "$(speedup "$ww")"
row "  of which unlocking the key (Argon2id)" "$uw" "" "" "" "$(awk -v u="$uw" -v w="$ww" 'BEGIN { if (w > 0) printf "%.0f%% of the warm export", 100 * u / w }')"
row "  warm export less the unlock" "$(awk -v u="$uw" -v w="$ww" 'BEGIN { printf "%.2f", w - u }')" "" "" "" "$(speedup "$(awk -v u="$uw" -v w="$ww" 'BEGIN { printf "%.3f", w - u }')")"
row "chromium --print-to-pdf (same content)" "$hw" "$(mb "$hr")" "$chr_size" "$chr_pages" "1.0"
echo "targets: ≥${TARGET_SPEEDUP}x faster than chromium, peak < ${TARGET_PEAK_MB} MB →"
echo "  cold: $(met "$cw" "$cp")"
echo "  warm: $(met "$ww" "$wp")"
echo
echo "notes: $ENTRIES entries, $IMAGES images, paper $PAPER; ${cpu:-unknown CPU}; $(chromium --version 2>/dev/null | head -n1)"
echo "  cold: $RUNS fresh data folders, one cold export each; warm: $RUNS exports of the first folder after its cold one."
echo "  unlock: an export with a wrong passphrase, which stops after deriving the key (Argon2id t=3, 64 MiB, p=4)"
echo "  and loading the data folder; every signed export pays it once, whatever the size of the portfolio."
echo "  readyfolio peak = peak RSS of its one process (/usr/bin/time %M). chromium peak = peak of the summed"
echo "  VmRSS of its whole process group, sampled every 100 ms (largest single process, time's %M: $(mb "$hm") MB;"
echo "  summed PSS, which counts shared pages once: $(mb "$hp") MB)."
echo "  readyfolio: ${report_line#Wrote "$TMP"/warm.pdf: } Signature: $signature (readyfolio verify)."
echo "  Its size includes the original files it embeds (certification preset); chromium's PDF embeds none"
echo "  and keeps each JPEG as it is ($chr_images images)."
